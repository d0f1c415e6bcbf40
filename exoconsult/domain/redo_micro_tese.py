"""The patient's own repeat micro-TESE figure for "Other choices" (content release 1.1, item 7; pure).

Özman et al., Fertil Steril 2021;115:915-21 (clinical-facts §1.6, §1.7): a second micro-TESE after a
failed first one found sperm in 23 of 125 men (about 18 in 100); by the first histology, Sertoli-cell-only
about 10 in 100, maturation arrest about 19 in 100, tubular sclerosis / Leydig-cell hyperplasia about 55
in 100; Klinefelter syndrome 7 of 14. The text says which figure applies and why.
"""

from __future__ import annotations

from exoconsult.domain.results_so_far import ResultsFacts, RetrievalAttempt

_FIGURES = {
    "en": {
        "klinefelter": "because you have Klinefelter syndrome, the figure for you is 7 of 14 men with Klinefelter "
                       "syndrome in that study",
        "sertoli_cell_only": "because your tissue test showed Sertoli-cell-only, the figure for you is about 10 in 100",
        "maturation_arrest": "because your tissue test showed maturation arrest, the figure for you is about 19 in 100",
        "tubular_hyalinization": "because your tissue test showed scarred tubes, the figure for you is about 55 in "
                                 "100 (a small group in that study)",
        "overall": "the overall figure of about 18 in 100 applies to you, because your tissue test result is not "
                   "one the study gave a separate figure for",
        "no_failed": "the figure of about 18 in 100 is for men whose first micro-TESE found no sperm; your doctor "
                     "will tell you how it applies to you",
    },
    "tr": {
        "klinefelter": "Klinefelter sendromunuz olduğu için sizin için geçerli rakam, o çalışmadaki Klinefelter "
                       "sendromlu 14 erkekten 7'sidir",
        "sertoli_cell_only": "doku incelemenizde yalnızca Sertoli hücresi görüldüğü için sizin için geçerli rakam "
                             "100'de yaklaşık 10'dur",
        "maturation_arrest": "doku incelemenizde matürasyon duraklaması görüldüğü için sizin için geçerli rakam "
                             "100'de yaklaşık 19'dur",
        "tubular_hyalinization": "doku incelemenizde kanalcıklarda skarlaşma görüldüğü için sizin için geçerli rakam "
                                 "100'de yaklaşık 55'tir (o çalışmada küçük bir grup)",
        "overall": "doku incelemenizin sonucu için çalışmada ayrı bir rakam verilmediğinden sizin için 100'de "
                   "yaklaşık 18'lik genel rakam geçerlidir",
        "no_failed": "100'de yaklaşık 18'lik rakam, ilk mikro-TESE'sinde sperm bulunamayan erkekler içindir; "
                     "bunun sizin için ne anlama geldiğini doktorunuz söyleyecektir",
    },
}
_HISTOLOGY = {"sertoli_cell_only": "sertoli_cell_only", "maturation_arrest_early": "maturation_arrest",
              "maturation_arrest_late": "maturation_arrest", "tubular_hyalinization": "tubular_hyalinization"}


def _latest_failed_micro_tese(attempts: tuple[RetrievalAttempt, ...]) -> RetrievalAttempt | None:
    failed = [a for a in attempts if a.technique == "micro_tese" and a.sperm_found is False]
    dated = [a for a in failed if a.date is not None]
    if dated:
        return max(dated, key=lambda a: a.date)  # type: ignore[arg-type,return-value]
    return failed[-1] if failed else None


def redo_micro_tese_figure(facts: ResultsFacts, lang: str) -> str:
    """Which Özman 2021 figure applies to this man, and why, in `lang` ("en" or "tr")."""
    texts = _FIGURES["tr" if lang == "tr" else "en"]
    failed = _latest_failed_micro_tese(facts.retrieval_attempts)
    if failed is None:
        return texts["no_failed"]
    if facts.karyotype in ("47,XXY", "mosaic_klinefelter"):
        return texts["klinefelter"]
    return texts[_HISTOLOGY.get(failed.histology or "", "overall")]
