"""The stage registry: how later issues plug their pages into the consultation workspace.

A page module registers its page when imported; the modules are listed in STAGE_MODULES below and
imported when the first workspace opens:

    from exoconsult.gui.stages import StageContext, register_stage

    def make_history_page(context: StageContext, parent: QWidget) -> QWidget:
        return HistoryPage(context, parent)

    register_stage("history", QT_TRANSLATE_NOOP("Stages", "History"), make_history_page)

The factory runs on the GUI thread the first time the stage is shown for an opened patient; the
widget it returns is destroyed when the patient is closed, the screen locks, or the user signs out.
Pages that hold unsaved input connect `context.session.about_to_lock` and
`context.session.about_to_logout` to a bound method that saves a draft for `context.session.actor`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from exoconsult.services.core.dto import PatientDTO

if TYPE_CHECKING:  # types of the hand-off only; stage modules import nothing more at run time
    from exoconsult.gui.runner import Runner
    from exoconsult.gui.session import AppServices, Session


@dataclass(frozen=True)
class StageContext:
    """What a stage page gets: the opened patient, the session (`.actor`), the services, the runner.

    `patient` is the record as opened; pages that change it ask `workspace_refresh()` to reload the
    header. Pages refresh themselves from what use cases changed by defining `on_changes(changes)`."""

    patient: PatientDTO
    session: Session
    services: AppServices
    runner: Runner
    workspace_refresh: Callable[[], None]


StageFactory = Callable[[StageContext, QWidget], QWidget]


@dataclass(frozen=True)
class StageSpec:
    key: str
    title: str
    factory: StageFactory | None


# The consultation's stages in order; a later issue supplies the factory.
_STAGES: dict[str, StageSpec] = {
    key: StageSpec(key, title, None)
    for key, title in (("history", QT_TRANSLATE_NOOP("Stages", "History")),
                       ("assessment", QT_TRANSLATE_NOOP("Stages", "Assessment")),
                       ("explanation", QT_TRANSLATE_NOOP("Stages", "Explanation")),
                       ("consent", QT_TRANSLATE_NOOP("Stages", "Consent")))
}
_plugins_loaded = False


def register_stage(key: str, title: str, factory: StageFactory) -> None:
    """Add a stage (appended after the known ones) or supply the page for a known one."""
    _STAGES[key] = StageSpec(key, title, factory)


def unregister_stage(key: str) -> None:
    """Forget a page factory (tests); the four built-in stages go back to 'not available'."""
    if key in ("history", "assessment", "explanation", "consent"):
        _STAGES[key] = StageSpec(key, _STAGES[key].title, None)
    else:
        _STAGES.pop(key, None)


def stages() -> list[StageSpec]:
    load_stage_plugins()
    return list(_STAGES.values())


# The modules that supply the consultation's stage pages, in one place (a new stage adds its module
# here; each module calls `register_stage` when imported). Explicit, not discovered by file name.
STAGE_MODULES: tuple[str, ...] = (
    "exoconsult.gui.history.stage",
    "exoconsult.gui.consultation.stage_assessment",
    "exoconsult.gui.explanation.stage",
    "exoconsult.gui.consent.stage",
    "exoconsult.gui.procedure.stage",
    "exoconsult.gui.followup.stage",
    "exoconsult.gui.adverse_events.stage",
)


def load_stage_plugins() -> None:
    """Import the stage modules listed in STAGE_MODULES once."""
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    for name in STAGE_MODULES:
        importlib.import_module(name)
