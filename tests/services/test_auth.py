"""Sign-in (PWD-1..PWD-5, PWD-7): one message for every failure, lockout with the counter in the
database, deactivation and password resets ending open sessions, re-authentication for signatures."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from exoconsult.domain.errors import NotAuthenticated
from exoconsult.domain.people import Role
from exoconsult.services.accounts.accounts import AccountService, UserFields
from exoconsult.services.accounts.auth import (
    LOGIN_FAILED_MESSAGE,
    AuthService,
    LoginFailed,
    PasswordChangeRequired,
)
from exoconsult.services.admin.settings import SettingsService
from tests.conftest import STAFF_PASSWORDS

NURSE_PW = STAFF_PASSWORDS["nurse"]


@pytest.fixture
def auth(ctx) -> AuthService:
    return AuthService(ctx)


def _audit(ctx, where: str = "1=1"):
    with ctx.db.connect() as conn:
        return conn.execute(text(f"SELECT seq, action, actor, entity_id, detail FROM audit_entry WHERE {where} ORDER BY seq")).all()


def _fail(auth: AuthService, username: str, password: str) -> str:
    with pytest.raises(LoginFailed) as info:
        auth.login(username, password)
    return str(info.value)


def test_login_returns_the_account_as_actor_and_is_audited(ctx, auth, nurse):
    actor = auth.login("NURSE", NURSE_PW)  # usernames are matched case-insensitively (Turkish folding)
    assert actor == nurse
    assert [r.actor for r in _audit(ctx, "action = 'login'")] == ["nurse"]


def test_unknown_user_and_wrong_password_get_the_same_message(auth, nurse):
    assert _fail(auth, "nobody", NURSE_PW) == _fail(auth, "nurse", "wrong-password-123") == LOGIN_FAILED_MESSAGE


def test_unknown_user_and_wrong_password_do_the_same_argon2_work(auth, nurse, clock, monkeypatch):
    """PWD-5 (no username enumeration by timing): an unknown user costs one full argon2 verify against a
    dummy hash with the same parameters, exactly like a wrong password. Counted, not timed: wall-clock
    comparisons are flaky on a loaded machine; the figure itself belongs to a benchmark."""
    from exoconsult.services.accounts import auth as auth_module

    calls: list[str] = []
    real_verify = auth_module._HASHER.verify

    class CountingHasher:
        def __getattr__(self, name):
            return getattr(real_hasher, name)

        def verify(self, stored_hash, password):
            calls.append(stored_hash.split("$")[3])  # the parameters part: m=…,t=…,p=…
            return real_verify(stored_hash, password)

    real_hasher = auth_module._HASHER
    monkeypatch.setattr(auth_module, "_HASHER", CountingHasher())
    for username in ("nurse", "nobody"):
        with pytest.raises(LoginFailed) as info:
            auth.login(username, "wrong-password-123")
        assert str(info.value) == LOGIN_FAILED_MESSAGE
    assert len(calls) == 2 and calls[0] == calls[1]


def test_five_failures_lock_the_account_for_fifteen_minutes(ctx, auth, nurse, clock):
    for _ in range(4):
        _fail(auth, "nurse", "wrong-password-123")
    assert auth.login("nurse", NURSE_PW) == nurse  # 4 failures do not lock; success resets the count
    for _ in range(5):
        _fail(auth, "nurse", "wrong-password-123")
    assert _fail(auth, "nurse", NURSE_PW) == LOGIN_FAILED_MESSAGE  # right password refused while locked
    clock.advance(minutes=14, seconds=59)
    _fail(auth, "nurse", NURSE_PW)
    clock.advance(seconds=1)
    assert auth.login("nurse", NURSE_PW) == nurse
    locks = _audit(ctx, "action = 'account_locked'")
    assert len(locks) == 1 and locks[0].entity_id == str(nurse.user_id)
    reasons = [r.detail for r in _audit(ctx, "action = 'login_failed'")]
    assert sum('"reason":"locked"' in d for d in reasons) == 2
    assert sum('"reason":"wrong password"' in d for d in reasons) == 9


def test_failures_older_than_the_window_do_not_add_up(auth, nurse, clock):
    for _ in range(4):
        _fail(auth, "nurse", "wrong-password-123")
    clock.advance(minutes=16)
    _fail(auth, "nurse", "wrong-password-123")
    assert auth.login("nurse", NURSE_PW) == nurse


def test_a_lockout_survives_a_restart(ctx, auth, nurse, data_dir, clock, db_url):
    from exoconsult.services.clinic import open_context

    for _ in range(5):
        _fail(auth, "nurse", "wrong-password-123")
    ctx.close()
    reopened = open_context(data_dir, db_url, clock=clock)
    try:
        with pytest.raises(LoginFailed):
            AuthService(reopened).login("nurse", NURSE_PW)
    finally:
        reopened.close()


def test_no_password_ever_reaches_the_audit(ctx, auth, nurse):
    _fail(auth, "nurse", "secret-typed-by-mistake")
    _fail(auth, "no-such-user", "another-secret-value")
    auth.login("nurse", NURSE_PW)
    with ctx.db.connect() as conn:
        dump = " ".join(str(v) for row in conn.execute(text("SELECT * FROM audit_entry")) for v in row)
    for secret in ("secret-typed-by-mistake", "another-secret-value", NURSE_PW, "$argon2"):
        assert secret not in dump
    failed = _audit(ctx, "action = 'login_failed'")
    assert {r.actor for r in failed} == {"system"}
    assert any('"attempted_username":"no-such-user"' in r.detail for r in failed)


def test_hashes_are_argon2id_with_at_least_owasp_parameters(ctx, admin, monkeypatch):
    """With the program's own hasher (the test session uses a cheaper one in-process)."""
    from argon2 import PasswordHasher

    import exoconsult.services.accounts.auth as auth_module

    monkeypatch.setattr(auth_module, "_HASHER", PasswordHasher())
    made = AccountService(ctx).create_user(admin, UserFields("newcomer", "New Comer", Role.NURSE),
                                           "tulip harbour seventeen", must_change_password=False)
    with ctx.db.connect() as conn:
        hashes = [r[0] for r in conn.execute(text("SELECT password_hash FROM app_user WHERE id = :i"),
                                             {"i": made.id})]
    assert len(hashes) == 1
    for h in hashes:
        assert h.startswith("$argon2id$v=19$")
        params = dict(p.split("=") for p in h.split("$")[3].split(","))
        assert int(params["m"]) >= 19456 and int(params["t"]) >= 2


def test_an_outdated_hash_is_upgraded_at_login(ctx, auth, admin, monkeypatch):
    """PWD-2: an account made when argon2's parameters were weaker gets a new hash at its next sign-in."""
    from argon2 import PasswordHasher

    import exoconsult.services.accounts.auth as auth_module

    monkeypatch.setattr(auth_module, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))
    old = AccountService(ctx).create_user(admin, UserFields("oldtimer", "Old Timer", Role.NURSE),
                                          "an older password", must_change_password=False)
    monkeypatch.setattr(auth_module, "_HASHER", PasswordHasher())  # the production parameters
    auth.login("oldtimer", "an older password")
    with ctx.db.connect() as conn:
        upgraded = conn.execute(text("SELECT password_hash FROM app_user WHERE id = :i"), {"i": old.id}).scalar()
    assert "m=65536,t=3,p=4" in upgraded
    assert [r.action for r in _audit(ctx, f"entity_id = '{old.id}' AND action = 'password_rehashed'")] == ["password_rehashed"]
    assert auth.login("oldtimer", "an older password").user_id == old.id


def test_a_hash_swapped_in_behind_the_app_does_not_sign_in(ctx, auth, nurse, admin):
    """The hash is kept out of the audit, but its fingerprint is not: copying the admin's hash onto the
    nurse's row (to sign in as the nurse with the admin's password) is refused and reported."""
    with ctx.db.connect(write=True) as conn:
        conn.execute(text("UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE id = :a) "
                          "WHERE id = :n"), {"a": admin.user_id, "n": nurse.user_id})
        conn.commit()
    with pytest.raises(LoginFailed):
        auth.login("nurse", STAFF_PASSWORDS["admin"])
    [row] = _audit(ctx, "action = 'login_failed'")
    assert "differs from its audit trail" in row.detail


def test_deactivation_ends_an_open_session_at_its_next_call(ctx, auth, nurse, admin):
    session = auth.login("nurse", NURSE_PW)
    settings = SettingsService(ctx)
    assert settings.read(session).idle_lock_minutes == 5
    AccountService(ctx).deactivate(admin, nurse.user_id, "left the clinic")
    with pytest.raises(NotAuthenticated, match="deactivated"):
        settings.read(session)
    with pytest.raises(LoginFailed):
        auth.login("nurse", NURSE_PW)
    AccountService(ctx).reactivate(admin, nurse.user_id, "came back")
    assert auth.login("nurse", NURSE_PW) == nurse


def test_a_role_change_ends_the_open_session(ctx, auth, nurse, admin):
    accounts = AccountService(ctx)
    dto = accounts.get_user(admin, nurse.user_id)
    accounts.edit_user(admin, nurse.user_id, UserFields("nurse", dto.display_name, Role.UROLOGIST), dto.row_version)
    with pytest.raises(NotAuthenticated, match="role"):
        SettingsService(ctx).read(nurse)
    assert auth.login("nurse", NURSE_PW).role == Role.UROLOGIST


def test_an_admin_reset_forces_a_new_password_and_the_temporary_one_cannot_sign(ctx, auth, nurse, admin, urologist):
    temporary = AccountService(ctx).reset_password(admin, nurse.user_id)
    assert len(temporary) >= 12
    with pytest.raises(NotAuthenticated, match="reset"):
        SettingsService(ctx).read(nurse)  # the open session ends
    with pytest.raises(PasswordChangeRequired):
        auth.login("nurse", temporary)
    with pytest.raises(PasswordChangeRequired):
        auth.reauthenticate(urologist, nurse.user_id, temporary)
    with pytest.raises(LoginFailed):
        auth.login("nurse", NURSE_PW)  # the old password is gone
    actor = auth.change_password_at_login("nurse", temporary, "my own new passphrase")
    assert actor == nurse
    assert auth.login("nurse", "my own new passphrase") == nurse
    assert auth.reauthenticate(urologist, nurse.user_id, "my own new passphrase").user_id == nurse.user_id


def test_reauthentication_returns_what_prints_under_a_signature(ctx, auth, nurse, urologist, clock):
    proof = auth.reauthenticate(nurse, urologist.user_id, STAFF_PASSWORDS["urologist"])
    assert (proof.user_id, proof.display_name, proof.role, proof.registration_number, proof.at) == (
        urologist.user_id, "Dr. Deniz Uro", Role.UROLOGIST, "TR-UR-0042", clock.now())
    with pytest.raises(LoginFailed):
        auth.reauthenticate(nurse, urologist.user_id, NURSE_PW)  # someone else's password does not sign
    with pytest.raises(LoginFailed):
        auth.reauthenticate(nurse, 999, NURSE_PW)
    signed = _audit(ctx, "action = 'signature_auth'")
    assert [(r.actor, r.entity_id) for r in signed] == [("nurse", str(urologist.user_id))]
    assert len(_audit(ctx, "action = 'signature_auth_failed'")) == 2


def test_only_the_same_users_password_unlocks(ctx, auth, nurse):
    auth.verify_password_for_unlock(nurse, NURSE_PW)
    with pytest.raises(LoginFailed):
        auth.verify_password_for_unlock(nurse, STAFF_PASSWORDS["urologist"])
    assert [r.action for r in _audit(ctx, "action LIKE 'unlock%'")] == ["unlock", "unlock_failed"]


def test_unlock_failures_count_towards_the_lockout(auth, nurse):
    for _ in range(5):
        with pytest.raises(LoginFailed):
            auth.verify_password_for_unlock(nurse, "wrong-password-123")
    with pytest.raises(LoginFailed):
        auth.verify_password_for_unlock(nurse, NURSE_PW)


def test_logout_and_switch_user_are_audited(ctx, auth, nurse):
    auth.logout(nurse, reason="switch_user")
    [row] = _audit(ctx, "action = 'logout'")
    assert row.actor == "nurse" and '"reason":"switch_user"' in row.detail


def test_an_actor_for_an_account_that_does_not_exist_is_refused(ctx):
    from exoconsult.domain.people import Actor

    ghost = Actor(user_id=77, username="ghost", display_name="Ghost", role=Role.UROLOGIST)
    with pytest.raises(NotAuthenticated):
        SettingsService(ctx).read(ghost)
