"""The shipped texts load, are complete and lint clean; the loaders return frozen domain values."""

from __future__ import annotations

import ast
import dataclasses
import hashlib
import re
from pathlib import Path

import pytest
from content_testkit import FORMS, REPO

from exoconsult.definitions.content import (
    available_languages,
    document_path,
    lint_content,
    load_comprehension,
    load_consent_text,
    load_explanation,
    load_withdrawal_text,
)
from exoconsult.domain.content import (
    PLACEHOLDER_PATTERN,
    PLACEHOLDERS,
    REQUIRED_KEY_POINTS,
    REQUIRED_OPTIONAL_CONSENT_IDS,
    SECTION_IDS,
    SIGNER_ROLES,
    Block,
    ExplanationDocument,
)

LANGS = ("en", "tr")


def test_shipped_content_lints_clean() -> None:
    assert lint_content(FORMS) == []


def test_available_languages() -> None:
    assert available_languages(FORMS) == ("en", "tr")


@pytest.mark.parametrize("lang", LANGS)
def test_explanation_loads_with_all_sections_in_order(lang: str) -> None:
    doc = load_explanation(FORMS, lang)
    assert isinstance(doc, ExplanationDocument)
    assert doc.meta.id == "exo-explanation" and doc.meta.language == lang
    assert doc.section_ids == SECTION_IDS
    assert doc.meta.sha256 == hashlib.sha256(Path(doc.meta.path).read_bytes()).hexdigest()
    # Shipped unapproved: the app must show it as a draft until a clinician signs it off.
    assert doc.meta.approval.approved is False
    assert doc.meta.approval.approved_by == "" and doc.meta.approval.approved_on is None
    assert doc.section("results").generated and [b.kind for b in doc.section("results").blocks] == [
        "paragraph"
    ]
    assert not doc.section("risks").generated
    assert len(doc.sources) >= 10
    assert any(b.kind == "bullets" for b in doc.section("risks").blocks)
    assert any(s.bold for b in doc.section("known").blocks for item in b.items for s in item)


@pytest.mark.parametrize("lang", LANGS)
def test_comprehension_loads(lang: str) -> None:
    check = load_comprehension(FORMS, lang)
    assert len(check.questions) >= 6
    assert set(REQUIRED_KEY_POINTS) <= {q.key_point for q in check.questions}
    for q in check.questions:
        assert 3 <= len(q.options) <= 4
        assert q.correct_option.id == q.correct_option_id
        assert all(isinstance(o.text, str) and o.text for o in q.options)


def test_comprehension_ids_match_across_languages() -> None:
    en, tr = (load_comprehension(FORMS, lang) for lang in LANGS)
    shape = [(q.id, q.key_point, [o.id for o in q.options], q.correct_option_id) for q in en.questions]
    assert shape == [
        (q.id, q.key_point, [o.id for o in q.options], q.correct_option_id) for q in tr.questions
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_consent_text_loads(lang: str) -> None:
    consent = load_consent_text(FORMS, lang)
    assert consent.meta.version == "3.1.0" and consent.meta.major_version == 3
    assert consent.section_ids == load_explanation(FORMS, lang).section_ids
    assert tuple(c.id for c in consent.optional_consents) == REQUIRED_OPTIONAL_CONSENT_IDS
    assert tuple(consent.signer_meanings) == SIGNER_ROLES
    assert [name for name, _ in consent.product_fields] == [
        "product.name",
        "product.manufacturer",
        "product.cell_source",
        "product.lot",
        "product.dose_per_testis",
    ]
    assert consent.preamble and consent.optional_intro


@pytest.mark.parametrize("lang", LANGS)
def test_withdrawal_text_loads(lang: str) -> None:
    withdrawal = load_withdrawal_text(FORMS, lang)
    assert [c.id for c in withdrawal.data_choices] == ["keep", "anonymise", "delete"]
    assert withdrawal.statement and "patient" in withdrawal.signer_meanings


def test_loaded_values_are_frozen_domain_dataclasses_not_pydantic() -> None:
    doc = load_explanation(FORMS, "en")
    for value in (
        doc,
        doc.meta,
        doc.sections[0],
        doc.sections[0].blocks[0],
        load_comprehension(FORMS, "en").questions[0],
    ):
        assert dataclasses.is_dataclass(value)
        assert not any(cls.__module__.startswith("pydantic") for cls in type(value).__mro__)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.sections[0].blocks[0].kind = "heading"  # type: ignore[misc]
    assert isinstance(doc.sections[0].blocks[0], Block)


def test_every_placeholder_used_is_whitelisted_and_documented() -> None:
    used: set[str] = set()
    for document_id in ("exo-explanation", "exo-consent", "exo-withdrawal"):
        for lang in LANGS:
            body = document_path(FORMS, document_id, lang).read_text(encoding="utf-8").split("\n---\n", 1)[1]
            # {#id} after a heading is a section id, not a placeholder
            used |= {m.group(1) for m in PLACEHOLDER_PATTERN.finditer(body) if not m.group(1).startswith("#")}
    assert used <= set(PLACEHOLDERS)
    assert {"costs.total", "clinic.complication_phone", "doctor.name", "ethics.permit"} <= used
    assert all(description.strip() for description in PLACEHOLDERS.values())


def test_figures_in_the_explanation_carry_their_source() -> None:
    """Each paragraph or bullet that gives an 'N in 100' / 'N of M' style figure names its source."""
    for lang, marker in (("en", "Source:"), ("tr", "Kaynak:")):
        doc = load_explanation(FORMS, lang)
        for section in doc.sections:
            for block in section.blocks:
                pieces = ["".join(s.text for s in item) for item in block.items] or [block.plain_text()]
                for piece in pieces:
                    if re.search(r"\b\d+ (in|of) \d+\b|\b100\b|\b\d+ (kişiden|erkekten|testisin)\b", piece):
                        assert marker in piece, f"{lang} {section.id}: {piece[:80]}"


@pytest.mark.parametrize("module", ["exoconsult/domain/content.py", "exoconsult/domain/results_so_far.py"])
def test_domain_modules_import_neither_yaml_nor_pydantic(module: str) -> None:
    tree = ast.parse((REPO / module).read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    imported |= {
        (node.module or "").split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    }
    assert not imported & {"yaml", "pydantic"}
