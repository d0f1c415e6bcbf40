"""The andrology history in FHIR: the whole newest version as one QuestionnaireResponse (generated from
the questionnaire in forms/, like the screens), and each semen-analysis and hormone value as an
Observation on the date of its analysis (quantities in the canonical unit, UCUM-coded)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from exoconsult.domain import questionnaire as qn
from exoconsult.domain.units import to_canonical
from exoconsult.domain.vocabulary import HORMONE_PANELS, SEMEN_ANALYSES, FieldSpec
from exoconsult.services.exports import fhir_codes as c
from exoconsult.services.exports.fhir_resources import coding, instant, observation, quantity, ref

OBSERVED_GROUPS = (SEMEN_ANALYSES, HORMONE_PANELS)


def canonical(question: qn.Question, field: FieldSpec | str, answer: Any) -> Any:
    """A quantity in the canonical unit of `field` (its vocabulary entry); anything else as stored."""
    if question.type is qn.QuestionType.QUANTITY and isinstance(answer, Mapping):
        return to_canonical(field, answer["value"], answer.get("unit"))
    return answer


def _field(question: qn.Question, group: str | None) -> str:
    return question.id if group is None else f"{group}.{question.id}"


def _answer(question: qn.Question, group: str | None, value: Any) -> list[dict[str, Any]]:
    t = qn.QuestionType
    if question.type is t.YES_NO:
        return [{"valueBoolean": bool(value)}]
    if question.type in (t.SINGLE_CHOICE, t.MULTI_CHOICE):
        labels = {o.value: o.label["en"] for o in question.options}
        values = value if isinstance(value, list) else [value]
        return [{"valueCoding": coding(c.QUESTIONNAIRE, str(v), labels.get(str(v)))} for v in values]
    if question.type is t.INTEGER:
        return [{"valueInteger": int(value)}]
    if question.type in (t.DECIMAL, t.QUANTITY):
        number = float(canonical(question, _field(question, group), value))
        unit = question.canonical_unit
        return [{"valueQuantity": quantity(number, unit)} if unit else {"valueDecimal": number}]
    if question.type is t.DATE:
        return [{"valueDate": str(value)}]
    return [{"valueString": str(value)}]


def _items(section: qn.Section, answers: Mapping[str, Any]) -> list[dict[str, Any]]:
    out = []
    for q in section.answerable:
        value = answers.get(q.id)
        if value is None:
            continue  # not asked, or asked and not known: nothing to answer with
        link = q.id if section.repeat is None else f"{section.repeat}.{q.id}"
        out.append({"linkId": link, "text": q.label["en"], "answer": _answer(q, section.repeat, value)})
    return out


def questionnaire_response(rid: str, subject: str, questionnaire: qn.Questionnaire, history: Mapping[str, Any],
                           authored: datetime) -> dict[str, Any]:
    groups = []
    for section in questionnaire.sections:
        entries = history.get(section.repeat) or [] if section.repeat else [history]
        for entry in entries:
            items = _items(section, entry)
            if items:
                groups.append({"linkId": section.id, "text": section.title["en"], "item": items})
    return {"resourceType": "QuestionnaireResponse", "id": rid,
            "questionnaire": f"{c.QUESTIONNAIRE}|{questionnaire.version}", "status": "completed",
            "subject": ref(subject), "authored": instant(authored), **({"item": groups} if groups else {})}


def observations(new_id: Callable[[str], tuple[str, str]], subject: str, questionnaire: qn.Questionnaire,
                 history: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(fullUrl, Observation) for every answered value of the semen analyses and hormone panels.
    `new_id(key)` gives the (fullUrl, id) of a resource from a stable key."""
    out = []
    for group in OBSERVED_GROUPS:
        section = questionnaire.repeat_section(group)
        if section is None:
            continue
        for n, entry in enumerate(history.get(group) or [], start=1):
            if not entry.get("date"):
                continue
            for q in section.answerable:
                value = entry.get(q.id)
                if q.id == "date" or value is None:
                    continue
                url, rid = new_id(f"observation/{group}/{n}/{q.id}")
                out.append((url, observation(
                    rid, subject, field=f"{group}.{q.id}", label=q.label["en"],
                    effective=date.fromisoformat(entry["date"]), value=canonical(q, _field(q, group), value),
                    unit=q.canonical_unit, category="laboratory")))
    return out
