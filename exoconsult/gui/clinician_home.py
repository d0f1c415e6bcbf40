"""The clinician's screen: the patient list on the left, the opened patient's workspace on the right."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QStackedWidget, QVBoxLayout, QWidget

from exoconsult.gui.patients.patient_dialog import PatientDialog
from exoconsult.gui.patients.patient_list import PatientList
from exoconsult.gui.widgets import plain_label, show_service_error
from exoconsult.gui.workspace import ConsultationWorkspace
from exoconsult.services.core.dto import PatientDTO
from exoconsult.services.core.permissions import Permission


class ClinicianHome(QWidget):
    """Built after sign-in (and again after unlock); destroyed on lock so no patient data stays behind."""

    patient_opened = Signal(object)  # PatientDTO

    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clinicianHome")
        self._services = services
        self._session = session
        self._runner = runner
        self.workspace: ConsultationWorkspace | None = None

        self.patient_list = PatientList(services, session, runner, self)
        self.patient_list.new_button.setVisible(session.can(Permission.PATIENT_EDIT))
        self.empty = plain_label(self.tr("Find a patient on the left, or register a new one (Ctrl+N)."),
                                 self, object_name="noPatient")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.right = QStackedWidget(self)
        self.right.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("homeSplitter")
        self.splitter.addWidget(self.patient_list)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)

        self.patient_list.open_requested.connect(self.open_patient)
        self.patient_list.new_requested.connect(self.new_patient)

    def start(self) -> None:
        """First search (everyone, newest list) once the home is on screen."""
        self.patient_list.search_now()
        self.patient_list.focus_search()

    def new_patient(self) -> None:
        if not self._session.can(Permission.PATIENT_EDIT):
            return
        dialog = PatientDialog(self._services, self._session, self._runner, None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_patient_created)
        dialog.open()

    def open_patient(self, patient_id: int) -> None:
        """Open (an audited view) and show the workspace."""
        self._runner.submit(partial(self._services.patients.open, self._session.actor, patient_id),
                            self._show_workspace, partial(show_service_error, self),
                            label=self.tr("Opening patient…"))

    def close_patient(self) -> None:
        if self.workspace is not None:
            self.right.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        self.right.setCurrentWidget(self.empty)
        self.patient_list.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def opened_patient_id(self) -> int | None:
        return self.workspace.patient.id if self.workspace is not None else None

    def current_stage(self) -> str:
        return self.workspace.current_stage() if self.workspace is not None else ""

    def _on_patient_created(self, dto: PatientDTO) -> None:
        # Show the new patient in the list (search by MRN) and open it.
        self.patient_list.search_box.setText(dto.data.mrn)
        self.patient_list.search_now()
        self._show_workspace(dto)

    def _show_workspace(self, patient: PatientDTO) -> None:
        self.close_patient()
        self.workspace = ConsultationWorkspace(patient, self._services, self._session, self._runner, self.right)
        self.workspace.closed.connect(self.close_patient)
        self.workspace.patient_changed.connect(self._on_patient_changed)
        self.right.addWidget(self.workspace)
        self.right.setCurrentWidget(self.workspace)
        self.patient_list.select_patient(patient.id)
        self.patient_opened.emit(patient)

    def _on_patient_changed(self, _patient: PatientDTO) -> None:
        self.patient_list.search_now()
