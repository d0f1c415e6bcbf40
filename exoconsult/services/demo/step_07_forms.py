"""The demo clinic's own copy of forms/ in its data folder, as shipped (unapproved). Its approval is the
real one: the demo's medical director reviews and approves it in step 15, before any assessment."""

from __future__ import annotations

import shutil

from exoconsult.services.core.context import default_forms_dir


def demo_forms(ctx) -> None:
    target = ctx.data_dir.root / "forms"
    if not target.exists():
        shutil.copytree(default_forms_dir(), target)
    ctx.forms_dir = target


def seed(ctx, demo) -> None:
    demo_forms(ctx)
