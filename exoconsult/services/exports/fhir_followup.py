"""Follow-up and adverse events in FHIR: each result of a done visit (semen analysis, hormones,
examination, ultrasound) as an Observation on the visit's date, and each adverse event in its newest
state as an AdverseEvent whose suspect entity is the product lot given."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from exoconsult.domain import adverse_events as ae
from exoconsult.domain import questionnaire as qn
from exoconsult.domain.followup_fields import VISIT_FIELDS
from exoconsult.domain.languages import SOURCE_LANGUAGE
from exoconsult.services.core.document_labels import document_words
from exoconsult.services.core.work import Work
from exoconsult.services.exports import fhir_resources as fr
from exoconsult.services.exports.fhir_history import canonical
from exoconsult.services.followup.reading import followups, visit_form_of
from exoconsult.storage.adverse_events import AdverseEventRepository

# Visit sections whose answers are results (the others are screening questions and outcome events).
RESULT_SECTIONS = {"semen_analysis": "laboratory", "hormones": "laboratory", "examination": "exam",
                   "ultrasound": "imaging"}

Resources = list[tuple[str, dict[str, Any]]]


def visit_observations(work: Work, new_id: Callable[[str], tuple[str, str]], subject: str,
                       patient_id: int) -> Resources:
    form, out = visit_form_of(work), []
    for fu in followups(work, patient_id):
        for v in fu.visits:
            if v.status != "done" or v.visit_date is None:
                continue
            for section in form.sections:
                category = RESULT_SECTIONS.get(section.id)
                for q in section.answerable if category else ():
                    answer = v.answers.get(q.id)
                    if answer is None or q.type is qn.QuestionType.TEXT:
                        continue
                    spec = VISIT_FIELDS.get(q.id)
                    field = spec.qualified_id if spec else q.id
                    url, rid = new_id(f"visit/{fu.record_id}/{v.key}/{q.id}")
                    out.append((url, fr.observation(
                        rid, subject, field=field, label=f"{q.label['en']} ({v.label['en']})",
                        effective=v.visit_date, value=canonical(q, spec or q.id, answer), unit=q.canonical_unit,
                        category=category)))
    return out


def adverse_events(work: Work, new_id: Callable[[str], tuple[str, str]], subject: str, patient_id: int,
                   lot_url: Callable[[int], str]) -> Resources:
    repo, out = AdverseEventRepository(work.session), []
    events = repo.events(patient_id)
    entries = repo.entries_for([e.id for e in events])
    english = document_words(SOURCE_LANGUAGE, work.ctx.forms_dir)  # FHIR texts are in English
    for e in events:
        newest = entries[e.id][-1] if entries[e.id] else None
        term = ae.label(english, ae.TERMS, e.term)
        text = f"{term}{': ' + e.term_other if e.term_other else ''}. {e.description}".strip()
        url, rid = new_id(f"adverse_event/{e.id}")
        out.append((url, fr.adverse_event(
            rid, subject, lot_url(e.lot_id), term=e.term, text=text, onset=e.onset_date, learnt=e.learnt_on,
            recorded=e.recorded_at, serious=bool(json.loads(newest.serious_criteria)) if newest else None,
            grade=newest.grade if newest else None, outcome=newest.outcome if newest else None,
            relatedness=newest.relatedness if newest else None,
            relatedness_text=ae.label(english, ae.RELATEDNESS, newest.relatedness) if newest else "")))
    return out
