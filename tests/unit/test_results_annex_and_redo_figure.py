"""Content release 1.1, items 5 and 7: the results annex rows and the patient's own repeat micro-TESE
figure (Özman 2021), in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from exoconsult.domain.redo_micro_tese import redo_micro_tese_figure
from exoconsult.domain.results_annex import results_rows
from exoconsult.domain.results_so_far import ResultsFacts, RetrievalAttempt
from exoconsult.services.core.document_labels import document_words
from exoconsult.services.demo.step_50_assessments import history_variant


def _failed(histology: str | None, when: date = date(2025, 3, 10)) -> RetrievalAttempt:
    return RetrievalAttempt(when, "micro_tese", False, histology)


@pytest.mark.parametrize(("histology", "karyotype", "en", "tr"), [
    ("sertoli_cell_only", "46,XY", "about 10 in 100", "100'de yaklaşık 10"),
    ("maturation_arrest_early", "46,XY", "about 19 in 100", "100'de yaklaşık 19"),
    ("maturation_arrest_late", "46,XY", "about 19 in 100", "100'de yaklaşık 19"),
    ("tubular_hyalinization", "46,XY", "about 55 in 100", "100'de yaklaşık 55"),
    ("hypospermatogenesis", "46,XY", "about 18 in 100", "yaklaşık 18"),
    ("sertoli_cell_only", "47,XXY", "7 of 14", "14 erkekten 7"),
])
def test_the_figure_that_applies_and_why(histology, karyotype, en, tr) -> None:
    facts = ResultsFacts(karyotype=karyotype, retrieval_attempts=(_failed("mixed", date(2020, 1, 1)),
                                                                  _failed(histology)))
    assert en in redo_micro_tese_figure(facts, document_words("en")) and tr in redo_micro_tese_figure(facts, document_words("tr"))
    assert "because" in redo_micro_tese_figure(facts, document_words("en"))


def test_without_a_failed_micro_tese_the_general_figure_is_said_to_be_general() -> None:
    facts = ResultsFacts(retrieval_attempts=(RetrievalAttempt(date(2025, 1, 1), "pesa", False, None),))
    assert "your doctor will tell you" in redo_micro_tese_figure(facts, document_words("en"))


def test_results_rows_show_entered_and_canonical_units_in_the_documents_language() -> None:
    history = history_variant(cftr="positive")
    tr = dict(results_rows(history, document_words("tr")))
    en = dict(results_rows(history, document_words("en")))
    assert tr["Son testosteron (20.07.2026)"] == "310 ng/dL = 10,76 nmol/L"
    assert en["Latest testosterone (20.07.2026)"] == "310 ng/dL = 10.76 nmol/L"
    assert tr["Semen analizi 01.06.2026"] == "santrifüj peleti incelendi; sperm görülmedi; 2,8 mL; pH 7,6"
    assert tr["Sperm elde etme 10.03.2025"] == "mikro-TESE; sperm bulunamadı; yalnızca Sertoli hücresi"
    assert tr["CFTR"] == "varyant saptandı" and en["CFTR"] == "variant found"
    assert dict(results_rows({}, document_words("tr")))["Sperm elde etme işlemleri"] == "kayıt yok"


def test_donor_sperm_follows_the_clinics_country() -> None:
    """Item 8: a Turkish clinic never offers donor sperm and says it is not lawful in Turkey."""
    from exoconsult.domain.jurisdiction import donor_sperm_text

    assert "yasal olarak yasaktır" in donor_sperm_text("TR", document_words("tr")) and "not permitted by law" in donor_sperm_text("TR", document_words("en"))
    assert "another choice where the law" in donor_sperm_text("OTHER", document_words("en"))
    assert "seçenektir" in donor_sperm_text("XX", document_words("tr"))  # an unknown country gets the general wording
