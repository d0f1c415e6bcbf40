"""The safety checklist's items in the languages other than English, by item key, for the procedure note.

The English wording lives once, with the checklist's definition (each item's `text`); every other fixed
word of the procedure note, its addendum and the discharge sheet is in the document catalogues
(forms/i18n/documents.<lang>.yaml, section procedure_note). A language without an entry here prints the
items in English (known debt: these belong with the checklist definition as data)."""

from __future__ import annotations

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

ITEMS = {"tr": ITEMS_TR}
