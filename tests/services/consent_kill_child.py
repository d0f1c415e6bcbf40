"""Child process for the kill test: signs consents for one ready patient in a loop, printing
`ACK <document id>` after each signing returns, and (optionally) kills itself at a named point."""

from __future__ import annotations

import os
import signal
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from exoconsult.clock import FakeClock  # noqa: E402
from exoconsult.config import DataDir  # noqa: E402
from exoconsult.services.clinic import open_context  # noqa: E402
from exoconsult.services.consent import consent_records  # noqa: E402
from exoconsult.storage import archive  # noqa: E402
from tests.consent_support import Ready, sign  # noqa: E402


def die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def install(point: str) -> None:
    if point == "render":
        consent_records.render = lambda document: die()
    elif point == "sealed":
        real_seal = consent_records.seal

        def seal_then_die(*a, **kw):
            real_seal(*a, **kw)
            die()
        consent_records.seal = seal_then_die
    elif point == "mid_transaction":
        real_add = consent_records.ConsentRepository.add

        def add(self, row):
            real_add(self, row)
            if isinstance(row, consent_records.ConsentSignatureRow):
                die()
        consent_records.ConsentRepository.add = add
    elif point == "committed":
        consent_records.archive = lambda *a, **kw: die()
    # os.replace is patched for the whole process (archive.os is the os module), so only the archive's own
    # rename (to a .pdf) is a kill point; other renames (e.g. the audit high-water mark) go through.
    elif point == "tmp_written":
        real_replace = os.replace

        def die_before_archive_rename(src, dst, *a, **kw):
            if str(dst).endswith(".pdf"):
                die()
            return real_replace(src, dst, *a, **kw)
        archive.os.replace = die_before_archive_rename
    elif point == "renamed":
        real_replace = os.replace

        def replace_then_die(src, dst, *a, **kw):
            real_replace(src, dst, *a, **kw)
            if str(dst).endswith(".pdf"):
                die()
        archive.os.replace = replace_then_die


def main() -> None:
    root, when, patient_id, urologist_id, nurse_id, point = sys.argv[1:7]
    ctx = open_context(DataDir(Path(root)), clock=FakeClock(datetime.fromisoformat(when)),
                       forms_dir=Path(root).parent / "approved-forms")
    from exoconsult.domain.people import Actor, Role

    ready = Ready(int(patient_id), "tr", Actor(int(urologist_id), "urologist", "Dr. Deniz Uro", Role.UROLOGIST),
                  Actor(int(nurse_id), "nurse", "Ayşe Nurse", Role.NURSE))
    install(point)
    print("READY", flush=True)
    for _ in range(50):
        summary = sign(ctx, ready)
        print(f"ACK {summary.document_id}", flush=True)


if __name__ == "__main__":
    main()
