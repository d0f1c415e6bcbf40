"""The pseudonymised research export on SQLite and PostgreSQL: who is in it (registry yes, not withdrawn,
treated), stable keyed pseudonyms, day numbers, no identifier in any byte, the manifest's hashes, the
audit entry, free text only on request, and the REDCap dictionary's exact columns."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import unicodedata
from pathlib import Path

import pytest

from exoconsult.domain.disclosure import pseudonym
from exoconsult.domain.errors import PermissionDenied, ValidationError
from exoconsult.services.admin.audit_log import AuditFilter, AuditLogService
from exoconsult.services.exports.research_export import ResearchExportService, ResearchOptions
from exoconsult.storage.clinic_secret import PSEUDONYM_KEY, read_secret
from tests.exports_support import follow_up, treat


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((folder / name).read_text(encoding="utf-8"))))


def _ascii(text: str) -> str:
    table = str.maketrans({"ı": "i", "İ": "I", "ş": "s", "Ş": "S", "ğ": "g", "Ğ": "G"})
    return unicodedata.normalize("NFKD", text.translate(table)).encode("ascii", "ignore").decode()


def _forms(text: str) -> set[str]:
    """The string as typed, case-folded, ASCII-folded, both; digits also without separators."""
    out = {text, text.casefold(), _ascii(text), _ascii(text).casefold()}
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) >= 7:
        out.add(digits)
    return {f for f in out if len(f) >= 4}


def assert_no_identifier(folder: Path, identifiers: dict) -> None:
    files = sorted(folder.iterdir())
    assert files
    for path in files:
        data = path.read_bytes()
        haystacks = (data, data.decode("utf-8").casefold().encode(), _ascii(data.decode("utf-8")).casefold().encode())
        for key, value in identifiers.items():
            for form in _forms(str(value)):
                for hay in haystacks:
                    assert form.encode() not in hay, f"{key} ({form!r}) found in {path.name}"


def test_only_registry_patients_leave_pseudonymised_and_nothing_identifies_them(ctx, staff, clock, tmp_path):
    kept = treat(ctx, staff, clock, tmp_path, 0)
    declined = treat(ctx, staff, clock, tmp_path, 1, registry=False)
    later = treat(ctx, staff, clock, tmp_path, 2, events_note="Hasta Şahinbey bayıldı, eşi Ayten çağrıldı")
    follow_up(ctx, clock, kept, ae_description="Şahinbey'in eşi Ayten aradı: skrotal şişlik")
    urologist = kept.day.ready.urologist
    service = ResearchExportService(ctx)
    with pytest.raises(PermissionDenied):
        service.export(kept.day.ready.nurse, str(tmp_path / "nurse"), ResearchOptions())

    out = tmp_path / "export"
    result = service.export(urologist, str(out), ResearchOptions())
    key = read_secret_in(ctx)
    expected = sorted(pseudonym(key, t.day.ready.patient_id) for t in (kept, later))
    assert sorted(result.pseudonyms) == expected and result.excluded == 1
    patients = _rows(out, "patients.csv")
    assert sorted(r["record_id"] for r in patients) == expected
    first = next(r for r in patients if r["record_id"] == pseudonym(key, kept.day.ready.patient_id))
    assert first["age_at_procedure"] == str(_age("1987-04-19", ctx, clock))
    assert first["choice_publication"] == "1" and first["choice_recontact"] == "0"
    assert int(first["consent_day"]) <= 0 and first["withdrawn"] == "0"
    semen = _rows(out, "semen_analyses.csv")
    assert {r["redcap_repeat_instrument"] for r in semen} == {"semen_analyses"}
    assert all(int(r["semen_analyses_day"]) < 0 for r in semen)
    hormones = _rows(out, "hormone_panels.csv")
    assert {r["hormone_panels_fsh"] for r in hormones} == {"24.1"}
    procedures = _rows(out, "procedures.csv")
    assert {r["procedure_day"] for r in procedures} == {"0"} and {r["events___3"] for r in procedures} == {"1"}
    assert "events_note" not in procedures[0] and "anaesthetic_agent" not in procedures[0]
    kept_id = pseudonym(key, kept.day.ready.patient_id)
    [visit] = _rows(out, "followup_visits.csv")
    assert (visit["record_id"], visit["visit_status"], visit["fu_sperm_seen"], visit["fu_fsh"]) == (kept_id, "1", "3", "22")
    assert 80 <= int(visit["visit_day"]) <= 110
    [outcome] = _rows(out, "outcomes.csv")
    assert outcome["record_id"] == kept_id and outcome["outcome"] == "1"  # sperm in the ejaculate
    [event] = _rows(out, "adverse_events.csv")
    assert (event["ae_onset_day"], event["ae_outcome_day"], event["ae_serious"]) == ("2", "9", "0")
    assert "ae_description" not in event and event["ae_lot_number"] == "EXO-LOT-0"

    identifiers = [kept.identifiers, declined.identifiers, later.identifiers]
    for ids in identifiers:
        assert_no_identifier(out, ids)
    for path in out.iterdir():  # the free text (naming the patient and his wife) stayed behind
        assert b"Ayten" not in path.read_bytes()

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {f["name"]: f["sha256"] for f in manifest["files"]}
    assert set(listed) == {p.name for p in out.iterdir()} - {"manifest.json"}
    for name, digest in listed.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "answered no to the outcome registry: < 5" in readme and "procedures.events_note" in readme
    summary = _rows(out, "summary.csv")
    assert all(r["count"] == "< 5" for r in summary)  # two patients: every count is small

    entries = AuditLogService(ctx).query(staff["admin"], AuditFilter(action="research_export")).entries
    assert len(entries) == 1
    detail = json.loads(entries[0].detail)
    assert sorted(detail["pseudonyms"]) == expected and set(detail["files"]) == set(listed) | {"manifest.json"}

    again = tmp_path / "again"
    assert sorted(service.export(urologist, str(again), ResearchOptions()).pseudonyms) == expected  # stable
    with pytest.raises(ValidationError, match="empty folder"):
        service.export(urologist, str(out), ResearchOptions())


def test_a_clinic_set_up_before_the_key_gets_it_at_its_first_export_audited(ctx, staff, tmp_path):
    """The test clinic was never set up (setup makes the key): the first export makes it, once."""
    service, urologist = ResearchExportService(ctx), staff["urologist"]
    assert service.export(urologist, str(tmp_path / "a"), ResearchOptions()).pseudonyms == ()
    service.export(urologist, str(tmp_path / "b"), ResearchOptions())
    made = AuditLogService(ctx).query(staff["admin"], AuditFilter(action="pseudonym_key.create")).entries
    assert [json.loads(e.detail)["when"] for e in made] == ["first use"]
    readme = (tmp_path / "a" / "README.txt").read_text(encoding="utf-8")
    assert f"Pseudonym key id: {json.loads(made[0].detail)['key_id']}." in readme
    assert read_secret_in(ctx).hex() not in readme


def read_secret_in(ctx) -> bytes:
    with ctx.db.session(write=False) as session:
        return read_secret(session, PSEUDONYM_KEY)


def _age(birth: str, ctx, clock) -> int:
    from datetime import date
    from zoneinfo import ZoneInfo

    today, born = clock.now().astimezone(ZoneInfo("Europe/Istanbul")).date(), date.fromisoformat(birth)
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
