"""Handwritten signatures as captured strokes (points with time and pressure), and the rule that
refuses an empty or trivial mark (a dot, a short tick) before it can stand for a person's consent.

Coordinates are in units of the pad's longer side on BOTH axes, so a stroke keeps its true proportions
whatever the pad's shape: on a 600x150 pad x runs 0..1 and y 0..0.25. Signatures stored before this
rule held each axis as a fraction of that axis (the pad's shape was not recorded, so their proportions
cannot be recovered); they are stored as a bare list and still read back as they were drawn to file."""

from __future__ import annotations

import math
from dataclasses import dataclass

from exoconsult.domain.translatable import QT_TRANSLATE_NOOP

MIN_POINTS = 12
MIN_EXTENT = 0.15  # of the pad's larger side, in normalised 0..1 coordinates
MIN_PATH = 0.6  # total ink length, normalised


@dataclass(frozen=True)
class Point:
    x: float  # across the pad, in units of the pad's longer side (0..1)
    y: float  # down the pad, in the same unit as x (0..height/longer side)
    t_ms: int
    pressure: float = 0.5  # 0..1; 0.5 when the device reports none


Stroke = tuple[Point, ...]


def signature_problem(strokes: tuple[Stroke, ...]) -> str | None:
    """Why these strokes are not an acceptable signature, or None (English, marked in "ServiceMessages": a
    screen translates it, a service gives it as a Reason)."""
    points = [p for s in strokes for p in s]
    if not points:
        return QT_TRANSLATE_NOOP("ServiceMessages", "The signature is empty.")
    if any(not (math.isfinite(p.x) and math.isfinite(p.y)) for p in points):
        return QT_TRANSLATE_NOOP("ServiceMessages", "The signature contains invalid points.")
    if len(points) < MIN_POINTS:
        return QT_TRANSLATE_NOOP("ServiceMessages", "The mark is too small to be a signature.")
    width = max(p.x for p in points) - min(p.x for p in points)
    height = max(p.y for p in points) - min(p.y for p in points)
    length = sum(math.dist((a.x, a.y), (b.x, b.y)) for s in strokes for a, b in zip(s, s[1:], strict=False))
    if max(width, height) < MIN_EXTENT or length < MIN_PATH:
        return QT_TRANSLATE_NOOP("ServiceMessages", "The mark is too small to be a signature.")
    return None


UNITS = "pad-longer-side"  # both axes in one unit: the stored shape is the drawn shape


def strokes_to_json(strokes: tuple[Stroke, ...]) -> dict:
    return {"units": UNITS,
            "strokes": [[[round(p.x, 4), round(p.y, 4), p.t_ms, round(p.pressure, 3)] for p in s] for s in strokes]}


def strokes_from_json(data: dict | list) -> tuple[Stroke, ...]:
    """Reads both forms: the current {"units", "strokes"} and the earlier bare list (per-axis fractions)."""
    rows = data["strokes"] if isinstance(data, dict) else data
    return tuple(tuple(Point(float(x), float(y), int(t), float(pr)) for x, y, t, pr in s) for s in rows)


def proportions_recorded(data: dict | list) -> bool:
    """False for a signature stored before the pad kept true proportions (its shape may be stretched)."""
    return isinstance(data, dict) and data.get("units") == UNITS
