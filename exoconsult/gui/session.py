"""The workstation's sign-in state and the services the GUI may call.

There is no global "current user": the main window owns one `Session` and hands it to every page.
Pages read `session.actor` when they call a service and connect `about_to_lock` / `about_to_logout`
to a bound method that saves their unsaved work as a draft for `session.actor` (the owner) before the
patient data is taken off the screen.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from PySide6.QtCore import QObject, Signal

from exoconsult.domain.people import Actor
from exoconsult.services.core.permissions import Permission, allowed


class AppServices:
    """Service objects over one ServiceContext, built on first use so start-up imports stay light."""

    def __init__(self, ctx) -> None:
        self.ctx = ctx

    @cached_property
    def patients(self):
        from exoconsult.services.history.patients import PatientService

        return PatientService(self.ctx)

    @cached_property
    def auth(self):
        from exoconsult.services.accounts.auth import AuthService

        return AuthService(self.ctx)

    @cached_property
    def accounts(self):
        from exoconsult.services.accounts.accounts import AccountService

        return AccountService(self.ctx)

    @cached_property
    def signing_pin(self):
        from exoconsult.services.accounts.signing_pin import SigningPinService

        return SigningPinService(self.ctx)

    @cached_property
    def grants(self):
        from exoconsult.services.accounts.grants import GrantService

        return GrantService(self.ctx)

    @cached_property
    def content(self):
        from exoconsult.services.content.content_approval import ContentApprovalService

        return ContentApprovalService(self.ctx)

    @cached_property
    def settings(self):
        from exoconsult.services.admin.settings import SettingsService

        return SettingsService(self.ctx)

    @cached_property
    def programme(self):
        from exoconsult.services.programme.programme import ProgrammeService

        return ProgrammeService(self.ctx)

    @cached_property
    def installation_checks(self):
        from exoconsult.services.integrity.installation_checks import InstallationCheckService

        return InstallationCheckService(self.ctx)

    @cached_property
    def backup(self):
        from exoconsult.services.admin.backup import BackupService

        return BackupService(self.ctx)

    @cached_property
    def clinic_passphrase(self):
        from exoconsult.services.admin.clinic_passphrase import ClinicPassphraseService

        return ClinicPassphraseService(self.ctx)

    @cached_property
    def audit_log(self):
        from exoconsult.services.admin.audit_log import AuditLogService

        return AuditLogService(self.ctx)

    def setup_status(self):
        from exoconsult.services.admin.setup import setup_status

        return setup_status(self.ctx)

    def run_setup(self, profile, admin, password: str, passphrase: str):
        from exoconsult.services.admin.setup import run_setup

        return run_setup(self.ctx, profile, admin, password, passphrase)

    def join_clinic(self, database_url: str, passphrase: str):
        """This data folder becomes a workstation of the clinic in that database (before any sign-in)."""
        from exoconsult.services.admin.workstation import join_clinic

        return join_clinic(self.ctx.data_dir, database_url, passphrase, clock=self.ctx.clock)

    def clinic_settings(self):
        """Settings readable before anyone signs in (clinic name on the login screen, idle minutes)."""
        from exoconsult.services.core.clinic_settings import current_settings

        return current_settings(self.ctx)


class Session(QObject):
    """Who is signed in; emits the moments pages must react to."""

    signed_in = Signal(object)          # Actor
    about_to_lock = Signal()            # save drafts now; patient data is about to be hidden
    locked = Signal()
    unlocked = Signal()
    about_to_logout = Signal()          # save drafts for the leaving user now
    signed_out = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._actor: Actor | None = None
        self._locked = False
        self.must_change_password = False

    @property
    def actor(self) -> Actor | None:
        return self._actor

    @property
    def is_locked(self) -> bool:
        return self._locked

    def can(self, permission: Permission) -> bool:
        """UX only (hide what a role cannot do); the services check again."""
        return not self._locked and allowed(self._actor, permission)

    def sign_in(self, actor: Actor, *, must_change_password: bool = False) -> None:
        self._actor = actor
        self._locked = False
        self.must_change_password = must_change_password
        self.signed_in.emit(actor)

    def remember_screen_language(self, code: str) -> None:
        """The account's new screen language (saved by the accounts service), for the rest of this session."""
        if self._actor is not None:
            self._actor = replace(self._actor, ui_language=code)

    def lock(self) -> None:
        if self._actor is None or self._locked:
            return
        self.about_to_lock.emit()
        self._locked = True
        self.locked.emit()

    def unlock(self, actor: Actor) -> None:
        """Only the same user may unlock (the password was checked by the auth service)."""
        if self._actor is None or actor.user_id != self._actor.user_id:
            raise ValueError("only the signed-in user can unlock this session")
        self._actor = actor
        self._locked = False
        self.unlocked.emit()

    def sign_out(self) -> None:
        if self._actor is None:
            return
        self.about_to_logout.emit()
        self._actor = None
        self._locked = False
        self.must_change_password = False
        self.signed_out.emit()
