"""A service error that carries translatable reasons keeps its English words for the command line and logs."""

from __future__ import annotations

from datetime import date

import pytest

from exoconsult.domain.errors import Conflict, ExoError, ValidationError
from exoconsult.domain.patient import PatientData, validate_patient
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.core.clinic_settings import validate_changes


def test_a_reason_carrying_validation_error_keeps_english_problems_and_str():
    why = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "MRN {mrn} is already used by another patient."),
                          mrn="X-1")
    error = ValidationError({"mrn": why, "phone": "Phone number is odd."})
    assert error.problems == {"mrn": "MRN X-1 is already used by another patient.", "phone": "Phone number is odd."}
    assert str(error) == "mrn: MRN X-1 is already used by another patient.; phone: Phone number is odd."
    assert error.reasons == {"mrn": why}  # plain text has no reason: screens show it as given


def test_a_refusal_with_a_reason_says_it_in_english_and_keeps_it():
    why = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "MRN is required."))
    error = Conflict(why=why)
    assert str(error) == "MRN is required." and error.why is why
    assert str(Conflict("plain words")) == "plain words" and Conflict("plain words").why is None
    assert ExoError("x").why is None


def test_patient_validation_gives_a_reason_for_every_field_it_refuses():
    with pytest.raises(ValidationError) as info:
        validate_patient(PatientData(family_name="", given_name="Ali", birth_date=date(2030, 1, 1), sex="male",
                                     mrn=""), date(2026, 1, 1))
    assert info.value.problems == {"family_name": "Name is required.", "birth_date": "Birth date is in the future.",
                                   "mrn": "MRN is required."}
    assert set(info.value.reasons) == set(info.value.problems)
    assert all(r.context == "ServiceMessages" for r in info.value.reasons.values())


def test_a_setting_names_its_field_as_a_term_the_screen_translates():
    with pytest.raises(ValidationError) as info:
        validate_changes({"idle_lock_minutes": 99, "clinic_name": " "})
    assert info.value.problems == {"idle_lock_minutes": "Idle lock (minutes) must be a whole number from 1 to 15",
                                   "clinic_name": "Clinic name is required"}
    assert info.value.reasons["clinic_name"].lists == {"label": ("Clinic name",)}


def test_a_password_rule_reads_the_same_in_english_and_names_which_password():
    from exoconsult.services.accounts.auth import MIN_PASSWORD, password_problem, password_reason

    assert password_problem("short") == f"must be at least {MIN_PASSWORD} characters"
    why = password_reason("short", label=QT_TRANSLATE_NOOP("ServiceMessages", "The new password"))
    assert why.english() == f"The new password must be at least {MIN_PASSWORD} characters."
    assert why.lists == {"label": ("The new password",)}
    assert password_reason("a calm violet river under seven bridges") is None
