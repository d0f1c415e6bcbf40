"""The consultation workspace for one opened patient: a header with who the patient is, a stage
navigator (History, Assessment, Explanation, Consent) and the current stage's page.

Pages come from the registry in `exoconsult.gui.stages`; a stage without a page says so honestly.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain.patient import age_on
from exoconsult.gui.labels import language_label
from exoconsult.gui.local_format import date_text
from exoconsult.gui.stages import StageContext, StageSpec, stages
from exoconsult.gui.tones import ink
from exoconsult.gui.widgets import plain_label, show_service_error
from exoconsult.services.core.changes import Changes
from exoconsult.services.core.dto import PatientDTO
from exoconsult.services.core.permissions import Permission

log = logging.getLogger(__name__)


class PatientHeader(QFrame):
    """Who the patient is, always visible above the stages (plain text only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name_label = plain_label("", self, object_name="patientName")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name_label.setFont(font)
        self.details_label = plain_label("", self, object_name="patientDetails")
        self.edit_button = QPushButton(self.tr("Edit details…"), self)
        self.close_button = QPushButton(self.tr("Close patient"), self)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.name_label)
        text.addWidget(self.details_label)
        row = QHBoxLayout(self)
        row.addLayout(text, 1)
        row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

    def show_patient(self, patient: PatientDTO, today) -> None:
        d = patient.data
        # Not upper-cased: str.upper() is wrong for Turkish i/ı, and the language of a name is unknown.
        self.name_label.setText(f"{d.family_name}, {d.given_name}")
        sex = {"male": self.tr("male"), "female": self.tr("female"), "other": self.tr("other")}.get(d.sex, d.sex)
        parts = [self.tr("MRN %1").replace("%1", d.mrn)]
        if d.birth_date:
            parts.append(self.tr("born %1 (%2 years)").replace("%1", date_text(d.birth_date))
                         .replace("%2", str(age_on(d.birth_date, today))))
        parts.append(sex)
        parts.append(self.tr("language: %1").replace("%1", language_label(d.preferred_language)))
        if d.needs_interpreter:
            parts.append(self.tr("needs an interpreter"))
        self.details_label.setText("  ·  ".join(parts))


class StageUnavailable(QWidget):
    """Shown for a stage whose page is not part of this version (no fake content), or whose page
    failed to open (`failed` names the error type)."""

    def __init__(self, title: str, parent: QWidget | None = None, *, failed: str = "") -> None:
        super().__init__(parent)
        if failed:
            text = self.tr("%1 could not be opened (%2). The rest of the record is unaffected; tell the "
                           "administrator.").replace("%1", title).replace("%2", failed)
        else:
            text = self.tr("%1 is not available in this version of ExoConsult.").replace("%1", title)
        message = plain_label(text, self, object_name="stageUnavailable")
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        message.setWordWrap(True)
        message.setStyleSheet(ink("muted", "font-size: 11pt;"))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(message)
        layout.addStretch(2)


class ConsultationWorkspace(QWidget):
    """Header + stage navigator + stage pages for one patient. Build a new one per opened patient."""

    closed = Signal()
    patient_changed = Signal(object)  # PatientDTO after an edit

    def __init__(self, patient: PatientDTO, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consultationWorkspace")
        self._services = services
        self._session = session
        self._runner = runner
        self._patient = patient
        self._specs: list[StageSpec] = stages()
        self._pages: dict[str, QWidget] = {}
        self._areas: dict[str, QScrollArea] = {}  # each page sits in a scroll area of the stack
        runner.changes_made.connect(self._on_changes)

        self.header = PatientHeader(self)
        self.header.edit_button.setEnabled(session.can(Permission.PATIENT_EDIT))
        self.header.edit_button.setVisible(session.can(Permission.PATIENT_EDIT))
        self.navigator = QWidget(self)
        self.navigator.setObjectName("stageNavigator")
        nav_layout = QHBoxLayout(self.navigator)
        nav_layout.setContentsMargins(0, 0, 0, 0)
        nav_layout.setSpacing(6)
        self.navigator.setStyleSheet(
            "QToolButton { border: 1px solid palette(mid); border-radius: 4px; padding: 6px 12px;"
            " background: palette(base); }"
            "QToolButton:hover { border-color: palette(highlight); }"
            "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);"
            " border-color: palette(highlight); font-weight: bold; }")
        self.stage_buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        for n, spec in enumerate(self._specs):
            button = QToolButton(self.navigator)
            button.setText(f"{n + 1}  {self.stage_title(spec)}")
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setObjectName(f"stage_{spec.key}")
            button.setMinimumHeight(34)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self._group.addButton(button, n)
            self.stage_buttons[spec.key] = button
            nav_layout.addWidget(button, 1)
        self.stack = QStackedWidget(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.navigator)
        layout.addWidget(self.stack, 1)

        self._group.idClicked.connect(self._on_stage_clicked)
        self.header.close_button.clicked.connect(self.closed)
        self.header.edit_button.clicked.connect(self._on_edit)
        self.header.show_patient(patient, self._today())
        if self._specs:
            self.show_stage(self._specs[0].key)

    @property
    def patient(self) -> PatientDTO:
        return self._patient

    @staticmethod
    def stage_title(spec: StageSpec) -> str:
        return QCoreApplication.translate("Stages", spec.title)

    def show_stage(self, key: str) -> QWidget:
        """Select a stage; its page is built on first visit."""
        index = next(n for n, spec in enumerate(self._specs) if spec.key == key)
        spec = self._specs[index]
        page = self._pages.get(key)
        if page is None:
            if spec.factory is None:
                page = StageUnavailable(self.stage_title(spec), self.stack)
            else:
                page = self._build_page(spec)
            page.setProperty("stage_key", key)
            self._pages[key] = page
            self._areas[key] = _scrolling(page)
            self.stack.addWidget(self._areas[key])
        self.stage_buttons[key].setChecked(True)
        self.stack.setCurrentWidget(self._areas[key])
        return page

    def current_page(self) -> QWidget | None:
        area = self.stack.currentWidget()
        return area.widget() if isinstance(area, QScrollArea) else None

    def _build_page(self, spec: StageSpec) -> QWidget:
        """A page that fails to build must not take the patient's workspace (or the app) down with it."""
        try:
            return spec.factory(self._stage_context(), self.stack)
        except Exception as error:  # noqa: BLE001 - any page bug; reported by type only (no patient data)
            log.error("stage page %r failed to build: %s", spec.key, type(error).__name__)
            return StageUnavailable(self.stage_title(spec), self.stack, failed=type(error).__name__)

    def current_stage(self) -> str:
        page = self.current_page()
        return page.property("stage_key") if page is not None else ""

    def refresh(self) -> None:
        """Reload the patient (after a page changed it) and redraw the header."""
        self._runner.submit(partial(self._services.patients.open, self._session.actor, self._patient.id),
                            self._on_patient_reloaded, partial(show_service_error, self),
                            label=self.tr("Loading patient…"))

    def _on_changes(self, changes: Changes) -> None:
        """Hand what a use case changed to every page built so far; each refreshes what it shows
        (pages opt in with `on_changes(changes)`). The header follows edits of the patient's details."""
        for page in list(self._pages.values()):
            refresh = getattr(page, "on_changes", None)
            if callable(refresh):
                refresh(changes)

    def _stage_context(self) -> StageContext:
        return StageContext(patient=self._patient, session=self._session, services=self._services,
                            runner=self._runner, workspace_refresh=self.refresh)

    def _today(self):
        return self._services.ctx.clock.now().date()

    def _on_stage_clicked(self, index: int) -> None:
        self.show_stage(self._specs[index].key)

    def _on_edit(self) -> None:
        from exoconsult.gui.patients.patient_dialog import PatientDialog

        dialog = PatientDialog(self._services, self._session, self._runner, self._patient, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_patient_reloaded)
        dialog.open()

    def _on_patient_reloaded(self, patient: PatientDTO) -> None:
        self._patient = patient
        self.header.show_patient(patient, self._today())
        self.patient_changed.emit(patient)


def _scrolling(page: QWidget) -> QScrollArea:
    """A stage page in a scroll area: no page (eight gates, the explanation console) can make the window
    taller than a 720-pixel laptop screen; on a larger window the page fills it and nothing scrolls."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area
