"""An optional consent's yes/no answer on the signing and withdrawal screens, in the patient's language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QSizePolicy, QWidget

from exoconsult.gui.ui_language import PatientFacing
from exoconsult.gui.widgets import plain_label


class YesNo(PatientFacing, QWidget):
    """A yes/no choice with neither preselected (an optional consent must be actively answered)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # so the "missing" outline shows
        self.yes = QRadioButton(self.tr("Yes"), self)
        self.no = QRadioButton(self.tr("No"), self)
        self.group = QButtonGroup(self)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        row = QHBoxLayout(self)
        row.setContentsMargins(3, 2, 3, 2)  # room for the 2px "missing" outline, which is drawn inside
        row.addWidget(self.yes)
        row.addWidget(self.no)
        self.needed = plain_label(self.tr("answer needed"), self)
        self.needed.setProperty("missingNote", True)
        bold = self.needed.font()  # the style sheet draws the note semi-bold; measure it so, or its end is cut off
        bold.setWeight(QFont.Weight.DemiBold)
        self.needed.setFont(bold)
        row.addWidget(self.needed)
        # as wide as its content, so the "missing" outline frames the answer, not the whole row
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def value(self) -> bool | None:
        return True if self.yes.isChecked() else False if self.no.isChecked() else None
