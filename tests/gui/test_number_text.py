"""The history screens read numbers exactly as the services do (INP-4), with messages in the interface
language (English, or Turkish with the Turkish translation installed)."""

from __future__ import annotations

import pytest

from exoconsult.domain.questionnaire import EntryError, parse_number
from exoconsult.gui import ui_language
from exoconsult.gui.history.number_text import NumberTextError, parse_decimal, parse_integer

TYPED = ["12,5", "12.5", " 3,0 ", "-1,5", "0,125", "00.125", "7", "1.234", "1,234", "1,234.5", "1.234,5", "12.5.3",
         "١٢", "12,", "1e3", "12 5", "1 234", "abc", "+4"]


@pytest.mark.parametrize("text", TYPED)
def test_screen_and_services_accept_and_refuse_the_same_text(text):
    try:
        expected = parse_number(text)
    except EntryError:
        with pytest.raises(NumberTextError):
            parse_decimal(text)
    else:
        assert parse_decimal(text) == expected


@pytest.mark.parametrize("text", ["12 5", "1 234"])
def test_a_space_inside_a_number_is_refused_not_read_as_grouping(text):
    # "12 5" used to be read as 125 by the screen while the services refused it.
    with pytest.raises(NumberTextError) as refused:
        parse_decimal(text)
    assert refused.value.key == "not_number" and text in refused.value.message()


def test_refusals_say_why_in_the_interface_language(qapp):
    with pytest.raises(NumberTextError) as ambiguous:
        parse_decimal("1.234")
    assert "1234" in ambiguous.value.message() and "ambiguous" in str(ambiguous.value)
    with pytest.raises(NumberTextError) as two:
        parse_decimal("1,234.5")
    ui_language.use_language("tr")
    try:
        assert "belirsiz" in ambiguous.value.message() and "ambiguous" in str(ambiguous.value)  # str(): English
        assert two.value.key == "two_separators" and "ondalık" in two.value.message()
    finally:
        ui_language.use_language(ui_language.SOURCE_LANGUAGE)
    with pytest.raises(NumberTextError) as digits:
        parse_decimal("١٢")
    assert digits.value.key == "digits_only"


def test_empty_is_no_answer_and_integers_are_whole():
    assert parse_decimal("  ") is None and parse_integer("") is None
    assert parse_integer("12") == 12 and parse_integer("12,0") == 12
    with pytest.raises(NumberTextError) as fraction:
        parse_integer("12,5")
    assert fraction.value.key == "not_integer"
