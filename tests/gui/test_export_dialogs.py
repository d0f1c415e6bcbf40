"""The exports from the app, as a urologist would make them: choose a folder, tick free text, read the
texts shown for review, export; and one patient's FHIR file by MRN. The files land in the folder."""

from __future__ import annotations

import csv
import io
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit

from exoconsult.gui import widgets
from exoconsult.gui.exports.export_dialogs import FhirExportDialog, FreeTextReviewDialog, ResearchExportDialog
from tests.exports_support import treat
from tests.fhir_validation import validate_bundle

pytestmark = pytest.mark.gui


@pytest.fixture
def treated(sqlite_ctx, staff, clock, tmp_path):
    return [treat(sqlite_ctx, staff, clock, tmp_path, 0),
            treat(sqlite_ctx, staff, clock, tmp_path, 1, events_note="Vazovagal, kısa süreli")]


def test_research_export_with_free_text_reviewed_first(qtbot, services, runner, session_as, treated, tmp_path,
                                                       monkeypatch):
    reviewed: list[str] = []

    def read_and_accept(box):
        assert isinstance(box, FreeTextReviewDialog)
        reviewed.append(box.findChild(QPlainTextEdit, "freeTextList").toPlainText())
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(widgets, "exec_dialog", read_and_accept)
    dialog = ResearchExportDialog(services, session_as(treated[0].day.ready.urologist), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "research"
    qtbot.keyClicks(dialog.folder, str(out))
    dialog.free_text.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert len(reviewed) == 1 and "Vazovagal" in reviewed[0]
    assert "Exported 2 patient(s)" in dialog.result.text() and not dialog.progress.isVisible()
    rows = list(csv.DictReader(io.StringIO((out / "procedures.csv").read_text(encoding="utf-8"))))
    assert any("Vazovagal" in r["events_note"] for r in rows)
    dialog.grab().save("/tmp/shots-exports/research-dialog.png") if _shots() else None


def test_research_export_cancelled_at_review_writes_nothing(qtbot, services, runner, session_as, treated, tmp_path,
                                                           monkeypatch):
    monkeypatch.setattr(widgets, "exec_dialog", lambda box: QDialog.DialogCode.Rejected.value)
    dialog = ResearchExportDialog(services, session_as(treated[0].day.ready.urologist), runner)
    qtbot.addWidget(dialog)
    out = tmp_path / "research"
    dialog.folder.setText(str(out))
    dialog.free_text.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not out.exists() and dialog.export_button.isEnabled()
    assert dialog.result.text() == "Nothing was exported."


def test_fhir_export_of_one_patient(qtbot, services, runner, session_as, treated, tmp_path):
    dialog = FhirExportDialog(services, session_as(treated[0].day.ready.urologist), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "fhir"
    dialog.folder.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "MRN" in dialog.result.text() and not out.exists()  # nothing chosen yet
    qtbot.keyClicks(dialog.mrn, treated[1].mrn)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    [path] = out.glob("*.fhir.json")
    validate_bundle(json.loads(path.read_text(encoding="utf-8")))
    assert "Wrote 1 FHIR file(s)" in dialog.result.text()
    dialog.grab().save("/tmp/shots-exports/fhir-dialog.png") if _shots() else None


def _shots() -> bool:
    from pathlib import Path

    return Path("/tmp/shots-exports").is_dir()
