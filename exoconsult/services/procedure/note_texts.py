"""Every fixed word of the procedure note, its addendum and the discharge sheet, in English and Turkish.

The discharge advice is the routine aftercare of an outpatient needle procedure on the testis under
local anaesthesia (scrotal support, cold packs, keeping the punctures dry, rest from strain) and the
warning signs of the risks the consent names (bleeding and haematoma, infection, fainting): the clinic's
medical director reviews it with the consent texts."""

from __future__ import annotations

PROCEDURE_NAME = {
    "en": "Injection of an exosome product into both testes (experimental treatment), outpatient, under local "
          "anaesthesia",
    "tr": "Her iki testise ekzozom ürünü enjeksiyonu (deneysel tedavi), ayaktan, lokal anestezi altında",
}

LABELS = {
    "en": dict(
        note_title="Procedure note", addendum_title="Procedure note – addendum (correction)",
        discharge_title="After your procedure: what to do at home",
        addendum_banner="Addendum: corrects procedure note {id}", procedure="Procedure", performed_on="Date",
        urologist="Performing urologist", assistant="Assistant", started="Start", ended="End",
        consent="Consent relied on", anaesthesia="Anaesthesia", agent="Local anaesthetic",
        concentration="Concentration", volume_left="Volume, left side (mL)", volume_right="Volume, right side (mL)",
        technique="Technique", cord_block="spermatic cord block", skin="skin infiltration", needle="Needle",
        product="Product", product_name="Product", manufacturer="Manufacturer", lot="Lot", expiry="Expiry date",
        injection="Injection", testis="Testis", volume_ml="Volume (mL)", sites="Puncture sites", left="Left",
        right="Right", events="Events during the procedure", none="None", events_note="Details",
        discharge="Discharge", pain_score="Pain score (0–10)", discharged_at="Discharged at", not_recorded="not recorded",
        checklist="Safety checklist", part="Part", item="Item", answer="Answer", by="By", time="Time", yes="Yes",
        no="No", decision_continue="continued by {who}: {why}", decision_stop="stopped by {who}: {why}",
        record="Record", recorded_by="Recorded by", recorded_at="Recorded at",
        sealed="This note is sealed with the clinic's seal and archived. It is never changed: a correction is a "
               "separate addendum that names this note.",
        corrects="Corrects", correction="Correction", addendum_by="Written by",
        your_procedure="Your procedure", at_home="At home", first_followup="Your first follow-up", questions="Call us",
        call_now="Call the clinic's complication line straight away, day or night, on {phone} if you have any of "
                 "these (in an emergency call 112):",
    ),
    "tr": dict(
        note_title="İşlem notu", addendum_title="İşlem notu – ek (düzeltme)",
        discharge_title="İşleminizden sonra evde yapmanız gerekenler",
        addendum_banner="Ek belge: {id} numaralı işlem notunu düzeltir", procedure="İşlem", performed_on="Tarih",
        urologist="İşlemi yapan üroloji uzmanı", assistant="Yardımcı", started="Başlangıç", ended="Bitiş",
        consent="Dayanak onam belgesi", anaesthesia="Anestezi", agent="Lokal anestezik", concentration="Konsantrasyon",
        volume_left="Hacim, sol taraf (mL)", volume_right="Hacim, sağ taraf (mL)", technique="Teknik",
        cord_block="spermatik kord bloğu", skin="cilt infiltrasyonu", needle="İğne", product="Ürün",
        product_name="Ürün", manufacturer="Üretici", lot="Lot (parti) numarası", expiry="Son kullanma tarihi",
        injection="Enjeksiyon", testis="Testis", volume_ml="Hacim (mL)", sites="Giriş yeri sayısı", left="Sol",
        right="Sağ", events="İşlem sırasında gelişen olaylar", none="Olmadı", events_note="Ayrıntı",
        discharge="Taburculuk", pain_score="Ağrı skoru (0–10)", discharged_at="Taburcu zamanı",
        not_recorded="kaydedilmedi", checklist="Güvenlik kontrol listesi", part="Bölüm", item="Madde",
        answer="Yanıt", by="Kaydeden", time="Saat", yes="Evet", no="Hayır",
        decision_continue="{who} devam kararı verdi: {why}", decision_stop="{who} işlemi durdurdu: {why}",
        record="Kayıt", recorded_by="Kaydeden", recorded_at="Kayıt zamanı",
        sealed="Bu not klinik mührüyle mühürlenmiş ve arşivlenmiştir. Hiçbir zaman değiştirilmez: düzeltme, bu "
               "nota atıf yapan ayrı bir ek belgeyle yapılır.",
        corrects="Düzeltilen belge", correction="Düzeltme", addendum_by="Yazan",
        your_procedure="İşleminiz", at_home="Evde", first_followup="İlk kontrolünüz", questions="Bize ulaşın",
        call_now="Aşağıdakilerden biri olursa gece ya da gündüz hemen kliniğin {phone} numaralı komplikasyon "
                 "hattını arayın (acil durumda 112'yi arayın):",
    ),
}

PARTS = {
    "en": {"before_anaesthesia": "Before anaesthesia", "time_out": "Time-out (before the first needle)",
           "sign_out": "Sign-out (before the patient leaves)"},
    "tr": {"before_anaesthesia": "Anestezi öncesi (giriş)", "time_out": "İlk iğneden önce (ara kontrol)",
           "sign_out": "Hasta ayrılmadan önce (çıkış)"},
}

ITEMS_TR = {
    "identity": "Kimlik iki tanımlayıcıyla doğrulandı: hasta adını soyadını ve doğum tarihini kendisi söyledi",
    "consent_valid": "Onam bugün geçerli (imzalı; geri çekilmemiş, süresi dolmamış, yeni metin sürümüyle "
                     "geçersizleşmemiş)",
    "assessment_current": "Onamın dayandığı uygunluk değerlendirmesi güncel (sonrasında öykü değişmedi)",
    "anaesthetic_allergy": "Lokal anestezik alerjisi soruldu: yok",
    "antithrombotic_plan": "Kan sulandırıcı (antitrombotik) ilaç planına uyuldu",
    "no_fever_infection": "Bugün ateş ve genital enfeksiyon yok",
    "lot_chosen": "Ürün lotu seçildi: serbest bırakılmış, son kullanma tarihi geçmemiş, uygun sıcaklıkta saklanmış",
    "read_aloud": "Sesli okundu: hasta, işlem, iki testis, ürün, lot ve testis başına doz",
    "nothing_unexpected": "Beklenmeyen bir durum yok (varsa ekiple konuşuldu)",
    "volumes_given": "Her testise verilen hacim kaydedildi",
    "complications_recorded": "İşlem sırasındaki komplikasyonlar kaydedildi (ya da olmadı)",
    "pain_score": "Ağrı skoru soruldu",
    "scrotal_check": "Skrotum kontrol edildi: hematom yok",
    "discharge_instructions": "Taburculuk önerileri hastanın dilinde verildi",
    "complication_line": "Komplikasyon telefon hattı verildi",
    "followup_booked": "İlk kontrol randevusu verildi",
}

EVENTS = {
    "en": {"vasovagal": "vasovagal reaction", "bleeding": "bleeding", "pain": "pain", "other": "other"},
    "tr": {"vasovagal": "vazovagal reaksiyon (bayılma hissi)", "bleeding": "kanama", "pain": "ağrı", "other": "diğer"},
}

DISCHARGE_ADVICE = {
    "en": (
        "Rest today. From tomorrow you can go back to light everyday activities.",
        "For 48 hours do not lift anything heavy, do not do sport or ride a bicycle, and do not have sex.",
        "Wear supportive, close-fitting underwear for the first days. To reduce swelling, put ice wrapped in a "
        "towel on the scrotum for 15–20 minutes a few times today; never put ice directly on the skin.",
        "Keep the needle marks dry for 24 hours; you may shower after that. Do not take a bath or swim for 48 hours.",
        "For pain you may take paracetamol as your doctor advised. Do not start aspirin or any blood-thinning "
        "medicine on your own; restart a blood thinner you take only on the day your doctor told you.",
        "Mild pain, bruising and slight swelling for a few days are expected.",
    ),
    "tr": (
        "Bugün dinlenin. Yarından itibaren hafif günlük işlerinize dönebilirsiniz.",
        "48 saat boyunca ağır bir şey kaldırmayın, spor yapmayın, bisiklete binmeyin ve cinsel ilişkiye girmeyin.",
        "İlk günlerde destekleyici, vücudu saran bir iç çamaşırı giyin. Şişliği azaltmak için bugün birkaç kez "
        "15–20 dakika havluya sarılı buzu skrotuma uygulayın; buzu hiçbir zaman doğrudan cilde koymayın.",
        "İğne yerlerini 24 saat kuru tutun; sonrasında duş alabilirsiniz. 48 saat küvette banyo yapmayın, havuza "
        "ve denize girmeyin.",
        "Ağrı için doktorunuzun önerdiği şekilde parasetamol alabilirsiniz. Kendiliğinizden aspirin ya da kan "
        "sulandırıcı bir ilaca başlamayın; kullandığınız kan sulandırıcıya ancak doktorunuzun söylediği gün "
        "yeniden başlayın.",
        "Birkaç gün süren hafif ağrı, morarma ve hafif şişlik beklenen durumlardır.",
    ),
}

WARNING_SIGNS = {
    "en": ("fever of 38 °C or more, or shivering",
           "swelling that keeps growing or becomes hard, or a scrotum that gets much bigger",
           "severe pain that painkillers do not relieve",
           "redness or discharge at a needle mark, or bleeding that does not stop",
           "fainting, or being unable to pass urine"),
    "tr": ("38 °C ve üzerinde ateş ya da titreme",
           "giderek büyüyen ya da sertleşen şişlik, skrotumun belirgin biçimde büyümesi",
           "ağrı kesiciyle geçmeyen şiddetli ağrı",
           "iğne yerinde kızarıklık, akıntı ya da durmayan kanama",
           "bayılma ya da idrar yapamama"),
}
