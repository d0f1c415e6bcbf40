"""Helpers to inspect rendered PDFs in tests."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader

STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic",
    "Symbol", "ZapfDingbats",
}


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def squash(text: str) -> str:
    """Text without any whitespace: line wrapping and table cells then cannot split a match."""
    return "".join(text.split())


def body_text(pdf: bytes, clinic_name: str) -> str:
    """All pages' content without the page furniture, so text split across pages joins up again.

    The furniture is drawn after the content of each page (see page.py), starting with the clinic
    name, so it is the tail of each page's extracted text.
    """
    bodies = []
    for text in page_texts(pdf):
        cut = text.rfind(clinic_name)
        bodies.append(text[:cut] if cut >= 0 else text)
    return "\n".join(bodies)


def font_resources(pdf: bytes) -> list[dict]:
    """Every font dictionary used by any page (resolved)."""
    fonts = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            fonts.append(ref.get_object())
    return fonts


def decode_qr_codes(pdf: bytes, tmp_path: Path, dpi: int = 150) -> list[list[str]]:
    """QR payloads found on each page (rendered with pdftoppm, decoded with zbarimg)."""
    source = tmp_path / "doc.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(source), str(tmp_path / "page")], check=True)
    found = []
    for image in sorted(tmp_path.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1])):
        result = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True)
        found.append([line for line in result.stdout.splitlines() if line])
    return found


def have_qr_tools() -> bool:
    return shutil.which("pdftoppm") is not None and shutil.which("zbarimg") is not None


def raster_pages(pdf: bytes, tmp_path: Path, name: str, dpi: int = 150) -> list[bytes]:
    """Each page rendered by pdftoppm as raw greyscale pixels (PGM), for comparing how pages look."""
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(source), str(tmp_path / name)], check=True)
    pages = sorted(tmp_path.glob(f"{name}-*.pgm"), key=lambda p: int(p.stem.split("-")[-1]))
    return [page.read_bytes() for page in pages]


_INK_COLOUR = ".043137 .164706 .435294 RG"  # documents.signature's ink, set once per signature box
_SEGMENT = re.compile(r"n ([-\d.]+) ([-\d.]+) m ([-\d.]+) ([-\d.]+) l S")


def signature_ink_extents(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height (points) spanned by the vector strokes of each signature box, in page order."""
    extents = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        content = page.get_contents().get_data().decode("latin-1")
        start = content.find(_INK_COLOUR)
        while start >= 0:
            block = content[start:content.find("\nQ", start)]
            coords = [tuple(map(float, m.groups())) for m in _SEGMENT.finditer(block)]
            if coords:
                xs = [v for c in coords for v in (c[0], c[2])]
                ys = [v for c in coords for v in (c[1], c[3])]
                extents.append((max(xs) - min(xs), max(ys) - min(ys)))
            start = content.find(_INK_COLOUR, start + 1)
    return extents
