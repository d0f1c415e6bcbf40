"""Administration → Users: every account (never deleted), create, edit, deactivate/reactivate,
reset a password (a one-time temporary password shown once), end a lockout."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.admin.user_dialog import UserDialog
from exoconsult.gui.local_format import datetime_text
from exoconsult.gui.widgets import ask_text, confirm, inform, show_service_error


class UserTableModel(QAbstractTableModel):
    _HEADERS = (QT_TRANSLATE_NOOP("UserTableModel", "Username"), QT_TRANSLATE_NOOP("UserTableModel", "Name"),
                QT_TRANSLATE_NOOP("UserTableModel", "Role"), QT_TRANSLATE_NOOP("UserTableModel", "Status"),
                QT_TRANSLATE_NOOP("UserTableModel", "Content approver"),
                QT_TRANSLATE_NOOP("UserTableModel", "Last sign-in"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows = []
        self.approvers: frozenset[int] = frozenset()  # ids holding the approver grant

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        u = self._rows[index.row()]
        roles = {"admin": QCoreApplication.translate("UserTableModel", "Administrator"), "urologist": QCoreApplication.translate("UserTableModel", "Urologist"), "nurse": QCoreApplication.translate("UserTableModel", "Nurse")}
        if not u.active:
            status = QCoreApplication.translate("UserTableModel", "Deactivated")
        elif u.locked_until is not None:
            status = QCoreApplication.translate("UserTableModel", "Locked (failed sign-ins)")
        elif u.must_change_password:
            status = QCoreApplication.translate("UserTableModel", "Must choose a password")
        else:
            status = QCoreApplication.translate("UserTableModel", "Active")
        last = datetime_text(u.last_login_at)
        name = f"{u.title} {u.display_name}".strip()
        approver = QCoreApplication.translate("UserTableModel", "yes") if u.id in self.approvers else ""
        return (u.username, name, roles.get(str(u.role), str(u.role)), status, approver, last)[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("UserTableModel", self._HEADERS[section])
        return None


class UsersPage(QWidget):
    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._session = session
        self._runner = runner
        self.model = UserTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("usersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.new_button = QPushButton(self.tr("New account…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.active_button = QPushButton(self.tr("Deactivate…"), self)
        self.reset_button = QPushButton(self.tr("Reset password…"), self)
        self.unlock_button = QPushButton(self.tr("End lockout"), self)
        self.approver_button = QPushButton(self.tr("Make content approver"), self)
        self.approver_button.setObjectName("approverButton")
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.active_button, self.reset_button, self.unlock_button,
                  self.approver_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.new_button.clicked.connect(self._on_new)
        self.edit_button.clicked.connect(self._on_edit)
        self.active_button.clicked.connect(self._on_toggle_active)
        self.reset_button.clicked.connect(self._on_reset)
        self.unlock_button.clicked.connect(self._on_unlock)
        self.approver_button.clicked.connect(self._on_toggle_approver)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.activated.connect(self._on_edit)
        self._update_buttons()

    def refresh(self) -> None:
        self._runner.submit(partial(self._services.grants.content_approvers, self._session.actor),
                            self._on_approvers, partial(show_service_error, self))
        self._runner.submit(partial(self._services.accounts.list_users, self._session.actor), self._on_rows,
                            partial(show_service_error, self), label=self.tr("Loading accounts…"))

    def _on_approvers(self, approvers) -> None:
        self.model.approvers = frozenset(approvers)

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_username(self, username: str) -> None:
        for n in range(self.model.rowCount()):
            if self.model.row_at(n).username == username:
                self.table.selectRow(n)
                return

    def _on_rows(self, rows) -> None:
        keep = self.selected()
        self.model.set_rows(rows)
        if keep is not None:
            self.select_username(keep.username)
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        user = self.selected()
        mine = user is not None and user.id == self._session.actor.user_id
        self.edit_button.setEnabled(user is not None)
        self.active_button.setEnabled(user is not None and not mine)
        self.active_button.setText(self.tr("Reactivate…") if user is not None and not user.active
                                   else self.tr("Deactivate…"))
        self.reset_button.setEnabled(user is not None and user.active and not mine)
        self.unlock_button.setEnabled(user is not None and user.locked_until is not None)
        holds = user is not None and user.id in self.model.approvers
        self.approver_button.setText(self.tr("Withdraw content approver") if holds else self.tr("Make content approver"))
        self.approver_button.setEnabled(user is not None and (holds or (user.active and str(user.role) == "urologist")))

    def _open_dialog(self, user) -> UserDialog:
        dialog = UserDialog(self._services, self._session, self._runner, user, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_saved)
        dialog.open()
        return dialog

    def _on_new(self) -> None:
        self._open_dialog(None)

    def _on_edit(self, *_args) -> None:
        if self.selected() is not None:
            self._open_dialog(self.selected())

    def _on_saved(self, user) -> None:
        self.refresh()
        self.select_username(user.username)

    def _on_toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        verb = self.tr("Reactivate") if not user.active else self.tr("Deactivate")
        reason = ask_text(self, self.tr("%1 %2").replace("%1", verb).replace("%2", user.username),
                          self.tr("Reason (kept in the audit log):"))
        if reason is None:
            return
        call = self._services.accounts.reactivate if not user.active else self._services.accounts.deactivate
        self._runner.submit(partial(call, self._session.actor, user.id, reason), self._after_change,
                            partial(show_service_error, self), label=self.tr("Saving account…"))

    def _on_reset(self) -> None:
        user = self.selected()
        if user is None or not confirm(
                self, self.tr("Reset password"),
                self.tr("Give %1 a one-time temporary password? Their current password stops working now, "
                        "and they must choose a new one at their next sign-in.").replace("%1", user.username),
                yes_text=self.tr("Reset password")):
            return
        passphrase = None
        from exoconsult.services.core.seal_key import SEALING_ROLES

        if user.role in SEALING_ROLES:  # the account seals: its new key slot needs the passphrase
            passphrase = ask_text(self, self.tr("Clinic passphrase"),
                                  self.tr("The clinic passphrase (it gives %1 the key to seal documents):")
                                  .replace("%1", user.username), secret=True)
            if passphrase is None:
                return
        self._runner.submit(partial(self._services.accounts.reset_password, self._session.actor, user.id,
                                    passphrase or None),
                            partial(self._show_temporary, user.username), partial(show_service_error, self),
                            label=self.tr("Resetting password…"))

    def _show_temporary(self, username: str, temporary: str) -> None:
        self.refresh()
        inform(self, self.tr("Temporary password"),
               self.tr("Temporary password for %1:\n\n%2\n\nHand it over in person. It is shown only now; the "
                       "user must replace it at sign-in.").replace("%1", username).replace("%2", temporary))

    def _on_unlock(self) -> None:
        user = self.selected()
        if user is not None:
            self._runner.submit(partial(self._services.accounts.unlock, self._session.actor, user.id),
                                self._after_change, partial(show_service_error, self))

    def _on_toggle_approver(self) -> None:
        """The medical director (or another urologist the clinic names) approves the protocol and texts."""
        user = self.selected()
        if user is None:
            return
        grant = user.id not in self.model.approvers
        question = (self.tr("Allow %1 to approve the clinic's protocol and patient texts?") if grant else
                    self.tr("Withdraw %1's permission to approve the clinic's content?")).replace("%1", user.username)
        if not confirm(self, self.tr("Content approver"), question,
                       yes_text=self.tr("Allow") if grant else self.tr("Withdraw")):
            return
        self._runner.submit(partial(self._services.grants.set_content_approver, self._session.actor, user.id, grant),
                            self._after_change, partial(show_service_error, self), label=self.tr("Saving account…"))

    def _after_change(self, _user) -> None:
        self.refresh()
