"""Runner callbacks that are safe when the page is gone.

A save may finish after the patient was closed or the screen locked and the page destroyed; calling
a method of a deleted widget would crash the application. `Guarded` holds the page weakly and does
nothing once its C++ object is gone. (A callable object, not a lambda capturing `self`: see the
PySide6 notes in stack-notes.md.)
"""

from __future__ import annotations

import weakref
from typing import Any

import shiboken6


class Guarded:
    def __init__(self, target: Any, method: str, *args: Any) -> None:
        self._target = weakref.ref(target)
        self._method = method
        self._args = args

    def __call__(self, payload: Any) -> None:
        target = self._target()
        if target is None or not shiboken6.isValid(target):
            return
        getattr(target, self._method)(*self._args, payload)
