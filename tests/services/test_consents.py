"""Signing a consent: gates, checks on the submission, the sealed PDF committed with its hash and
signatures, the archive copy, verification of files and QR ids, status (withdrawn / expired /
superseded), write-once triggers, and verify's archive check."""

from __future__ import annotations

import io
import shutil
from dataclasses import replace

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from exoconsult.domain.errors import ValidationError
from exoconsult.services.consent.consent_archive import repair_archive
from exoconsult.services.consent.consent_dto import CapturedSignature
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.explanation.explanation import ExplanationService
from exoconsult.services.integrity.document_check import check_document_id, check_pdf
from exoconsult.services.integrity.verify import verify_installation
from tests.conftest import STAFF_PASSWORDS
from tests.consent_support import approved_forms, ready_for_consent, scribble, sign, submission


@pytest.fixture
def ready(ctx, staff, clock, tmp_path):
    return ready_for_consent(ctx, staff, clock, tmp_path)


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_signing_stores_a_sealed_pdf_with_its_hash_and_archive_copy(ctx, ready):
    summary = sign(ctx, ready)
    assert summary.status == "signed" and summary.language == "tr"
    pdf = ConsentService(ctx).pdf(ready.urologist, summary.document_id)
    from pathlib import Path

    assert Path(summary.archive_path).read_bytes() == pdf
    check = check_pdf(ctx, pdf)
    assert check.valid and check.seal_valid and check.status == "signed" and check.kind == "consent"
    body = _text(pdf)
    assert summary.document_id in body and "Ahmet Yılmaz" in body and "Dr. Deniz Uro" in body
    flat = " ".join(body.split())
    assert "yasal haklarınızdan hiçbirini ortadan kaldırmaz" in flat  # the preamble: no rights are waived
    assert verify_installation(ctx).ok


def test_gates_block_signing_with_their_reasons(ctx, staff, clock, tmp_path):
    ready = ready_for_consent(ctx, staff, clock, tmp_path)
    clock.advance(days=-7)  # back inside the reflection period
    with pytest.raises(ValidationError) as info:
        sign(ctx, ready)
    assert list(info.value.problems) == ["gate:reflection"]
    assert "Reflection period ends" in info.value.problems["gate:reflection"]


def test_an_unapproved_text_can_be_previewed_but_not_signed(ctx, ready, tmp_path):
    path = ctx.forms_dir / "consent" / "tr.md"  # a new version nobody approved yet
    path.write_text(path.read_text(encoding="utf-8").replace('version: "3.1.0"', 'version: "3.1.1"'), encoding="utf-8")
    prep = ConsentService(ctx).prepare(ready.urologist, ready.patient_id, "tr")
    assert not prep.text_approved and not prep.can_sign
    preview = ConsentService(ctx).preview(ready.urologist, ready.patient_id, "tr")
    pages = PdfReader(io.BytesIO(preview)).pages
    assert all("TASLAK" in p.extract_text() for p in pages)
    with pytest.raises(ValidationError) as info:
        sign(ctx, ready)
    assert "consent/tr.md: exo-consent 3.1.1 (tr) is not approved" in info.value.problems["gate:content_approved"]


def test_missing_initials_optional_answers_and_trivial_signatures_are_refused(ctx, ready):
    base = submission(ctx, ready)
    initials = dict(base.initials)
    initials.pop("risks")
    dot = CapturedSignature("patient", "Ahmet Yılmaz", ((scribble()[0][0],),))
    bad = replace(base, initials=initials, optional_answers={},
                  signatures=(dot,) + tuple(s for s in base.signatures if s.role != "patient"))
    with pytest.raises(ValidationError) as info:
        ConsentService(ctx).sign(ready.urologist, ready.patient_id, bad, STAFF_PASSWORDS["urologist"])
    problems = info.value.problems
    assert "initials:risks" in problems and "signature:patient" in problems
    assert sum(k.startswith("optional:") for k in problems) == 4
    assert ConsentService(ctx).list(ready.urologist, ready.patient_id) == []


def test_a_wrong_clinician_password_signs_nothing(ctx, ready):
    with pytest.raises(Exception):  # noqa: B017 - the auth service's own error type
        ConsentService(ctx).sign(ready.urologist, ready.patient_id, submission(ctx, ready), "not-my-password-at-all")
    assert ConsentService(ctx).list(ready.urologist, ready.patient_id) == []


def test_signed_rows_refuse_edits_in_the_database(ctx, ready):
    summary = sign(ctx, ready)
    for sql in ("UPDATE consent SET language = 'en'", "DELETE FROM consent",
                "UPDATE consent_signature SET printed_name = 'X'", "UPDATE consent SET status = 'withdrawn'"):
        with pytest.raises(Exception) as info:
            with ctx.db.connect(write=True) as conn:
                conn.execute(text(sql))
                conn.commit()
        assert "write-once" in str(info.value), sql
    assert ConsentService(ctx).list(ready.urologist, ready.patient_id)[0].document_id == summary.document_id
    # The one change the triggers allow (signed -> withdrawn) made behind the app's back is caught by replay.
    with ctx.db.connect(write=True) as conn:
        conn.execute(text("UPDATE consent SET status = 'withdrawn', withdrawn_at = signed_at, "
                          "withdrawal_document_id = document_id"))
        conn.commit()
    problems = verify_installation(ctx).problems
    assert [(p.entity, "status" in p.message) for p in problems] == [("consent", True)]


def test_withdrawal_produces_its_own_sealed_pdf_and_marks_the_consent(ctx, ready):
    summary = sign(ctx, ready)
    choices = {"keep": True, "anonymise": False, "delete": False}
    from exoconsult.definitions.content import load_withdrawal_text

    ids = [c.id for c in load_withdrawal_text(ctx.forms_dir, "tr").data_choices]
    choices = {cid: n == 0 for n, cid in enumerate(ids)}
    after = ConsentService(ctx).withdraw(ready.urologist, summary.document_id, choices,
                                         CapturedSignature("patient", "Ahmet Yılmaz", scribble()),
                                         STAFF_PASSWORDS["urologist"], "Changed his mind.")
    assert after.status == "withdrawn" and after.withdrawal_document_id
    withdrawal_pdf = ConsentService(ctx).pdf(ready.urologist, after.withdrawal_document_id)
    check = check_pdf(ctx, withdrawal_pdf)
    assert check.valid and check.kind == "withdrawal" and check.status == "withdrawn"
    assert check_pdf(ctx, ConsentService(ctx).pdf(ready.urologist, summary.document_id)).status == "withdrawn"
    with pytest.raises(ValidationError):
        ConsentService(ctx).withdraw(ready.urologist, summary.document_id, choices,
                                     CapturedSignature("patient", "Ahmet Yılmaz", scribble()),
                                     STAFF_PASSWORDS["urologist"])
    assert verify_installation(ctx).ok


def test_expiry_and_supersession_are_computed(ctx, staff, ready, clock, tmp_path):
    summary = sign(ctx, ready)
    clock.advance(days=91)
    assert ConsentService(ctx).list(ready.urologist, ready.patient_id)[0].status == "expired"
    newer = tmp_path / "v2"
    shutil.copytree(ctx.forms_dir, newer)
    path = newer / "consent" / "tr.md"
    path.write_text(path.read_text(encoding="utf-8").replace('version: "3.1.0"', 'version: "4.0.0"'), encoding="utf-8")
    approved_forms(ctx, staff, newer)
    assert ConsentService(ctx).list(ready.urologist, ready.patient_id)[0].status == "superseded"
    assert summary.document_id


def test_a_flipped_byte_or_an_appended_update_is_not_valid(ctx, ready):
    pdf = ConsentService(ctx).pdf(ready.urologist, sign(ctx, ready).document_id)
    flipped = bytearray(pdf)
    flipped[len(pdf) // 3] ^= 0x01
    assert not check_pdf(ctx, bytes(flipped)).valid
    appended = pdf + b"\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    result = check_pdf(ctx, appended)
    assert not result.valid and not result.identical_to_archive


def test_qr_payload_and_document_id_lookups(ctx, ready):
    summary = sign(ctx, ready)
    from exoconsult.domain.people import SYSTEM_ACTOR
    from exoconsult.storage.consents import ConsentRepository

    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        content_hash = ConsentRepository(uow.session).by_document_id(summary.document_id).content_hash
    assert check_document_id(ctx, f"EXOCONSULT:{summary.document_id}:{content_hash[:16]}").valid
    assert not check_document_id(ctx, f"EXOCONSULT:{summary.document_id}:0000000000000000").valid
    assert not check_document_id(ctx, "00000000-0000-0000-0000-000000000000").found


def test_start_up_repair_restores_a_missing_archive_copy_and_verify_reports_tampering(ctx, ready):
    from pathlib import Path

    summary = sign(ctx, ready)
    path = Path(summary.archive_path)
    path.unlink()
    assert any("missing" in p.message for p in verify_installation(ctx).problems)
    state = repair_archive(ctx)
    assert state.missing == (path.name,) and path.exists() and verify_installation(ctx).ok
    path.write_bytes(path.read_bytes()[:-10])
    assert any("differs" in p.message for p in verify_installation(ctx).problems)
    repair_archive(ctx)
    assert verify_installation(ctx).ok


def test_interpreter_is_a_required_signer_when_languages_differ(ctx, staff, clock, tmp_path):
    ready = ready_for_consent(ctx, staff, clock, tmp_path, language="en", mrn="C-EN", preferred="en")
    prep = ConsentService(ctx).prepare(ready.urologist, ready.patient_id, "en")
    assert "interpreter" in [s.role for s in prep.signers if s.required]
    base = submission(ctx, ready)
    without = replace(base, signatures=tuple(s for s in base.signatures if s.role != "interpreter"))
    with pytest.raises(ValidationError) as info:
        ConsentService(ctx).sign(ready.urologist, ready.patient_id, without, STAFF_PASSWORDS["urologist"])
    assert "signature:interpreter" in info.value.problems
    assert sign(ctx, ready).language == "en"
    assert ExplanationService(ctx).current(ready.urologist, ready.patient_id, "en").interpreter_needed


def test_re_consent_lists_the_sections_that_changed(ctx, staff, ready, tmp_path):
    sign(ctx, ready)
    assert ConsentService(ctx).prepare(ready.urologist, ready.patient_id, "tr").changed_sections == ()
    newer = tmp_path / "v2"
    shutil.copytree(ctx.forms_dir, newer)
    path = newer / "consent" / "tr.md"
    text = path.read_text(encoding="utf-8").replace('version: "3.1.0"', 'version: "4.0.0"')
    costs = text.index("{#costs}")
    text = text[:costs] + text[costs:].replace("\n\n", "\n\nBu paragraf yeni eklendi.\n\n", 1)
    path.write_text(text, encoding="utf-8")
    approved_forms(ctx, staff, newer)
    prep = ConsentService(ctx).prepare(ready.urologist, ready.patient_id, "tr")
    assert prep.previous_version == "3.1.0" and [sid for sid, _ in prep.changed_sections] == ["costs"]


def test_the_blank_form_can_be_read_before_any_assessment_or_explanation(ctx, staff, tmp_path):
    from datetime import date

    from exoconsult.domain.patient import PatientData
    from exoconsult.services.history.patients import PatientService

    new = PatientService(ctx).create(staff["nurse"], PatientData(family_name="Kaya", given_name="Can",
                                                                 birth_date=date(1990, 1, 2), mrn="NEW-1"))
    pdf = ConsentService(ctx).preview(staff["nurse"], new.id, "tr")
    text = _text(pdf)
    assert "Can Kaya" in text and "henüz kaydedilmedi" in text and "ÖNİZLEME" in text
