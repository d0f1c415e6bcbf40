"""The adverse-event dialogs, all by keyboard: a new event (a complication call), a follow-up entry and
a report's sending. Each saves through the service itself and stays open, with the service's words
under the form, when something is refused: what was typed is never lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from exoconsult.domain import adverse_events as ae
from exoconsult.domain.errors import ValidationError
from exoconsult.gui.local_format import clinic_today
from exoconsult.gui.widgets import problem_texts, reserved_message_label, show_service_error
from exoconsult.services.adverse_events.ae_dto import (
    AdverseEventInput,
    AssessmentInput,
    EntryDTO,
    ListWords,
    SendingInput,
)


def _combo(parent: QWidget, words: ListWords, table: ae.Choices, name: str) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    for key in table:
        box.addItem(words.word(table, key), key)
    return box


def _day(parent: QWidget, name: str, value: date | None = None) -> QDateEdit:
    day = value or clinic_today()  # the clinic's day, not this computer's (it may sit in another zone)
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    return edit


def _choose(box: QComboBox, key) -> None:
    box.setCurrentIndex(max(0, box.findData(key)))


class SavingDialog(QDialog):
    """A form dialog whose OK runs `save(value)` on the runner and closes only when it succeeded; its lists
    are worded by `words` (the clinic's, in the screen language)."""

    def __init__(self, runner, save: Callable, words: ListWords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.save, self.words, self.result_value = runner, save, words, None
        self.form = QFormLayout(self)
        self.message = reserved_message_label(self, lines=3)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)

    def finish_form(self, ok_text: str) -> None:
        self.form.addRow(self.message)
        self.form.addRow(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)

    def value(self):
        raise NotImplementedError

    def _on_ok(self) -> None:
        self.buttons.setEnabled(False)
        self.runner.submit(partial(self.save, self.value()), self._on_saved, self._on_refused,
                           label=self.tr("Saving…"))

    def _on_saved(self, result) -> None:
        self.result_value = result
        self.buttons.setEnabled(True)
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError):
            self.message.setText("\n".join(problem_texts(error).values()))
        else:
            show_service_error(self, error)


class AssessmentFields:
    """Grade, seriousness, relatedness, expectedness, action, outcome: one entry of an event."""

    def __init__(self, dialog: SavingDialog, current: EntryDTO | None = None) -> None:
        form, words = dialog.form, dialog.words
        self.known_on = _day(dialog, "aeKnownOn")
        self.grade = _combo(dialog, words, ae.GRADES, "aeGrade")
        self.serious = {key: QCheckBox(words.word(ae.SERIOUS_CRITERIA, key), dialog) for key in ae.SERIOUS_CRITERIA}
        for key, box in self.serious.items():
            box.setObjectName(f"aeSerious_{key}")
        self.relatedness = _combo(dialog, words, ae.RELATEDNESS, "aeRelatedness")
        self.expected = QCheckBox(QCoreApplication.translate("AssessmentFields", "Expected: listed among the consent's risks"), dialog)
        self.expected.setObjectName("aeExpected")
        self.action = QLineEdit(dialog)
        self.action.setObjectName("aeAction")
        self.outcome = _combo(dialog, words, ae.OUTCOMES, "aeOutcome")
        self.outcome_date = _day(dialog, "aeOutcomeDate")
        self.note = QLineEdit(dialog)
        self.note.setObjectName("aeNote")
        serious = QGridLayout()
        for i, box in enumerate(self.serious.values()):
            serious.addWidget(box, i // 2, i % 2)
        form.addRow(QCoreApplication.translate("AssessmentFields", "Learnt of this on:"), self.known_on)
        form.addRow(QCoreApplication.translate("AssessmentFields", "Grade (CTCAE v5):"), self.grade)
        form.addRow(QCoreApplication.translate("AssessmentFields", "Serious because (ICH E2A; none = not serious):"), serious)
        form.addRow(QCoreApplication.translate("AssessmentFields", "Related to the treatment (WHO-UMC):"), self.relatedness)
        form.addRow("", self.expected)
        form.addRow(QCoreApplication.translate("AssessmentFields", "Action taken:"), self.action)
        form.addRow(QCoreApplication.translate("AssessmentFields", "Outcome:"), self.outcome)
        form.addRow(QCoreApplication.translate("AssessmentFields", "Outcome date:"), self.outcome_date)
        form.addRow(QCoreApplication.translate("AssessmentFields", "Note:"), self.note)
        self.outcome.currentIndexChanged.connect(self._on_outcome)
        _choose(self.outcome, "recovering")  # a new event: still going on (a follow-up starts from its newest entry)
        if current is not None:
            _choose(self.grade, current.grade)
            for key in current.serious_criteria:
                self.serious[key].setChecked(True)
            _choose(self.relatedness, current.relatedness)
            self.expected.setChecked(current.expected)
            self.action.setText(current.action_taken)
            _choose(self.outcome, current.outcome)
        self._on_outcome()

    def _on_outcome(self, *_args) -> None:
        self.outcome_date.setEnabled(self.outcome.currentData() in ae.OUTCOMES_WITH_DATE)

    def value(self, known_on: bool = True) -> AssessmentInput:
        outcome = self.outcome.currentData()
        return AssessmentInput(
            grade=self.grade.currentData(), serious_criteria=tuple(k for k, b in self.serious.items() if b.isChecked()),
            relatedness=self.relatedness.currentData(), expected=self.expected.isChecked(), outcome=outcome,
            outcome_date=self.outcome_date.date().toPython() if outcome in ae.OUTCOMES_WITH_DATE else None,
            action_taken=self.action.text(), note=self.note.text(),
            known_on=self.known_on.date().toPython() if known_on else None)


class AdverseEventDialog(SavingDialog):
    """A complication call (or what a visit found): what happened, when, and the first assessment."""

    def __init__(self, runner, save: Callable, patient_name: str, words: ListWords,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, save, words, parent)
        self.setObjectName("adverseEventDialog")
        self.setWindowTitle(self.tr("Record an adverse event – %1").replace("%1", patient_name))
        self.source = _combo(self, words, ae.SOURCES, "aeSource")
        self.onset = _day(self, "aeOnset")
        self.term = _combo(self, words, ae.TERMS, "aeTerm")
        self.term_other = QLineEdit(self)
        self.term_other.setObjectName("aeTermOther")
        self.term_other.setPlaceholderText(self.tr("the event in a few words, when the term is “other”"))
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("aeDescription")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(70)
        self.form.addRow(self.tr("How the clinic learnt of it:"), self.source)
        self.form.addRow(self.tr("Onset:"), self.onset)
        self.form.addRow(self.tr("Event:"), self.term)
        self.form.addRow(self.tr("Other term:"), self.term_other)
        self.form.addRow(self.tr("What happened:"), self.description)
        self.assessment = AssessmentFields(self)
        self.finish_form(self.tr("Record"))

    def start_from_visit(self, visit_date: date, description: str) -> None:
        """A complaint from a follow-up visit: learnt at that visit, described by its answers."""
        day = QDate(visit_date.year, visit_date.month, visit_date.day)
        _choose(self.source, "visit")
        self.onset.setDate(day)
        self.assessment.known_on.setDate(day)
        self.description.setPlainText(description)

    def value(self) -> AdverseEventInput:
        return AdverseEventInput(onset_date=self.onset.date().toPython(), term=self.term.currentData(),
                                 description=self.description.toPlainText(), source=self.source.currentData(),
                                 term_other=self.term_other.text(), learnt_on=self.assessment.known_on.date().toPython(),
                                 assessment=self.assessment.value(known_on=False))


class FollowUpDialog(SavingDialog):
    """A follow-up: the event as it stands now, starting from the newest entry (which stays as it was)."""

    def __init__(self, runner, save: Callable, event_text: str, current: EntryDTO, words: ListWords,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, save, words, parent)
        self.setObjectName("followUpDialog")
        self.setWindowTitle(self.tr("Follow-up – %1").replace("%1", event_text))
        self.assessment = AssessmentFields(self, current)
        self.finish_form(self.tr("Add the follow-up"))

    def value(self) -> AssessmentInput:
        return self.assessment.value()


class SendingDialog(SavingDialog):
    """A report was sent: to whom, how and when."""

    def __init__(self, runner, save: Callable, words: ListWords, parent: QWidget | None = None) -> None:
        super().__init__(runner, save, words, parent)
        self.setObjectName("sendingDialog")
        self.setWindowTitle(self.tr("Record the report's sending"))
        self.setMinimumWidth(520)  # the addressee's hint and a long office name stay readable
        self.recipient = _combo(self, words, ae.RECIPIENTS, "sendRecipient")
        self.addressee = QLineEdit(self)
        self.addressee.setObjectName("sendAddressee")
        self.addressee.setPlaceholderText(self.tr("person or office, e.g. the manufacturer's pharmacovigilance"))
        self.channel = _combo(self, words, ae.CHANNELS, "sendChannel")
        self.sent_on = _day(self, "sendDate")
        self.note = QLineEdit(self)
        self.form.addRow(self.tr("Sent to:"), self.recipient)
        self.form.addRow(self.tr("Addressee:"), self.addressee)
        self.form.addRow(self.tr("How:"), self.channel)
        self.form.addRow(self.tr("Sent on:"), self.sent_on)
        self.form.addRow(self.tr("Note:"), self.note)
        self.finish_form(self.tr("Record the sending"))

    def value(self) -> SendingInput:
        return SendingInput(recipient=self.recipient.currentData(), addressee=self.addressee.text(),
                            channel=self.channel.currentData(), sent_on=self.sent_on.date().toPython(),
                            note=self.note.text())
