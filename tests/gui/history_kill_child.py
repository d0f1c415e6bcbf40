"""Child process for the kill test: drives the history page offscreen with the real BackgroundRunner
(saves on its worker thread) and reports progress on stdout, then keeps typing until it is killed.

usage: history_kill_child.py DATA_DIR FORMS_DIR USER_ID USERNAME ROLE PATIENT_ID
Prints "SAVED" once the first values are stored, "HELD" once an implausible value is kept in the
draft (the user chose "correct it" and has not confirmed), "EDITING" while typing the last field.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    data_dir, forms_dir, user_id, username, role, patient_id = sys.argv[1:7]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from exoconsult.config import DataDir
    from exoconsult.domain.people import Actor, Role
    from exoconsult.gui.history import history_dialogs
    from exoconsult.gui.history.history_page import HistoryPage
    from exoconsult.gui.runner import BackgroundRunner
    from exoconsult.gui.session import Session
    from exoconsult.services.clinic import open_context
    from exoconsult.services.history.history import HistoryService

    app = QApplication([])
    ctx = open_context(DataDir(Path(data_dir)), None, forms_dir=Path(forms_dir), upgrade=False)
    session = Session()
    session.sign_in(Actor(int(user_id), username, username, Role(role)))
    runner = BackgroundRunner()

    def correct_it(dialog) -> int:  # the user goes back to the field instead of confirming
        dialog.edit_button.click()
        return dialog.result()

    history_dialogs.run_dialog = correct_it
    page = HistoryPage(HistoryService(ctx), session, runner, int(patient_id), "en")
    page.resize(1100, 700)
    page.show()

    def wait_for(condition, seconds: float = 20.0) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            app.processEvents()
            time.sleep(0.01)
            if time.monotonic() > deadline:
                print("TIMEOUT", flush=True)
                sys.exit(3)

    wait_for(lambda: page.questionnaire is not None)

    def type_into(widget, text: str) -> None:
        widget.setFocus()
        for ch in text:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)

    form = page.page_for("infertility_partner").form
    type_into(form.widget_for("infertility_duration_months").edit, "27")
    QTest.keyClick(form.widget_for("infertility_type").combo, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier, 0)
    QTest.keyClick(form.widget_for("partner_evaluated").yes_button, Qt.Key.Key_Space)
    # The debounce fires ~0.8 s after the last key; the save runs on the worker thread.
    wait_for(lambda: page.status_text().startswith("Saved") and not page.edits.pending and not page.edits.busy)
    print("SAVED", flush=True)

    type_into(form.widget_for("partner_age_years").edit, "60")  # inside 14-70, outside the usual 18-55
    wait_for(lambda: "partner_age_years" in page.edits.held)
    print("HELD", flush=True)

    page.show_section("examination_imaging")
    exam = page.page_for("examination_imaging").form
    type_into(exam.widget_for("testis_right_volume_ml").edit, "1")  # mid-edit: this one may be lost
    print("EDITING", flush=True)
    while True:  # keep the event loop (and the worker) running until the parent kills us
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    main()
