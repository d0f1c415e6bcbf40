"""Every fixed word of the outcome registry report, in English and Turkish. The statement is the
honest limit of a case series (no comparison group: it cannot show that the treatment works); the
reference figure is the one clinical facts give for a man in the same position without the treatment
(a second micro-TESE after a failed first one: 23 of 125, 18.4 %, Özman et al., Fertil Steril 2021)."""

from __future__ import annotations

LABELS = {
    "en": dict(
        title="Outcome registry report", report="Report", period="Period", patients="Patients",
        all_time="all procedures to date", period_text="procedures {first} to {last}",
        statement="**An uncontrolled case series cannot show that the treatment works.** These are the men "
                  "treated in this clinic's programme of an experimental, unproven treatment, without a comparison "
                  "group. Any improvement may come from chance, from the natural course, from other treatment or "
                  "from who was selected; the figures describe what happened, they are not evidence of efficacy.",
        internal="For the clinic and its ethics committee: counts below 5 are shown as they are. The CSV tables "
                 "meant to leave the clinic show them as “< 5”.",
        public="Counts below 5 (and counts that would reveal them) are shown as “< 5”.",
        treated="Patients treated", treated_text="{n} men received the treatment ({first} to {last}).",
        none_treated="No patient was treated in this period.",
        completeness="Follow-up completeness", visit="Visit", done="done", due="due now", overdue="overdue",
        missed="missed", lost="lost to follow-up", upcoming="not yet due", not_requested="not requested (withdrew)",
        outcomes="Outcomes", outcome="Outcome", k_of_n="k of n", share="Share", interval="95 % interval (Wilson)",
        reference="Without the treatment", no_reference="—",
        sperm_by_month3="Sperm in the ejaculate by the month-3 visit",
        sperm_by_month6="Sperm in the ejaculate by the month-6 visit",
        sperm_by_month12="Sperm in the ejaculate by the month-12 visit",
        sperm_found_at_retrieval="Sperm found at a later retrieval (of men who had one)",
        clinical_pregnancy="Clinical pregnancy (partner)", live_birth="Live birth",
        congenital_anomaly="Congenital anomaly (of live births)",
        reference_text="repeat micro-TESE: 23 of 125 (18.4 %; 95 % 12.6–26.1 %)",
        outcomes_chart="Outcomes with their 95 % intervals",
        legend="Bar: share (%). Black line: 95 % interval. Red mark: the figure without the treatment.",
        adverse_events="Adverse events", ae_summary="{events} adverse events in {patients} men.",
        by_term="By term", by_grade="By grade (CTCAE v5, newest entry)", by_seriousness="By seriousness (ICH E2A)",
        by_relatedness="By relatedness to the treatment (WHO-UMC, newest entry)", count="Events",
        serious="serious", not_serious="not serious", grade="Grade",
        serious_list="Every serious adverse event", pseudonym="Patient (pseudonym)", term="Event",
        term_grade="{term} (grade {grade})",
        day="Day", day_note="Day: the day of onset counted from the procedure (day 0). Grade, relatedness "
                                 "and outcome as the newest entry has them.", criteria="Seriousness", relatedness="Relatedness", expected="Expected",
        outcome_col="Outcome", yes="yes", no="no", no_serious="No serious adverse event.",
        serious_hidden="Listed in the clinic's copy only.",
        terms_chart="Adverse events by term",
    ),
    "tr": dict(
        title="Sonuç kayıt sistemi raporu", report="Rapor", period="Dönem", patients="Hasta",
        all_time="bugüne kadarki tüm işlemler", period_text="{first} – {last} arasındaki işlemler",
        statement="**Kontrol grubu olmayan bir olgu serisi tedavinin işe yaradığını gösteremez.** Bunlar bu "
                  "klinikte deneysel, etkinliği kanıtlanmamış bir tedavi programında tedavi edilen erkeklerdir; "
                  "karşılaştırma grubu yoktur. Görülen her düzelme şanstan, hastalığın doğal seyrinden, başka bir "
                  "tedaviden ya da hastaların nasıl seçildiğinden kaynaklanabilir; sayılar olanı anlatır, etkinliğin "
                  "kanıtı değildir.",
        internal="Klinik ve etik kurulu için: 5'ten küçük sayılar olduğu gibi gösterilmiştir. Klinik dışına "
                 "çıkacak CSV tablolarında bunlar “< 5” olarak yer alır.",
        public="5'ten küçük sayılar (ve onları ele verecek sayılar) “< 5” olarak gösterilmiştir.",
        treated="Tedavi edilen hastalar", treated_text="{n} erkek tedavi edildi ({first} – {last}).",
        none_treated="Bu dönemde tedavi edilen hasta yok.",
        completeness="Kontrollerin tamamlanma durumu", visit="Kontrol", done="yapıldı", due="şimdi zamanı",
        overdue="gecikti", missed="kaçırıldı", lost="izlemden çıktı", upcoming="zamanı gelmedi",
        not_requested="istenmiyor (geri çekildi)",
        outcomes="Sonuçlar", outcome="Sonuç", k_of_n="k / n", share="Oran", interval="%95 aralık (Wilson)",
        reference="Tedavi olmadan", no_reference="—",
        sperm_by_month3="3. ay kontrolüne kadar menide sperm",
        sperm_by_month6="6. ay kontrolüne kadar menide sperm",
        sperm_by_month12="12. ay kontrolüne kadar menide sperm",
        sperm_found_at_retrieval="Sonraki sperm elde etme işleminde sperm bulunması (işlem yapılanlar içinde)",
        clinical_pregnancy="Klinik gebelik (eş)", live_birth="Canlı doğum",
        congenital_anomaly="Doğumsal anomali (canlı doğumlar içinde)",
        reference_text="tekrar mikro-TESE: 125'te 23 (%18,4; %95 %12,6–%26,1)",
        outcomes_chart="Sonuçlar ve %95 aralıkları",
        legend="Çubuk: oran (%). Siyah çizgi: %95 aralık. Kırmızı işaret: tedavi olmadan beklenen oran.",
        adverse_events="Advers olaylar", ae_summary="{patients} erkekte {events} advers olay.",
        by_term="Terime göre", by_grade="Dereceye göre (CTCAE v5, en yeni kayıt)",
        by_seriousness="Ciddiyete göre (ICH E2A)",
        by_relatedness="Tedaviyle ilişkiye göre (WHO-UMC, en yeni kayıt)", count="Olay",
        serious="ciddi", not_serious="ciddi değil", grade="Derece",
        serious_list="Tüm ciddi advers olaylar", pseudonym="Hasta (takma ad)", term="Olay",
        term_grade="{term} (derece {grade})",
        day="Gün", day_note="Gün: başlangıç günü, işlem günü 0 sayılarak. Derece, ilişki ve sonuç en yeni "
                            "kayıttaki gibidir.", criteria="Ciddiyet", relatedness="İlişki", expected="Beklenen",
        outcome_col="Sonuç", yes="evet", no="hayır", no_serious="Ciddi advers olay yok.",
        serious_hidden="Yalnızca kliniğin kopyasında listelenir.",
        terms_chart="Terime göre advers olaylar",
    ),
}
