"""English and Turkish wording of every fixed label the PDF renderers print (the renderers choose no words)."""

from __future__ import annotations

from exoconsult.documents.labels import (
    AnnexLabels,
    AssessmentLabels,
    ConsentLabels,
    InformationPackLabels,
    PageLabels,
    WithdrawalLabels,
)

PAGE = {
    "en": PageLabels(
        patient="Patient", birth_date="Date of birth", mrn="MRN", document_id="Document ID",
        text_version="Text version", page_x_of_y="Page {page} of {total}",
        complication_line="24-hour complication line", phone="Phone", draft_watermark="DRAFT – not for signature",
    ),
    "tr": PageLabels(
        patient="Hasta", birth_date="Doğum tarihi", mrn="Hasta no", document_id="Belge no",
        text_version="Metin sürümü", page_x_of_y="Sayfa {page} / {total}",
        complication_line="24 saat komplikasyon hattı", phone="Telefon", draft_watermark="TASLAK – imza için değil",
    ),
}

ANNEX = {
    "en": AnnexLabels(
        eligibility_title="Annex A – Eligibility summary", protocol="Protocol", protocol_version="Version",
        protocol_sha256="SHA-256", protocol_approval="Approval", verdict="Verdict", fired_rules="Rules that applied",
        no_fired_rules="No rule applied.", rule="Rule", reason="Reason", action="Action", source="Source",
        review_resolution="Review resolution", explanation_title="Annex B – Explanation record", section="Section",
        shown_at="Shown", discussed_at="Discussed", questions_asked="Questions the patient asked",
        no_questions="The patient asked no questions.", question="Question", answer="Answer",
        comprehension="Comprehension check", answer_given="Answer given", correct="Correct", attempt="Attempt",
        answered_at="Answered at", comprehension_result="Result", teach_back="Teach-back", key_point="Key point",
        outcome="Outcome", patient_words="Patient's own words", audit_title="Annex C – Signatures and audit summary",
        yes="Yes", no="No", results_heading="Your test results", assessment="Assessment",
        history_sha256="History judged (SHA-256)",
    ),
    "tr": AnnexLabels(
        eligibility_title="Ek A – Uygunluk özeti", protocol="Protokol", protocol_version="Sürüm",
        protocol_sha256="SHA-256", protocol_approval="Onay", verdict="Karar", fired_rules="Uygulanan kurallar",
        no_fired_rules="Hiçbir kural uygulanmadı.", rule="Kural", reason="Gerekçe", action="Eylem", source="Kaynak",
        review_resolution="İnceleme sonucu", explanation_title="Ek B – Bilgilendirme kaydı", section="Bölüm",
        shown_at="Gösterildi", discussed_at="Görüşüldü", questions_asked="Hastanın sorduğu sorular",
        no_questions="Hasta soru sormadı.", question="Soru", answer="Yanıt", comprehension="Anlama kontrolü",
        answer_given="Verilen yanıt", correct="Doğru", attempt="Deneme", answered_at="Yanıt zamanı",
        comprehension_result="Sonuç", teach_back="Geri anlatım", key_point="Ana nokta", outcome="Sonuç",
        patient_words="Hastanın kendi sözleri", audit_title="Ek C – İmzalar ve denetim özeti", yes="Evet", no="Hayır",
        results_heading="Test sonuçlarınız", assessment="Değerlendirme",
        history_sha256="Değerlendirilen öykü (SHA-256)",
    ),
}


def consent_labels(lang: str) -> ConsentLabels:
    if lang == "en":
        return ConsentLabels(
            page=PAGE["en"], annex=ANNEX["en"], product_heading="The product", product_name="Product",
            manufacturer="Manufacturer", cell_source="Cell source", lot="Lot", dose_per_testis="Dose per testis",
            initials="Patient's initials", optional_consents_heading="Optional choices",
            optional_consents_note="None of these is required for treatment. You may say no to any of them.",
            yes="Yes", no="No", reflection_shortened="Reflection period shortened – reason",
            signatures_heading="Signatures", signed_at="Date and time", role="Role", meaning="Meaning",
            printed_name="Name",
        )
    return ConsentLabels(
        page=PAGE["tr"], annex=ANNEX["tr"], product_heading="Ürün", product_name="Ürün adı", manufacturer="Üretici",
        cell_source="Hücre kaynağı", lot="Parti no", dose_per_testis="Testis başına doz",
        initials="Hastanın parafı", optional_consents_heading="İsteğe bağlı seçimler",
        optional_consents_note="Bunların hiçbiri tedavi için gerekli değildir. Herhangi birine hayır diyebilirsiniz.",
        yes="Evet", no="Hayır", reflection_shortened="Düşünme süresi kısaltıldı – gerekçe",
        signatures_heading="İmzalar", signed_at="Tarih ve saat", role="Rol", meaning="Anlamı", printed_name="Ad soyad",
    )


def withdrawal_labels(lang: str) -> WithdrawalLabels:
    if lang == "en":
        return WithdrawalLabels(
            page=PAGE["en"], withdrawn_consent="Consent withdrawn", consent_signed_at="Consent signed",
            withdrawal_date="Date of withdrawal", data_choices_heading="Data already collected", yes="Yes", no="No",
            reason="Reason given (optional)", signatures_heading="Signatures", signed_at="Date and time", role="Role",
            meaning="Meaning", printed_name="Name",
        )
    return WithdrawalLabels(
        page=PAGE["tr"], withdrawn_consent="Geri çekilen onam", consent_signed_at="Onamın imza tarihi",
        withdrawal_date="Geri çekme tarihi", data_choices_heading="Önceden toplanan veriler", yes="Evet", no="Hayır",
        reason="Belirtilen gerekçe (isteğe bağlı)", signatures_heading="İmzalar", signed_at="Tarih ve saat",
        role="Rol", meaning="Anlamı", printed_name="Ad soyad",
    )


def info_pack_labels(lang: str) -> InformationPackLabels:
    if lang == "en":
        return InformationPackLabels(page=PAGE["en"], information_only="Information only — not a consent",
                                     prepared_for="Prepared for", prepared_on="Prepared on")
    return InformationPackLabels(page=PAGE["tr"], information_only="Yalnızca bilgilendirme — onam değildir",
                                 prepared_for="Hazırlandığı kişi", prepared_on="Hazırlanma tarihi")


def assessment_labels(lang: str) -> AssessmentLabels:
    if lang == "en":
        return AssessmentLabels(page=PAGE["en"], annex=ANNEX["en"], assessed_at="Assessed at",
                                assessed_by="Assessed by", findings_heading="Key findings", finding="Finding",
                                value="Value")
    return AssessmentLabels(page=PAGE["tr"], annex=ANNEX["tr"], assessed_at="Değerlendirme zamanı",
                            assessed_by="Değerlendiren", findings_heading="Temel bulgular", finding="Bulgu",
                            value="Değer")
