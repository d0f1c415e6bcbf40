"""Measuring what a person sees: the contrast of each visible text against what is painted behind it, read
from the rendered window (so style sheets, palettes and parents' backgrounds all count), by the WCAG formula."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from exoconsult.gui.tones import contrast

AA = 4.5


def high_contrast_palette() -> QPalette:
    """A system high-contrast theme as Windows ships it: black window, white text, yellow highlight."""
    black, white, yellow, cyan = QColor("black"), QColor("white"), QColor("yellow"), QColor("cyan")
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, black), (QPalette.ColorRole.WindowText, white),
                         (QPalette.ColorRole.Base, black), (QPalette.ColorRole.AlternateBase, QColor(24, 24, 24)),
                         (QPalette.ColorRole.Text, white), (QPalette.ColorRole.Button, black),
                         (QPalette.ColorRole.ButtonText, white), (QPalette.ColorRole.Highlight, yellow),
                         (QPalette.ColorRole.HighlightedText, black), (QPalette.ColorRole.Link, cyan),
                         (QPalette.ColorRole.ToolTipBase, black), (QPalette.ColorRole.ToolTipText, white),
                         (QPalette.ColorRole.PlaceholderText, QColor(200, 200, 200)),
                         (QPalette.ColorRole.BrightText, yellow)):
        palette.setColor(QPalette.ColorGroup.All, role, colour)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(150, 150, 150))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(150, 150, 150))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(150, 150, 150))
    return palette


def _pixels(image: QImage) -> Counter:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    counts: Counter = Counter()
    for y in range(image.height()):
        line = bytes(image.constScanLine(y))[: image.width() * 4]
        counts.update(line[i:i + 3] for i in range(0, len(line), 4))
    return counts


def seen_contrast(image: QImage) -> float | None:
    """Contrast between the commonest colour of the crop (the background) and the colour furthest from it
    that covers at least two pixels (the text's core; anti-aliased edges lie in between)."""
    counts = _pixels(image)
    if len(counts) < 2:
        return None
    (back, _n), *_ = counts.most_common(1)
    background = QColor(back[2], back[1], back[0])
    inks = [QColor(c[2], c[1], c[0]) for c, n in counts.items() if n >= 2 and c != back]
    return max((contrast(background, ink) for ink in inks), default=None)


def text_of(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton)):
        return widget.text().strip()
    return ""


def low_contrast_texts(root: QWidget) -> list[str]:
    """Visible, enabled texts of `root` that read below 4.5:1 against what is behind them."""
    shot = root.grab().toImage()
    ratio = shot.devicePixelRatio()
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled() or not text_of(widget):
            continue
        visible = widget.visibleRegion().boundingRect()
        if visible.width() < 4 or visible.height() < 6:
            continue
        origin = widget.mapTo(root, visible.topLeft())
        crop = shot.copy(QRect(int(origin.x() * ratio), int(origin.y() * ratio),
                               int(visible.width() * ratio), int(visible.height() * ratio)))
        measured = seen_contrast(crop)
        if measured is not None and measured < AA:
            found.append(f"{type(widget).__name__}#{widget.objectName()} {text_of(widget)[:40]!r}: {measured:.2f}")
    return found
