"""Benchmark: render + seal one consent (median of ~30 runs); LibreOffice .docx -> PDF if present.

Run from the repository root:  python benchmarks/bench_consent_pdf.py [--runs 30]
Prints one JSON object per line. LibreOffice is never installed by this script; when ``soffice``
is not on PATH it reports that and skips the comparison.
"""

from __future__ import annotations

import argparse
import datetime as dt
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exoconsult.documents.consent_pdf import render_consent_pdf  # noqa: E402
from exoconsult.documents.fonts import register_fonts  # noqa: E402
from exoconsult.documents.keys import generate_clinic_identity  # noqa: E402
from exoconsult.documents.model import BulletListBlock, ConsentDocument, HeadingBlock, ParagraphBlock  # noqa: E402
from exoconsult.documents.seal import seal_pdf, validate_sealed_pdf  # noqa: E402
from tests.documents.samples import sample_consent  # noqa: E402


def _emit(**fields: object) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def _docx_paragraphs(document: ConsentDocument) -> list[tuple[str, bool]]:
    """(text, bold) lines equivalent to the consent's content, for the LibreOffice comparison."""
    lines = [(document.title, True), (document.patient.full_name, False)]
    for section in document.sections:
        lines.append((f"{section.number}. {section.heading}", True))
        for block in section.blocks:
            if isinstance(block, HeadingBlock | ParagraphBlock):
                lines.append((block.text.replace("**", ""), isinstance(block, HeadingBlock)))
            elif isinstance(block, BulletListBlock):
                lines += [(f"• {item}", False) for item in block.items]
        lines.append((f"{document.labels.initials}: ☐", False))
    lines += [(c.statement + "  ☐ Yes ☐ No", False) for c in document.optional_consents]
    lines += [(f"{s.role_label}: {s.printed_name} – {s.meaning} – {s.signed_at_text}", False) for s in document.signatures]
    lines += [(" | ".join(row), False) for row in document.audit_summary.rows]
    return lines


def write_docx(path: Path, lines: list[tuple[str, bool]]) -> None:
    """A minimal valid .docx (WordprocessingML) written with zipfile only."""
    body = "".join(
        f'<w:p><w:r>{"<w:rPr><w:b/></w:rPr>" if bold else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
        for text, bold in lines
    )
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    fonts = register_fonts()
    document = sample_consent("tr")
    with tempfile.TemporaryDirectory() as tmp:
        identity = generate_clinic_identity(Path(tmp) / "keys", "Benchmark Clinic", now=dt.datetime.now(dt.UTC))
        render_s, seal_s, total_s = [], [], []
        sealed = b""
        for _ in range(args.runs):
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
        _emit(benchmark="consent_render_and_seal", runs=args.runs, median_render_s=round(statistics.median(render_s), 4),
              median_seal_s=round(statistics.median(seal_s), 4), median_total_s=round(median_total, 4),
              validate_s=round(validate_s, 4), seal_valid=valid, pdf_bytes=len(sealed))

        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            _emit(benchmark="libreoffice_docx_to_pdf", available=False,
                  note="soffice/libreoffice not on PATH; comparison skipped (not installed on purpose)")
            return
        docx = Path(tmp) / "consent.docx"
        write_docx(docx, _docx_paragraphs(document))
        times = []
        for _ in range(min(args.runs, 5)):  # each run starts a whole office suite
            start = time.perf_counter()
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx)],
                           check=True, capture_output=True, timeout=300)
            times.append(time.perf_counter() - start)
        median_lo = statistics.median(times)
        _emit(benchmark="libreoffice_docx_to_pdf", available=True, runs=len(times), median_s=round(median_lo, 4),
              ratio_libreoffice_over_reportlab_render_and_seal=round(median_lo / median_total, 1))


if __name__ == "__main__":
    main()
