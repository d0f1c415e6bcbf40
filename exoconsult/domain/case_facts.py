"""Facts for explanation section 1 ("your results so far"), read from a parsed case."""

from __future__ import annotations

from datetime import date

from exoconsult.domain.case import Case, Quantity
from exoconsult.domain.results_so_far import ResultsFacts, RetrievalAttempt


def _number(value: object) -> float | None:
    if isinstance(value, Quantity):
        return float(value.canonical)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _latest(case: Case, analyte: str) -> tuple[float | None, date | None]:
    best: tuple[date, float] | None = None
    for entry in case.entries("hormone_panels") or ():
        value, when = _number(entry.get(analyte)), entry.get("date")
        if value is not None and isinstance(when, date) and (best is None or when >= best[0]):
            best = (when, value)
    return (best[1], best[0]) if best else (None, None)


def results_facts(case: Case) -> ResultsFacts:
    analyses = case.entries("semen_analyses")
    negative = None
    if analyses is not None:
        negative = sum(1 for a in analyses if a.get("centrifuged_pellet_examined") is True and a.get("sperm_seen") == "none")
    fsh, fsh_date = _latest(case, "fsh")
    testo, testo_date = _latest(case, "total_testosterone")
    attempts = tuple(
        RetrievalAttempt(date=a.get("date") if isinstance(a.get("date"), date) else None,  # type: ignore[arg-type]
                         technique=str(a.get("technique") or ""),
                         sperm_found=a.get("sperm_found") if isinstance(a.get("sperm_found"), bool) else None,  # type: ignore[arg-type]
                         histology=str(a["histology"]) if a.get("histology") else None)
        for a in sorted(case.entries("sperm_retrieval_attempts") or (), key=lambda a: str(a.get("date") or "")))
    method = case.value("testis_volume_method")
    return ResultsFacts(
        semen_analyses_total=None if analyses is None else len(analyses),
        semen_analyses_pellet_no_sperm=negative,
        latest_fsh_iu_l=fsh, latest_fsh_date=fsh_date,
        latest_testosterone_nmol_l=testo, latest_testosterone_date=testo_date,
        testis_right_ml=_number(case.value("testis_right_volume_ml")),
        testis_left_ml=_number(case.value("testis_left_volume_ml")),
        testis_volume_method=str(method) if method else None,
        karyotype=str(case.value("karyotype")) if case.value("karyotype") else None,
        y_microdeletion=str(case.value("y_microdeletion")) if case.value("y_microdeletion") else None,
        retrieval_attempts=attempts)
