"""The content lint: everything that must hold across the files of forms/ before a text may ship.

Per-file rules (schema, Markdown subset, semver, approval metadata, correct option among options) are
enforced by the loaders; their errors are collected here. Cross-file rules are checked here: every
document in every language, identical ids across languages and between explanation and consent, the
key points, the placeholder whitelist and the banned promotional words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from exoconsult.definitions.content_load import (
    COMPREHENSION_ID,
    CONSENT_ID,
    DOCUMENT_PATHS,
    EXPLANATION_ID,
    WITHDRAWAL_ID,
    document_path,
    load_comprehension,
    load_consent_text,
    load_explanation,
    load_withdrawal_text,
)
from exoconsult.definitions.languages import languages_for
from exoconsult.domain.content import (
    BANNED_PROMOTIONAL_WORDS,
    ENGLISH_MARKER_WORDS,
    KNOWN_KEY_POINTS,
    MIN_OPTIONS,
    PLACEHOLDER_PATTERN,
    PLACEHOLDERS,
    REQUIRED_KEY_POINTS,
    REQUIRED_OPTIONAL_CONSENT_IDS,
    REQUIRED_WITHDRAWAL_DATA_CHOICES,
    SECTION_IDS,
    SIGNER_ROLES,
    WITHDRAWAL_SIGNER_ROLES,
    Block,
    ComprehensionCheck,
    ConsentText,
    ContentError,
    ExplanationDocument,
    WithdrawalText,
)
from exoconsult.domain.text import fold

MIN_QUESTIONS = 5
REQUIRED_PRODUCT_FIELDS: tuple[str, ...] = (
    "product.name",
    "product.manufacturer",
    "product.cell_source",
    "product.lot",
    "product.dose_per_testis",
)
BOXED_PERMIT = "{ethics.permit}"  # the boxed statement's permit line (content release 1.1, item 2)
_LOADERS: dict[str, Callable[[Path, str], Any]] = {
    EXPLANATION_ID: load_explanation,
    COMPREHENSION_ID: load_comprehension,
    CONSENT_ID: load_consent_text,
    WITHDRAWAL_ID: load_withdrawal_text,
}
_CITATION = re.compile(r"\((?:Kaynak|Kaynaklar)\s*:[^)]*\)")  # journal names are not Turkish prose
_BANNED = tuple(
    (word, re.compile(r"(?<![a-z0-9])" + re.escape(fold(word)))) for word in BANNED_PROMOTIONAL_WORDS
)

TextLines = list[tuple[int | None, str]]


def _languages_present(forms_dir: Path) -> set[str]:
    found: set[str] = set()
    for pattern in DOCUMENT_PATHS.values():
        folder, _, name = pattern.partition("/")
        prefix, _, suffix = name.partition("{lang}")
        for path in (forms_dir / folder).glob(f"{prefix}*{suffix}"):
            code = path.name[len(prefix) : len(path.name) - len(suffix)]
            if len(code) == 2 and code.isalpha() and code.islower():
                found.add(code)
    return found


def _block_texts(blocks: Iterable[Block]) -> TextLines:
    texts: TextLines = []
    for block in blocks:
        texts.extend(
            (line, "".join(s.text for s in item))
            for line, item in zip(block.item_lines, block.items, strict=True)
        )
        if block.spans:
            texts.append((block.line, block.plain_text()))
    return texts


def _texts(document: Any) -> TextLines:
    """Every patient-visible string of a loaded document with its line (None for front matter)."""
    texts: TextLines = [(None, document.meta.title)]
    if isinstance(document, ExplanationDocument | ConsentText):
        for section in document.sections:
            texts.append((section.line, section.title))
            texts.extend(_block_texts(section.blocks))
    if isinstance(document, ConsentText):
        texts.extend(_block_texts(document.preamble))
        texts.extend(_block_texts(document.optional_intro))
        texts.extend((c.line, c.text) for c in document.optional_consents)
        texts.extend((None, label) for _, label in document.product_fields)
        texts.extend((None, meaning) for meaning in document.signer_meanings.values())
        box = document.boxed_statement
        texts.extend((None, t) for t in (box.statement, box.permit, box.no_permit))
    if isinstance(document, WithdrawalText):
        texts.extend(_block_texts(document.statement))
        texts.extend(_block_texts(document.data_intro))
        texts.extend((c.line, c.text) for c in document.data_choices)
        texts.extend((None, meaning) for meaning in document.signer_meanings.values())
    if isinstance(document, ComprehensionCheck):
        for q in document.questions:
            texts.extend((q.line, t) for t in (q.prompt, q.explanation, *(o.text for o in q.options)))
    return texts


def _where(path: str, line: int | None) -> str:
    return f"{path}:{line}" if line is not None else path


def _text_problems(document: Any) -> list[str]:
    problems: list[str] = []
    path = document.meta.path
    for line, text in _texts(document):
        for match in PLACEHOLDER_PATTERN.finditer(text):
            if match.group(1) not in PLACEHOLDERS:
                problems.append(
                    f"{_where(path, line)}: unknown placeholder {match.group(0)} (not in the whitelist)"
                )
        folded = fold(text)
        for word, pattern in _BANNED:
            if pattern.search(folded):
                problems.append(f"{_where(path, line)}: promotional word {word!r} is not allowed")
        if document.meta.language == "tr":
            prose = _CITATION.sub("", text)
            english = [w for w in ENGLISH_MARKER_WORDS if re.search(rf"(?<!\w){w}(?!\w)", prose, re.IGNORECASE)]
            if english:
                problems.append(f"{_where(path, line)}: English left in a Turkish text ({', '.join(english)})")
    return problems


def _explanation_problems(doc: ExplanationDocument) -> list[str]:
    problems: list[str] = []
    if doc.section_ids != SECTION_IDS:
        problems.append(
            f"{doc.meta.path}: sections must be {', '.join(SECTION_IDS)} in this order; found {', '.join(doc.section_ids)}"
        )
    for section in doc.sections:
        if section.generated and [b.kind for b in section.blocks] != ["paragraph"]:
            problems.append(
                f"{doc.meta.path}:{section.line}: section {section.id!r} is generated from the case; "
                "its text must be one lead-in paragraph"
            )
    return problems


def _consent_problems(doc: ConsentText) -> list[str]:
    path = doc.meta.path
    problems: list[str] = []
    if doc.section_ids != SECTION_IDS:
        problems.append(
            f"{path}: sections must be {', '.join(SECTION_IDS)} in this order; found {', '.join(doc.section_ids)}"
        )
    ids = tuple(c.id for c in doc.optional_consents)
    if sorted(ids) != sorted(REQUIRED_OPTIONAL_CONSENT_IDS):
        problems.append(
            f"{path}: optional consents must be {', '.join(REQUIRED_OPTIONAL_CONSENT_IDS)}; found {', '.join(ids)}"
        )
    if tuple(doc.signer_meanings) != SIGNER_ROLES:
        problems.append(
            f"{path}: signers must be {', '.join(SIGNER_ROLES)}; found {', '.join(doc.signer_meanings)}"
        )
    fields = tuple(name for name, _ in doc.product_fields)
    for name in fields:
        if name not in PLACEHOLDERS:
            problems.append(f"{path}: product field {name!r} is not a whitelisted placeholder")
    for name in REQUIRED_PRODUCT_FIELDS:
        if name not in fields:
            problems.append(f"{path}: product field {name!r} is missing")
    if BOXED_PERMIT not in doc.boxed_statement.permit:
        problems.append(f"{path}: boxed_statement.permit must print the clinic's permit, {BOXED_PERMIT}")
    if PLACEHOLDER_PATTERN.search(doc.boxed_statement.statement + doc.boxed_statement.no_permit):
        problems.append(f"{path}: boxed_statement.statement and .no_permit are fixed wording, without placeholders")
    return problems


def _withdrawal_problems(doc: WithdrawalText) -> list[str]:
    path = doc.meta.path
    problems: list[str] = []
    ids = tuple(c.id for c in doc.data_choices)
    if ids != REQUIRED_WITHDRAWAL_DATA_CHOICES:
        problems.append(
            f"{path}: data choices must be {', '.join(REQUIRED_WITHDRAWAL_DATA_CHOICES)}; found {', '.join(ids)}"
        )
    if tuple(doc.signer_meanings) != WITHDRAWAL_SIGNER_ROLES:
        problems.append(
            f"{path}: signers must be {', '.join(WITHDRAWAL_SIGNER_ROLES)}; found {', '.join(doc.signer_meanings)}"
        )
    return problems


def _comprehension_problems(doc: ComprehensionCheck) -> list[str]:
    path = doc.meta.path
    problems: list[str] = []
    if len(doc.questions) < MIN_QUESTIONS:
        problems.append(
            f"{path}: at least {MIN_QUESTIONS} questions are required, found {len(doc.questions)}"
        )
    covered = {q.key_point for q in doc.questions}
    for key_point in REQUIRED_KEY_POINTS:
        if key_point not in covered:
            problems.append(f"{path}: no question covers the key point {key_point!r}")
    for q in doc.questions:
        if q.key_point not in KNOWN_KEY_POINTS:
            problems.append(f"{path}:{q.line}: unknown key point {q.key_point!r}")
        if len(q.options) < MIN_OPTIONS:
            problems.append(f"{path}:{q.line}: question {q.id!r} needs at least {MIN_OPTIONS} options")
    problems.extend(_answer_place_problems(doc))
    return problems


def _answer_place_problems(doc: ComprehensionCheck) -> list[str]:
    """Item 11: the right answer is not always in one place, nor systematically the longest option.
    (Options are also shuffled per attempt when asked; this keeps the file itself honest.)"""
    questions = [q for q in doc.questions if len(q.options) >= 2]
    if len(questions) < 2:
        return []
    places = {[o.id for o in q.options].index(q.correct_option_id) for q in questions
              if q.correct_option_id in [o.id for o in q.options]}
    problems = []
    if len(places) == 1:
        problems.append(f"{doc.meta.path}: the right answer is in the same place in every question")
    longest = sum(1 for q in questions
                  if max(q.options, key=lambda o: len(o.text)).id == q.correct_option_id)
    if longest * 2 > len(questions):
        problems.append(f"{doc.meta.path}: the right answer is the longest option in {longest} of "
                        f"{len(questions)} questions")
    return problems


def _question_shape(doc: ComprehensionCheck) -> list[tuple[str, str, tuple[str, ...], str]]:
    return [(q.id, q.key_point, tuple(o.id for o in q.options), q.correct_option_id) for q in doc.questions]


def _cross_language_problems(loaded: dict[str, dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    for document_id, by_lang in loaded.items():
        versions = {lang: doc.meta.version for lang, doc in by_lang.items()}
        if len(set(versions.values())) > 1:
            problems.append(f"{document_id}: versions differ between languages: {versions}")
    for lang, doc in loaded.get(CONSENT_ID, {}).items():
        explanation = loaded.get(EXPLANATION_ID, {}).get(lang)
        if explanation is not None and explanation.section_ids != doc.section_ids:
            problems.append(f"{doc.meta.path}: section ids differ from the {lang} explanation")
    comparisons: dict[str, Callable[[Any], Any]] = {
        EXPLANATION_ID: lambda d: d.section_ids,
        CONSENT_ID: lambda d: (
            d.section_ids,
            tuple(c.id for c in d.optional_consents),
            tuple(d.signer_meanings),
            tuple(n for n, _ in d.product_fields),
        ),
        WITHDRAWAL_ID: lambda d: (tuple(c.id for c in d.data_choices), tuple(d.signer_meanings)),
        COMPREHENSION_ID: _question_shape,
    }
    for document_id, shape in comparisons.items():
        by_lang = loaded.get(document_id, {})
        if len(by_lang) < 2:
            continue
        reference_lang = "en" if "en" in by_lang else sorted(by_lang)[0]
        reference = shape(by_lang[reference_lang])
        for lang, doc in sorted(by_lang.items()):
            if lang != reference_lang and shape(doc) != reference:
                what = (
                    "question ids, key points, option ids or correct options"
                    if document_id == COMPREHENSION_ID
                    else "ids"
                )
                problems.append(f"{doc.meta.path}: {what} differ from the {reference_lang} version")
    return problems


def lint_content(forms_dir: Path | str) -> list[str]:
    """Every problem in forms/ as 'file[:line]: message'; [] means the content may ship."""
    forms_dir = Path(forms_dir)
    problems: list[str] = []
    present = _languages_present(forms_dir)
    try:  # every document language of the registry, complete; a broken registry is lint_languages' report
        registry = languages_for(forms_dir)
    except ContentError:
        registry = None
    required = set(registry.document_languages) if registry is not None else set()
    languages = sorted(present | required)
    if registry is not None:
        problems.extend(f"{forms_dir / 'languages.yaml'}: texts exist in {lang!r}, which is not a registered "
                        "language" for lang in sorted(present - set(registry.codes)))
    loaded: dict[str, dict[str, Any]] = {document_id: {} for document_id in _LOADERS}
    checks: dict[str, Callable[[Any], list[str]]] = {
        EXPLANATION_ID: _explanation_problems,
        COMPREHENSION_ID: _comprehension_problems,
        CONSENT_ID: _consent_problems,
        WITHDRAWAL_ID: _withdrawal_problems,
    }
    for document_id, loader in _LOADERS.items():
        for lang in languages:
            path = document_path(forms_dir, document_id, lang)
            if not path.exists():
                problems.append(f"{path}: missing translation ({document_id} has no {lang!r} file)")
                continue
            try:
                document = loader(forms_dir, lang)
            except ContentError as error:
                problems.append(str(error))
                continue
            loaded[document_id][lang] = document
            problems.extend(checks[document_id](document))
            problems.extend(_text_problems(document))
    problems.extend(_cross_language_problems(loaded))
    return problems
