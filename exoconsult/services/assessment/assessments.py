"""Eligibility assessments as records: run, read (with staleness), resolve needs_review, re-assess all.

An assessment judges the patient's current history (the case format) against the clinic's protocol in
`<forms>/protocols/exo-noa` and stores a write-once snapshot (storage/assessments.py). It remembers the
sha256 of the canonical JSON of what the rules can read (the history block plus birth date and sex);
when that hash no longer matches the patient's current history the assessment is *stale*: shown as
such, not resolvable, and closing the eligibility gate until it is run again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from exoconsult.definitions.languages import languages_for
from exoconsult.definitions.protocol import archived_rule_texts, load_protocol
from exoconsult.domain.case import CASE_FORMAT
from exoconsult.domain.eligibility_words import patient_field_label
from exoconsult.domain.errors import ExoError, NotFound, ValidationError
from exoconsult.domain.people import Actor
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.rules.model import Protocol as RulesProtocol
from exoconsult.rules.texts import render_entry
from exoconsult.services.assessment.assessment_dto import (
    DECISIONS,
    MIN_REASON_CHARS,
    AssessmentDTO,
    FiredRuleDTO,
    Gate,
    MissingFieldDTO,
    ProtocolInfo,
    ReassessReport,
    ResolutionDTO,
    gate,
)
from exoconsult.services.assessment.judging import (
    PROTOCOL_ID,
    CurrentHistory,
    evaluate,
    history_sha256,
    protocol_info,
)
from exoconsult.services.assessment.reassess import Reassessment
from exoconsult.services.core.changes import Part
from exoconsult.services.core.content_approval import with_recorded_approval
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.document_labels import DocumentWords, document_words, screen_words
from exoconsult.services.core.permissions import Permission, requires, use_case
from exoconsult.services.core.printable import printable_reason
from exoconsult.services.core.work import Work, open_work
from exoconsult.services.history.reading import patient_block, questionnaire_for, read_history
from exoconsult.storage.assessments import AssessmentRepository


class AssessmentRefused(ExoError):
    """The request contradicts the protocol's rules (e.g. overriding an ineligible verdict)."""


class CaseSource(Protocol):
    def current(self, work: Work, patient_id: int) -> CurrentHistory: ...


class StoredHistorySource:
    """The history as stored by the history service, with the patient block from the registry."""

    def current(self, work: Work, patient_id: int) -> CurrentHistory:
        history = read_history(work, patient_id)
        return CurrentHistory(patient_block(work, patient_id), dict(history.history), history.version)


def _fired_dto(entry: dict[str, Any], archived: Mapping[str, Any] | None) -> FiredRuleDTO:
    """Entries stored since protocol 1.1.0 hold templates per language; older ones one English text,
    whose other languages come from the archived protocol that judged them (when it is found)."""
    if isinstance(entry.get("reason"), dict):
        reasons, actions = entry["reason"], entry["action"]
    else:
        old = (archived or {}).get(entry["rule"]) or {}
        reasons = old.get("reason") or {"en": entry["reason"]}
        actions = old.get("action") or {"en": entry["action"]}
    params = entry.get("params") or {}
    return FiredRuleDTO(entry["rule"], entry["outcome"], render_entry(entry, "en", archived)[0],
                        render_entry(entry, "en", archived)[1], entry.get("source", ""), params,
                        dict(reasons), dict(actions))


FieldLabels = Callable[[str], tuple[Mapping[str, str], Mapping[str, str]] | None]


def field_labels_of(forms_dir: Path) -> FieldLabels:
    """(label, section title) per language of a field a rule reads: from the questionnaire's definitions,
    or for the patient's registry fields from the eligibility wording catalogue."""
    questionnaire = questionnaire_for(forms_dir)

    def labels(field: str) -> tuple[Mapping[str, str], Mapping[str, str]] | None:
        found = questionnaire.field_label(field)
        if found is not None:
            return found
        catalogues = {lang: document_words(lang, forms_dir) for lang in languages_for(forms_dir).document_languages}
        return patient_field_label(field, catalogues)
    return labels


def _missing_dto(m: dict[str, Any], labels: FieldLabels | None) -> MissingFieldDTO:
    label, section = (labels(m["field"]) if labels else None) or ({}, {})
    return MissingFieldDTO(m["field"], tuple(m["needed_by"]), m["message"], m.get("messages") or {},
                           dict(label), dict(section))


def to_dto(row, resolution, *, stale: bool,
           archived: Callable[[str], Mapping[str, Any] | None] | None = None,
           labels: FieldLabels | None = None) -> AssessmentDTO:
    resolved = None if resolution is None else ResolutionDTO(
        resolution.decision, resolution.reason, resolution.resolved_by_name, resolution.resolved_by,
        resolution.resolved_at)
    return AssessmentDTO(
        id=row.id, patient_id=row.patient_id, kind=row.kind, verdict=row.verdict,
        protocol=ProtocolInfo(row.protocol_id, row.protocol_version, row.protocol_sha256,
                              row.protocol_approved_by, row.protocol_approved_on),
        fired=tuple(_fired_dto(f, archived(row.protocol_sha256) if archived and not isinstance(f.get("reason"), dict)
                               else None) for f in json.loads(row.fired)),
        missing=tuple(_missing_dto(m, labels) for m in json.loads(row.missing)),
        derived=json.loads(row.derived), inputs=json.loads(row.inputs), assessed_on=row.assessed_on,
        run_at=row.run_at, run_by=row.run_by_name, run_by_username=row.run_by,
        history_version=row.history_version, history_sha256=row.history_sha256, stale=stale, resolution=resolved)


_SOURCE_KEY = "assessment.case_source"
_PROTOCOLS: dict[Path, tuple[tuple[int, int], RulesProtocol]] = {}


def protocol_dir_of(forms_dir: Path) -> Path:
    return Path(forms_dir) / "protocols" / PROTOCOL_ID


def protocol_in_force(forms_dir: Path) -> RulesProtocol:
    """The protocol in force in this forms folder (re-read when its file changes on disk)."""
    folder = protocol_dir_of(forms_dir)
    stat = (folder / "protocol.yaml").stat()
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _PROTOCOLS.get(folder)
    if cached is None or cached[0] != key:
        _PROTOCOLS[folder] = cached = (key, load_protocol(folder))
    return cached[1]


def _archived(work: Work) -> Callable[[str], Mapping[str, Any] | None]:
    """Rule texts (every language) of the protocol file with a given sha256: the one in force or one kept in
    its archive/ folder; None when no such file is found."""
    return partial(archived_rule_texts, protocol_dir_of(work.ctx.forms_dir))


def _source(work: Work) -> CaseSource:
    return work.memo(_SOURCE_KEY, StoredHistorySource)


def current_history_sha(work: Work, patient_id: int) -> str:
    return work.memo(("history_sha", patient_id), lambda: history_sha256(_source(work).current(work, patient_id)))


def assessments_of(work: Work, patient_id: int) -> tuple[AssessmentDTO, ...]:
    """Every assessment of a patient, newest first, each marked stale or not."""
    def load() -> tuple[AssessmentDTO, ...]:
        record = work.consultation(patient_id)
        if record is None or not record.assessments:
            return ()
        sha = current_history_sha(work, patient_id)
        archived = _archived(work)
        labels = field_labels_of(work.ctx.forms_dir)
        return tuple(to_dto(r, record.resolutions.get(r.id), stale=r.history_sha256 != sha, archived=archived,
                            labels=labels) for r in record.assessments)
    return work.memo(("assessments", patient_id), load)


def latest_assessment(work: Work, patient_id: int) -> AssessmentDTO | None:
    found = assessments_of(work, patient_id)
    return found[0] if found else None


def assessment_by_id(work: Work, assessment_id: int) -> AssessmentDTO:
    repo = AssessmentRepository(work.session)
    row = repo.get(assessment_id)
    if row is None:
        raise NotFound(f"assessment {assessment_id} does not exist")
    current = current_history_sha(work, row.patient_id)
    return to_dto(row, repo.resolutions([row.id]).get(row.id), stale=row.history_sha256 != current,
                  archived=_archived(work), labels=field_labels_of(work.ctx.forms_dir))


def eligibility_gate(work: Work, patient_id: int) -> Gate:
    """May the explanation and consent go ahead on eligibility grounds?"""
    a = latest_assessment(work, patient_id)
    if a is None:
        return gate(False, QT_TRANSLATE_NOOP("GateReasons", "No eligibility assessment has been run for this patient."))
    at = dict(at=a.run_at, protocol=f"{a.protocol.id} {a.protocol.version}")
    if a.stale:
        return gate(False, QT_TRANSLATE_NOOP("GateReasons", "The history changed after the assessment of {at}; "
                                                            "run the assessment again."), a.id, **at)
    if not a.protocol.approved_by.strip():  # spec "Approval": an unapproved protocol cannot open the gate
        return gate(False, QT_TRANSLATE_NOOP("GateReasons", "Protocol {protocol} was not approved by the clinic when "
                                                            "the assessment of {at} was made; approve the "
                                                            "protocol, then run the assessment again."), a.id, **at)
    in_force = protocol_in_force(work.ctx.forms_dir)
    if a.protocol.sha256 != in_force.sha256:
        return gate(False, QT_TRANSLATE_NOOP("GateReasons", "The protocol changed after the assessment of {at} "
                                                            "(now {version}); run the assessment again."), a.id,
                    version=in_force.version, **at)
    if a.verdict == "eligible":
        return gate(True, QT_TRANSLATE_NOOP("GateReasons", "Eligible under {protocol} (assessment of {at})."),
                    a.id, **at)
    if a.verdict == "needs_review":
        if a.resolution is None:
            return gate(False, QT_TRANSLATE_NOOP("GateReasons", "The assessment of {at} needs a urologist's "
                                                                "review decision."), a.id, **at)
        by = dict(by=a.resolution.resolved_by, on=a.resolution.resolved_at)
        if a.resolution.decision == "proceed":
            return gate(True, QT_TRANSLATE_NOOP("GateReasons", "Review resolved to proceed by {by} ({on})."), a.id,
                        **by)
        return gate(False, QT_TRANSLATE_NOOP("GateReasons", "Review resolved not to proceed by {by}."), a.id, **by)
    if a.verdict == "incomplete":
        return gate(False, QT_TRANSLATE_NOOP("GateReasons", "The assessment of {at} is incomplete: {count} "
                                                            "field(s) missing."), a.id, count=len(a.missing), **at)
    return gate(False, QT_TRANSLATE_NOOP("GateReasons", "Ineligible under {protocol} (assessment of {at})."),
                a.id, **at)


class AssessmentService:
    def __init__(self, ctx: ServiceContext, case_source: CaseSource | None = None) -> None:
        self.ctx = ctx
        self.case_source: CaseSource | None = case_source  # None: the stored history
        self._protocol_cache: tuple[tuple[int, int], RulesProtocol] | None = None

    @property
    def protocol_dir(self) -> Path:
        return protocol_dir_of(self.ctx.forms_dir)

    def protocol(self) -> RulesProtocol:
        """The protocol in force (re-read when its file changes on disk)."""
        return protocol_in_force(self.ctx.forms_dir)

    def archived_texts(self, sha256: str) -> Mapping[str, Any] | None:
        """Rule texts (every language) of the protocol file with this sha256 (see `_archived`)."""
        return archived_rule_texts(self.protocol_dir, sha256)

    def _today(self) -> date:
        return self.ctx.clock.now().date()

    def _with_source(self, work: Work) -> Work:
        if self.case_source is not None:
            work.memo(_SOURCE_KEY, lambda: self.case_source)
        return work

    @use_case(Permission.ASSESSMENT_VIEW, write=False)
    def protocol_in_force(self, work: Work) -> ProtocolInfo:
        return protocol_info(with_recorded_approval(work, self.protocol()))

    @use_case(Permission.ASSESSMENT_VIEW, write=False)
    def derived_words(self, work: Work, language: str) -> DocumentWords:
        """How the screen labels and writes the derived values (domain.eligibility_words.derived_rows) in its
        language: the clinic's own catalogue, label by label over the shipped one, as the summary PDF prints them."""
        return screen_words(work.ctx, language)

    @use_case(Permission.ASSESSMENT_RUN)
    def run(self, work: Work, patient_id: int) -> AssessmentDTO:
        """Assess the current history and store the snapshot."""
        actor = work.actor
        current = _source(self._with_source(work)).current(work, patient_id)
        case_json = {"format": CASE_FORMAT, "assessed_on": self._today().isoformat(),
                     "patient": current.patient, "history": current.history}
        values = evaluate(with_recorded_approval(work, self.protocol()), case_json, self._today())
        row = AssessmentRepository(work.session).add({
            **values, "patient_id": patient_id, "kind": "run", "history_version": current.version,
            "history_sha256": history_sha256(current), "run_by_id": actor.user_id, "run_by": actor.username,
            "run_by_name": actor.display_name[:100], "run_at": work.now()})
        dto = to_dto(row, None, stale=False, labels=field_labels_of(work.ctx.forms_dir))
        work.changed(Part.ASSESSMENT, patient_id)
        work.commit()
        return dto

    @use_case(Permission.ASSESSMENT_VIEW, write=False)
    def latest(self, work: Work, patient_id: int) -> AssessmentDTO | None:
        return latest_assessment(self._with_source(work), patient_id)

    @use_case(Permission.ASSESSMENT_VIEW, write=False)
    def get(self, work: Work, assessment_id: int) -> AssessmentDTO:
        return assessment_by_id(self._with_source(work), assessment_id)

    @use_case(Permission.ASSESSMENT_RESOLVE)
    def resolve(self, work: Work, assessment_id: int, decision: str, reason: str) -> AssessmentDTO:
        """A urologist's decision on a needs_review verdict, with a written reason (stored, audited)."""
        reason = (reason or "").strip()
        problems: dict[str, Reason] = {}
        if decision not in DECISIONS:
            problems["decision"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages",
                                                                     "Choose 'proceed' or 'do not proceed'."))
        if len(reason) < MIN_REASON_CHARS:
            problems["reason"] = service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Write the reason for this decision in at least {minimum} characters ({count} so "
                "far)."), minimum=MIN_REASON_CHARS, count=len(reason))
        elif (why := printable_reason(reason, max_len=4000)):
            problems["reason"] = why  # it is printed in the consent's eligibility annex
        if problems:
            raise ValidationError(problems)
        actor = self._with_source(work).actor
        current = assessment_by_id(work, assessment_id)
        if current.verdict != "needs_review":
            raise AssessmentRefused(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Only a 'needs review' verdict can be resolved; this one is '{verdict}'. The data "
                "must change and the assessment be run again."), verdict=current.verdict))
        if current.stale:
            raise AssessmentRefused(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The history changed after this assessment. Run the assessment again, then "
                "resolve the new one.")))
        repo = AssessmentRepository(work.session)
        if repo.resolutions([assessment_id]):
            raise AssessmentRefused(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "This assessment has already been resolved; a resolution cannot be changed.")))
        newest = repo.latest(current.patient_id)
        if newest is not None and newest.id != assessment_id:
            raise AssessmentRefused(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "A newer assessment of this patient exists; resolve that one instead.")))
        repo.add_resolution({"assessment_id": assessment_id, "decision": decision, "reason": reason,
                             "resolved_by_id": actor.user_id, "resolved_by": actor.username,
                             "resolved_by_name": actor.display_name[:100], "resolved_at": work.now()})
        work.changed(Part.ASSESSMENT, current.patient_id)
        dto = assessment_by_id(work, assessment_id)
        work.commit()
        return dto

    @use_case(Permission.ASSESSMENT_VIEW, write=False)
    def eligibility_gate(self, work: Work, patient_id: int) -> Gate:
        """May the explanation and consent go ahead on eligibility grounds?"""
        return eligibility_gate(self._with_source(work), patient_id)

    @requires(Permission.ASSESSMENT_RUN)
    def reassess_all(self, actor: Actor, workers: int | None = None) -> ReassessReport:
        """After a protocol change: judge every patient's newest snapshot inputs by the protocol in force.

        Each new snapshot keeps the history reference of the one it re-judges, so one made from inputs the
        history has since moved past is still shown as stale. Patients already assessed under this
        protocol (same sha256) are left alone, so an interrupted run can simply be started again.
        `workers`: judging processes (default: one per core; 1 = in this process)."""
        with open_work(self.ctx, actor, write=False) as work:
            protocol = with_recorded_approval(work, self.protocol())
        tally = Reassessment(self.ctx, actor, self.protocol_dir, protocol, self._today()).run(workers)
        return ReassessReport(protocol_info(protocol), tally.patients, sum(tally.by_verdict.values()),
                              tally.already_current, tally.changed_verdict, dict(sorted(tally.by_verdict.items())))

    @use_case(Permission.ASSESSMENT_VIEW)
    def summary_pdf(self, work: Work, assessment_id: int) -> bytes:
        """The one-page eligibility summary of an assessment (the export is audited)."""
        from exoconsult.services.assessment.assessment_summary import (
            render_summary,  # reportlab: loaded on use
        )

        dto = assessment_by_id(self._with_source(work), assessment_id)
        pdf = render_summary(work, dto)
        work.audit("export", "assessment", assessment_id,
                   detail={"document": "assessment-summary", "sha256": hashlib.sha256(pdf).hexdigest()})
        work.commit()
        return pdf

    @use_case(Permission.ASSESSMENT_VIEW, write=False)
    def list(self, work: Work, patient_id: int) -> tuple[AssessmentDTO, ...]:
        """Every assessment of a patient, newest first, each marked stale or not."""
        return assessments_of(self._with_source(work), patient_id)
