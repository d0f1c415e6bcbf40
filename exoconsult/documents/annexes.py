"""The annexes printed with a consent: eligibility, explanation record, signature/audit summary.

The eligibility annex is also the body of the assessment summary export.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from exoconsult.documents.labels import AnnexLabels
from exoconsult.documents.layout import TextWriter
from exoconsult.documents.model import AuditSummaryAnnex, EligibilityAnnex, ExplanationAnnex


def eligibility_flowables(annex: EligibilityAnnex, labels: AnnexLabels, writer: TextWriter,
                          width: float) -> list[Flowable]:
    """The patient's results (when given), protocol identity, verdict, fired rules and any review resolution."""
    results: list[Flowable] = []
    if annex.results:
        results = [writer.para(labels.results_heading, writer.styles.h2),
                   writer.key_value_table(list(annex.results), width), Spacer(1, 3 * mm)]
    rows = [
        *([(labels.assessment, annex.assessment)] if annex.assessment else []),
        (labels.protocol, annex.protocol_id),
        (labels.protocol_version, annex.protocol_version),
        (labels.protocol_sha256, annex.protocol_sha256),
        (labels.protocol_approval, annex.protocol_approval),
        *([(labels.history_sha256, annex.history_sha256)] if annex.history_sha256 else []),
        (labels.verdict, annex.verdict),
    ]
    if annex.review_resolution is not None:
        rows.append((labels.review_resolution, annex.review_resolution))
    out: list[Flowable] = [*results, writer.key_value_table(rows, width), Spacer(1, 3 * mm),
                           writer.para(labels.fired_rules, writer.styles.h2)]
    if annex.fired_rules and any(rule.source for rule in annex.fired_rules):
        table_rows = [(rule.rule_id, rule.reason, rule.action, rule.source) for rule in annex.fired_rules]
        out.append(writer.data_table((labels.rule, labels.reason, labels.action, labels.source), table_rows,
                                     (width * 0.27, width * 0.27, width * 0.27, width * 0.19)))
    elif annex.fired_rules:  # no sources given (documents in a language other than the sources')
        # The id column fits the longest rule id (BLEED-ASPIRIN-CONTINUED) on one line (item 12).
        table_rows = [(rule.rule_id, rule.reason, rule.action) for rule in annex.fired_rules]
        out.append(writer.data_table((labels.rule, labels.reason, labels.action), table_rows,
                                     (width * 0.28, width * 0.36, width * 0.36)))
    else:
        out.append(writer.para(labels.no_fired_rules))
    return out


def explanation_flowables(annex: ExplanationAnnex, labels: AnnexLabels, writer: TextWriter,
                          width: float) -> list[Flowable]:
    """Sections with times, the patient's questions, comprehension attempts and teach-back."""
    out: list[Flowable] = []
    if annex.sections:
        rows = [(s.heading, s.shown_at_text, s.discussed_at_text) for s in annex.sections]
        out.append(writer.data_table((labels.section, labels.shown_at, labels.discussed_at), rows,
                                     (width * 0.5, width * 0.25, width * 0.25)))
    out += [Spacer(1, 2 * mm), writer.para(labels.questions_asked, writer.styles.h2)]
    if annex.questions:
        rows = [(q.question, q.answer) for q in annex.questions]
        out.append(writer.data_table((labels.question, labels.answer), rows, (width * 0.45, width * 0.55)))
    else:
        out.append(writer.para(labels.no_questions))
    out += [Spacer(1, 2 * mm), writer.para(labels.comprehension, writer.styles.h2)]
    if annex.comprehension:
        rows = [
            (a.question, a.answer_given, labels.yes if a.correct else labels.no, str(a.attempt), a.answered_at_text)
            for a in annex.comprehension
        ]
        out.append(writer.data_table(
            (labels.question, labels.answer_given, labels.correct, labels.attempt, labels.answered_at), rows,
            (width * 0.34, width * 0.22, width * 0.1, width * 0.12, width * 0.22)))
    out += [Spacer(1, 1.5 * mm), writer.labelled(labels.comprehension_result, annex.comprehension_result)]
    out += [Spacer(1, 2 * mm), writer.para(labels.teach_back, writer.styles.h2)]
    if annex.teach_back:
        rows = [(t.key_point, t.outcome, t.patient_words) for t in annex.teach_back]
        out.append(writer.data_table((labels.key_point, labels.outcome, labels.patient_words), rows,
                                     (width * 0.32, width * 0.22, width * 0.46)))
    return out


def audit_flowables(annex: AuditSummaryAnnex, writer: TextWriter, width: float) -> list[Flowable]:
    """Signature and audit summary rows exactly as the services layer formatted them."""
    if not annex.columns:
        if annex.rows:
            raise ValueError("audit summary rows need column headings")
        return []
    share = width / len(annex.columns)
    return [writer.data_table(annex.columns, annex.rows, [share] * len(annex.columns))]
