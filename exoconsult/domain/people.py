"""Who acts: staff roles and the signed-in actor passed explicitly into every service call."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    UROLOGIST = "urologist"
    NURSE = "nurse"


@dataclass(frozen=True)
class Actor:
    """The member of staff on whose behalf a service call runs (never a global)."""

    user_id: int
    username: str
    display_name: str
    role: Role
    # The screen language this account chose (a code with a built translation); "" = the clinic's working
    # language. Kept on the account, so it follows the user to every workstation.
    ui_language: str = ""


# Used for work the system does on its own (migrations, start-up repair, demo seeding).
SYSTEM_ACTOR = Actor(user_id=0, username="system", display_name="System", role=Role.ADMIN)
