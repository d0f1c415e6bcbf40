"""A service error that carries translatable reasons keeps its English words for the command line and logs."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

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


# The service code whose refusals a Turkish user sees, converted to Reasons: a bare English sentence here
# would reach a Turkish screen untranslated. Grows as areas are converted.
CONVERTED = ("procedure", "accounts/auth.py", "accounts/grants.py", "admin/audit_log.py", "admin/setup.py",
             "admin/clinic_passphrase.py", "core/seal_key.py", "assessment/reassess.py", "history/cases.py",
             "history/history.py", "explanation", "followup", "adverse_events", "printing", "content", "exports", "registry",
             "programme", "today", "consent/consents.py", "consent/consent_records.py", "admin/backup.py",
             "admin/restore.py", "admin/backup_key.py", "admin/clinic_summary.py", "admin/workstation.py",
             "accounts/signing_pin.py")
# The storage errors a screen shows inside its "Database problem" box (backup files, locked secrets, the
# database connection, the schema), relative to the package.
STORAGE_CONVERTED = ("storage/backup.py", "storage/clinic_backup_file.py", "storage/secret_box.py", "storage/db.py",
                     "storage/migrate.py")
# NotFound is shown as the screens' own "The record no longer exists.", PermissionDenied likewise: their
# words never reach a user.
NOT_SHOWN = {"NotFound", "PermissionDenied"}


def _english_literal(node: ast.AST) -> bool:
    """A plain English sentence: a string literal, an f-string, or a choice between such."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(node.value.strip())
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.IfExp):
        return _english_literal(node.body) or _english_literal(node.orelse)
    if isinstance(node, ast.BinOp):
        return _english_literal(node.left) or _english_literal(node.right)
    return False


def bare_english_refusals(source: str) -> list[tuple[int, str]]:
    """(line, what) of every refusal built from a bare English sentence in `source`: ValidationError({key:
    "..."}), an ExoError subclass raised with "...", or problems[key] = "..." gathered for one."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name == "ValidationError" and node.args and isinstance(node.args[0], ast.Dict | ast.DictComp):
                values = node.args[0].values if isinstance(node.args[0], ast.Dict) else [node.args[0].value]
                found += [(node.lineno, "ValidationError({...: English})") for v in values if _english_literal(v)]
            elif (name.endswith(("Error", "Conflict", "Failed", "Refused", "Required")) and name not in NOT_SHOWN
                  and node.args and _english_literal(node.args[0])):
                found.append((node.lineno, f"{name}(English)"))
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Subscript):
            target = node.targets[0].value
            if getattr(target, "id", "") in ("problems", "p") and _english_literal(node.value):
                found.append((node.lineno, "problems[...] = English"))
    return sorted(found)


def _converted_files() -> list[Path]:
    package = Path(__file__).resolve().parents[2] / "exoconsult"
    services = package / "services"
    return sorted([p for entry in CONVERTED
                   for p in ((services / entry).rglob("*.py") if (services / entry).is_dir() else [services / entry])]
                  + [package / entry for entry in STORAGE_CONVERTED])


def test_the_guard_finds_a_bare_english_refusal():
    source = ('def f(x):\n'
              '    problems = {}\n'
              '    problems["a"] = f"The {x} is wrong."\n'
              '    if x:\n'
              '        raise ValidationError({"lot": "Choose the product lot."})\n'
              '    raise Conflict("someone else changed this lot")\n'
              'def g():\n'
              '    raise ValidationError({"lot": service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Fine."))})\n'
              'def h():\n'
              '    raise NotFound("lot 3 does not exist")\n')
    assert [line for line, _ in bare_english_refusals(source)] == [3, 5, 6]


def test_converted_services_refuse_only_with_reasons_a_screen_translates():
    files = _converted_files()
    assert len(files) >= len(CONVERTED)
    offenders = [f"{path.relative_to(path.parents[2])}:{line} {what}"
                 for path in files for line, what in bare_english_refusals(path.read_text(encoding="utf-8"))]
    assert not offenders, "refusals a Turkish user would read in English:\n" + "\n".join(offenders)


def test_a_refused_file_keeps_its_english_line_and_says_why_without_the_file_name(tmp_path):
    from exoconsult.bounded_input import InputRefused, load_json_file

    path = tmp_path / "case.json"
    path.write_text('{"history": {}, "history": [1 2]}', encoding="utf-8")
    with pytest.raises(InputRefused) as info:
        load_json_file(path, 1000, "case file")
    assert str(info.value) == f"{path}: not valid JSON: line 1 column 31: Expecting ',' delimiter"
    detail = info.value.detail
    assert detail.english() == "not valid JSON: line 1 column 31: Expecting ',' delimiter"
    assert detail.lists == {"reason": ("Expecting ',' delimiter",)} and detail.lists_context == "JsonErrors"
    path.write_text("{}" + " " * 1000, encoding="utf-8")
    with pytest.raises(InputRefused) as info:
        load_json_file(path, 1000, "case file")
    assert str(info.value) == f"{path}: case file is larger than 1000 bytes; refused"
    assert info.value.detail.lists == {"what": ("case file",)}
