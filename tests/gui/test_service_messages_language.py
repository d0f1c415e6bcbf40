"""Sentences services write (refusals, stop reasons, the printable-text warning) shown with the Turkish
interface: each in Turkish, words it names from another list (a lot's state) translated too."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from exoconsult.domain import procedure_day as day
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.gui import ui_language
from exoconsult.gui.printable_guard import PrintableGuard
from exoconsult.gui.widgets import field_message_label, reason_text
from exoconsult.services.procedure.checklist import CONSENT_STOP

pytestmark = pytest.mark.gui


def test_stop_reasons_read_in_turkish_with_the_turkish_interface(qtbot):
    recalled = day.lot_unusable_reason(day.RECALLED, 5.0, 2.0, 8.0)
    why = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "The lot chosen cannot be used. {why}"),
                          terms={"why": recalled}, terms_context="Lots")
    expired = service_message(CONSENT_STOP["expired"])
    english = (why.english(), expired.english())
    assert (reason_text(why), reason_text(expired)) == english  # the English interface: the service's words

    ui_language.use_language("tr")  # reset after the test
    assert reason_text(why) == "Seçilen parti kullanılamaz. Bu parti GERİ ÇAĞRILDI: kullanılmamalıdır."
    assert reason_text(expired) == ("Onam bugün geçerli değil. Onamın süresi doldu: yenilenmesi gerekir.")


def test_the_printable_warning_is_turkish_while_typing(qtbot):
    ui_language.use_language("tr")  # reset after the test
    field, message = QLineEdit(), field_message_label()
    qtbot.addWidget(field)
    guard = PrintableGuard(field, message)
    field.setText("Teşekkürler 🙏")
    assert message.text() == ("Bu karakterler belgede basılamaz ve boş kutu olarak görünür: 🙏. Lütfen bunları "
                              "silin (emoji basılmaz).")
    assert not guard.ok()
