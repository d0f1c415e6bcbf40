"""The screens follow the system's palette (dark, high contrast): no colour is written into a screen's code.
Colours come from exoconsult/gui/tones.py, which derives them from the application palette. A hex colour,
a named colour in a style sheet or a QColor built from a literal anywhere else in the GUI fails here."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "exoconsult" / "gui"
CENTRAL = GUI / "tones.py"

HEX = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b")
# a style-sheet (or HTML style) declaration of a colour property, and what its value may hold: palette roles,
# values put in with {...} from tones.py, and the words and sizes of a border
DECLARATION = re.compile(r"(?<![-\w])((?:alternate-)?background(?:-color)?|(?:selection-)?(?:background-)?color|"
                         r"border(?:-[a-z]+)*|gridline-color|outline)\s*:\s*([^;{}\"'>]*(?:\{[^}]*\}[^;{}\"'>]*)*)", re.I)
ALLOWED_VALUE = re.compile(r"palette\([\w-]+\)|\{[^}]*\}|\b(?:transparent|none|solid|dashed|dotted|double)\b|"
                           r"-?\d+(?:\.\d+)?(?:px|pt|em|%)?|\s+", re.I)
QCOLOR_LITERAL = re.compile(r"QColor\(\s*(?:[\"'0-9]|Qt\.)|Qt\.GlobalColor\.|QColorConstants")


def writes_a_colour(text: str) -> bool:
    if HEX.search(text):
        return True
    for _prop, value in DECLARATION.findall(text):
        if ALLOWED_VALUE.sub("", value).strip():
            return True
    return False


def fixed_colour_lines(source: str) -> list[int]:
    """Lines of `source` that write a colour out (in a string, or as a QColor literal); comments do not count."""
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.STRING:
            continue
        if writes_a_colour(token.string):
            found.append(token.start[0])
    for number, line in enumerate(source.splitlines(), 1):
        if QCOLOR_LITERAL.search(line.split("#", 1)[0]):
            found.append(number)
    return sorted(set(found))


def test_no_screen_writes_a_colour_of_its_own():
    offenders = [f"{path.relative_to(GUI.parent.parent)}:{line}"
                 for path in sorted(GUI.rglob("*.py")) if path != CENTRAL
                 for line in fixed_colour_lines(path.read_text(encoding="utf-8"))]
    assert offenders == [], "fixed colours outside gui/tones.py:\n" + "\n".join(offenders)


def test_the_guard_sees_each_kind_of_fixed_colour():
    sample = ('a.setStyleSheet("color: #b3261e;")\n'
              'b.setStyleSheet("background: white; font-weight: 600;")\n'
              'c.setStyleSheet("QLabel { border: 1px solid red; }")\n'
              'd = QColor("#fff")\n'
              'e = QColor(255, 0, 0)\n'
              'f.setStyleSheet("color: rgb(10, 20, 30);")\n'
              'g.setStyleSheet(ink("error", "font-weight: 600;"))  # fine: from tones.py\n'
              'h.setStyleSheet("border: 1px dashed palette(mid);")  # fine: a palette role\n'
              'i.setStyleSheet(f"color: {tone};")  # fine: put in from tones.py\n'
              'j.setStyleSheet("font-weight: 700; font-size: 11pt;")  # fine: no colour\n'
              'k = f\'<span style="color:gray">{x}</span>\'\n'
              'l.setForeground(Qt.GlobalColor.darkGray)\n'
              'm.setStyleSheet(f"font-size: {size}pt; background: transparent;")  # fine\n')
    assert fixed_colour_lines(sample) == [1, 2, 3, 4, 5, 6, 11, 12]
