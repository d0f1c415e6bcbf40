"""The one place where the screens get colours: every colour is derived from the application palette, so the
app follows the system's palette (dark, high contrast) instead of fixed colours.

A tone names a meaning ("error", "ok", "warning", "muted", "accent"); its hue is kept, and its lightness
is moved away from the palette's backgrounds until the text reads at the WCAG AA contrast of 4.5:1
against both the window and the input background. Meanings never rest on colour alone: the screens say
them in words and shapes too (see assessment/banner.py, consent/signing_checklist.py).

Colours are read when a widget is built; the main window builds its screens after the palette is set.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

AA_CONTRAST = 4.5
_TARGET = 4.8  # a little above AA: anti-aliased small text looks lighter than its colour

# The hue of each meaning, as it looks on a light window (the starting point of the derivation).
_HUES = {
    "error": "#b3261e",
    "warning": "#8a5300",
    "ok": "#1b5e20",
    "muted": "#52606d",
    "accent": "#2f5d62",
    "stale": "#6d4c41",
    "neutral": "#37474f",
}


def palette() -> QPalette:
    app = QGuiApplication.instance()
    return app.palette() if app is not None else QPalette()


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_dark(colour: QColor) -> bool:
    return luminance(colour) < 0.18


def backgrounds() -> tuple[QColor, QColor]:
    pal = palette()
    return pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.Base)


def readable(colour: QColor, *behind: QColor) -> QColor:
    """`colour` with its hue kept and its lightness moved away from `behind` until it reads on all of them."""
    behind = behind or backgrounds()
    towards_light = all(is_dark(b) for b in behind)
    hue, saturation, lightness, _ = colour.getHslF()
    step = 0.02 if towards_light else -0.02
    candidate = QColor(colour)
    while min(contrast(candidate, b) for b in behind) < _TARGET and 0.0 < lightness < 1.0:
        lightness = min(1.0, max(0.0, lightness + step))
        candidate = QColor.fromHslF(max(hue, 0.0), saturation, lightness)
    if min(contrast(candidate, b) for b in behind) < AA_CONTRAST:  # a mid-grey background: plain text colour
        return palette().color(QPalette.ColorRole.WindowText)
    return candidate


def tone(meaning: str, *behind: QColor) -> QColor:
    """The colour of a meaning, readable on the palette's backgrounds (or on `behind`)."""
    return readable(QColor(_HUES[meaning]), *behind)


def mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    keep = 1.0 - share_of_b
    return QColor.fromRgbF(a.redF() * keep + b.redF() * share_of_b, a.greenF() * keep + b.greenF() * share_of_b,
                           a.blueF() * keep + b.blueF() * share_of_b)


def surface(meaning: str) -> QColor:
    """A quiet tinted background for a meaning (banners, boxes): the window colour with a touch of the hue."""
    return mix(palette().color(QPalette.ColorRole.Window), QColor(_HUES[meaning]), 0.12)


def ink(meaning: str, extra: str = "") -> str:
    """A style sheet giving text the colour of a meaning, e.g. ink("error", "font-weight: 600;")."""
    return f"color: {tone(meaning).name()}; {extra}".strip()


def box(meaning: str, selector: str, extra: str = "border-radius: 4px;") -> str:
    """A tinted, bordered box for `selector` whose text (its own and its labels') reads in the meaning's colour."""
    back = surface(meaning)
    text = tone(meaning, back)
    return (f"{selector} {{ background: {back.name()}; border: 1px solid {text.name()}; color: {text.name()}; {extra} }}"
            f" {selector} QLabel {{ color: {text.name()}; background: transparent; border: none; }}")


def error_border(selector: str) -> str:
    """A red frame round fields marked invalid (the message beside them says what is wrong)."""
    return f"{selector} {{ border: 2px solid {tone('error').name()}; border-radius: 3px; }}"


def text_colour() -> QColor:
    return palette().color(QPalette.ColorRole.WindowText)
