"""One section of the explanation as the patient reads it. The text is put into a QTextDocument through
QTextCursor.insertText, so it is always plain text (SEC-4): markup in content or a patient's data is
shown as typed, never interpreted. Bold spans get a bold character format."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextListFormat
from PySide6.QtWidgets import QFrame, QTextBrowser, QVBoxLayout, QWidget

from exoconsult.gui.explanation import style
from exoconsult.gui.widgets import plain_label
from exoconsult.services.explanation.explanation_dto import PresentedSection

LINE_HEIGHT_PERCENT = 135


def _char(bold: bool = False, point_size: float = style.BODY_PT) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontPointSize(point_size)
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    return fmt


def _block(space_after: float = 18.0, space_before: float = 0.0) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    fmt.setBottomMargin(space_after)
    fmt.setTopMargin(space_before)
    return fmt


def _insert_spans(cursor: QTextCursor, spans) -> None:
    for span in spans:
        cursor.insertText(span.text, _char(span.bold))


def fill_document(browser: QTextBrowser, section: PresentedSection) -> None:
    """Write the section's blocks, then (section 1) the lines generated from the patient's results."""
    browser.clear()
    font = QFont(browser.font())
    font.setPointSize(style.BODY_PT)
    browser.document().setDefaultFont(font)  # list bullets take the block's font, not the spans'
    cursor = QTextCursor(browser.document())
    first = True

    def new_block(fmt: QTextBlockFormat) -> None:
        nonlocal first
        if first:
            cursor.setBlockFormat(fmt)
            first = False
        else:
            cursor.insertBlock(fmt)

    def bullets(items) -> None:
        list_format = QTextListFormat()
        list_format.setStyle(QTextListFormat.Style.ListDisc)
        list_format.setIndent(1)
        text_list = None
        for item in items:
            new_block(_block(space_after=12.0))
            if text_list is None:
                text_list = cursor.createList(list_format)
            else:
                text_list.add(cursor.block())
            _insert_spans(cursor, item)

    for block in section.blocks:
        if block.kind == "heading":
            new_block(_block(space_after=10.0, space_before=10.0))
            for span in block.spans:
                cursor.insertText(span.text, _char(True, style.BODY_PT + 2))
        elif block.kind == "bullets":
            bullets(block.items)
        else:
            new_block(_block())
            _insert_spans(cursor, block.spans)
    if section.generated:
        bullets([(_Line(line),) for line in section.generated])
    browser.verticalScrollBar().setValue(0)


class _Line:
    """A generated sentence shaped like a content span (plain, not bold)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.bold = False


class SectionView(QWidget):
    """The section title and its text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = plain_label("", self, object_name="sectionTitle")
        self.title.setWordWrap(True)
        self.body = QTextBrowser(self)
        self.body.setObjectName("sectionBody")
        self.body.setOpenLinks(False)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the window's arrow keys turn pages
        self.body.document().setDocumentMargin(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.title)
        layout.addSpacing(8)
        layout.addWidget(self.body, 1)

    def show_section(self, section: PresentedSection, position_text: str) -> None:
        self.setAccessibleDescription(position_text)  # the window's pager shows "Part n of 11"
        self.title.setText(section.title)
        fill_document(self.body, section)

    def scroll_by_page(self, pages: int) -> None:
        bar = self.body.verticalScrollBar()
        bar.setValue(bar.value() + pages * bar.pageStep())

    def text(self) -> str:
        return self.body.toPlainText()
