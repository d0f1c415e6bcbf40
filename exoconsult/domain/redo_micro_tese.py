"""The patient's own repeat micro-TESE figure for "Other choices" (content release 1.1, item 7; pure).

Özman et al., Fertil Steril 2021;115:915-21 (clinical-facts §1.6, §1.7): a second micro-TESE after a
failed first one found sperm in 23 of 125 men (about 18 in 100); by the first histology, Sertoli-cell-only
about 10 in 100, maturation arrest about 19 in 100, tubular sclerosis / Leydig-cell hyperplasia about 55
in 100; Klinefelter syndrome 7 of 14. The text says which figure applies and why.
"""

from __future__ import annotations

from collections.abc import Mapping

from exoconsult.domain.results_so_far import ResultsFacts, RetrievalAttempt

# The figures the text can give, each worded in the catalogues.
FIGURES = ("klinefelter", "sertoli_cell_only", "maturation_arrest", "tubular_hyalinization", "overall", "no_failed")

_HISTOLOGY = {"sertoli_cell_only": "sertoli_cell_only", "maturation_arrest_early": "maturation_arrest",
              "maturation_arrest_late": "maturation_arrest", "tubular_hyalinization": "tubular_hyalinization"}


def _latest_failed_micro_tese(attempts: tuple[RetrievalAttempt, ...]) -> RetrievalAttempt | None:
    failed = [a for a in attempts if a.technique == "micro_tese" and a.sperm_found is False]
    dated = [a for a in failed if a.date is not None]
    if dated:
        return max(dated, key=lambda a: a.date)  # type: ignore[arg-type,return-value]
    return failed[-1] if failed else None


def redo_micro_tese_figure(facts: ResultsFacts, words: Mapping[str, str]) -> str:
    """Which Özman 2021 figure applies to this man, and why, in the language of `words` (the document
    catalogue, section alternatives.redo_micro_tese)."""
    texts = {key: words[f"alternatives.redo_micro_tese.{key}"] for key in FIGURES}
    failed = _latest_failed_micro_tese(facts.retrieval_attempts)
    if failed is None:
        return texts["no_failed"]
    if facts.karyotype in ("47,XXY", "mosaic_klinefelter"):
        return texts["klinefelter"]
    return texts[_HISTOLOGY.get(failed.histology or "", "overall")]
