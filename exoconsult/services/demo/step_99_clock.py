"""Back to real time after the demo's history (see step_05_clock)."""

from __future__ import annotations


def seed(ctx, demo) -> None:
    real = getattr(demo, "real_clock", None)
    if real is not None:
        ctx.clock = real
