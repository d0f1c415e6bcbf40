"""The presentation window's look: large, calm type on a warm white page, one quiet accent colour.
Sizes are in points so the window reads the same on a 24-inch monitor and a tablet."""

from __future__ import annotations

BODY_PT = 22
TITLE_PT = 30
SMALL_PT = 16
PAGE = "#fbfaf7"
INK = "#1f2933"
MUTED = "#52606d"
ACCENT = "#2f5d62"
ACCENT_SOFT = "#e6efef"
WRONG_SOFT = "#f6ede4"
WRONG_INK = "#7a3e00"

WINDOW_SHEET = f"""
#presentationWindow {{ background: {PAGE}; }}
#presentationWindow QLabel {{ color: {INK}; }}
#presentationWindow QLabel#muted {{ color: {MUTED}; font-size: {SMALL_PT}pt; }}
#presentationWindow QLabel#sectionTitle, #presentationWindow QLabel#quizTitle {{
    font-size: {TITLE_PT}pt; font-weight: 600; color: {ACCENT}; }}
#presentationWindow QTextBrowser {{ background: transparent; border: none; color: {INK}; }}
#presentationWindow QScrollBar:vertical {{ background: transparent; width: 10px; margin: 0; }}
#presentationWindow QScrollBar::handle:vertical {{ background: #c5ccd3; border-radius: 5px; min-height: 40px; }}
#presentationWindow QScrollBar::add-line:vertical, #presentationWindow QScrollBar::sub-line:vertical {{ height: 0; }}
#presentationWindow QScrollBar::add-page:vertical, #presentationWindow QScrollBar::sub-page:vertical {{
    background: transparent; }}
#presentationWindow QPushButton#navButton, #presentationWindow QPushButton#continueButton {{
    font-size: {SMALL_PT + 2}pt; padding: 12px 28px; min-width: 160px; border-radius: 10px;
    border: 2px solid {ACCENT}; background: {PAGE}; color: {ACCENT}; }}
#presentationWindow QPushButton#navButton:disabled {{ border-color: #cbd2d9; color: #9aa5b1; }}
#presentationWindow QPushButton#continueButton {{ background: {ACCENT}; color: white; }}
#presentationWindow QPushButton#optionButton {{
    text-align: left; padding: 0px; border-radius: 12px; border: 2px solid #9fb3b5; background: white; }}
#presentationWindow QPushButton#optionButton:hover {{ border-color: {ACCENT}; background: {ACCENT_SOFT}; }}
#presentationWindow QPushButton#optionButton:pressed {{ background: {ACCENT_SOFT}; }}
#presentationWindow QFrame#feedbackBox {{ background: {WRONG_SOFT}; border-radius: 14px; }}
#presentationWindow QFrame#answerBox {{ background: white; border: 2px solid {ACCENT}; border-radius: 12px; }}
#presentationWindow QFrame#completeBox {{ background: {ACCENT_SOFT}; border-radius: 16px; }}
"""
