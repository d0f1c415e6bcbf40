"""The daily `exoconsult verify` loads only what it needs (issue 22: its start-up was most of its 2.6 s at
10,000 patients). Alembic, reportlab and pyHanko's signing side (which brings aiohttp) load when a check
needs them: a schema to migrate or refuse, a seal to validate. Run as a command in a process of its own, on
a clinic with a sealed consent, so what the probe sees is what a clinic's command imports."""

from __future__ import annotations

import subprocess
import sys

import pytest

from exoconsult.services.integrity.verify_anchored import verify_with_anchors
from tests.conftest import REPO
from tests.consent_support import approved_forms, ready_for_consent, sign

HEAVY = ("alembic", "reportlab", "pyhanko.sign", "aiohttp", "PySide6")
_PROBE = ("import sys\nfrom exoconsult.cli import main\ncode = main(sys.argv[1:])\n"
          f"print('LOADED', sorted(m for m in {HEAVY!r} if m in sys.modules))\nsys.exit(code)\n")


def _verify(ctx, *extra: str) -> str:
    done = subprocess.run([sys.executable, "-c", _PROBE, "verify", "--data-dir", str(ctx.data_dir.root), *extra],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OK:" in done.stdout
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture
def clinic_with_a_consent(sqlite_ctx, staff, clock, tmp_path):
    # The command reads the data folder's own forms/: the same bytes the test urologist approved.
    approved_forms(sqlite_ctx, staff, sqlite_ctx.data_dir.root / "forms")
    sign(sqlite_ctx, ready_for_consent(sqlite_ctx, staff, clock, tmp_path))
    assert verify_with_anchors(sqlite_ctx)[0].ok  # the checkpoint and the seal found valid, as each day leaves them
    return sqlite_ctx


def test_the_daily_verify_loads_no_alembic_reportlab_or_pyhanko_signing(clinic_with_a_consent):
    assert _verify(clinic_with_a_consent) == "LOADED []"


def test_a_seal_to_validate_loads_pyhanko_as_it_needs(clinic_with_a_consent):
    loaded = _verify(clinic_with_a_consent, "--full")  # every seal validated again: the probe sees pyHanko
    assert "'pyhanko.sign'" in loaded and "'reportlab'" not in loaded and "'alembic'" not in loaded
