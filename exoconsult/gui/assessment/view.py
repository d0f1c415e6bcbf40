"""The Assessment stage: the verdict banner, the protocol in use (id, version, sha256, approval), fired
rules by outcome, missing fields as links into the history, derived values, earlier assessments, and the
actions (run, resolve a review, export the summary PDF). A thin view over AssessmentController."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui import widgets
from exoconsult.gui.assessment.banner import VerdictBanner
from exoconsult.gui.assessment.controller import AssessmentController, ScreenData
from exoconsult.gui.assessment.resolve_dialog import ResolveDialog
from exoconsult.gui.assessment.sections import (
    DerivedValuesView,
    EarlierAssessmentsView,
    FiredRulesView,
    MissingFieldsView,
    heading,
)
from exoconsult.gui.labels import decision_label, verdict_title
from exoconsult.gui.local_format import datetime_text, iso_date_text
from exoconsult.gui.tones import ink
from exoconsult.gui.ui_language import current_language
from exoconsult.gui.widgets import inform, plain_label, show_service_error
from exoconsult.services.assessment.assessment_dto import AssessmentDTO, ProtocolInfo
from exoconsult.services.core.changes import Changes, Part
from exoconsult.services.core.permissions import Permission


def banner_texts(a: AssessmentDTO | None, can_run: bool) -> tuple[str, str, str, str]:
    """(verdict key, title, sentence, stale line) for the banner, in the interface language."""
    if a is None:
        hint = (QCoreApplication.translate("AssessmentPage", "Run the assessment when the history is complete.")
                if can_run else
                QCoreApplication.translate("AssessmentPage",
                                           "A urologist runs the assessment when the history is complete."))
        return "none", QCoreApplication.translate("AssessmentPage", "NOT ASSESSED YET"), hint, ""
    title = verdict_title(a.verdict)
    rules = ", ".join(f.rule for f in a.fired if f.outcome == a.verdict)
    cautions = sum(1 for f in a.fired if f.outcome == "caution")
    if a.verdict == "eligible":
        detail = QCoreApplication.translate("AssessmentPage", "No rule stops this patient.")
        if cautions:
            detail += " " + QCoreApplication.translate("AssessmentPage", "%1 caution(s) to discuss.").replace(
                "%1", str(cautions))
    elif a.verdict == "needs_review" and a.resolution is not None:
        title += QCoreApplication.translate("AssessmentPage", " — RESOLVED: %1").replace(
            "%1", QLocale(current_language()).toUpper(decision_label(a.resolution.decision)))
        detail = (QCoreApplication.translate("AssessmentPage", "%1 decided on %2: %3")
                  .replace("%1", a.resolution.resolved_by)
                  .replace("%2", datetime_text(a.resolution.resolved_at)).replace("%3", a.resolution.reason))
    elif a.verdict == "needs_review":
        detail = QCoreApplication.translate(
            "AssessmentPage", "A urologist must decide whether to proceed, with a written reason (%1).").replace(
            "%1", rules)
    elif a.verdict == "ineligible":
        detail = QCoreApplication.translate(
            "AssessmentPage", "A hard stop applies (%1). It cannot be overridden: the data must change.").replace(
            "%1", rules)
    else:
        detail = QCoreApplication.translate(
            "AssessmentPage", "%1 field(s) missing. Complete the history and run the assessment again; it cannot "
            "be overridden.").replace("%1", str(len(a.missing)))
    if not a.stale:
        return a.verdict, title, detail, ""
    # a stale verdict must not look like a current one: its own shape and colour, and the word first
    return "stale", QCoreApplication.translate("AssessmentPage", "STALE — was %1").replace("%1", title), detail, (
        QCoreApplication.translate("AssessmentPage", "The history changed after this assessment. It cannot lead to "
                                   "a consent; run the assessment again."))


class AssessmentPage(QWidget):
    """The page registered as the workspace's "Assessment" stage."""

    jump_to_field = Signal(str)  # a case-format field id (or group name) the history screen should show

    def __init__(self, service, session, runner, patient_id: int, parent: QWidget | None = None, *,
                 mrn: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("assessmentPage")
        self.session = session
        self.mrn = mrn  # names the exported file
        self.controller = AssessmentController(service, session, runner, patient_id, self)
        self.shown: AssessmentDTO | None = None
        self._pinned_id: int | None = None  # an earlier assessment chosen in the list

        self.run_button = QPushButton(self.tr("Run assessment"), self)
        self.run_button.setObjectName("runAssessment")
        self.resolve_button = QPushButton(self.tr("Resolve review…"), self)
        self.resolve_button.setObjectName("resolveReview")
        self.export_button = QPushButton(self.tr("Export summary (PDF)…"), self)
        self.export_button.setObjectName("exportSummary")
        actions = QHBoxLayout()
        actions.addWidget(self.run_button)
        actions.addWidget(self.resolve_button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)

        self.banner = VerdictBanner(self)
        self.run_line = plain_label("", self, object_name="runLine")
        self.protocol_line = plain_label("", self, object_name="protocolLine")
        self.protocol_line.setWordWrap(True)
        self.protocol_sha = plain_label("", self, object_name="protocolSha")
        self.protocol_sha.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.approval_line = plain_label("", self, object_name="approvalLine")
        self.approval_line.setWordWrap(True)
        for label in (self.run_line, self.protocol_line, self.protocol_sha, self.approval_line):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.protocol_note = plain_label("", self, object_name="protocolNote")
        self.protocol_note.setWordWrap(True)
        self.protocol_note.setStyleSheet(ink("error", "font-weight: bold;"))

        self.fired = FiredRulesView(self)
        self.missing = MissingFieldsView(self)
        self.derived = DerivedValuesView(self)
        self.earlier = EarlierAssessmentsView(self)
        self.missing_heading = heading(self.tr("Missing information"), self)
        self.fired_heading = heading(self.tr("Rules that applied"), self)

        body = QWidget(self)
        body.setObjectName("assessmentBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(8)
        for widget in (self.missing_heading, self.missing, self.fired_heading, self.fired,
                       heading(self.tr("Derived values"), body), self.derived,
                       heading(self.tr("Earlier assessments"), body), self.earlier):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        facts = QFrame(self)
        facts.setObjectName("assessmentFacts")
        facts.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(facts)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for row, (name, value) in enumerate(((self.tr("Assessed"), self.run_line),
                                             (self.tr("Protocol"), self.protocol_line),
                                             (self.tr("SHA-256"), self.protocol_sha),
                                             (self.tr("Approval"), self.approval_line))):
            key = plain_label(name, facts)
            key.setStyleSheet(ink("muted"))
            grid.addWidget(key, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
        grid.addWidget(self.protocol_note, 4, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addLayout(actions)
        layout.addWidget(self.banner)
        layout.addWidget(facts)
        layout.addWidget(scroll, 1)

        self.run_button.clicked.connect(self._on_run_clicked)
        self.resolve_button.clicked.connect(self._on_resolve_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.earlier.itemSelectionChanged.connect(self._on_history_row_chosen)
        self.missing.jump_to_field.connect(self.jump_to_field)
        self.controller.loaded.connect(self._on_loaded)
        self.controller.failed.connect(self._on_failed)
        self.controller.exported.connect(self._on_exported)
        self.controller.busy_changed.connect(self._on_busy)
        self._render(None)
        self.controller.refresh()

    def on_changes(self, changes: Changes) -> None:
        """A history edit makes the assessment stale; a run or resolution elsewhere changes the newest."""
        if changes.touches(Part.HISTORY, Part.ASSESSMENT, Part.PATIENT, patient_id=self.controller.patient_id):
            self.controller.refresh()

    # --- what is shown -----------------------------------------------------------------------------

    def _newest(self) -> AssessmentDTO | None:
        data = self.controller.data
        return data.assessments[0] if data and data.assessments else None

    def _on_loaded(self, data: ScreenData) -> None:
        by_id = {a.id: a for a in data.assessments}
        # a refresh keeps an earlier assessment the user chose; a run or a resolution shows the newest
        chosen = by_id.get(self._pinned_id) if self._pinned_id is not None else None
        self._render(chosen or (data.assessments[0] if data.assessments else None))

    def _render(self, a: AssessmentDTO | None) -> None:
        self.shown = a
        data = self.controller.data
        verdict, title, detail, stale = banner_texts(a, self.session.can(Permission.ASSESSMENT_RUN))
        if a is not None and self._newest() is not None and a.id != self._newest().id:
            title = self.tr("%1  (earlier assessment)").replace("%1", title)
        self.banner.show_verdict(verdict, title, detail, stale)
        self._show_protocol(a, data.protocol if data else None)
        self.missing_heading.setVisible(bool(a and a.missing))
        self.missing.setVisible(bool(a and a.missing))
        if a is not None:
            self.missing.show_missing(a)
            self.fired.show_rules(a.fired_by_outcome())
            self.derived.show_values(dict(a.derived), data.words if data else None)
        else:
            self.fired.show_rules({})
            self.derived.show_values({}, None)
        self.fired_heading.setVisible(a is not None)
        self.fired.setVisible(a is not None)
        self.earlier.show_assessments(data.assessments if data else (), a.id if a else None)
        self._update_actions()

    def _show_protocol(self, a: AssessmentDTO | None, in_force: ProtocolInfo | None) -> None:
        p = a.protocol if a is not None else in_force
        if a is not None:
            self.run_line.setText(self.tr("%1 by %2 (history version %3)")
                                  .replace("%1", datetime_text(a.run_at)).replace("%2", a.run_by)
                                  .replace("%3", str(a.history_version)))
        else:
            self.run_line.setText(self.tr("not yet"))
        self.protocol_line.setText(self.tr("%1 version %2").replace("%1", p.id).replace("%2", p.version)
                                   if p else "")
        self.protocol_sha.setText(p.sha256 if p else "")
        if p is not None and not p.approved_by.strip():
            self.approval_line.setText(self.tr("protocol not approved by the clinic: cannot lead to a consent"))
        else:
            self.approval_line.setText(self.tr("%1 by %2").replace("%1", iso_date_text(p.approved_on)).replace("%2", p.approved_by)
                                       if p else "")
        changed = a is not None and in_force is not None and in_force.sha256 != a.protocol.sha256
        self.protocol_note.setText(self.tr("The protocol has changed since this assessment (now version %1, "
                                           "SHA-256 %2…). Run the assessment again to apply it.")
                                   .replace("%1", in_force.version).replace("%2", in_force.sha256[:12])
                                   if changed else "")
        self.protocol_note.setVisible(changed)

    def _update_actions(self, busy: bool = False) -> None:
        can_run = self.session.can(Permission.ASSESSMENT_RUN)
        can_resolve = self.session.can(Permission.ASSESSMENT_RESOLVE)
        newest = self._newest()
        self.run_button.setVisible(can_run)
        self.run_button.setEnabled(not busy)
        self.run_button.setText(self.tr("Run assessment again") if newest else self.tr("Run assessment"))
        shown = self.shown
        resolvable = bool(shown and newest and shown.id == newest.id and shown.resolvable)
        self.resolve_button.setVisible(can_resolve and resolvable)
        self.resolve_button.setEnabled(not busy)
        self.export_button.setEnabled(shown is not None and not busy)

    # --- actions -----------------------------------------------------------------------------------

    def _on_busy(self, busy: bool) -> None:
        self._update_actions(busy)

    def _on_run_clicked(self) -> None:
        self._pinned_id = None
        self.controller.run()

    def _on_history_row_chosen(self) -> None:
        data = self.controller.data
        chosen = self.earlier.selected_id()
        if data is None or chosen is None or (self.shown is not None and chosen == self.shown.id):
            return
        self._pinned_id = None if chosen == data.assessments[0].id else chosen
        self._render(next(a for a in data.assessments if a.id == chosen))

    def _on_resolve_clicked(self) -> None:
        if self.shown is None or not self.shown.resolvable:
            return
        dialog = ResolveDialog(self.shown, self)
        answer = widgets.exec_dialog(dialog)
        if getattr(answer, "value", answer) != ResolveDialog.DialogCode.Accepted.value:
            return
        self._pinned_id = None
        self.controller.resolve(self.shown.id, dialog.decision(), dialog.reason_text())

    def _on_export_clicked(self) -> None:
        if self.shown is None:
            return
        name = "-".join(x for x in (self.tr("assessment-summary"), self.mrn, self.shown.assessed_on.isoformat()) if x)
        suggested = widgets.documents_path(f"{name}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export summary (PDF)"), suggested,
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        if self.shown is not None:
            self.controller.export_pdf(self.shown.id, path if path.lower().endswith(".pdf") else path + ".pdf")

    def _on_exported(self, path: str) -> None:
        inform(self, self.tr("Summary exported"), self.tr("The summary was saved as %1.").replace("%1", path))

    def _on_failed(self, error: BaseException) -> None:
        show_service_error(self, error)
