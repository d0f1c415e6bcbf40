"""Account administration (P11-100a, P11-300, PWD-4): unique Turkish-folded usernames never reused,
users never deleted, the password policy, the last admin kept, every account event audited."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from exoconsult.domain.errors import Conflict, NotFound, ValidationError
from exoconsult.domain.people import Role
from exoconsult.services.accounts.accounts import AccountService, UserFields
from exoconsult.services.accounts.auth import AuthService, LoginFailed, PasswordChangeRequired
from exoconsult.storage.integrity import check_replay
from tests.conftest import STAFF_PASSWORDS


@pytest.fixture
def accounts(ctx) -> AccountService:
    return AccountService(ctx)


def _actions(ctx, entity_id: int) -> list[str]:
    with ctx.db.connect() as conn:
        return [r[0] for r in conn.execute(text(
            "SELECT action FROM audit_entry WHERE entity = 'user' AND entity_id = :i ORDER BY seq"), {"i": str(entity_id)})]


def test_an_admin_creates_a_clinician_who_prints_with_title_and_registration(ctx, accounts, admin):
    dto = accounts.create_user(admin, UserFields("  İsmail.K ", "İsmail  Kaya", Role.UROLOGIST, "Op. Dr.", "TTB 123/45"),
                               "a long enough password")
    assert (dto.username, dto.display_name, dto.signature_name, dto.registration_number) == (
        "İsmail.K", "İsmail Kaya", "Op. Dr. İsmail Kaya", "TTB 123/45")
    assert dto.active and dto.must_change_password  # the admin's password is only a first password
    assert _actions(ctx, dto.id) == ["create", "account_created"]
    with pytest.raises(PasswordChangeRequired):
        AuthService(ctx).login("ismail.k", "a long enough password")


@pytest.mark.parametrize("taken", ["ismail", "ISMAIL", "İSMAİL", "Ismail", "ısmail"])
def test_usernames_collide_after_turkish_folding(accounts, admin, taken):
    accounts.create_user(admin, UserFields("İsmail", "İsmail Kaya", Role.NURSE), "a long enough password")
    with pytest.raises(ValidationError) as info:
        accounts.create_user(admin, UserFields(taken, "Someone Else", Role.NURSE), "a long enough password")
    assert "taken" in info.value.problems["username"]


def test_a_deactivated_username_is_never_given_again_and_ids_are_not_reused(ctx, accounts, admin, nurse):
    accounts.deactivate(admin, nurse.user_id, "left the clinic")
    with pytest.raises(ValidationError):
        accounts.create_user(admin, UserFields("Nurse", "New Nurse", Role.NURSE), "a long enough password")
    new = accounts.create_user(admin, UserFields("nurse2", "New Nurse", Role.NURSE), "a long enough password")
    assert new.id > max(u.id for u in accounts.list_users(admin) if u.id != new.id)
    assert _actions(ctx, nurse.user_id)[-2:] == ["update", "account_deactivated"]


def test_the_database_refuses_to_delete_a_user(ctx, nurse):
    with pytest.raises(Exception) as info:
        with ctx.db.connect(write=True) as conn:
            conn.execute(text("DELETE FROM app_user WHERE id = :i"), {"i": nurse.user_id})
            conn.commit()
    assert "never deleted" in str(info.value)


@pytest.mark.parametrize(("password", "why"), [
    ("short pw", "at least 12"),
    ("x" * 129, "at most 128"),
    ("newcolleague", "username"),
    ("New Colleague", "display name"),
    ("newcolleague".upper(), "username"),
])
def test_password_policy(accounts, admin, password, why):
    with pytest.raises(ValidationError) as info:
        accounts.create_user(admin, UserFields("newcolleague", "New Colleague", Role.NURSE), password)
    assert why in info.value.problems["password"]


def test_passwords_are_nfkc_normalised_and_any_unicode_is_accepted(ctx, accounts, admin):
    # "ﬁ" (U+FB01) is NFKC-equal to "fi": typed either way, it is the same password.
    accounts.create_user(admin, UserFields("ayse", "Ayşe Yılmaz", Role.NURSE), "şifre-ﬁle-ğüçö", must_change_password=False)
    assert AuthService(ctx).login("ayse", "şifre-file-ğüçö").username == "ayse"


@pytest.mark.parametrize(("fields", "key"), [
    (UserFields("a", "Name Surname", Role.NURSE), "username"),
    (UserFields("has space", "Name Surname", Role.NURSE), "username"),
    (UserFields("ok.user", "", Role.NURSE), "display_name"),
    (UserFields("ok.user", "Evil\u202eName", Role.NURSE), "display_name"),
    (UserFields("ok.user", "Name Surname", "superuser"), "role"),
    (UserFields("ok.user", "Name Surname", Role.ADMIN, "Dr."), "role"),
    (UserFields("ok.user", "Name Surname", Role.UROLOGIST, "", "<script>"), "registration_number"),
])
def test_bad_account_fields_are_refused_by_field(accounts, admin, fields, key):
    with pytest.raises(ValidationError) as info:
        accounts.create_user(admin, fields, "a long enough password")
    assert key in info.value.problems


def test_edit_changes_name_role_title_but_never_the_username(ctx, accounts, admin, urologist):
    dto = accounts.get_user(admin, urologist.user_id)
    edited = accounts.edit_user(admin, urologist.user_id, UserFields("UROLOGIST", "Deniz Uro", Role.UROLOGIST, "Prof. Dr.",
                                                                    "TR-UR-0042"), dto.row_version)
    assert (edited.display_name, edited.title, edited.row_version) == ("Deniz Uro", "Prof. Dr.", dto.row_version + 1)
    with pytest.raises(Conflict):
        accounts.edit_user(admin, urologist.user_id, UserFields("urologist", "X Y", Role.UROLOGIST), dto.row_version)
    with pytest.raises(ValidationError):
        accounts.edit_user(admin, urologist.user_id, UserFields("renamed", "X Y", Role.UROLOGIST), edited.row_version)
    assert _actions(ctx, urologist.user_id)[-1] == "account_edited"


def test_the_last_active_admin_cannot_be_removed(accounts, admin):
    second = accounts.create_user(admin, UserFields("admin2", "Second Admin", Role.ADMIN), "a long enough password")
    with pytest.raises(ValidationError):
        accounts.deactivate(admin, admin.user_id, "myself")  # nobody deactivates themselves
    accounts.deactivate(admin, second.id, "not needed")
    dto = accounts.get_user(admin, admin.user_id)
    with pytest.raises(ValidationError) as info:
        accounts.edit_user(admin, admin.user_id, UserFields("admin", "Admin", Role.NURSE), dto.row_version)
    assert "last active admin" in info.value.problems["role"]


def test_users_change_their_own_password_with_the_old_one(ctx, accounts, nurse):
    with pytest.raises(ValidationError) as info:
        accounts.change_own_password(nurse, "not my password", "a brand new password")
    assert "old_password" in info.value.problems
    with pytest.raises(ValidationError):
        accounts.change_own_password(nurse, STAFF_PASSWORDS["nurse"], "too short")
    accounts.change_own_password(nurse, STAFF_PASSWORDS["nurse"], "a brand new password")
    auth = AuthService(ctx)
    assert auth.login("nurse", "a brand new password") == nurse
    with pytest.raises(LoginFailed):
        auth.login("nurse", STAFF_PASSWORDS["nurse"])
    actions = _actions(ctx, nurse.user_id)
    assert actions.index("password_change_failed") < actions.index("password_changed")


def test_an_admin_unlocks_a_locked_account_early(ctx, accounts, admin, nurse):
    auth = AuthService(ctx)
    for _ in range(5):
        with pytest.raises(LoginFailed):
            auth.login("nurse", "wrong-password-123")
    assert accounts.get_user(admin, nurse.user_id).locked_until is not None
    assert accounts.unlock(admin, nurse.user_id).locked_until is None
    assert auth.login("nurse", STAFF_PASSWORDS["nurse"]) == nurse
    assert "account_unlocked" in _actions(ctx, nurse.user_id)


def test_unknown_user_ids_are_not_found(accounts, admin):
    with pytest.raises(NotFound):
        accounts.get_user(admin, 4242)


def test_list_and_my_account(accounts, admin, nurse):
    assert [u.username for u in accounts.list_users(admin)] == ["admin", "nurse", "urologist"]
    assert accounts.my_account(nurse).display_name == "Ayşe Nurse"


def test_a_user_keeps_their_screen_language_with_the_account_audited_and_replayed(ctx, accounts, nurse):
    auth = AuthService(ctx)
    assert auth.login("nurse", STAFF_PASSWORDS["nurse"]).ui_language == ""  # the clinic's working language
    before = len(_actions(ctx, nurse.user_id))
    accounts.set_own_screen_language(nurse, "en")
    accounts.set_own_screen_language(nurse, "en")  # no change: nothing written
    assert _actions(ctx, nurse.user_id)[before:] == ["update"]
    assert auth.login("nurse", STAFF_PASSWORDS["nurse"]).ui_language == "en"
    assert auth.login("urologist", STAFF_PASSWORDS["urologist"]).ui_language == ""
    accounts.set_own_screen_language(nurse, "")
    assert auth.login("nurse", STAFF_PASSWORDS["nurse"]).ui_language == ""
    assert check_replay(ctx.db) == []  # an account audited before the column existed replays the same


@pytest.mark.parametrize("code", ["english", "EN", "e", "tr; DROP", "../tr"])
def test_a_screen_language_that_is_no_language_code_is_refused_in_the_users_language(ctx, accounts, nurse, code):
    with pytest.raises(ValidationError) as info:
        accounts.set_own_screen_language(nurse, code)
    assert info.value.problems == {"ui_language": "Choose a screen language from the list."}
    assert "ui_language" in info.value.reasons  # translatable: a Turkish screen shows it in Turkish
    assert AuthService(ctx).login("nurse", STAFF_PASSWORDS["nurse"]).ui_language == ""
