"""Handwritten signatures as captured strokes (points with time and pressure), and the rule that
refuses an empty or trivial mark (a dot, a short tick) before it can stand for a person's consent."""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_POINTS = 12
MIN_EXTENT = 0.15  # of the pad's larger side, in normalised 0..1 coordinates
MIN_PATH = 0.6  # total ink length, normalised


@dataclass(frozen=True)
class Point:
    x: float  # 0..1 across the pad
    y: float  # 0..1 down the pad
    t_ms: int
    pressure: float = 0.5  # 0..1; 0.5 when the device reports none


Stroke = tuple[Point, ...]


def signature_problem(strokes: tuple[Stroke, ...]) -> str | None:
    """Why these strokes are not an acceptable signature, or None."""
    points = [p for s in strokes for p in s]
    if not points:
        return "The signature is empty."
    if any(not (math.isfinite(p.x) and math.isfinite(p.y)) for p in points):
        return "The signature contains invalid points."
    if len(points) < MIN_POINTS:
        return "The mark is too small to be a signature."
    width = max(p.x for p in points) - min(p.x for p in points)
    height = max(p.y for p in points) - min(p.y for p in points)
    length = sum(math.dist((a.x, a.y), (b.x, b.y)) for s in strokes for a, b in zip(s, s[1:], strict=False))
    if max(width, height) < MIN_EXTENT or length < MIN_PATH:
        return "The mark is too small to be a signature."
    return None


def strokes_to_json(strokes: tuple[Stroke, ...]) -> list[list[list[float]]]:
    return [[[round(p.x, 4), round(p.y, 4), p.t_ms, round(p.pressure, 3)] for p in s] for s in strokes]


def strokes_from_json(data: list) -> tuple[Stroke, ...]:
    return tuple(tuple(Point(float(x), float(y), int(t), float(pr)) for x, y, t, pr in s) for s in data)
