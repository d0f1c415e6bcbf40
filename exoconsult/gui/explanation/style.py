"""The presentation window's look: large, calm type on the palette's page colour, one quiet accent colour.
Sizes are in points so the window reads the same on a 24-inch monitor and a tablet. Colours come from the
application palette (gui/tones.py), so a high-contrast palette reaches the patient's window too."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from exoconsult.gui.tones import mix, palette, tone

BODY_PT = 22
TITLE_PT = 30
SMALL_PT = 16


def page() -> QColor:
    return palette().color(QPalette.ColorRole.Base)


def ink() -> QColor:
    return palette().color(QPalette.ColorRole.Text)


def accent() -> str:
    return tone("accent", page()).name()


def wrong_soft() -> QColor:
    return mix(page(), tone("warning", page()), 0.10)


def wrong_ink() -> str:
    return tone("warning", wrong_soft()).name()


def window_sheet() -> str:
    paper, text, strong = page(), ink(), tone("accent", page())
    soft = mix(paper, strong, 0.10).name()
    quiet = mix(paper, text, 0.30).name()
    return f"""
#presentationWindow {{ background: {paper.name()}; }}
#presentationWindow QLabel {{ color: {text.name()}; }}
#presentationWindow QLabel#muted {{ color: {tone("muted", paper).name()}; font-size: {SMALL_PT}pt; }}
#presentationWindow QLabel#sectionTitle, #presentationWindow QLabel#quizTitle {{
    font-size: {TITLE_PT}pt; font-weight: 600; color: {strong.name()}; }}
#presentationWindow QTextBrowser {{ background: transparent; border: none; color: {text.name()}; }}
#presentationWindow QScrollBar:vertical {{ background: transparent; width: 10px; margin: 0; }}
#presentationWindow QScrollBar::handle:vertical {{ background: {quiet}; border-radius: 5px; min-height: 40px; }}
#presentationWindow QScrollBar::add-line:vertical, #presentationWindow QScrollBar::sub-line:vertical {{ height: 0; }}
#presentationWindow QScrollBar::add-page:vertical, #presentationWindow QScrollBar::sub-page:vertical {{
    background: transparent; }}
#presentationWindow QPushButton#navButton, #presentationWindow QPushButton#continueButton {{
    font-size: {SMALL_PT + 2}pt; padding: 12px 28px; min-width: 160px; border-radius: 10px;
    border: 2px solid {strong.name()}; background: {paper.name()}; color: {strong.name()}; }}
#presentationWindow QPushButton#navButton:disabled {{ border-color: {quiet}; color: {mix(paper, text, 0.5).name()}; }}
#presentationWindow QPushButton#continueButton {{ background: {strong.name()}; color: {paper.name()}; }}
#presentationWindow QPushButton#optionButton {{
    text-align: left; padding: 0px; border-radius: 12px; border: 2px solid {quiet}; background: {paper.name()}; }}
#presentationWindow QPushButton#optionButton:hover {{ border-color: {strong.name()}; background: {soft}; }}
#presentationWindow QPushButton#optionButton:pressed {{ background: {soft}; }}
#presentationWindow QFrame#feedbackBox {{ background: {wrong_soft().name()}; border-radius: 14px; }}
#presentationWindow QFrame#answerBox {{ background: {paper.name()}; border: 2px solid {strong.name()}; border-radius: 12px; }}
#presentationWindow QFrame#completeBox {{ background: {soft}; border-radius: 16px; }}
"""
