"""QR code drawn as vector modules straight onto the canvas.

reportlab's own encoder builds the symbol; the modules are drawn here as filled rectangles rather
than through ``QrCodeWidget``/``renderPDF``, because the graphics renderer sets its default font
(Helvetica) on the page, and the documents must contain embedded fonts only.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

QUIET_MODULES = 4  # the quiet zone the QR standard asks for around the symbol


@lru_cache(maxsize=64)  # the same code is drawn on every page; encoding it is the costly part
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """Module matrix (True = dark) with error correction M, smallest version that fits.

    M: a folded or lightly stained paper copy still decodes, and the ~70-byte payload stays a small
    symbol (version 4-5) that scans from about 20 mm at 150 dpi.
    """
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    count = code.getModuleCount()
    return tuple(tuple(bool(code.isDark(row, col)) for col in range(count)) for row in range(count))


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw a square QR code (quiet zone included) encoding ``payload``, lower-left corner at (x, y).

    The symbol is one form XObject per document, defined on first use and placed on every page:
    the same code on each page costs one path, not one per page.
    """
    name = "ExoQR" + hashlib.sha256(f"{size!r}:{payload}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
    if not canvas.hasForm(name):
        canvas.beginForm(name, 0, 0, size, size)
        _draw_modules(canvas, qr_matrix(payload), size)
        canvas.endForm()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()


def _draw_modules(canvas: Canvas, matrix: tuple[tuple[bool, ...], ...], size: float) -> None:
    count = len(matrix)
    module = size / (count + 2 * QUIET_MODULES)
    canvas.setFillColor(colors.white)
    canvas.rect(0, 0, size, size, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    path = canvas.beginPath()
    for row, cells in enumerate(matrix):
        top = size - (QUIET_MODULES + row) * module
        col = 0
        while col < count:  # one rectangle per horizontal run keeps the path small
            if not cells[col]:
                col += 1
                continue
            start = col
            while col < count and cells[col]:
                col += 1
            path.rect((QUIET_MODULES + start) * module, top - module, (col - start) * module, module)
    canvas.drawPath(path, stroke=0, fill=1)
