"""The day's checklist on screen: its three parts, one row per item with big Yes and No buttons (a
tablet's finger fits them), the answer with who and when, and Decide for a "no" waiting for the
urologist. Fully usable by keyboard: Tab moves between the buttons, Space or Enter presses one, and
after every answer the focus goes to the next open item's Yes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain import procedure_day as day
from exoconsult.gui.labels import lot_label
from exoconsult.gui.local_format import time_text
from exoconsult.gui.tones import ink
from exoconsult.gui.widgets import plain_label
from exoconsult.services.procedure.procedure_dto import ItemState, LotDTO, ProcedureDay

TOUCH_HEIGHT = 44  # px: the smallest comfortable target for a finger


class ItemRow(QFrame):
    """One checklist item. Emits the item's key; the page asks for what else it needs (reason, decision)."""

    yes_clicked = Signal(str)
    no_clicked = Signal(str)
    decide_clicked = Signal(str)

    def __init__(self, item: ItemState, lots: list[LotDTO], *, can_answer: bool, can_decide: bool, tz: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName(f"item_{item.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = plain_label(checklist_text(item.text), self)
        self.text.setWordWrap(True)
        self.status = plain_label(_status_text(item, tz), self, object_name="itemStatus")
        self.status.setStyleSheet(ink({"yes": "ok", "no": "error"}.get(item.answer or "", "muted")))
        self.detail = QLineEdit(self)
        self.detail.setPlaceholderText(checklist_text(item.detail_prompt) if item.detail_prompt else "")
        self.detail.setMinimumHeight(TOUCH_HEIGHT)
        self.lot = QComboBox(self)
        self.lot.setObjectName("lotChoice")
        self.lot.setMinimumHeight(TOUCH_HEIGHT)
        for lot in lots:
            self.lot.addItem(lot_label(lot), lot.id)
        self.yes_button = QPushButton(self.tr("Yes"), self)
        self.yes_button.setObjectName("yes")
        self.no_button = QPushButton(self.tr("No…"), self)
        self.no_button.setObjectName("no")
        self.decide_button = QPushButton(self.tr("Decide…"), self)
        self.decide_button.setObjectName("decide")
        for button in (self.yes_button, self.no_button, self.decide_button):
            button.setMinimumSize(96, TOUCH_HEIGHT)
            button.setAutoDefault(True)  # Enter presses the focused button, as Space does
        open_item = can_answer and item.decision is None
        self.yes_button.setEnabled(open_item and (not item.needs_lot or self.lot.count() > 0))
        self.no_button.setEnabled(open_item)
        self.detail.setVisible(bool(item.detail_prompt) and open_item)  # the answer below says what was written
        self.lot.setVisible(item.needs_lot and open_item)
        self.decide_button.setVisible(item.waiting_for_decision and can_decide)
        if item.needs_lot and not lots:
            self.yes_button.setToolTip(self.tr("No released lot can be used today: see the lot register."))
        top = QHBoxLayout()
        top.addWidget(self.text, 1)
        top.addWidget(self.yes_button)
        top.addWidget(self.no_button)
        top.addWidget(self.decide_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.lot)
        layout.addWidget(self.detail)
        layout.addWidget(self.status)
        # Keyboard order within the item: detail (or lot), then Yes, No…, Decide…
        QWidget.setTabOrder(self.lot, self.detail)
        QWidget.setTabOrder(self.detail, self.yes_button)
        QWidget.setTabOrder(self.yes_button, self.no_button)
        QWidget.setTabOrder(self.no_button, self.decide_button)
        self.yes_button.clicked.connect(self._on_yes)
        self.no_button.clicked.connect(self._on_no)
        self.decide_button.clicked.connect(self._on_decide)

    def chosen_lot(self) -> int | None:
        return self.lot.currentData() if self.item.needs_lot and self.lot.count() else None

    def _on_yes(self) -> None:
        self.yes_clicked.emit(self.item.key)

    def _on_no(self) -> None:
        self.no_clicked.emit(self.item.key)

    def _on_decide(self) -> None:
        self.decide_clicked.emit(self.item.key)


def checklist_text(text: str) -> str:
    """A checklist item, prompt or part title (English in the domain) in the interface language."""
    return QCoreApplication.translate("Checklist", text)


def _status_text(item: ItemState, tz: str) -> str:
    if item.answer is None:
        return QCoreApplication.translate("ItemRow", "not answered yet")
    when = time_text(item.answered_at, zone=tz)
    answer = (QCoreApplication.translate("ItemRow", "✔ Yes") if item.answer == "yes"
              else QCoreApplication.translate("ItemRow", "✖ No"))
    text = f"{answer} — {item.answered_by}, {when}"
    detail = item.lot_label or item.reason
    if detail:
        text += f"\n{detail}"
    if item.waiting_for_decision:
        text += "\n" + QCoreApplication.translate(
            "ItemRow", "Waiting for the urologist's decision (stop, or continue with a reason).")
    elif item.decision:
        decided = (QCoreApplication.translate("ItemRow", "continued by %1: %2") if item.decision == "continue"
                   else QCoreApplication.translate("ItemRow", "STOPPED by %1: %2"))
        text += "\n" + decided.replace("%1", item.decided_by).replace("%2", item.decision_reason)
    return text


def editable_parts(state: ProcedureDay) -> set[str]:
    """Which parts can be answered now (the services refuse the rest with the reason)."""
    if state.stopped or state.note_document_id:
        return set()
    if state.record_id is not None:
        return {day.SIGN_OUT}
    parts = {day.BEFORE_ANAESTHESIA}
    if state.part_complete(day.BEFORE_ANAESTHESIA):
        parts.add(day.TIME_OUT)
    return parts


class ChecklistPanel(QWidget):
    yes_clicked = Signal(str)
    no_clicked = Signal(str)
    decide_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistPanel")
        self.rows: dict[str, ItemRow] = {}
        self.layout_ = QVBoxLayout(self)
        self.groups: list[QGroupBox] = []

    def clear(self) -> None:
        for group in self.groups:
            self.layout_.removeWidget(group)
            group.hide()  # gone from the screen now; deleted when the event loop next turns
            group.deleteLater()
        self.groups, self.rows = [], {}

    def show_day(self, state: ProcedureDay, lots: list[LotDTO], role: str, *, can_decide: bool, tz: str) -> None:
        self.clear()
        open_parts = editable_parts(state)
        for part in day.PARTS:
            done = sum(1 for i in state.items if i.part == part and i.settled)
            total = sum(1 for i in state.items if i.part == part)
            group = QGroupBox(f"{checklist_text(day.PART_TITLES[part])}  ({done}/{total})", self)
            group.setObjectName(f"part_{part}")
            box = QVBoxLayout(group)
            for item in (i for i in state.items if i.part == part):
                row = ItemRow(item, lots, can_answer=part in open_parts and role in item.roles,
                              can_decide=can_decide and not state.stopped, tz=tz, parent=group)
                row.yes_clicked.connect(self.yes_clicked)
                row.no_clicked.connect(self.no_clicked)
                row.decide_clicked.connect(self.decide_clicked)
                box.addWidget(row)
                self.rows[item.key] = row
            self.layout_.addWidget(group)
            if self.isVisible():
                group.show()  # now, not at the next event loop turn: the focus needs it shown
            self.groups.append(group)
        self.focus_next_open()

    def focus_next_open(self) -> None:
        for row in self.rows.values():
            if row.item.answer is None and row.yes_button.isEnabled():
                row.yes_button.setFocus()
                return
