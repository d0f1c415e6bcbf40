"""Human labels of the values services hand to the screens: verdicts, review decisions, rule outcomes,
consultation stages, consent statuses, document kinds and text languages.

The words are Qt translations (context "Labels", one catalogue per language in resources/i18n), so no
identifier such as `needs_review` reaches a screen and no second word list exists beside the .ts files.
Labels that the definitions carry (questionnaire fields, protocol rule texts) are picked in
`ui_language.current_language()`, the language of the installed translation, so one screen never mixes
two. Language names come from the language registry (forms/languages.yaml), in the screen language.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from exoconsult.gui.ui_language import current_language
from exoconsult.services.core.languages import language_registry


def verdict_label(verdict: str) -> str:
    """A verdict as a word in running text and tables ("needs review")."""
    labels = {
        "eligible": QCoreApplication.translate("Labels", "eligible", "verdict"),
        "needs_review": QCoreApplication.translate("Labels", "needs review", "verdict"),
        "ineligible": QCoreApplication.translate("Labels", "not eligible", "verdict"),
        "incomplete": QCoreApplication.translate("Labels", "incomplete information", "verdict"),
    }
    return labels.get(verdict) or unknown_value(verdict)


def verdict_title(verdict: str) -> str:
    """A verdict as the banner's headline word, in capitals (written per language: Turkish İ is no i.upper())."""
    titles = {
        "eligible": QCoreApplication.translate("Labels", "ELIGIBLE", "verdict headline"),
        "needs_review": QCoreApplication.translate("Labels", "NEEDS REVIEW", "verdict headline"),
        "ineligible": QCoreApplication.translate("Labels", "INELIGIBLE", "verdict headline"),
        "incomplete": QCoreApplication.translate("Labels", "INCOMPLETE", "verdict headline"),
    }
    return titles.get(verdict) or unknown_value(verdict)


def decision_label(decision: str) -> str:
    """A urologist's decision on a review."""
    labels = {
        "proceed": QCoreApplication.translate("Labels", "proceed", "review decision"),
        "do_not_proceed": QCoreApplication.translate("Labels", "do not proceed", "review decision"),
    }
    return labels.get(decision) or unknown_value(decision)


def outcome_label(outcome: str) -> str:
    """What a fired rule does to the verdict (the heading of its group on the assessment screen)."""
    labels = {
        "ineligible": QCoreApplication.translate("Labels", "Hard stops (ineligible)", "rule outcome"),
        "needs_review": QCoreApplication.translate("Labels", "Needs a urologist's review", "rule outcome"),
        "caution": QCoreApplication.translate("Labels", "Cautions (discuss; do not block)", "rule outcome"),
        "missing_data": QCoreApplication.translate("Labels", "Missing information", "rule outcome"),
    }
    return labels.get(outcome) or unknown_value(outcome)


def stage_label(stage: str, verdict: str | None = None, until: date | None = None) -> str:
    """Where a consultation stands (Today): the stage, with the verdict or the end of the reflection period."""
    if stage == "assessed" and verdict:
        return QCoreApplication.translate("Labels", "assessed: %1", "stage").replace("%1", verdict_label(verdict))
    if stage == "reflection" and until is not None:
        return (QCoreApplication.translate("Labels", "in reflection until %1", "stage")
                .replace("%1", date_label(until)))
    labels = {
        "registered": QCoreApplication.translate("Labels", "registered", "stage"),
        "history": QCoreApplication.translate("Labels", "history entered", "stage"),
        "assessed": QCoreApplication.translate("Labels", "assessed", "stage"),
        "explanation": QCoreApplication.translate("Labels", "explanation under way", "stage"),
        "reflection": QCoreApplication.translate("Labels", "in reflection", "stage"),
        "ready_to_sign": QCoreApplication.translate("Labels", "ready to sign", "stage"),
        "signed": QCoreApplication.translate("Labels", "consent signed", "stage"),
        "treated": QCoreApplication.translate("Labels", "treated, in follow-up", "stage"),
        "withdrawn": QCoreApplication.translate("Labels", "consent withdrawn", "stage"),
        "reconsent": QCoreApplication.translate("Labels", "consent no longer valid: re-consent needed", "stage"),
    }
    return labels.get(stage) or unknown_value(stage)


def procedure_stage_label(stage: str) -> str:
    """Where a procedure day stands (its checklist part, or after it)."""
    labels = {
        "stopped": QCoreApplication.translate("Labels", "STOPPED", "procedure stage"),
        "before_anaesthesia": QCoreApplication.translate("Labels", "before anaesthesia", "procedure stage"),
        "time_out": QCoreApplication.translate("Labels", "time-out", "procedure stage"),
        "procedure": QCoreApplication.translate("Labels", "procedure under way", "procedure stage"),
        "sign_out": QCoreApplication.translate("Labels", "sign-out", "procedure stage"),
        "note": QCoreApplication.translate("Labels", "note to seal", "procedure stage"),
        "done": QCoreApplication.translate("Labels", "done", "procedure stage"),
    }
    return labels.get(stage) or unknown_value(stage)


def consent_status_label(status: str | None) -> str:
    """A consent's status on a given day (None: no consent)."""
    labels = {
        "signed": QCoreApplication.translate("Labels", "signed", "consent status"),
        "withdrawn": QCoreApplication.translate("Labels", "withdrawn", "consent status"),
        "expired": QCoreApplication.translate("Labels", "expired", "consent status"),
        "superseded": QCoreApplication.translate("Labels", "superseded", "consent status"),
    }
    if status is None:
        return QCoreApplication.translate("Labels", "no consent", "consent status")
    if status == "unknown":
        return QCoreApplication.translate("Labels", "unknown", "consent status")
    return labels.get(status) or status  # a procedure note's status is a sentence from the service


def document_kind_label(kind: str) -> str:
    """What a checked document is (verify)."""
    labels = {
        "consent": QCoreApplication.translate("Labels", "consent", "document kind"),
        "withdrawal": QCoreApplication.translate("Labels", "withdrawal of consent", "document kind"),
        "procedure note": QCoreApplication.translate("Labels", "procedure note", "document kind"),
        "procedure note addendum": QCoreApplication.translate("Labels", "procedure note addendum", "document kind"),
        "serious adverse event report": QCoreApplication.translate("Labels", "serious adverse event report",
                                                                   "document kind"),
        "unknown": QCoreApplication.translate("Labels", "unknown document", "document kind"),
    }
    return labels.get(kind) or unknown_value(kind)


def language_label(code: str, in_language: str = "") -> str:
    """A language by its name in the interface language ("Turkish (Türkçe)") or in `in_language` (a
    patient-facing screen's), from the language registry; a code it does not list by Qt's name of it in itself."""
    registered = language_registry().get(code)
    if registered is not None:
        return registered.name_in(in_language or current_language())
    return QLocale(code).nativeLanguageName() or code


def role_label(role: str) -> str:
    """A staff role as a word in running text and tables ("urologist")."""
    labels = {
        "admin": QCoreApplication.translate("Labels", "administrator", "role"),
        "urologist": QCoreApplication.translate("Labels", "urologist", "role"),
        "nurse": QCoreApplication.translate("Labels", "nurse", "role"),
    }
    return labels.get(str(role)) or unknown_value(str(role))


def lot_label(lot) -> str:
    """A lot as the screens name it (a LotDTO): number, product, manufacturer and its expiry date."""
    return (QCoreApplication.translate("Labels", "%1, expires %2", "lot").replace("%1", lot.identity)
            .replace("%2", date_label(lot.expiry_date)))


def date_label(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def unknown_value(value: str) -> str:
    """A value this version has no label for (from a newer database): readable words, not the raw key."""
    return value.replace("_", " ").strip()
