"""Where the shipped content lives: inside the installed package, else in the source checkout.

An installed wheel or the bundled app carries `forms/` and `resources/` as package data under
`exoconsult/_data/` (setup.py maps the repository's top-level folders there) and finds them through
importlib.resources, so nothing depends on the working directory or on files outside the package. A
source checkout (tests, `pip install -e`) has no `_data/`; there the top-level folders are used directly.
A clinic's own reviewed copy of forms/ in its data folder still wins (services/context.py).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _packaged(name: str) -> Path | None:
    found = files("exoconsult").joinpath("_data", name)
    # Wheels and the PyInstaller bundle install as plain files, so the Traversable is a real path; a
    # zipped install would not be, and is not supported (the loaders read files by path).
    if isinstance(found, Path) and found.is_dir():
        return found
    return None


def shipped_dir(name: str) -> Path:
    """The packaged folder `name` ("forms" or "resources"), else the checkout's; when neither exists the
    checkout location is returned so error messages name a concrete path."""
    return _packaged(name) or _CHECKOUT / name


def forms_dir() -> Path:
    """The shipped clinical content (protocols, questionnaires, explanation and consent texts)."""
    return shipped_dir("forms")


def resources_dir() -> Path:
    """Non-clinical resources (fonts, icons, translations)."""
    return shipped_dir("resources")


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def default_protocol_dir() -> Path:
    """The default eligibility protocol, exo-noa."""
    return forms_dir() / "protocols" / "exo-noa"
