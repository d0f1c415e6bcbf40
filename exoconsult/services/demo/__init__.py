"""Demo data. Each module named `step_NN_<what>.py` in this package defines `seed(ctx, demo)`; steps run
in order, so each stage of the product adds its own examples without editing a shared file."""

from __future__ import annotations

import importlib
import pkgutil
import random
from dataclasses import dataclass, field

from exoconsult.domain.people import SYSTEM_ACTOR, Actor
from exoconsult.services.core.context import ServiceContext


@dataclass
class DemoState:
    """Shared between steps: the random source and what earlier steps made."""

    rng: random.Random
    actors: dict[str, Actor] = field(default_factory=lambda: {"system": SYSTEM_ACTOR})
    patient_ids: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def steps() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("step_"))


def seed_demo(ctx: ServiceContext, *, seed: int = 20261124) -> DemoState:
    state = DemoState(rng=random.Random(seed))
    for name in steps():
        importlib.import_module(f"{__name__}.{name}").seed(ctx, state)
    return state
