"""Words the patient sees in the presentation window, in the language of the explanation (not the
clinician's interface language), and the clinician-facing names of gates and key points: all Qt
translations, the patient's read through his language's translator (ui_language.PatientWording)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from exoconsult.gui.ui_language import PatientWording

PATIENT_TEXTS: dict[str, str] = {
    "of": QT_TRANSLATE_NOOP("PatientTexts", "Part {n} of {total}"),
    "previous": QT_TRANSLATE_NOOP("PatientTexts", "Previous"),
    "next": QT_TRANSLATE_NOOP("PatientTexts", "Next"),
    "to_check": QT_TRANSLATE_NOOP("PatientTexts", "Questions"),
    "check_title": QT_TRANSLATE_NOOP("PatientTexts", "Checking that the information is clear"),
    "check_intro": QT_TRANSLATE_NOOP(
        "PatientTexts", "Please choose the answer you think is right. This is not a test of you: it shows us what "
        "we should explain again."),
    "question_of": QT_TRANSLATE_NOOP("PatientTexts", "Question {n} of {total}"),
    "question_again": QT_TRANSLATE_NOOP("PatientTexts", "Question {n} of {total}, once more"),
    "correct_so_far": QT_TRANSLATE_NOOP("PatientTexts", "{n} of {total} answered correctly"),
    "not_quite": QT_TRANSLATE_NOOP("PatientTexts", "Not quite."),
    "right_answer": QT_TRANSLATE_NOOP("PatientTexts", "The right answer is:"),
    "continue": QT_TRANSLATE_NOOP("PatientTexts", "Continue"),
    "well_done": QT_TRANSLATE_NOOP("PatientTexts", "That was right."),
    "complete_title": QT_TRANSLATE_NOOP("PatientTexts", "Check complete"),
    "complete_body": QT_TRANSLATE_NOOP(
        "PatientTexts", "Thank you. You answered every question correctly.\n\nYou can ask your doctor anything, now "
        "or later. You do not have to decide today."),
    "waiting": QT_TRANSLATE_NOOP("PatientTexts", "Please wait a moment."),
    "not_started": QT_TRANSLATE_NOOP("PatientTexts", "The doctor has not started the explanation yet."),
}


def patient_text(language: str, key: str, **values: object) -> str:
    """What the patient reads in the presentation window and the check, in `language` (the explanation's),
    whatever the clinician's screen language: the patient's translation (context "PatientTexts")."""
    return PatientWording(language).translate(["PatientTexts"], PATIENT_TEXTS[key]).format(**values)


# Clinician-facing names: Qt translations in the clinician's interface language (context "ExplanationNames").
GATE_TITLES = {
    "eligibility": QT_TRANSLATE_NOOP("ExplanationNames", "Eligibility"),
    "sections": QT_TRANSLATE_NOOP("ExplanationNames", "All sections discussed"),
    "comprehension": QT_TRANSLATE_NOOP("ExplanationNames", "Comprehension check"),
    "interpreter": QT_TRANSLATE_NOOP("ExplanationNames", "Interpreter"),
    "reflection": QT_TRANSLATE_NOOP("ExplanationNames", "Reflection period"),
    "content_approved": QT_TRANSLATE_NOOP("ExplanationNames", "Protocol and texts approved by the clinic"),
    "teach_back": QT_TRANSLATE_NOOP("ExplanationNames", "Teach-back of the five key points"),
    "programme_facts": QT_TRANSLATE_NOOP("ExplanationNames", "Programme facts recorded"),
}

KEY_POINT_TITLES = {
    "experimental_status": QT_TRANSLATE_NOOP("ExplanationNames", "Experimental status"),
    "no_guarantee": QT_TRANSLATE_NOOP("ExplanationNames", "No guarantee"),
    "alternatives": QT_TRANSLATE_NOOP("ExplanationNames", "Alternatives"),
    "right_to_withdraw": QT_TRANSLATE_NOOP("ExplanationNames", "Right to withdraw"),
    "complication_contact": QT_TRANSLATE_NOOP("ExplanationNames", "What to do about a complication"),
    "future_child": QT_TRANSLATE_NOOP("ExplanationNames", "Effects on a future child"),
    "reflection_period": QT_TRANSLATE_NOOP("ExplanationNames", "Reflection period"),
}

TEACH_BACK_RESULTS = (("restated", QT_TRANSLATE_NOOP("ExplanationNames", "Restated correctly")),
                      ("re_explained", QT_TRANSLATE_NOOP("ExplanationNames", "Re-explained")))


def _name(source: str) -> str:
    return QCoreApplication.translate("ExplanationNames", source)


def gate_title(key: str) -> str:
    return _name(GATE_TITLES[key]) if key in GATE_TITLES else key.replace("_", " ").capitalize()


def key_point_title(key: str) -> str:
    return _name(KEY_POINT_TITLES[key]) if key in KEY_POINT_TITLES else key.replace("_", " ").capitalize()


def teach_back_results() -> tuple[tuple[str, str], ...]:
    """(stored value, what the clinician reads) of each teach-back result."""
    return tuple((value, _name(text)) for value, text in TEACH_BACK_RESULTS)
