"""FHIR R4 resources as plain JSON-ready dicts (no model library at run time: the export stays free of a
27 MB dependency; the tests validate every bundle with fhir.resources' R4B models). Each builder takes
plain values and the urn:uuid references of the resources it points to."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from exoconsult.services.exports import fhir_codes as c


def coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    return {"system": system, "code": code, **({"display": display} if display else {})}


def concept(system: str, code: str, display: str | None = None, text: str | None = None) -> dict[str, Any]:
    return {"coding": [coding(system, code, display)], **({"text": text} if text else {})}


def ref(url: str) -> dict[str, str]:
    return {"reference": url}


def instant(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


def quantity(value: float, unit: str) -> dict[str, Any]:
    out: dict[str, Any] = {"value": value, "unit": unit}
    if unit in c.UCUM_BY_UNIT:
        out.update(system=c.UCUM, code=c.UCUM_BY_UNIT[unit])
    return out


def patient(rid: str, p: Any) -> dict[str, Any]:
    identifiers = [{"use": "usual", "type": concept(c.V2_IDENTIFIER_TYPE, "MR"), "system": c.MRN_SYSTEM,
                    "value": p.mrn}]
    if p.national_id:
        identifiers.append({"use": "official", "type": concept(c.V2_IDENTIFIER_TYPE, "NI"), "value": p.national_id})
    telecom = [{"system": s, "value": v} for s, v in (("phone", p.phone), ("email", p.email)) if v]
    return {"resourceType": "Patient", "id": rid, "identifier": identifiers,
            "name": [{"family": p.family_name, "given": [p.given_name]}],
            "gender": p.sex or "unknown",  # the vocabulary's values are FHIR's administrative-gender codes
            "birthDate": p.birth_date.isoformat(), **({"telecom": telecom} if telecom else {}),
            "communication": [{"language": concept(c.BCP47, p.preferred_language), "preferred": True}]}


def document_reference(rid: str, subject: str, *, document_id: str, pdf: bytes, kind: tuple[str, str, str],
                       title: str, language: str, created: datetime, relates_to: str | None = None) -> dict[str, Any]:
    """A sealed PDF, whole. R4's Attachment.hash is SHA-1 (base64); the SHA-256 the clinic records goes
    in an identifier as an RFC 6920 named-information URI and in the description."""
    sha256 = hashlib.sha256(pdf).digest()
    out: dict[str, Any] = {
        "resourceType": "DocumentReference", "id": rid,
        "masterIdentifier": {"system": c.URI, "value": f"urn:uuid:{document_id}"},
        "identifier": [{"system": c.URI,
                        "value": "ni:///sha-256;" + base64.urlsafe_b64encode(sha256).decode().rstrip("=")}],
        "status": "current", "docStatus": "final", "type": concept(*kind), "subject": ref(subject),
        "date": instant(created), "description": f"{title}; sealed PDF, SHA-256 {sha256.hex()}",
        "content": [{"attachment": {
            "contentType": "application/pdf", "language": language, "data": base64.b64encode(pdf).decode("ascii"),
            "size": len(pdf), "hash": base64.b64encode(hashlib.sha1(pdf).digest()).decode("ascii"),  # noqa: S324 - R4 says SHA-1
            "title": title, "creation": instant(created)}}],
    }
    if relates_to:
        out["relatesTo"] = [{"code": "appends", "target": ref(relates_to)}]
    return out


def consent(rid: str, subject: str, source: str, *, active: bool, signed_at: datetime, policy: str,
            choices: Mapping[str, bool]) -> dict[str, Any]:
    """The treatment consent; each optional choice (registry, publication...) a nested permit or deny."""
    return {"resourceType": "Consent", "id": rid, "status": "active" if active else "inactive",
            "scope": concept(c.CONSENT_SCOPE, "treatment"), "category": [concept(*c.CONSENT_DOC)],
            "patient": ref(subject), "dateTime": instant(signed_at), "policyRule": {"text": policy},
            "sourceReference": ref(source), "provision": {"type": "permit"}} | ({} if not choices else {
                "provision": {"type": "permit", "provision": [  # FHIR JSON has no empty lists
                    {"type": "permit" if yes else "deny", "code": [concept(c.CHOICE_SYSTEM, choice_id)]}
                    for choice_id, yes in sorted(choices.items())]}})


def observation(rid: str, subject: str, *, field: str, label: str, effective: date, value: Any,
                unit: str | None, category: str) -> dict[str, Any]:
    """`category`: laboratory | exam | imaging (FHIR's observation categories)."""
    loinc = c.LOINC_BY_FIELD.get(field)
    code = {"coding": [coding(c.LOINC, *loinc)] if loinc else [coding(c.FIELD_SYSTEM, field)], "text": label}
    out: dict[str, Any] = {"resourceType": "Observation", "id": rid, "status": "final",
                           "category": [concept(c.OBSERVATION_CATEGORY, category)],
                           "code": code, "subject": ref(subject), "effectiveDateTime": effective.isoformat()}
    if isinstance(value, list):
        out["valueCodeableConcept"] = {"coding": [coding(c.FIELD_SYSTEM, f"{field}={v}") for v in value],
                                       "text": ", ".join(map(str, value))}
    elif isinstance(value, bool):
        out["valueBoolean"] = value
    elif isinstance(value, (int, float)):
        out["valueQuantity"] = quantity(value, unit) if unit else {"value": value}
    else:
        out["valueCodeableConcept"] = concept(c.FIELD_SYSTEM, f"{field}={value}", text=str(value))
    return out


def medication(rid: str, *, product: str, manufacturer: str, lot_number: str, expiry: date) -> dict[str, Any]:
    return {"resourceType": "Medication", "id": rid, "code": {"text": f"{product} ({manufacturer})"},
            "batch": {"lotNumber": lot_number, "expirationDate": expiry.isoformat()}}


def procedure(rid: str, subject: str, product: str, *, start: datetime, end: datetime, note: str,
              reports: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "resourceType": "Procedure", "id": rid, "status": "completed",
        "code": {"text": "Intratesticular injection of an exosome product (experimental, unproven)"},
        "subject": ref(subject), "performedPeriod": {"start": instant(start), "end": instant(end)},
        "bodySite": [{"text": "Both testes"}], "usedReference": [ref(product)], "note": [{"text": note}]}
    if reports:
        out["report"] = [ref(r) for r in reports]
    return out


# FHIR's adverse-event outcome codes for ours.
AE_OUTCOME = {"recovered": "resolved", "recovering": "recovering", "not_recovered": "ongoing",
              "recovered_with_sequelae": "resolvedWithSequelae", "fatal": "fatal", "unknown": "unknown"}


def adverse_event(rid: str, subject: str, suspect: str, *, term: str, text: str, onset: date, learnt: date,
                  recorded: datetime, serious: bool | None, grade: int | None, outcome: str | None,
                  relatedness: str | None, relatedness_text: str) -> dict[str, Any]:
    """One adverse event in its newest state; the product lot is the suspect entity. CTCAE grades map to
    FHIR's severity as CTCAE defines them (1 mild, 2 moderate, 3 and above severe)."""
    out: dict[str, Any] = {
        "resourceType": "AdverseEvent", "id": rid, "actuality": "actual",
        "event": {"coding": [coding(c.AE_TERM_SYSTEM, term)], "text": text}, "subject": ref(subject),
        "date": onset.isoformat(), "detected": learnt.isoformat(), "recordedDate": instant(recorded),
        "suspectEntity": [{"instance": ref(suspect)}]}
    if serious is not None:
        out["seriousness"] = concept(c.AE_SERIOUSNESS, "serious" if serious else "non-serious")
    if grade is not None:
        out["severity"] = concept(c.AE_SEVERITY, "mild" if grade == 1 else "moderate" if grade == 2 else "severe",
                                  text=f"CTCAE v5 grade {grade}")
    if outcome in AE_OUTCOME:
        out["outcome"] = concept(c.AE_OUTCOME, AE_OUTCOME[outcome])
    if relatedness:
        out["suspectEntity"][0]["causality"] = [{"assessment": concept(c.WHO_UMC_SYSTEM, relatedness,
                                                                       text=relatedness_text)}]
    return out


def bundle(rid: str, timestamp: datetime, resources: Sequence[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    return {"resourceType": "Bundle", "id": rid, "type": "collection", "timestamp": instant(timestamp),
            "entry": [{"fullUrl": url, "resource": r} for url, r in resources]}
