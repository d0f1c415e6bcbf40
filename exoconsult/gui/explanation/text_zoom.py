"""Text size in the patient's window, for older or visually impaired patients: Ctrl+plus / Ctrl+minus /
Ctrl+0 scale every size the window's style sheets and the section text set in points, from the
designed sizes (style.py) up to twice as large. The chosen size is remembered with the window settings.

Each widget's designed style sheet is kept beside it, so scaling again never compounds; a style sheet
the code replaces later becomes the new designed one."""

from __future__ import annotations

import re

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QWidget

STEPS = (0.85, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
SETTING = "presentation/text_zoom"
_POINTS = re.compile(r"(\d+(?:\.\d+)?)pt")
_BASE, _APPLIED = "_designedSheet", "_appliedSheet"


def step(current: float, direction: int) -> float:
    """The next size up (+1) or down (-1), or the designed size (0)."""
    if direction == 0:
        return 1.0
    index = min(range(len(STEPS)), key=lambda i: abs(STEPS[i] - current))
    return STEPS[max(0, min(len(STEPS) - 1, index + direction))]


def scale_sheet(sheet: str, factor: float) -> str:
    return _POINTS.sub(lambda m: f"{float(m.group(1)) * factor:.1f}pt", sheet)


def scale_widgets(root: QWidget, factor: float) -> None:
    for widget in [root, *root.findChildren(QWidget)]:
        current = widget.styleSheet()
        if "pt" not in current and widget.property(_BASE) is None:
            continue
        if widget.property(_BASE) is None or current != widget.property(_APPLIED):
            widget.setProperty(_BASE, current)  # first seen, or replaced by the code since
        scaled = scale_sheet(widget.property(_BASE), factor)
        widget.setProperty(_APPLIED, scaled)
        if scaled != current:
            widget.setStyleSheet(scaled)


def scale_document(document: QTextDocument, factor: float) -> None:
    """Multiply every point size a freshly filled document sets (it is refilled at designed sizes)."""
    if factor == 1.0:
        return
    font = document.defaultFont()
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
        document.setDefaultFont(font)
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            size = fragment.charFormat().fontPointSize()
            if size > 0:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                bigger = QTextCharFormat()
                bigger.setFontPointSize(size * factor)
                cursor.mergeCharFormat(bigger)
            fragments += 1
        block = block.next()
