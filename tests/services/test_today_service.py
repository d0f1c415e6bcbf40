"""Today overview and procedure plans: stages from the records, signed-not-printed consents, and a
patient whose consent is withdrawn, superseded or expired on the planned date cannot be marked ready."""

from __future__ import annotations

from datetime import timedelta

import pytest

from exoconsult.domain.errors import PermissionDenied, ValidationError
from exoconsult.services.printing.printing import PrintingService
from exoconsult.services.today.today import TodayService
from tests.consent_support import ready_for_consent, sign


def test_stages_unprinted_consents_and_procedure_readiness(sqlite_ctx, staff, clock, tmp_path):
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path)
    today = TodayService(sqlite_ctx)
    rows = {r.patient_id: r for r in today.overview(ready.nurse).consultations}
    assert rows[ready.patient_id].stage == "ready_to_sign"
    summary = sign(sqlite_ctx, ready)
    overview = today.overview(ready.nurse)
    assert {r.patient_id: r.stage for r in overview.consultations}[ready.patient_id] == "signed"
    assert [c.document_id for c in overview.unprinted] == [summary.document_id]
    printing = PrintingService(sqlite_ctx)
    printing.record(ready.nurse, printing.prepare(ready.nurse, summary.document_id), "Ward printer")
    assert today.overview(ready.nurse).unprinted == ()

    soon = today.plan_procedure(ready.nurse, ready.patient_id, overview.today + timedelta(days=3))
    assert soon.consent_document_id == summary.document_id and soon.consent_status == "signed"
    assert today.set_ready(ready.nurse, soon.id).ready
    late = today.plan_procedure(ready.nurse, ready.patient_id, overview.today + timedelta(days=120))
    assert late.consent_status == "expired" and "expired" in late.blocked_reason
    with pytest.raises(ValidationError, match="expired"):
        today.set_ready(ready.nurse, late.id)
    with pytest.raises(PermissionDenied):
        today.plan_procedure(staff["admin"], ready.patient_id, overview.today)
    with pytest.raises(ValidationError):
        today.plan_procedure(ready.nurse, ready.patient_id, overview.today - timedelta(days=1))


def test_today_lists_the_most_recently_active_consultations_not_the_first_names_of_the_alphabet(ctx, staff, clock):
    """With more patients than Today shows, the ones the clinic is working on are listed: a patient
    registered long ago whose history was just edited, and the newest registrations, whatever their
    names; the oldest untouched ones are left to the patient list."""
    from datetime import date

    from exoconsult.domain.patient import PatientData
    from exoconsult.services.history.history import HistoryService
    from exoconsult.services.history.history_dto import FieldChange
    from exoconsult.services.history.patients import PatientService
    from exoconsult.services.today import today as today_module

    patients, nurse = PatientService(ctx), staff["nurse"]
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXY"

    def register(family: str, n: int) -> int:
        clock.advance(minutes=1)
        return patients.create(nurse, PatientData(family_name=family, given_name="Ali",
                                                  birth_date=date(1980, 1, 1), mrn=f"R-{n:04d}")).id

    first = register("Aaa", 0)  # first of the alphabet, registered first
    early = register("Zed", 1)
    for n in range(2, 12):
        register("B" + letters[n], n)
    newest = [register("Zz" + letters[n], 100 + n) for n in range(3)]
    clock.advance(minutes=1)
    HistoryService(ctx).save_fields(staff["urologist"], early, [FieldChange("bleeding_disorder", False)])
    original = today_module.MAX_PATIENTS
    today_module.MAX_PATIENTS = 5  # the same rule as 300 of thousands, at a size a test can build
    try:
        listed = [r.patient_id for r in TodayService(ctx).overview(nurse).consultations]
    finally:
        today_module.MAX_PATIENTS = original
    assert len(listed) == 5
    assert early in listed and set(newest) <= set(listed)
    assert first not in listed



def test_today_at_its_real_limit_of_300_lists_the_clinics_current_work(sqlite_ctx, staff, clock):
    """The issue's own size: 320 patients, Today's real limit of 300. The first registered (first of the
    alphabet too) falls off; a patient registered early whose history was just edited and the newest stay."""
    from datetime import date

    from exoconsult.domain.patient import PatientData
    from exoconsult.services.history.history import HistoryService
    from exoconsult.services.history.history_dto import FieldChange
    from exoconsult.services.history.patients import PatientService
    from exoconsult.services.today.today import MAX_PATIENTS

    patients, nurse = PatientService(sqlite_ctx), staff["nurse"]
    ids = []
    for n in range(320):
        clock.advance(minutes=1)
        name = "A" + "".join("abcdefghij"[int(d)] for d in f"{n:03d}")  # Aaaa, Aaab, …: alphabetical order
        ids.append(patients.create(nurse, PatientData(family_name=name, given_name="Ali",
                                                      birth_date=date(1980, 1, 1), mrn=f"T-{n:04d}")).id)
    clock.advance(minutes=1)
    HistoryService(sqlite_ctx).save_fields(staff["urologist"], ids[5], [FieldChange("bleeding_disorder", False)])
    listed = {r.patient_id for r in TodayService(sqlite_ctx).overview(nurse).consultations}
    assert MAX_PATIENTS == 300 and len(listed) == 300
    assert ids[5] in listed and set(ids[-280:]) <= listed
    assert ids[0] not in listed and ids[1] not in listed


def test_a_patient_whose_consent_expired_or_was_withdrawn_is_not_shown_as_ready_to_sign(sqlite_ctx, staff, clock,
                                                                                         tmp_path):
    from exoconsult.definitions.content import load_withdrawal_text
    from exoconsult.services.consent.consents import ConsentService
    from tests.consent_support import STAFF_PASSWORDS, CapturedSignature, scribble

    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path)
    today = TodayService(sqlite_ctx)
    summary = sign(sqlite_ctx, ready)
    clock.advance(days=366)  # past any consent validity the settings allow (at most 365 days)
    stage = {r.patient_id: r.stage for r in today.overview(ready.nurse).consultations}[ready.patient_id]
    assert stage == "reconsent"  # his gates are all still open: "ready to sign" would hide the expiry
    clock.advance(days=-366)
    ids = [c.id for c in load_withdrawal_text(sqlite_ctx.forms_dir, "tr").data_choices]
    ConsentService(sqlite_ctx).withdraw(ready.urologist, summary.document_id, {cid: n == 0 for n, cid in enumerate(ids)},
                                        CapturedSignature("patient", "Ahmet Yılmaz", scribble()),
                                        STAFF_PASSWORDS["urologist"], "Changed his mind.")
    stage = {r.patient_id: r.stage for r in today.overview(ready.nurse).consultations}[ready.patient_id]
    assert stage == "withdrawn"


def test_today_reads_the_same_number_of_statements_with_one_or_three_consented_patients(ctx, staff, clock, tmp_path,
                                                                                        monkeypatch):
    """Today's refresh must not grow with the consents the clinic holds (issue 22): it reads the signed-not-
    printed consents in one statement and the consents of the listed consultations only. The id lists of a
    preload are cut at one id and Today lists one consultation, so a clinic of 3 consented patients stands
    for 3 × 500 (old code: one more set of statements per 500 consented patients, here per patient)."""
    from benchmarks.bench_use_cases import Counter
    from exoconsult.services.today import today as today_module
    from exoconsult.storage import consultation_read

    def refresh(nurse):
        today = TodayService(ctx)
        with Counter({ctx.db.write_engine, ctx.db.read_engine}) as counted:
            overview = today.overview(nurse)
        return overview, counted.statements

    monkeypatch.setattr(consultation_read, "CHUNK", 1)
    monkeypatch.setattr(today_module, "MAX_PATIENTS", 1)
    signed = []
    for n in range(3):
        ready = ready_for_consent(ctx, staff, clock, tmp_path / f"p{n}", mrn=f"C-{n}")
        signed.append(sign(ctx, ready).document_id)
        if n == 0:
            one, with_one = refresh(ready.nurse)
    three, with_three = refresh(ready.nurse)
    assert [c.document_id for c in one.unprinted] == signed[:1]
    assert [c.document_id for c in three.unprinted] == signed  # oldest signed first, as before
    assert [r.stage for r in three.consultations] == ["signed"]
    assert with_three == with_one
