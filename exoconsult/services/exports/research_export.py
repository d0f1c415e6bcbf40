"""The pseudonymised research export as a use case: choose the patients, read every table, build the
files, write them into an empty folder, and audit who exported which patients (ids and pseudonyms) into
which files (names and SHA-256) in the same transaction. Free text leaves only when asked for, and the
user is shown it first (`free_text_for_review`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exoconsult.domain.errors import ValidationError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.services.exports import research_package as pkg
from exoconsult.services.exports.cohort import Cohort, select_cohort
from exoconsult.services.exports.columns import Table
from exoconsult.services.exports.dictionary import markdown_dictionary, redcap_dictionary
from exoconsult.services.exports.research_tables import research_tables
from exoconsult.services.history.reading import clinic_today

ResearchOptions = pkg.ResearchOptions


@dataclass(frozen=True)
class FreeTextItem:
    pseudonym: str
    table: str
    variable: str
    text: str


@dataclass(frozen=True)
class ResearchExportResult:
    folder: str
    files: tuple[tuple[str, str], ...]  # (name, sha256)
    pseudonyms: tuple[str, ...]
    excluded: int  # treated patients left out (the README gives the reasons, counts suppressed)
    key_id: str


def _read(work: Work, options: ResearchOptions) -> tuple[Cohort, list[Table], dict[str, list]]:
    p = options.period
    if p.start and p.end and p.start > p.end:
        raise ValidationError({"period": service_message(QT_TRANSLATE_NOOP("ServiceMessages",
                                                                        "The period ends before it starts."))})
    cohort = select_cohort(work, p, manufacturer_only=options.manufacturer_only)
    tables = research_tables(work)
    return cohort, tables, {t.name: list(t.rows(work, cohort)) for t in tables}


class ResearchExportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.RESEARCH_EXPORT)
    def free_text_for_review(self, work: Work, options: ResearchOptions) -> list[FreeTextItem]:
        """Every non-empty free text the export would carry with include_free_text, for the user to read
        first. Writes only the pseudonym key when this installation has none yet (audited)."""
        _, tables, data = _read(work, options)
        items = [FreeTextItem(row["record_id"], t.name, c.variable, str(row[c.variable]))
                 for t in tables for c in t.columns if c.free_text
                 for row in data[t.name] if str(row.get(c.variable) or "").strip()]
        work.commit()
        return items

    @use_case(Permission.RESEARCH_EXPORT)
    def export(self, work: Work, folder: str, options: ResearchOptions) -> ResearchExportResult:
        out = Path(folder)
        pkg.check_folder(out)
        cohort, tables, data = _read(work, options)
        today, free = clinic_today(work), options.include_free_text
        files = {f"{t.name}.csv": pkg.table_csv(t, data[t.name], free) for t in tables}
        files["summary.csv"] = pkg.summary_csv(cohort, data)
        files["data_dictionary.csv"] = redcap_dictionary(tables, free)
        files["data_dictionary.md"] = markdown_dictionary(tables, free)
        files[pkg.README] = pkg.readme(tables, cohort, options, today)
        rows = {f"{t.name}.csv": len(data[t.name]) for t in tables}
        files[pkg.MANIFEST] = pkg.manifest(files, rows, cohort, options, today)
        hashes = tuple((name, pkg.sha256(body)) for name, body in sorted(files.items()))
        p = options.period
        work.audit("research_export", "export", pkg.sha256(files[pkg.MANIFEST]), detail={
            "folder": str(out), "patients": [m.patient_id for m in cohort.members],
            "pseudonyms": [m.pseudonym for m in cohort.members], "files": dict(hashes),
            "from": p.start.isoformat() if p.start else None, "to": p.end.isoformat() if p.end else None,
            "free_text": free, "manufacturer_only": options.manufacturer_only, "key_id": cohort.key_id})
        pkg.write_files(out, files)  # before the commit: a failed commit takes the files away again
        try:
            work.commit()
        except BaseException:
            for name in files:
                (out / name).unlink(missing_ok=True)
            raise
        return ResearchExportResult(str(out), hashes, tuple(m.pseudonym for m in cohort.members),
                                    sum(cohort.excluded.values()), cohort.key_id)
