"""`exoconsult export research|fhir` on the demo clinic: the research export holds no demo identifier in
any byte, its REDCap dictionary has REDCap's 18 columns in order, free text waits for a review code, and
every FHIR bundle of the demo validates against the R4B models."""

from __future__ import annotations

import csv
import io
import json

import pytest

from exoconsult.cli import main
from exoconsult.services.demo.step_10_clinic import DEMO_ACCOUNTS
from exoconsult.services.exports.dictionary import REDCAP_COLUMNS
from tests.fhir_validation import validate_bundle
from tests.services.test_research_export import assert_no_identifier

# REDCap's data-dictionary header, as REDCap writes it (checked here against our own constant).
REDCAP_HEADER = ("Variable / Field Name,Form Name,Section Header,Field Type,Field Label,"
                 '"Choices, Calculations, OR Slider Labels",Field Note,Text Validation Type OR Show Slider Number,'
                 "Text Validation Min,Text Validation Max,Identifier?,Branching Logic (Show field only if...),"
                 "Required Field?,Custom Alignment,Question Number (surveys only),Matrix Group Name,Matrix Ranking?,"
                 "Field Annotation")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo") / "data"
    assert main(["demo", "--data-dir", str(root), "--no-launch"]) == 0
    for role in ("urologist", "nurse"):
        (root.parent / role).write_text(DEMO_ACCOUNTS[role][4] + "\n", encoding="utf-8")
    return root


def _auth(demo, role="urologist"):
    return ["--data-dir", str(demo), "--user", role, "--password-file", str(demo.parent / role)]


def _identifiers(demo) -> list[dict]:
    from exoconsult.config import DataDir
    from exoconsult.services.clinic import open_context
    from exoconsult.storage.patients import PatientRow

    ctx = open_context(DataDir(demo), None)
    try:
        with ctx.db.session(write=False) as s:
            return [{"family_name": p.family_name, "given_name": p.given_name, "mrn": p.mrn,
                     "birth_date": p.birth_date.isoformat(), "national_id": p.national_id, "phone": p.phone,
                     "email": p.email} for p in s.query(PatientRow)]
    finally:
        ctx.close()


def test_the_research_export_of_the_demo_holds_no_identifier(demo, tmp_path, capsys):
    out = tmp_path / "research"
    assert main(["export", "research", str(out), *_auth(demo)]) == 0
    assert "Exported" in capsys.readouterr().out
    patients = list(csv.DictReader(io.StringIO((out / "patients.csv").read_text(encoding="utf-8"))))
    assert patients  # the demo's treated registry patients
    people = _identifiers(demo)
    assert len(people) > 20  # every demo patient, exported or not
    for ids in people:
        assert_no_identifier(out, {k: v for k, v in ids.items() if v})

    text = (out / "data_dictionary.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == REDCAP_HEADER
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == REDCAP_COLUMNS and len(REDCAP_COLUMNS) == 18 and all(len(r) == 18 for r in rows)
    assert rows[1][:4] == ["record_id", "patients", "Patients", "text"]
    sperm = next(r for r in rows if r[0] == "semen_analyses_sperm_seen")
    assert sperm[3] == "radio" and sperm[5] == ("1, None | 2, Rare, only after centrifugation | 3, Present")
    variables = [r[0] for r in rows[1:]]
    assert len(variables) == len(set(variables))
    data_columns = {c for f in out.glob("*.csv") if f.name not in ("summary.csv", "data_dictionary.csv")
                    for c in next(csv.reader(io.StringIO(f.read_text(encoding="utf-8"))))}
    declared = set(variables) | {"redcap_repeat_instrument", "redcap_repeat_instance"}
    assert {c.split("___")[0] for c in data_columns} <= declared  # every data column is in the dictionary
    assert "# Data dictionary" in (out / "data_dictionary.md").read_text(encoding="utf-8")


def test_free_text_leaves_only_with_the_code_of_the_texts_reviewed(demo, tmp_path, capsys):
    out = tmp_path / "with-text"
    assert main(["export", "research", str(out), "--include-free-text", *_auth(demo)]) == 1
    err = capsys.readouterr().err
    code = err.rsplit("--free-text-reviewed ", 1)[1].strip()
    assert not out.exists()
    assert main(["export", "research", str(out), "--include-free-text", "--free-text-reviewed", "0000", *_auth(demo)]) == 1
    capsys.readouterr()
    assert main(["export", "research", str(out), "--include-free-text", "--free-text-reviewed", code, *_auth(demo)]) == 0
    header = (out / "procedures.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "events_note" in header and "anaesthetic_agent" in header


def test_refusals(demo, tmp_path, capsys):
    assert main(["export", "research", str(tmp_path / "a"), *_auth(demo, "nurse")]) == 1
    assert main(["export", "research", str(tmp_path / "b"), "--from", "2026-12-31", "--to", "2026-01-01",
                 *_auth(demo)]) == 2
    assert "ends before it starts" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "research", str(tmp_path / "c"), "--from", "31.12.2026", *_auth(demo)])
    assert main(["export", "fhir", "--mrn", "NOPE", str(tmp_path / "d"), *_auth(demo)]) == 2


def test_every_fhir_bundle_of_the_demo_validates(demo, tmp_path, capsys):
    out = tmp_path / "fhir"
    assert main(["export", "fhir", "--all", str(out), *_auth(demo)]) == 0
    files = sorted(out.glob("*.fhir.json"))
    assert len(files) == len(_identifiers(demo))  # one bundle per patient
    kinds = set()
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        validate_bundle(data)
        kinds |= {e["resource"]["resourceType"] for e in data["entry"]}
    assert kinds >= {"Patient", "Consent", "DocumentReference", "QuestionnaireResponse", "Observation", "Procedure",
                     "Medication", "AdverseEvent"}
