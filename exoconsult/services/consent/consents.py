"""Signed consent: the gates, the signing (clinician re-authenticated), the sealed PDF committed with
its SHA-256, signatures and audit in one transaction, then an atomic archive copy; listing with the
computed status (signed / withdrawn / expired / superseded), export and withdrawal."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from exoconsult.definitions.content import load_consent_text
from exoconsult.domain.content import SIGNER_ROLES, STAFF_WITNESS_ROLES
from exoconsult.domain.errors import NotFound, ValidationError
from exoconsult.domain.gates import Gate
from exoconsult.domain.signature import signature_problem
from exoconsult.domain.text import name_reason
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.accounts.auth import (
    LoginFailed,
    PasswordChangeRequired,
    SignatureAuthentication,
    reauthenticate_in,
)
from exoconsult.services.accounts.signing_pin import witness_pin_in
from exoconsult.services.consent import consent_build as build
from exoconsult.services.consent import consent_records as records
from exoconsult.services.consent.consent_dto import (
    CapturedSignature,
    ConsentPreparation,
    ConsentSubmission,
    ConsentSummary,
    RequiredSigner,
)
from exoconsult.services.consent.performer import chosen_performer, clinic_urologists, default_performer
from exoconsult.services.core.content_approval import approval_gate, meta_approved
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.document_labels import document_words
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.printable import printable_reason, text_field_reason
from exoconsult.services.core.work import Work
from exoconsult.services.explanation.explanation import current_explanation, signing_gates
from exoconsult.services.programme.programme import placeholder_values, programme_facts_gate
from exoconsult.storage.accounts import UserRepository
from exoconsult.storage.consents import ConsentRepository

WITNESS_PASSWORD_REFUSED = QT_TRANSLATE_NOOP(
    "ServiceMessages", "The witness's password was not accepted (wrong, or the witness's account is locked for 15 "
    "minutes after 5 failed attempts). Nothing was signed.")


def _authenticated_witness(work: Work, submission: ConsentSubmission, password: str,
                           pin: str = "") -> SignatureAuthentication | None:
    """A staff witness proves who they are with their own password, like the urologist, or with their own
    signing PIN where the clinic allows it (content release 1.1, item 14); a refusal is counted and audited
    against the witness's account (a PIN's on the PIN), and nothing is signed."""
    sig = next((s for s in submission.signatures if s.role == "witness" and s.user_id is not None), None)
    if sig is None:
        return None
    row = UserRepository(work.session).get(sig.user_id) if isinstance(sig.user_id, int) else None
    if row is None or not row.active or row.role not in STAFF_WITNESS_ROLES:
        raise ValidationError({"signature:witness": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The witness must be an active nurse or urologist account."))})
    if row.id == work.actor.user_id:
        raise ValidationError({"signature:witness": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The witness must be someone other than the treating urologist."))})
    if pin:
        return witness_pin_in(work, row.id, pin)
    if not password:
        raise ValidationError({"witness_password": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The witness types their own password to confirm who they are."))})
    try:
        return reauthenticate_in(work, row.id, password, purpose="witness_auth")
    except LoginFailed:
        raise ValidationError({"witness_password": service_message(WITNESS_PASSWORD_REFUSED)}) from None
    except PasswordChangeRequired:
        raise ValidationError({"witness_password": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The witness's password was set by an administrator: the witness signs in once and "
            "chooses their own first."))}) from None


def consent_text(ctx: ServiceContext, language: str):
    try:
        return load_consent_text(ctx.forms_dir, language)
    except FileNotFoundError as exc:
        raise ValidationError({"language": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "There is no consent text in {language}."), language=repr(language))}) from exc


def preview_pdf(work: Work, patient_id: int, text) -> bytes:
    """The consent as it would print now, unsigned, marked as a preview on every page."""
    language = text.meta.language
    urologists = clinic_urologists(work)
    performer = dict(urologists).get(default_performer(work, patient_id, language, urologists), "")
    document = records.assemble(work, patient_id, text, document_id="PREVIEW",
                                initials={}, optional_answers={}, signatures=(), lot="", dose="", performing=performer,
                                copy_marking=document_words(language, work.ctx.forms_dir)["copy_mark.preview"],
                                for_reading=True)
    return records.render(document)


class ConsentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- before signing ------------------------------------------------------------------------------
    def _gates(self, work: Work, patient_id: int, language: str) -> tuple[Gate, ...]:
        gates = list(signing_gates(work, patient_id, language))
        # Item 13: the protocol and every text the patient is given are approved for their exact bytes; the
        # reason names each file that is not, and since when a changed one lost its approval.
        gates.append(approval_gate(work, language))
        gates.append(programme_facts_gate(work, language))  # content release 1.1, item 3
        return tuple(gates)

    @use_case(Permission.CONSENT_VIEW, write=False)
    def prepare(self, work: Work, patient_id: int, language: str) -> ConsentPreparation:
        return self._prepare(work, patient_id, language)

    def _prepare(self, work: Work, patient_id: int, language: str) -> ConsentPreparation:
        text = self._text(language)
        settings = work.settings
        explanation = current_explanation(work, patient_id, language)
        signers = [RequiredSigner("patient", text.signer_meanings["patient"], True),
                   RequiredSigner("urologist", text.signer_meanings["urologist"], True),
                   RequiredSigner("witness", text.signer_meanings["witness"], settings.witness_required)]
        if explanation is not None and explanation.interpreter_needed:
            signers.append(RequiredSigner("interpreter", text.signer_meanings["interpreter"], True))
        signers.append(RequiredSigner("partner", text.signer_meanings["partner"], False))
        values = placeholder_values(work, lang=language)
        previous_version, changed = records.changed_sections(work, patient_id, text)
        urologists = clinic_urologists(work)
        return ConsentPreparation(
            patient_id=patient_id, language=language, text_version=text.meta.version,
            text_approved=meta_approved(work, "consent", text.meta),
            gates=self._gates(work, patient_id, language),
            sections=tuple((s.id, s.title) for s in text.sections),
            optional_consents=tuple((o.id, o.text) for o in text.optional_consents), signers=tuple(signers),
            product={k: values.get(k, "") for k, _ in text.product_fields},
            previous_version=previous_version, changed_sections=changed, urologists=urologists,
            performing_urologist_id=default_performer(work, patient_id, language, urologists),
            witness_pin_allowed=settings.witness_pin_allowed)

    def _text(self, language: str):
        return consent_text(self.ctx, language)

    @use_case(Permission.CONSENT_VIEW, write=False)
    def preview(self, work: Work, patient_id: int, language: str) -> bytes:
        """The document as it would print now, unsigned ("DRAFT" across every page if not approved).
        Also the blank form a patient may read before his consultation (annexes then say "not recorded")."""
        return preview_pdf(work, patient_id, self._text(language))

    # -- signing -------------------------------------------------------------------------------------
    @use_case(Permission.CONSENT_SIGN_CLINICIAN)
    def sign(self, work: Work, patient_id: int, submission: ConsentSubmission, clinician_password: str,
             witness_password: str = "", witness_pin: str = "") -> ConsentSummary:
        """One unit of work: gates, submission check, the clinician's password and a staff witness's own
        password (or PIN, where allowed), render, seal, store, audit, commit; then the archive copy (start-up
        repair restores it if we die in between)."""
        text = self._text(submission.language)
        prep = self._prepare(work, patient_id, submission.language)
        closed = [g for g in prep.gates if not g.open]
        if closed:
            # a gate naming things only a screen can name (key points) is given in English
            raise ValidationError({f"gate:{g.key}": g.why if g.why is not None and not g.why.lists else g.reason
                                   for g in closed})
        self._check_submission(prep, submission)
        performer_id, performer = chosen_performer(prep.urologists, submission.performing_urologist_id
                                                   or prep.performing_urologist_id)
        clinician = reauthenticate_in(work, work.actor.user_id, clinician_password)
        witness = _authenticated_witness(work, submission, witness_password, witness_pin)
        now = work.now()
        signer_records = self._signature_records(text, submission, clinician, witness, now)
        document_id = str(uuid.uuid4())
        document = records.assemble(work, patient_id, text, document_id=document_id,
                                    initials=submission.initials, optional_answers=submission.optional_answers,
                                    signatures=signer_records, lot=submission.product_lot,
                                    dose=submission.product_dose, performing=performer)
        sealed = records.seal(work, records.render(document), reason="Informed consent")
        summary, name = records.store_consent(work, patient_id=patient_id, text=text, document=document,
                                              sealed=sealed, signer_records=signer_records, signed_at=now,
                                              verified={"urologist": clinician} | ({"witness": witness}
                                                                                   if witness else {}),
                                              performing_urologist_id=performer_id,
                                              explanation_id=records.explanation_id(work, patient_id,
                                                                                    submission.language),
                                              optional_answers=submission.optional_answers)
        work.commit()
        records.archive(self.ctx, name, sealed)
        return summary

    def _check_submission(self, prep: ConsentPreparation, sub: ConsentSubmission) -> None:
        problems: dict[str, str | Reason] = {}
        for section_id, heading in prep.sections:
            initials = sub.initials.get(section_id, "").strip()
            if not initials:
                problems[f"initials:{section_id}"] = service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "The patient has not initialled “{heading}”."), heading=heading)
            elif len(initials) > 8 or printable_reason(initials, max_len=8):
                problems[f"initials:{section_id}"] = service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "Initials must be at most 8 plain characters."))
        for consent_id, _ in prep.optional_consents:
            if not isinstance(sub.optional_answers.get(consent_id), bool):
                problems[f"optional:{consent_id}"] = service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "Answer yes or no (neither is required for treatment)."))
        by_role: dict[str, CapturedSignature] = {}
        for sig in sub.signatures:
            if sig.role in by_role:
                problems[f"signature:{sig.role}"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages",
                                                                                       "Only one signature per role."))
            by_role[sig.role] = sig
        for signer in prep.signers:
            sig = by_role.get(signer.role)
            if signer.role == "partner" and not sub.include_partner:
                continue
            if sig is None:
                if signer.required or signer.role == "partner":
                    problems[f"signature:{signer.role}"] = service_message(QT_TRANSLATE_NOOP(
                        "ServiceMessages", "This signature is required."))
                continue
            if (why := name_reason(sig.printed_name, max_len=200)):
                problems[f"signature:{signer.role}"] = why
            elif not (signer.role == "witness" and sig.typed_only and sig.user_id is None):
                if (why := signature_problem(sig.strokes)):
                    problems[f"signature:{signer.role}"] = service_message(why)
            if signer.role == "interpreter" and not sig.language.strip():
                problems["signature:interpreter"] = service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "Record the language the interpreter used."))
            if signer.role == "witness" and sig.user_id is None:  # item 14: who the external witness is
                if (why := text_field_reason(sig.relation, QT_TRANSLATE_NOOP(
                        "ServiceMessages", "The external witness's relation to the patient"), max_len=100)):
                    problems["witness_relation"] = why
        if problems:
            raise ValidationError(problems)

    def _signature_records(self, text, sub: ConsentSubmission, clinician: SignatureAuthentication,
                           witness: SignatureAuthentication | None, now) -> tuple[build.SignatureRecord, ...]:
        out = []
        for sig in sub.signatures:
            if sig.role == "partner" and not sub.include_partner:
                continue
            name, detail, verified = sig.printed_name.strip(), sig.language.strip(), ""
            if sig.role == "urologist":
                name, verified = clinician.display_name, clinician.method
                detail = " · ".join(x for x in (clinician.title, clinician.registration_number) if x)
            elif sig.role == "witness" and witness is not None:  # the account that typed its password or PIN
                name, detail, verified = witness.display_name, "staff", witness.method
            elif sig.role == "witness":
                detail = build.relation_detail(sig.relation.strip())
            out.append(build.SignatureRecord(role=sig.role, printed_name=name, meaning=text.signer_meanings[sig.role],
                                             signed_at=now, strokes=sig.strokes, detail=detail,
                                             typed_only=sig.typed_only and sig.role == "witness",
                                             verified_by=verified))
        order = {r: i for i, r in enumerate(SIGNER_ROLES)}
        return tuple(sorted(out, key=lambda r: order[r.role]))

    @use_case(Permission.CONSENT_VIEW, write=False)
    def withdrawal_choices(self, work: Work, language: str) -> list[tuple[str, str]]:
        """(id, text) of the choices about data already collected, in the consent's language."""
        from exoconsult.definitions.content import load_withdrawal_text

        return [(c.id, c.text) for c in load_withdrawal_text(self.ctx.forms_dir, language).data_choices]

    @use_case(Permission.CONSENT_VIEW, write=False)
    def witness_candidates(self, work: Work) -> list[tuple[int, str, str]]:
        """Active nurse and urologist accounts that may witness, other than the signed-in clinician:
        (user id, display name, role)."""
        return [(u.id, u.display_name, u.role) for u in UserRepository(work.session).list(include_inactive=False)
                if u.role in STAFF_WITNESS_ROLES and u.id != work.actor.user_id]

    # -- after signing -------------------------------------------------------------------------------
    @use_case(Permission.CONSENT_VIEW, write=False)
    def list(self, work: Work, patient_id: int | None = None) -> list[ConsentSummary]:
        return records.summaries(work, patient_id)

    @use_case(Permission.CONSENT_VIEW)
    def pdf(self, work: Work, document_id: str) -> bytes:
        repo = ConsentRepository(work.session)
        row = repo.by_document_id(document_id) or repo.withdrawal_by_document_id(document_id)
        if row is None:
            raise NotFound(f"no document {document_id}")
        data = bytes(row.pdf)
        work.audit("view", "consent_document", document_id)
        work.commit()
        return data

    @use_case(Permission.CONSENT_WITHDRAW)
    def withdraw(self, work: Work, document_id: str, data_choices: Mapping[str, bool], patient: CapturedSignature,
                 clinician_password: str, reason: str = "") -> ConsentSummary:
        """Recorded by a urologist with the patient's choices about data already collected; produces its
        own sealed PDF and marks the consent withdrawn."""
        if (why := text_field_reason(reason, QT_TRANSLATE_NOOP("ServiceMessages", "The reason"), max_len=2000,
                                     required=False)):
            raise ValidationError({"reason": why})
        if (mark := signature_problem(patient.strokes)):
            raise ValidationError({"signature:patient": service_message(mark)})
        if (why := name_reason(patient.printed_name, max_len=200)):
            raise ValidationError({"signature:patient": why})
        row = ConsentRepository(work.session).by_document_id(document_id)
        if row is None:
            raise NotFound(f"no consent {document_id}")
        if row.status != "signed":
            raise ValidationError({"consent": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "This consent was already withdrawn."))})
        language, consent_id = row.language, row.id
        clinician = reauthenticate_in(work, work.actor.user_id, clinician_password)
        summary, name, sealed = records.withdraw(work, consent_id, language, data_choices, patient, clinician, reason)
        work.commit()
        records.archive(self.ctx, name, sealed)
        return summary

