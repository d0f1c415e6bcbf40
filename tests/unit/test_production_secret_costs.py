"""The costs the program uses for passwords and passphrases. The test session lowers them in-process
(tests/conftest.py `_cheap_password_hashing`), so they are read here from a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO

_PROBE = """
import json
from exoconsult.services.accounts.auth import hash_password
from exoconsult.services.core import seal_key
from exoconsult.storage.secret_box import lock
print(json.dumps({"argon2": hash_password("a probe password 123").split("$")[3],
                  "passphrase_box": lock(b"x", "a passphrase", purpose="probe")["n"],
                  "password_slot": seal_key.PASSWORD_COST}))
"""


def test_the_program_hashes_and_locks_at_the_production_costs() -> None:
    done = subprocess.run([sys.executable, "-c", _PROBE], cwd=REPO, capture_output=True, text=True, check=True,
                          timeout=120)
    costs = json.loads(done.stdout)
    assert costs == {"argon2": "m=65536,t=3,p=4", "passphrase_box": 2**17, "password_slot": 2**15}
