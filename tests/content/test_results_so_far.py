"""Section 1, "Your results so far", generated from case facts in English and Turkish."""

from __future__ import annotations

from datetime import date

import pytest

from exoconsult.domain.content import ContentError
from exoconsult.domain.results_so_far import (
    ResultsFacts,
    RetrievalAttempt,
    format_date,
    format_number,
    results_so_far,
)
from exoconsult.services.core.document_labels import document_words

TYPICAL = ResultsFacts(
    semen_analyses_total=3,
    semen_analyses_pellet_no_sperm=3,
    latest_fsh_iu_l=24.1,
    latest_fsh_date=date(2026, 3, 3),
    latest_testosterone_nmol_l=10.7,
    latest_testosterone_date=date(2026, 3, 3),
    testis_right_ml=8.0,
    testis_left_ml=6.5,
    testis_volume_method="prader",
    karyotype="46,XY",
    y_microdeletion="none",
    retrieval_attempts=(
        RetrievalAttempt(date(2026, 1, 12), "micro_tese", False, "sertoli_cell_only"),
        RetrievalAttempt(date(2025, 8, 5), "tesa", False, None),
    ),
)


def test_typical_case_in_english() -> None:
    sentences = results_so_far(TYPICAL, document_words("en"))
    assert (
        sentences[0]
        == "Your semen was checked 3 times, including the spun-down sample (pellet) each time; no sperm were found."
    )
    assert sentences[1].startswith("Your FSH was 24.1 IU/L on 3 March 2026.")
    assert "a high value usually means sperm production is low" in sentences[1]
    assert sentences[2].startswith("Your total testosterone was 10.7 nmol/L on 3 March 2026.")
    assert (
        sentences[3]
        == "Your right testis measured 8 mL and your left testis 6.5 mL (measured with an orchidometer, a row of beads of known size)."
    )
    assert sentences[4] == "Your chromosome test (karyotype) was normal (46,XY)."
    assert "found none" in sentences[5]
    # operations in date order, oldest first
    assert sentences[6].startswith("On 5 August 2025 you had a TESA")
    assert "histology) result is not recorded yet" in sentences[6]
    assert sentences[7].startswith("On 12 January 2026 you had a micro-TESE")
    assert "No sperm were found." in sentences[7] and "Sertoli-cell-only" in sentences[7]
    assert len(sentences) == 8


def test_typical_case_in_turkish() -> None:
    sentences = results_so_far(TYPICAL, document_words("tr"))
    assert (
        sentences[0]
        == "Meniniz 3 kez incelendi; her seferinde santrifüj edilmiş örneğin çökeltisine (pelet) de bakıldı ve hiç sperm bulunmadı."
    )
    assert sentences[1].startswith("FSH değeriniz: 24,1 IU/L (3 Mart 2026).")
    assert sentences[2].startswith("Toplam testosteron değeriniz: 10,7 nmol/L (3 Mart 2026).")
    assert "8 mL" in sentences[3] and "6,5 mL" in sentences[3] and "orşidometre" in sentences[3]
    assert sentences[4] == "Kromozom testiniz (karyotip) normaldi (46,XY)."
    assert "(5 Ağustos 2025)" in sentences[6] and "TESA" in sentences[6]
    assert "(12 Ocak 2026)" in sentences[7] and "Sperm bulunamadı." in sentences[7]
    joined = " ".join(sentences)
    assert "24.1" not in joined and "10.7" not in joined and "6.5" not in joined
    assert not any(month in joined for month in ("March", "January", "August"))


@pytest.mark.parametrize(("lang", "phrase"), [("en", "not recorded yet"), ("tr", "henüz kaydedilmedi")])
def test_nothing_recorded_is_said_honestly(lang: str, phrase: str) -> None:
    sentences = results_so_far(ResultsFacts(), document_words(lang))
    assert len(sentences) == 7
    assert all(phrase in s for s in sentences[:6])
    assert sentences[6] in (
        "No earlier operation to find sperm is recorded.",
        "Daha önce sperm bulmak için yapılmış bir işlem kaydı yok.",
    )


def test_semen_variants_in_english() -> None:
    def first(total: int | None, negative: int | None) -> str:
        return results_so_far(
            ResultsFacts(semen_analyses_total=total, semen_analyses_pellet_no_sperm=negative),
            document_words("en"),
        )[0]

    assert (
        first(1, 1)
        == "Your semen was checked once, including the spun-down sample (pellet); no sperm were found."
    )
    assert first(4, 2) == (
        "Your semen was checked 4 times. In 2 of these tests the spun-down sample (pellet) was also checked, and no sperm were found."
    )
    assert "no check of the spun-down sample" in first(2, 0) and "needed to be sure" in first(2, 0)
    assert (
        first(2, None)
        == "Your semen was checked twice. Whether the spun-down sample (pellet) was checked is not recorded yet."
    )


def test_semen_variants_in_turkish() -> None:
    def first(total: int | None, negative: int | None) -> str:
        return results_so_far(
            ResultsFacts(semen_analyses_total=total, semen_analyses_pellet_no_sperm=negative),
            document_words("tr"),
        )[0]

    assert first(4, 2) == (
        "Meniniz 4 kez incelendi. Bunların 2 tanesinde santrifüj edilmiş örneğin çökeltisine (pelet) de bakıldı ve sperm bulunmadı."
    )
    assert "henüz kaydedilmedi" in first(2, 0) and "gereklidir" in first(2, 0)
    assert first(1, 1).startswith("Meniniz 1 kez incelendi; santrifüj")


def test_values_without_dates_and_one_sided_volume() -> None:
    facts = ResultsFacts(latest_fsh_iu_l=9.0, testis_left_ml=12.25, testis_volume_method="ultrasound")
    en, tr = results_so_far(facts, document_words("en")), results_so_far(facts, document_words("tr"))
    assert en[1].startswith("Your FSH was 9 IU/L (date not recorded).")
    assert tr[1].startswith("FSH değeriniz: 9 IU/L (tarih kaydedilmedi).")
    assert (
        en[3]
        == "Your left testis measured 12.25 mL; the right one is not recorded yet (measured by ultrasound)."
    )
    assert (
        tr[3]
        == "Sol testisinizin hacmi 12,25 mL olarak ölçüldü; sağ testisin ölçümü henüz kaydedilmedi (ultrasonla)."
    )
    assert (
        "method is not recorded"
        in results_so_far(ResultsFacts(testis_right_ml=10, testis_left_ml=10), document_words("en"))[3]
    )


@pytest.mark.parametrize(
    ("karyotype", "ycmd", "en_fragments", "tr_fragments"),
    [
        (
            "47,XXY",
            "not_done",
            ("Klinefelter syndrome (47,XXY)", "has not been done"),
            ("Klinefelter sendromu (47,XXY)", "yapılmadı"),
        ),
        (
            "mosaic_klinefelter",
            "azfc",
            ("mosaic Klinefelter", "passed on to any son"),
            ("mozaik Klinefelter", "erkek çocuklara geçer"),
        ),
        (
            "46,XY",
            "azfa",
            ("normal (46,XY)", "no sperm were found"),
            ("normaldi", "hiç sperm bulunamamıştır"),
        ),
        (
            "other_abnormal",
            "azfbc",
            ("change from the usual pattern", "no pregnancy has been reported"),
            ("farklı bir değişiklik", "hiç gebelik bildirilmemiştir"),
        ),
        ("not_done", "partial", ("has not been done", "partly missing"), ("yapılmadı", "kısmen eksik")),
    ],
)
def test_genetics(
    karyotype: str, ycmd: str, en_fragments: tuple[str, str], tr_fragments: tuple[str, str]
) -> None:
    for lang, fragments in (("en", en_fragments), ("tr", tr_fragments)):
        sentences = results_so_far(ResultsFacts(karyotype=karyotype, y_microdeletion=ycmd), document_words(lang))
        assert fragments[0] in sentences[4]
        assert fragments[1] in sentences[5]


def test_sperm_found_and_undated_attempt() -> None:
    facts = ResultsFacts(
        retrieval_attempts=(RetrievalAttempt(None, "conventional_tese", True, "hypospermatogenesis"),)
    )
    en = results_so_far(facts, document_words("en"))[-1]
    tr = results_so_far(facts, document_words("tr"))[-1]
    assert en.startswith("You had a TESE") and "(date not recorded)" in en and "Sperm were found." in en
    assert "hypospermatogenesis" in en
    assert "(tarih kaydedilmedi)" in tr and "Sperm bulundu." in tr and "hipospermatogenez" in tr


@pytest.mark.parametrize(
    "facts",
    [
        ResultsFacts(karyotype="46XY"),
        ResultsFacts(y_microdeletion="AZFc"),
        ResultsFacts(testis_volume_method="calliper"),
        ResultsFacts(retrieval_attempts=(RetrievalAttempt(None, "biopsy", False),)),
        ResultsFacts(retrieval_attempts=(RetrievalAttempt(None, "tesa", False, "normal"),)),
        ResultsFacts(semen_analyses_total=2, semen_analyses_pellet_no_sperm=3),
        ResultsFacts(semen_analyses_total=-1),
    ],
)
def test_values_outside_the_vocabulary_are_refused(facts: ResultsFacts) -> None:
    with pytest.raises(ValueError, match="cannot write results"):
        results_so_far(facts, document_words("en"))


def test_a_language_without_a_catalogue_is_refused_by_name() -> None:
    with pytest.raises(ContentError, match="no document catalogue for 'de'"):
        results_so_far(TYPICAL, document_words("de"))


def test_formatting_helpers() -> None:
    assert format_date(date(2026, 12, 31), document_words("tr")) == "31 Aralık 2026"
    assert format_date(date(2026, 2, 1), document_words("tr")) == "1 Şubat 2026"
    assert format_date(date(2026, 5, 9), document_words("en")) == "9 May 2026"
    assert format_number(8.0, document_words("en")) == "8"
    assert format_number(0.5, document_words("tr")) == "0,5"
    assert format_number(24.1, document_words("tr")) == "24,1"
    assert format_number(10.0, document_words("tr")) == "10"
