"""Export case / Import case for the opened patient (spec/case-format.md files).

File dialogs run on the GUI thread; reading, validating and writing run on the runner's worker. An
import that fails lists every problem with its JSON path, and writes nothing (the service validates
the whole file first). Plausibility warnings in a file are shown and must be accepted explicitly.
"""

from __future__ import annotations

import json
import os
import re
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from exoconsult.domain.questionnaire import Questionnaire
from exoconsult.domain.translatable import FIELD_TERMS, QT_TRANSLATE_NOOP, Reason
from exoconsult.gui.history import history_dialogs
from exoconsult.gui.history.callbacks import Guarded
from exoconsult.gui.history.texts import pick, t
from exoconsult.gui.widgets import reason_text

_GROUP_ENTRY = re.compile(r"^history\.(\w+)\[\d+\]\.")  # a path inside an entry of a repeatable group


def choose_save_path(parent, title: str, suggested: str, filter_text: str) -> str:
    """The file dialogs are module functions so tests can answer them."""
    return QFileDialog.getSaveFileName(parent, title, suggested, filter_text)[0]


def choose_open_path(parent, title: str, filter_text: str) -> str:
    return QFileDialog.getOpenFileName(parent, title, "", filter_text)[0]


def _export_to_file(service, actor, patient_id: int, path: str) -> str:
    """Worker job: export, then write atomically (a crash never leaves half a case file)."""
    case = service.export_case(actor, patient_id)
    target = Path(path)
    temporary = target.with_name(target.name + ".part")
    temporary.write_text(json.dumps(case, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, target)
    return str(target)


def field_label(questionnaire: Questionnaire | None, lang: str, path: str, field_id: str) -> str:
    """The label in `lang` of a field a problem at `path` names: a field of the entry the path is in, else a
    top-level one; its id when the questionnaire does not ask it (the patient block)."""
    entry = _GROUP_ENTRY.match(path)
    section = questionnaire.section_for(field_id, entry.group(1) if entry else None) if questionnaire else None
    question = section.question(field_id) if section is not None else None
    return pick(question.label, lang) if question is not None else field_id


def problem_line(questionnaire: Questionnaire | None, lang: str, path: str, why: Reason | str) -> str:
    """"path: why" with why in the interface language and the fields it names by their labels; the JSON path
    stays as it is (it is the file's own address)."""
    if isinstance(why, str):
        return f"{path}: {why}"
    named = ({name: "; ".join(field_label(questionnaire, lang, path, item) for item in items)
              for name, items in why.lists.items()} if why.lists_context == FIELD_TERMS else None)
    return f"{path}: {reason_text(why, named)}"


class _Unreadable:
    """An import that failed before validation (not a file, not JSON); looks like an ImportResult."""

    def __init__(self, why: str, detail: Reason | None) -> None:
        self.written = False
        self.errors = {"$": why}
        self.reasons = {"$": detail} if detail is not None else {}
        self.warnings = ()
        self.needs_confirmation = False


def _import_from_file(service, actor, path: str, accept_warnings: bool):
    from exoconsult.bounded_input import CASE_FILE_LIMIT, InputRefused, load_json_file

    try:  # bounded: size, special files, repeated keys, huge numbers and deep nesting are refused
        data = load_json_file(path, CASE_FILE_LIMIT, QT_TRANSLATE_NOOP("ServiceMessages", "case file"))
    except InputRefused as exc:
        return _Unreadable(str(exc).removeprefix(f"{path}: "), exc.detail)
    return service.import_case(actor, data, accept_warnings=accept_warnings)


class CaseActions:
    def __init__(self, page, case_service) -> None:
        self.page = page
        self.case_service = case_service
        self._import_path = ""
        self.last_result = None

    def _service(self):
        if self.case_service is None:
            from exoconsult.services.history.cases import CaseService

            self.case_service = CaseService(self.page.history_service.ctx)
        return self.case_service

    # -- export -----------------------------------------------------------------------------------

    def export_case(self) -> None:
        path = choose_save_path(self.page, t("export_case"), f"case-patient-{self.page.patient_id}.json",
                                t("case_files"))
        if not path:
            return
        self.page.runner.submit(partial(_export_to_file, self._service(), self.page.actor, self.page.patient_id, path),
                                Guarded(self.page, "_on_case_exported"), Guarded(self.page, "_on_case_failed"),
                                label="export case")

    def exported(self, path: str) -> None:
        self.page._set_status(t("exported", path=path))

    # -- import -----------------------------------------------------------------------------------

    def import_case(self) -> None:
        path = choose_open_path(self.page, t("import_case"), t("case_files"))
        if path:
            self._import_path = path
            self._submit_import(False)

    def _submit_import(self, accept_warnings: bool) -> None:
        self.page.runner.submit(partial(_import_from_file, self._service(), self.page.actor, self._import_path,
                                        accept_warnings),
                                Guarded(self.page, "_on_case_imported"), Guarded(self.page, "_on_case_failed"),
                                label="import case")

    def imported(self, result) -> None:
        page = self.page
        self.last_result = result
        if result.errors:
            problems = [problem_line(page.questionnaire, page.lang, path, result.reasons.get(path, why))
                        for path, why in result.errors.items()]
            history_dialogs.show_problems(page, t("import_failed_title"),
                                          t("import_failed", count=len(problems)), problems)
            return
        if result.needs_confirmation:
            box = QMessageBox(QMessageBox.Icon.Question, t("import_confirm_title"),
                              "\n".join([t("import_confirm"), "", *(
                                  problem_line(page.questionnaire, page.lang, w.path, w.why) for w in result.warnings)]),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, page)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            if history_dialogs.run_dialog(box) == QMessageBox.StandardButton.Yes:
                self._submit_import(True)
            return
        if result.patient_id == page.patient_id:
            page._set_status(t("imported", path=self._import_path))
            page.reload()
        else:
            page._set_status(t("imported_other", path=self._import_path))
