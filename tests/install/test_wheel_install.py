"""The sdist and wheel carry everything a clinic needs: build the sdist from the tracked sources, build the
wheel from the unpacked sdist, install it (not editable) into a new virtual environment outside the source
tree, and run the program there as a clinic would.

The new environment borrows the already-installed dependencies through a .pth file instead of
downloading them again (that would take minutes and need the network); `pip check` still proves the
wheel's declared dependencies are satisfied. The borrowed folder's own .pth files (the editable install
of this checkout) are not processed, so `exoconsult` can only come from the wheel, which the test asserts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.install.smoke import SmokeRun, clean_env, run_install_smoke

SOURCES = ("pyproject.toml", "setup.py", "README.md", "exoconsult", "forms", "resources")


def _run(*args: str | Path, cwd: Path | None = None) -> str:
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{args} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _copy_sources(target: Path) -> Path:
    target.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    return target


def _build_sdist(source: Path, out: Path) -> Path:
    _run(sys.executable, "-c", f"from setuptools import build_meta; build_meta.build_sdist({str(out)!r})", cwd=source)
    (sdist,) = out.glob("exoconsult-*.tar.gz")
    return sdist


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(the new venv's python, the wheel)."""
    root = tmp_path_factory.mktemp("wheel")
    sdist = _build_sdist(_copy_sources(root / "checkout"), root / "dist")
    with tarfile.open(sdist) as tar:
        tar.extractall(root / "unpacked", filter="data")
    (unpacked,) = (root / "unpacked").iterdir()
    _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", root / "dist", unpacked)
    (wheel,) = (root / "dist").glob("exoconsult-*.whl")

    venv = root / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip())
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index", wheel)
    _run(sys.executable, "-m", "pip", "--python", python, "check")
    return python, wheel


def test_the_wheel_carries_forms_fonts_and_migrations(installed) -> None:
    _python, wheel = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for tracked in ("forms", "resources"):
        for path in (REPO / tracked).rglob("*"):
            if path.is_file():
                assert f"exoconsult/_data/{path.relative_to(REPO).as_posix()}" in names
    migrations = {p.name for p in (REPO / "exoconsult/storage/migrations/versions").glob("*.py")}
    assert migrations and {f"exoconsult/storage/migrations/versions/{m}" for m in migrations} <= names


def test_the_installed_program_finds_its_content_inside_its_own_package(installed, tmp_path) -> None:
    python, _wheel = installed
    out = _run(python, "-c", "import exoconsult, exoconsult.paths as p; "
                             "print(exoconsult.__file__); print(p.forms_dir()); print(p.fonts_dir())",
               cwd=tmp_path)
    package_file, forms, fonts = (Path(line) for line in out.splitlines())
    venv = python.parent.parent
    for path in (package_file, forms, fonts):
        assert path.is_relative_to(venv), f"{path} is not inside the new environment {venv}"
    assert (forms / "protocols" / "exo-noa" / "protocol.yaml").is_file() and (fonts / "DejaVuSans.ttf").is_file()


def test_the_installed_program_runs_from_outside_the_source_tree(installed, tmp_path) -> None:
    python, _wheel = installed
    exoconsult = python.parent / ("exoconsult.exe" if sys.platform == "win32" else "exoconsult")
    smoke = SmokeRun([str(exoconsult)], tmp_path, clean_env(tmp_path))
    run_install_smoke(smoke)
    print(f"wheel smoke seconds: {smoke.seconds}")
