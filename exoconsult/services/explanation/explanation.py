"""The explanation stage: a session per patient and language; sections shown and marked discussed with
their times and notes; the patient's questions and the answers given; interpreter/witness presence;
the reflection period (a urologist may shorten it once, with a written reason); the signing gates."""

from __future__ import annotations

from exoconsult.domain.content import ExplanationDocument
from exoconsult.domain.errors import NotFound, ValidationError
from exoconsult.domain.gates import ExplanationFacts, Gate, explanation_gates, teach_back_gate
from exoconsult.domain.people import Actor, Role
from exoconsult.domain.text import name_reason
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.assessment.assessments import eligibility_gate
from exoconsult.services.core.changes import Part
from exoconsult.services.core.content_approval import meta_approved
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.printable import printable_reason
from exoconsult.services.core.work import Work
from exoconsult.services.explanation import comprehension
from exoconsult.services.explanation.explanation_content import load_for, patient_explanation
from exoconsult.services.explanation.explanation_dto import (
    ExplanationDTO,
    PatientExplanation,
    PatientQuestion,
    Presence,
    SectionState,
)
from exoconsult.storage.consultation_read import ExplanationRecord, Record
from exoconsult.storage.explanation import (
    ExplanationRepository,
    ExplanationSectionRow,
    ExplanationSessionRow,
    PatientQuestionRow,
    PresenceRow,
)
from exoconsult.storage.patients import PatientRepository

MIN_SHORTEN_REASON = 20


def interpreter_needed(needs_interpreter: bool, language: str, clinician_language: str) -> bool:
    return needs_interpreter or language != clinician_language


def _loaded(work: Work, patient_id: int, session_id: int) -> ExplanationRecord:
    record = work.consultation(patient_id)
    found = next((e for e in (record.explanations if record else ()) if e.session_row.id == session_id), None)
    if found is None:
        raise NotFound(f"explanation {session_id} does not exist")
    return found


def explanation_dto(work: Work, row: ExplanationSessionRow | Record) -> ExplanationDTO:
    """The session as the screens show it, from the patient's consultation record (read once per unit
    of work; a write in between reloads it)."""
    repo = _loaded(work, row.patient_id, row.id)
    row = repo.session_row
    doc = load_for(work.ctx, row.language)
    sections = repo.sections(row.id)
    states = []
    for section in doc.sections:
        s = sections.get(section.id)
        states.append(SectionState(section.id, section.title, s.first_shown_at if s else None,
                                   s.last_shown_at if s else None, s.shown_count if s else 0,
                                   bool(s and s.discussed), s.discussed_at if s else None, s.notes if s else ""))
    record = work.consultation(row.patient_id)
    patient = record.patient if record else None
    settings = work.settings
    presence = tuple(Presence(p.role, p.name, p.language, p.recorded_at) for p in repo.presence(row.id))
    return ExplanationDTO(
        id=row.id, patient_id=row.patient_id, language=row.language, content_version=row.content_version,
        content_approved=meta_approved(work, "explanation", doc.meta), started_at=row.started_at, started_by=row.started_by,
        completed_at=row.completed_at,
        sections=tuple(states),
        questions=tuple(PatientQuestion(q.id, q.section_id, q.asked_at, q.question, q.answer)
                        for q in repo.questions(row.id)),
        teach_back=comprehension.latest_teach_back(repo, row.id), presence=presence,
        interpreter_needed=interpreter_needed(bool(patient and patient.needs_interpreter), row.language,
                                              settings.clinician_language),
        reflection_override_days=row.reflection_days_override, reflection_reason=row.reflection_reason,
        comprehension=comprehension.state(work.ctx, repo, row))


def current_explanation(work: Work, patient_id: int, language: str | None = None) -> ExplanationDTO | None:
    """The newest session for the patient (in `language` when given); read once per unit of work."""
    def load() -> ExplanationDTO | None:
        record = work.consultation(patient_id)
        for loaded in record.explanations if record else ():
            if language is None or loaded.session_row.language == language:
                return explanation_dto(work, loaded.session_row)
        return None
    return work.memo(("explanation", patient_id, language), load)


def signing_gates(work: Work, patient_id: int, language: str) -> list[Gate]:
    """The signing gates for a consent in `language` (the consent adds text approval)."""
    eligible = eligibility_gate(work, patient_id)
    explanation = current_explanation(work, patient_id, language)
    settings = work.settings
    gates = explanation_gates(facts_of(explanation, settings.reflection_days),
                              (eligible.open, eligible.reason, eligible.why),
                              work.now(), settings.time_zone)
    latest = {t.key_point: t.result for t in explanation.teach_back} if explanation is not None else {}
    gates.append(teach_back_gate(latest))
    return gates


class ExplanationService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- reading -------------------------------------------------------------------------------------
    def _session(self, repo: ExplanationRepository, session_id: int) -> ExplanationSessionRow:
        row = repo.session(session_id)
        if row is None:
            raise NotFound(f"explanation {session_id} does not exist")
        return row

    @use_case(Permission.EXPLANATION_VIEW, write=False)
    def get(self, work: Work, session_id: int) -> ExplanationDTO:
        return explanation_dto(work, self._session(ExplanationRepository(work.session), session_id))

    @use_case(Permission.EXPLANATION_VIEW, write=False)
    def current(self, work: Work, patient_id: int, language: str | None = None) -> ExplanationDTO | None:
        """The newest session for the patient (in `language` when given)."""
        return current_explanation(work, patient_id, language)

    @use_case(Permission.EXPLANATION_VIEW, write=False)
    def presentation(self, work: Work, session_id: int) -> PatientExplanation:
        """What the patient sees: the document in the session's language, section 1 built from his case."""
        actor, uow = work.actor, work.uow
        row = self._session(ExplanationRepository(uow.session), session_id)
        patient = PatientRepository(uow.session).get(row.patient_id)
        language, patient_id = row.language, row.patient_id
        name = f"{patient.given_name} {patient.family_name}" if patient else ""
        return patient_explanation(work, patient_id, language, name, doctor_name=performing_doctor(actor))

    # -- recording -----------------------------------------------------------------------------------
    @use_case(Permission.EXPLANATION_DELIVER)
    def start(self, work: Work, patient_id: int, language: str | None = None) -> ExplanationDTO:
        actor, uow = work.actor, work.uow
        patient = PatientRepository(uow.session).get(patient_id)
        if patient is None:
            raise NotFound(f"patient {patient_id} does not exist")
        lang = language or patient.preferred_language
        doc = self._document_or_error(lang)
        now = uow.now()
        row = ExplanationSessionRow(patient_id=patient_id, language=lang, content_version=doc.meta.version,
                                    content_sha256=doc.meta.sha256, started_at=now, started_by=actor.user_id,
                                    completed_at=None, reflection_reason="")
        ExplanationRepository(uow.session).add(row)
        work.changed(Part.EXPLANATION, patient_id)
        dto = explanation_dto(work, row)
        work.commit()
        return dto

    def _document_or_error(self, language: str) -> ExplanationDocument:
        try:
            return load_for(self.ctx, language)
        except FileNotFoundError as exc:
            raise ValidationError({"language": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "No explanation text exists in the language {language}; choose a language that "
                "has one and record an interpreter."), language=language)}) from exc

    def _section_row(self, repo: ExplanationRepository, row: ExplanationSessionRow, section_id: str) -> ExplanationSectionRow:
        if section_id not in load_for(self.ctx, row.language).section_ids:
            raise ValidationError({"section": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The explanation text has no section {section}."), section=section_id)})
        existing = repo.sections(row.id).get(section_id)
        if existing is not None:
            return existing
        created = ExplanationSectionRow(session_id=row.id, section_id=section_id, shown_count=0, discussed=False,
                                        notes="", first_shown_at=None, last_shown_at=None, discussed_at=None)
        repo.add(created)
        return created

    def _change(self, work: Work, session_id: int, apply) -> ExplanationDTO:
        repo = ExplanationRepository(work.session)
        row = self._session(repo, session_id)
        apply(work.uow, repo, row)
        work.session.flush()
        comprehension.update_completion(self.ctx, repo, row, work.now())
        work.changed(Part.EXPLANATION, row.patient_id)
        dto = explanation_dto(work, row)
        work.commit()
        return dto

    @use_case(Permission.EXPLANATION_DELIVER)
    def mark_shown(self, work: Work, session_id: int, section_id: str) -> ExplanationDTO:
        def apply(uow, repo, row):
            s = self._section_row(repo, row, section_id)
            now = uow.now()
            s.first_shown_at = s.first_shown_at or now
            s.last_shown_at = now
            s.shown_count += 1
        return self._change(work, session_id, apply)

    @use_case(Permission.EXPLANATION_DELIVER)
    def set_discussed(self, work: Work, session_id: int, section_id: str, discussed: bool) -> ExplanationDTO:
        def apply(uow, repo, row):
            s = self._section_row(repo, row, section_id)
            s.discussed = bool(discussed)
            s.discussed_at = uow.now() if discussed else None
            s.discussed_by = work.actor.user_id if discussed else None
        return self._change(work, session_id, apply)

    @use_case(Permission.EXPLANATION_DELIVER)
    def set_notes(self, work: Work, session_id: int, section_id: str, notes: str) -> ExplanationDTO:
        why = printable_reason(notes)
        if why:
            raise ValidationError({"notes": why})

        def apply(uow, repo, row):
            self._section_row(repo, row, section_id).notes = notes
        return self._change(work, session_id, apply)

    @use_case(Permission.EXPLANATION_DELIVER)
    def add_patient_question(self, work: Work, session_id: int, question: str, answer: str,
                             section_id: str = "") -> ExplanationDTO:
        required = {"question": QT_TRANSLATE_NOOP("ServiceMessages", "Question is required."),
                    "answer": QT_TRANSLATE_NOOP("ServiceMessages", "Answer is required.")}
        problems = {k: why for k, v in (("question", question), ("answer", answer))
                    if (why := printable_reason(v) or (None if v.strip() else service_message(required[k])))}
        if problems:
            raise ValidationError(problems)

        def apply(uow, repo, row):
            repo.add(PatientQuestionRow(session_id=row.id, section_id=section_id, asked_at=uow.now(),
                                        question=question.strip(), answer=answer.strip(), recorded_by=work.actor.user_id))
        return self._change(work, session_id, apply)

    @use_case(Permission.EXPLANATION_DELIVER)
    def record_presence(self, work: Work, session_id: int, role: str, name: str, language: str = "") -> ExplanationDTO:
        problems: dict[str, Reason] = {}
        if role not in ("interpreter", "witness"):
            problems["role"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages",
                                                                 "Role must be interpreter or witness."))
        if (why := name_reason(name, max_len=200)):
            problems["name"] = why
        if role == "interpreter" and not language.strip():
            problems["language"] = service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Record the language the interpreter translated into."))
        if problems:
            raise ValidationError(problems)

        def apply(uow, repo, row):
            repo.add(PresenceRow(session_id=row.id, role=role, name=name.strip(), language=language.strip(),
                                 recorded_at=uow.now(), recorded_by=work.actor.user_id))
        return self._change(work, session_id, apply)

    @use_case(Permission.REFLECTION_SHORTEN)
    def shorten_reflection(self, work: Work, session_id: int, days: int, reason: str) -> ExplanationDTO:
        """For this consultation only; the reason prints on the consent."""
        standard = work.settings.reflection_days
        problems: dict[str, Reason] = {}
        if not isinstance(days, int) or days < 0 or days >= standard:
            problems["days"] = service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Days must be between 0 and {last} (the clinic's period is {standard})."),
                last=standard - 1, standard=standard)
        if len(reason.strip()) < MIN_SHORTEN_REASON:
            problems["reason"] = service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Write why, in at least {minimum} characters."), minimum=MIN_SHORTEN_REASON)
        elif (why := printable_reason(reason, max_len=2000)):
            problems["reason"] = why
        if problems:
            raise ValidationError(problems)

        def apply(uow, repo, row):
            if row.reflection_days_override is not None:
                raise ValidationError({"days": service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "The reflection period was already shortened for this consultation."))})
            row.reflection_days_override = days
            row.reflection_reason = reason.strip()
            row.reflection_by = work.actor.user_id
        return self._change(work, session_id, apply)

    # -- gates ---------------------------------------------------------------------------------------
    @use_case(Permission.EXPLANATION_VIEW, write=False)
    def gates(self, work: Work, patient_id: int, language: str) -> list[Gate]:
        """The signing gates for a consent in `language` (the consent adds text approval)."""
        return signing_gates(work, patient_id, language)


def facts_of(dto: ExplanationDTO | None, reflection_days: int) -> ExplanationFacts | None:
    if dto is None:
        return None
    return ExplanationFacts(
        language=dto.language, section_ids=tuple(s.section_id for s in dto.sections),
        discussed=frozenset(s.section_id for s in dto.sections if s.discussed),
        check_passed=dto.comprehension.passed, pending_questions=dto.comprehension.pending,
        interpreter_needed=dto.interpreter_needed,
        interpreter_recorded=any(p.role == "interpreter" for p in dto.presence),
        completed_at=dto.completed_at, reflection_days=reflection_days,
        reflection_override_days=dto.reflection_override_days, reflection_reason=dto.reflection_reason)


def performing_doctor(actor: Actor) -> str:
    """Item 4: the text names a urologist, never the signed-in nurse (empty prints "[not recorded]")."""
    return actor.display_name if actor.role is Role.UROLOGIST else ""
