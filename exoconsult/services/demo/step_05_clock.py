"""The demo happens in the past: its clock starts 200 days ago and only moves forward, so explanations
can be complete, reflection periods elapsed, one consent old enough to have expired and the first treated
patients half a year into their follow-up (step_55, step_75). The last step
puts the real clock back."""

from __future__ import annotations

from datetime import timedelta

from exoconsult.clock import FakeClock, SystemClock

DEMO_DAYS_BACK = 200


def seed(ctx, demo) -> None:
    demo.real_clock = ctx.clock if not isinstance(ctx.clock, FakeClock) else SystemClock()
    ctx.clock = FakeClock(demo.real_clock.now() - timedelta(days=DEMO_DAYS_BACK))
    demo.date_shift_days = -DEMO_DAYS_BACK  # step_40/50 move their history dates by the same amount
