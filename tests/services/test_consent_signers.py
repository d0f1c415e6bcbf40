"""Who signs a consent and how they prove it (content release 1.1, item 14): a staff witness types their
own password (argon2, the sign-in lockout rules), a refusal signs nothing and is audited against the
witness's account, the audit and the printed signature block say who was verified and how; an external
witness gives a name and their relation to the patient."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from exoconsult.domain.errors import ValidationError
from exoconsult.services.consent.consent_dto import CapturedSignature
from exoconsult.services.consent.consents import ConsentService
from exoconsult.storage.consents import ConsentSignatureRow
from exoconsult.storage.orm import AuditEntryRow
from tests.conftest import STAFF_PASSWORDS
from tests.consent_support import ready_for_consent, scribble, sign, submission


@pytest.fixture
def ready(ctx, staff, clock, tmp_path):
    return ready_for_consent(ctx, staff, clock, tmp_path)


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def _audit(ctx, action: str) -> list[tuple[str, str, dict]]:
    with ctx.db.connect() as conn:
        rows = conn.execute(select(AuditEntryRow.actor, AuditEntryRow.entity_id, AuditEntryRow.detail)
                            .where(AuditEntryRow.action == action).order_by(AuditEntryRow.seq)).all()
    return [(actor, eid, json.loads(detail or "null")) for actor, eid, detail in rows]


def _sign_with(ctx, ready, witness_password: str, sub=None):
    return ConsentService(ctx).sign(ready.urologist, ready.patient_id, sub or submission(ctx, ready),
                                    STAFF_PASSWORDS["urologist"], witness_password=witness_password)


def test_a_wrong_witness_password_signs_nothing_and_the_audit_names_the_witness(ctx, ready):
    nurse = ready.nurse
    with pytest.raises(ValidationError) as info:
        _sign_with(ctx, ready, "not-the-nurses-password")
    assert list(info.value.problems) == ["witness_password"]
    assert "Nothing was signed" in info.value.problems["witness_password"]
    assert ConsentService(ctx).list(ready.urologist, ready.patient_id) == []
    failed = _audit(ctx, "witness_auth_failed")
    assert [(eid, d["reason"]) for _, eid, d in failed] == [(str(nurse.user_id), "wrong password")]
    assert failed[0][0] == "urologist"  # typed on the urologist's screen, counted against the nurse's account
    with pytest.raises(ValidationError) as info:
        _sign_with(ctx, ready, "")  # not typed at all: asked for, not counted as a failure
    assert "types their own password" in info.value.problems["witness_password"]
    assert len(_audit(ctx, "witness_auth_failed")) == 1


def test_the_witness_proves_who_they_are_and_the_record_says_so(ctx, ready):
    summary = sign(ctx, ready)  # the nurse witnesses with her own password
    nurse = ready.nurse
    assert [(actor, eid) for actor, eid, _ in _audit(ctx, "witness_auth")] == [("urologist", str(nurse.user_id))]
    [(_, _, detail)] = _audit(ctx, "sign")
    assert detail["verified"] == [
        {"role": "urologist", "user_id": ready.urologist.user_id, "username": "urologist", "how": "password re-entered"},
        {"role": "witness", "user_id": nurse.user_id, "username": "nurse", "how": "password re-entered"}]
    with ctx.db.connect() as conn:
        rows = dict(conn.execute(select(ConsentSignatureRow.role, ConsentSignatureRow.user_id)
                                 .where(ConsentSignatureRow.document_id == summary.document_id)).all())
    assert rows["witness"] == nurse.user_id and rows["urologist"] == ready.urologist.user_id
    body = _text(ConsentService(ctx).pdf(ready.urologist, summary.document_id))
    assert body.count("Kimlik parolayla doğrulandı: imzalayan, imzalarken kendi parolasını girdi") == 2
    assert "Tanık (klinik personeli)" in body and "Ayşe Nurse" in body


def test_the_witness_cannot_be_the_treating_urologist_and_lockout_applies(ctx, ready):
    base = submission(ctx, ready)
    himself = replace(base, signatures=tuple(
        replace(s, user_id=ready.urologist.user_id) if s.role == "witness" else s for s in base.signatures))
    with pytest.raises(ValidationError) as info:
        _sign_with(ctx, ready, STAFF_PASSWORDS["urologist"], himself)
    assert "someone other than the treating urologist" in info.value.problems["signature:witness"]
    for _ in range(5):
        with pytest.raises(ValidationError):
            _sign_with(ctx, ready, "guessing-the-nurse-password")
    with pytest.raises(ValidationError) as info:  # locked for 15 minutes, as at sign-in
        _sign_with(ctx, ready, STAFF_PASSWORDS["nurse"])
    assert "locked" in info.value.problems["witness_password"]
    assert [d["reason"] for _, _, d in _audit(ctx, "witness_auth_failed")][-1] == "locked"
    assert ConsentService(ctx).list(ready.urologist, ready.patient_id) == []


def test_an_external_witness_gives_name_and_relation_and_signs_on_the_pad(ctx, ready):
    base = submission(ctx, ready)
    external = CapturedSignature("witness", "Mehmet Yılmaz", scribble(0.02))
    others = tuple(s for s in base.signatures if s.role != "witness")
    with pytest.raises(ValidationError) as info:
        _sign_with(ctx, ready, "", replace(base, signatures=(*others, external)))
    assert "relation to the patient is required" in info.value.problems["witness_relation"]
    summary = _sign_with(ctx, ready, "", replace(base, signatures=(*others, replace(external, relation="kardeşi"))))
    body = _text(ConsentService(ctx).pdf(ready.urologist, summary.document_id))
    assert "Tanık (hastaya yakınlığı: kardeşi)" in body and "Mehmet Yılmaz" in body
    assert body.count("Kimlik parolayla doğrulandı") == 1  # only the urologist typed a password
    assert _audit(ctx, "witness_auth") == []
