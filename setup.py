"""Build script. The project's metadata is in pyproject.toml; this file only says what goes into the wheel.

The shipped content lives at the top of the repository (`forms/`, `resources/`: reviewed there, linted
there). Each of their folders is mapped into the package under `exoconsult/_data/`, so an installed
wheel (or the bundled app) finds it with importlib.resources (see exoconsult/paths.py) and never looks
outside its own package. The package search keeps every new subpackage, and every new content folder,
in the wheel without editing this file.
"""

import os

from setuptools import find_namespace_packages, setup

SHIPPED_FOLDERS = ("forms", "resources")


def _content_packages() -> dict[str, str]:
    """`exoconsult._data.forms.protocols.exo-noa` -> `forms/protocols/exo-noa`, one entry per folder: a
    folder listed as a package keeps setuptools from warning that it would be left out."""
    mapping = {}
    for top in SHIPPED_FOLDERS:
        for folder, _subfolders, _files in os.walk(top):
            mapping["exoconsult._data." + folder.replace(os.sep, ".")] = folder.replace(os.sep, "/")
    return mapping


CONTENT = _content_packages()

setup(
    # Namespace search: the migrations folders have no __init__.py but are imported by Alembic.
    packages=[*find_namespace_packages(include=["exoconsult", "exoconsult.*"], exclude=["*.__pycache__"]),
              *CONTENT],
    package_dir=CONTENT,
    package_data={**dict.fromkeys(CONTENT, ["*"]), "exoconsult.storage.migrations": ["*.mako"]},
)
