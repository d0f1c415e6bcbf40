"""Pure domain rules: Turkish folding, names, T.C. kimlik checksum."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from exoconsult.domain.patient import tc_kimlik_valid
from exoconsult.domain.text import fold, name_problem, turkish_upper


def test_fold_follows_turkish_case_rules():
    assert fold("IŞIK") == fold("Işık") == fold("isik") == "isik"
    assert fold("İSMAİL") == fold("ismail") == "ismail"
    assert fold("ÇAĞLAR  Öztürk") == "caglar ozturk"


@given(st.text())
def test_fold_is_idempotent_and_ignores_case(text):
    assert fold(fold(text)) == fold(text)


def test_turkish_upper():
    assert turkish_upper("ismail ılık") == "İSMAİL ILIK"


def test_names_accept_letters_marks_and_punctuation_only():
    assert name_problem("O'Brien-Smith Jr.") is None
    assert name_problem("Çağrı") is None
    assert name_problem("Ali\u200bVeli") is not None
    assert name_problem("Ali 😀") is not None
    assert name_problem("<b>Ali</b>") is not None


def test_tc_kimlik_checksum():
    assert tc_kimlik_valid("10000000146")
    assert not tc_kimlik_valid("10000000147")
    assert not tc_kimlik_valid("00000000146")
    assert not tc_kimlik_valid("1000000014")
