"""Field-level audit entries (issue 22): an update stores what changed, and applying it to the row's
previous state reproduces the new row exactly, down to the text of a JSON document."""

from __future__ import annotations

from exoconsult.domain.canonical_json import canonical_json
from exoconsult.storage.audit_diff import FULL_EVERY, apply, diff, entry_values, is_diff

HISTORY = {"partner_age_years": 31, "karyotype": "46,XY", "testis": {"left_ml": 8, "right_ml": 10},
           "antithrombotic": "none", "notes": "Çocukluk çağı kabakulak öyküsü yok"}


def _row(history: dict, **extra) -> dict:
    return {"id": 1, "patient_id": 8, "history": canonical_json(history), "row_version": 1, **extra}


def test_a_history_edit_stores_the_one_answer_not_the_document_twice():
    before = _row(HISTORY)
    after = _row({**HISTORY, "partner_age_years": 32}, row_version=2)
    doc = diff(before, after, 1)
    assert doc["changes"] == [{"p": ["history", "partner_age_years"], "b": 31, "a": 32},
                              {"p": ["row_version"], "b": 1, "a": 2}]
    assert doc["patient_id"] == 8 and is_diff(doc)
    assert len(canonical_json(doc)) < len(canonical_json(before))  # the old entry held two snapshots


def test_applying_the_changes_reproduces_the_row_exactly_including_the_json_text():
    before = _row(HISTORY)
    changed = {**HISTORY, "testis": {"left_ml": 9, "right_ml": 10}, "karyotype_note": "mozaik"}
    del changed["antithrombotic"]
    after = _row(changed, row_version=2, updated_by="urologist")
    rebuilt, consistent = apply(before, diff(before, after, 1))
    assert consistent and rebuilt == after and rebuilt["history"] == after["history"]


def test_a_number_whose_text_changes_is_a_change_even_when_equal_in_value():
    before, after = _row({"x": 5}), _row({"x": 5.0})
    rebuilt, consistent = apply(before, diff(before, after, 1))
    assert consistent and rebuilt["history"] == '{"x":5.0}'


def test_a_text_that_is_not_canonical_json_is_stored_whole():
    before = {"id": 1, "value": '{"b": 1, "a": 2}'}
    after = {"id": 1, "value": '{"b": 1, "a": 3}'}
    doc = diff(before, after, 1)
    assert doc["changes"] == [{"p": ["value"], "b": before["value"], "a": after["value"]}]
    assert apply(before, doc) == (after, True)


def test_a_column_added_or_emptied_is_stored_without_a_value_on_the_missing_side():
    before, after = {"id": 1, "a": 1}, {"id": 1, "b": None}
    doc = diff(before, after, 1)
    assert doc["changes"] == [{"p": ["a"], "b": 1}, {"p": ["b"], "a": None}]
    assert apply(before, doc) == (after, True)


def test_changes_applied_to_another_state_than_their_before_are_reported():
    before = _row(HISTORY)
    doc = diff(before, _row({**HISTORY, "partner_age_years": 32}), 1)
    elsewhere = _row({**HISTORY, "partner_age_years": 40})  # an entry between them is missing
    assert apply(elsewhere, doc)[1] is False
    assert apply({**before, "patient_id": 9}, doc)[1] is False
    assert apply({"id": 1}, doc)[1] is False  # the document is not there at all


def test_every_full_every_th_update_of_a_row_is_written_in_full():
    before, after = _row(HISTORY), _row({**HISTORY, "partner_age_years": 32})
    first = entry_values(before, after, canonical_json(after))  # the previous entry was a create
    assert first[0] is None and first[1]["n"] == 1
    near = canonical_json({"~diff": 1, "n": FULL_EVERY - 2, "changes": []})
    assert entry_values(before, after, near)[1]["n"] == FULL_EVERY - 1
    full = canonical_json({"~diff": 1, "n": FULL_EVERY - 1, "changes": []})
    assert entry_values(before, after, full) == (before, after)
