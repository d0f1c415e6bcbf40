"""The files of a research export, built in memory from the tables: one CSV per table, a summary with
small counts suppressed, the dictionaries, README.txt (what is in it, what was left out and why) and
manifest.json (SHA-256 of every other file). Written to the chosen folder only after the export was
audited; a folder that already holds files is refused so two exports never mix."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from exoconsult.domain.disclosure import SMALL_COUNT, shown_count
from exoconsult.domain.errors import ValidationError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.exports.cohort import EXCLUSION_REASONS, Cohort, Period
from exoconsult.services.exports.columns import Table

FORMAT = "exoconsult-research-export/1"
MANIFEST, README = "manifest.json", "README.txt"
ALWAYS_LEFT_OUT = (
    "Names, MRNs, national ids, telephone numbers, e-mail addresses and birth dates of patients: never exported.",
    "Calendar dates: every date is a day number counted from the patient's first procedure (day 0).",
    "Names of staff and of interpreters or witnesses: never exported.",
    "Signed documents (consent, withdrawal, procedure note PDFs): never exported; they name the patient.",
    "The clinic's pseudonym key: never exported. Pseudonyms made with the same key id match across exports.",
)


@dataclass(frozen=True)
class ResearchOptions:
    period: Period = Period()
    include_free_text: bool = False
    manufacturer_only: bool = False


def table_csv(table: Table, rows: Sequence[Mapping[str, Any]], include_free_text: bool) -> bytes:
    columns = table.kept_columns(include_free_text)
    head = ["record_id"] + (["redcap_repeat_instrument", "redcap_repeat_instance"] if table.repeating else [])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(head + [name for c in columns for name in c.data_columns()])
    for row in rows:
        cells = [row["record_id"]] + ([table.name, str(row["instance"])] if table.repeating else [])
        writer.writerow(cells + [cell for c in columns for cell in c.encode(row.get(c.variable))])
    return out.getvalue().encode("utf-8")


def summary_csv(cohort: Cohort, data: Mapping[str, Sequence[Mapping[str, Any]]]) -> bytes:
    """Counts a reader can quote; every count below SMALL_COUNT shows as "< 5"."""
    counts: list[tuple[str, int]] = [("patients exported", len(cohort.members))]
    counts += [(f"treated patients not exported: {why}", n) for why, n in sorted(cohort.excluded.items())]
    newest: dict[str, Mapping[str, Any]] = {}
    for row in data.get("assessments", ()):
        newest[row["record_id"]] = row  # rows are oldest first per patient
    for verdict, n in sorted(Counter(str(r["verdict"]) for r in newest.values()).items()):
        counts.append((f"patients whose newest assessment is {verdict}", n))
    events = Counter(e for r in data.get("procedures", ()) for e in r.get("events") or ())
    counts += [(f"procedures with intra-procedure event: {e}", n) for e, n in sorted(events.items())]
    counts += [(f"outcome events: {k}", n)
               for k, n in sorted(Counter(r["outcome"] for r in data.get("outcomes", ())).items())]
    adverse = data.get("adverse_events", ())
    counts += [(f"adverse events: {k}", n) for k, n in sorted(Counter(r["ae_term"] for r in adverse).items())]
    if adverse:
        counts.append(("serious adverse events", sum(1 for r in adverse if r["ae_serious"])))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["measure", "count"])
    writer.writerows((name, shown_count(n)) for name, n in counts)
    return out.getvalue().encode("utf-8")


def readme(tables: Sequence[Table], cohort: Cohort, options: ResearchOptions, today: date) -> bytes:
    p = options.period
    lines = [
        "ExoConsult research export (pseudonymised)", "",
        f"Made on {today.isoformat()}. Patients whose first procedure was "
        f"{'from ' + p.start.isoformat() if p.start else 'at any time'}{' to ' + p.end.isoformat() if p.end else ''}.",
        f"Pseudonym key id: {cohort.key_id}.",
        "Only treated patients who said yes to the outcome registry in their consent and did not withdraw it "
        "are included" + (", and only those who agreed to sharing with the manufacturer." if options.manufacturer_only
                          else "."),
        "", "Files:",
        *(f"  {t.name}.csv  {t.title}{' (repeating: one row per entry)' if t.repeating else ''}" for t in tables),
        "  summary.csv  counts; any count below 5 is shown as \"< 5\"",
        "  data_dictionary.csv  REDCap data dictionary (create a project from it; make the repeating files "
        "repeating instruments; then import each CSV)",
        "  data_dictionary.md  the same dictionary for people",
        f"  {MANIFEST}  SHA-256 of every file above",
        "", "Left out, and why:", *(f"  - {x}" for x in ALWAYS_LEFT_OUT),
        *(f"  - {t.name}.csv: {x}" for t in tables for x in t.left_out),
    ]
    if options.include_free_text:
        lines.append("  - Free text WAS included at the exporting user's request, after review on screen.")
    else:
        free = sorted({f"{t.name}.{c.variable}" for t in tables for c in t.columns if c.free_text})
        lines.append(f"  - Free text typed by staff (it may name people): {', '.join(free) or 'none'}.")
    lines += ["", f"Treated patients not included (counts below {SMALL_COUNT} shown as \"< {SMALL_COUNT}\"):"]
    lines += [f"  - {EXCLUSION_REASONS[why]}: {shown_count(n)}" for why, n in sorted(cohort.excluded.items())]
    if not cohort.excluded:
        lines.append("  - none")
    return ("\n".join(lines) + "\n").encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest(files: Mapping[str, bytes], rows: Mapping[str, int], cohort: Cohort, options: ResearchOptions,
             today: date) -> bytes:
    p = options.period
    body = {"format": FORMAT, "made_on": today.isoformat(), "pseudonym_key_id": cohort.key_id,
            "period": {"from": p.start.isoformat() if p.start else None, "to": p.end.isoformat() if p.end else None},
            "free_text_included": options.include_free_text, "manufacturer_only": options.manufacturer_only,
            "files": [{"name": name, "sha256": sha256(data), "bytes": len(data), "rows": rows.get(name)}
                      for name, data in sorted(files.items())]}
    return (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def check_folder(folder: Path) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ValidationError({"folder": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "{folder} is not an empty folder; choose a new or empty one (an export never mixes "
            "with other files)."), folder=folder)})


def write_files(folder: Path, files: Mapping[str, bytes]) -> None:
    """Each file written whole (temporary name, then renamed); the manifest last, so a folder with a
    manifest is a complete export."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in sorted(files, key=lambda n: n == MANIFEST):
        tmp = folder / f".{name}.partial"
        with open(tmp, "wb") as fh:
            fh.write(files[name])
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(folder / name)
