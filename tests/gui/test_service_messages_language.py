"""Sentences services write (refusals, stop reasons, the printable-text warning) shown with the Turkish
interface: each in Turkish, words it names from another list (a lot's state) translated too."""

from __future__ import annotations

from datetime import date

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


def test_a_plausibility_warning_and_an_unreadable_entry_read_in_turkish_with_the_turkish_interface(qtbot):
    from exoconsult.domain.history_values import check_value
    from exoconsult.domain.questionnaire import EntryError, parse_date_text, parse_number
    from exoconsult.domain.units import plausibility_reason
    from exoconsult.paths import forms_dir
    from exoconsult.services.history.reading import questionnaire_for
    from tests.gui.test_turkish_screens import ENGLISH, WORD

    lh = plausibility_reason("lh", 65, "IU/L")
    testosterone = plausibility_reason("total_testosterone", 350, "nmol/L")
    with pytest.raises(EntryError) as grouped:
        parse_number("1.234")
    with pytest.raises(EntryError) as not_a_date:
        parse_date_text("31/12")
    reasons = (lh, testosterone, grouped.value.why, not_a_date.value.why)
    assert [reason_text(why) for why in reasons] == [why.english() for why in reasons]  # the English interface
    assert str(grouped.value) == '"1.234" is ambiguous (thousands group or three decimals?); type it without grouping'
    assert (grouped.value.reason, grouped.value.params) == ("ambiguous", {"text": "1.234", "digits": "1234"})

    ui_language.use_language("tr")  # reset after the test
    said = [reason_text(why) for why in reasons]
    assert said == [
        "lh 65 IU/L olağan aralığın (0-60 IU/L) dışında: LH > 60 IU/L, testiküler yetmezlikte bile nadirdir",
        "total_testosterone 350 nmol/L olağan aralığın (0,5-50 nmol/L) dışında — ng/dL (= 12,15 nmol/L) mi demek "
        "istediniz?",
        '"1.234" belirsiz (binlik ayırıcı mı, üç ondalık basamak mı?); gruplamadan yazın',
        '"31/12" bir tarih değil; gg.aa.yyyy olarak yazın']
    assert not {word for text in said for word in WORD.findall(text) if word in ENGLISH}
    # the check the history and follow-up services run on a value gives the same Reason
    question = questionnaire_for(forms_dir()).repeat_section("hormone_panels").question("lh")
    check = check_value(question, "hormone_panels", {"value": 65, "unit": "IU/L"}, today=date(2026, 11, 24))
    assert check.problem is None and check.warning_why == lh and check.warning == lh.english()
