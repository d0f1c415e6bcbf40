"""A content file as its reader will see it, for the approver's review: the texts section by section
(placeholders such as {product.name} stay visible: the clinic's facts are filled in at print time), the
comprehension check question by question with the correct answer marked, the protocol rule by rule with
its reason and action in every language (its parameters' values filled in, as printed) and its parameters
named in the reviewer's screen language."""

from __future__ import annotations

from pathlib import Path

from exoconsult.definitions.content_load import (
    load_comprehension,
    load_consent_text,
    load_explanation,
    load_withdrawal_text,
)
from exoconsult.definitions.languages import languages_for
from exoconsult.domain.content import Block, Span
from exoconsult.domain.content_approval import ContentFile, ReviewSection
from exoconsult.domain.document_words import DocumentWords
from exoconsult.domain.eligibility_words import parameter_text
from exoconsult.rules.texts import render


def _paragraph(text: str, bold: bool = False) -> Block:
    return Block("paragraph", 0, spans=(Span(text, bold),))


def _texts(forms_dir: Path, file: ContentFile) -> tuple[ReviewSection, ...]:
    if file.kind == "explanation":
        doc = load_explanation(forms_dir, file.language)
        return tuple(ReviewSection(s.title, s.blocks) for s in doc.sections)
    if file.kind == "consent":
        doc = load_consent_text(forms_dir, file.language)
        parts = [ReviewSection(doc.meta.title, doc.preamble)] if doc.preamble else []
        parts += [ReviewSection(s.title, s.blocks) for s in doc.sections]
        choices = Block("bullets", 0, items=tuple((Span(o.text),) for o in doc.optional_consents))
        parts.append(ReviewSection("—", (*doc.optional_intro, choices)))
        meanings = Block("bullets", 0, items=tuple((Span(f"{role}: ", True), Span(text))
                                                   for role, text in doc.signer_meanings.items()))
        return (*parts, ReviewSection("✍", (meanings,)))
    doc = load_withdrawal_text(forms_dir, file.language)
    choices = Block("bullets", 0, items=tuple((Span(c.text),) for c in doc.data_choices))
    return (ReviewSection(doc.meta.title, doc.statement), ReviewSection("—", (*doc.data_intro, choices)))


def _comprehension(forms_dir: Path, file: ContentFile) -> tuple[ReviewSection, ...]:
    check = load_comprehension(forms_dir, file.language)
    out = []
    for number, q in enumerate(check.questions, start=1):
        options = Block("bullets", 0, items=tuple(
            (Span(("✓ " if o.id == q.correct_option_id else "") + o.text, o.id == q.correct_option_id),)
            for o in q.options))
        out.append(ReviewSection(f"{number}. {q.prompt}", (options, _paragraph(q.explanation))))
    return tuple(out)


def _protocol(forms_dir: Path, file: ContentFile, words: DocumentWords) -> tuple[ReviewSection, ...]:
    from exoconsult.definitions.protocol import read_protocol

    protocol = read_protocol((forms_dir / file.path).parent)
    parameters = Block("bullets", 0, items=tuple((Span(parameter_text(p.name, p.default, p.unit, words)),)
                                                 for p in protocol.parameters.values()))
    out = [ReviewSection(f"{protocol.id} {protocol.version}", (parameters,))]
    registry = languages_for(forms_dir)
    for rule in protocol.rules:
        blocks = []
        for lang in protocol.languages:  # each text as printed: its {parameter} is the value in force
            name = registry.name(lang, words.lang)
            blocks.append(_paragraph(f"[{name}] {render(rule.reason.get(lang, ''), protocol.values, lang)}"))
            blocks.append(_paragraph(f"[{name}] → {render(rule.action.get(lang, ''), protocol.values, lang)}"))
        out.append(ReviewSection(rule.id, tuple(blocks), code=rule.id, outcome=rule.outcome.value))
    return tuple(out)


def review_sections(forms_dir: Path | str, file: ContentFile, words: DocumentWords) -> tuple[ReviewSection, ...]:
    """The file rendered for review; a kind without its own rendering shows its text as written. `words`: the
    catalogue of the screen's language, which names the protocol's parameters and their units."""
    forms_dir = Path(forms_dir)
    if file.kind in ("explanation", "consent", "withdrawal"):
        return _texts(forms_dir, file)
    if file.kind == "comprehension":
        return _comprehension(forms_dir, file)
    if file.kind == "protocol":
        return _protocol(forms_dir, file, words)
    text = (forms_dir / file.path).read_text(encoding="utf-8")
    return (ReviewSection(file.title or file.path, tuple(_paragraph(p) for p in text.split("\n\n") if p.strip())),)
