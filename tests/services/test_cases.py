"""Case files: import validates everything first and writes nothing on any error; an existing patient
gets a new history version; export -> import reproduces the history exactly (property-based)."""

from __future__ import annotations

import copy
import itertools
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from exoconsult.domain.errors import PermissionDenied
from exoconsult.domain.patient import PatientData
from exoconsult.domain.vocabulary import GROUP_FIELDS, HISTORY_FIELDS, FieldSpec, FieldType
from exoconsult.services.history.cases import CaseService
from exoconsult.services.history.history import HistoryService
from exoconsult.services.history.history_dto import FieldChange
from exoconsult.services.history.patients import PatientService
from exoconsult.services.integrity.verify import verify_installation
from exoconsult.storage.history import HistoryRepository
from exoconsult.storage.orm import AuditEntryRow, PatientRow

TODAY = date(2026, 11, 24)  # the FakeClock's date
_MRNS = itertools.count(1)


def patient_block(mrn: str) -> dict:
    return {"family_name": "Işık", "given_name": "Mehmet Ali", "birth_date": "1988-03-14", "sex": "male", "mrn": mrn,
            "national_id": "10000000146", "phone": "+90 532 000 0001", "email": "m.isik@example.org",
            "preferred_language": "tr", "needs_interpreter": False}


def case(history: dict, mrn: str = "C-0001") -> dict:
    return {"format": "exoconsult-case/1", "assessed_on": TODAY.isoformat(), "patient": patient_block(mrn),
            "history": history}


def counts(ctx) -> tuple[int, int]:
    with ctx.db.connect() as conn:
        return (conn.scalar(select(func.count()).select_from(PatientRow)),
                conn.scalar(select(func.count()).select_from(AuditEntryRow)))


# --- generated cases ---------------------------------------------------------------------------------


def _value(spec: FieldSpec) -> st.SearchStrategy:
    lo, hi = spec.minimum, spec.maximum
    if spec.type is FieldType.BOOL:
        base = st.booleans()
    elif spec.type is FieldType.ENUM:
        base = st.sampled_from(spec.values)
    elif spec.type is FieldType.DATE:
        base = st.dates(date(1990, 1, 1), TODAY).map(date.isoformat)
    elif spec.type is FieldType.INT:
        base = st.integers(int(lo), int(hi))
    elif spec.type is FieldType.DECIMAL:
        base = st.floats(lo, hi, allow_nan=False) | st.integers(int(lo), int(hi))
    else:  # quantity: a bare canonical number, or any accepted unit with a value inside the hard range
        units = st.sampled_from(spec.units).flatmap(lambda u: st.floats(
            0, hi * u.divide / u.multiply * (1 - 1e-9), allow_nan=False).map(lambda v: {"value": v, "unit": u.symbol}))
        base = st.floats(lo, hi, allow_nan=False) | units
    return st.none() | base  # null = asked, not known


def _block(fields: dict[str, FieldSpec]) -> st.SearchStrategy:
    return st.fixed_dictionaries({}, optional={fid: _value(spec) for fid, spec in fields.items()})


def _consistent(history: dict) -> dict:
    """The case format's own cross-checks: no concentration with 'none' seen, no stop date unless stopped."""
    for entry in history.get("semen_analyses") or []:
        if entry.get("sperm_seen") == "none":
            entry.pop("concentration_million_per_ml", None)
    if history.get("exogenous_testosterone_or_aas") in ("never", "current"):
        history.pop("testosterone_stopped_on", None)
    return history


HISTORIES = st.builds(
    lambda top, groups: _consistent({**top, **groups}),
    _block(HISTORY_FIELDS),
    st.fixed_dictionaries({}, optional={g: st.lists(_block(f), max_size=3) for g, f in GROUP_FIELDS.items()}),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=HISTORIES)
def test_export_import_round_trip_is_exact(ctx, urologist, history) -> None:
    service = CaseService(ctx)
    original = case(history, mrn=f"RT-{next(_MRNS):05d}")
    imported = service.import_case(urologist, copy.deepcopy(original), accept_warnings=True)
    assert imported.written and imported.created_patient, imported.errors
    exported = service.export_case(urologist, imported.patient_id)
    assert exported == original
    again = service.import_case(urologist, exported, accept_warnings=True)  # same MRN: a new version
    assert (again.patient_id, again.version, again.created_patient) == (imported.patient_id, 2, False)
    assert service.export_case(urologist, imported.patient_id) == original


def test_round_trip_of_an_edited_history_with_units(ctx, nurse, urologist) -> None:
    patient = PatientService(ctx).create(nurse, PatientData("Şahin", "Emre", date(1991, 11, 23), mrn="E-1"))
    history = HistoryService(ctx)
    row, _ = history.add_row(nurse, patient.id, "hormone_panels")
    assert history.save_fields(nurse, patient.id, [
        FieldChange("infertility_type", "primary"), FieldChange(f"hormone_panels/{row}/date", "01.07.2026"),
        FieldChange(f"hormone_panels/{row}/total_testosterone", {"value": "310", "unit": "ng/dL"}),
        FieldChange(f"hormone_panels/{row}/prolactin", {"value": 212, "unit": "mIU/L"})]).ok
    exported = CaseService(ctx).export_case(nurse, patient.id)
    assert exported["history"] == {"infertility_type": "primary", "hormone_panels": [
        {"date": "2026-07-01", "total_testosterone": {"value": 310.0, "unit": "ng/dL"},
         "prolactin": {"value": 212, "unit": "mIU/L"}}]}
    assert exported["patient"]["mrn"] == "E-1" and "national_id" not in exported["patient"]
    result = CaseService(ctx).import_case(urologist, exported)
    assert result.written and result.version == 2 and not result.notes
    assert CaseService(ctx).export_case(nurse, patient.id) == exported
    report = verify_installation(ctx)
    assert report.ok, [p.describe() for p in report.problems]


def test_import_reports_every_error_with_its_json_path_and_writes_nothing(ctx, urologist) -> None:
    bad = case({"partnr_age": 30, "infertility_type": "tertiary",
                "hormone_panels": [{"date": "2026-13-01", "fsh": {"value": 5, "unit": "nmol"}},
                                   {"total_testosterone": {"value": 120, "unit": "nmol/L"}}],
                "semen_analyses": [{"sperm_seen": "none", "concentration_million_per_ml": 3}]})
    bad["patient"]["birth_date"] = "2030-01-01"
    bad["extra"] = 1
    before = counts(ctx)
    result = CaseService(ctx).import_case(urologist, bad, accept_warnings=True)
    assert not result.written
    assert set(result.errors) == {
        "extra", "patient.birth_date", "history.partnr_age", "history.infertility_type",
        "history.hormone_panels[0].date", "history.hormone_panels[0].fsh.unit",
        "history.hormone_panels[1].total_testosterone.value",
        "history.semen_analyses[0].concentration_million_per_ml"}
    assert "IU/L, mIU/mL" in result.errors["history.hormone_panels[0].fsh.unit"]
    assert counts(ctx) == before  # not a patient, not a version, not even an audit entry
    # Each problem is also a Reason a screen says in its own language: the same words in English, the value as
    # the file writes it, the field a term the screen names by its label
    assert set(result.reasons) == set(result.errors)
    assert {path: why.english() for path, why in result.reasons.items()} == dict(result.errors)
    assert result.reasons["patient.birth_date"].template == "{date} is after the assessment date {assessed_on}"
    concentration = result.reasons["history.semen_analyses[0].concentration_million_per_ml"]
    assert concentration.template == "a concentration above 0 contradicts {field}: none"
    assert concentration.lists == {"field": ("sperm_seen",)} and concentration.lists_context == "QuestionnaireFields"
    too_high = result.reasons["history.hormone_panels[1].total_testosterone.value"]
    assert too_high.values["shown"] == "120 nmol/L" and too_high.values["units"] == "ng/dL"


def test_a_new_patient_needs_a_complete_valid_patient_block(ctx, urologist) -> None:
    incomplete = case({})
    incomplete["patient"]["birth_date"] = None  # "asked, not known" is fine in a case, not for a new record
    before = counts(ctx)
    result = CaseService(ctx).import_case(urologist, incomplete)
    assert not result.written and set(result.errors) == {"patient.birth_date"}
    assert counts(ctx) == before


def test_import_for_an_existing_patient_adds_a_version_and_keeps_the_record(ctx, nurse, urologist) -> None:
    patient = PatientService(ctx).create(nurse, PatientData("Işık", "Mehmet", date(1988, 3, 14), mrn="C-0001"))
    history = HistoryService(ctx)
    assert history.save_fields(nurse, patient.id, [FieldChange("infertility_type", "secondary")]).ok
    result = CaseService(ctx).import_case(urologist, case({"infertility_type": "primary"}))
    assert result.written and not result.created_patient
    assert (result.patient_id, result.version) == (patient.id, 2)
    assert result.notes and "given_name" in result.notes[0] and "kept unchanged" in result.notes[0]
    assert PatientService(ctx).open(nurse, patient.id).data.given_name == "Mehmet"
    current = history.get(nurse, patient.id)
    assert (current.version, current.source, current.value("infertility_type")) == (2, "import", "primary")
    with ctx.uow(nurse, write=False) as uow:
        versions = HistoryRepository(uow.session).versions(patient.id)
        assert [(v.version, v.source, v.doc().history) for v in versions] == [
            (1, "edit", {"infertility_type": "secondary"}), (2, "import", {"infertility_type": "primary"})]
    report = verify_installation(ctx)
    assert report.ok, [p.describe() for p in report.problems]


def test_implausible_values_need_confirmation(ctx, urologist) -> None:
    suspicious = case({"hormone_panels": [{"date": "2026-07-01", "total_testosterone": {"value": 65, "unit": "nmol/L"}}]})
    before = counts(ctx)
    held = CaseService(ctx).import_case(urologist, suspicious)
    (warning,) = held.warnings
    assert held.needs_confirmation and "did you mean ng/dL" in str(warning)
    assert str(warning).startswith("history.hormone_panels[0].total_testosterone: total_testosterone 65 nmol/L")
    assert warning.path == "history.hormone_panels[0].total_testosterone"
    assert warning.why.lists == {"field": ("total_testosterone",)} and warning.why.parts["shown"][0].english() == "65 nmol/L"
    assert counts(ctx) == before
    accepted = CaseService(ctx).import_case(urologist, suspicious, accept_warnings=True)
    assert accepted.written and accepted.warnings == held.warnings


def test_only_urologists_import_and_exports_are_audited(ctx, nurse, urologist) -> None:
    with pytest.raises(PermissionDenied):
        CaseService(ctx).import_case(nurse, case({}))
    result = CaseService(ctx).import_case(urologist, case({}))
    CaseService(ctx).export_case(nurse, result.patient_id)
    with ctx.db.connect() as conn:
        actions = [r.action for r in conn.execute(select(AuditEntryRow.action, AuditEntryRow.actor)
                                                  .where(AuditEntryRow.action.like("case.%")))]
    assert actions == ["case.import", "case.export"]
    assert CaseService(ctx).find_patient(nurse, " C-0001 ") == result.patient_id
