"""Follow-up, outcomes and adverse events as research tables: each recorded visit (done or missed) with
the visit record's answers (columns generated from the visit form in forms/, prefixed `fu_`), the
outcome events read from those visits, and each adverse event in its newest state. Dates are day numbers
from the first procedure, like everywhere in the export."""

from __future__ import annotations

import json
from typing import Any

from exoconsult.domain import adverse_events as ae
from exoconsult.domain.followup_fields import OUTCOME_KINDS, VISIT_FIELDS, outcome_events
from exoconsult.domain.languages import SOURCE_LANGUAGE
from exoconsult.services.core.document_labels import document_words
from exoconsult.services.core.work import Work
from exoconsult.services.exports.cohort import Cohort
from exoconsult.services.exports.columns import (
    CHECKBOX,
    NOTES,
    TEXT,
    Column,
    Table,
    choice,
    day,
    number,
    yes_no,
)
from exoconsult.services.exports.history_tables import column, value
from exoconsult.services.followup.reading import followups, schedule_of, visit_form_of
from exoconsult.storage.adverse_events import AdverseEventRepository
from exoconsult.storage.procedures import ProcedureRepository

PREFIX = "fu"  # the visit record reuses the history's ids: its variables are prefixed to stay unique
RECORDED = ("done", "missed")


def _visit_keys(schedule) -> tuple[tuple[str, ...], dict[str, str]]:
    return tuple(v.key for v in schedule.visits), {v.key: v.label["en"] for v in schedule.visits}


def followup_tables(work: Work) -> list[Table]:
    schedule, form = schedule_of(work), visit_form_of(work)
    keys, labels = _visit_keys(schedule)
    pairs = [(q, c) for s in form.sections for q in s.answerable if (c := column(q, PREFIX)) is not None]
    visit_columns = (
        choice("visit", "Visit of the schedule", keys, labels), day("visit_day", "Visit took place"),
        choice("visit_status", "Visit", RECORDED, {"done": "done", "missed": "missed"}),
        Column("missed_reason", "Why the visit was missed (as typed)", NOTES, free_text=True),
        *(c for _, c in pairs))

    def visit_rows(work: Work, cohort: Cohort) -> list[dict[str, Any]]:
        out = []
        for m in cohort.members:
            n = 0
            for fu in followups(work, m.patient_id):
                for v in fu.visits:
                    if v.status not in RECORDED:
                        continue
                    n += 1
                    answers = {c.variable: value(q, VISIT_FIELDS.get(q.id, q.id), v.answers.get(q.id), m)
                               for q, c in pairs}
                    out.append({"record_id": m.pseudonym, "instance": n, "visit": v.key,
                                "visit_day": m.day(v.visit_date), "visit_status": v.status,
                                "missed_reason": v.missed_reason or None, **answers})
        return out

    outcome_columns = (
        choice("outcome", "Outcome event", OUTCOME_KINDS), day("outcome_day", "Outcome event date"),
        choice("outcome_visit", "Recorded at the visit", keys, labels),
        Column("outcome_anomaly_description", "Congenital anomaly, in words (as typed)", NOTES, free_text=True))

    def outcome_rows(work: Work, cohort: Cohort) -> list[dict[str, Any]]:
        out = []
        for m in cohort.members:
            done = [(v.key, v.visit_date, v.answers) for fu in followups(work, m.patient_id) for v in fu.visits
                    if v.status == "done" and v.visit_date]
            for n, e in enumerate(outcome_events(done), start=1):
                out.append({"record_id": m.pseudonym, "instance": n, "outcome": e.kind, "outcome_day": m.day(e.on),
                            "outcome_visit": e.visit_key,
                            "outcome_anomaly_description": e.detail.get("description") or None})
        return out

    return [Table("followup_visits", "Follow-up visits (done or missed)", visit_columns, visit_rows, repeating=True,
                  left_out=("who recorded a visit and when it was typed",
                            "visits not yet due, due or overdue (only what was recorded)")),
            Table("outcomes", "Outcome events (from the visits)", outcome_columns, outcome_rows, repeating=True)]


def adverse_event_table(work: Work) -> Table:
    english = document_words(SOURCE_LANGUAGE, work.ctx.forms_dir)  # the data dictionary is in English

    def _labels(table: ae.Choices) -> dict[str, str]:
        return {str(k): ae.label(english, table, k) for k in table}

    columns = (
        day("ae_onset_day", "Onset"), day("ae_learnt_day", "The clinic learnt of it"),
        choice("ae_source", "How the clinic learnt of it", tuple(ae.SOURCES), _labels(ae.SOURCES)),
        choice("ae_term", "Term", tuple(ae.TERMS), _labels(ae.TERMS)),
        Column("ae_term_other", "The term in words when other (as typed)", NOTES, free_text=True),
        Column("ae_description", "Description (as typed)", NOTES, free_text=True),
        choice("ae_grade", "Grade (CTCAE v5), newest", tuple(str(g) for g in ae.GRADES), _labels(ae.GRADES)),
        yes_no("ae_serious", "Serious (ICH E2A), newest"),
        Column("ae_serious_criteria", "Seriousness criteria, newest", CHECKBOX,
               choices=tuple(_labels(ae.SERIOUS_CRITERIA).items())),
        choice("ae_relatedness", "Relatedness (WHO-UMC), newest", tuple(ae.RELATEDNESS), _labels(ae.RELATEDNESS)),
        yes_no("ae_expected", "Expected (listed among the consent's risks)"),
        Column("ae_action", "Action taken (as typed)", NOTES, free_text=True),
        choice("ae_outcome", "Outcome, newest", tuple(ae.OUTCOMES), _labels(ae.OUTCOMES)),
        day("ae_outcome_day", "Outcome date"),
        number("ae_entries", "Entries (first assessment and follow-ups)", integer=True),
        Column("ae_lot_number", "Product lot", TEXT),
    )

    def rows(work: Work, cohort: Cohort) -> list[dict[str, Any]]:
        repo, lots, out = AdverseEventRepository(work.session), ProcedureRepository(work.session), []
        for m in cohort.members:
            events = repo.events(m.patient_id)
            entries = repo.entries_for([e.id for e in events])
            for n, e in enumerate(events, start=1):
                newest = entries[e.id][-1] if entries[e.id] else None
                criteria = json.loads(newest.serious_criteria) if newest else []
                out.append({
                    "record_id": m.pseudonym, "instance": n, "ae_onset_day": m.day(e.onset_date),
                    "ae_learnt_day": m.day(e.learnt_on), "ae_source": e.source, "ae_term": e.term,
                    "ae_term_other": e.term_other or None, "ae_description": e.description or None,
                    "ae_grade": str(newest.grade) if newest else None, "ae_serious": bool(criteria) if newest else None,
                    "ae_serious_criteria": criteria, "ae_relatedness": newest.relatedness if newest else None,
                    "ae_expected": newest.expected if newest else None,
                    "ae_action": (newest.action_taken or None) if newest else None,
                    "ae_outcome": newest.outcome if newest else None,
                    "ae_outcome_day": m.day(newest.outcome_date) if newest else None,
                    "ae_entries": len(entries[e.id]), "ae_lot_number": lots.lot(e.lot_id).lot_number})
        return out

    return Table("adverse_events", "Adverse events (newest state)", columns, rows, repeating=True,
                 left_out=("who recorded each entry; the serious-event reports and to whom they were sent",))
