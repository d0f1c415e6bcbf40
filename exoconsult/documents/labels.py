"""Localised label sets: every fixed string a renderer prints that is not content.

The renderers never choose wording or language; the services layer fills these from the locale
files. Labels are escaped like any other text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageLabels:
    """Localised strings used by the page header and footer of every document kind."""

    patient: str  # "Patient"
    birth_date: str  # "Date of birth"
    mrn: str  # "MRN"
    document_id: str  # "Document ID"
    text_version: str  # "Text version"
    page_x_of_y: str  # "Page {page} of {total}" - placeholders replaced literally, not str.format
    complication_line: str  # "24-hour complication line"
    phone: str  # "Phone"
    draft_watermark: str  # "DRAFT – not for signature"


@dataclass(frozen=True)
class AnnexLabels:
    """Localised strings of the eligibility, explanation and audit annexes."""

    eligibility_title: str
    protocol: str
    protocol_version: str
    protocol_sha256: str
    protocol_approval: str
    verdict: str
    fired_rules: str
    no_fired_rules: str
    rule: str
    reason: str
    action: str
    source: str
    review_resolution: str
    explanation_title: str
    section: str
    shown_at: str
    discussed_at: str
    questions_asked: str
    no_questions: str
    question: str
    answer: str
    comprehension: str
    answer_given: str
    correct: str
    attempt: str
    answered_at: str
    comprehension_result: str
    teach_back: str
    key_point: str
    outcome: str
    patient_words: str
    audit_title: str
    yes: str
    no: str
    results_heading: str = ""  # item 5: the patient's test results the consent's section 1 refers to
    assessment: str = ""  # labels of the consent's evidence (item 13)
    history_sha256: str = ""


@dataclass(frozen=True)
class ConsentLabels:
    """Every localised string the consent renderer prints that is not content."""

    page: PageLabels
    annex: AnnexLabels
    product_heading: str
    product_name: str
    manufacturer: str
    cell_source: str
    lot: str
    dose_per_testis: str
    initials: str
    optional_consents_heading: str
    optional_consents_note: str  # "None of these is required for treatment."
    yes: str
    no: str
    reflection_shortened: str  # "Reflection period shortened – reason"
    signatures_heading: str
    signed_at: str
    role: str
    meaning: str
    printed_name: str


@dataclass(frozen=True)
class WithdrawalLabels:
    page: PageLabels
    withdrawn_consent: str  # "Consent withdrawn"
    consent_signed_at: str
    withdrawal_date: str
    data_choices_heading: str
    yes: str
    no: str
    reason: str
    signatures_heading: str
    signed_at: str
    role: str
    meaning: str
    printed_name: str


@dataclass(frozen=True)
class InformationPackLabels:
    page: PageLabels
    information_only: str  # "Information only — not a consent", printed on every page
    prepared_for: str
    prepared_on: str


@dataclass(frozen=True)
class AssessmentLabels:
    page: PageLabels
    annex: AnnexLabels
    assessed_at: str
    assessed_by: str
    findings_heading: str
    finding: str
    value: str
