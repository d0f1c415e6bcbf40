"""The application log: what it records (start, sign-in/out, each use case's outcome, tracebacks) and
what it must never record (patient data: names, MRNs, phone numbers, typed values, exception messages)."""

from __future__ import annotations

from datetime import date

import pytest

from exoconsult import app_log
from exoconsult.cli import main
from exoconsult.config import DataDir
from exoconsult.domain.errors import ValidationError
from exoconsult.domain.patient import PatientData
from exoconsult.services.accounts.auth import AuthService, LoginFailed
from exoconsult.services.clinic import open_context
from exoconsult.services.demo.step_10_clinic import DEMO_ACCOUNTS
from exoconsult.services.demo.step_20_patients import PATIENTS
from exoconsult.services.history.patients import PatientService

# Made-up values nobody would write in a log line by accident.
SECRET_FAMILY, SECRET_GIVEN, SECRET_MRN = "Qwyzzelbach", "Ulvandrix", "MRN-ZQ-98765"
SECRET_PHONE, SECRET_EMAIL, SECRET_TYPED_USER = "+90 555 987 6543", "ulvandrix@example.org", "Qwyzzel.typo"


def _log_text(dd: DataDir) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(dd.logs_dir.glob("exoconsult.log*")))


def _walk_with_distinctive_patient(dd: DataDir, monkeypatch) -> None:
    ctx = open_context(dd)
    try:
        auth = AuthService(ctx)
        with pytest.raises(LoginFailed):
            auth.login(SECRET_TYPED_USER, "not a password")
        nurse = auth.login("nurse", DEMO_ACCOUNTS["nurse"][-1])
        patients = PatientService(ctx)
        data = PatientData(family_name=SECRET_FAMILY, given_name=SECRET_GIVEN, birth_date=date(1987, 4, 5),
                           mrn=SECRET_MRN, phone=SECRET_PHONE, email=SECRET_EMAIL)
        created = patients.create(nurse, data)
        assert patients.search(nurse, SECRET_GIVEN)[0].id == created.id
        patients.open(nurse, created.id)
        with pytest.raises(ValidationError):  # the message quotes the MRN; the log must not
            patients.create(nurse, PatientData(family_name="Another", given_name=SECRET_GIVEN,
                                               birth_date=date(1990, 1, 1), mrn=SECRET_MRN))

        def broken_add(*_args, **_kwargs):
            raise RuntimeError(f"could not store {SECRET_FAMILY} {SECRET_MRN}")

        monkeypatch.setattr("exoconsult.services.history.patients.PatientRepository.add", broken_add)
        with pytest.raises(RuntimeError):
            patients.create(nurse, PatientData(family_name=SECRET_FAMILY, given_name="B", birth_date=date(1990, 1, 1),
                                               mrn="MRN-ZQ-11111"))
        auth.logout(nurse)
    finally:
        ctx.close()


def test_the_demo_walk_leaves_a_useful_log_without_patient_data(tmp_path, monkeypatch) -> None:
    dd = DataDir(tmp_path / "clinic")
    assert main(["demo", "--no-launch", "--data-dir", str(dd.root)]) == 0
    assert main(["verify", "--data-dir", str(dd.root)]) == 0
    _walk_with_distinctive_patient(dd, monkeypatch)
    text = _log_text(dd)

    assert "start: exoconsult" in text and "command demo" in text and "command verify finished: exit 0" in text
    assert "sign-in: account" in text and "login refused: unknown user" in text and "sign-out: account" in text
    assert "PatientService.create by account" in text and ": ok in" in text
    assert "refused (ValidationError)" in text
    assert "FAILED (RuntimeError)" in text and "Traceback" in text and "broken_add" in text

    forbidden = [SECRET_FAMILY, SECRET_GIVEN, SECRET_MRN, SECRET_PHONE, SECRET_EMAIL, SECRET_TYPED_USER]
    for n, (family, given, _born, _lang, _interp, national_id) in enumerate(PATIENTS, start=1):
        forbidden += [f"{given} {family}", f"{family}, {given}", f"DEMO-{n:04d}", f"000 {n:04d}"]
        forbidden += [family] if len(family) >= 5 else []
        forbidden += [national_id] if national_id else []
    for display_name, *_ in DEMO_ACCOUNTS.values():
        forbidden.append(display_name)  # not patient data, but a person's name: ids are enough in a log
    leaked = sorted({value for value in forbidden if value.casefold() in text.casefold()})
    assert not leaked, f"the log holds {leaked}:\n{text}"


def test_a_traceback_is_logged_without_the_exception_message(tmp_path) -> None:
    path = app_log.configure(tmp_path / "logs", "test")
    try:
        try:
            raise KeyError(SECRET_MRN)
        except KeyError as inner:
            raise ValueError(f"patient {SECRET_FAMILY}") from inner
    except ValueError as exc:
        app_log.log_unexpected("a test", exc)
    text = path.read_text(encoding="utf-8")
    assert "builtins.ValueError" in text and "builtins.KeyError" in text and "raised while handling" in text
    assert SECRET_MRN not in text and SECRET_FAMILY not in text


def test_the_log_rotates_by_size_and_keeps_a_few_generations(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(app_log, "MAX_BYTES", 2_000)
    path = app_log.configure(tmp_path / "logs", "test")
    for n in range(400):
        app_log.log.info("line %d of a long run", n)
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["exoconsult.log", *(f"exoconsult.log.{n}" for n in range(1, app_log.GENERATIONS + 1))]
    assert all(p.stat().st_size <= 2_200 for p in path.parent.iterdir())


def test_an_unknown_local_setting_is_reported_by_every_command_and_logged(tmp_path, capsys) -> None:
    dd = DataDir(tmp_path / "clinic").ensure()
    dd.local_settings_path.write_text('{"databse_url": "postgresql://typo"}', encoding="utf-8")
    main(["db", "status", "--data-dir", str(dd.root)])
    err = capsys.readouterr().err
    assert "warning:" in err and "unknown key 'databse_url'" in err
    assert "unknown key 'databse_url'" in _log_text(dd)


def test_broken_local_settings_stop_a_command_with_one_clear_line(tmp_path, capsys) -> None:
    dd = DataDir(tmp_path / "clinic").ensure()
    dd.local_settings_path.write_text('{"database_url": "sqlite:///x.db",\n', encoding="utf-8")
    assert main(["db", "status", "--data-dir", str(dd.root)]) == 2
    err = capsys.readouterr().err
    assert "local-settings.json is not valid JSON (line 2 column 1" in err and "Traceback" not in err


def test_a_folder_that_cannot_be_written_leaves_the_program_without_a_log_not_stopped(tmp_path, capsys) -> None:
    blocked = tmp_path / "logs"
    blocked.write_text("a file where the logs folder should be", encoding="utf-8")
    assert app_log.configure(blocked, "test") is None
    assert "no log file: cannot write" in capsys.readouterr().err
    assert app_log.current_path() is None
    app_log.log.info("nothing breaks")
