"""Small shared pieces: plain-text labels and message boxes, and one place that turns service errors
into words. Everything here shows text as plain text (SEC-4: a name like "<b>X</b>" is shown as typed)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from exoconsult import app_log
from exoconsult.domain.errors import (
    Conflict,
    ExoError,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    SchemaTooNew,
    StorageError,
    ValidationError,
)
from exoconsult.domain.translatable import Reason
from exoconsult.gui.local_format import date_text, datetime_text, number_text
from exoconsult.gui.tones import ink

log = logging.getLogger(__name__)


def plain_label(text: str = "", parent: QWidget | None = None, *, object_name: str = "") -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    if object_name:
        label.setObjectName(object_name)
    return label


def field_message_label(parent: QWidget | None = None) -> QLabel:
    """The red line under a form field that says what is wrong with it (hidden when nothing is)."""
    label = plain_label("", parent, object_name="fieldMessage")
    label.setWordWrap(True)
    label.setStyleSheet(ink("error"))
    label.hide()
    return label


def reserved_message_label(parent: QWidget | None = None, lines: int = 2) -> QLabel:
    """A message line that always takes its room (empty when there is nothing to say), so a message
    appearing never resizes the fields around it; some window managers then squeeze them instead of
    growing the window."""
    label = plain_label("", parent, object_name="fieldMessage")
    label.setWordWrap(True)
    label.setStyleSheet(ink("error"))
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * lines + 4)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def keep_height(*fields: QWidget) -> None:
    """Fields never drawn lower than their natural height, whatever the window is resized to."""
    for field in fields:
        field.setMinimumHeight(field.sizeHint().height())
        field.setSizePolicy(field.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Fixed)


def documents_path(file_name: str) -> str:
    """Where a "Save as" dialog starts: the user's documents folder (never the program's folder)."""
    from pathlib import Path

    from PySide6.QtCore import QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in file_name)
    return str(Path(folder) / safe)


def add_field_row(form: QFormLayout, label: str, field, message: QLabel) -> None:
    """A form row whose message sits on its own row under the field, so the label stays level with the
    field whether or not a message is showing."""
    form.addRow(label, field)
    row = form.rowCount()
    form.setWidget(row, QFormLayout.ItemRole.FieldRole, message)


class FormDialogParts:
    """What the small form dialogs share (a password, the clinic passphrase, joining a clinic, the signing
    PIN): a message under each field and one under the form for the rest, an OK/Cancel box whose OK says
    the dialog's verb, and the column intro – form – message – buttons."""

    def __init__(self, dialog: QDialog, fields: Iterable[str], ok_text: str) -> None:
        self.messages = {key: field_message_label(dialog) for key in fields}
        self.form_message = field_message_label(dialog)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        dialog)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.rejected.connect(dialog.reject)

    def add_row(self, label: str, field: QWidget, key: str) -> None:
        add_field_row(self.form, label, field, self.messages[key])

    def lay_out(self, dialog: QDialog, intro: QWidget) -> QVBoxLayout:
        layout = QVBoxLayout(dialog)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.form_message)
        layout.addWidget(self.buttons)
        return layout

    def show_problems(self, problems: Mapping[str, str]) -> None:
        """Each field's problem under it, the others under the form; a field without one shows nothing."""
        for key, label in self.messages.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        other = [text for key, text in problems.items() if key not in self.messages]
        self.form_message.setText("\n".join(other))
        self.form_message.setVisible(bool(other))


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def reason_text(why: Reason, lists: Mapping[str, str] | None = None) -> str:
    """A Reason in the interface language; `lists`: its list placeholders already named on screen (else
    each item translated in the Reason's context)."""
    named = dict(lists) if lists is not None else {
        name: "; ".join(QCoreApplication.translate(why.lists_context or why.context, item) for item in items)
        for name, items in why.lists.items()}
    named.update({name: "; ".join(reason_text(part) for part in parts) for name, parts in why.parts.items()})
    named.update({name: datetime_text(moment) if isinstance(moment, datetime) else date_text(moment)
                  for name, moment in why.moments.items()})  # in the screen's format and the clinic's zone
    named.update({name: number_text(number) for name, number in why.numbers.items()})  # "0,5" in Turkish
    try:
        return QCoreApplication.translate(why.context, why.template).format(**{**why.values, **named})
    except (KeyError, IndexError, ValueError):  # a translation with a mistyped {placeholder}: say it in English
        return why.template.format(**{**why.values, **named})


def problem_texts(error: ValidationError) -> dict[str, str]:
    """What is wrong with each field, in the interface language where the service gave a Reason."""
    return {key: reason_text(error.reasons[key]) if key in error.reasons else text
            for key, text in error.problems.items()}


def refusal_texts(error: BaseException) -> dict[str, str]:
    """What a refusal says per field ("" for the whole), in the interface language where it carries Reasons."""
    if isinstance(error, ValidationError):
        return problem_texts(error)
    if isinstance(error, ExoError):
        return {"": error_text(error)}
    return {"": str(error) or error.__class__.__name__}


def error_text(error: ExoError) -> str:
    """A refusal in the interface language when it carries a Reason, else its English words."""
    return reason_text(error.why) if error.why is not None else str(error)


def describe_error(error: BaseException) -> tuple[str, str]:
    """(title, text) for an error a service raised. Unexpected errors are logged by type only."""
    if isinstance(error, PermissionDenied):
        return QCoreApplication.translate("ServiceErrors", "Not allowed"), QCoreApplication.translate("ServiceErrors", "Your role may not do this. Ask a colleague with the right role, "
                                       "or an administrator.")
    if isinstance(error, NotAuthenticated):
        return QCoreApplication.translate("ServiceErrors", "Signed out"), QCoreApplication.translate("ServiceErrors", "You are not signed in. Sign in again and retry.")
    if isinstance(error, Conflict):
        return QCoreApplication.translate("ServiceErrors", "Changed elsewhere"), error_text(error) or QCoreApplication.translate("ServiceErrors", "Someone else changed this record. Reopen it.")
    if isinstance(error, NotFound):
        return QCoreApplication.translate("ServiceErrors", "Not found"), QCoreApplication.translate("ServiceErrors", "The record no longer exists.")
    if isinstance(error, ValidationError):
        return QCoreApplication.translate("ServiceErrors", "Please check the input"), "\n".join(problem_texts(error).values())
    if isinstance(error, SchemaTooNew):
        return QCoreApplication.translate("ServiceErrors", "Database too new"), error_text(error)
    if isinstance(error, StorageError):
        return QCoreApplication.translate("ServiceErrors", "Database problem"), error_text(error)
    if isinstance(error, ExoError):
        return QCoreApplication.translate("ServiceErrors", "Cannot do this"), error_text(error)
    # The log formatter writes the traceback without the message: it may quote patient data.
    log.error("unexpected %s in a service call", type(error).__name__, exc_info=error)
    text = QCoreApplication.translate("ServiceErrors", "Something went wrong (%s). Nothing was changed by this step; "
               "please retry, and tell the administrator if it happens again.") % type(error).__name__
    return QCoreApplication.translate("ServiceErrors", "Unexpected error"), text + log_file_note()


def log_file_note() -> str:
    """A paragraph naming the log file that holds a failure's technical details ("" when there is none)."""
    log_path = app_log.current_path()
    if log_path is None:
        return ""
    return "\n\n" + QCoreApplication.translate(
        "ServiceErrors", "The details are in the log file (it holds no patient data): %s") % log_path


def exec_dialog(box: QMessageBox | QDialog) -> int:
    """Every modal message goes through here, so tests can answer it instead of blocking."""
    return box.exec()


def inform(parent: QWidget | None, title: str, text: str, *,
           icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> None:
    exec_dialog(message_box(parent, icon, title, text))


def confirm(parent: QWidget | None, title: str, text: str, *, yes_text: str = "") -> bool:
    """Ask a yes/no question; the safe answer (No) is the default button."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    if yes_text:
        box.button(QMessageBox.StandardButton.Yes).setText(yes_text)
    answer = exec_dialog(box)
    return getattr(answer, "value", answer) == QMessageBox.StandardButton.Yes.value


def ask_text(parent: QWidget | None, title: str, label: str, *, secret: bool = False) -> str | None:
    """One line of text (e.g. the reason for deactivating an account; `secret`: typed hidden, e.g. the
    clinic passphrase); None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    if secret:
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    answer = exec_dialog(dialog)
    if getattr(answer, "value", answer) != QDialog.DialogCode.Accepted.value:
        return None
    return dialog.textValue()


def show_service_error(parent: QWidget | None, error: BaseException) -> None:
    title, text = describe_error(error)
    icon = QMessageBox.Icon.Critical if not isinstance(error, ExoError) else QMessageBox.Icon.Warning
    exec_dialog(message_box(parent, icon, title, text))


class _WrappedHeight(QObject):
    """Keeps a widget's minimum height at what its word-wrapped labels need at its current width."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and isinstance(watched, QWidget):
            needed = watched.heightForWidth(watched.width())
            if needed > 0 and needed != watched.minimumHeight():
                watched.setMinimumHeight(needed)
        return False


def keep_wrapped_height(widget: QWidget) -> None:
    """Splitters and scroll areas do not ask a widget how tall it must be at its width: a column of wrapped
    labels was squeezed to cut-off lines (the gates at 1400 x 900). With this, the widget asks for that
    height itself, and the scroll area around the page scrolls instead."""
    widget.installEventFilter(_WrappedHeight(widget))
