"""The serious-adverse-event report as a document: the event, its every entry, the product and lot, the
procedure day's anaesthesia and the reporter, laid out after the CIOMS-I form in the language chosen.
The patient appears by pseudonym, age and sex only: the report leaves the clinic."""

from __future__ import annotations

import json
from dataclasses import replace

from exoconsult.documents import model as m
from exoconsult.documents.record_pdf import RecordDocument, RecordSection, RecordTable
from exoconsult.domain import adverse_events as ae
from exoconsult.domain.document_words import DocumentWords
from exoconsult.services.adverse_events.events import deadline_of, term_text
from exoconsult.services.consent.consent_build import clinic_header
from exoconsult.services.consent.consent_records import clinic_logo
from exoconsult.services.core.document_labels import document_words, page_labels
from exoconsult.services.core.languages import language_registry
from exoconsult.services.core.pseudonym_key import patient_pseudonym
from exoconsult.services.core.work import Work
from exoconsult.services.procedure.lots import get_lot, local_date, local_today, user_name
from exoconsult.storage.accounts import UserRepository
from exoconsult.storage.adverse_events import AdverseEventEntryRow, AdverseEventRow, SaeSendingRow
from exoconsult.storage.patients import PatientRepository
from exoconsult.storage.procedures import ProcedureRepository

REPORT_VERSION = "sae-report 1"
LANGUAGES = language_registry().document_languages  # the report is printed in each (forms/i18n)


def _ml(value: float, words: DocumentWords) -> str:
    return words.number(f"{value:g}")


def _criteria(criteria: list[str], words: DocumentWords) -> str:
    return "; ".join(ae.label(words, ae.SERIOUS_CRITERIA, c) for c in criteria) or words["sae.not_serious"]


def _age(birth, on) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def sae_document(work: Work, event: AdverseEventRow, entries: list[AdverseEventEntryRow],
                 sendings: list[SaeSendingRow], earlier_reports: int, lang: str, document_id: str) -> RecordDocument:
    words, settings = document_words(lang, work.ctx.forms_dir), work.settings
    L = words.section("sae")
    current = entries[-1]
    patient = PatientRepository(work.session).get(event.patient_id)
    record = ProcedureRepository(work.session).record(event.record_id)
    lot = get_lot(work, event.lot_id)
    reporter = UserRepository(work.session).get(work.actor.user_id)
    deadline = deadline_of(entries, sendings, local_today(work))
    name = patient_pseudonym(work, event.patient_id, create=True)
    kind = L["initial"] if earlier_reports == 0 else L["follow_up"].format(n=earlier_reports)
    report_rows = [(L["report_kind"], kind), (L["learnt_on"], words.date(event.learnt_on))]
    if deadline is not None:
        report_rows += [(L["serious_since"], words.date(deadline.starts_on)),
                        (L["deadline"], L["deadline_text"].format(date=words.date(deadline.due_on),
                                                                  days=deadline.days))]
    criteria = json.loads(current.serious_criteria)
    term = term_text(event, words)
    if event.term == "other":
        term = f"{ae.label(words, ae.TERMS, 'other')}: {event.term_other}"
    history = tuple((words.date(e.known_on), ae.label(words, ae.GRADES, e.grade),
                     _criteria(json.loads(e.serious_criteria), words), ae.label(words, ae.RELATEDNESS, e.relatedness),
                     ae.label(words, ae.OUTCOMES, e.outcome) + (f" ({words.date(e.outcome_date)})"
                                                               if e.outcome_date else ""),
                     user_name(work, e.recorded_by)) for e in entries)
    notes = tuple((words.date(e.known_on), e.note) for e in entries if e.note)
    sections = (
        RecordSection(L["report"], tuple(report_rows)),
        RecordSection(L["reaction"], (
            (L["patient"], name), (L["country"], words.get(f"country.{settings.country}", settings.country)),
            (L["age"], L["years"].format(n=_age(patient.birth_date, event.onset_date))), (L["sex"], L["male"]),
            (L["onset"], words.date(event.onset_date)), (L["term"], term),
            (L["grade"], ae.label(words, ae.GRADES, current.grade)), (L["seriousness"], _criteria(criteria, words)),
            (L["description"], event.description),
            (L["relatedness"], ae.label(words, ae.RELATEDNESS, current.relatedness)),
            (L["expected"], L["yes"] if current.expected else L["no"]),
            (L["action"], current.action_taken or L["none"]),
            (L["outcome"], ae.label(words, ae.OUTCOMES, current.outcome)),
            (L["outcome_date"], words.date(current.outcome_date) or L["none"]))),
        RecordSection(L["product"], (
            (L["product_name"], lot.product_name), (L["manufacturer"], lot.manufacturer), (L["lot"], lot.lot_number),
            (L["expiry"], words.date(lot.expiry_date)),
            (L["dose"], L["dose_text"].format(left=_ml(record.left_volume_ml, words),
                                              right=_ml(record.right_volume_ml, words))),
            (L["route"], L["route_text"]), (L["indication"], L["indication_text"]),
            (L["therapy_date"], words.date(local_date(work, record.started_at))))),
        RecordSection(L["concomitant"], ((L["anaesthesia"], f"{record.anaesthetic_agent} "
                                          f"{record.anaesthetic_concentration}, "
                                          + L["dose_text"].format(left=_ml(record.anaesthetic_left_ml, words),
                                                                  right=_ml(record.anaesthetic_right_ml, words))),)),
        RecordSection(L["history"], table=RecordTable(
            (L["known_on"], L["grade"], L["seriousness"], L["relatedness"], L["outcome"], L["entry_by"]), history,
            (0.13, 0.17, 0.22, 0.16, 0.18, 0.14))),
        *((RecordSection(L["notes"], rows=notes),) if notes else ()),
        RecordSection(L["reporter"], (
            (L["clinic"], settings.clinic_name), (L["address"], settings.clinic_address or L["none"]),
            (L["phone"], settings.clinic_phone or L["none"]),
            (L["reported_by"], " ".join(x for x in (reporter.title, reporter.display_name) if x)),
            (L["registration"], reporter.registration_number or L["none"]),
            (L["report_date"], words.date(local_today(work)))),
            blocks=(m.ParagraphBlock(L["sealed"]),)),
    )
    page = replace(page_labels(lang, work.ctx.forms_dir), patient=L["patient"], birth_date=L["age"], mrn=L["sex"])
    identity = m.PatientIdentity(full_name=name, birth_date_text=L["years"].format(
        n=_age(patient.birth_date, event.onset_date)), mrn=L["male"])
    return RecordDocument(document_id=document_id, language=lang, title=L["title"],
                          clinic=clinic_header(settings, clinic_logo(work)), patient=identity, page_labels=page,
                          version=REPORT_VERSION, sections=sections, paper_size=settings.paper_size)  # type: ignore[arg-type]
