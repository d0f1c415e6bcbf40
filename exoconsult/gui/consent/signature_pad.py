"""A signature pad for mouse, touch and pen. Each stroke keeps its points with time and pressure
(tablet pressure when a pen reports it, 0.5 otherwise). Both axes are divided by the pad's longer side
(not each by its own length), so the stored shape is the drawn shape and the PDF, which scales both axes
alike, prints it with the proportions the signer drew. Clear and undo; an empty or trivial mark is refused by the same
rule the services apply (exoconsult.domain.signature)."""

from __future__ import annotations

import time

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPainterPath, QPalette, QPen, QTabletEvent, QTouchEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from exoconsult.domain.signature import Point, Stroke, signature_problem
from exoconsult.gui.tones import ink, mix, tone
from exoconsult.gui.ui_language import PatientFacing

PAD_WIDTH, PAD_HEIGHT = 640, 200  # px; about 17 x 5 cm on a common 96-dpi screen


class SignaturePad(PatientFacing, QWidget):
    """The drawing surface. `strokes()` returns what was drawn, in units of the pad's longer side."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # One fixed size on every screen: the trivial-mark rule (domain.signature) measures in units of the
        # pad's longer side, so a pad stretched across a wide window would refuse a normal-sized signature.
        self.setFixedSize(PAD_WIDTH, PAD_HEIGHT)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Signature pad"))
        self._strokes: list[list[Point]] = []
        self._current: list[Point] | None = None
        self._t0 = time.monotonic()

    # -- data ----------------------------------------------------------------------------------------
    def strokes(self) -> tuple[Stroke, ...]:
        return tuple(tuple(s) for s in self._strokes if s)

    def problem(self) -> str | None:
        return signature_problem(self.strokes())

    def is_empty(self) -> bool:
        return not any(self._strokes)

    def clear(self) -> None:
        self._strokes.clear()
        self._current = None
        self.update()
        self.changed.emit()

    def undo(self) -> None:
        if self._strokes:
            self._strokes.pop()
            self.update()
            self.changed.emit()

    def load_strokes(self, strokes: tuple[Stroke, ...]) -> None:
        """Put strokes on the pad (tests, and re-showing a signature)."""
        self._strokes = [list(s) for s in strokes]
        self.update()
        self.changed.emit()

    # -- input ---------------------------------------------------------------------------------------
    def _unit(self) -> float:
        return float(max(self.width(), self.height(), 1))

    def _point(self, pos: QPointF, pressure: float) -> Point:
        unit = self._unit()
        return Point(min(max(pos.x(), 0.0), self.width()) / unit, min(max(pos.y(), 0.0), self.height()) / unit,
                     int((time.monotonic() - self._t0) * 1000), min(max(pressure, 0.0), 1.0))

    def _scale(self) -> float:
        """Pixels per unit: the pad's longer side, or less when the pad has shrunk (or loaded strokes came
        from a larger pad) so that the whole signature stays visible, never stretched."""
        points = [p for s in self._strokes for p in s]
        scale = self._unit()
        if points:
            right, bottom = max(p.x for p in points), max(p.y for p in points)
            if right > 0:
                scale = min(scale, self.width() / right)
            if bottom > 0:
                scale = min(scale, self.height() / bottom)
        return scale

    def _begin(self, pos: QPointF, pressure: float) -> None:
        self._current = [self._point(pos, pressure)]
        self._strokes.append(self._current)

    def _extend(self, pos: QPointF, pressure: float) -> None:
        if self._current is not None:
            self._current.append(self._point(pos, pressure))
            self.update()

    def _end(self) -> None:
        if self._current is not None:
            self._current = None
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), 0.5)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._extend(event.position(), 0.5)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._extend(event.position(), 0.5)
        self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802 - a pen reports real pressure
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position(), event.pressure())
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position(), event.pressure())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def event(self, event) -> bool:  # touch screens: one finger draws
        if isinstance(event, QTouchEvent):
            points = event.points()
            if points:
                pos = points[0].position()
                if event.type() == QTouchEvent.Type.TouchBegin:
                    self._begin(pos, 0.5)
                elif event.type() == QTouchEvent.Type.TouchUpdate:
                    self._extend(pos, 0.5)
                elif event.type() in (QTouchEvent.Type.TouchEnd, QTouchEvent.Type.TouchCancel):
                    self._end()
            event.accept()
            return True
        return super().event(event)

    # -- drawing -------------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Paper and ink of the palette: a dark (high-contrast) palette gets a dark pad with light strokes.
        paper, ink_colour = self.palette().color(QPalette.ColorRole.Base), self.palette().color(QPalette.ColorRole.Text)
        p.fillRect(self.rect(), paper)
        p.setPen(QPen(mix(paper, ink_colour, 0.45), 1, Qt.PenStyle.DashLine))
        baseline = self.height() * 0.78
        p.drawLine(QPointF(16, baseline), QPointF(self.width() - 16, baseline))
        if self.property("missing"):  # the signing dialog's "still needed" outline (see signing_checklist)
            p.setPen(QPen(tone("warning", paper), 3))
            p.drawRect(QRectF(1.5, 1.5, self.width() - 3, self.height() - 3))
        else:
            p.setPen(QPen(mix(paper, ink_colour, 0.3), 1))
            p.drawRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1))
        w = h = self._scale()  # one scale for both axes: what shows is what was drawn
        for stroke in self._strokes:
            if len(stroke) == 1:
                p.setPen(QPen(ink_colour, 2.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                p.drawPoint(QPointF(stroke[0].x * w, stroke[0].y * h))
                continue
            for a, b in zip(stroke, stroke[1:], strict=False):
                width = 1.2 + 2.4 * (a.pressure + b.pressure) / 2
                p.setPen(QPen(ink_colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                              Qt.PenJoinStyle.RoundJoin))
                path = QPainterPath(QPointF(a.x * w, a.y * h))
                path.lineTo(QPointF(b.x * w, b.y * h))
                p.drawPath(path)
        p.end()


class SignatureField(PatientFacing, QWidget):
    """The pad with Clear / Undo, and the signer's printed name and role under it."""

    def __init__(self, role_label: str, printed_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pad = SignaturePad(self)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.undo_button = QPushButton(self.tr("Undo stroke"), self)
        self.name_label = QLabel(self)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.role_label = QLabel(role_label, self)
        self.role_label.setTextFormat(Qt.TextFormat.PlainText)
        self.role_label.setStyleSheet(ink("muted"))
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet(ink("error"))
        self.message.setWordWrap(True)
        self.set_printed_name(printed_name)
        buttons = QHBoxLayout()
        buttons.addWidget(self.name_label, 1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        self.setMaximumWidth(PAD_WIDTH)  # the name and buttons line up under the pad
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pad)
        layout.addLayout(buttons)
        layout.addWidget(self.role_label)
        layout.addWidget(self.message)
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button.clicked.connect(self.pad.undo)
        self.pad.changed.connect(self._on_changed)

    def set_printed_name(self, name: str) -> None:
        self.name_label.setText(name)

    def _on_changed(self) -> None:
        self.message.clear()

    def validate(self) -> bool:
        """Show why the mark is refused; True when it is acceptable."""
        why = self.pad.problem()
        self.message.setText(self.tr("Please sign again: %1").replace("%1", self.translated("ServiceMessages", why))
                             if why else "")
        return why is None
