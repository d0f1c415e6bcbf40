"""Section 1 of the explanation, "Your results so far", written from the case data in the words of the document
catalogue of the patient's language (section results_so_far).

Pure function of a small fact record, so the same case always gives the same sentences and the text can be
tested without a database. Missing values are said to be missing ("not recorded yet"), never guessed.
Vocabularies follow the case format (shared/spec/case-format.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from exoconsult.domain.document_words import DocumentWords
from exoconsult.domain.vocabulary import GROUP_FIELDS, HISTORY_FIELDS, SPERM_RETRIEVAL_ATTEMPTS

SECTION = "results_so_far"  # the catalogue section of its wording (forms/i18n/documents.<lang>.yaml)
# The values this text knows, taken from the case vocabulary (never repeated here): every catalogue must
# have a sentence for each, which a test checks, so a value added to the vocabulary cannot go unexplained.
VOLUME_METHODS = HISTORY_FIELDS["testis_volume_method"].values
KARYOTYPES = HISTORY_FIELDS["karyotype"].values
Y_MICRODELETIONS = HISTORY_FIELDS["y_microdeletion"].values
TECHNIQUES = GROUP_FIELDS[SPERM_RETRIEVAL_ATTEMPTS]["technique"].values
HISTOLOGIES = GROUP_FIELDS[SPERM_RETRIEVAL_ATTEMPTS]["histology"].values


@dataclass(frozen=True)
class RetrievalAttempt:
    date: date | None
    technique: str
    sperm_found: bool | None
    histology: str | None = None


@dataclass(frozen=True)
class ResultsFacts:
    """What section 1 needs from a case; None means not recorded."""

    semen_analyses_total: int | None = None
    semen_analyses_pellet_no_sperm: int | None = None  # centrifuged pellet examined, no sperm seen
    latest_fsh_iu_l: float | None = None
    latest_fsh_date: date | None = None
    latest_testosterone_nmol_l: float | None = None
    latest_testosterone_date: date | None = None
    testis_right_ml: float | None = None
    testis_left_ml: float | None = None
    testis_volume_method: str | None = None
    karyotype: str | None = None
    y_microdeletion: str | None = None
    retrieval_attempts: tuple[RetrievalAttempt, ...] = ()


def format_date(value: date, words: DocumentWords) -> str:
    """3 March 2026 / 3 Mart 2026 (day first, month spelt out, so no reader misreads 03/04)."""
    return f"{value.day} {words[f'{SECTION}.month.{value.month}']} {value.year}"


def format_number(value: float, words: DocumentWords) -> str:
    """At most two decimals, no trailing zeros, the language's decimal separator (Turkish: comma)."""
    return words.decimal(value)


def _check(facts: ResultsFacts) -> None:
    problems: list[str] = []
    for name, value, allowed in (
        ("testis_volume_method", facts.testis_volume_method, VOLUME_METHODS),
        ("karyotype", facts.karyotype, KARYOTYPES),
        ("y_microdeletion", facts.y_microdeletion, Y_MICRODELETIONS),
    ):
        if value is not None and value not in allowed:
            problems.append(f"{name} {value!r}")
    for attempt in facts.retrieval_attempts:
        if attempt.technique not in TECHNIQUES:
            problems.append(f"technique {attempt.technique!r}")
        if attempt.histology is not None and attempt.histology not in HISTOLOGIES:
            problems.append(f"histology {attempt.histology!r}")
    total, negative = facts.semen_analyses_total, facts.semen_analyses_pellet_no_sperm
    if (total is not None and total < 0) or (negative is not None and negative < 0):
        problems.append("a negative number of semen analyses")
    if total is not None and negative is not None and negative > total:
        problems.append("more pellet-negative analyses than analyses")
    if problems:
        raise ValueError("cannot write results: unknown " + "; ".join(problems))


def results_so_far(facts: ResultsFacts, words: DocumentWords) -> list[str]:
    """Plain-language sentences for section 1, in order: semen, FSH, testosterone, testes, genetics, operations,
    in the language of `words` (the document catalogue, section results_so_far)."""
    _check(facts)
    text = _Texts(words)
    sentences = [
        _semen(facts.semen_analyses_total, facts.semen_analyses_pellet_no_sperm, text),
        _hormone("fsh", facts.latest_fsh_iu_l, facts.latest_fsh_date, text),
        _hormone("testosterone", facts.latest_testosterone_nmol_l, facts.latest_testosterone_date, text),
        _testes(facts.testis_right_ml, facts.testis_left_ml, facts.testis_volume_method, text),
        text[f"karyotype.{facts.karyotype or 'missing'}"],
        text[f"y_microdeletion.{facts.y_microdeletion or 'missing'}"],
    ]
    attempts = sorted(facts.retrieval_attempts, key=lambda a: (a.date is None, a.date or date.min))
    if not attempts:
        sentences.append(text["no_retrieval"])
    sentences.extend(_retrieval(a, text) for a in attempts)
    return sentences


class _Texts:
    """The section's sentences (`text["fsh.missing"]`) and the catalogue they come from (dates, numbers).
    Turkish sentences put dates and numbers in brackets or before "kez"/"tanesi" so that no case suffix has to
    agree with a number (vowel harmony would depend on how the number is read)."""

    def __init__(self, words: DocumentWords) -> None:
        self.words = words

    def __getitem__(self, key: str) -> str:
        return self.words[f"{SECTION}.{key}"]

    def date(self, value: date) -> str:
        return format_date(value, self.words)

    def number(self, value: float) -> str:
        return format_number(value, self.words)


def _times(count: int, text: _Texts) -> str:
    key = {1: "one", 2: "two"}.get(count, "other")
    return text[f"semen.times.{key}"].format(count=count)


def _semen(total: int | None, negative: int | None, text: _Texts) -> str:
    if not total:
        return text["semen.pellet_only"].format(negative=negative) if negative else text["semen.missing"]
    checked = text["semen.checked"].format(times=_times(total, text))
    if negative is None:
        return text["semen.pellet_unknown"].format(checked=checked)
    if negative == 0:
        return text["semen.pellet_none"].format(checked=checked)
    if negative == total:
        return text["semen.pellet_all_each" if total > 1 else "semen.pellet_all_once"].format(checked=checked)
    return text["semen.pellet_some"].format(checked=checked, negative=negative)


def _hormone(which: str, value: float | None, when: date | None, text: _Texts) -> str:
    if value is None:
        return text[f"{which}.missing"]
    number = text.number(value)
    meaning = text[f"{which}.meaning"]
    if when is None:
        return text[f"{which}.value_no_date"].format(value=number, when=text["date_not_recorded"]) + " " + meaning
    return text[f"{which}.value"].format(value=number, when=text.date(when)) + " " + meaning


def _testes(right: float | None, left: float | None, method: str | None, text: _Texts) -> str:
    if right is None and left is None:
        return text["testes.missing"]
    how = text[f"testes.{method or 'no_method'}"]
    if right is not None and left is not None:
        return text["testes.both"].format(right=text.number(right), left=text.number(left), how=how)
    side, value = ("right", right) if right is not None else ("left", left)
    assert value is not None  # one side is known here
    return text[f"testes.only_{side}"].format(value=text.number(value), how=how)


def _retrieval(attempt: RetrievalAttempt, text: _Texts) -> str:
    what = text[f"retrieval.{attempt.technique}"]
    if attempt.date is None:
        sentences = [text["retrieval.done_no_date"].format(what=what)]
    else:
        sentences = [text["retrieval.done"].format(what=what, when=text.date(attempt.date))]
    found = {True: "found", False: "not_found", None: "found_unknown"}[attempt.sperm_found]
    sentences.append(text[f"retrieval.{found}"])
    sentences.append(text[f"retrieval.histology.{attempt.histology or 'missing'}"])
    return " ".join(sentences)
