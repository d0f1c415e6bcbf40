"""Strict loaders for the patient-facing texts in forms/ (explanation, comprehension, consent, withdrawal).

Each loader reads one whole document in one language, checks it against its schema and the Markdown
subset, and returns frozen domain dataclasses carrying the sha256 of the file bytes, so a signed consent
can name exactly which text it was. Cross-file rules (both languages, same ids) live in lint_content.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from exoconsult.bounded_input import FORMS_FILE_LIMIT, InputRefused, read_limited
from exoconsult.definitions.content_markdown import (
    RawSection,
    SplitDocument,
    parse_blocks,
    parse_choice_section,
    split_document,
)
from exoconsult.definitions.content_models import (
    ApprovalModel,
    ComprehensionFile,
    ConsentFront,
    DocumentFront,
    ExplanationFront,
    WithdrawalFront,
    load_yaml,
    sequence_item_lines,
    validate,
)
from exoconsult.domain.content import (
    GENERATED_SECTION_IDS,
    OPTIONAL_SECTION_ID,
    SECTION_IDS,
    Approval,
    BoxedStatement,
    ComprehensionCheck,
    ComprehensionQuestion,
    ConsentText,
    ContentError,
    DataChoice,
    DocumentMeta,
    ExplanationDocument,
    Option,
    OptionalConsent,
    Section,
    WithdrawalText,
)

F = TypeVar("F", bound=DocumentFront)

EXPLANATION_ID = "exo-explanation"
COMPREHENSION_ID = "exo-comprehension"
CONSENT_ID = "exo-consent"
WITHDRAWAL_ID = "exo-withdrawal"

# Where each document lives under forms/; {lang} is the two-letter language code.
DOCUMENT_PATHS: Mapping[str, str] = MappingProxyType(
    {
        EXPLANATION_ID: "explanation/{lang}.md",
        COMPREHENSION_ID: "comprehension/{lang}.yaml",
        CONSENT_ID: "consent/{lang}.md",
        WITHDRAWAL_ID: "consent/withdrawal-{lang}.md",
    }
)
WITHDRAWAL_STATEMENT_ID = "statement"
WITHDRAWAL_DATA_ID = "data"


def document_path(forms_dir: Path | str, document_id: str, lang: str) -> Path:
    # The language code becomes part of a file name: refuse anything that could point elsewhere.
    if not (len(lang) == 2 and lang.isascii() and lang.isalpha() and lang.islower()):
        raise ValueError(f"language code must be two lower-case letters, got {lang!r}")
    return Path(forms_dir) / DOCUMENT_PATHS[document_id].format(lang=lang)


def available_languages(forms_dir: Path | str) -> tuple[str, ...]:
    """Languages with an explanation file (the lint checks every other document exists for each)."""
    folder = Path(forms_dir) / "explanation"
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.stem for p in folder.glob("*.md") if len(p.stem) == 2 and p.stem.isalpha()))


def _read(path: Path) -> tuple[str, str]:
    """(text, sha256 of the bytes); refuses non-UTF-8 and a BOM so the hash and the text always agree."""
    if not path.exists():
        raise ContentError(str(path), None, "file not found")
    try:
        raw = read_limited(path, FORMS_FILE_LIMIT, "forms file")
    except InputRefused as exc:
        raise ContentError(str(path), None, str(exc).removeprefix(f"{path}: ")) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ContentError(str(path), 1, "remove the byte-order mark (UTF-8 without BOM expected)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(str(path), line, "not valid UTF-8") from None
    if "\r" in text:
        raise ContentError(
            str(path), text[: text.index("\r")].count("\n") + 1, "use LF line endings, not CR/CRLF"
        )
    return text, hashlib.sha256(raw).hexdigest()


def _key_line(text: str, key: str) -> int | None:
    """Line of the first top-level `key:` in a YAML text (for errors found after validation)."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(f"{key}:"):
            return number
    return None


def _meta(
    front: DocumentFront, expected_id: str, lang: str, path: Path, text: str, sha256: str
) -> DocumentMeta:
    if front.id != expected_id:
        raise ContentError(
            str(path), _key_line(text, "id"), f"id is {front.id!r}; this file must hold {expected_id!r}"
        )
    if front.language != lang:
        raise ContentError(
            str(path),
            _key_line(text, "language"),
            f"language is {front.language!r} but the file name says {lang!r}",
        )
    return DocumentMeta(
        id=front.id,
        version=front.version,
        language=front.language,
        title=front.title,
        approval=_approval(front.approval),
        path=str(path),
        sha256=sha256,
    )


def _approval(model: ApprovalModel) -> Approval:
    return Approval(
        approved=model.approved,
        approved_by=model.approved_by,
        approved_on=date.fromisoformat(model.approved_on) if model.approved else None,
    )


def _front(model: type[F], path: Path, split: SplitDocument) -> F:
    data, node = load_yaml(str(path), split.front_matter, split.front_matter_first_line)
    return validate(model, str(path), data, node, split.front_matter_first_line)


def _section(path: Path, raw: RawSection) -> Section:
    if raw.id not in SECTION_IDS:
        raise ContentError(
            str(path), raw.line, f"unknown section id {raw.id!r}; expected one of {', '.join(SECTION_IDS)}"
        )
    blocks = parse_blocks(str(path), raw.body)
    if not blocks:
        raise ContentError(str(path), raw.line, f"section {raw.id!r} is empty")
    return Section(
        id=raw.id, title=raw.title, line=raw.line, blocks=blocks, generated=raw.id in GENERATED_SECTION_IDS
    )


def _no_preamble_text(path: Path, split: SplitDocument) -> None:
    for line in split.preamble:
        if line.text.strip():
            raise ContentError(
                str(path),
                line.number,
                "text before the first '## ' section (put the title in the front matter)",
            )


def load_explanation(forms_dir: Path | str, lang: str) -> ExplanationDocument:
    path = document_path(forms_dir, EXPLANATION_ID, lang)
    text, sha256 = _read(path)
    split = split_document(str(path), text)
    front = _front(ExplanationFront, path, split)
    _no_preamble_text(path, split)
    return ExplanationDocument(
        meta=_meta(front, EXPLANATION_ID, lang, path, text, sha256),
        sources=tuple(front.sources),
        sections=tuple(_section(path, raw) for raw in split.sections),
    )


def load_comprehension(forms_dir: Path | str, lang: str) -> ComprehensionCheck:
    path = document_path(forms_dir, COMPREHENSION_ID, lang)
    text, sha256 = _read(path)
    data, node = load_yaml(str(path), text, 1)
    model = validate(ComprehensionFile, str(path), data, node, 1)
    question_lines = sequence_item_lines(node, "questions", 1)
    seen: set[str] = set()
    questions: list[ComprehensionQuestion] = []
    for index, q in enumerate(model.questions):
        line = question_lines[index] if index < len(question_lines) else 1
        if q.id in seen:
            raise ContentError(str(path), line, f"question id {q.id!r} is used twice")
        seen.add(q.id)
        questions.append(
            ComprehensionQuestion(
                id=q.id,
                key_point=q.key_point,
                prompt=q.prompt,
                options=tuple(Option(o.id, o.text) for o in q.options),
                correct_option_id=q.correct,
                explanation=q.explanation,
                line=line,
            )
        )
    return ComprehensionCheck(
        meta=_meta(model, COMPREHENSION_ID, lang, path, text, sha256), questions=tuple(questions)
    )


# Parsed consent texts by (file, SHA-256 of its bytes): the file is read and hashed on every call, so an
# edited byte is never served from here, but its YAML and Markdown are parsed once (the Today view asks
# for the text in force of every language on every refresh). The values are frozen.
_CONSENT_TEXTS: dict[tuple[str, str], ConsentText] = {}


def load_consent_text(forms_dir: Path | str, lang: str) -> ConsentText:
    path = document_path(forms_dir, CONSENT_ID, lang)
    text, sha256 = _read(path)
    key = (str(path), sha256)
    if (known := _CONSENT_TEXTS.get(key)) is None:
        if len(_CONSENT_TEXTS) > 64:
            _CONSENT_TEXTS.clear()
        known = _CONSENT_TEXTS[key] = _parse_consent_text(path, lang, text, sha256)
    return known


def _parse_consent_text(path: Path, lang: str, text: str, sha256: str) -> ConsentText:
    split = split_document(str(path), text)
    front = _front(ConsentFront, path, split)
    sections: list[Section] = []
    optional: RawSection | None = None
    for raw in split.sections:
        if raw.id == OPTIONAL_SECTION_ID:
            optional = raw
        elif optional is not None:
            raise ContentError(
                str(path), raw.line, f"section {raw.id!r} must come before the optional choices"
            )
        else:
            sections.append(_section(path, raw))
    if optional is None:
        raise ContentError(
            str(path), None, f"missing section '## ... {{#{OPTIONAL_SECTION_ID}}}' with the optional consents"
        )
    intro, choices = parse_choice_section(str(path), optional)
    return ConsentText(
        meta=_meta(front, CONSENT_ID, lang, path, text, sha256),
        preamble=parse_blocks(str(path), split.preamble),
        sections=tuple(sections),
        optional_intro=intro,
        optional_consents=tuple(OptionalConsent(cid, ctext, line) for cid, ctext, line in choices),
        product_fields=tuple(front.product_fields.items()),
        signer_meanings=MappingProxyType(dict(front.signers)),
        boxed_statement=BoxedStatement(front.boxed_statement.statement, front.boxed_statement.permit,
                                       front.boxed_statement.no_permit),
    )


def load_withdrawal_text(forms_dir: Path | str, lang: str) -> WithdrawalText:
    path = document_path(forms_dir, WITHDRAWAL_ID, lang)
    text, sha256 = _read(path)
    split = split_document(str(path), text)
    front = _front(WithdrawalFront, path, split)
    _no_preamble_text(path, split)
    ids = tuple(raw.id for raw in split.sections)
    if ids != (WITHDRAWAL_STATEMENT_ID, WITHDRAWAL_DATA_ID):
        raise ContentError(
            str(path),
            None,
            f"sections must be {{#{WITHDRAWAL_STATEMENT_ID}}} then {{#{WITHDRAWAL_DATA_ID}}}, found {ids}",
        )
    statement_raw, data_raw = split.sections
    statement = parse_blocks(str(path), statement_raw.body)
    if not statement:
        raise ContentError(str(path), statement_raw.line, "the withdrawal statement is empty")
    intro, choices = parse_choice_section(str(path), data_raw)
    return WithdrawalText(
        meta=_meta(front, WITHDRAWAL_ID, lang, path, text, sha256),
        statement=statement,
        data_intro=intro,
        data_choices=tuple(DataChoice(cid, ctext, line) for cid, ctext, line in choices),
        signer_meanings=MappingProxyType(dict(front.signers)),
    )
