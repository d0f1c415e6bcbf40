"""Annex A — the eligibility assessment in a document's language — shared by the consent and the
assessment summary."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from exoconsult.documents import model as m
from exoconsult.domain import eligibility_words as eligibility
from exoconsult.domain.results_annex import results_rows
from exoconsult.services.assessment.assessment_dto import AssessmentDTO
from exoconsult.services.core.document_labels import document_words


def eligibility_annex(a: AssessmentDTO, lang: str, history: Mapping[str, object] | None = None,
                      forms_dir: Path | None = None) -> m.EligibilityAnnex:
    """Annex A in the document's language: verdict, approval and every rule text rendered now (item 1).

    Rule sources are bibliographic references in English; they print in English documents only."""
    words = document_words(lang, forms_dir)
    resolution = None
    if a.resolution is not None:
        r = a.resolution
        resolution = eligibility.word("resolution", words, decision=eligibility.decision_text(r.decision, words),
                                      by=r.resolved_by, at=f"{r.resolved_at:%d.%m.%Y}", why=r.reason)
    return m.EligibilityAnnex(
        protocol_id=a.protocol.id, protocol_version=a.protocol.version,
        protocol_sha256=eligibility.hash_groups(a.protocol.sha256),
        protocol_approval=eligibility.approval_text(a.protocol.approved_by, a.protocol.approved_on, words),
        verdict=eligibility.verdict_text(a.verdict, words),
        fired_rules=tuple(m.FiredRule(f.rule, f.reason_in(lang), f.action_in(lang), f.source if lang == "en" else "")
                          for f in a.fired),
        review_resolution=resolution, results=results_rows(history, words) if history is not None else (),
        # Item 13: the consent names the assessment it rests on and the history version that was judged.
        assessment=f"#{a.id}, {a.run_at:%d.%m.%Y}", history_sha256=eligibility.hash_groups(a.history_sha256))
