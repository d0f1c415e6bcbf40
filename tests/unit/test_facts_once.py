"""Each fact has one definition; these tests fail if a second copy creeps back.

The review behind issue 12 found hash-input JSON built three ways, signer roles listed four times, two
evaluators for one condition grammar and vocabulary values repeated in the "results so far" text. The checks below tie every user to the one
definition (identity, not equal copies) or scan the source for the pattern a copy would need.
"""

from __future__ import annotations

import re
from pathlib import Path

import exoconsult
from exoconsult.domain import content, results_so_far, vocabulary
from exoconsult.domain.canonical_json import canonical_json

PACKAGE = Path(exoconsult.__file__).parent


def sources() -> dict[str, str]:
    return {str(p.relative_to(PACKAGE)): p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")}


# --- canonical JSON ------------------------------------------------------------------------------------

def test_only_one_module_writes_canonical_json():
    compact = re.compile(r"""separators\s*=\s*\(\s*["'],["']\s*,\s*["']:["']\s*\)""")
    writers = sorted(name for name, text in sources().items() if compact.search(text))
    assert writers == ["domain/canonical_json.py"]


def test_every_hash_input_uses_the_one_function():
    from exoconsult.documents import canonical
    from exoconsult.storage import audit, history

    assert history.canonical_json is canonical_json
    assert audit.canonical_json is canonical_json
    assert canonical.canonical_json_text is canonical_json
    # services (wherever the use cases live) take it from the domain too, never define their own
    users = [n for n, text in sources().items() if n.startswith("services/") and "canonical_json" in text]
    assert users, "the assessment service hashes its inputs with canonical_json"
    for name in users:
        assert "from exoconsult.domain.canonical_json import canonical_json" in sources()[name], name
        assert "def canonical_json" not in sources()[name], name


# --- signer roles --------------------------------------------------------------------------------------

def test_signer_roles_are_listed_once():
    roles = re.compile(r"""["']patient["']\s*,\s*["']urologist["']\s*,\s*["']witness["']""")
    listing = sorted(name for name, text in sources().items() if roles.search(text))
    assert listing == ["domain/content.py"]


def test_signer_role_users_take_the_domain_definition():
    assert content.WITHDRAWAL_SIGNER_ROLES == tuple(r for r in content.SIGNER_ROLES if r != "partner")
    named = re.compile(r"^\s*(SIGNER_ROLES|STAFF_WITNESS_ROLES)\s*(:[^=\n]*)?=(?!=)", re.MULTILINE)
    bare = re.compile(r"(?<![.\w])(SIGNER_ROLES|STAFF_WITNESS_ROLES)\b")  # not "content.SIGNER_ROLES" in a comment
    users = {n: text for n, text in sources().items() if bare.search(text)}
    assert {"gui/consent/signing_dialog.py", "definitions/content_lint.py"} <= set(users)
    assert any("STAFF_WITNESS_ROLES" in text for n, text in users.items() if n.startswith("services/"))
    for name, text in users.items():
        if name == "domain/content.py":
            continue
        assert not named.search(text), f"{name} defines its own signer roles"
        assert re.search(r"from exoconsult\.domain\.content import[^\n]*\b(SIGNER_ROLES|STAFF_WITNESS_ROLES)"
                         r"|from exoconsult\.domain\.content import \(", text), name


def test_every_signer_role_has_a_printed_label_in_every_document_language():
    from exoconsult.services.consent.consent_build import role_labels
    from exoconsult.services.core.document_labels import document_words
    from exoconsult.services.core.languages import language_registry

    for lang in language_registry().document_languages:
        assert tuple(role_labels(document_words(lang))) == content.SIGNER_ROLES, lang


def test_staff_witness_roles_are_account_roles():
    from exoconsult.domain.people import Role

    assert set(content.STAFF_WITNESS_ROLES) <= {r.value for r in Role}


# --- conditions ----------------------------------------------------------------------------------------

def test_the_condition_combinators_and_evaluator_are_defined_once():
    combinators = re.compile(r"^class (AllOf|AnyOf|Not)\b", re.MULTILINE)
    assert sorted(n for n, text in sources().items() if combinators.search(text)) == ["domain/conditions.py"]
    three_valued_not = re.compile(r"\(None, missing\) if truth is None")
    assert sorted(n for n, text in sources().items() if three_valued_not.search(text)) == ["domain/conditions.py"]


# --- vocabulary values ---------------------------------------------------------------------------------

def test_results_so_far_takes_its_values_from_the_vocabulary():
    history, retrieval = vocabulary.HISTORY_FIELDS, vocabulary.GROUP_FIELDS[vocabulary.SPERM_RETRIEVAL_ATTEMPTS]
    assert results_so_far.VOLUME_METHODS is history["testis_volume_method"].values
    assert results_so_far.KARYOTYPES is history["karyotype"].values
    assert results_so_far.Y_MICRODELETIONS is history["y_microdeletion"].values
    assert results_so_far.TECHNIQUES is retrieval["technique"].values
    assert results_so_far.HISTOLOGIES is retrieval["histology"].values


def test_patient_sexes_are_the_vocabulary_values():
    from exoconsult.domain import patient

    assert patient.SEXES is vocabulary.PATIENT_FIELDS["sex"].values


def test_results_so_far_has_a_sentence_for_every_vocabulary_value():
    from exoconsult.services.core.document_labels import document_words
    from exoconsult.services.core.languages import language_registry

    for lang in language_registry().document_languages:
        texts = document_words(lang)
        assert set(texts.section("results_so_far.karyotype")) == {*results_so_far.KARYOTYPES, "missing"}
        assert set(texts.section("results_so_far.y_microdeletion")) == {*results_so_far.Y_MICRODELETIONS, "missing"}
        assert set(texts.section("results_so_far.retrieval.histology")) == {*results_so_far.HISTOLOGIES, "missing"}
        assert set(results_so_far.TECHNIQUES) <= set(texts.section("results_so_far.retrieval"))
        assert set(results_so_far.VOLUME_METHODS) <= set(texts.section("results_so_far.testes"))


def test_no_vocabulary_value_list_is_repeated_outside_the_vocabulary():
    enum_lists = [spec.values for spec in vocabulary.ALL_FIELDS if len(spec.values) > 2]
    for name, text in sources().items():
        if name == "domain/vocabulary.py":
            continue
        flat = re.sub(r"\s+", "", text)
        for values in enum_lists:
            written = ",".join(f'"{v}"' for v in values)
            assert written not in flat, f"{name} repeats the vocabulary values {values}"
