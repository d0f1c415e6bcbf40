"""Judging one case against the protocol: the pure part of an assessment (no database), shared by
running an assessment and by re-assessing every patient in worker processes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from exoconsult.domain.canonical_json import canonical_json
from exoconsult.domain.case import Case, Quantity, parse_case
from exoconsult.rules.engine import assess
from exoconsult.rules.model import Protocol as RulesProtocol
from exoconsult.rules.snapshot import stored_fired_and_missing
from exoconsult.services.assessment.assessment_dto import ProtocolInfo

PROTOCOL_ID = "exo-noa"


@dataclass(frozen=True)
class CurrentHistory:
    """The patient's case as it stands now: the case `patient` block, `history` block and version."""

    patient: dict[str, Any]
    history: dict[str, Any]
    version: int


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
