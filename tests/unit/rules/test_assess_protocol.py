"""The shipped exo-noa protocol file, its loader (line-numbered errors) and lint_protocol."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from exoconsult.definitions.protocol import ProtocolError, lint_protocol, load_protocol
from exoconsult.rules.model import Protocol
from tests.unit.rules.builders import PROTOCOL_DIR

SPEC_PARAMETERS = {
    "min_age_years": 18, "review_age_years": 60, "min_negative_centrifuged_analyses": 2, "oa_fsh_max_iu_l": 7.6,
    "oa_long_axis_min_cm": 4.6, "oa_volume_min_ml": 15, "hh_gonadotropin_max_iu_l": 1.5,
    "low_testosterone_nmol_l": 10.4, "testosterone_washout_months": 6, "testosterone_review_months": 12,
    "retrieval_healing_months": 6, "atrophic_volume_ml": 12,
    # new in 1.1.0
    "hh_review_gonadotropin_max_iu_l": 3.0, "obstructive_volume_max_ml": 1.0, "obstructive_ph_max": 7.0,
}
TEXT = (PROTOCOL_DIR / "protocol.yaml").read_text(encoding="utf-8")


def test_shipped_protocol_is_lint_clean_and_matches_the_spec(protocol: Protocol) -> None:
    assert lint_protocol(PROTOCOL_DIR) == []
    assert (protocol.id, protocol.version) == ("exo-noa", "1.1.0")
    assert protocol.sha256 == hashlib.sha256((PROTOCOL_DIR / "protocol.yaml").read_bytes()).hexdigest()
    assert {n: p.default for n, p in protocol.parameters.items()} == SPEC_PARAMETERS
    # spec "Approval": the shipped protocol is unapproved (no name or date that could print as an approval)
    assert not protocol.approval.approved and protocol.approval.approved_by == protocol.approval.approved_on == ""
    assert len(protocol.rules) == 40


def _variant(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    assert old in TEXT, old
    (tmp_path / "protocol.yaml").write_text(TEXT.replace(old, new, count), encoding="utf-8")
    return tmp_path


def _line_of(snippet: str) -> int:
    return TEXT[:TEXT.index(snippet)].count("\n") + 1


@pytest.mark.parametrize(("old", "new", "expected"), [
    ('{field: "vas_deferens_palpable", op: "eq", value: "neither"}',
     '{field: "vas_deferens_palpabel", op: "eq", value: "neither"}', "unknown field 'vas_deferens_palpabel'"),
    ('{field: "vas_deferens_palpable", op: "eq", value: "neither"}',
     '{field: "vas_deferens_palpable", op: "eq", value: "absent"}', "can never fire: 'absent' is not a value"),
    ('{derived: "age_years", op: "lt", param: "min_age_years"}',
     '{derived: "age_in_years", op: "lt", param: "min_age_years"}', "unknown derived value 'age_in_years'"),
    ('{derived: "age_years", op: "lt", param: "min_age_years"}',
     '{derived: "age_years", op: "lt", param: "minimum_age"}', "unknown parameter 'minimum_age'"),
    ('{field: "vas_deferens_palpable", op: "eq", value: "neither"}',
     '{field: "fsh", op: "eq", value: 3}', "fields in repeatable groups are read through derived values"),
    ('{field: "vas_deferens_palpable", op: "eq", value: "neither"}',
     '{field: "vas_deferens_palpable", op: "gt", value: "neither"}', "gt needs a number"),
    ('{field: "vas_deferens_palpable", op: "eq", value: "neither"}',
     '{all: [{field: "partner_age_years", op: "gt", value: 50}, {field: "partner_age_years", op: "lt", value: 40}]}',
     "can never fire: partner_age_years cannot be above 50 and below 40"),
    ('{field: "vas_deferens_palpable", op: "eq", value: "neither"}',
     '{all: [{field: "varicocele", op: "eq", value: "grade1"}, {field: "varicocele", op: "eq", value: "grade2"}]}',
     "can never fire: varicocele cannot equal"),
    ('{field: "vas_deferens_palpable", op: "eq", value: "neither"}',
     '{field: "partner_age_years", op: "gt", value: 70}', "can never fire: partner_age_years gt 70 is outside 14-70"),
    ('      tr: "Hasta, protokolün alt yaş sınırı olan {min_age_years} yaştan küçük."\n', "",
     "rule AGE-MIN: reason lacks language 'tr'"),
    ("{min_age_years} yaştan", "{min_age} yaştan", "rule AGE-MIN: text names unknown parameter(s) min_age"),
    ("{min_age_years} yaştan", "{min_age_years yaştan", "rule AGE-MIN: malformed {placeholder}"),
    ('reads: ["vas_deferens_palpable"]', 'reads: []', "reads does not list vas_deferens_palpable"),
])
def test_lint_reports_with_file_and_line(tmp_path: Path, old: str, new: str, expected: str) -> None:
    folder = _variant(tmp_path, old, new)
    issues = lint_protocol(folder)
    hits = [i for i in issues if expected in i]
    assert hits, issues
    assert hits[0].startswith(f"{folder / 'protocol.yaml'}:")
    with pytest.raises(ProtocolError):
        load_protocol(folder)


def test_line_number_points_at_the_rule(tmp_path: Path) -> None:
    snippet = '{field: "ultrasound_testicular_mass", op: "eq", value: true}'
    issues = lint_protocol(_variant(tmp_path, snippet, snippet.replace("mass", "masses")))
    assert issues == [f"{tmp_path / 'protocol.yaml'}:{_line_of(snippet)}: rule US-MASS: unknown field "
                      "'ultrasound_testicular_masses'"]


def test_schema_errors_have_lines(tmp_path: Path) -> None:
    # An unquoted option that YAML reads as a boolean, an unknown key, and a bad outcome.
    neither, hopps = 'value: "neither"}', '    source: "Hopps'
    (issue,) = lint_protocol(_variant(tmp_path, neither, "value: no}"))
    # Unquoted `no` is YAML's boolean false: never a value of an enum field, so the rule could never fire.
    assert f":{_line_of(neither)}: rule OA-CBAVD: can never fire: False is not a value" in issue
    issues = lint_protocol(_variant(tmp_path, hopps, '    sources: "Hopps'))
    assert any("Extra inputs are not permitted" in i and f":{_line_of(hopps)}:" in i for i in issues)
    folder = _variant(tmp_path, 'outcome: "caution"', 'outcome: "warning"')
    assert any("rules.19.outcome" in i for i in lint_protocol(folder))


def test_unused_parameter_and_bad_yaml(tmp_path: Path) -> None:
    folder = _variant(tmp_path, "parameters:\n", 'parameters:\n  spare_limit: {default: 3}\n')
    assert [i.split(": ", 1)[1] for i in lint_protocol(folder)] == ["parameter spare_limit is not used by any rule"]
    (tmp_path / "protocol.yaml").write_text("kind: [unclosed\n", encoding="utf-8")
    (issue,) = lint_protocol(tmp_path)
    assert "not valid YAML" in issue and ":2:" in issue
    assert lint_protocol(tmp_path / "nowhere")[0].endswith("cannot read: no such file")


def test_a_parameter_named_only_in_a_text_counts_as_used(protocol: Protocol) -> None:
    """US-TM-RISK (1.1.0) no longer compares testis volume, but its text still names atrophic_volume_ml."""
    rule = next(r for r in protocol.rules if r.id == "US-TM-RISK")
    assert "{atrophic_volume_ml}" in rule.reason["en"] and "{atrophic_volume_ml}" in rule.reason["tr"]


@pytest.mark.parametrize(("block", "expected"), [
    ('approved: true\n  approved_by: ""\n  approved_on: ""', "approved_by and approved_on (YYYY-MM-DD) are required"),
    ('approved: false\n  approved_by: "Dr X"\n  approved_on: ""', "must be empty"),
    ('approved: true\n  approved_by: "Dr X"\n  approved_on: "1.12.2026"', "String should match pattern"),
])
def test_approval_block_is_consistent(tmp_path: Path, block: str, expected: str) -> None:
    folder = _variant(tmp_path, 'approved: false\n  approved_by: ""\n  approved_on: ""', block)
    assert any(expected in issue for issue in lint_protocol(folder)), lint_protocol(folder)


def test_an_approved_protocol_loads(tmp_path: Path) -> None:
    folder = _variant(tmp_path, 'approved: false\n  approved_by: ""\n  approved_on: ""',
                      'approved: true\n  approved_by: "Dr. Medical Director"\n  approved_on: "2026-12-01"')
    assert load_protocol(folder).approval.approved
