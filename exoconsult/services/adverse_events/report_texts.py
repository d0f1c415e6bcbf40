"""Every fixed word of the serious-adverse-event report (laid out after the CIOMS-I form: reaction,
suspect product, concomitant treatment, reporter), in English and Turkish. The lists' own words
(terms, grades, criteria, relatedness, outcomes) come from the domain's lists."""

from __future__ import annotations

ROUTE = {"en": "Intratesticular injection (both testes), single session",
         "tr": "Testis içine enjeksiyon (iki testis), tek seans"}
INDICATION = {"en": "Non-obstructive azoospermia – experimental, unproven treatment",
              "tr": "Obstrüktif olmayan azospermi – deneysel, etkinliği kanıtlanmamış tedavi"}

LABELS = {
    "en": dict(
        title="Serious adverse event report (CIOMS-I format)", patient="Patient (pseudonym)", age="Age",
        sex="Sex", male="male", years="{n} years",
        report="Report", report_kind="Type of report", initial="Initial report", follow_up="Follow-up report no. {n}",
        learnt_on="Clinic first learnt of the event", serious_since="Clinic learnt it was serious",
        deadline="Reporting deadline", deadline_text="{date} ({days} calendar days)",
        reaction="I. Reaction information", country="Country", onset="Reaction onset", term="Event (term)",
        grade="Grade (CTCAE v5)", seriousness="Seriousness (ICH E2A)", not_serious="not serious",
        description="Description", relatedness="Relatedness to the product (WHO-UMC)",
        expected="Expected (listed among the consent's risks)", yes="Yes", no="No", action="Action taken",
        outcome="Outcome", outcome_date="Outcome date", none="—",
        product="II. Suspect product", product_name="Product", manufacturer="Manufacturer", lot="Lot",
        expiry="Expiry date", dose="Dose", dose_text="left testis {left} mL, right testis {right} mL", route="Route",
        indication="Indication", therapy_date="Date of administration",
        concomitant="III. Concomitant treatment on the day", anaesthesia="Local anaesthesia",
        history="IV. Course of the event (every entry, oldest first)", known_on="Known on", entry_by="Recorded by",
        notes="Notes on the course",
        reporter="V. Reporter", clinic="Clinic", address="Address", phone="Telephone", reported_by="Reported by",
        registration="Registration no.", report_date="Date of this report",
        sealed="This report is sealed with the clinic's seal and archived; the pseudonym is the clinic's, who alone "
               "can link it to the patient. Every sending is recorded in the clinic's register.",
    ),
    "tr": dict(
        title="Ciddi advers olay bildirimi (CIOMS-I biçimi)", patient="Hasta (takma ad)", age="Yaş",
        sex="Cinsiyet", male="erkek", years="{n} yaş",
        report="Bildirim", report_kind="Bildirim türü", initial="İlk bildirim", follow_up="{n}. izlem bildirimi",
        learnt_on="Kliniğin olayı ilk öğrendiği tarih", serious_since="Kliniğin olayın ciddi olduğunu öğrendiği tarih",
        deadline="Bildirim için son gün", deadline_text="{date} ({days} takvim günü)",
        reaction="I. Reaksiyon bilgileri", country="Ülke", onset="Reaksiyonun başlangıcı", term="Olay (terim)",
        grade="Derece (CTCAE v5)", seriousness="Ciddiyet (ICH E2A)", not_serious="ciddi değil",
        description="Tanım", relatedness="Ürünle ilişkisi (WHO-UMC)",
        expected="Beklenen (onamda sayılan riskler arasında)", yes="Evet", no="Hayır", action="Yapılan işlem",
        outcome="Sonuç", outcome_date="Sonuç tarihi", none="—",
        product="II. Şüpheli ürün", product_name="Ürün", manufacturer="Üretici", lot="Lot (parti) numarası",
        expiry="Son kullanma tarihi", dose="Doz", dose_text="sol testis {left} mL, sağ testis {right} mL",
        route="Uygulama yolu", indication="Endikasyon", therapy_date="Uygulama tarihi",
        concomitant="III. İşlem günü birlikte uygulanan tedavi", anaesthesia="Lokal anestezi",
        history="IV. Olayın seyri (tüm kayıtlar, eskiden yeniye)", known_on="Öğrenilme", entry_by="Kaydeden",
        notes="Seyirle ilgili notlar",
        reporter="V. Bildiren", clinic="Klinik", address="Adres", phone="Telefon", reported_by="Bildiren hekim",
        registration="Diploma tescil no.", report_date="Bu bildirimin tarihi",
        sealed="Bu bildirim klinik mührüyle mühürlenmiş ve arşivlenmiştir; takma ad kliniğe aittir ve hastayla "
               "yalnızca klinik eşleştirebilir. Her gönderim kliniğin kaydına işlenir.",
    ),
}

COUNTRY = {"TR": {"en": "Turkey", "tr": "Türkiye"}}
