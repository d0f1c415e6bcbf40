"""The main window's menus and shortcuts, and the user's choice of screen language.

Menus exist before anyone signs in, so they are re-labelled when the language changes (Qt sends
LanguageChange to every widget when a translator is installed); screens built after sign-in are
simply built in the new language.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from exoconsult.gui import ui_language
from exoconsult.gui.widgets import inform, show_service_error
from exoconsult.services.core.permissions import Permission

_ADMIN_SECTIONS = (("users", Permission.ACCOUNTS_MANAGE), ("settings", Permission.SETTINGS_MANAGE),
                   ("programme", Permission.SETTINGS_MANAGE),
                   ("backups", Permission.BACKUP_MANAGE), ("audit", Permission.AUDIT_VIEW))


class MenuActions:
    """Mixed into MainWindow: builds the actions once and labels them in the current language."""

    def _build_actions(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.new_patient_action = QAction(self)
        self.new_patient_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_patient_action.triggered.connect(self._on_new_patient)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._on_find)
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_now)
        self.switch_user_action = QAction(self)
        self.switch_user_action.triggered.connect(self.switch_user)
        self.change_password_action = QAction(self)
        self.change_password_action.triggered.connect(self._on_change_password)
        self.signing_pin_action = QAction(self)
        self.signing_pin_action.setObjectName("signingPinAction")
        self.signing_pin_action.triggered.connect(self._on_signing_pin)
        self.research_export_action = QAction(self)
        self.research_export_action.setObjectName("researchExportAction")
        self.research_export_action.triggered.connect(self._on_research_export)
        self.fhir_export_action = QAction(self)
        self.fhir_export_action.setObjectName("fhirExportAction")
        self.fhir_export_action.triggered.connect(self._on_fhir_export)
        self.review_content_action = QAction(self)
        self.review_content_action.setObjectName("reviewContentAction")
        self.review_content_action.triggered.connect(self._on_review_content)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.language_menu = self.file_menu.addMenu("")
        self._build_language_menu()
        for action in (self.new_patient_action, self.find_action, self.review_content_action, None,
                       self.research_export_action,
                       self.fhir_export_action, None, self.lock_action,
                       self.switch_user_action, self.change_password_action, self.signing_pin_action,
                       self.language_menu.menuAction(),
                       None, self.quit_action):
            if action is None:
                self.file_menu.addSeparator()
            else:
                self.file_menu.addAction(action)
                self.addAction(action)  # shortcuts work even while the menu bar is hidden
        self.admin_menu = self.menuBar().addMenu("")
        self.admin_actions: dict[str, QAction] = {}
        for key, _permission in _ADMIN_SECTIONS:
            action = QAction(self)
            action.setData(key)
            action.triggered.connect(partial(self._show_admin, key))
            self.admin_menu.addAction(action)
            self.admin_actions[key] = action
        self._label_actions()
        self._update_actions()

    def _build_language_menu(self) -> None:
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in ("", *ui_language.available_languages()):
            action = QAction(ui_language.native_name(code) if code else "", self)
            action.setCheckable(True)
            action.setData(code)
            action.triggered.connect(partial(self._on_language_chosen, code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

    def _label_actions(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.new_patient_action.setText(self.tr("&New patient…"))
        self.find_action.setText(self.tr("&Find patient"))
        self.lock_action.setText(self.tr("&Lock now"))
        self.switch_user_action.setText(self.tr("&Switch user…"))
        self.change_password_action.setText(self.tr("&Change password…"))
        self.signing_pin_action.setText(self.tr("Signing &PIN…"))
        self.language_menu.setTitle(self.tr("Screen &language"))
        self.language_actions[""].setText(self.tr("The clinic's working language"))
        self.research_export_action.setText(self.tr("&Research export (pseudonymised)…"))
        self.fhir_export_action.setText(self.tr("FHIR e&xport (identified)…"))
        self.review_content_action.setText(self.tr("Review and &approve content…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.admin_menu.setTitle(self.tr("&Administration"))
        titles = {"users": self.tr("&Users…"), "settings": self.tr("Clinic &settings…"),
                  "programme": self.tr("&Programme facts…"),
                  "backups": self.tr("&Backups…"), "audit": self.tr("&Audit log…")}
        for key, action in self.admin_actions.items():
            action.setText(titles[key])

    def _update_actions(self) -> None:
        signed_in = self.session.actor is not None and not self.session.is_locked
        can_view = self.session.can(Permission.PATIENT_VIEW)
        self.new_patient_action.setEnabled(self.session.can(Permission.PATIENT_EDIT))
        self.new_patient_action.setVisible(can_view)
        self.find_action.setEnabled(can_view)
        self.find_action.setVisible(can_view)
        for action, permission in ((self.research_export_action, Permission.RESEARCH_EXPORT),
                                   (self.fhir_export_action, Permission.FHIR_EXPORT),
                                   (self.review_content_action, Permission.CONTENT_APPROVE),
                                   (self.signing_pin_action, Permission.CONSENT_WITNESS)):
            action.setVisible(self.session.can(permission))
            action.setEnabled(self.session.can(permission))
        self.lock_action.setEnabled(signed_in)
        self.switch_user_action.setEnabled(self.session.actor is not None)
        self.change_password_action.setEnabled(self.session.can(Permission.OWN_ACCOUNT))
        self.language_menu.setEnabled(signed_in)
        if self.session.actor is not None:
            chosen = ui_language.account_choice(self.settings, self.session.actor)
            self.language_actions.get(chosen, self.language_actions[""]).setChecked(True)
        any_admin = False
        for key, permission in _ADMIN_SECTIONS:
            ok = self.session.can(permission)
            self.admin_actions[key].setVisible(ok)
            self.admin_actions[key].setEnabled(ok)
            any_admin = any_admin or ok
        self.admin_menu.menuAction().setVisible(any_admin)

    def _on_research_export(self) -> None:
        from exoconsult.gui.exports.export_dialogs import ResearchExportDialog

        self.export_dialog = ResearchExportDialog(self.services, self.session, self.runner, self)
        self.export_dialog.open()

    def _on_fhir_export(self) -> None:
        from exoconsult.gui.exports.export_dialogs import FhirExportDialog

        self.export_dialog = FhirExportDialog(self.services, self.session, self.runner, self)
        self.export_dialog.open()

    def _on_review_content(self) -> None:
        from exoconsult.gui.content.review_dialog import open_review

        self.review_dialog = open_review(self.services, self.session, self.runner, self)

    def _on_language_chosen(self, code: str) -> None:
        """Kept with the account (every workstation); the screens are rebuilt in it at the next sign-in (a
        screen open now may hold unsaved entries, so it is not torn down here)."""
        actor = self.session.actor
        if actor is None:
            return
        self.runner.submit(partial(self.services.accounts.set_own_screen_language, actor, code),
                           partial(self._on_language_saved, code), self._on_language_not_saved,
                           label=self.tr("Saving the screen language…"))

    def _on_language_not_saved(self, error: BaseException) -> None:
        self._update_actions()  # the menu shows the choice still in force
        show_service_error(self, error)

    def _on_language_saved(self, code: str, _result=None) -> None:
        actor = self.session.actor
        if actor is None:
            return
        ui_language.set_user_choice(self.settings, actor.user_id, "")  # the account's choice now rules here too
        self.session.remember_screen_language(code)
        language = ui_language.language_for(self.settings, self.session.actor, self.clinic_language())
        if language == ui_language.current_language():
            return
        inform(self, self.tr("Screen language"),
               self.tr("From your next sign-in the screens are in %1. Switch user or sign in again to "
                       "use it now.").replace("%1", ui_language.native_name(language)))
