"""Marking English wording that screens translate, in layers that have no Qt.

`QT_TRANSLATE_NOOP("Context", "English")` returns the English unchanged; Qt's lupdate finds the call by its
name and puts the text into the .ts files, and a screen shows it through
`QCoreApplication.translate("Context", text)`. Printed documents never use this: they take their wording
from the catalogues of forms/.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 (the name lupdate looks for)
    return source
