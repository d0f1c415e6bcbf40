"""Registers the embedded DejaVu Sans family with reportlab, once per font folder.

Fonts are loaded by explicit path (never reportlab's font finder or system fonts) so every
workstation prints identical glyphs, Turkish letters and check boxes included, and no standard-14
font (Helvetica) ever appears in a document.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from exoconsult.paths import fonts_dir

DEFAULT_FONT_DIR = fonts_dir()  # inside the installed package (or the checkout's resources/fonts)

_FACE_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
}

_lock = threading.Lock()
_registered: dict[Path, FontSet] = {}


@dataclass(frozen=True)
class FontSet:
    """Registered reportlab font names plus the code points both the regular and bold faces can draw.

    User text is set in regular or bold only, so a glyph missing from those two is the one that matters.
    """

    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    covered: frozenset[int]

    def has_glyph(self, code: int) -> bool:
        return code in self.covered


def _harden_reportlab() -> None:
    # No host is trusted for fetching images or fonts; reportlab's default, stated here on purpose
    # so a change of default cannot quietly open a network path (SEC-3).
    rl_config.trustedHosts = None


def font_problems(font_dir: Path | None = None) -> list[str]:
    """What is wrong with the font folder: missing or unreadable faces (empty when all four load)."""
    directory = font_dir or DEFAULT_FONT_DIR
    problems = []
    for filename in _FACE_FILES.values():
        path = directory / filename
        if not path.is_file():
            problems.append(f"{filename} is missing")
            continue
        try:
            TTFont(f"probe-{filename}", str(path))  # parses the file; nothing is registered
        except Exception as exc:  # noqa: BLE001 - any parse failure means the face cannot print
            problems.append(f"{filename} cannot be read ({type(exc).__name__})")
    return problems


def register_fonts(font_dir: Path | None = None) -> FontSet:
    """Register DejaVu Sans (4 faces) from ``font_dir`` (default ``resources/fonts``); idempotent."""
    directory = (font_dir or DEFAULT_FONT_DIR).resolve()
    with _lock:
        cached = _registered.get(directory)
        if cached is not None:
            return cached
        _harden_reportlab()
        # A distinct family name per folder keeps an override folder from clashing with the default.
        family = "DejaVuSans" if directory == DEFAULT_FONT_DIR.resolve() else f"DejaVuSans-{len(_registered)}"
        names: dict[str, str] = {}
        coverages: list[set[int]] = []
        for face, filename in _FACE_FILES.items():
            path = directory / filename
            if not path.is_file():
                raise FileNotFoundError(f"font file missing: {path}")
            name = family if face == "regular" else f"{family}-{face}"
            font = TTFont(name, str(path))
            pdfmetrics.registerFont(font)
            names[face] = name
            coverages.append(set(font.face.charToGlyph))
        pdfmetrics.registerFontFamily(
            family, normal=names["regular"], bold=names["bold"], italic=names["italic"], boldItalic=names["bold_italic"]
        )
        # Paragraph <b>/<i> look up this mapping; registerFontFamily sets it, addMapping makes it explicit.
        addMapping(family, 0, 0, names["regular"])
        addMapping(family, 1, 0, names["bold"])
        addMapping(family, 0, 1, names["italic"])
        addMapping(family, 1, 1, names["bold_italic"])
        font_set = FontSet(
            family=family,
            regular=names["regular"],
            bold=names["bold"],
            italic=names["italic"],
            bold_italic=names["bold_italic"],
            # Only the Basic Multilingual Plane: reportlab writes a malformed ToUnicode entry for
            # astral code points (DejaVu has a few emoticons there), so such text would print but not
            # extract or search; those characters are shown as U+FFFD instead.
            covered=frozenset(code for code in coverages[0] & coverages[1] if code <= 0xFFFF),
        )
        _registered[directory] = font_set
        return font_set
