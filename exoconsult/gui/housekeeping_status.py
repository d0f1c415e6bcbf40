"""The status-bar note for work the clinic did not ask for right now (the daily backup): shown while it
runs on its own worker, so the user sees why the disk is busy but never waits for it."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget


class HousekeepingStatus(QWidget):
    def __init__(self, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("housekeepingStatus")
        self.label = QLabel(self)
        self.label.setObjectName("housekeepingText")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # indeterminate: a backup does not report steps
        self.bar.setMaximumWidth(80)
        self.bar.setMaximumHeight(12)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Background work in progress"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.hide()
        runner.busy_changed.connect(self._on_busy_changed)

    def _on_busy_changed(self, busy: bool, label: str) -> None:
        self.label.setText(label)
        self.setVisible(busy)
