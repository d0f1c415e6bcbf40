"""The commands an installation must answer, run as a clinic would run them: a separate process, started
from a folder outside the source tree, with no PYTHONPATH. Used for the wheel and for the bundled app."""

from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.unit.rules.builders import base_case


def clean_env(workdir: Path, path: str | None = None) -> dict[str, str]:
    """The environment of a fresh login: nothing that points back at the source tree or the test venv."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "EXOCONSULT_DATA_DIR", "EXOCONSULT_DATABASE_URL"}}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(workdir), PYTHONDONTWRITEBYTECODE="1")
    if path is not None:
        env["PATH"] = path
    return env


@dataclass
class SmokeRun:
    program: list[str]
    workdir: Path
    env: dict[str, str]
    seconds: dict[str, float] = field(default_factory=dict)

    def run(self, name: str, *args: str, extra_env: dict[str, str] | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess[str]:
        started = time.monotonic()
        result = subprocess.run([*self.program, *args], cwd=self.workdir, env={**self.env, **(extra_env or {})},
                                capture_output=True, text=True, timeout=timeout, check=False)
        self.seconds[name] = round(time.monotonic() - started, 2)
        return result


def _ok(result: subprocess.CompletedProcess[str], what: str) -> str:
    assert result.returncode == 0, f"{what} exited {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    return result.stdout


def run_install_smoke(smoke: SmokeRun, window: SmokeRun | None = None) -> Path:
    """--help, assess, demo --no-launch, verify, doctor, the GUI to its sign-in window. Returns the demo data
    folder; the program's log in it must exist and name every command. `window`: a separate program for the
    application window (the bundle has one for the window and one for the command line)."""
    assert "assess" in _ok(smoke.run("help", "--help"), "exoconsult --help")

    case = smoke.workdir / "case.json"
    case.write_text(json.dumps(base_case()), encoding="utf-8")
    verdict = json.loads(_ok(smoke.run("assess", "assess", str(case)), "exoconsult assess"))
    assert verdict["outcome"] == "eligible" and verdict["protocol"]["id"] == "exo-noa"

    data = smoke.workdir / "clinic-data"
    out = _ok(smoke.run("demo", "demo", "--no-launch", "--data-dir", str(data)), "exoconsult demo --no-launch")
    assert "Demo data written" in out
    assert "OK:" in _ok(smoke.run("verify", "verify", "--data-dir", str(data)), "exoconsult verify")

    doctor = smoke.run("doctor", "doctor", "--data-dir", str(data))
    assert doctor.returncode in (0, 1), doctor.stderr  # 1 = a problem of this machine (e.g. little disk space)
    for line in ("[OK] Qt:", "[OK] Fonts:", "[OK] Database:", "[OK] Schema:", "[OK] Seal key:"):
        assert line in doctor.stdout, doctor.stdout

    gui = (window or smoke).run("gui", "--data-dir", str(data), extra_env={"EXOCONSULT_SMOKE_EXIT_AT_SIGN_IN": "1"}, timeout=120)
    assert '{"event": "sign_in_shown", "visible": true}' in _ok(gui, "exoconsult (GUI, offscreen)")
    log = (data / "logs" / "exoconsult.log").read_text(encoding="utf-8")
    for started in ("command demo", "command verify", "command doctor", "application window"):
        assert f"start: exoconsult {smoke_version(smoke)}, {started}" in log
    return data


def smoke_version(smoke: SmokeRun) -> str:
    return smoke.run("version", "--version").stdout.split()[-1]
