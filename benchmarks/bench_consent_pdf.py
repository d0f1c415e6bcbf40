"""Benchmark: render + seal one consent (median of ~30 runs); LibreOffice .docx -> PDF if present.

Run from the repository root:  python benchmarks/bench_consent_pdf.py [--runs 30] [--lang en|tr]
The consent is the shipped consent text of ``forms/`` (all eleven sections, the optional consents)
with the test sample's patient, signatures and annexes: what a clinic prints, not a shortened text.
Prints one JSON object per line. LibreOffice is never installed by this script; when ``soffice``
is not on PATH it reports that and skips the comparison.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exoconsult.definitions.content_load import load_consent_text  # noqa: E402
from exoconsult.documents.consent_pdf import render_consent_pdf  # noqa: E402
from exoconsult.documents.fonts import FontSet, register_fonts  # noqa: E402
from exoconsult.documents.keys import Identity, generate_clinic_identity  # noqa: E402
from exoconsult.documents.model import BulletListBlock, ConsentDocument, HeadingBlock, ParagraphBlock  # noqa: E402
from exoconsult.documents.seal import seal_pdf, validate_sealed_pdf  # noqa: E402
from exoconsult.services.consent.consent_build import consent_sections, optional_consents, render_blocks  # noqa: E402
from tests.documents.samples import sample_consent  # noqa: E402

FORMS = Path(__file__).resolve().parents[1] / "forms"
CLINIC_VALUES = {  # what a clinic fills in; lengths like a real clinic's
    "clinic.name": "Anatolia Andrology Clinic", "clinic.phone": "+90 312 555 01 00",
    "clinic.complication_phone": "+90 532 555 01 99", "clinic.reflection_days": "7",
    "product.name": "ExoTest-1", "product.manufacturer": "Example Biologics Ltd.",
    "product.cell_source": "umbilical cord mesenchymal stromal cells (donated)",
    "product.quality_tests": "sterility, endotoxin, mycoplasma, particle count and size, identity markers",
    "product.lot": "L-2026-0117", "product.dose_per_testis": "0.5 mL (about 1 × 10⁹ particles)",
    "procedure.duration": "about two hours including rest", "costs.total": "90,000 TRY",
    "costs.repeat": "the same amount again", "doctor.name": "Dr. A. Yılmaz",
    "ethics.permit": "Ministry of Health permit 2026/117", "conflicts.statement": "the clinic earns from the fee only",
    "expert_advice.name": "Prof. B. Kaya", "expert_advice.date": "2026-09-30",
    "followup.schedule": "semen analysis and hormones at 3, 6 and 12 months",
}


def shipped_consent(lang: str) -> ConsentDocument:
    """The test sample's patient, signatures and annexes around the shipped consent text of ``lang``,
    every section initialled and every optional consent answered, as the signing service builds them."""
    text = load_consent_text(FORMS, lang)
    initials = {section.id: "J.D." for section in text.sections}
    answers = {choice.id: True for choice in text.optional_consents}
    return dataclasses.replace(sample_consent(lang), title=text.meta.title, approved=True,
                               sections=consent_sections(text, CLINIC_VALUES, initials),
                               optional_consents=optional_consents(text, CLINIC_VALUES, answers),
                               preamble=render_blocks(text.preamble, CLINIC_VALUES, lang))


def _emit(**fields: object) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def _p(text: str, bold: bool = False) -> str:
    style = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p><w:r>{style}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _table(rows: list[tuple[str, ...]]) -> str:
    """A bordered Word table; the first row is the heading row (bold)."""
    borders = "".join(f'<w:{side} w:val="single" w:sz="4"/>' for side in ("top", "left", "bottom", "right",
                                                                          "insideH", "insideV"))
    body = "".join("<w:tr>" + "".join(f"<w:tc>{_p(cell, bold=i == 0)}</w:tc>" for cell in row) + "</w:tr>"
                   for i, row in enumerate(rows))
    return f'<w:tbl><w:tblPr><w:tblBorders>{borders}</w:tblBorders></w:tblPr>{body}</w:tbl>'


def docx_body(document: ConsentDocument) -> str:
    """WordprocessingML for the same content as the consent PDF: paragraphs, bullets and tables."""
    parts = [_p(document.title, bold=True), _table([("Patient", document.patient.full_name),
                                                    ("Birth date", document.patient.birth_date_text),
                                                    ("MRN", document.patient.mrn)])]
    parts += [_table([(f.name, str(getattr(document.product, f.name))) for f in dataclasses.fields(document.product)])]
    for section in document.sections:
        parts.append(_p(f"{section.number}. {section.heading}", bold=True))
        for block in section.blocks:
            if isinstance(block, HeadingBlock | ParagraphBlock):
                parts.append(_p(block.text.replace("**", ""), isinstance(block, HeadingBlock)))
            elif isinstance(block, BulletListBlock):
                parts += [_p(f"• {item}") for item in block.items]
        parts.append(_p(f"{document.labels.initials}: ☑ {section.initials.initials}"))
    parts += [_p(c.statement + "  ☑ Yes ☐ No") for c in document.optional_consents]
    parts += [_p(f"{s.role_label}: {s.printed_name} – {s.meaning} – {s.signed_at_text}") for s in document.signatures]
    eligibility, explanation = document.eligibility, document.explanation
    parts.append(_table([("Protocol", eligibility.protocol_id), ("Version", eligibility.protocol_version),
                         ("SHA-256", eligibility.protocol_sha256), ("Verdict", eligibility.verdict)]))
    parts.append(_table([("Rule", "Reason", "Action", "Source"),
                         *(dataclasses.astuple(rule) for rule in eligibility.fired_rules)]))
    for rows in (explanation.sections, explanation.questions, explanation.comprehension, explanation.teach_back):
        if rows:
            heading = tuple(f.name for f in dataclasses.fields(rows[0]))
            parts.append(_table([heading, *(tuple(map(str, dataclasses.astuple(r))) for r in rows)]))
    parts.append(_table([document.audit_summary.columns, *document.audit_summary.rows]))
    return "".join(parts)


def write_docx(path: Path, body: str) -> None:
    """A minimal valid .docx (WordprocessingML) written with zipfile only."""
    document_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                    f"<w:body>{body}</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>"))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>'))
        archive.writestr("word/document.xml", document_xml)


def measure(document: ConsentDocument, fonts: FontSet, identity: Identity, runs: int) -> float:
    """Render + seal ``runs`` times; emits the figures and returns the median total in seconds."""
    render_s, seal_s, total_s = [], [], []
    sealed = b""
    for _ in range(runs):
        start = time.perf_counter()
        pdf = render_consent_pdf(document, fonts)
        rendered = time.perf_counter()
        sealed = seal_pdf(pdf, identity, reason="benchmark", location="bench")
        done = time.perf_counter()
        render_s.append(rendered - start)
        seal_s.append(done - rendered)
        total_s.append(done - start)
    start = time.perf_counter()
    valid = validate_sealed_pdf(sealed, identity.certificate).valid
    validate_s = time.perf_counter() - start
    median_total = statistics.median(total_s)
    _emit(benchmark="consent_render_and_seal", language=document.language, runs=runs,
          pages=len(PdfReader(io.BytesIO(sealed)).pages), median_render_s=round(statistics.median(render_s), 4),
          median_seal_s=round(statistics.median(seal_s), 4), median_total_s=round(median_total, 4),
          validate_s=round(validate_s, 4), seal_valid=valid, pdf_bytes=len(sealed))
    return median_total


def measure_libreoffice(document: ConsentDocument, reportlab_median_s: float, runs: int, tmp: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        _emit(benchmark="libreoffice_docx_to_pdf", available=False,
              note="soffice/libreoffice not on PATH; comparison skipped (not installed on purpose)")
        return
    docx = tmp / "consent.docx"
    write_docx(docx, docx_body(document))
    # A private profile, created by one uncounted warm-up run, so LibreOffice is not timed setting itself up.
    profile = f"-env:UserInstallation={(tmp / 'lo-profile').as_uri()}"
    command = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(docx)]
    times = []
    for attempt in range(1 + runs):  # each run starts a whole office suite
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, timeout=300)
        if attempt:
            times.append(time.perf_counter() - start)
    median_lo = statistics.median(times)
    _emit(benchmark="libreoffice_docx_to_pdf", language=document.language, available=True, runs=len(times),
          pages=len(PdfReader(tmp / "consent.pdf").pages), median_s=round(median_lo, 4),
          ratio_libreoffice_over_reportlab_render_and_seal=round(median_lo / reportlab_median_s, 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--lang", choices=("en", "tr"), nargs="+", default=["en", "tr"],
                        help="consent text language(s); the first is also converted by LibreOffice")
    args = parser.parse_args()
    fonts = register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        identity = generate_clinic_identity(Path(tmp) / "keys", "Benchmark Clinic", now=dt.datetime.now(dt.UTC))
        medians = [measure(shipped_consent(lang), fonts, identity, args.runs) for lang in args.lang]
        measure_libreoffice(shipped_consent(args.lang[0]), medians[0], min(args.runs, 5), Path(tmp))


if __name__ == "__main__":
    main()
