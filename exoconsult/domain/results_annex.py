"""The results annex of a consent (content release 1.1, item 5; pure): the test results section 1
("Your results so far") refers to, as (finding, value) rows in the document's language.

Semen analyses (date, pellet examined, sperm seen), the latest FSH, LH and testosterone in the units
entered and in canonical units, testis volumes, karyotype, Y-microdeletion, CFTR, and every sperm
retrieval with technique, result and histology. Read from the case `history` block as stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from exoconsult.domain.units import to_canonical

_W = {
    "en": {"semen": "Semen analysis {date}", "pellet": "centrifuged pellet examined", "no_pellet": "pellet not examined",
           "volume": "{v} mL", "latest": "Latest {analyte} ({date})", "right": "Right testis volume",
           "left": "Left testis volume", "karyotype": "Karyotype", "ycmd": "Y-chromosome microdeletion",
           "cftr": "CFTR", "retrieval": "Sperm retrieval {date}", "found": "sperm found", "not_found": "no sperm found",
           "unknown": "not recorded", "none_recorded": "none recorded", "retrievals": "Sperm retrievals",
           "semen_none": "Semen analyses", "testosterone": "testosterone"},
    "tr": {"semen": "Semen analizi {date}", "pellet": "santrifüj peleti incelendi", "no_pellet": "pelet incelenmedi",
           "volume": "{v} mL", "latest": "Son {analyte} ({date})", "right": "Sağ testis hacmi",
           "left": "Sol testis hacmi", "karyotype": "Karyotip", "ycmd": "Y kromozomu mikrodelesyonu",
           "cftr": "CFTR", "retrieval": "Sperm elde etme {date}", "found": "sperm bulundu",
           "not_found": "sperm bulunamadı", "unknown": "kaydedilmedi", "none_recorded": "kayıt yok",
           "retrievals": "Sperm elde etme işlemleri", "semen_none": "Semen analizleri", "testosterone": "testosteron"},
}
_VALUES = {
    "en": {"none": "none", "rare_after_centrifugation": "rare, only after centrifugation", "present": "present",
           "46,XY": "46,XY (normal)", "47,XXY": "47,XXY (Klinefelter)", "mosaic_klinefelter": "mosaic Klinefelter",
           "other_abnormal": "other abnormality", "not_done": "not done", "azfa": "AZFa", "azfb": "AZFb",
           "azfbc": "AZFb+c", "azfabc": "AZFa+b+c", "azfc": "AZFc", "partial": "partial", "negative": "negative",
           "positive": "variant found", "micro_tese": "micro-TESE", "conventional_tese": "conventional TESE",
           "tesa": "TESA", "pesa": "PESA", "mesa": "MESA", "sertoli_cell_only": "Sertoli-cell-only",
           "maturation_arrest_early": "early maturation arrest", "maturation_arrest_late": "late maturation arrest",
           "hypospermatogenesis": "hypospermatogenesis", "tubular_hyalinization": "scarred tubes",
           "mixed": "mixed pattern", "not_available": "no histology"},
    "tr": {"none": "yok", "rare_after_centrifugation": "nadir, yalnızca santrifüj sonrası", "present": "var",
           "46,XY": "46,XY (normal)", "47,XXY": "47,XXY (Klinefelter)", "mosaic_klinefelter": "mozaik Klinefelter",
           "other_abnormal": "başka bir anormallik", "not_done": "yapılmadı", "azfa": "AZFa", "azfb": "AZFb",
           "azfbc": "AZFb+c", "azfabc": "AZFa+b+c", "azfc": "AZFc", "partial": "kısmi", "negative": "negatif",
           "positive": "varyant saptandı", "micro_tese": "mikro-TESE", "conventional_tese": "klasik TESE",
           "tesa": "TESA", "pesa": "PESA", "mesa": "MESA", "sertoli_cell_only": "yalnızca Sertoli hücresi",
           "maturation_arrest_early": "erken matürasyon duraklaması",
           "maturation_arrest_late": "geç matürasyon duraklaması", "hypospermatogenesis": "hipospermatogenez",
           "tubular_hyalinization": "kanalcıklarda skarlaşma", "mixed": "karışık tablo",
           "not_available": "histoloji yok"},
}
_SPERM_SEEN = {
    "en": {"none": "no sperm seen", "rare_after_centrifugation": "rare sperm, only after centrifugation",
           "present": "sperm seen"},
    "tr": {"none": "sperm görülmedi", "rare_after_centrifugation": "yalnızca santrifüj sonrası nadir sperm",
           "present": "sperm görüldü"},
}
_CANONICAL = {"fsh": "IU/L", "lh": "IU/L", "total_testosterone": "nmol/L"}


def _lang(lang: str) -> str:
    return "tr" if lang == "tr" else "en"


def _date(value: Any) -> str:
    try:
        return date.fromisoformat(str(value)).strftime("%d.%m.%Y")
    except ValueError:
        return str(value or "")


def _num(value: float, lang: str) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "tr" else text


def _value(code: Any, lang: str) -> str:
    return _W[lang]["unknown"] if code is None else _VALUES[lang].get(str(code), str(code))


def _hormone(history: Mapping[str, Any], analyte: str, lang: str) -> tuple[str, str] | None:
    panels = [p for p in history.get("hormone_panels") or () if isinstance(p.get(analyte), dict | int | float)]
    if not panels:
        return None
    panel = max(panels, key=lambda p: str(p.get("date") or ""))
    raw = panel[analyte]
    value, unit = (raw.get("value"), raw.get("unit")) if isinstance(raw, dict) else (raw, _CANONICAL[analyte])
    canonical = to_canonical(f"hormone_panels.{analyte}", float(value), unit)
    shown = f"{_num(float(value), lang)} {unit}"
    if unit != _CANONICAL[analyte]:
        shown += f" = {_num(canonical, lang)} {_CANONICAL[analyte]}"
    name = _W[lang]["testosterone"] if analyte == "total_testosterone" else analyte.upper()
    return _W[lang]["latest"].format(analyte=name, date=_date(panel.get("date"))), shown


def results_rows(history: Mapping[str, Any], lang: str) -> tuple[tuple[str, str], ...]:
    """(finding, value) rows of the results annex, in `lang`."""
    lang = _lang(lang)
    w = _W[lang]
    rows: list[tuple[str, str]] = []
    analyses = history.get("semen_analyses") or ()
    for a in analyses:
        parts = [w["pellet"] if a.get("centrifuged_pellet_examined") else w["no_pellet"],
                 _SPERM_SEEN[lang].get(str(a.get("sperm_seen")), w["unknown"])]
        if isinstance(a.get("volume_ml"), int | float):
            parts.append(w["volume"].format(v=_num(float(a["volume_ml"]), lang)))
        if isinstance(a.get("ph"), int | float):
            parts.append(f"pH {_num(float(a['ph']), lang)}")
        rows.append((w["semen"].format(date=_date(a.get("date"))), "; ".join(parts)))
    if not analyses:
        rows.append((w["semen_none"], w["none_recorded"]))
    for analyte in ("fsh", "lh", "total_testosterone"):
        row = _hormone(history, analyte, lang)
        if row is not None:
            rows.append(row)
    for side in ("right", "left"):
        volume = history.get(f"testis_{side}_volume_ml")
        rows.append((w[side], w["unknown"] if volume is None else f"{_num(float(volume), lang)} mL"))
    rows += [(w["karyotype"], _value(history.get("karyotype"), lang)),
             (w["ycmd"], _value(history.get("y_microdeletion"), lang)),
             (w["cftr"], _value(history.get("cftr") or "not_done", lang))]
    attempts = history.get("sperm_retrieval_attempts") or ()
    for r in sorted(attempts, key=lambda r: str(r.get("date") or "")):
        result = w["unknown"] if r.get("sperm_found") is None else w["found" if r["sperm_found"] else "not_found"]
        parts = [_value(r.get("technique"), lang), result]
        if r.get("histology"):
            parts.append(_value(r["histology"], lang))
        rows.append((w["retrieval"].format(date=_date(r.get("date"))), "; ".join(parts)))
    if not attempts:
        rows.append((w["retrievals"], w["none_recorded"]))
    return tuple(rows)
