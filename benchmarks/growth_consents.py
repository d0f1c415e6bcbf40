"""Signed and sealed consents for the patients benchmarks/growth.py grows (issue 22: a clinic where about a
third of the patients sign has an audit trail and a database several times a bare registration's).

Each signing patient goes through what the demo's signing patients go through (services/demo/step_60:
`explain` then `sign_consent`, the same calls of the real use cases), and the patient copy is printed
(`PrintingService.prepare` and `.record`), so his rows, audit entries and archived PDF are the app's own;
`verify --full` checks every seal and replays every entry. Four things make that affordable for thousands
of patients, none of which changes what is stored:

- **one transaction per patient.** The use cases run their real bodies (with their permission check and
  account check) inside one unit of work whose `commit` is a flush: the audit hooks fire at each flush as
  they would at each commit, so the entries are the same, without 45 commits per patient;
- **the explanation screens' view is built when read.** Each explanation use case returns the session as
  the screen shows it, rebuilt from the database after every click; the growth reads none of them but the
  first, so each is built only if a caller reads it;
- **no copies are marked for the printer.** Printing records the print (row and audit entry); the copy
  with "PATIENT COPY" stamped on it goes to the printer and is never stored, so the growth makes none;
- **two signing accounts of the growth.** A urologist and a nurse created by the admin through the real
  use case, with their passwords hashed at the test suite's cost (tests/conftest.py): each signature
  re-authenticates both, which at the production cost (argon2 and the seal key's scrypt, 0.4 s on purpose)
  would be most of the time. Signing with their demo passwords (step_60 types those) keeps `sign_consent`
  as the demo calls it.

The explanation is recorded 15 days before the signing (the reflection period is 14 days) on a clock the
growth moves: those audit entries are dated back, the rest of the growth is at the real time.
tests/test_benchmark_growth_consents.py checks that a patient signed here and one signed through separate
use cases leave the same audit entries and rows. Cost (2026-12-03, the shared 2-core machine at load 1.5-3):
through separate use cases at the production costs about 1.4 s per signing patient, here about 0.3 s (render
and seal about 0.1 s of it); 2,500 patients with 893 consents built in about 5 minutes."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta
from unittest import mock

from exoconsult.clock import FakeClock, SystemClock
from exoconsult.domain.people import Role
from exoconsult.services.accounts.accounts import AccountService, UserFields
from exoconsult.services.accounts.auth import AuthService
from exoconsult.services.admin.backup_key import DEMO_PASSPHRASE
from exoconsult.services.core import permissions
from exoconsult.services.core.work import Work
from exoconsult.services.demo.step_10_clinic import DEMO_ACCOUNTS
from exoconsult.services.demo.step_60_consents import explain, sign_consent
from exoconsult.services.explanation import explanation
from exoconsult.services.printing import printing

# Who signs the grown consents: the demo urologist's and nurse's passwords (step_60 types those), new names.
GROWTH_SIGNERS = {
    "growth-urologist": ("Dr. Kerem Büyüme", Role.UROLOGIST, "Op. Dr.", "TR-UR-9001", DEMO_ACCOUNTS["urologist"][4]),
    "growth-nurse": ("Selin Büyüme", Role.NURSE, "", "", DEMO_ACCOUNTS["nurse"][4]),
}
PRINTER = "Poliklinik yazıcısı"


@contextmanager
def _test_suite_secret_costs():
    """The lowest costs the app accepts, as tests/conftest.py `_cheap_password_hashing` sets them."""
    from argon2 import PasswordHasher

    from exoconsult.services.accounts import auth
    from exoconsult.services.core import seal_key
    from exoconsult.storage import secret_box

    with mock.patch.object(auth, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)), \
            mock.patch.object(secret_box, "PASSPHRASE_COST", 2**14), mock.patch.object(seal_key, "PASSWORD_COST", 2**14), \
            mock.patch.object(seal_key, "PASSPHRASE_COST", 2**14):
        yield


def growth_signers(ctx, admin):
    """(urologist, nurse): the growth's signing accounts, created and signed in."""
    accounts, auth = AccountService(ctx), AuthService(ctx)
    out = []
    with _test_suite_secret_costs():
        for username, (display, role, title, registration, password) in GROWTH_SIGNERS.items():
            accounts.create_user(admin, UserFields(username, display, role, title, registration), password,
                                 must_change_password=False, clinic_passphrase=DEMO_PASSPHRASE)
            out.append(auth.login(username, password))  # at these costs: no re-hash at the production cost
    return tuple(out)


class _OnePatient(Work):
    """The unit of work every use case of one patient runs in: a use case's commit is a flush."""

    def commit(self) -> None:
        self.session.flush()


@contextmanager
def _one_transaction(ctx, actor):
    with ctx.uow(actor) as uow:
        work = _OnePatient(ctx, uow)

        @contextmanager
        def joined(_ctx, who, *, write=True):  # the use case's actor does its part (audited as them)
            saved = uow.actor
            uow.actor = uow.session.info["actor"] = who
            try:
                yield work
            finally:
                uow.actor = uow.session.info["actor"] = saved

        real_dto = explanation.explanation_dto
        with mock.patch.object(permissions, "open_work", joined), \
                mock.patch.object(explanation, "explanation_dto", lambda w, row: _BuiltWhenRead(real_dto, w, row)), \
                mock.patch.object(printing, "marked_copies", _unprinted):
            yield work
        uow.commit()


def _unprinted(pdf: bytes, marks) -> bytes:
    """The print job's marked copies go to the printer and are never stored: the growth makes none."""
    return b""


class _BuiltWhenRead:
    """An explanation DTO computed on first attribute access, from the state of that moment's transaction."""

    def __init__(self, build, work, row) -> None:
        self._build, self._work, self._row, self._dto = build, work, row, None

    def __getattr__(self, name):
        if self._dto is None:
            self._dto = self._build(self._work, self._row)
        return getattr(self._dto, name)


def consent_for(ctx, urologist, nurse, patient_id: int, language: str, name: str) -> None:
    """Explained 15 days ago, signed and printed now: what a signing patient's consultation records."""
    now = SystemClock().now()
    real_clock, ctx.clock = ctx.clock, FakeClock(now - timedelta(days=15))
    try:
        with _one_transaction(ctx, urologist):
            explain(ctx, urologist, patient_id, language)
            ctx.clock.set(now)
            signed = sign_consent(ctx, urologist, nurse, patient_id, language, name)
            printer = printing.PrintingService(ctx)
            printer.record(nurse, printer.prepare(nurse, signed.document_id), PRINTER)
    finally:
        ctx.clock = real_clock
