"""The FHIR R4 export: one Bundle per patient, for a hospital that takes over his care (identified data,
so it is audited per patient with the file and its SHA-256). A bundle holds the Patient; each consent
(a Consent with its optional choices as provisions, pointing at the DocumentReference that carries the
sealed PDF) and its withdrawal; the history as a QuestionnaireResponse and its laboratory values as
Observations; each Procedure with the product lot (a Medication with its batch) and its sealed notes;
each follow-up visit's results as Observations; each adverse event as an AdverseEvent."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exoconsult.domain.errors import NotFound
from exoconsult.services.consent.consent_records import summaries
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.services.exports import fhir_codes as c
from exoconsult.services.exports import fhir_resources as fr
from exoconsult.services.exports.fhir_followup import adverse_events, visit_observations
from exoconsult.services.exports.fhir_history import observations, questionnaire_response
from exoconsult.services.exports.research_package import check_folder, write_files
from exoconsult.services.history.reading import questionnaire_for
from exoconsult.storage.consents import ConsentRepository
from exoconsult.storage.consultation_read import history_doc
from exoconsult.storage.patients import PatientRepository
from exoconsult.storage.procedures import ProcedureRepository

# Resource ids are UUIDs derived from what they stand for, so exporting twice gives the same ids.
_NAMESPACE = uuid.UUID("5c3b1f0e-8d2a-4c7e-9a61-2f4e0b7d9c11")


@dataclass(frozen=True)
class FhirExportResult:
    folder: str
    files: tuple[tuple[str, str], ...]  # (file name, sha256)


class _Ids:
    def __init__(self, patient_id: int) -> None:
        self.patient_id = patient_id

    def __call__(self, key: str) -> tuple[str, str]:
        rid = str(uuid.uuid5(_NAMESPACE, f"patient/{self.patient_id}/{key}"))
        return f"urn:uuid:{rid}", rid


def patient_bundle(work: Work, patient_id: int) -> dict[str, Any]:
    record = work.consultation(patient_id)
    if record is None:
        raise NotFound(f"patient {patient_id} does not exist")
    ids, consents, procedures = _Ids(patient_id), ConsentRepository(work.session), ProcedureRepository(work.session)
    subject, pid = ids("patient")
    out: list[tuple[str, dict[str, Any]]] = [(subject, fr.patient(pid, record.patient))]
    statuses = {s.id: s.status for s in summaries(work, patient_id)}
    choices = consents.choices([row.id for row in record.consents])
    for summary in reversed(record.consents):
        row = consents.by_id(summary.id)
        doc_url, doc_id = ids(f"document/{row.document_id}")
        out.append((doc_url, fr.document_reference(
            doc_id, subject, document_id=row.document_id, pdf=row.pdf, kind=c.CONSENT_DOC, language=row.language,
            title=f"Informed consent ({row.text_id} {row.text_version})", created=row.signed_at)))
        url, rid = ids(f"consent/{row.id}")
        out.append((url, fr.consent(rid, subject, doc_url, active=statuses.get(row.id) == "signed",
                                    signed_at=row.signed_at, policy=f"{row.text_id} {row.text_version} ({row.language})",
                                    choices=choices.get(row.id, {}))))
        withdrawal = consents.withdrawal_for(row.id)
        if withdrawal is not None:
            w_url, w_id = ids(f"document/{withdrawal.document_id}")
            out.append((w_url, fr.document_reference(
                w_id, subject, document_id=withdrawal.document_id, pdf=withdrawal.pdf, kind=c.CONSENT_DOC,
                language=row.language, title="Withdrawal of consent", created=withdrawal.withdrawn_at,
                relates_to=doc_url)))
    if record.history is not None:
        questionnaire, history = questionnaire_for(work.ctx.forms_dir), history_doc(record.history).history
        url, rid = ids("history")
        out.append((url, questionnaire_response(rid, subject, questionnaire, history, record.history.updated_at)))
        out += observations(ids, subject, questionnaire, history)
    lots: dict[int, str] = {}

    def lot_url(lot_id: int) -> str:
        """The product lot as a Medication with its batch, added to the bundle once."""
        if lot_id not in lots:
            lot = procedures.lot(lot_id)
            url, rid = ids(f"lot/{lot_id}")
            out.append((url, fr.medication(rid, product=lot.product_name, manufacturer=lot.manufacturer,
                                           lot_number=lot.lot_number, expiry=lot.expiry_date)))
            lots[lot_id] = url
        return lots[lot_id]

    for plan in record.plans:
        p = procedures.record_for_plan(plan.id)
        if p is None:
            continue
        product = lot_url(p.lot_id)
        notes = []
        for note in procedures.notes_for_record(p.id):
            n_url, n_id = ids(f"document/{note.document_id}")
            notes.append(n_url)
            title = "Procedure note" if note.kind == "note" else "Procedure note addendum"
            out.append((n_url, fr.document_reference(n_id, subject, document_id=note.document_id, pdf=note.pdf,
                                                     kind=c.PROCEDURE_NOTE_DOC, language=note.language, title=title,
                                                     created=note.created_at)))
        url, rid = ids(f"procedure/{p.id}")
        out.append((url, fr.procedure(rid, subject, product, start=p.started_at, end=p.ended_at,
                                      note=_procedure_text(p), reports=notes)))
    out += visit_observations(work, ids, subject, patient_id)
    out += adverse_events(work, ids, subject, patient_id, lot_url)
    _, bundle_id = ids("bundle")
    return fr.bundle(bundle_id, work.now(), out)


def _procedure_text(p) -> str:
    events = ", ".join(json.loads(p.events)) or "none"
    return (f"Volume injected: left {p.left_volume_ml:g} mL ({p.left_sites} sites), right {p.right_volume_ml:g} mL "
            f"({p.right_sites} sites); needle {p.needle_gauge} G; anaesthetic {p.anaesthetic_agent} "
            f"{p.anaesthetic_concentration}; intra-procedure events: {events}"
            + (f" ({p.events_note})" if p.events_note else ""))


def file_name(mrn: str) -> str:
    return "patient-" + (re.sub(r"[^A-Za-z0-9._-]+", "_", mrn) or "unnamed") + ".fhir.json"


class FhirExportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.FHIR_EXPORT)
    def export(self, work: Work, folder: str, *, mrn: str | None) -> FhirExportResult:
        """One bundle per patient (`mrn`, or every patient when None) into an empty folder; each audited."""
        out = Path(folder)
        check_folder(out)
        patients = PatientRepository(work.session)
        if mrn is None:
            chosen = patients.ids()
        else:
            owner = patients.mrn_owner(mrn.strip())
            if owner is None:
                raise NotFound(f"no patient has MRN {mrn.strip()}")
            chosen = [owner]
        work.preload_consultations(chosen)
        files: dict[str, bytes] = {}
        for patient_id in chosen:
            name = file_name(work.consultation(patient_id).patient.mrn)
            if name in files:  # two MRNs that differ only in characters a file name cannot hold
                name = name.replace(".fhir.json", f"-{patient_id}.fhir.json")
            body = json.dumps(patient_bundle(work, patient_id), ensure_ascii=False, indent=1).encode("utf-8")
            files[name] = body
            work.audit("fhir_export", "patient", patient_id, detail={
                "folder": str(out), "file": name, "sha256": hashlib.sha256(body).hexdigest()})
        write_files(out, files)
        try:
            work.commit()
        except BaseException:
            for name in files:
                (out / name).unlink(missing_ok=True)
            raise
        return FhirExportResult(str(out), tuple((n, hashlib.sha256(b).hexdigest()) for n, b in sorted(files.items())))
