"""Programme facts: what the consent and explanation texts print for the product, costs, ethics permit,
conflicts of interest and independent expert advice, one column per language of the texts. The
administrator edits and saves (each change audited); urologists and nurses see the same page read-only.
A fact a consent still lacks in a language is outlined, and the top says what blocks signing."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain.errors import ValidationError
from exoconsult.gui.local_format import datetime_text
from exoconsult.gui.tones import error_border, ink
from exoconsult.gui.widgets import inform, plain_label, problem_texts, show_service_error
from exoconsult.services.core.permissions import Permission
from exoconsult.services.programme.programme import fact_key

ETHICS = "ethics.permit"

class ProgrammeFactsPage(QWidget):
    saved = Signal()

    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmeFacts")
        self._services, self._session, self._runner = services, session, runner
        self.editable = session.can(Permission.SETTINGS_MANAGE)
        self.fields: dict[str, QPlainTextEdit] = {}  # by where the value is kept (fact_key)
        self.changed_labels: dict[str, object] = {}
        self.shown: dict[str, str] = {}
        self.summary = plain_label("", self, object_name="programmeMissing")
        self.summary.setWordWrap(True)
        self.grid = QGridLayout()
        self.body = QWidget(self)
        self.body.setLayout(self.grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Programme facts"))
        scroll.setWidget(self.body)
        self.save_button = QPushButton(self.tr("Save programme facts"), self)
        self.save_button.setObjectName("saveProgramme")
        self.revert_button = QPushButton(self.tr("Revert"), self)
        buttons = QHBoxLayout()
        note = self.tr("Entered by the administrator; every change is recorded in the audit log.") if self.editable \
            else self.tr("Read-only: the administrator enters these facts.")
        buttons.addWidget(plain_label(note, self), 1)
        if self.editable:
            buttons.addWidget(self.revert_button)
            buttons.addWidget(self.save_button)
        else:
            self.save_button.hide()
            self.revert_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.setStyleSheet(error_border('QPlainTextEdit[missing="true"]'))
        self.save_button.clicked.connect(self._on_save)
        self.revert_button.clicked.connect(self.refresh)

    def labels(self) -> dict[str, str]:
        """What each fact is, in the clinicians' words (the keys are the texts' placeholders)."""
        return {
            "product.name": self.tr("Product name"), "product.manufacturer": self.tr("Manufacturer"),
            "product.cell_source": self.tr("Cell source of the exosomes"),
            "product.quality_tests": self.tr("Tests on each batch (optional)"),
            "product.dose_per_testis": self.tr("Dose or volume per testis"),
            "procedure.duration": self.tr("How long the visit takes (optional)"),
            "costs.total": self.tr("Total cost of one treatment"), "costs.repeat": self.tr("Cost of a repeat"),
            "costs.complications": self.tr("Who pays for treating a complication"),
            "programme.sessions": self.tr("Injection sessions planned"),
            "ethics.permit": self.tr("Ethics approval or permit (or an explicit “none”)"),
            "conflicts.statement": self.tr("Conflicts of interest"),
            "expert_advice.name": self.tr("Independent expert consulted"),
            "expert_advice.date": self.tr("Date of the expert's advice"),
            "followup.schedule": self.tr("Follow-up visits and tests"),
        }

    def language_name(self, lang: str) -> str:
        return {"en": self.tr("English"), "tr": self.tr("Turkish")}.get(lang, lang)

    def refresh(self) -> None:
        self._runner.submit(partial(self._services.programme.read, self._session.actor), self._fill,
                            partial(show_service_error, self), label=self.tr("Loading programme facts…"))

    def _build(self, facts) -> None:
        labels = self.labels()
        for col, lang in enumerate(facts.languages, start=1):
            self.grid.addWidget(plain_label(self.language_name(lang), self.body), 0, col)
        for row, key in enumerate(facts.facts, start=1):
            title = plain_label(labels.get(key, key), self.body)
            title.setWordWrap(True)
            title.setToolTip(key)
            self.grid.addWidget(title, 2 * row - 1, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
            langs = ("en",) if key in facts.neutral else facts.languages
            for col, lang in enumerate(langs, start=1):
                where = fact_key(key, lang)
                edit = QPlainTextEdit(self.body)
                edit.setObjectName(f"fact_{where}")
                edit.setAccessibleName(f"{labels.get(key, key)} – {self.language_name(lang)}")
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(54)
                edit.setReadOnly(not self.editable)
                edit.textChanged.connect(self._on_edited)
                self.fields[where] = edit
                span = len(facts.languages) if key in facts.neutral else 1
                self.grid.addWidget(edit, 2 * row - 1, col, 1, span)
            changed = plain_label("", self.body)
            changed.setStyleSheet(ink("muted", "font-size: 11px;"))
            self.changed_labels[key] = changed
            if key == ETHICS:  # "none" only when recorded explicitly (item 3)
                self.no_permit = QCheckBox(self.tr("No ethics approval or permit: record that explicitly"), self.body)
                self.no_permit.setObjectName("noEthicsPermit")
                self.no_permit.setEnabled(self.editable)
                self.no_permit.toggled.connect(self._on_no_permit)
                self.grid.addWidget(self.no_permit, 2 * row, 1)
                self.grid.addWidget(changed, 2 * row, 2)
            else:
                self.grid.addWidget(changed, 2 * row, 1, 1, len(facts.languages))
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setColumnMinimumWidth(0, 200)

    def _fill(self, facts) -> None:
        if not self.fields:
            self._build(facts)
        self._facts = facts
        for where, edit in self.fields.items():
            edit.blockSignals(True)
            edit.setPlainText(facts.values.get(where, ""))
            edit.blockSignals(False)
        self.shown = {w: facts.values.get(w, "") for w in self.fields}
        none_recorded = all(facts.values.get(fact_key(ETHICS, lang)) == facts.no_permit[lang]
                            for lang in facts.languages)
        self.no_permit.blockSignals(True)
        self.no_permit.setChecked(none_recorded)
        self.no_permit.blockSignals(False)
        self._lock_permit(none_recorded)
        for key, label in self.changed_labels.items():
            newest = max((c for w, c in facts.last_changed.items() if w.split("@")[0] == key),
                         key=lambda c: c.at, default=None)
            label.setText(self.tr("Last changed by %1 on %2").replace("%1", newest.by)
                          .replace("%2", datetime_text(newest.at)) if newest else "")
        self._show_missing()

    def _show_missing(self) -> None:
        facts = self._facts
        empty = {w for w, e in self.fields.items() if not e.toPlainText().strip()}
        lines = []
        for lang in facts.languages:
            missing = [k for k in facts.facts if k not in facts.optional
                       and fact_key(k, lang) in empty]
            if missing:
                lines.append(self.tr("A consent in %1 cannot be signed yet: %2 missing.")
                             .replace("%1", self.language_name(lang)).replace("%2", str(len(missing))))
        self.summary.setText("\n".join(lines) or self.tr("Every fact a consent prints is recorded in every language."))
        self.summary.setStyleSheet(ink("error", "font-weight: 600;") if lines else ink("ok"))
        for where, edit in self.fields.items():
            missing = where in empty and where.split("@")[0] not in facts.optional
            edit.setProperty("missing", "true" if missing else "false")
            edit.style().unpolish(edit)
            edit.style().polish(edit)

    def _lock_permit(self, none: bool) -> None:
        for lang in self._facts.languages:
            self.fields[fact_key(ETHICS, lang)].setReadOnly(none or not self.editable)

    def _on_no_permit(self, none: bool) -> None:
        for lang in self._facts.languages:
            edit = self.fields[fact_key(ETHICS, lang)]
            if none:
                edit.setPlainText(self._facts.no_permit[lang])
            elif edit.toPlainText() == self._facts.no_permit[lang]:
                edit.clear()
        self._lock_permit(none)

    def _on_edited(self) -> None:
        if getattr(self, "_facts", None) is not None:
            self._show_missing()

    def changes(self) -> dict[str, str]:
        return {w: e.toPlainText().strip() for w, e in self.fields.items() if e.toPlainText().strip() != self.shown[w]}

    def _on_save(self) -> None:
        changes = self.changes()
        if not changes:
            inform(self, self.tr("Programme facts"), self.tr("Nothing was changed."))
            return
        self.save_button.setEnabled(False)
        self._runner.submit(partial(self._services.programme.update, self._session.actor, changes),
                            self._on_saved, self._on_error, label=self.tr("Saving programme facts…"))

    def _on_saved(self, _values) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit()
        self.refresh()
        inform(self, self.tr("Programme facts"), self.tr("The programme facts were saved."))

    def _on_error(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.summary.setText("\n".join(problem_texts(error).values()))
            self.summary.setStyleSheet(ink("error", "font-weight: 600;"))
        else:
            show_service_error(self, error)


class ProgrammeFactsDialog(QDialog):
    """The same page, read-only, for urologists and nurses (opened from Today)."""

    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Programme facts"))
        self.resize(900, 640)
        self.page = ProgrammeFactsPage(services, session, runner, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)
        self.page.refresh()
