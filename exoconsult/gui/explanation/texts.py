"""Words the patient sees in the presentation window, in the language of the explanation (not the
clinician's interface language), and the clinician-facing names of gates and key points."""

from __future__ import annotations

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


# Clinician-facing names (the console's interface language is English, like the rest of the app).
GATE_TITLES = {
    "eligibility": "Eligibility",
    "sections": "All sections discussed",
    "comprehension": "Comprehension check",
    "interpreter": "Interpreter",
    "reflection": "Reflection period",
    "text_approved": "Consent text approved",
    "teach_back": "Teach-back of the five key points",
    "programme_facts": "Programme facts recorded",
}

KEY_POINT_TITLES = {
    "experimental_status": "Experimental status",
    "no_guarantee": "No guarantee",
    "alternatives": "Alternatives",
    "right_to_withdraw": "Right to withdraw",
    "complication_contact": "What to do about a complication",
    "future_child": "Effects on a future child",
    "reflection_period": "Reflection period",
}

TEACH_BACK_RESULTS = (("restated", "Restated correctly"), ("re_explained", "Re-explained"))

LANGUAGE_NAMES = {"en": "English", "tr": "Turkish (Türkçe)"}


def key_point_title(key: str) -> str:
    return KEY_POINT_TITLES.get(key, key.replace("_", " ").capitalize())


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)
