"""The bundled application (PyInstaller, one folder): built from this checkout, then run as a clinic would
run it, with nothing of the development environment on the PATH: --help, assess, demo, verify, doctor
and the window up to its sign-in dialog.

Slow: the build takes about two minutes. EXOCONSULT_BUNDLE_DIR=dist/ExoConsult (after `./run bundle`)
tests an existing build instead of making one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.install.smoke import SmokeRun, clean_env, run_install_smoke

pytestmark = pytest.mark.slow
EXE = ".exe" if sys.platform == "win32" else ""


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    given = os.environ.get("EXOCONSULT_BUNDLE_DIR")
    if given:
        return Path(given).resolve()
    pytest.importorskip("PyInstaller", reason="PyInstaller is in the test extra; install it to build the bundle")
    root = tmp_path_factory.mktemp("bundle")
    done = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                           "--distpath", str(root / "dist"), "--workpath", str(root / "work"),
                           str(REPO / "packaging" / "exoconsult.spec")],
                          cwd=root, capture_output=True, text=True, check=False, timeout=1200)
    assert done.returncode == 0, done.stderr[-4000:]
    return root / "dist" / "ExoConsult"


def test_the_bundle_holds_everything_it_reads(bundle) -> None:
    internal = bundle / "_internal"
    for needed in ("exoconsult/_data/forms/protocols/exo-noa/protocol.yaml",
                   "exoconsult/_data/resources/fonts/DejaVuSans.ttf",
                   "exoconsult/storage/migrations/env.py"):
        assert (internal / needed).is_file(), needed
    assert {p.name for p in (internal / "exoconsult/storage/migrations/versions").glob("*.py")} == \
        {p.name for p in (REPO / "exoconsult/storage/migrations/versions").glob("*.py")}
    plugins = list(internal.rglob("*qoffscreen*")) + list(internal.rglob("*qwindows*")) + list(internal.rglob("*qxcb*"))
    assert plugins, "no Qt platform plugin in the bundle"
    outside = [p for p in bundle.rglob("*") if p.is_symlink() and not p.resolve().is_relative_to(bundle.resolve())]
    assert outside == [], f"links out of the bundle: {outside[:5]}"


def test_the_bundle_runs_without_the_development_environment(bundle, tmp_path) -> None:
    path = os.pathsep.join(p for p in ("/usr/bin", "/bin") if Path(p).is_dir()) if os.name == "posix" else os.environ["PATH"]
    env = clean_env(tmp_path, path=path)
    cli = SmokeRun([str(bundle / f"exoconsult-cli{EXE}")], tmp_path, env)
    window = SmokeRun([str(bundle / f"ExoConsult{EXE}")], tmp_path, env)
    data = run_install_smoke(cli, window)
    doctor = cli.run("doctor", "doctor", "--data-dir", str(data)).stdout
    assert f"Fonts: the 4 DejaVu Sans faces load from {bundle / '_internal'}" in doctor
    print(f"bundle smoke seconds: {cli.seconds} window: {window.seconds}")
