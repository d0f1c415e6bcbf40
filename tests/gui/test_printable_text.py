"""Free text that goes into an irreversible, printed record (a withdrawal note, a review decision's
reason, a reason for shortening the reflection period, a patient's question) is checked while it is
typed: emoji and other characters the document font cannot draw are named under the field, and the
record cannot be made until they are removed (they would print as empty boxes)."""

from __future__ import annotations

import pytest

from exoconsult.gui.consent.withdraw_dialog import WithdrawDialog
from exoconsult.services.core.printable import printable_problem, unprintable_characters
from tests.consent_support import scribble

pytestmark = pytest.mark.gui


def test_the_rule_names_what_cannot_be_printed():
    assert printable_problem("Hasta fikrini değiştirdi; eşi de katıldı (İstanbul).") is None
    assert unprintable_characters("Teşekkürler 🙏 çok iyi 😀🙏") == ["🙏", "😀"]
    assert "🙏" in printable_problem("Teşekkürler 🙏")
    assert "control character" in printable_problem("a\x07b")


def test_an_emoji_in_a_withdrawal_note_is_refused_while_typing(qtbot):
    sent = []
    dialog = WithdrawDialog([("registry", "Keep my data in the registry")], "Ahmet Yılmaz",
                            lambda *args: sent.append(args))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choices["registry"].yes.click()
    dialog.signature.pad.load_strokes(scribble())
    qtbot.keyClicks(dialog.reason, "Fikrini degistirdi ")
    assert not dialog.reason_message.isVisible()
    dialog.reason.insertPlainText("😀")  # what an emoji keyboard inserts
    assert dialog.reason_message.isVisible() and "😀" in dialog.reason_message.text()
    dialog.record_button.click()
    assert sent == [], "nothing is recorded with an unprintable note"
    dialog.reason.setPlainText("Fikrini degistirdi.")
    assert not dialog.reason_message.isVisible()
    dialog.record_button.click()
    assert len(sent) == 1 and sent[0][2] == "Fikrini degistirdi."


def test_a_review_reason_with_an_emoji_cannot_be_recorded(qtbot):
    from exoconsult.gui.assessment.resolve_dialog import ResolveDialog

    class Shown:  # what the dialog reads of an assessment
        fired = ()

    dialog = ResolveDialog(Shown(), None)
    qtbot.addWidget(dialog)
    dialog.proceed.click()
    dialog.reason.setPlainText("Partner evaluated, hormones repeated and normal 👍")
    assert not dialog.record.isEnabled() and "👍" in dialog.reason_message.text()
    dialog.reason.setPlainText("Partner evaluated, hormones repeated and normal.")
    assert dialog.record.isEnabled() and dialog.reason_message.text() == ""
