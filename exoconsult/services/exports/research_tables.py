"""The research export's tables, in the order they are written: each entry of RESEARCH_TABLES is one
exporter (its columns and how its rows are read). A new kind of record (follow-up visits, outcome events,
adverse events) is one more entry here; the CSV, manifest and both dictionaries follow from it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from exoconsult.domain import procedure_day
from exoconsult.domain.content import REQUIRED_OPTIONAL_CONSENT_IDS
from exoconsult.domain.eligibility_words import verdict_text
from exoconsult.domain.languages import SOURCE_LANGUAGE
from exoconsult.rules.model import Verdict
from exoconsult.services.core.document_labels import document_words
from exoconsult.services.core.work import Work
from exoconsult.services.exports.cohort import REGISTRY, Cohort
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
from exoconsult.services.exports.followup_tables import adverse_event_table, followup_tables
from exoconsult.services.exports.history_tables import history_tables
from exoconsult.services.procedure.lots import local_date
from exoconsult.storage.procedures import ProcedureRepository

OTHER_CHOICES = tuple(c for c in REQUIRED_OPTIONAL_CONSENT_IDS if c != REGISTRY)


def _patients(_work: Work) -> Table:
    columns = (
        number("age_at_procedure", "Age at the first procedure", "years", integer=True),
        day("consent_day", "Consent signed (the newest with recorded choices)"),
        Column("consent_text_version", "Version of the consent text", TEXT),
        *(yes_no(f"choice_{c}", f"Optional consent: {c}") for c in OTHER_CHOICES),
        yes_no("withdrawn", "Consent to the treatment withdrawn (data kept, as the patient chose)"),
        day("withdrawal_day", "Consent withdrawn"),
        number("procedures", "Procedures on record", integer=True),
    )

    def rows(work: Work, cohort: Cohort) -> list[dict[str, Any]]:
        out = []
        for m in cohort.members:
            consent = next(c for c in work.consultation(m.patient_id).consents if c.id == m.consent_id)
            out.append({"record_id": m.pseudonym, "age_at_procedure": m.age_years,
                        "consent_day": m.day(local_date(work, consent.signed_at)),
                        "consent_text_version": consent.text_version,
                        **{f"choice_{c}": m.choices.get(c) for c in OTHER_CHOICES},
                        "withdrawn": m.withdrawn_on is not None, "withdrawal_day": m.day(m.withdrawn_on),
                        "procedures": len(m.procedures)})
        return out

    return Table("patients", "Patients", columns, rows, left_out=(
        "name, MRN, national id, telephone, e-mail, birth date (age at the first procedure instead)",
        "preferred language and interpreter need (a handful of patients per language would single them out)",
        "the registry answer itself (always yes: only those who said yes are exported)"))


def _assessments(work: Work) -> Table:
    english = document_words(SOURCE_LANGUAGE, work.ctx.forms_dir)  # the data dictionary is in English
    columns = (
        day("assessment_day", "Eligibility assessed"),
        choice("assessment_kind", "Kind", ("run", "reassess"),
               {"run": "run by a clinician", "reassess": "re-assessed after a protocol change"}),
        Column("protocol_version", "Protocol version", TEXT),
        choice("verdict", "Verdict", tuple(Verdict), {v.value: verdict_text(v.value, english) for v in Verdict}),
        Column("fired_rules", "Rules that fired (ids, space-separated)", TEXT),
        number("missing_fields", "Fields missing for the protocol", integer=True),
        choice("resolution", "Urologist's decision on a needs-review verdict", ("proceed", "do_not_proceed")),
    )

    def rows(work: Work, cohort: Cohort) -> list[dict[str, Any]]:
        out = []
        for m in cohort.members:
            record = work.consultation(m.patient_id)
            for n, a in enumerate(reversed(record.assessments), start=1):
                resolution = record.resolutions.get(a.id)
                out.append({"record_id": m.pseudonym, "instance": n,
                            "assessment_day": m.day(local_date(work, a.run_at)), "assessment_kind": a.kind,
                            "protocol_version": a.protocol_version, "verdict": a.verdict,
                            "fired_rules": " ".join(f["rule"] for f in json.loads(a.fired)),
                            "missing_fields": len(json.loads(a.missing)),
                            "resolution": resolution.decision if resolution else None})
        return out

    return Table("assessments", "Eligibility assessments", columns, rows, repeating=True, left_out=(
        "who ran or resolved an assessment, and the resolution's written reason",))


def _procedures(_work: Work) -> Table:
    ml = "mL"
    columns = (
        day("procedure_day", "Procedure (start)"),
        number("duration_min", "Duration", "minutes", integer=True),
        Column("anaesthetic_agent", "Anaesthetic agent (as typed)", NOTES, free_text=True),
        Column("anaesthetic_concentration", "Anaesthetic concentration (as typed)", NOTES, free_text=True),
        number("anaesthetic_left_ml", "Anaesthetic, left", ml), number("anaesthetic_right_ml", "Anaesthetic, right", ml),
        yes_no("cord_block", "Cord block"), yes_no("skin_infiltration", "Skin infiltration"),
        number("needle_gauge", "Needle gauge", "G", integer=True),
        number("left_volume_ml", "Volume injected, left testis", ml),
        number("right_volume_ml", "Volume injected, right testis", ml),
        number("left_sites", "Puncture sites, left", integer=True),
        number("right_sites", "Puncture sites, right", integer=True),
        Column("events", "Intra-procedure events", CHECKBOX,
               choices=tuple((e, e.replace("_", " ")) for e in procedure_day.PROCEDURE_EVENTS)),
        Column("events_note", "Intra-procedure events, details (as typed)", NOTES, free_text=True),
        number("pain_score", "Pain score (0-10)", integer=True, minimum=0, maximum=10),
        number("discharge_min", "Discharge after the end of the procedure", "minutes", integer=True),
        Column("product_name", "Product", TEXT), Column("manufacturer", "Manufacturer", TEXT),
        Column("lot_number", "Product lot", TEXT), day("lot_expiry_day", "Lot expiry date"),
    )
    fields = ("anaesthetic_agent", "anaesthetic_concentration", "anaesthetic_left_ml", "anaesthetic_right_ml",
              "cord_block", "skin_infiltration", "needle_gauge", "left_volume_ml", "right_volume_ml", "left_sites",
              "right_sites", "events_note", "pain_score")

    def rows(work: Work, cohort: Cohort) -> list[dict[str, Any]]:
        repo, out = ProcedureRepository(work.session), []
        for m in cohort.members:
            for n, p in enumerate(m.procedures, start=1):
                lot = repo.lot(p.lot_id)
                out.append({"record_id": m.pseudonym, "instance": n, **{f: getattr(p, f) for f in fields},
                            "procedure_day": m.day(local_date(work, p.started_at)),
                            "duration_min": _minutes(p.started_at, p.ended_at), "events": json.loads(p.events),
                            "discharge_min": _minutes(p.ended_at, p.discharged_at),
                            "product_name": lot.product_name, "manufacturer": lot.manufacturer,
                            "lot_number": lot.lot_number, "lot_expiry_day": m.day(lot.expiry_date)})
        return out

    return Table("procedures", "Procedures", columns, rows, repeating=True, left_out=(
        "who performed, assisted and recorded (staff names), the checklist's answers and reasons",
        "clock times (durations in minutes instead)"))


def _minutes(start, end) -> int | None:
    return None if start is None or end is None else round((end - start).total_seconds() / 60)


# The exporters, in file order. Each takes the open Work (for the definitions in forms/) and gives one
# table or several.
RESEARCH_TABLES: tuple[Callable[[Work], Table | list[Table]], ...] = (
    _patients, history_tables, _assessments, _procedures, followup_tables, adverse_event_table,
)


def research_tables(work: Work) -> list[Table]:
    out: list[Table] = []
    for exporter in RESEARCH_TABLES:
        made = exporter(work)
        out += made if isinstance(made, list) else [made]
    return out
