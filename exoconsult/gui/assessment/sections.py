"""The parts of the assessment screen below the banner: fired rules grouped by outcome, missing fields
as links to the history, derived values, and the list of earlier assessments. All text is shown as
plain text; the only rich text is the missing-field links, whose visible text is escaped."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain import eligibility_words
from exoconsult.domain.document_words import DocumentWords
from exoconsult.gui.labels import decision_label, outcome_label, verdict_label
from exoconsult.gui.local_format import clinic_time_zone_name, datetime_text
from exoconsult.gui.tones import ink, tone
from exoconsult.gui.ui_language import current_language
from exoconsult.gui.widgets import plain_label
from exoconsult.services.assessment.assessment_dto import AssessmentDTO, FiredRuleDTO

# outcome -> marker shown before each rule so the grouping does not rely on colour
MARKERS = {"ineligible": "✕", "needs_review": "!", "caution": "•"}


def heading(text: str, parent: QWidget) -> QLabel:
    label = plain_label(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()  # deleteLater runs later: hide now so old and new content never overlap
            widget.setParent(None)
            widget.deleteLater()


class FiredRulesView(QWidget):
    """Rules that applied, grouped ineligible → needs review → caution, each headed by its reason, with its
    action, source and (small) rule code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firedRules")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.group_titles: list[str] = []

    def show_rules(self, groups: dict[str, tuple[FiredRuleDTO, ...]]) -> None:
        _clear(self._layout)
        self.group_titles = []
        if not groups:
            self._layout.addWidget(plain_label(self.tr("No rule applied."), self))
            return
        for outcome, rules in groups.items():
            title, marker = outcome_label(outcome), MARKERS.get(outcome, "•")
            self.group_titles.append(title)
            self._layout.addWidget(heading(f"{title} — {len(rules)}", self))
            for rule in rules:
                self._layout.addWidget(self._card(rule, marker))

    def _card(self, rule: FiredRuleDTO, marker: str) -> QFrame:
        lang = current_language()  # the protocol words each rule in every language
        card = QFrame(self)
        card.setObjectName(f"rule_{rule.rule}")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(card)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(10)
        # Headed by what the rule found, in words (its group heading says what that does to the verdict); its id
        # stays as a small code: the reference the clinic's protocol and the printed annex's Rule column use.
        title = plain_label(f"{marker}  {rule.reason_in(lang)}", card, object_name="ruleReason")
        title.setWordWrap(True)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        code = plain_label(rule.rule, card, object_name="ruleCode")
        code.setStyleSheet(ink("muted"))
        code.setToolTip(self.tr("The rule's code in the clinic's protocol and on the printed assessment"))
        grid.addWidget(title, 0, 0, 1, 2)
        grid.addWidget(code, 0, 2, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        for row, (label, value) in enumerate(((self.tr("Action"), rule.action_in(lang)),
                                              (self.tr("Source"), rule.source)), start=1):
            key = plain_label(label, card)
            key.setStyleSheet(ink("muted"))
            text = plain_label(value, card)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(key, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        return card


class MissingFieldsView(QWidget):
    """Each missing field as a link; activating it asks to open that question in the history."""

    jump_to_field = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missingFields")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.links: list[QLabel] = []

    def show_missing(self, assessment: AssessmentDTO) -> None:
        _clear(self._layout)
        self.links = []
        lang = current_language()  # the questionnaire labels every field in every language
        for m in assessment.missing:
            link = QLabel(self)
            link.setObjectName(f"missing_{m.field}")
            link.setTextFormat(Qt.TextFormat.RichText)
            link.setWordWrap(True)
            link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                         | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
            needed = html.escape(", ".join(m.needed_by))
            # the engine's generic message only repeats the rule ids; an action ("order a karyotype") is worth showing
            message = "" if any(rule in m.message for rule in m.needed_by) else m.message_in(lang)
            section = m.section_in(lang)
            link.setText(f'<a href="{html.escape(m.field, quote=True)}">{html.escape(m.label_in(lang))}</a>'
                         + (f' <span style="color:{tone("muted").name()}">({html.escape(section)})</span>'
                            if section and section != m.label_in(lang) else "")
                         + " — " + self.tr("needed by %1").replace("%1", needed)
                         + (f"<br/>{html.escape(message)}" if message else ""))
            link.setToolTip(self.tr("Open this question in the history"))
            link.linkActivated.connect(self.jump_to_field)
            self.links.append(link)
            self._layout.addWidget(link)


class DerivedValuesView(QTableWidget):
    """Derived values in two label/value column pairs, so the list stays short."""

    PAIRS = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2 * self.PAIRS, parent)
        self.setObjectName("derivedValues")
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        for col in range(2 * self.PAIRS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents if col % 2 == 0
                                        else QHeaderView.ResizeMode.Stretch)
        self.values: dict[str, str] = {}

    def show_values(self, derived: dict, words: DocumentWords | None) -> None:
        """`words`: the clinic's catalogue in the screen language (AssessmentService.derived_words)."""
        rows = eligibility_words.derived_rows(derived, words) if words is not None else ()
        self.values = dict(rows)
        per_column = (len(rows) + self.PAIRS - 1) // self.PAIRS
        self.clearContents()
        self.setRowCount(per_column)
        for n, (label, value) in enumerate(rows):
            row, pair = n % per_column, n // per_column
            name = QTableWidgetItem(label)
            name.setForeground(tone("muted"))
            self.setItem(row, 2 * pair, name)
            self.setItem(row, 2 * pair + 1, QTableWidgetItem(value))
        self.resizeRowsToContents()
        self.setFixedHeight(sum(self.rowHeight(r) for r in range(per_column)) + 4)


def status_text(a: AssessmentDTO, newest: bool) -> str:
    parts = []
    if a.stale:
        parts.append(QCoreApplication.translate("EarlierAssessmentsView", "STALE"))
    elif newest:
        parts.append(QCoreApplication.translate("EarlierAssessmentsView", "current"))
    if a.resolution is not None:
        parts.append(QCoreApplication.translate("EarlierAssessmentsView", "resolved: %1").replace(
            "%1", decision_label(a.resolution.decision)))
    if a.kind == "reassess":
        parts.append(QCoreApplication.translate("EarlierAssessmentsView", "re-assessed after protocol change"))
    return ", ".join(parts)


class EarlierAssessmentsView(QTableWidget):
    """Every assessment of the patient, newest first; choosing a row shows that one above."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("earlierAssessments")
        self.setHorizontalHeaderLabels([self.tr("Run at (%1)").replace("%1", clinic_time_zone_name()), self.tr("Verdict"), self.tr("Protocol"),
                                        self.tr("By"), self.tr("Status")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.horizontalHeader().setStretchLastSection(True)
        self.ids: list[int] = []

    def show_assessments(self, assessments: tuple[AssessmentDTO, ...], shown_id: int | None) -> None:
        self.blockSignals(True)
        self.setRowCount(len(assessments))
        self.ids = [a.id for a in assessments]
        for n, a in enumerate(assessments):
            cells = (datetime_text(a.run_at), verdict_label(a.verdict),
                     f"{a.protocol.id} {a.protocol.version} · {a.protocol.sha256[:12]}", a.run_by,
                     status_text(a, n == 0))
            for col, text in enumerate(cells):
                self.setItem(n, col, QTableWidgetItem(text))
            if a.id == shown_id:
                self.selectRow(n)
        self.resizeColumnsToContents()
        self.horizontalHeader().setStretchLastSection(True)
        rows = sum(self.rowHeight(r) for r in range(min(len(assessments), 6)))
        self.setFixedHeight(self.horizontalHeader().height() + rows + 6)
        self.blockSignals(False)

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return self.ids[rows[0].row()] if rows else None
