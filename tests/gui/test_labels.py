"""Issue 14 item 4: every verdict, review decision, rule outcome, consultation stage, consent status and
procedure stage a screen shows has a label in English and in Turkish, and none is an identifier."""

from __future__ import annotations

import re

import pytest

from exoconsult.gui import labels, ui_language
from exoconsult.rules.model import RuleOutcome
from exoconsult.services.assessment.assessment_dto import DECISIONS, VERDICTS
from exoconsult.services.consent.consent_dto import CONSENT_STATUSES
from exoconsult.services.procedure.procedure_dto import PROCEDURE_STAGES
from exoconsult.services.today.today import CONSULTATION_STAGES

IDENTIFIER = re.compile(r"\b[a-z0-9]+(_[a-z0-9]+)+\b")
LABELLED = {
    "verdict": (labels.verdict_label, VERDICTS),
    "verdict headline": (labels.verdict_title, VERDICTS),
    "decision": (labels.decision_label, DECISIONS),
    "rule outcome": (labels.outcome_label, tuple(o.value for o in RuleOutcome)),
    "stage": (labels.stage_label, CONSULTATION_STAGES),
    "consent status": (labels.consent_status_label, CONSENT_STATUSES),
    "procedure stage": (labels.procedure_stage_label, PROCEDURE_STAGES),
}


def _labels_in(language: str) -> dict[tuple[str, str], str]:
    ui_language.use_language(language)
    try:
        return {(kind, value): label(value) for kind, (label, values) in LABELLED.items() for value in values}
    finally:
        ui_language.use_language(ui_language.SOURCE_LANGUAGE)


@pytest.fixture(scope="module")
def english(qapp):
    return _labels_in("en")


@pytest.fixture(scope="module")
def turkish(qapp):
    found = _labels_in("tr")
    assert found, "no Turkish translation installed"
    return found


def test_every_value_has_an_english_label_that_is_not_its_identifier(english):
    for (kind, value), label in english.items():
        assert label.strip() and not IDENTIFIER.search(label), (kind, value, label)


def test_every_value_has_its_own_turkish_label(english, turkish):
    for key, label in turkish.items():
        assert label.strip() and not IDENTIFIER.search(label), (key, label)
        assert label != english[key], f"{key} has no Turkish label (shows {label!r})"
    assert turkish[("verdict", "needs_review")] == "değerlendirme gerekli"
    assert turkish[("verdict headline", "needs_review")] == "DEĞERLENDİRME GEREKLİ"


def test_an_unknown_value_reads_as_words_not_as_an_identifier(qapp):
    assert labels.stage_label("waiting_for_lab") == "waiting for lab"
    assert labels.stage_label("assessed", "needs_review").endswith("needs review")
