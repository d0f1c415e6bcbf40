"""The outcome registry report for a period: one PDF in the language chosen (for the clinic and its
ethics committee; with `public`, small counts suppressed and no list of individuals) and its CSV tables
(always with small counts suppressed: they are meant to leave the clinic). Making one is audited: who,
when, which period, how many patients."""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass, replace
from datetime import date

from exoconsult.documents.model import PatientIdentity
from exoconsult.documents.record_pdf import RecordTable
from exoconsult.documents.registry_pdf import (
    CountChart,
    ProportionBar,
    ProportionChart,
    RegistryDocument,
    RegistrySection,
    render_registry_pdf,
)
from exoconsult.domain import adverse_events as ae
from exoconsult.domain.errors import ValidationError
from exoconsult.domain.registry_stats import SUPPRESSED, Proportion, count_text
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.consent.consent_build import clinic_header
from exoconsult.services.consent.consent_records import clinic_logo
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.document_labels import DocumentWords, document_words, page_labels
from exoconsult.services.core.languages import language_registry
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.services.registry.registry_data import COMPLETENESS, RegistryData, registry_data

VERSION = "registry-report 1"


@dataclass(frozen=True)
class RegistryReport:
    pdf: bytes
    csv: dict[str, bytes]  # file name -> UTF-8 CSV, small counts suppressed
    patients: int


def _period(data: RegistryData, words: DocumentWords) -> str:
    if data.first is None and data.last is None:
        return words["registry.all_time"]
    return words["registry.period_text"].format(first=words.date(data.first) or "…", last=words.date(data.last) or "…")


def _bar(label: str, p: Proportion, suppress: bool, reference: Proportion | None) -> ProportionBar:
    shown = p.n > 0 and not p.hidden(suppress)
    low, high = p.interval if shown else (None, None)
    return ProportionBar(label, p.k / p.n if shown else None, low, high,
                         reference.k / reference.n if reference else None)


def registry_document(work: Work, data: RegistryData, lang: str, *, public: bool) -> RegistryDocument:
    catalogue = document_words(lang, work.ctx.forms_dir)
    L = catalogue.section("registry")

    def n(count: int) -> str:
        return count_text(count, suppress=public)

    treated = (L["treated_text"].format(n=n(data.treated), first=catalogue.date(data.procedure_dates[0]),
                                        last=catalogue.date(data.procedure_dates[-1]))
               if data.procedure_dates else L["none_treated"])
    completeness = RecordTable(
        (L["visit"], *(L[s] for s in COMPLETENESS)),
        tuple((label.get(lang, key), *(n(counts[s]) for s in COMPLETENESS)) for key, label, counts in data.visits),
        (0.17, 0.09, 0.1, 0.11, 0.12, 0.12, 0.12, 0.17))
    outcome_rows = tuple((L[key], *p.texts(lang, suppress=public), L["reference_text"] if ref else L["no_reference"])
                         for key, p, ref in data.outcomes)
    outcomes = RecordTable((L["outcome"], L["k_of_n"], L["share"], L["interval"], L["reference"]), outcome_rows,
                           (0.33, 0.11, 0.1, 0.18, 0.28))
    chart = ProportionChart(L["outcomes_chart"], tuple(_bar(L[key], p, public, ref) for key, p, ref in data.outcomes),
                            L["legend"])
    words = {"serious": L["serious"], "not_serious": L["not_serious"]}
    ae_tables = (
        RecordTable((L["by_term"], L["count"]), tuple((ae.label(catalogue, ae.TERMS, k), n(c))
                                                      for k, c in data.by_term.items()), (0.7, 0.3)),
        RecordTable((L["by_grade"], L["count"]), tuple((ae.label(catalogue, ae.GRADES, g), n(c))
                                                       for g, c in data.by_grade.items()), (0.7, 0.3)),
        RecordTable((L["by_seriousness"], L["count"]), tuple((words[k], n(c)) for k, c in data.by_seriousness.items()),
                    (0.7, 0.3)),
        RecordTable((L["by_relatedness"], L["count"]), tuple((ae.label(catalogue, ae.RELATEDNESS, r), n(c))
                                                             for r, c in data.by_relatedness.items()), (0.7, 0.3)),
    )
    serious_rows = tuple((s.pseudonym, L["term_grade"].format(term=s.term_other if s.term == "other" and s.term_other
                                                               else ae.label(catalogue, ae.TERMS, s.term), grade=s.grade),
                          str(s.days_after_procedure),
                          "; ".join(ae.label(catalogue, ae.SERIOUS_CRITERIA, c) for c in s.criteria),
                          ae.label(catalogue, ae.RELATEDNESS, s.relatedness), L["yes"] if s.expected else L["no"],
                          ae.label(catalogue, ae.OUTCOMES, s.outcome)) for s in data.serious)
    serious_section = RegistrySection(
        L["serious_list"], paragraphs=(L["serious_hidden"],) if public else ((L["day_note"],) if serious_rows
                                                                             else (L["no_serious"],)),
        tables=() if public or not serious_rows else (RecordTable(
            (L["pseudonym"], L["term"], L["day"], L["criteria"], L["relatedness"], L["expected"], L["outcome_col"]),
            serious_rows, (0.22, 0.13, 0.07, 0.16, 0.165, 0.12, 0.135)),))
    sections = (
        RegistrySection(L["treated"], paragraphs=(treated, L["public"] if public else L["internal"])),
        RegistrySection(L["completeness"], tables=(completeness,)),
        RegistrySection(L["outcomes"], tables=(outcomes,), charts=(chart,)),
        RegistrySection(L["adverse_events"], paragraphs=(L["ae_summary"].format(
            events=n(data.events), patients=n(data.patients_with_events)),), tables=ae_tables,
            charts=(CountChart(L["terms_chart"], tuple((ae.label(catalogue, ae.TERMS, k), None if public and c < 5 else c)
                                                        for k, c in data.by_term.items())),) if data.by_term else ()),
        serious_section,
    )
    settings = work.settings
    page = replace(page_labels(lang, work.ctx.forms_dir), patient=L["report"], birth_date=L["period"], mrn=L["patients"])
    return RegistryDocument(
        document_id=str(uuid.uuid4()), language=lang, title=L["title"],
        clinic=clinic_header(settings, clinic_logo(work)),
        heading=PatientIdentity(L["title"], _period(data, catalogue), n(data.treated)), page_labels=page, version=VERSION,
        statement=L["statement"], sections=sections, paper_size=settings.paper_size)  # type: ignore[arg-type]


def _csv(header: tuple[str, ...], rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def registry_csv(data: RegistryData) -> dict[str, bytes]:
    """The report's tables for outside the clinic: counts only (no pseudonyms, no dates of individuals),
    every count below 5, and every proportion that would reveal one, shown as "< 5"."""
    def n(count: int) -> str:
        return count_text(count, suppress=True)

    def proportion(p: Proportion) -> tuple[str, str, str, str]:
        if p.n == 0 or p.hidden(True):
            return n(p.k) if not p.hidden(True) else SUPPRESSED, n(p.n), "", ""
        low, high = p.interval
        return str(p.k), str(p.n), f"{low:.4f}", f"{high:.4f}"

    return {
        "treated.csv": _csv(("period_first", "period_last", "patients_treated"),
                            [(data.first.isoformat() if data.first else "", data.last.isoformat() if data.last else "",
                              n(data.treated))]),
        "followup_completeness.csv": _csv(("visit", *COMPLETENESS), [(key, *(n(c[s]) for s in COMPLETENESS))
                                                                    for key, _, c in data.visits]),
        "outcomes.csv": _csv(("outcome", "k", "n", "wilson95_low", "wilson95_high", "reference_k", "reference_n"),
                             [(key, *proportion(p), ref.k if ref else "", ref.n if ref else "")
                              for key, p, ref in data.outcomes]),
        "adverse_events.csv": _csv(("dimension", "value", "events"), [
            *(("term", k, n(c)) for k, c in data.by_term.items()),
            *(("grade", g, n(c)) for g, c in data.by_grade.items()),
            *(("seriousness", k, n(c)) for k, c in data.by_seriousness.items()),
            *(("relatedness", k, n(c)) for k, c in data.by_relatedness.items())]),
    }


class RegistryService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.REGISTRY_REPORT)
    def report(self, work: Work, first: date | None = None, last: date | None = None, language: str = "tr",
               public: bool = False) -> RegistryReport:
        """The report for procedures from `first` to `last` (either open), in `language`."""
        if language not in (offered := language_registry(self.ctx).document_languages):
            raise ValidationError({"language": service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Choose one of: {options}."),
                                                               options=", ".join(offered))})
        if first is not None and last is not None and first > last:
            raise ValidationError({"period": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The period's first day comes after its last."))})
        data = registry_data(work, first, last)
        pdf = render_registry_pdf(registry_document(work, data, language, public=public))
        work.audit("registry_report", "registry", "report", detail={
            "first": first.isoformat() if first else None, "last": last.isoformat() if last else None,
            "language": language, "public": public, "patients": data.treated})
        work.commit()
        return RegistryReport(pdf, registry_csv(data), data.treated)
