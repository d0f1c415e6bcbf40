"""The consent record's mechanics: assemble the render model from the stored records, render and seal
it, commit it atomically with its signatures and audit, keep the archive copy in step with the database,
and compute each consent's status."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from functools import partial

from exoconsult.definitions.content import load_comprehension, load_consent_text, load_withdrawal_text
from exoconsult.documents import model as m
from exoconsult.documents.canonical import content_hash
from exoconsult.documents.consent_pdf import render_consent_pdf
from exoconsult.documents.keys import certificate_fingerprint
from exoconsult.documents.seal import seal_pdf
from exoconsult.documents.withdrawal_pdf import render_withdrawal_pdf
from exoconsult.domain.content import ConsentText
from exoconsult.domain.errors import NotFound, StorageError, ValidationError
from exoconsult.domain.signature import strokes_to_json
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.accounts.auth import SignatureAuthentication
from exoconsult.services.assessment.assessments import latest_assessment
from exoconsult.services.assessment.eligibility_annex import eligibility_annex
from exoconsult.services.consent import consent_build as build
from exoconsult.services.consent.consent_dto import CapturedSignature, ConsentSummary
from exoconsult.services.core.changes import Part
from exoconsult.services.core.clinic_settings import logo_image
from exoconsult.services.core.content_approval import meta_approved
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.document_labels import document_words, withdrawal_labels
from exoconsult.services.core.external_anchors import sealing_audit_head
from exoconsult.services.core.seal_key import sealing_identity
from exoconsult.services.core.work import Work
from exoconsult.services.explanation.explanation import current_explanation
from exoconsult.services.explanation.explanation_content import case_facts
from exoconsult.services.history.reading import read_history
from exoconsult.services.programme.programme import placeholder_values
from exoconsult.storage.accounts import UserRepository
from exoconsult.storage.archive import archive_folder, write_atomically
from exoconsult.storage.audit import canonical
from exoconsult.storage.consent_evidence import ConsentEvidenceRepository, ConsentEvidenceRow
from exoconsult.storage.consents import (
    ConsentChoiceRow,
    ConsentRepository,
    ConsentRow,
    ConsentSignatureRow,
    WithdrawalRow,
)
from exoconsult.storage.patients import PatientRepository, to_data


def clinic_logo(work: Work) -> bytes | None:
    return logo_image(work.ctx, work.settings, work.session)


def _display_name(work: Work, user_id: int) -> str:
    row = UserRepository(work.session).get(user_id)
    return row.display_name if row is not None else ""


def explanation_id(work: Work, patient_id: int, language: str) -> int:
    dto = current_explanation(work, patient_id, language)
    if dto is None:
        raise ValidationError({"explanation": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "No explanation in {language} is on record."), language=repr(language))})
    return dto.id


def assemble(work: Work, patient_id: int, text: ConsentText, *, document_id: str,
             initials: Mapping[str, str], optional_answers: Mapping[str, bool | None],
             signatures: Sequence[build.SignatureRecord], lot: str, dose: str, performing: str = "",
             copy_marking: str | None = None, for_reading: bool = False) -> m.ConsentDocument:
    """`for_reading`: a blank form to read before the consultation; its annexes may still be empty.
    `performing`: the name of the urologist chosen to perform the procedure (item 4)."""
    lang, ctx = text.meta.language, work.ctx
    settings = work.settings
    row = PatientRepository(work.session).get(patient_id)
    if row is None:
        raise NotFound(f"patient {patient_id} does not exist")
    patient = to_data(row)
    assessment = latest_assessment(work, patient_id)
    explanation = current_explanation(work, patient_id, lang)
    if (assessment is None or explanation is None) and not for_reading:
        raise ValidationError({"consent": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The assessment and the explanation must be on record first."))})
    words = document_words(lang, ctx.forms_dir)
    if explanation is None:
        return build.consent_document(
            document_id=document_id, text=text, values=placeholder_values(work, lot=lot, lang=lang),
            patient=patient, settings=settings, logo_png=clinic_logo(work), initials=initials,
            optional_answers=optional_answers,
            eligibility=(eligibility_annex(assessment, lang, forms_dir=ctx.forms_dir) if assessment
                         else build.empty_eligibility(words)),
            explanation=build.empty_explanation(words), signatures=signatures, audit_rows=(),
            reflection_reason=None, approved=meta_approved(work, "consent", text.meta), words=words,
            copy_marking=copy_marking, forms_dir=ctx.forms_dir)
    check = load_comprehension(ctx.forms_dir, lang)
    delivered_by = _display_name(work, explanation.started_by)
    # Item 4: the performing urologist is the one chosen from the clinic's urologists (default: the one who
    # signs), never whoever happens to be signed in.
    doctor = performing or next((s.printed_name for s in signatures if s.role == "urologist"), "") or delivered_by
    values = placeholder_values(work, doctor_name=doctor, lot=lot, lang=lang, facts=case_facts(work, patient_id))
    if dose:
        values["product.dose_per_testis"] = dose
    events, roles, tz = words.section("consent_record.events"), build.role_labels(words), settings.time_zone
    audit_rows = [(build.format_time(explanation.started_at, tz, words, zone=False), delivered_by, events["started"]),
                  (build.format_time(explanation.completed_at, tz, words, zone=False), delivered_by, events["completed"])]
    audit_rows += [(build.format_time(s.signed_at, tz, words, zone=False), s.printed_name,
                    events["signed"].format(role=roles.get(s.role, s.role))) for s in signatures]
    return build.consent_document(
        document_id=document_id, text=text, values=values, patient=patient, settings=settings, logo_png=clinic_logo(work),
        initials=initials, optional_answers=optional_answers,
        eligibility=eligibility_annex(assessment, lang, dict(read_history(work, patient_id).history), ctx.forms_dir),
        explanation=build.explanation_annex(
            explanation, {q.id: q.prompt for q in check.questions},
            {(q.id, o.id): o.text for q in check.questions for o in q.options}, settings.time_zone, words),
        signatures=signatures, audit_rows=audit_rows,
        reflection_reason=explanation.reflection_reason or None, approved=meta_approved(work, "consent", text.meta),
        words=words, copy_marking=copy_marking, forms_dir=ctx.forms_dir)


def render(document: m.ConsentDocument) -> bytes:
    return render_consent_pdf(document)


def seal(work: Work, pdf: bytes, *, reason: str) -> bytes:
    identity = sealing_identity(work.ctx.db, work.ctx.data_dir.keys_dir, work.actor.user_id, work.session)
    pinned = work.settings.certificate_fingerprint
    if pinned and certificate_fingerprint(identity.certificate) != pinned:
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "the seal key in keys/ (certificate {found}) is not the clinic's pinned certificate "
            "({pinned}); nothing was sealed. Ask the administrator."),
            found=certificate_fingerprint(identity.certificate), pinned=pinned))
    # The chain head at sealing goes inside the sealed content: an anchor a later rewrite cannot reach.
    return seal_pdf(pdf, identity, reason=reason, location=work.settings.clinic_name or "ExoConsult",
                    audit_head=sealing_audit_head(work))


def _signature_rows(document_id: str, records: Sequence[build.SignatureRecord], staff: Mapping[str, int]):
    return [ConsentSignatureRow(document_id=document_id, role=r.role, printed_name=r.printed_name, meaning=r.meaning,
                                signed_at=r.signed_at, user_id=staff.get(r.role), detail=r.detail,
                                strokes=canonical(strokes_to_json(r.strokes))) for r in records]


def archive(ctx: ServiceContext, name: str, data: bytes) -> None:
    """The archive copy, written after the commit (start-up repair restores it if we die in between)."""
    write_atomically(archive_folder(ctx.data_dir.archive_dir), name, data)


def section_hashes(text: ConsentText) -> dict[str, str]:
    """What each section said, as a hash, so a later re-consent can show the patient what changed."""
    return {s.id: hashlib.sha256(("\n".join([s.title] + [b.plain_text() for b in s.blocks])).encode()).hexdigest()
            for s in text.sections}


def changed_sections(work: Work, patient_id: int, text: ConsentText) -> tuple[str, tuple[tuple[str, str], ...]]:
    """(version of the patient's newest earlier consent in this language, sections that differ from it)."""
    earlier = [r for r in ConsentRepository(work.session).for_patient(patient_id) if r.language == text.meta.language]
    if not earlier:
        return "", ()
    newest = earlier[0]
    before = json.loads(newest.section_hashes or "{}")
    version = newest.text_version
    now = section_hashes(text)
    return version, tuple((s.id, s.title) for s in text.sections if before.get(s.id) != now[s.id])


# How each verified signer proved who they were, as the "sign" audit entry records it.
VERIFIED_HOW = {"password": "password re-entered", "pin": "PIN entered"}


def store_consent(work: Work, *, patient_id: int, text: ConsentText, document: m.ConsentDocument,
                  sealed: bytes, signer_records: Sequence[build.SignatureRecord], signed_at: datetime,
                  explanation_id: int, verified: Mapping[str, SignatureAuthentication],
                  optional_answers: Mapping[str, bool | None],
                  performing_urologist_id: int | None = None) -> tuple[ConsentSummary, str]:
    """The consent row with the sealed bytes and hash, its signatures and optional choices, the audit
    entries, in the caller's unit of work; returns (its summary, its archive file name). The caller
    commits, then archives. `verified`: role -> the account that re-entered its password for that
    signature (urologist, staff witness)."""
    actor = work.actor
    digest = hashlib.sha256(sealed).hexdigest()
    name = f"consent-{document.document_id}.pdf"
    uow = work.uow
    repo = ConsentRepository(uow.session)
    row = ConsentRow(document_id=document.document_id, patient_id=patient_id, explanation_session_id=explanation_id,
                     language=text.meta.language, text_id=text.meta.id, text_version=text.meta.version,
                     text_sha256=text.meta.sha256, content_hash=content_hash(document),
                     section_hashes=json.dumps(section_hashes(text), sort_keys=True), status="signed",
                     signed_at=signed_at, signed_by=actor.user_id, pdf=sealed, pdf_sha256=digest,
                     archive_name=name, withdrawn_at=None, withdrawal_document_id=None,
                     performing_urologist_id=performing_urologist_id)
    repo.add(row)
    for sig in _signature_rows(document.document_id, signer_records, {r: a.user_id for r, a in verified.items()}):
        repo.add(sig)
    for choice in text.optional_consents:  # what the PDF prints, kept as data so exports can honour it
        if isinstance(optional_answers.get(choice.id), bool):
            repo.add(ConsentChoiceRow(consent_id=row.id, choice_id=choice.id, answer=optional_answers[choice.id]))
    uow.audit("sign", "consent", row.id, detail={
        "document_id": document.document_id, "pdf_sha256": digest, "signers": [r.role for r in signer_records],
        # who proved who they were, and how (content release 1.1, item 14)
        "verified": [{"role": role, "user_id": a.user_id, "username": a.username, "how": VERIFIED_HOW[a.method]}
                     for role, a in verified.items()]})
    assessment = latest_assessment(work, patient_id)  # the one whose gate was open, named in Annex A
    if assessment is not None:
        ConsentEvidenceRepository(uow.session).add(ConsentEvidenceRow(
            consent_id=row.id, patient_id=patient_id, assessment_id=assessment.id,
            assessment_run_at=assessment.run_at, protocol_sha256=assessment.protocol.sha256,
            history_version=assessment.history_version, history_sha256=assessment.history_sha256))
    work.changed(Part.CONSENT, patient_id)
    return next(s for s in summaries(work, patient_id) if s.id == row.id), name


def status_of(row: ConsentRow, now: datetime, validity_days: int,
              current_major: Mapping[str, int]) -> str:
    if row.status == "withdrawn":
        return "withdrawn"
    if current_major.get(row.language, 0) > int(row.text_version.split(".")[0]):
        return "superseded"
    if now - row.signed_at > timedelta(days=validity_days):
        return "expired"
    return "signed"


def _current_majors(work: Work, languages: set[str]) -> dict[str, int]:
    """The major version of each language's consent text in force, read once per unit of work (the Today
    view asks for every patient's consents and every planned day's)."""
    def major(lang: str) -> int | None:
        try:
            return load_consent_text(work.ctx.forms_dir, lang).meta.major_version
        except FileNotFoundError:
            return None
    found = {lang: work.memo(("consent_major", lang), partial(major, lang)) for lang in languages}
    return {lang: v for lang, v in found.items() if v is not None}


def _summary(r, mrn: str, name: str, status: str, folder) -> ConsentSummary:
    return ConsentSummary(
        id=r.id, document_id=r.document_id, patient_id=r.patient_id, mrn=mrn, patient_name=name,
        language=r.language, text_version=r.text_version, status=status, signed_at=r.signed_at,
        archive_path=str(folder / r.archive_name), pdf_sha256=r.pdf_sha256,
        withdrawal_document_id=r.withdrawal_document_id)


def summaries(work: Work, patient_id: int | None = None, *, when: datetime | None = None) -> list[ConsentSummary]:
    """Every consent (of one patient, or all) with its status at `when` (default: now)."""
    now = when or work.now()
    validity = work.settings.consent_validity_days
    folder = work.ctx.data_dir.archive_dir / "consents"
    if patient_id is not None:
        record = work.consultation(patient_id)
        rows = list(record.consents) if record else []  # newest first
    else:
        rows = list(ConsentRepository(work.session).all())
        work.preload_consultations({r.patient_id for r in rows})
    majors = _current_majors(work, {r.language for r in rows})
    out = []
    for r in rows:
        record = work.consultation(r.patient_id)
        p = record.patient if record else None
        out.append(_summary(r, p.mrn if p else "", f"{p.family_name}, {p.given_name}" if p else "",
                            status_of(r, now, validity, majors), folder))
    return out


def _summaries_of(work: Work, found, keep=lambda status: True) -> list[ConsentSummary]:
    """Summaries of (consent row, MRN, family name, given name) as the repository's joins return them."""
    now, validity = work.now(), work.settings.consent_validity_days
    folder = work.ctx.data_dir.archive_dir / "consents"
    majors = _current_majors(work, {r.language for r, *_ in found})
    out = []
    for r, mrn, family, given in found:
        status = status_of(r, now, validity, majors)
        if keep(status):
            out.append(_summary(r, mrn or "", f"{family}, {given}" if mrn is not None else "", status, folder))
    return out


def unprinted_summaries(work: Work) -> list[ConsentSummary]:
    """The consents signed and valid now of which no copy was printed, oldest first (as `summaries()` lists
    them): one query for these rows alone, so its cost does not grow with the consents the clinic holds."""
    # A day's margin on the cut-off; status_of() decides expiry exactly as everywhere else.
    since = work.now() - timedelta(days=work.settings.consent_validity_days + 1)
    return _summaries_of(work, ConsentRepository(work.session).signed_unprinted(since), lambda s: s == "signed")


def listed_summaries(work: Work, patient_ids: Sequence[int]) -> list[ConsentSummary]:
    """Every consent of the given patients (a list's few hundred), newest first, in one statement."""
    return _summaries_of(work, ConsentRepository(work.session).of_patients(patient_ids))


def withdraw(work: Work, consent_id: int, language: str, data_choices: Mapping[str, bool],
             patient: CapturedSignature, clinician, reason: str) -> tuple[ConsentSummary, str, bytes]:
    """The withdrawal document and record in the caller's unit of work; returns (summary, archive name,
    sealed PDF) for the caller to commit and then archive."""
    ctx, actor = work.ctx, work.actor
    text = load_withdrawal_text(ctx.forms_dir, language)
    unknown = sorted(set(data_choices) - {c.id for c in text.data_choices})
    unanswered = [c.id for c in text.data_choices if not isinstance(data_choices.get(c.id), bool)]
    if unknown or unanswered:
        raise ValidationError({f"choice:{c}": "Answer yes or no." for c in unanswered} |
                              {f"choice:{c}": "Unknown choice." for c in unknown})
    settings = work.settings
    now = work.now()
    consent = ConsentRepository(work.session).by_id(consent_id)
    patient_data = to_data(PatientRepository(work.session).get(consent.patient_id))
    consent_document_id, consent_signed_at, patient_id = consent.document_id, consent.signed_at, consent.patient_id
    signers = (build.SignatureRecord("patient", patient.printed_name.strip(), text.signer_meanings["patient"], now,
                                     patient.strokes),
               build.SignatureRecord("urologist", clinician.display_name, text.signer_meanings["urologist"], now, (),
                                     detail=" · ".join(x for x in (clinician.title, clinician.registration_number) if x),
                                     verified_by=clinician.method))
    document_id, words = str(uuid.uuid4()), document_words(language, ctx.forms_dir)
    document = m.WithdrawalDocument(
        document_id=document_id, language=language, text_version=text.meta.version,
        approved=meta_approved(work, "withdrawal", text.meta), title=text.meta.title, clinic=build.clinic_header(settings, clinic_logo(work)),
        patient=build.patient_identity(patient_data, words), consent_document_id=consent_document_id,
        consent_signed_at_text=build.format_time(consent_signed_at, settings.time_zone, words),
        withdrawal_date_text=build.format_time(now, settings.time_zone, words),
        statement=build.render_blocks(text.statement + text.data_intro, placeholder_values(work, lang=language), language),
        data_choices=tuple(m.DataChoice(c.text, data_choices[c.id]) for c in text.data_choices),
        signatures=build.signature_blocks(signers, settings.time_zone, words),
        labels=withdrawal_labels(language, ctx.forms_dir), reason=reason.strip() or None,
        paper_size=settings.paper_size)  # type: ignore[arg-type]
    sealed = seal(work, render_withdrawal_pdf(document), reason="Withdrawal of consent")
    digest = hashlib.sha256(sealed).hexdigest()
    name = f"withdrawal-{document_id}.pdf"
    uow = work.uow
    repo = ConsentRepository(uow.session)
    if consent.status != "signed":
        raise ValidationError({"consent": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "This consent was already withdrawn."))})
    repo.add(WithdrawalRow(document_id=document_id, consent_id=consent_id, withdrawn_at=now,
                           recorded_by=actor.user_id, choices=json.dumps(dict(data_choices), sort_keys=True),
                           reason=reason.strip(), pdf=sealed, pdf_sha256=digest, archive_name=name))
    for sig in _signature_rows(document_id, signers, {"urologist": actor.user_id}):
        repo.add(sig)
    consent.status, consent.withdrawn_at, consent.withdrawal_document_id = "withdrawn", now, document_id
    uow.audit("withdraw", "consent", consent_id, detail={"withdrawal_document_id": document_id,
                                                          "pdf_sha256": digest, "choices": dict(data_choices)})
    work.changed(Part.CONSENT, patient_id)
    return next(s for s in summaries(work, patient_id) if s.id == consent_id), name, sealed
