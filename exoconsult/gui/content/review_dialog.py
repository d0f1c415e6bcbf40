""""Review and approve": the clinic's protocol and texts, each with its approval state; the selected one
as its reader will see it and, for a new version, the difference from the version approved before; the
approver re-enters the password to approve exactly the bytes shown (their SHA-256 is on screen). Everyone
may look; only an account the admin named approver gets the Approve button."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain.content import Block, Span
from exoconsult.gui.explanation.section_view import fill_document
from exoconsult.gui.labels import language_label, outcome_label
from exoconsult.gui.local_format import datetime_text
from exoconsult.gui.password_dialogs import password_field
from exoconsult.gui.tones import surface
from exoconsult.gui.ui_language import current_language
from exoconsult.gui.widgets import plain_label, show_service_error
from exoconsult.services.explanation.explanation_dto import PresentedSection


class ContentReviewDialog(QDialog):
    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._session, self._runner = services, session, runner
        self._files = ()
        self._review = None
        self._may_approve = False
        self.setWindowTitle(self.tr("Review and approve clinical content"))
        self.resize(1100, 720)
        self.files = QListWidget(self)
        self.files.setObjectName("contentFiles")
        self.files.setAccessibleName(self.tr("Content files"))
        self.heading = plain_label("", self, object_name="contentHeading")
        self.heading.setWordWrap(True)
        self.state = plain_label("", self, object_name="contentState")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rendered = QTextBrowser(self)
        self.rendered.setObjectName("contentRendered")
        self.diff = QPlainTextEdit(self)
        self.diff.setObjectName("contentDiff")
        self.diff.setReadOnly(True)
        self.diff.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)  # a paragraph is one long line
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.rendered, self.tr("As the reader will see it"))
        self.rendered.setAccessibleName(self.tabs.tabText(0))
        self.diff.setAccessibleName(self.tr("Changes"))
        self.tabs.addTab(self.diff, self.tr("Changes"))
        self.password = password_field(self, "approverPassword")
        self.password.setPlaceholderText(self.tr("Your password, to approve as yourself"))
        self.approve_button = QPushButton(self.tr("Approve exactly this text"), self)
        self.approve_button.setObjectName("approveButton")
        self.approve_hint = plain_label("", self, object_name="approveHint")
        self.approve_hint.setWordWrap(True)

        right = QWidget(self)
        column = QVBoxLayout(right)
        column.addWidget(self.heading)
        column.addWidget(self.state)
        column.addWidget(self.tabs, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Password:"), self))
        row.addWidget(self.password, 1)
        row.addWidget(self.approve_button)
        column.addLayout(row)
        column.addWidget(self.approve_hint)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.files)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 760])  # the list shows "follow-up schedule · all languages · 1.0.0" whole
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        close.rejected.connect(self.reject)
        self.files.currentRowChanged.connect(self._on_file_chosen)
        self.approve_button.clicked.connect(self._on_approve)
        self.password.returnPressed.connect(self._on_approve)
        self._show_approvable(False)

    # -- loading -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._runner.submit(partial(self._services.content.overview, self._session.actor), self._on_overview,
                            partial(show_service_error, self), label=self.tr("Reading the clinic's content…"))

    def _state_word(self, status: str) -> str:
        return {"approved": self.tr("approved"), "changed": self.tr("CHANGED since approved"),
                "not_approved": self.tr("not approved")}.get(status, status)

    def _kind_word(self, kind: str) -> str:
        return {"protocol": self.tr("eligibility protocol"), "explanation": self.tr("explanation"),
                "comprehension": self.tr("comprehension check"), "consent": self.tr("consent"),
                "withdrawal": self.tr("withdrawal form"), "schedule": self.tr("follow-up schedule")}.get(kind, kind)

    def _title(self, f) -> str:
        """A text's own title is in its language; the protocol's and the schedule's (in every language at once)
        are English in the file list, so they are named here in the screen's."""
        if f.kind == "protocol":
            return self.tr("Eligibility protocol %1").replace("%1", f.content_id)
        if f.kind == "schedule":
            return self.tr("Follow-up schedule %1").replace("%1", f.content_id)
        return f.title or f.path

    def _state_line(self, f) -> str:
        """The file's approval in the screen's language (the services' one-line English is for logs)."""
        when = datetime_text(f.approved_at) if f.approved_at else ""  # the clinic's time, as everywhere
        if f.problem:
            return self.tr("Cannot be loaded: %1").replace("%1", f.problem.splitlines()[0])
        if f.status == "approved":
            return self.tr("Approved by %1 on %2.").replace("%1", f.approver_name).replace("%2", when)
        if f.status == "changed":
            return (self.tr("Changed since its approval by %1 on %2, version %3 unchanged: the approval is void.")
                    .replace("%1", f.approver_name).replace("%2", when).replace("%3", f.version))
        if f.approved_version:
            return (self.tr("Not approved by the clinic; version %1 was approved by %2 on %3.")
                    .replace("%1", f.approved_version).replace("%2", f.approver_name).replace("%3", when))
        return self.tr("Not approved by the clinic.")

    def _on_overview(self, overview) -> None:
        keep = self.files.currentRow()
        self._files, self._may_approve = overview.files, overview.may_approve
        self.files.blockSignals(True)
        self.files.clear()
        for f in overview.files:
            mark = {"approved": "✓", "changed": "✗", "not_approved": "○"}.get(f.status, "?")
            language = self.tr("all languages") if f.language == "all" else language_label(f.language)
            item = QListWidgetItem(f"{mark} {self._kind_word(f.kind)} · {language} · {f.version or '?'}\n"
                                   f"   {self._state_word(f.status)}")
            item.setToolTip(f.path)
            self.files.addItem(item)
        self.files.blockSignals(False)
        if self._files:
            self.files.setCurrentRow(keep if 0 <= keep < len(self._files) else 0)
            self._on_file_chosen(self.files.currentRow())

    def _on_file_chosen(self, row: int) -> None:
        if not 0 <= row < len(self._files):
            return
        f = self._files[row]
        self.heading.setText(self.tr("%1 (%2, version %3)").replace("%1", self._title(f)).replace("%2", f.path)
                             .replace("%3", f.version or "?"))
        self.state.setText(f"{self._state_line(f)}\nSHA-256 {f.sha256}")
        self._review = None
        self.rendered.clear()
        self.diff.clear()
        self._show_approvable(False)
        if not self._may_approve:
            self.approve_hint.setText(self.tr("Only a urologist whom the admin named content approver can review "
                                              "the full text and approve it."))
            return
        self._runner.submit(partial(self._services.content.review, self._session.actor, f.kind, f.content_id,
                                    f.language, current_language()), self._on_review, partial(show_service_error, self),
                            label=self.tr("Opening the text…"))

    def _on_review(self, review) -> None:
        current = self._files[self.files.currentRow()] if 0 <= self.files.currentRow() < len(self._files) else None
        if current is None or (current.path, current.sha256) != (review.status.path, review.status.sha256):
            self.refresh()  # the file changed since the list was read
            return
        self._review = review
        # One document: each part's title as a heading, then its blocks, laid out like the patient presentation
        # (plain text only: nothing in a content file is interpreted as markup).
        blocks = tuple(b for part in review.sections
                       for b in (Block("heading", 0, spans=self._heading(part)), *part.blocks))
        fill_document(self.rendered, PresentedSection("review", review.status.title, blocks, ()))
        self.rendered.moveCursor(QTextCursor.MoveOperation.Start)
        self.rendered.ensureCursorVisible()
        self._fill_diff(review)
        needs = review.status.status != "approved" and not review.status.problem
        self._show_approvable(needs)
        if review.status.problem:
            self.approve_hint.setText(self.tr("This file cannot be loaded, so it cannot be approved: run forms lint."))
        elif review.status.status == "changed":
            self.approve_hint.setText(self.tr("Changed without a new version: the author gives it a new version "
                                              "before it can be approved."))
        elif needs:
            self.approve_hint.setText(self.tr("Approving records your name, the time and the SHA-256 above; any "
                                              "later change to the file voids the approval."))
        else:
            self.approve_hint.setText("")

    @staticmethod
    def _heading(part) -> tuple[Span, ...]:
        """A part's title; a protocol rule's is what it does to the verdict, in the screen's words, then its id
        (the reference the clinic's protocol and the printed annex use)."""
        if not part.outcome:
            return (Span(part.title, True),)
        return (Span(f"{outcome_label(part.outcome)} · {part.code}", True),)

    def _fill_diff(self, review) -> None:
        if not review.diff:
            self.tabs.setTabText(1, self.tr("Changes"))
            self.diff.setPlainText(self.tr("No earlier approved version to compare with.") if not
                                   review.previous_version else self.tr("No difference."))
            return
        self.tabs.setTabText(1, self.tr("Changes since approved version %1").replace("%1", review.previous_version))
        cursor = self.diff.textCursor()
        for line in review.diff:
            fmt = QTextCharFormat()
            if line.startswith("+") and not line.startswith("+++"):
                fmt.setBackground(surface("ok"))
            elif line.startswith("-") and not line.startswith("---"):
                fmt.setBackground(surface("error"))
            cursor.insertText(line + "\n", fmt)
        self.tabs.setCurrentIndex(1)

    def _show_approvable(self, shown: bool) -> None:
        self.password.setEnabled(shown)
        self.approve_button.setEnabled(shown)

    # -- approving -----------------------------------------------------------------------------------
    def _on_approve(self) -> None:
        review = self._review
        if review is None or not self.approve_button.isEnabled():
            return
        s = review.status
        password = self.password.text()
        self.password.clear()
        self._runner.submit(partial(self._services.content.approve, self._session.actor, s.kind, s.content_id,
                                    s.language, s.sha256, password), self._on_approved,
                            partial(show_service_error, self), label=self.tr("Approving…"))

    def _on_approved(self, status) -> None:
        self.approve_hint.setText(self.tr("Approved: %1").replace("%1", status.message))
        self.refresh()


def open_review(services, session, runner, parent: QWidget) -> ContentReviewDialog:
    dialog = ContentReviewDialog(services, session, runner, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.refresh()
    return dialog
