"""The signing gates as the clinician sees them: per gate a painted shape AND a word (OPEN / BLOCKED) and
the service's reason, so the state never depends on colour alone (greyscale screens, colour blindness)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from exoconsult.domain.gates import Gate
from exoconsult.gui.explanation.texts import gate_title, key_point_title
from exoconsult.gui.tones import ink, tone
from exoconsult.gui.widgets import keep_wrapped_height, plain_label, reason_text


class GateIcon(QWidget):
    """Open: a filled circle with a tick. Blocked: a hollow square with a bar (a 'stop' sign)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.is_open = False
        self.setFixedSize(QSize(24, 24))

    def set_open(self, is_open: bool) -> None:
        self.is_open = is_open
        self.setAccessibleName("open" if is_open else "blocked")
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(2, 2, self.width() - 4, self.height() - 4)
        if self.is_open:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(tone("ok"))
            p.drawEllipse(box)
            p.setPen(QPen(self.palette().color(QPalette.ColorRole.Window), 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            p.drawPolyline([QPointF(box.left() + 5, box.center().y()), QPointF(box.center().x() - 1, box.bottom() - 5),
                            QPointF(box.right() - 4, box.top() + 5)])
        else:
            p.setPen(QPen(tone("error"), 2.4))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(box.adjusted(1, 1, -1, -1), 3, 3)
            p.drawLine(QPointF(box.left() + 5, box.center().y()), QPointF(box.right() - 5, box.center().y()))


def _programme_fact(label: str) -> str:
    return QCoreApplication.translate("ProgrammeFacts", label)


# how the things a gate lists are named on screen (key points by id, programme facts by their English label)
LIST_NAMES = {"key_points": key_point_title, "absent": _programme_fact, "untranslated": _programme_fact}


def gate_reason(gate) -> str:
    """Why a gate is open or closed, in the interface language (the service's English when it gives no template)."""
    why = getattr(gate, "why", None)
    if why is None:
        return gate.reason
    return reason_text(why, {name: "; ".join(LIST_NAMES.get(name, str)(item) for item in items)
                             for name, items in why.lists.items()})


class GateRow:
    def __init__(self, key: str, grid: QGridLayout, row: int, parent: QWidget) -> None:
        self.key = key
        self.icon = GateIcon(parent)
        self.state = plain_label("", parent, object_name=f"gateState_{key}")
        self.state.setMinimumWidth(72)
        self.title = plain_label(gate_title(key), parent, object_name=f"gateTitle_{key}")
        self.title.setStyleSheet("font-weight: 600;")
        self.reason = plain_label("", parent, object_name=f"gateReason_{key}")
        self.reason.setWordWrap(True)
        keep_wrapped_height(self.reason)  # the grid, too, gave it fewer lines than it wraps to
        self.reason.setStyleSheet(ink("muted"))
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text = QVBoxLayout()
        text.setSpacing(1)
        text.addWidget(self.title)
        text.addWidget(self.reason)
        grid.addWidget(self.icon, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.state, row, 1, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(text, row, 2)

    def show(self, gate: Gate) -> None:
        self.icon.set_open(gate.open)
        self.state.setText(QCoreApplication.translate("GateRow", "OPEN") if gate.open
                           else QCoreApplication.translate("GateRow", "BLOCKED"))
        self.state.setStyleSheet(ink("ok" if gate.open else "error", "font-weight: 700;"))
        self.reason.setText(gate_reason(gate))


class GatesPanel(QFrame):
    """Gates in the order the service returns them; unknown keys (e.g. a later consent gate) get a row too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gatesPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = plain_label(self.tr("Before a consent can be signed"), self)
        self.heading.setStyleSheet("font-weight: 700; font-size: 11pt;")
        self.summary = plain_label("", self, object_name="gatesSummary")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(12)  # more space between gates than inside one
        self.grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(self.grid)
        self.rows: dict[str, GateRow] = {}
        keep_wrapped_height(self)  # the consent page lays it out in a scroll area, which does not ask

    def show_gates(self, gates) -> None:
        for gate in gates:
            row = self.rows.get(gate.key)
            if row is None:
                row = self.rows[gate.key] = GateRow(gate.key, self.grid, len(self.rows), self)
            row.show(gate)
        blocked = sum(1 for g in gates if not g.open)
        self.summary.setText(self.tr("All gates are open.") if not blocked else
                             self.tr("%n gate(s) still blocked.", "", blocked).replace("%n", str(blocked)))

    def state_of(self, key: str) -> tuple[str, str]:
        row = self.rows[key]
        return row.state.text(), row.reason.text()
