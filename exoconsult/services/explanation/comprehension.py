"""The comprehension check and teach-back. The patient answers multiple-choice questions (one per key
point); a wrong answer shows the correct one with a short explanation and the question comes back after
the others; the check passes when every question's latest answer is correct. Every answer is stored
(write-once) with its time and attempt number. The clinician records a teach-back per key point."""

from __future__ import annotations

from datetime import datetime

from exoconsult.domain.content import ComprehensionCheck
from exoconsult.domain.errors import NotFound, ValidationError
from exoconsult.domain.quiz_order import shuffled
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.printable import printable_reason
from exoconsult.services.core.work import Work
from exoconsult.services.explanation.explanation_content import comprehension_for, load_for
from exoconsult.services.explanation.explanation_dto import (
    AnswerOutcome,
    AnswerRecord,
    ComprehensionState,
    TeachBack,
)
from exoconsult.storage.explanation import (
    ComprehensionAnswerRow,
    ExplanationRepository,
    ExplanationSessionRow,
    TeachBackRow,
)

TEACH_BACK_RESULTS = ("restated", "re_explained")


def _queue(check: ComprehensionCheck, answers: list[ComprehensionAnswerRow]) -> list[str]:
    """Questions still to answer correctly: never-asked ones in document order, then those answered
    wrongly, the longest-ago wrong answer first, so a missed question returns after the others."""
    last: dict[str, ComprehensionAnswerRow] = {}
    for a in answers:
        last[a.question_id] = a
    fresh = [q.id for q in check.questions if q.id not in last]
    wrong = sorted((a for a in last.values() if not a.correct), key=lambda a: (a.answered_at, a.id))
    return fresh + [a.question_id for a in wrong]


def state(ctx: ServiceContext, repo: ExplanationRepository, row: ExplanationSessionRow) -> ComprehensionState:
    check = comprehension_for(ctx, row.language)
    answers = list(repo.answers(row.id))
    queue = _queue(check, answers)
    by_id = {q.id: q for q in check.questions}
    asked = None
    if queue:  # item 11: options in a per-attempt order, never the previous attempt's
        attempt = 1 + sum(1 for a in answers if a.question_id == queue[0])
        asked = shuffled(by_id[queue[0]], row.id, attempt)
    return ComprehensionState(
        passed=not queue, next_question=asked, pending=len(queue),
        total=len(check.questions),
        attempts=tuple(AnswerRecord(a.question_id, a.option_id, a.correct, a.attempt, a.answered_at,
                                    by_id[a.question_id].prompt if a.question_id in by_id else "")
                       for a in answers),
        key_points=tuple(dict.fromkeys(q.key_point for q in check.questions)))


def latest_teach_back(repo: ExplanationRepository, session_id: int) -> tuple[TeachBack, ...]:
    latest: dict[str, TeachBackRow] = {}
    for r in repo.teach_back(session_id):
        latest[r.key_point] = r
    return tuple(TeachBack(r.key_point, r.result, r.words, r.recorded_at) for r in latest.values())


def update_completion(ctx: ServiceContext, repo: ExplanationRepository, row: ExplanationSessionRow,
                      now: datetime) -> None:
    """The explanation is complete (and the reflection period starts) once every section is discussed
    and the check is passed; un-marking a section reopens it and restarts the period later."""
    doc = load_for(ctx, row.language)
    sections = repo.sections(row.id)
    all_discussed = all(s in sections and sections[s].discussed for s in doc.section_ids)
    complete = all_discussed and state(ctx, repo, row).passed
    if complete and row.completed_at is None:
        row.completed_at = now
    elif not complete and row.completed_at is not None:
        row.completed_at = None


class ComprehensionService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _row(self, repo: ExplanationRepository, session_id: int) -> ExplanationSessionRow:
        row = repo.session(session_id)
        if row is None:
            raise NotFound(f"explanation {session_id} does not exist")
        return row

    @use_case(Permission.EXPLANATION_VIEW, write=False)
    def state(self, work: Work, session_id: int) -> ComprehensionState:
        uow = work.uow
        repo = ExplanationRepository(uow.session)
        return state(self.ctx, repo, self._row(repo, session_id))

    @use_case(Permission.EXPLANATION_DELIVER)
    def answer(self, work: Work, session_id: int, question_id: str, option_id: str) -> AnswerOutcome:
        """Record the patient's answer to the question he is being asked now."""
        uow = work.uow
        repo = ExplanationRepository(uow.session)
        row = self._row(repo, session_id)
        doc = load_for(self.ctx, row.language)
        sections = repo.sections(row.id)
        if not all(s in sections and sections[s].discussed for s in doc.section_ids):
            # item 11: the check asks about what was explained, so it starts after every section
            raise ValidationError({"question": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Mark every section discussed before the comprehension check."))})
        current = state(self.ctx, repo, row)
        if current.next_question is None:
            raise ValidationError({"question": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The comprehension check is already passed."))})
        if current.next_question.id != question_id:
            raise ValidationError({"question": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "That is not the question being asked now."))})
        question = current.next_question
        if option_id not in {o.id for o in question.options}:
            raise ValidationError({"option": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "That answer is not one of the question's options."))})
        attempt = 1 + sum(1 for a in current.attempts if a.question_id == question_id)
        correct = option_id == question.correct_option_id
        repo.add(ComprehensionAnswerRow(session_id=row.id, question_id=question_id, option_id=option_id,
                                        correct=correct, attempt=attempt, answered_at=uow.now()))
        update_completion(self.ctx, repo, row, uow.now())
        after = state(self.ctx, repo, row)
        work.changed(Part.EXPLANATION, row.patient_id)
        work.commit()
        return AnswerOutcome(correct=correct, correct_option_id=question.correct_option_id,
                             correct_option_text=question.correct_option.text,
                             explanation="" if correct else question.explanation, state=after)

    @use_case(Permission.EXPLANATION_DELIVER)
    def record_teach_back(self, work: Work, session_id: int, key_point: str, result: str,
                          words: str = "") -> tuple[TeachBack, ...]:
        actor, uow = work.actor, work.uow
        problems: dict[str, str | Reason] = {}
        if result not in TEACH_BACK_RESULTS:
            problems["result"] = service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Record whether the patient restated it correctly or it was explained again."))
        if (why := printable_reason(words, max_len=2000)):
            problems["words"] = why
        repo = ExplanationRepository(uow.session)
        row = self._row(repo, session_id)
        if key_point not in state(self.ctx, repo, row).key_points:
            problems["key_point"] = service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The explanation has no key point {key_point}."), key_point=key_point)
        if problems:
            raise ValidationError(problems)
        repo.add(TeachBackRow(session_id=row.id, key_point=key_point, result=result, words=words.strip(),
                              recorded_at=uow.now(), recorded_by=actor.user_id))
        recorded = latest_teach_back(repo, row.id)
        work.changed(Part.EXPLANATION, row.patient_id)
        work.commit()
        return recorded
