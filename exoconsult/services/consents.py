"""Signed consent: the gates, the signing (clinician re-authenticated), the sealed PDF committed with
its SHA-256, signatures and audit in one transaction, then an atomic archive copy; listing with the
computed status (signed / withdrawn / expired / superseded), export and withdrawal."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from exoconsult.definitions.content import load_consent_text
from exoconsult.domain.errors import NotFound, ValidationError
from exoconsult.domain.gates import Gate
from exoconsult.domain.people import Actor, Role
from exoconsult.domain.signature import signature_problem
from exoconsult.domain.text import free_text_problem, name_problem
from exoconsult.services import consent_build as build
from exoconsult.services import consent_records as records
from exoconsult.services.auth import AuthService
from exoconsult.services.consent_dto import (
    CapturedSignature,
    ConsentPreparation,
    ConsentSubmission,
    ConsentSummary,
    RequiredSigner,
)
from exoconsult.services.context import ServiceContext
from exoconsult.services.explanation import ExplanationService
from exoconsult.services.permissions import Permission, requires
from exoconsult.services.programme import missing_facts, placeholder_values
from exoconsult.services.settings import current_settings
from exoconsult.storage.accounts import UserRepository
from exoconsult.storage.consents import ConsentRepository

STAFF_WITNESS_ROLES = (Role.NURSE.value, Role.UROLOGIST.value)


class ConsentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- before signing ------------------------------------------------------------------------------
    def _gates(self, actor: Actor, patient_id: int, language: str, approved: bool) -> tuple[Gate, ...]:
        gates = ExplanationService(self.ctx).gates(actor, patient_id, language)
        gates.append(Gate("text_approved", approved, "The consent text is approved." if approved else
                          "This consent text version has not been approved by the clinic: it can be previewed "
                          "but not signed."))
        missing = missing_facts(self.ctx, language)  # content release 1.1, item 3
        gates.append(Gate("programme_facts", not missing, "The programme facts are recorded in this language." if
                          not missing else f"Programme facts not recorded in {language!r}: {', '.join(missing)}."))
        return tuple(gates)

    @requires(Permission.CONSENT_VIEW)
    def prepare(self, actor: Actor, patient_id: int, language: str) -> ConsentPreparation:
        text = self._text(language)
        settings = current_settings(self.ctx)
        explanation = ExplanationService(self.ctx).current(actor, patient_id, language)
        signers = [RequiredSigner("patient", text.signer_meanings["patient"], True),
                   RequiredSigner("urologist", text.signer_meanings["urologist"], True),
                   RequiredSigner("witness", text.signer_meanings["witness"], settings.witness_required)]
        if explanation is not None and explanation.interpreter_needed:
            signers.append(RequiredSigner("interpreter", text.signer_meanings["interpreter"], True))
        signers.append(RequiredSigner("partner", text.signer_meanings["partner"], False))
        values = placeholder_values(self.ctx, lang=language)
        previous_version, changed = records.changed_sections(self.ctx, patient_id, text)
        return ConsentPreparation(
            patient_id=patient_id, language=language, text_version=text.meta.version,
            text_approved=text.meta.approval.approved,
            gates=self._gates(actor, patient_id, language, text.meta.approval.approved),
            sections=tuple((s.id, s.title) for s in text.sections),
            optional_consents=tuple((o.id, o.text) for o in text.optional_consents), signers=tuple(signers),
            product={k: values.get(k, "") for k, _ in text.product_fields},
            previous_version=previous_version, changed_sections=changed)

    def _text(self, language: str):
        try:
            return load_consent_text(self.ctx.forms_dir, language)
        except FileNotFoundError as exc:
            raise ValidationError({"language": f"There is no consent text in {language!r}."}) from exc

    @requires(Permission.CONSENT_VIEW)
    def preview(self, actor: Actor, patient_id: int, language: str) -> bytes:
        """The document as it would print now, unsigned ("DRAFT" across every page if not approved).
        Also the blank form a patient may read before his consultation (annexes then say "not recorded")."""
        document = records.assemble(self.ctx, actor, patient_id, self._text(language), document_id="PREVIEW",
                                    initials={}, optional_answers={}, signatures=(), lot="", dose="",
                                    copy_marking={"en": "PREVIEW – not signed", "tr": "ÖNİZLEME – imzalanmadı"}[language],
                                    for_reading=True)
        return records.render(document)

    # -- signing -------------------------------------------------------------------------------------
    @requires(Permission.CONSENT_SIGN_CLINICIAN)
    def sign(self, actor: Actor, patient_id: int, submission: ConsentSubmission, clinician_password: str) -> ConsentSummary:
        text = self._text(submission.language)
        prep = self.prepare(actor, patient_id, submission.language)
        closed = [g for g in prep.gates if not g.open]
        if closed:
            raise ValidationError({f"gate:{g.key}": g.reason for g in closed})
        self._check_submission(prep, submission)
        clinician = AuthService(self.ctx).reauthenticate(actor, actor.user_id, clinician_password)
        now = self.ctx.clock.now()
        signer_records = self._signature_records(text, submission, clinician, now)
        document_id = str(uuid.uuid4())
        document = records.assemble(self.ctx, actor, patient_id, text, document_id=document_id,
                                    initials=submission.initials, optional_answers=submission.optional_answers,
                                    signatures=signer_records, lot=submission.product_lot,
                                    dose=submission.product_dose)
        sealed = records.seal(self.ctx, records.render(document), reason="Informed consent")
        return records.store_consent(self.ctx, actor, patient_id=patient_id, text=text, document=document,
                                     sealed=sealed, signer_records=signer_records, signed_at=now,
                                     explanation_id=records.explanation_id(self.ctx, actor, patient_id,
                                                                           submission.language))

    def _check_submission(self, prep: ConsentPreparation, sub: ConsentSubmission) -> None:
        problems: dict[str, str] = {}
        for section_id, heading in prep.sections:
            initials = sub.initials.get(section_id, "").strip()
            if not initials:
                problems[f"initials:{section_id}"] = f"The patient has not initialled “{heading}”."
            elif len(initials) > 8 or free_text_problem(initials, max_len=8):
                problems[f"initials:{section_id}"] = "Initials must be at most 8 plain characters."
        for consent_id, _ in prep.optional_consents:
            if not isinstance(sub.optional_answers.get(consent_id), bool):
                problems[f"optional:{consent_id}"] = "Answer yes or no (neither is required for treatment)."
        by_role: dict[str, CapturedSignature] = {}
        for sig in sub.signatures:
            if sig.role in by_role:
                problems[f"signature:{sig.role}"] = "Only one signature per role."
            by_role[sig.role] = sig
        for signer in prep.signers:
            sig = by_role.get(signer.role)
            if signer.role == "partner" and not sub.include_partner:
                continue
            if sig is None:
                if signer.required or signer.role == "partner":
                    problems[f"signature:{signer.role}"] = "This signature is required."
                continue
            if (why := name_problem(sig.printed_name, max_len=200)):
                problems[f"signature:{signer.role}"] = f"Printed name {why}."
            elif not (signer.role == "witness" and sig.typed_only and sig.user_id is None):
                if (why := signature_problem(sig.strokes)):
                    problems[f"signature:{signer.role}"] = why
            if signer.role == "interpreter" and not sig.language.strip():
                problems["signature:interpreter"] = "Record the language the interpreter used."
        if problems:
            raise ValidationError(problems)

    def _signature_records(self, text, sub: ConsentSubmission, clinician, now) -> tuple[build.SignatureRecord, ...]:
        out = []
        for sig in sub.signatures:
            if sig.role == "partner" and not sub.include_partner:
                continue
            name, detail = sig.printed_name.strip(), sig.language.strip()
            if sig.role == "urologist":
                name = clinician.display_name
                detail = " · ".join(x for x in (clinician.title, clinician.registration_number) if x)
            elif sig.role == "witness" and sig.user_id is not None:
                name, detail = self._staff_witness(sig.user_id)
            out.append(build.SignatureRecord(role=sig.role, printed_name=name, meaning=text.signer_meanings[sig.role],
                                             signed_at=now, strokes=sig.strokes, detail=detail,
                                             typed_only=sig.typed_only and sig.role == "witness"))
        order = {r: i for i, r in enumerate(("patient", "urologist", "witness", "interpreter", "partner"))}
        return tuple(sorted(out, key=lambda r: order[r.role]))

    def _staff_witness(self, user_id: int) -> tuple[str, str]:
        with self.ctx.uow(records.SYSTEM, write=False) as uow:
            row = UserRepository(uow.session).get(user_id)
            if row is None or not row.active or row.role not in STAFF_WITNESS_ROLES:
                raise ValidationError({"signature:witness": "The witness must be an active nurse or urologist account."})
            return row.display_name, {"nurse": "staff", "urologist": "staff"}[row.role]

    @requires(Permission.CONSENT_VIEW)
    def withdrawal_choices(self, actor: Actor, language: str) -> list[tuple[str, str]]:
        """(id, text) of the choices about data already collected, in the consent's language."""
        from exoconsult.definitions.content import load_withdrawal_text

        return [(c.id, c.text) for c in load_withdrawal_text(self.ctx.forms_dir, language).data_choices]

    @requires(Permission.CONSENT_VIEW)
    def witness_candidates(self, actor: Actor) -> list[tuple[int, str, str]]:
        """Active nurse and urologist accounts that may witness: (user id, display name, role)."""
        with self.ctx.uow(records.SYSTEM, write=False) as uow:
            return [(u.id, u.display_name, u.role) for u in UserRepository(uow.session).list(include_inactive=False)
                    if u.role in STAFF_WITNESS_ROLES]

    # -- after signing -------------------------------------------------------------------------------
    @requires(Permission.CONSENT_VIEW)
    def list(self, actor: Actor, patient_id: int | None = None) -> list[ConsentSummary]:
        return records.summaries(self.ctx, patient_id)

    @requires(Permission.CONSENT_VIEW)
    def pdf(self, actor: Actor, document_id: str) -> bytes:
        with self.ctx.uow(actor) as uow:
            repo = ConsentRepository(uow.session)
            row = repo.by_document_id(document_id) or repo.withdrawal_by_document_id(document_id)
            if row is None:
                raise NotFound(f"no document {document_id}")
            data = bytes(row.pdf)
            uow.audit("view", "consent_document", document_id)
            uow.commit()
        return data

    @requires(Permission.CONSENT_WITHDRAW)
    def withdraw(self, actor: Actor, document_id: str, data_choices: Mapping[str, bool], patient: CapturedSignature,
                 clinician_password: str, reason: str = "") -> ConsentSummary:
        """Recorded by a urologist with the patient's choices about data already collected; produces its
        own sealed PDF and marks the consent withdrawn."""
        if (why := free_text_problem(reason, max_len=2000)):
            raise ValidationError({"reason": f"Reason {why}."})
        if (why := signature_problem(patient.strokes)) or (why := name_problem(patient.printed_name, max_len=200)):
            raise ValidationError({"signature:patient": why})
        with self.ctx.uow(actor, write=False) as uow:
            row = ConsentRepository(uow.session).by_document_id(document_id)
            if row is None:
                raise NotFound(f"no consent {document_id}")
            if row.status != "signed":
                raise ValidationError({"consent": "This consent was already withdrawn."})
            language, consent_id = row.language, row.id
        clinician = AuthService(self.ctx).reauthenticate(actor, actor.user_id, clinician_password)
        return records.withdraw(self.ctx, actor, consent_id, language, data_choices, patient, clinician, reason)

