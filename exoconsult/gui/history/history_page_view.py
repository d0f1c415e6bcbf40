"""Layout of the history stage (no behaviour): banner, header with status and case actions, section
navigator on the left, one scrollable page per section on the right. Widgets are public so the
controller (history_page.py) and tests can reach them.

A section's page is built the first time it is shown or asked for (`page(index)`), not when the stage
opens: building every section's questions took most of the time of opening a patient (issue 22), and
a consultation usually looks at a few sections. `build`'s `on_page_built(page)` lets the controller
fill a new page with what it holds before anyone sees it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain.questionnaire import Questionnaire, Section
from exoconsult.gui.history.group_editor import GroupEditor
from exoconsult.gui.history.questionnaire_form import QuestionnaireForm
from exoconsult.gui.history.section_navigator import SectionNavigator
from exoconsult.gui.history.texts import pick, t
from exoconsult.gui.tones import box, ink


def _plain_label(parent: QWidget, text: str = "", *, object_name: str = "") -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    if object_name:
        label.setObjectName(object_name)
    return label


class SectionPage(QScrollArea):
    """One section: its title, a read-only note when the role may not edit it, and the form/table."""

    def __init__(self, section: Section, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the section list to the first question
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        self.title_label = _plain_label(body, pick(section.title, lang), object_name="sectionTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)
        if section.help:
            intro = _plain_label(body, pick(section.help, lang))
            intro.setWordWrap(True)
            intro.setStyleSheet(ink("muted"))
            layout.addWidget(intro)
        self.read_only_label = _plain_label(body, t("read_only_banner"), object_name="readOnlyNote")
        self.read_only_label.setStyleSheet(box("neutral", "QLabel#readOnlyNote", "padding: 6px; border-radius: 3px;"))
        self.read_only_label.hide()
        layout.addWidget(self.read_only_label)
        self.form: QuestionnaireForm | None = None
        self.group_editor: GroupEditor | None = None
        if section.repeat:
            self.group_editor = GroupEditor(section, lang, body)
            layout.addWidget(self.group_editor, 1)
        else:
            self.form = QuestionnaireForm(section, lang, body)
            layout.addWidget(self.form)
            layout.addStretch(1)
        self.setWidget(body)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only_label.setVisible(read_only)
        if self.form is not None:
            self.form.set_read_only(read_only)
        if self.group_editor is not None:
            self.group_editor.set_read_only(read_only)


class HistoryPageView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        self.sections: tuple[Section, ...] = ()
        self._pages: dict[int, SectionPage] = {}  # by section index, built on demand
        self._on_page_built: Callable[[SectionPage], None] | None = None
        self.banner = QFrame(self)
        self.banner.setObjectName("draftBanner")
        self.banner.setStyleSheet(box("warning", "#draftBanner", "border-radius: 3px;"))
        self.banner_label = _plain_label(self.banner, object_name="draftBannerText")
        self.banner_label.setWordWrap(True)
        self.discard_button = QPushButton(self.banner)
        self.discard_button.setObjectName("discardDraft")
        self.dismiss_button = QPushButton(self.banner)
        self.dismiss_button.setObjectName("saveRestored")
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(10, 6, 10, 6)
        banner_row.addWidget(self.banner_label, 1)
        banner_row.addWidget(self.discard_button)
        banner_row.addWidget(self.dismiss_button)
        self.banner.hide()

        self.title_label = _plain_label(self, object_name="historyTitle")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.status_label = _plain_label(self, object_name="saveStatus")
        self.status_label.setStyleSheet(ink("muted"))
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportCase")
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importCase")
        for button in (self.export_button, self.import_button, self.discard_button, self.dismiss_button):
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keyboard users go field to field
        header = QHBoxLayout()
        header.addWidget(self.title_label)
        header.addStretch(1)
        header.addWidget(self.status_label)
        header.addSpacing(12)
        header.addWidget(self.export_button)
        header.addWidget(self.import_button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.stack = QStackedWidget(self.splitter)
        self.navigator: SectionNavigator | None = None
        self.error_label = _plain_label(self, object_name="loadError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ink("error"))
        self.error_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.banner)
        layout.addLayout(header)
        layout.addWidget(self.error_label)
        layout.addWidget(self.splitter, 1)

    def build(self, questionnaire: Questionnaire, lang: str, on_page_built: Callable[[SectionPage], None]) -> None:
        """The navigator and the first section's page, once the questionnaire is loaded."""
        self.lang = lang
        self._on_page_built = on_page_built
        self.sections = questionnaire.sections
        self.title_label.setText(pick(questionnaire.title, lang))
        self.export_button.setText(t("export_case"))
        self.import_button.setText(t("import_case"))
        self.discard_button.setText(t("discard_draft"))
        self.dismiss_button.setText(t("dismiss"))
        self.navigator = SectionNavigator(questionnaire.sections, lang, self.splitter)
        self.splitter.insertWidget(0, self.navigator)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([self.navigator.minimumWidth(), 900])  # the rest for the analyses' columns
        self.navigator.section_chosen.connect(self.show_page)
        self.navigator.setCurrentRow(0)

    def page(self, index: int) -> SectionPage:
        """The page of section `index`, built (and handed to `on_page_built`) on first use."""
        page = self._pages.get(index)
        if page is None:
            page = SectionPage(self.sections[index], self.lang, self.stack)
            self._pages[index] = page
            self.stack.addWidget(page)
            if self._on_page_built is not None:
                self._on_page_built(page)
        return page

    def show_page(self, index: int) -> None:
        self.stack.setCurrentWidget(self.page(index))

    def built_pages(self) -> list[tuple[int, SectionPage]]:
        """(section index, page) of the pages built so far: the only ones that show anything."""
        return sorted(self._pages.items())
