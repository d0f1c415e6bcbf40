"""The urologist's decision on a `needs_review` verdict: proceed / do not proceed, with a written reason.

Nothing is preselected (the decision must be a choice), and Record stays disabled until a decision is
chosen and the reason has at least MIN_REASON_CHARS characters; a counter says how many are still
needed. The service checks all of this again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.printable_guard import PrintableGuard
from exoconsult.gui.widgets import plain_label
from exoconsult.services.assessment.assessment_dto import MIN_REASON_CHARS, AssessmentDTO


class ResolveDialog(QDialog):
    def __init__(self, assessment: AssessmentDTO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resolveDialog")
        self.setWindowTitle(self.tr("Resolve review"))
        self.setMinimumWidth(460)
        rules = ", ".join(f.rule for f in assessment.fired if f.outcome == "needs_review")
        intro = plain_label(self.tr("This assessment needs a urologist's decision (%1). Your decision and reason are "
                                    "stored with the assessment, audited, and printed in the consent annex. It "
                                    "cannot be changed afterwards.").replace("%1", rules), self)
        intro.setWordWrap(True)
        self.proceed = QRadioButton(self.tr("Proceed: the patient may continue to the explanation"), self)
        self.proceed.setObjectName("decisionProceed")
        self.do_not_proceed = QRadioButton(self.tr("Do not proceed"), self)
        self.do_not_proceed.setObjectName("decisionDoNotProceed")
        self.decisions = QButtonGroup(self)
        self.decisions.addButton(self.proceed)
        self.decisions.addButton(self.do_not_proceed)
        reason_label = plain_label(self.tr("Reason (at least %1 characters)").replace("%1", str(MIN_REASON_CHARS)), self)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("resolutionReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(90)
        reason_label.setBuddy(self.reason)
        self.counter = plain_label("", self, object_name="reasonCounter")
        self.reason_message = plain_label("", self, object_name="reasonMessage")
        self.reason_guard = PrintableGuard(self.reason, self.reason_message)  # printed in the consent annex
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.record = self.buttons.addButton(self.tr("Record decision"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.record.setObjectName("recordDecision")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.proceed)
        layout.addWidget(self.do_not_proceed)
        layout.addSpacing(6)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.reason_message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        self.decisions.buttonToggled.connect(self._on_decision_toggled)
        self._update()

    def decision(self) -> str:
        if self.proceed.isChecked():
            return "proceed"
        if self.do_not_proceed.isChecked():
            return "do_not_proceed"
        return ""

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _on_decision_toggled(self, _button, _checked: bool) -> None:
        self._update()

    def _update(self) -> None:
        missing = MIN_REASON_CHARS - len(self.reason_text())
        if missing > 0:
            self.counter.setText(self.tr("%1 more characters needed").replace("%1", str(missing)))
        else:
            self.counter.setText(self.tr("%1 characters").replace("%1", str(len(self.reason_text()))))
        self.reason_guard.check()
        self.record.setEnabled(missing <= 0 and bool(self.decision()) and not self.reason_message.text())
