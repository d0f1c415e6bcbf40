"""The programme facts (content release 1.1, item 3): entered per language by an administrator, read by
every signed-in role, every change audited with who and what; a missing fact or a missing translation
closes the signing gate with that reason, and nothing is signed."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from exoconsult.domain.errors import PermissionDenied, ValidationError
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.programme.programme import FACTS, OPTIONAL, ProgrammeService
from exoconsult.storage.orm import AuditEntryRow
from tests.consent_support import ready_for_consent, sign


def _audit(ctx, action: str) -> list[tuple[str, dict]]:
    with ctx.db.connect() as conn:
        rows = conn.execute(select(AuditEntryRow.actor, AuditEntryRow.detail)
                            .where(AuditEntryRow.action == action).order_by(AuditEntryRow.seq)).all()
    return [(actor, json.loads(detail)) for actor, detail in rows]


def test_facts_are_kept_per_language_and_every_change_is_audited(ctx, staff, clock):
    service = ProgrammeService(ctx)
    admin, nurse = staff["admin"], staff["nurse"]
    empty = service.read(nurse)
    assert set(empty.missing["tr"]) == set(FACTS) - OPTIONAL  # a new install has none of them
    service.update(admin, {"costs.total": "4,000 EUR", "costs.total@tr": "4.000 EUR", "product.name": "EXO-1"})
    clock.advance(minutes=5)
    service.set_fact(admin, "costs.total", "tr", "4.500 EUR")
    service.set_fact(admin, "product.name", "tr", "EXO-2")  # a name: one value for every language
    service.set_fact(admin, "costs.total", "tr", "4.500 EUR")  # unchanged: nothing to audit
    facts = service.read(nurse)
    assert facts.values["costs.total"] == "4,000 EUR" and facts.values["costs.total@tr"] == "4.500 EUR"
    assert facts.values["product.name"] == "EXO-2" and "product.name@tr" not in facts.values
    assert "costs.total" not in facts.missing["tr"] and "costs.total" not in facts.missing["en"]
    assert "product.manufacturer" in facts.missing["en"]
    assert facts.last_changed["costs.total@tr"].by == "admin"
    assert facts.last_changed["costs.total@tr"].at > facts.last_changed["costs.total"].at
    changes = _audit(ctx, "programme_facts_changed")
    assert [actor for actor, _ in changes] == ["admin", "admin", "admin"]
    assert changes[1][1]["changed"] == {"costs.total@tr": {"before": "4.000 EUR", "after": "4.500 EUR"}}
    with pytest.raises(PermissionDenied):
        service.set_fact(nurse, "costs.total", "en", "free")
    with pytest.raises(PermissionDenied):
        service.update(staff["urologist"], {"costs.total": "free"})
    with pytest.raises(ValidationError) as info:
        service.set_fact(admin, "doctor.name", "en", "Dr. Who")  # filled from the consultation, not typed here
    assert "not a programme fact" in info.value.problems["key"]
    with pytest.raises(ValidationError) as info:
        service.set_fact(admin, "costs.total", "de", "4000")
    assert "lang" in info.value.problems
    assert service.read(nurse).values["costs.total"] == "4,000 EUR"  # refusals lost nothing


def test_a_missing_translation_or_fact_blocks_signing_with_that_reason(ctx, staff, clock, tmp_path):
    ready = ready_for_consent(ctx, staff, clock, tmp_path)  # every fact recorded in both languages
    admin, consents = staff["admin"], ConsentService(ctx)
    ProgrammeService(ctx).update(admin, {"costs.complications@tr": "", "conflicts.statement": "",
                                         "conflicts.statement@tr": ""})
    gate = next(g for g in consents.prepare(ready.urologist, ready.patient_id, "tr").gates
                if g.key == "programme_facts")
    assert not gate.open
    assert "not translated into it: Who pays if a complication needs treatment" in gate.reason
    assert "not recorded: Whether the clinic or doctor earns from the product" in gate.reason
    with pytest.raises(ValidationError) as info:
        sign(ctx, ready)
    assert list(info.value.problems) == ["gate:programme_facts"]
    assert consents.list(ready.urologist, ready.patient_id) == []
    english = next(g for g in consents.prepare(ready.urologist, ready.patient_id, "en").gates
                   if g.key == "programme_facts")
    assert not english.open and "not translated" not in english.reason  # English has no translation to miss
    ProgrammeService(ctx).update(admin, {"costs.complications@tr": "Klinik öder", "conflicts.statement": "None",
                                         "conflicts.statement@tr": "Yok"})
    assert sign(ctx, ready).status == "signed"
