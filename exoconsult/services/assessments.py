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
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from exoconsult.definitions.protocol import archived_rule_texts, load_protocol
from exoconsult.domain.case import CASE_FORMAT, Case, Quantity, parse_case
from exoconsult.domain.errors import ExoError, NotFound, ValidationError
from exoconsult.domain.people import Actor
from exoconsult.rules.engine import assess
from exoconsult.rules.model import Protocol as RulesProtocol
from exoconsult.rules.snapshot import stored_fired_and_missing
from exoconsult.rules.texts import render_entry
from exoconsult.services.assessment_dto import (
    DECISIONS,
    MIN_REASON_CHARS,
    AssessmentDTO,
    FiredRuleDTO,
    Gate,
    MissingFieldDTO,
    ProtocolInfo,
    ReassessReport,
    ResolutionDTO,
)
from exoconsult.services.context import ServiceContext
from exoconsult.services.permissions import Permission, requires
from exoconsult.storage.assessments import AssessmentRepository
from exoconsult.storage.patients import PatientRepository

PROTOCOL_ID = "exo-noa"


class AssessmentRefused(ExoError):
    """The request contradicts the protocol's rules (e.g. overriding an ineligible verdict)."""


@dataclass(frozen=True)
class CurrentHistory:
    """The patient's case as it stands now: the case `patient` block, `history` block and version."""

    patient: dict[str, Any]
    history: dict[str, Any]
    version: int


class CaseSource(Protocol):
    def current(self, actor: Actor, patient_id: int) -> CurrentHistory: ...


class StoredHistorySource:
    """The history as stored by the history service, with the patient block from the registry."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def current(self, actor: Actor, patient_id: int) -> CurrentHistory:
        from exoconsult.services.history import HistoryService

        history = HistoryService(self.ctx).get(actor, patient_id)
        return CurrentHistory(patient_block(self.ctx, actor, patient_id), dict(history.history), history.version)


def patient_block(ctx: ServiceContext, actor: Actor, patient_id: int) -> dict[str, Any]:
    """The case-format `patient` block of a registered patient (optional fields only when filled)."""
    with ctx.uow(actor, write=False) as uow:
        row = PatientRepository(uow.session).get(patient_id)
        if row is None:
            raise NotFound(f"patient {patient_id} does not exist")
        block: dict[str, Any] = {"family_name": row.family_name, "given_name": row.given_name,
                                 "birth_date": row.birth_date.isoformat(), "sex": row.sex, "mrn": row.mrn,
                                 "preferred_language": row.preferred_language,
                                 "needs_interpreter": row.needs_interpreter}
        for optional in ("national_id", "phone", "email"):
            if getattr(row, optional):
                block[optional] = getattr(row, optional)
    return block


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def history_sha256(current: CurrentHistory) -> str:
    """Fingerprint of everything the rules can read; any edit of it makes an assessment stale."""
    facts = {"patient": {k: current.patient.get(k) for k in ("birth_date", "sex")}, "history": current.history}
    return hashlib.sha256(canonical_json(facts).encode("utf-8")).hexdigest()


def canonical_inputs(case: Case) -> dict[str, Any]:
    """The case with every quantity converted to its canonical unit (a bare number means canonical)."""

    def plain(v: Any) -> Any:
        if isinstance(v, Quantity):
            return v.canonical
        if isinstance(v, date):
            return v.isoformat()
        return v

    history: dict[str, Any] = {}
    for key, v in case.history.items():
        history[key] = [{k: plain(x) for k, x in e.items()} for e in v] if isinstance(v, tuple) else plain(v)
    return {"format": case.format, "assessed_on": case.assessed_on.isoformat(),
            "patient": {k: plain(v) for k, v in case.patient.items()}, "history": history}


def protocol_info(protocol: RulesProtocol) -> ProtocolInfo:
    return ProtocolInfo(protocol.id, protocol.version, protocol.sha256, protocol.approval.approved_by,
                        protocol.approval.approved_on)


def evaluate(protocol: RulesProtocol, case_json: dict[str, Any], today: date, *,
             inputs_text: str | None = None) -> dict[str, Any]:
    """Judge one case; the snapshot columns that depend on the case and the protocol. `inputs_text`: the
    case's canonical inputs JSON when the caller already has it (re-assessing stored inputs)."""
    case = parse_case(case_json, today=today)
    result = assess(protocol, case).to_json()
    result["fired"], result["missing"] = stored_fired_and_missing(protocol, case, result)
    inputs = inputs_text if inputs_text is not None else canonical_json(canonical_inputs(case))
    return {"assessed_on": case.assessed_on, "inputs": inputs,
            "protocol_id": protocol.id, "protocol_version": protocol.version, "protocol_sha256": protocol.sha256,
            "protocol_approved_by": protocol.approval.approved_by[:200],
            "protocol_approved_on": protocol.approval.approved_on[:32], "verdict": result["outcome"],
            "fired": canonical_json(result["fired"]), "missing": canonical_json(result["missing"]),
            "derived": canonical_json(result["derived"])}


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


def to_dto(row, resolution, *, stale: bool,
           archived: Callable[[str], Mapping[str, Any] | None] | None = None) -> AssessmentDTO:
    resolved = None if resolution is None else ResolutionDTO(
        resolution.decision, resolution.reason, resolution.resolved_by_name, resolution.resolved_by,
        resolution.resolved_at)
    return AssessmentDTO(
        id=row.id, patient_id=row.patient_id, kind=row.kind, verdict=row.verdict,
        protocol=ProtocolInfo(row.protocol_id, row.protocol_version, row.protocol_sha256,
                              row.protocol_approved_by, row.protocol_approved_on),
        fired=tuple(_fired_dto(f, archived(row.protocol_sha256) if archived and not isinstance(f.get("reason"), dict)
                               else None) for f in json.loads(row.fired)),
        missing=tuple(MissingFieldDTO(m["field"], tuple(m["needed_by"]), m["message"], m.get("messages") or {})
                      for m in json.loads(row.missing)),
        derived=json.loads(row.derived), inputs=json.loads(row.inputs), assessed_on=row.assessed_on,
        run_at=row.run_at, run_by=row.run_by_name, run_by_username=row.run_by,
        history_version=row.history_version, history_sha256=row.history_sha256, stale=stale, resolution=resolved)


class AssessmentService:
    def __init__(self, ctx: ServiceContext, case_source: CaseSource | None = None) -> None:
        self.ctx = ctx
        self.case_source: CaseSource = case_source or StoredHistorySource(ctx)
        self._protocol_cache: tuple[tuple[int, int], RulesProtocol] | None = None

    @property
    def protocol_dir(self) -> Path:
        return Path(self.ctx.forms_dir) / "protocols" / PROTOCOL_ID

    def protocol(self) -> RulesProtocol:
        """The protocol in force (re-read when its file changes on disk)."""
        stat = (self.protocol_dir / "protocol.yaml").stat()
        key = (stat.st_mtime_ns, stat.st_size)
        if self._protocol_cache is None or self._protocol_cache[0] != key:
            self._protocol_cache = (key, load_protocol(self.protocol_dir))
        return self._protocol_cache[1]

    def archived_texts(self, sha256: str) -> Mapping[str, Any] | None:
        """Rule texts (every language) of the protocol file with this sha256: the one in force or one
        kept in its archive/ folder; None when no such file is found."""
        return archived_rule_texts(self.protocol_dir, sha256)

    def _today(self) -> date:
        return self.ctx.clock.now().date()

    @requires(Permission.ASSESSMENT_VIEW)
    def protocol_in_force(self, actor: Actor) -> ProtocolInfo:
        return protocol_info(self.protocol())

    @requires(Permission.ASSESSMENT_RUN)
    def run(self, actor: Actor, patient_id: int) -> AssessmentDTO:
        """Assess the current history and store the snapshot."""
        current = self.case_source.current(actor, patient_id)
        case_json = {"format": CASE_FORMAT, "assessed_on": self._today().isoformat(),
                     "patient": current.patient, "history": current.history}
        values = evaluate(self.protocol(), case_json, self._today())
        with self.ctx.uow(actor) as uow:
            row = AssessmentRepository(uow.session).add({
                **values, "patient_id": patient_id, "kind": "run", "history_version": current.version,
                "history_sha256": history_sha256(current), "run_by_id": actor.user_id, "run_by": actor.username,
                "run_by_name": actor.display_name[:100], "run_at": uow.now()})
            dto = to_dto(row, None, stale=False)
            uow.commit()
        return dto

    def _current_sha(self, actor: Actor, patient_id: int) -> str:
        return history_sha256(self.case_source.current(actor, patient_id))

    @requires(Permission.ASSESSMENT_VIEW)
    def latest(self, actor: Actor, patient_id: int) -> AssessmentDTO | None:
        found = self.list(actor, patient_id)
        return found[0] if found else None

    @requires(Permission.ASSESSMENT_VIEW)
    def get(self, actor: Actor, assessment_id: int) -> AssessmentDTO:
        with self.ctx.uow(actor, write=False) as uow:
            repo = AssessmentRepository(uow.session)
            row = repo.get(assessment_id)
            if row is None:
                raise NotFound(f"assessment {assessment_id} does not exist")
            current = self._current_sha(actor, row.patient_id)
            return to_dto(row, repo.resolutions([row.id]).get(row.id), stale=row.history_sha256 != current,
                          archived=self.archived_texts)

    @requires(Permission.ASSESSMENT_RESOLVE)
    def resolve(self, actor: Actor, assessment_id: int, decision: str, reason: str) -> AssessmentDTO:
        """A urologist's decision on a needs_review verdict, with a written reason (stored, audited)."""
        reason = (reason or "").strip()
        problems = {}
        if decision not in DECISIONS:
            problems["decision"] = "Choose 'proceed' or 'do not proceed'."
        if len(reason) < MIN_REASON_CHARS:
            problems["reason"] = (f"Write the reason for this decision in at least {MIN_REASON_CHARS} characters "
                                  f"({len(reason)} so far).")
        if problems:
            raise ValidationError(problems)
        current = self.get(actor, assessment_id)
        if current.verdict != "needs_review":
            raise AssessmentRefused(f"Only a 'needs review' verdict can be resolved; this one is "
                                    f"'{current.verdict}'. The data must change and the assessment be run again.")
        if current.stale:
            raise AssessmentRefused("The history changed after this assessment. Run the assessment again, "
                                    "then resolve the new one.")
        with self.ctx.uow(actor) as uow:
            repo = AssessmentRepository(uow.session)
            if repo.resolutions([assessment_id]):
                raise AssessmentRefused("This assessment has already been resolved; a resolution cannot be changed.")
            newest = repo.latest(current.patient_id)
            if newest is not None and newest.id != assessment_id:
                raise AssessmentRefused("A newer assessment of this patient exists; resolve that one instead.")
            repo.add_resolution({"assessment_id": assessment_id, "decision": decision, "reason": reason,
                                 "resolved_by_id": actor.user_id, "resolved_by": actor.username,
                                 "resolved_by_name": actor.display_name[:100], "resolved_at": uow.now()})
            uow.commit()
        return self.get(actor, assessment_id)

    @requires(Permission.ASSESSMENT_VIEW)
    def eligibility_gate(self, actor: Actor, patient_id: int) -> Gate:
        """May the explanation and consent go ahead on eligibility grounds?"""
        a = self.latest(actor, patient_id)
        if a is None:
            return Gate(False, "No eligibility assessment has been run for this patient.")
        when = f"assessment of {a.run_at:%Y-%m-%d %H:%M} UTC"
        if a.stale:
            return Gate(False, f"The history changed after the {when}; run the assessment again.", a.id)
        if not a.protocol.approved_by.strip():  # spec "Approval": an unapproved protocol cannot open the gate
            return Gate(False, f"Protocol {a.protocol.id} {a.protocol.version} was not approved by the clinic when "
                               f"the {when} was made; approve the protocol, then run the assessment again.", a.id)
        if a.protocol.sha256 != self.protocol().sha256:
            return Gate(False, f"The protocol changed after the {when} (now {self.protocol().version}); run the "
                               "assessment again.", a.id)
        if a.verdict == "eligible":
            return Gate(True, f"Eligible under {a.protocol.id} {a.protocol.version} ({when}).", a.id)
        if a.verdict == "needs_review":
            if a.resolution is None:
                return Gate(False, f"The {when} needs a urologist's review decision.", a.id)
            if a.resolution.decision == "proceed":
                return Gate(True, f"Review resolved to proceed by {a.resolution.resolved_by} "
                                  f"({a.resolution.resolved_at:%Y-%m-%d}).", a.id)
            return Gate(False, f"Review resolved not to proceed by {a.resolution.resolved_by}.", a.id)
        if a.verdict == "incomplete":
            return Gate(False, f"The {when} is incomplete: {len(a.missing)} field(s) missing.", a.id)
        return Gate(False, f"Ineligible under {a.protocol.id} {a.protocol.version} ({when}).", a.id)

    @requires(Permission.ASSESSMENT_RUN)
    def reassess_all(self, actor: Actor, workers: int | None = None) -> ReassessReport:
        """After a protocol change: judge every patient's newest snapshot inputs by the protocol in force.

        Each new snapshot keeps the history reference of the one it re-judges, so one made from inputs the
        history has since moved past is still shown as stale. Patients already assessed under this
        protocol (same sha256) are left alone, so an interrupted run can simply be started again.
        `workers`: judging processes (default: one per core; 1 = in this process)."""
        from exoconsult.services.reassess import Reassessment

        protocol = self.protocol()
        tally = Reassessment(self.ctx, actor, self.protocol_dir, protocol, self._today()).run(workers)
        return ReassessReport(protocol_info(protocol), tally.patients, sum(tally.by_verdict.values()),
                              tally.already_current, tally.changed_verdict, dict(sorted(tally.by_verdict.items())))

    @requires(Permission.ASSESSMENT_VIEW)
    def summary_pdf(self, actor: Actor, assessment_id: int) -> bytes:
        """The one-page eligibility summary of an assessment (the export is audited)."""
        from exoconsult.services.assessment_summary import render_summary

        dto = self.get(actor, assessment_id)
        pdf = render_summary(self.ctx, actor, dto)
        with self.ctx.uow(actor) as uow:
            uow.audit("export", "assessment", assessment_id,
                      detail={"document": "assessment-summary", "sha256": hashlib.sha256(pdf).hexdigest()})
            uow.commit()
        return pdf

    @requires(Permission.ASSESSMENT_VIEW)
    def list(self, actor: Actor, patient_id: int) -> tuple[AssessmentDTO, ...]:
        """Every assessment of a patient, newest first, each marked stale or not."""
        with self.ctx.uow(actor, write=False) as uow:
            repo = AssessmentRepository(uow.session)
            rows = repo.for_patient(patient_id)
            if not rows:
                return ()
            resolutions = repo.resolutions([r.id for r in rows])
            sha = self._current_sha(actor, patient_id)
            return tuple(to_dto(r, resolutions.get(r.id), stale=r.history_sha256 != sha, archived=self.archived_texts)
                         for r in rows)
