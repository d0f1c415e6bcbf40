"""Patient-facing content as frozen domain values: explanation, comprehension check, consent, withdrawal.

The texts themselves live in forms/ (one whole document per language); exoconsult.definitions loads
them into these dataclasses. The vocabularies below (section ids, key points, placeholders, banned
promotional words) are the single place the rest of the app and the content lint read them from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from exoconsult.domain.errors import ExoError
from exoconsult.domain.people import Role
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP

# The 11 explanation sections of the consent-content spec, in the order they must appear. The consent
# text repeats them (as summaries with an initials box each), so one tuple serves both documents.
SECTION_IDS: tuple[str, ...] = (
    "results",
    "exosomes",
    "known",
    "unknown",
    "procedure",
    "risks",
    "alternatives",
    "costs",
    "choices",
    "followup",
    "people",
)
# Section 1 is rendered from the case data (exoconsult.domain.results_so_far); its Markdown is only a lead-in.
GENERATED_SECTION_IDS: frozenset[str] = frozenset({"results"})
OPTIONAL_SECTION_ID = "optional"

# Key points the comprehension check must cover (consent-content.md, "Comprehension check").
REQUIRED_KEY_POINTS: tuple[str, ...] = (
    "experimental_status",
    "no_guarantee",
    "alternatives",
    "right_to_withdraw",
    "complication_contact",
)
KNOWN_KEY_POINTS: frozenset[str] = frozenset({*REQUIRED_KEY_POINTS, "future_child", "reflection_period"})

# The four unbundled optional consents (none is a condition of treatment; KVKK Board, clinical-facts §5.3).
REQUIRED_OPTIONAL_CONSENT_IDS: tuple[str, ...] = ("registry", "publication", "recontact", "manufacturer")
# Choices about data already collected when a patient withdraws.
REQUIRED_WITHDRAWAL_DATA_CHOICES: tuple[str, ...] = ("keep", "anonymise", "delete")
# Signer roles of the consent (consent-content.md, "Signers"), in the order the signatures are shown on
# the signing screen and printed on the consent. The one definition: texts, services and screens use it.
SIGNER_ROLES: tuple[str, ...] = ("patient", "urologist", "witness", "interpreter", "partner")
# A withdrawal has no partner acknowledgement; same order otherwise.
WITHDRAWAL_SIGNER_ROLES: tuple[str, ...] = tuple(r for r in SIGNER_ROLES if r != "partner")
# Account roles that may sign as the witness (an external witness signs under a typed name instead).
STAFF_WITNESS_ROLES: tuple[str, ...] = (Role.NURSE.value, Role.UROLOGIST.value)

# Clinic-specific data fields the texts may contain as {name}. They are legitimate fields filled from
# clinic settings / the consent record at print time, not unfinished text. Nothing else may appear in braces.
# The descriptions are what staff read (admin screen, signing gate): marked for translation.
PLACEHOLDERS: Mapping[str, str] = {
    "clinic.name": QT_TRANSLATE_NOOP("ProgrammeFacts", "Name of the clinic"),
    "clinic.phone": QT_TRANSLATE_NOOP("ProgrammeFacts", "Clinic telephone for questions (office hours)"),
    "clinic.complication_phone": QT_TRANSLATE_NOOP("ProgrammeFacts", "Telephone answered day and night for "
                                                                     "complications"),
    "clinic.reflection_days": QT_TRANSLATE_NOOP("ProgrammeFacts", "Minimum days between the explanation and signing "
                                                                  "(clinic setting, default 14)"),
    "product.name": QT_TRANSLATE_NOOP("ProgrammeFacts", "Trade or internal name of the exosome product"),
    "product.manufacturer": QT_TRANSLATE_NOOP("ProgrammeFacts", "Company or laboratory that makes the product"),
    "product.cell_source": QT_TRANSLATE_NOOP("ProgrammeFacts", "Cells the exosomes come from (cell type; donor or "
                                                               "own cells)"),
    "product.quality_tests": QT_TRANSLATE_NOOP("ProgrammeFacts", "Tests the manufacturer reports for each batch "
                                                                 "(sterility, identity...)"),
    "product.lot": QT_TRANSLATE_NOOP("ProgrammeFacts", "Lot / batch number (may be filled in on the day of the "
                                                       "procedure)"),
    "product.dose_per_testis": QT_TRANSLATE_NOOP("ProgrammeFacts", "Dose or volume injected into each testis"),
    "procedure.duration": QT_TRANSLATE_NOOP("ProgrammeFacts", "How long the visit and the injections take at this "
                                                              "clinic"),
    "costs.total": QT_TRANSLATE_NOOP("ProgrammeFacts", "Total amount charged for one treatment"),
    "costs.repeat": QT_TRANSLATE_NOOP("ProgrammeFacts", "What is charged if the treatment is repeated"),
    "costs.complications": QT_TRANSLATE_NOOP("ProgrammeFacts", "Who pays if a complication needs treatment (content "
                                                               "release 1.1, item 3)"),
    "programme.sessions": QT_TRANSLATE_NOOP("ProgrammeFacts", "How many injection sessions the programme plans "
                                                              "(content release 1.1, item 6)"),
    "alternatives.donor_sperm": QT_TRANSLATE_NOOP(
        "ProgrammeFacts", "Whether donor sperm is an alternative in the clinic's country (from the country setting, "
        "content release 1.1, item 8)"),
    "alternatives.redo_micro_tese": QT_TRANSLATE_NOOP(
        "ProgrammeFacts", "The patient's own repeat micro-TESE figure and why it applies (filled from the case, "
        "content release 1.1, item 7)"),
    "doctor.name": QT_TRANSLATE_NOOP("ProgrammeFacts", "Doctor who performs the procedure"),
    "ethics.permit": QT_TRANSLATE_NOOP("ProgrammeFacts", "Ethics committee approval or Ministry permit number, or a "
                                                         "statement that there is none"),
    "conflicts.statement": QT_TRANSLATE_NOOP("ProgrammeFacts", "Whether the clinic or doctor earns from the product, "
                                                               "in the clinic's words"),
    "expert_advice.name": QT_TRANSLATE_NOOP("ProgrammeFacts", "Independent expert whose advice was sought "
                                                              "(Declaration of Helsinki para. 37)"),
    "expert_advice.date": QT_TRANSLATE_NOOP("ProgrammeFacts", "Date that advice was given"),
    "followup.schedule": QT_TRANSLATE_NOOP("ProgrammeFacts", "Follow-up visits and tests with their times"),
}
PLACEHOLDER_PATTERN = re.compile(r"\{([^{}]*)\}")

# Promotional wording the spec forbids (consent-content.md, "Tone"). Matched on fold()ed text at the
# start of a word, so inflected forms ("regenerates", "mucizevi") are caught too. One list, both languages.
BANNED_PROMOTIONAL_WORDS: tuple[str, ...] = (
    "new hope",
    "revitalis",
    "revitaliz",
    "breakthrough",
    "regenerat",
    "rejuvenat",
    "miracle",
    "revolutionary",
    "cutting-edge",
    "cutting edge",
    "state-of-the-art",
    "game-changer",
    "yeni umut",
    "umut isigi",
    "mucize",
    "cigir acan",
    "devrim niteliginde",
    "genclestir",
    "canlandir",
    "rejenerat",
    "yenileyici",
    "son teknoloji",
    # content release 1.1, item 17 (start of a word: "potentially", "hopeful", "umutlu" are caught too)
    "promising",
    "potential",
    "hope",
    "innovative",
    "umut verici",
    "umut",
    "potansiyel",
    "yenilikci",
)

# Common English words that never occur in Turkish prose: one in a Turkish text means English was left in
# it (content release 1.1, item 1). Whole words, case-insensitive. Source citations in parentheses
# ("(Kaynak: ...)") and the sources list are journal names and are not checked.
ENGLISH_MARKER_WORDS: tuple[str, ...] = (
    "the", "and", "of", "with", "is", "are", "not", "you", "your", "this", "that", "for", "which", "will",
    "be", "may", "must", "should", "eligible", "patient", "staff", "witness", "consent", "treatment",
)
MIN_OPTIONS = 3  # content release 1.1, item 11: at least three plausible options per question

MISSING_VALUE_MARK: Mapping[str, str] = {"en": "[not recorded]", "tr": "[kaydedilmedi]"}


class ContentError(ExoError):
    """A content file is unreadable or breaks the rules; names the file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Span:
    """A run of inline text; bold is the only emphasis the content subset allows."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Block:
    """One block of the restricted Markdown subset.

    kind is "heading" (### inside a section; spans), "paragraph" (spans) or "bullets" (items, each a
    tuple of spans). line is the 1-based line in the source file where the block starts; item_lines gives
    the line of each bullet item, so an error in the fifth bullet points at the fifth bullet.
    """

    kind: str
    line: int
    spans: tuple[Span, ...] = ()
    items: tuple[tuple[Span, ...], ...] = ()
    item_lines: tuple[int, ...] = ()

    def plain_text(self) -> str:
        if self.kind == "bullets":
            return "\n".join("".join(s.text for s in item) for item in self.items)
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    line: int
    blocks: tuple[Block, ...]
    generated: bool = False  # body is a lead-in; the rest comes from results_so_far

    def plain_text(self) -> str:
        return "\n\n".join(b.plain_text() for b in self.blocks)


@dataclass(frozen=True)
class Approval:
    approved: bool
    approved_by: str
    approved_on: date | None


@dataclass(frozen=True)
class DocumentMeta:
    """What every content document carries: identity, version, language, approval and file hash."""

    id: str
    version: str
    language: str
    title: str
    approval: Approval
    path: str
    sha256: str

    @property
    def major_version(self) -> int:
        return int(self.version.split(".", 1)[0])


@dataclass(frozen=True)
class ExplanationDocument:
    meta: DocumentMeta
    sources: tuple[str, ...]
    sections: tuple[Section, ...]

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    @property
    def section_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sections)


@dataclass(frozen=True)
class Option:
    id: str
    text: str


@dataclass(frozen=True)
class ComprehensionQuestion:
    id: str
    key_point: str
    prompt: str
    options: tuple[Option, ...]
    correct_option_id: str
    explanation: str  # shown after a wrong answer, with the correct option
    line: int

    @property
    def correct_option(self) -> Option:
        return next(o for o in self.options if o.id == self.correct_option_id)


@dataclass(frozen=True)
class ComprehensionCheck:
    meta: DocumentMeta
    questions: tuple[ComprehensionQuestion, ...]


@dataclass(frozen=True)
class OptionalConsent:
    """One unbundled yes/no choice (e.g. registry use); never a condition of treatment."""

    id: str
    text: str
    line: int


@dataclass(frozen=True)
class BoxedStatement:
    """The boxed statement on page 1 of the consent, before section 1 (content release 1.1, item 2): what the
    treatment is not, then the ethics approval or permit, or that the clinic recorded there is none."""

    statement: str  # "Experimental treatment — not approved by any medicines regulator — …"
    permit: str  # "Ethics approval or permit: {ethics.permit}"
    no_permit: str  # printed instead of `permit` when the clinic recorded explicitly that there is none


@dataclass(frozen=True)
class ConsentText:
    meta: DocumentMeta
    preamble: tuple[Block, ...]
    sections: tuple[Section, ...]  # the 11 summaries, each gets an initials box
    optional_intro: tuple[Block, ...]
    optional_consents: tuple[OptionalConsent, ...]
    product_fields: tuple[tuple[str, str], ...]  # (placeholder name, label) in display order
    signer_meanings: Mapping[str, str]  # role -> "I consent…" text
    boxed_statement: BoxedStatement

    @property
    def section_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sections)


@dataclass(frozen=True)
class DataChoice:
    """What happens to data already collected when the patient withdraws (keep / anonymise / delete)."""

    id: str
    text: str
    line: int


@dataclass(frozen=True)
class WithdrawalText:
    meta: DocumentMeta
    statement: tuple[Block, ...]
    data_intro: tuple[Block, ...]
    data_choices: tuple[DataChoice, ...]
    signer_meanings: Mapping[str, str]


def fill_placeholders(text: str, values: Mapping[str, str | None], *, lang: str = "en") -> str:
    """Replace {name} fields. Unknown names (in the text or in values) are refused; a missing or empty
    value is printed as a visible mark so a gap on a consent can never pass as finished text."""
    unknown_values = sorted(set(values) - set(PLACEHOLDERS))
    if unknown_values:
        raise ValueError(f"unknown placeholder value(s): {', '.join(unknown_values)}")
    mark = MISSING_VALUE_MARK.get(lang)
    if mark is None:
        raise ValueError(f"no missing-value mark for language {lang!r}")

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in PLACEHOLDERS:
            raise ValueError(f"unknown placeholder {{{name}}}")
        value = values.get(name)
        if value is None or not str(value).strip():
            return mark
        return str(value)

    return PLACEHOLDER_PATTERN.sub(substitute, text)


def fill_block(block: Block, values: Mapping[str, str | None], *, lang: str = "en") -> Block:
    def fill_spans(spans: tuple[Span, ...]) -> tuple[Span, ...]:
        return tuple(replace(s, text=fill_placeholders(s.text, values, lang=lang)) for s in spans)

    return replace(block, spans=fill_spans(block.spans), items=tuple(fill_spans(i) for i in block.items))


def fill_section(section: Section, values: Mapping[str, str | None], *, lang: str = "en") -> Section:
    return replace(section, blocks=tuple(fill_block(b, values, lang=lang) for b in section.blocks))
