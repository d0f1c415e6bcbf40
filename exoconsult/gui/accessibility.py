"""Names for assistive technology, given application-wide: when a widget is shown, each field of a form
gets its row's label as buddy (Alt+letter and a screen reader's "label for") and as accessible name,
and a field without a label is named by its placeholder or tooltip. Names set explicitly are kept.
Installed once on the application by the main window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QAbstractButton)


def _label_text(label: QLabel) -> str:
    return label.text().replace("&", "").strip().rstrip(":*").strip()


def _forms(layout: QLayout | None):
    if layout is None:
        return
    if isinstance(layout, QFormLayout):
        yield layout
    for i in range(layout.count()):
        child = layout.itemAt(i).layout()
        if child is not None:
            yield from _forms(child)


def name_widget_fields(widget: QWidget) -> None:
    """Buddy and name the fields of the forms laid out directly in `widget`; name unlabelled fields."""
    for form in _forms(widget.layout()):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = label_item.widget() if label_item is not None else None
            field = field_item.widget() if field_item is not None else None
            if not isinstance(label, QLabel) or field is None or not _label_text(label):
                continue
            if label.buddy() is None:
                label.setBuddy(field.focusProxy() or field)
            if not field.accessibleName():
                field.setAccessibleName(_label_text(label))
    if isinstance(widget, _FIELDS) and not widget.accessibleName():
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        hint = getattr(widget, "placeholderText", lambda: "")() if not text else ""
        name = text or hint or widget.toolTip()
        if name:
            widget.setAccessibleName(name.replace("&", ""))


class AccessibleNames(QObject):
    """Application event filter: names what is about to be seen (cheap: one widget's own layout)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            name_widget_fields(watched)
        return False
