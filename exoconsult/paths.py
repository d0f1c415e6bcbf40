"""Where the shipped content lives, for a source checkout and for an installed package.

`forms_dir()` and `resources_dir()` look first next to the package (a checkout: <repo>/forms beside
<repo>/exoconsult), then under `sys.prefix/share/exoconsult/` (where an installed wheel's data files go).
The first existing folder wins; when neither exists the checkout location is returned so error messages
name a concrete path.
"""

from __future__ import annotations

import sys
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent


def _locate(name: str) -> Path:
    candidates = (_REPO / name, Path(sys.prefix) / "share" / "exoconsult" / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def forms_dir() -> Path:
    """The clinical content folder (protocols, questionnaires, explanation and consent texts)."""
    return _locate("forms")


def resources_dir() -> Path:
    """Non-clinical resources (fonts, icons, translations)."""
    return _locate("resources")


def default_protocol_dir() -> Path:
    """The default eligibility protocol, exo-noa."""
    return forms_dir() / "protocols" / "exo-noa"
