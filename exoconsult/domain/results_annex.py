"""The results annex of a consent (content release 1.1, item 5; pure): the test results section 1
("Your results so far") refers to, as (finding, value) rows in the document's language.

Semen analyses (date, pellet examined, sperm seen), the latest FSH, LH and testosterone in the units
entered and in canonical units, testis volumes, karyotype, Y-microdeletion, CFTR, and every sperm
retrieval with technique, result and histology. Read from the case `history` block as stored; worded from
the document catalogue of the document's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from exoconsult.domain.document_words import DocumentWords
from exoconsult.domain.units import to_canonical

SECTION = "results_annex"  # the catalogue section of its wording (forms/i18n/documents.<lang>.yaml)

_CANONICAL = {"fsh": "IU/L", "lh": "IU/L", "total_testosterone": "nmol/L"}


def _date(value: Any) -> str:
    try:
        return date.fromisoformat(str(value)).strftime("%d.%m.%Y")
    except ValueError:
        return str(value or "")


def _value(code: Any, w: Mapping[str, str]) -> str:
    return w["unknown"] if code is None else w.get(f"value.{code}", str(code))


def _hormone(history: Mapping[str, Any], analyte: str, words: DocumentWords) -> tuple[str, str] | None:
    panels = [p for p in history.get("hormone_panels") or () if isinstance(p.get(analyte), dict | int | float)]
    if not panels:
        return None
    panel = max(panels, key=lambda p: str(p.get("date") or ""))
    raw = panel[analyte]
    value, unit = (raw.get("value"), raw.get("unit")) if isinstance(raw, dict) else (raw, _CANONICAL[analyte])
    canonical = to_canonical(f"hormone_panels.{analyte}", float(value), unit)
    shown = f"{words.decimal(float(value))} {unit}"
    if unit != _CANONICAL[analyte]:
        shown += f" = {words.decimal(canonical)} {_CANONICAL[analyte]}"
    w = words.section(SECTION)
    name = w["testosterone"] if analyte == "total_testosterone" else analyte.upper()
    return w["latest"].format(analyte=name, date=_date(panel.get("date"))), shown


def results_rows(history: Mapping[str, Any], words: DocumentWords) -> tuple[tuple[str, str], ...]:
    """(finding, value) rows of the results annex, in the language of `words`."""
    w = words.section(SECTION)
    rows: list[tuple[str, str]] = []
    analyses = history.get("semen_analyses") or ()
    for a in analyses:
        parts = [w["pellet"] if a.get("centrifuged_pellet_examined") else w["no_pellet"],
                 w.get(f"sperm_seen.{a.get('sperm_seen')}", w["unknown"])]
        if isinstance(a.get("volume_ml"), int | float):
            parts.append(w["volume"].format(v=words.decimal(float(a["volume_ml"]))))
        if isinstance(a.get("ph"), int | float):
            parts.append(f"pH {words.decimal(float(a['ph']))}")
        rows.append((w["semen"].format(date=_date(a.get("date"))), "; ".join(parts)))
    if not analyses:
        rows.append((w["semen_none"], w["none_recorded"]))
    for analyte in ("fsh", "lh", "total_testosterone"):
        row = _hormone(history, analyte, words)
        if row is not None:
            rows.append(row)
    for side in ("right", "left"):
        volume = history.get(f"testis_{side}_volume_ml")
        rows.append((w[side], w["unknown"] if volume is None else f"{words.decimal(float(volume))} mL"))
    rows += [(w["karyotype"], _value(history.get("karyotype"), w)),
             (w["ycmd"], _value(history.get("y_microdeletion"), w)),
             (w["cftr"], _value(history.get("cftr") or "not_done", w))]
    attempts = history.get("sperm_retrieval_attempts") or ()
    for r in sorted(attempts, key=lambda r: str(r.get("date") or "")):
        result = w["unknown"] if r.get("sperm_found") is None else w["found" if r["sperm_found"] else "not_found"]
        parts = [_value(r.get("technique"), w), result]
        if r.get("histology"):
            parts.append(_value(r["histology"], w))
        rows.append((w["retrieval"].format(date=_date(r.get("date"))), "; ".join(parts)))
    if not attempts:
        rows.append((w["retrievals"], w["none_recorded"]))
    return tuple(rows)
