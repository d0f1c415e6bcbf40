"""Words the patient sees in the presentation window, in the language of the explanation (not the
clinician's interface language), and the clinician-facing names of gates and key points."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

PATIENT_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "of": "Part {n} of {total}",
        "previous": "Previous",
        "next": "Next",
        "to_check": "Questions",
        "check_title": "Checking that the information is clear",
        "check_intro": "Please choose the answer you think is right. This is not a test of you: "
                       "it shows us what we should explain again.",
        "question_of": "Question {n} of {total}",
        "question_again": "Question {n} of {total}, once more",
        "correct_so_far": "{n} of {total} answered correctly",
        "not_quite": "Not quite.",
        "right_answer": "The right answer is:",
        "continue": "Continue",
        "well_done": "That was right.",
        "complete_title": "Check complete",
        "complete_body": "Thank you. You answered every question correctly.\n\nYou can ask your doctor "
                         "anything, now or later. You do not have to decide today.",
        "waiting": "Please wait a moment.",
        "not_started": "The doctor has not started the explanation yet.",
    },
    "tr": {
        "of": "Bölüm {n} / {total}",
        "previous": "Önceki",
        "next": "Sonraki",
        "to_check": "Sorular",
        "check_title": "Bilgilerin anlaşılır olduğunu kontrol edelim",
        "check_intro": "Lütfen doğru olduğunu düşündüğünüz yanıtı seçin. Bu sizi sınamak için değil; "
                       "neyi yeniden anlatmamız gerektiğini gösterir.",
        "question_of": "Soru {n} / {total}",
        "question_again": "Soru {n} / {total}, bir kez daha",
        "correct_so_far": "{total} sorudan {n} tanesi doğru yanıtlandı",
        "not_quite": "Tam olarak değil.",
        "right_answer": "Doğru yanıt:",
        "continue": "Devam",
        "well_done": "Doğru yanıt verdiniz.",
        "complete_title": "Kontrol tamamlandı",
        "complete_body": "Teşekkür ederiz. Bütün soruları doğru yanıtladınız.\n\nDoktorunuza şimdi ya da "
                         "daha sonra her şeyi sorabilirsiniz. Bugün karar vermek zorunda değilsiniz.",
        "waiting": "Lütfen biraz bekleyin.",
        "not_started": "Doktor açıklamayı henüz başlatmadı.",
    },
}


def patient_text(language: str, key: str, **values: object) -> str:
    table = PATIENT_TEXT.get(language, PATIENT_TEXT["en"])
    return table[key].format(**values)


# Clinician-facing names: Qt translations in the clinician's interface language (context "ExplanationNames").
GATE_TITLES = {
    "eligibility": QT_TRANSLATE_NOOP("ExplanationNames", "Eligibility"),
    "sections": QT_TRANSLATE_NOOP("ExplanationNames", "All sections discussed"),
    "comprehension": QT_TRANSLATE_NOOP("ExplanationNames", "Comprehension check"),
    "interpreter": QT_TRANSLATE_NOOP("ExplanationNames", "Interpreter"),
    "reflection": QT_TRANSLATE_NOOP("ExplanationNames", "Reflection period"),
    "text_approved": QT_TRANSLATE_NOOP("ExplanationNames", "Consent text approved"),
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
