"""Question (from the questionnaire) -> the widget that captures it, in the consultation language."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from exoconsult.domain.questionnaire import Question, QuestionType
from exoconsult.domain.units import to_canonical
from exoconsult.gui.history.quantity_widget import QuantityWidget
from exoconsult.gui.history.question_widgets import (
    DateWidget,
    DecimalWidget,
    InfoWidget,
    IntegerWidget,
    MultiChoiceWidget,
    QuestionWidget,
    SingleChoiceWidget,
    TextWidget,
    YesNoWidget,
)
from exoconsult.gui.history.texts import pick


class _CanonicalConverter:
    """Bound converter for one field (a callable object, not a lambda: see stack-notes on PySide6)."""

    def __init__(self, field_id: str) -> None:
        self._field_id = field_id

    def __call__(self, value: float, unit: str) -> float:
        return to_canonical(self._field_id, value, unit)


def _units_differ(field_id: str, units: tuple[str, ...]) -> bool:
    try:
        return any(abs(to_canonical(field_id, 1.0, u) - 1.0) > 1e-12 for u in units)
    except (KeyError, ValueError):
        return len(units) > 1


def make_question_widget(question: Question, lang: str, group: str | None = None,
                         parent: QWidget | None = None) -> QuestionWidget:
    options = [(o.value, pick(o.label, lang)) for o in question.options]
    unit = question.canonical_unit or ""
    suffix = "" if f"({unit})" in pick(question.label, lang) else unit  # "Volume (mL)" needs no second "mL"
    kind = question.type
    if kind is QuestionType.YES_NO:
        return YesNoWidget(lang, parent)
    if kind is QuestionType.SINGLE_CHOICE:
        return SingleChoiceWidget(lang, options, parent)
    if kind is QuestionType.MULTI_CHOICE:
        return MultiChoiceWidget(lang, options, parent)
    if kind is QuestionType.INTEGER:
        return IntegerWidget(lang, suffix, parent)
    if kind is QuestionType.DECIMAL:
        return DecimalWidget(lang, suffix, parent)
    if kind is QuestionType.QUANTITY:
        field_id = f"{group}.{question.id}" if group else question.id
        # Testosterone-style fields (units differ by a factor) make the user pick the unit on the report.
        return QuantityWidget(lang, question.units, _CanonicalConverter(field_id), parent,
                              preselect_unit=not _units_differ(field_id, question.units))
    if kind is QuestionType.DATE:
        return DateWidget(lang, parent)
    if kind is QuestionType.TEXT:
        return TextWidget(lang, None, parent)
    return InfoWidget(lang, pick(question.label, lang), parent)
