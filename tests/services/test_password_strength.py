"""The passwords the reliability run got accepted (issue 21) are refused, each with a reason the person
can act on, at every place a password is chosen: account creation, first-run setup, change at sign-in."""

from __future__ import annotations

import pytest

from exoconsult.domain.errors import ValidationError
from exoconsult.domain.people import Role
from exoconsult.services.accounts.accounts import AccountService, UserFields
from exoconsult.services.accounts.auth import AuthService, PasswordChangeRequired, password_problem

ACCEPTED_BEFORE = {
    "password1234": "one of the most common passwords",
    "123456789012": "too easy to guess",
    "aaaaaaaaaaaa": "too easy to guess (repeats",
    " " * 12: "too easy to guess",
    "my-name-is-mertkaya-ok": "must not contain the username",
    "Mert Kaya sings loudly": "must not contain the username or a part of the name",
    "Galatasaray1905": "one of the most common passwords",
    "ŞİFRE2024!!!": "one of the most common passwords",
    "fenerbahçe123": "one of the most common passwords",
}
GOOD = ["installer chosen password", "Kırmızı kalem 47 masada", "correct horse battery staple", "tK9#qv2!Lm0@xR"]


@pytest.mark.parametrize("password", list(ACCEPTED_BEFORE))
def test_a_guessable_password_is_refused_with_its_reason(ctx, admin, password) -> None:
    with pytest.raises(ValidationError) as refused:
        AccountService(ctx).create_user(admin, UserFields("mertkaya", "Mert Kaya", Role.NURSE), password)
    assert refused.value.problems["password"].startswith("The password ")
    assert ACCEPTED_BEFORE[password] in refused.value.problems["password"]


@pytest.mark.parametrize("password", GOOD)
def test_a_strong_password_or_passphrase_is_accepted(password) -> None:
    assert password_problem(password, username="mertkaya", display_name="Mert Kaya") is None


def test_the_change_at_first_sign_in_applies_the_same_policy(ctx, admin) -> None:
    AccountService(ctx).create_user(admin, UserFields("mertkaya", "Mert Kaya", Role.NURSE), "tK9#qv2!Lm0@xR")
    auth = AuthService(ctx)
    with pytest.raises(PasswordChangeRequired):
        auth.login("mertkaya", "tK9#qv2!Lm0@xR")
    with pytest.raises(ValidationError) as refused:
        auth.change_password_at_login("mertkaya", "tK9#qv2!Lm0@xR", "123456789012")
    assert "too easy to guess" in refused.value.problems["new_password"]
    assert auth.change_password_at_login("mertkaya", "tK9#qv2!Lm0@xR", "Kırmızı kalem 47 masada").username == "mertkaya"


def test_a_128_character_password_is_judged_quickly() -> None:
    import time

    started = time.perf_counter()
    assert password_problem("a" * 128) is not None and password_problem("tK9#qv2!Lm0@xR-" * 8) is None
    assert time.perf_counter() - started < 1
