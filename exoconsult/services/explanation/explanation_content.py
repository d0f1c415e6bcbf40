"""The explanation content for one patient: the approved-or-not document in his language with the
clinic's placeholder values filled in and section 1 ("your results so far") generated from his case."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from exoconsult.definitions.content import load_comprehension, load_explanation
from exoconsult.domain.case import parse_case
from exoconsult.domain.case_facts import results_facts
from exoconsult.domain.content import Block, ComprehensionCheck, ExplanationDocument, Span, fill_placeholders
from exoconsult.domain.results_so_far import ResultsFacts, results_so_far
from exoconsult.services.core.content_approval import meta_approved
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.document_labels import document_words
from exoconsult.services.core.work import Work
from exoconsult.services.explanation.explanation_dto import PatientExplanation, PresentedSection
from exoconsult.services.history.cases import case_of
from exoconsult.services.programme.programme import placeholder_values


@lru_cache(maxsize=16)
def _explanation(forms_dir: Path, language: str, mtime: float) -> ExplanationDocument:
    return load_explanation(forms_dir, language)


@lru_cache(maxsize=16)
def _comprehension(forms_dir: Path, language: str, mtime: float) -> ComprehensionCheck:
    return load_comprehension(forms_dir, language)


def _mtime(forms_dir: Path, *parts: str) -> float:
    path = forms_dir.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(path)
    return path.stat().st_mtime


def load_for(ctx: ServiceContext, language: str) -> ExplanationDocument:
    return _explanation(ctx.forms_dir, language, _mtime(ctx.forms_dir, "explanation", f"{language}.md"))


def comprehension_for(ctx: ServiceContext, language: str) -> ComprehensionCheck:
    return _comprehension(ctx.forms_dir, language, _mtime(ctx.forms_dir, "comprehension", f"{language}.yaml"))


def case_facts(work: Work, patient_id: int) -> ResultsFacts:
    """Section 1 reads the current history in the case format (one vocabulary everywhere)."""
    case, _ = case_of(work, patient_id)
    return results_facts(parse_case(case, today=work.now().date()))


def _fill_block(block: Block, values: dict[str, str], language: str) -> Block:
    def spans(items: tuple[Span, ...]) -> tuple[Span, ...]:
        return tuple(replace(s, text=fill_placeholders(s.text, values, lang=language)) for s in items)

    return replace(block, spans=spans(block.spans), items=tuple(spans(i) for i in block.items))


def patient_explanation(work: Work, patient_id: int, language: str, patient_name: str,
                        *, doctor_name: str) -> PatientExplanation:
    doc = load_for(work.ctx, language)
    facts = case_facts(work, patient_id)
    values = placeholder_values(work, doctor_name=doctor_name, lang=language, facts=facts)
    generated = tuple(results_so_far(facts, document_words(language, work.ctx.forms_dir)))
    sections = tuple(
        PresentedSection(id=s.id, title=fill_placeholders(s.title, values, lang=language),
                         blocks=tuple(_fill_block(b, values, language) for b in s.blocks),
                         generated=generated if s.generated else ())
        for s in doc.sections)
    return PatientExplanation(language=language, title=doc.meta.title, version=doc.meta.version,
                              approved=meta_approved(work, "explanation", doc.meta), patient_name=patient_name,
                              sections=sections, sources=doc.sources)
