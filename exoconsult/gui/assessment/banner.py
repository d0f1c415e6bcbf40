"""The verdict banner: a shape, a word and a sentence, so the verdict never depends on colour alone.

eligible = circle with a tick, needs review = triangle with "!", ineligible = octagon with a cross,
incomplete (and stale, not assessed) = dashed circle with "?". Shapes are painted (no icon font that could be missing offscreen).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from exoconsult.gui.tones import surface, tone
from exoconsult.gui.widgets import plain_label

# verdict -> (shape, meaning); the colours of a meaning come from the palette (gui/tones.py)
STYLE = {
    "eligible": ("circle", "ok"),
    "needs_review": ("triangle", "warning"),
    "ineligible": ("octagon", "error"),
    "incomplete": ("dashed", "neutral"),
    "stale": ("dashed", "stale"),
    "none": ("dashed", "muted"),
}


class VerdictIcon(QWidget):
    """A 44-px shape that tells the verdicts apart in greyscale too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shape = "dashed"
        self.colour = tone("muted")
        self.mark_colour = surface("muted")
        self.setFixedSize(QSize(44, 44))
        self.setAccessibleName(self.tr("verdict symbol"))

    def set_shape(self, shape: str, colour: QColor, mark_colour: QColor) -> None:
        self.shape, self.colour, self.mark_colour = shape, colour, mark_colour
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(3, 3, self.width() - 6, self.height() - 6)
        centre = box.center()
        r = box.width() / 2
        pen = QPen(self.colour, 3)
        if self.shape == "dashed":
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush if self.shape == "dashed" else self.colour)
        if self.shape in ("circle", "dashed"):
            p.drawEllipse(box)
        elif self.shape == "triangle":
            p.drawPolygon(QPolygonF([QPointF(centre.x(), box.top()), QPointF(box.right(), box.bottom() - 2),
                                     QPointF(box.left(), box.bottom() - 2)]))
        else:
            points = [QPointF(centre.x() + r * math.cos(math.radians(22.5 + 45 * k)),
                              centre.y() + r * math.sin(math.radians(22.5 + 45 * k))) for k in range(8)]
            p.drawPolygon(QPolygonF(points))
        mark = QPen(self.mark_colour if self.shape != "dashed" else self.colour, 4)
        mark.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(mark)
        if self.shape == "circle":
            tick = QPainterPath(QPointF(centre.x() - 9, centre.y()))
            tick.lineTo(centre.x() - 2, centre.y() + 7)
            tick.lineTo(centre.x() + 10, centre.y() - 7)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(tick)
        elif self.shape == "octagon":
            p.drawLine(QPointF(centre.x() - 7, centre.y() - 7), QPointF(centre.x() + 7, centre.y() + 7))
            p.drawLine(QPointF(centre.x() + 7, centre.y() - 7), QPointF(centre.x() - 7, centre.y() + 7))
        else:
            font = QFont(self.font())
            font.setBold(True)
            font.setPixelSize(20)
            p.setFont(font)
            text_box = QRectF(box.left(), box.top() + (5 if self.shape == "triangle" else 0), box.width(), box.height())
            p.drawText(text_box, Qt.AlignmentFlag.AlignCenter, "!" if self.shape == "triangle" else "?")
        p.end()


class VerdictBanner(QFrame):
    """Shape + verdict word + one sentence; the stale state adds its own line (never colour only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictBanner")
        self.icon = VerdictIcon(self)
        self.title = plain_label("", self, object_name="verdictTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.detail = plain_label("", self, object_name="verdictDetail")
        self.detail.setWordWrap(True)
        self.stale_note = plain_label("", self, object_name="staleNote")
        self.stale_note.setWordWrap(True)
        self.stale_note.hide()
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        text.addWidget(self.stale_note)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 10, 12, 10)
        row.setSpacing(12)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)

    def show_verdict(self, verdict: str, title: str, detail: str, stale_text: str = "") -> None:
        shape, meaning = STYLE.get(verdict, STYLE["none"])
        light = surface(meaning)
        dark = tone(meaning, light)
        self.icon.set_shape(shape, dark, light)
        self.title.setText(title)
        self.detail.setText(detail)
        self.stale_note.setText(stale_text)
        self.stale_note.setVisible(bool(stale_text))
        self.setProperty("verdict", verdict)
        self.setAccessibleName(f"{title}. {detail} {stale_text}".strip())
        self.setStyleSheet(f"QFrame#verdictBanner {{ background: {light.name()}; border: 2px solid {dark.name()}; "
                           f"border-radius: 6px; }} QLabel {{ color: {dark.name()}; background: transparent; border: none; }}"
                           f" QLabel#staleNote {{ color: {tone('error', light).name()}; font-weight: bold; }}")

    def text(self) -> str:
        """Everything the banner says (tests, screen readers)."""
        parts = [self.title.text(), self.detail.text()]
        if self.stale_note.isVisible() or self.stale_note.text():
            parts.append(self.stale_note.text())
        return " ".join(p for p in parts if p)

