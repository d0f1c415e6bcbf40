"""Section 1 of the explanation, "Your results so far", written from the case data in English or Turkish.

Pure function of a small fact record, so the same case always gives the same sentences and the text can be
tested without a database. Missing values are said to be missing ("not recorded yet"), never guessed.
Vocabularies follow the case format (shared/spec/case-format.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from exoconsult.domain.vocabulary import GROUP_FIELDS, HISTORY_FIELDS, SPERM_RETRIEVAL_ATTEMPTS

LANGUAGES = ("en", "tr")
# The values this text knows, taken from the case vocabulary (never repeated here): the wording below must
# have a sentence for each, which a test checks, so a value added to the vocabulary cannot go unexplained.
VOLUME_METHODS = HISTORY_FIELDS["testis_volume_method"].values
KARYOTYPES = HISTORY_FIELDS["karyotype"].values
Y_MICRODELETIONS = HISTORY_FIELDS["y_microdeletion"].values
TECHNIQUES = GROUP_FIELDS[SPERM_RETRIEVAL_ATTEMPTS]["technique"].values
HISTOLOGIES = GROUP_FIELDS[SPERM_RETRIEVAL_ATTEMPTS]["histology"].values

_MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık".split(),
}


@dataclass(frozen=True)
class RetrievalAttempt:
    date: date | None
    technique: str
    sperm_found: bool | None
    histology: str | None = None


@dataclass(frozen=True)
class ResultsFacts:
    """What section 1 needs from a case; None means not recorded."""

    semen_analyses_total: int | None = None
    semen_analyses_pellet_no_sperm: int | None = None  # centrifuged pellet examined, no sperm seen
    latest_fsh_iu_l: float | None = None
    latest_fsh_date: date | None = None
    latest_testosterone_nmol_l: float | None = None
    latest_testosterone_date: date | None = None
    testis_right_ml: float | None = None
    testis_left_ml: float | None = None
    testis_volume_method: str | None = None
    karyotype: str | None = None
    y_microdeletion: str | None = None
    retrieval_attempts: tuple[RetrievalAttempt, ...] = ()


def format_date(value: date, lang: str) -> str:
    """3 March 2026 / 3 Mart 2026 (day first, month spelt out, so no reader misreads 03/04)."""
    return f"{value.day} {_MONTHS[lang][value.month - 1]} {value.year}"


def format_number(value: float, lang: str) -> str:
    """At most two decimals, no trailing zeros; Turkish uses the decimal comma."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "tr" else text


def _check(facts: ResultsFacts, lang: str) -> None:
    problems: list[str] = []
    if lang not in LANGUAGES:
        problems.append(f"language {lang!r} (expected one of {', '.join(LANGUAGES)})")
    for name, value, allowed in (
        ("testis_volume_method", facts.testis_volume_method, VOLUME_METHODS),
        ("karyotype", facts.karyotype, KARYOTYPES),
        ("y_microdeletion", facts.y_microdeletion, Y_MICRODELETIONS),
    ):
        if value is not None and value not in allowed:
            problems.append(f"{name} {value!r}")
    for attempt in facts.retrieval_attempts:
        if attempt.technique not in TECHNIQUES:
            problems.append(f"technique {attempt.technique!r}")
        if attempt.histology is not None and attempt.histology not in HISTOLOGIES:
            problems.append(f"histology {attempt.histology!r}")
    total, negative = facts.semen_analyses_total, facts.semen_analyses_pellet_no_sperm
    if (total is not None and total < 0) or (negative is not None and negative < 0):
        problems.append("a negative number of semen analyses")
    if total is not None and negative is not None and negative > total:
        problems.append("more pellet-negative analyses than analyses")
    if problems:
        raise ValueError("cannot write results: unknown " + "; ".join(problems))


def results_so_far(facts: ResultsFacts, lang: str) -> list[str]:
    """Plain-language sentences for section 1, in order: semen, FSH, testosterone, testes, genetics, operations."""
    _check(facts, lang)
    text = _TEXTS[lang]
    sentences = [
        _semen(facts.semen_analyses_total, facts.semen_analyses_pellet_no_sperm, lang),
        _hormone("fsh", facts.latest_fsh_iu_l, facts.latest_fsh_date, lang),
        _hormone("testosterone", facts.latest_testosterone_nmol_l, facts.latest_testosterone_date, lang),
        _testes(facts.testis_right_ml, facts.testis_left_ml, facts.testis_volume_method, lang),
        text["karyotype"][facts.karyotype or "missing"],
        text["y_microdeletion"][facts.y_microdeletion or "missing"],
    ]
    attempts = sorted(facts.retrieval_attempts, key=lambda a: (a.date is None, a.date or date.min))
    if not attempts:
        sentences.append(text["no_retrieval"])
    sentences.extend(_retrieval(a, lang) for a in attempts)
    return sentences


def _times(count: int, lang: str) -> str:
    if lang == "tr":
        return f"{count} kez"
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _semen(total: int | None, negative: int | None, lang: str) -> str:
    en = lang == "en"
    if not total:
        if negative:
            return (
                f"In {negative} semen tests the spun-down sample (pellet) was checked and no sperm were found; "
                "the total number of semen tests is not recorded yet."
                if en
                else f"Meninizin {negative} incelemesinde santrifüj edilmiş örneğin çökeltisine (pelet) bakıldı ve "
                "sperm bulunmadı; toplam meni testi sayısı henüz kaydedilmedi."
            )
        return (
            "Your semen test results are not recorded yet."
            if en
            else "Meni test sonuçlarınız henüz kaydedilmedi."
        )
    checked = (
        f"Your semen was checked {_times(total, lang)}" if en else f"Meniniz {_times(total, lang)} incelendi"
    )
    if negative is None:
        return (
            f"{checked}. Whether the spun-down sample (pellet) was checked is not recorded yet."
            if en
            else f"{checked}. Santrifüj edilmiş örneğin çökeltisine (pelet) bakılıp bakılmadığı henüz kaydedilmedi."
        )
    if negative == 0:
        return (
            f"{checked}, but no check of the spun-down sample (pellet) without sperm is recorded yet. "
            "This check is needed to be sure that no sperm are present."
            if en
            else f"{checked}, ancak santrifüj edilmiş örneğin çökeltisinde (pelet) sperm olmadığını gösteren bir "
            "inceleme henüz kaydedilmedi. Sperm olmadığından emin olmak için bu inceleme gereklidir."
        )
    if negative == total:
        each = "each time" if total > 1 else ""
        return (
            f"{checked}, including the spun-down sample (pellet){' ' + each if each else ''}; no sperm were found."
            if en
            else f"{checked}; {'her seferinde ' if total > 1 else ''}santrifüj edilmiş örneğin çökeltisine (pelet) "
            "de bakıldı ve hiç sperm bulunmadı."
        )
    return (
        f"{checked}. In {negative} of these tests the spun-down sample (pellet) was also checked, "
        "and no sperm were found."
        if en
        else f"{checked}. Bunların {negative} tanesinde santrifüj edilmiş örneğin çökeltisine (pelet) de bakıldı "
        "ve sperm bulunmadı."
    )


def _hormone(which: str, value: float | None, when: date | None, lang: str) -> str:
    text = _TEXTS[lang][which]
    if value is None:
        return text["missing"]
    number = format_number(value, lang)
    if when is None:
        when_text = "date not recorded" if lang == "en" else "tarih kaydedilmedi"
        return text["value_no_date"].format(value=number, when=when_text) + " " + text["meaning"]
    return text["value"].format(value=number, when=format_date(when, lang)) + " " + text["meaning"]


def _testes(right: float | None, left: float | None, method: str | None, lang: str) -> str:
    text = _TEXTS[lang]["testes"]
    if right is None and left is None:
        return text["missing"]
    how = text[method or "no_method"]
    if right is not None and left is not None:
        return text["both"].format(right=format_number(right, lang), left=format_number(left, lang), how=how)
    side, value = ("right", right) if right is not None else ("left", left)
    assert value is not None  # one side is known here
    return text[f"only_{side}"].format(value=format_number(value, lang), how=how)


def _retrieval(attempt: RetrievalAttempt, lang: str) -> str:
    text = _TEXTS[lang]["retrieval"]
    what = text[attempt.technique]
    if attempt.date is None:
        sentences = [text["done_no_date"].format(what=what)]
    else:
        sentences = [text["done"].format(what=what, when=format_date(attempt.date, lang))]
    found = {True: "found", False: "not_found", None: "found_unknown"}[attempt.sperm_found]
    sentences.append(text[found])
    sentences.append(text["histology"][attempt.histology or "missing"])
    return " ".join(sentences)


# Wording per language. Turkish sentences put dates and numbers in brackets or before "kez"/"tanesi" so
# that no case suffix has to agree with a number (vowel harmony would depend on how the number is read).
_TEXTS: dict[str, dict] = {
    "en": {
        "fsh": {
            "missing": "Your FSH (a hormone that tells the testes to make sperm) is not recorded yet.",
            "value": "Your FSH was {value} IU/L on {when}.",
            "value_no_date": "Your FSH was {value} IU/L ({when}).",
            "meaning": "FSH is a hormone that tells the testes to make sperm; a high value usually means sperm "
            "production is low. Your doctor compares it with your laboratory's normal range.",
        },
        "testosterone": {
            "missing": "Your testosterone (the main male hormone) is not recorded yet.",
            "value": "Your total testosterone was {value} nmol/L on {when}.",
            "value_no_date": "Your total testosterone was {value} nmol/L ({when}).",
            "meaning": "Testosterone is the main male hormone; it will be measured again during follow-up.",
        },
        "testes": {
            "missing": "The size of your testes is not recorded yet.",
            "both": "Your right testis measured {right} mL and your left testis {left} mL ({how}).",
            "only_right": "Your right testis measured {value} mL; the left one is not recorded yet ({how}).",
            "only_left": "Your left testis measured {value} mL; the right one is not recorded yet ({how}).",
            "prader": "measured with an orchidometer, a row of beads of known size",
            "ultrasound": "measured by ultrasound",
            "no_method": "the measuring method is not recorded",
        },
        "karyotype": {
            "46,XY": "Your chromosome test (karyotype) was normal (46,XY).",
            "47,XXY": "Your chromosome test (karyotype) showed Klinefelter syndrome (47,XXY): an extra X chromosome.",
            "mosaic_klinefelter": "Your chromosome test (karyotype) showed mosaic Klinefelter syndrome: some of "
            "your cells have an extra X chromosome.",
            "other_abnormal": "Your chromosome test (karyotype) showed a change from the usual pattern. Your doctor "
            "will explain what it means for you.",
            "not_done": "Your chromosome test (karyotype) has not been done.",
            "missing": "The result of your chromosome test (karyotype) is not recorded yet.",
        },
        "y_microdeletion": {
            "none": "The test for missing pieces of the Y chromosome (Y microdeletion) found none.",
            "azfa": "The test for missing pieces of the Y chromosome (Y microdeletion) found a complete missing "
            "piece in the AZFa region. In published reports of men with this finding, no sperm were found by "
            "surgery. (Source: Hopps 2003; Stahl 2010)",
            "azfb": "The test for missing pieces of the Y chromosome (Y microdeletion) found a complete missing "
            "piece in the AZFb region. In men with this finding, sperm cells have been found only rarely, and no "
            "pregnancy has been reported. (Source: Hopps 2003; Kleiman 2011)",
            "azfbc": "The test for missing pieces of the Y chromosome (Y microdeletion) found a complete missing "
            "piece in the AZFb and AZFc regions. In men with this finding, sperm cells have been found only "
            "rarely, and no pregnancy has been reported. (Source: Hopps 2003; Kleiman 2011)",
            "azfabc": "The test for missing pieces of the Y chromosome (Y microdeletion) found that the AZFa, AZFb "
            "and AZFc regions are all missing. In published reports of men with this finding, no sperm were found "
            "by surgery. (Source: Hopps 2003)",
            "azfc": "The test for missing pieces of the Y chromosome (Y microdeletion) found a missing piece in the "
            "AZFc region. In men with this finding, sperm can sometimes be found by surgery. The missing piece is "
            "passed on to any son, who may also be infertile. (Source: Hopps 2003; Stahl 2010)",
            "partial": "The test for missing pieces of the Y chromosome (Y microdeletion) found a partly missing "
            "piece. Your doctor will explain what this means for you.",
            "not_done": "The test for missing pieces of the Y chromosome (Y microdeletion) has not been done.",
            "missing": "The result of the test for missing pieces of the Y chromosome (Y microdeletion) is not "
            "recorded yet.",
        },
        "no_retrieval": "No earlier operation to find sperm is recorded.",
        "retrieval": {
            "done": "On {when} you had {what}.",
            "done_no_date": "You had {what} (date not recorded).",
            "micro_tese": "a micro-TESE (an operation to look for sperm in the testes with a microscope)",
            "conventional_tese": "a TESE (an operation to take small pieces of testis tissue to look for sperm)",
            "tesa": "a TESA (a needle used to take tissue from the testis to look for sperm)",
            "pesa": "a PESA (a needle used to take fluid from the tube behind the testis)",
            "mesa": "a MESA (an operation to take fluid from the tube behind the testis with a microscope)",
            "found": "Sperm were found.",
            "not_found": "No sperm were found.",
            "found_unknown": "Whether sperm were found is not recorded.",
            "histology": {
                "sertoli_cell_only": "The tissue test (histology) showed Sertoli-cell-only: no sperm-making cells "
                "were seen in the samples.",
                "maturation_arrest_early": "The tissue test (histology) showed early maturation arrest: "
                "sperm-making cells were there but stopped at an early stage.",
                "maturation_arrest_late": "The tissue test (histology) showed late maturation arrest: sperm-making "
                "cells were there but stopped at a late stage.",
                "hypospermatogenesis": "The tissue test (histology) showed hypospermatogenesis: all stages of "
                "sperm making were there, but in small numbers.",
                "tubular_hyalinization": "The tissue test (histology) showed scarring of the small tubes where "
                "sperm are made (tubular hyalinisation).",
                "mixed": "The tissue test (histology) showed a mixed pattern.",
                "not_available": "No tissue test (histology) result is available.",
                "missing": "The tissue test (histology) result is not recorded yet.",
            },
        },
    },
    "tr": {
        "fsh": {
            "missing": "FSH değeriniz (testislere sperm üretmelerini söyleyen hormon) henüz kaydedilmedi.",
            "value": "FSH değeriniz: {value} IU/L ({when}).",
            "value_no_date": "FSH değeriniz: {value} IU/L ({when}).",
            "meaning": "FSH, testislere sperm üretmelerini söyleyen bir hormondur; yüksek bir değer genellikle sperm "
            "üretiminin düşük olduğunu gösterir. Doktorunuz bu değeri laboratuvarınızın normal aralığıyla "
            "karşılaştırır.",
        },
        "testosterone": {
            "missing": "Testosteron değeriniz (temel erkeklik hormonu) henüz kaydedilmedi.",
            "value": "Toplam testosteron değeriniz: {value} nmol/L ({when}).",
            "value_no_date": "Toplam testosteron değeriniz: {value} nmol/L ({when}).",
            "meaning": "Testosteron temel erkeklik hormonudur; kontroller sırasında yeniden ölçülecektir.",
        },
        "testes": {
            "missing": "Testislerinizin büyüklüğü henüz kaydedilmedi.",
            "both": "Sağ testisinizin hacmi {right} mL, sol testisinizin hacmi {left} mL olarak ölçüldü ({how}).",
            "only_right": "Sağ testisinizin hacmi {value} mL olarak ölçüldü; sol testisin ölçümü henüz "
            "kaydedilmedi ({how}).",
            "only_left": "Sol testisinizin hacmi {value} mL olarak ölçüldü; sağ testisin ölçümü henüz "
            "kaydedilmedi ({how}).",
            "prader": "bilinen büyüklükte boncuklardan oluşan orşidometre ile",
            "ultrasound": "ultrasonla",
            "no_method": "ölçüm yöntemi kaydedilmedi",
        },
        "karyotype": {
            "46,XY": "Kromozom testiniz (karyotip) normaldi (46,XY).",
            "47,XXY": "Kromozom testinizde (karyotip) Klinefelter sendromu (47,XXY), yani fazladan bir X kromozomu "
            "görüldü.",
            "mosaic_klinefelter": "Kromozom testinizde (karyotip) mozaik Klinefelter sendromu görüldü: "
            "hücrelerinizin bir kısmında fazladan bir X kromozomu var.",
            "other_abnormal": "Kromozom testinizde (karyotip) olağan yapıdan farklı bir değişiklik görüldü. Bunun "
            "sizin için ne anlama geldiğini doktorunuz açıklayacaktır.",
            "not_done": "Kromozom testiniz (karyotip) yapılmadı.",
            "missing": "Kromozom testinizin (karyotip) sonucu henüz kaydedilmedi.",
        },
        "y_microdeletion": {
            "none": "Y kromozomunda eksik parça olup olmadığına bakan test (Y mikrodelesyonu) eksik parça bulmadı.",
            "azfa": "Y kromozomunda eksik parça olup olmadığına bakan test (Y mikrodelesyonu), AZFa bölgesinin "
            "tamamen eksik olduğunu gösterdi. Bu bulguya sahip erkeklerle ilgili yayımlanmış raporlarda ameliyatla "
            "hiç sperm bulunamamıştır. (Kaynak: Hopps 2003; Stahl 2010)",
            "azfb": "Y kromozomunda eksik parça olup olmadığına bakan test (Y mikrodelesyonu), AZFb bölgesinin "
            "tamamen eksik olduğunu gösterdi. Bu bulguya sahip erkeklerde sperm hücreleri yalnızca nadiren "
            "bulunmuş ve bugüne kadar hiç gebelik bildirilmemiştir. (Kaynak: Hopps 2003; Kleiman 2011)",
            "azfbc": "Y kromozomunda eksik parça olup olmadığına bakan test (Y mikrodelesyonu), AZFb ve AZFc "
            "bölgelerinin tamamen eksik olduğunu gösterdi. Bu bulguya sahip erkeklerde sperm hücreleri yalnızca "
            "nadiren bulunmuş ve bugüne kadar hiç gebelik bildirilmemiştir. (Kaynak: Hopps 2003; Kleiman 2011)",
            "azfabc": "Y kromozomunda eksik parça olup olmadığına bakan test (Y mikrodelesyonu), AZFa, AZFb ve AZFc "
            "bölgelerinin hepsinin eksik olduğunu gösterdi. Bu bulguya sahip erkeklerle ilgili yayımlanmış "
            "raporlarda ameliyatla hiç sperm bulunamamıştır. (Kaynak: Hopps 2003)",
            "azfc": "Y kromozomunda eksik parça olup olmadığına bakan test (Y mikrodelesyonu), AZFc bölgesinde "
            "eksik bir parça buldu. Bu bulguya sahip erkeklerde ameliyatla bazen sperm bulunabilir. Eksik parça "
            "erkek çocuklara geçer ve onlar da kısır olabilir. (Kaynak: Hopps 2003; Stahl 2010)",
            "partial": "Y kromozomunda eksik parça olup olmadığına bakan test (Y mikrodelesyonu), kısmen eksik bir "
            "parça buldu. Bunun sizin için ne anlama geldiğini doktorunuz açıklayacaktır.",
            "not_done": "Y kromozomunda eksik parça olup olmadığına bakan test (Y mikrodelesyonu) yapılmadı.",
            "missing": "Y kromozomunda eksik parça olup olmadığına bakan testin (Y mikrodelesyonu) sonucu henüz "
            "kaydedilmedi.",
        },
        "no_retrieval": "Daha önce sperm bulmak için yapılmış bir işlem kaydı yok.",
        "retrieval": {
            "done": "Size {what} yapıldı ({when}).",
            "done_no_date": "Size {what} yapıldı (tarih kaydedilmedi).",
            "micro_tese": "mikro-TESE (testislerde mikroskopla sperm aranan ameliyat)",
            "conventional_tese": "TESE (sperm aramak için testisten küçük doku parçaları alınan ameliyat)",
            "tesa": "TESA (sperm aramak için testisten iğneyle doku alınması)",
            "pesa": "PESA (testisin arkasındaki kanaldan iğneyle sıvı alınması)",
            "mesa": "MESA (testisin arkasındaki kanaldan mikroskopla sıvı alınan ameliyat)",
            "found": "Sperm bulundu.",
            "not_found": "Sperm bulunamadı.",
            "found_unknown": "Sperm bulunup bulunmadığı kaydedilmedi.",
            "histology": {
                "sertoli_cell_only": "Doku incelemesinde (histoloji) yalnızca Sertoli hücresi görüldü: örneklerde "
                "sperm yapan hücre yoktu.",
                "maturation_arrest_early": "Doku incelemesinde (histoloji) erken matürasyon duraklaması görüldü: "
                "sperm yapan hücreler vardı ama erken bir aşamada duruyordu.",
                "maturation_arrest_late": "Doku incelemesinde (histoloji) geç matürasyon duraklaması görüldü: "
                "sperm yapan hücreler vardı ama geç bir aşamada duruyordu.",
                "hypospermatogenesis": "Doku incelemesinde (histoloji) hipospermatogenez görüldü: sperm yapımının "
                "bütün aşamaları vardı ama sayıları azdı.",
                "tubular_hyalinization": "Doku incelemesinde (histoloji), spermin üretildiği küçük kanalcıklarda "
                "nedbeleşme (tübüler hiyalinizasyon) görüldü.",
                "mixed": "Doku incelemesinde (histoloji) karışık bir görünüm saptandı.",
                "not_available": "Doku incelemesi (histoloji) sonucu mevcut değil.",
                "missing": "Doku incelemesi (histoloji) sonucu henüz kaydedilmedi.",
            },
        },
    },
}
