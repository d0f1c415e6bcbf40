"""The reporting deadline of a serious adverse event (7 days fatal or life-threatening, 15 days other
serious, from the day the clinic learnt of it; met when every recipient was sent a report since)."""

from __future__ import annotations

from datetime import date, timedelta

from exoconsult.domain import adverse_events as ae
from exoconsult.domain.adverse_events import Assessment, Sending, reporting_deadline
from exoconsult.services.core.document_labels import document_words
from exoconsult.services.core.languages import language_registry

D = date(2026, 11, 2)


def _sent_to_all(on: date) -> list[Sending]:
    return [Sending(r, on) for r in ae.REQUIRED_RECIPIENTS]


def test_a_non_serious_event_has_no_deadline():
    assert reporting_deadline([Assessment(D, frozenset())], [], D) is None


def test_a_serious_event_is_due_fifteen_days_after_the_clinic_learnt_of_it():
    d = reporting_deadline([Assessment(D, frozenset({"hospitalisation"}))], [], D + timedelta(days=3))
    assert (d.days, d.due_on, d.days_left, d.overdue) == (15, date(2026, 11, 17), 12, False)
    assert d.outstanding == ("manufacturer", "ethics_committee", "health_authority")


def test_a_life_threatening_or_fatal_event_is_due_in_seven_days_and_overdue_after():
    for criterion in ("life_threatening", "death"):
        d = reporting_deadline([Assessment(D, frozenset({criterion, "hospitalisation"}))], [], date(2026, 11, 10))
        assert (d.days, d.due_on, d.days_left, d.overdue) == (7, date(2026, 11, 9), -1, True)


def test_the_deadline_is_met_only_when_every_recipient_was_sent_a_report():
    entries = [Assessment(D, frozenset({"hospitalisation"}))]
    partly = reporting_deadline(entries, [Sending("manufacturer", D + timedelta(days=2))], D + timedelta(days=4))
    assert partly.outstanding == ("ethics_committee", "health_authority") and not partly.met
    done = reporting_deadline(entries, _sent_to_all(D + timedelta(days=5)), D + timedelta(days=30))
    assert done.met and not done.overdue


def test_a_follow_up_that_makes_it_serious_starts_the_clock_that_day():
    entries = [Assessment(D, frozenset()), Assessment(D + timedelta(days=10), frozenset({"disability"}))]
    d = reporting_deadline(entries, [], D + timedelta(days=10))
    assert (d.starts_on, d.due_on) == (D + timedelta(days=10), D + timedelta(days=25))


def test_a_report_sent_before_it_became_life_threatening_does_not_meet_the_seven_day_clock():
    entries = [Assessment(D, frozenset({"hospitalisation"})),
               Assessment(D + timedelta(days=4), frozenset({"hospitalisation", "life_threatening"}))]
    d = reporting_deadline(entries, _sent_to_all(D + timedelta(days=1)), D + timedelta(days=5))
    assert (d.days, d.due_on, d.met) == (7, D + timedelta(days=11), False)
    again = reporting_deadline(entries, _sent_to_all(D + timedelta(days=1)) + _sent_to_all(D + timedelta(days=6)),
                               D + timedelta(days=6))
    assert again.met


def test_grade_outcome_and_death_must_agree():
    assert ae.consistency_problems(5, ("death",), "fatal") == {}
    assert "outcome" in ae.consistency_problems(5, (), "recovered")
    assert "outcome" in ae.consistency_problems(3, ("death",), "fatal")
    assert "serious" in ae.consistency_problems(4, (), "recovering")
    assert ae.consistency_problems(4, ("life_threatening",), "recovering") == {}


def test_every_list_has_its_wording_in_every_document_language():
    """The lists are keys; each key is worded in every catalogue (forms/i18n), never shown as the key."""
    for lang in language_registry().document_languages:
        words = document_words(lang)
        for table in ae.LISTS:
            assert all(f"adverse_event.{table.kind}.{key}" in words for key in table), (lang, table.kind)
    assert ae.label(document_words("tr"), ae.TERMS, "haematoma") == "Hematom"
    assert ae.label(document_words("en"), ae.GRADES, 3) == "3 – severe or medically significant"
