"""A clinic set up the way setup makes one (seal identity pinned, backup key under a clinic passphrase),
with the test accounts, for backup and restore tests."""

from __future__ import annotations

from exoconsult.domain.people import SYSTEM_ACTOR, Actor
from exoconsult.services.admin.setup import AdminAccount, ClinicProfile, run_setup
from exoconsult.services.core import seal_key
from tests.conftest import STAFF_PASSWORDS, create_staff

PASSPHRASE = "violet harbour seventeen lanterns"
SETUP_PASSWORD = "granite meadow pelican 2026"


def set_up_clinic(ctx, name: str = "Exo Clinic Ankara") -> dict[str, Actor]:
    """Run setup (its admin is `chief`), then add the usual test accounts (admin, nurse, urologist); the
    urologist gets a slot of the seal key under his password, as an admin creating him would give him."""
    run_setup(ctx, ClinicProfile(name), AdminAccount("chief", "Chief Admin"), SETUP_PASSWORD, PASSPHRASE)
    staff = create_staff(ctx)
    with ctx.uow(SYSTEM_ACTOR) as uow:
        seal_key.put_slot(uow, seal_key.open_with_passphrase(ctx.db, PASSPHRASE), staff["urologist"].user_id,
                          STAFF_PASSWORDS["urologist"])
        uow.commit()
    return staff
