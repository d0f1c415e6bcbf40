<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr" sourcelanguage="en">
<context>
    <name>AdminHome</name>
    <message>
        <source>Users</source>
        <translation>Kullanıcılar</translation>
    </message>
    <message>
        <source>Clinic settings</source>
        <translation>Klinik ayarları</translation>
    </message>
    <message>
        <source>Programme facts</source>
        <translation>Program bilgileri</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Yedekler</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Denetim kaydı</translation>
    </message>
    <message>
        <source>Registry report</source>
        <translation>Kayıt raporu</translation>
    </message>
    <message>
        <source>This account has nothing to show here.</source>
        <translation>Bu hesabın burada görebileceği bir şey yok.</translation>
    </message>
</context>
<context>
    <name>AdverseEventDialog</name>
    <message>
        <source>Record an adverse event – %1</source>
        <translation>Advers olay kaydet – %1</translation>
    </message>
    <message>
        <source>the event in a few words, when the term is “other”</source>
        <translation>terim “diğer” olduğunda olayı birkaç sözcükle yazın</translation>
    </message>
    <message>
        <source>How the clinic learnt of it:</source>
        <translation>Kliniğin olaydan haberdar olma yolu:</translation>
    </message>
    <message>
        <source>Onset:</source>
        <translation>Başlangıç:</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Olay:</translation>
    </message>
    <message>
        <source>Other term:</source>
        <translation>Diğer terim:</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>Ne oldu:</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Kaydet</translation>
    </message>
</context>
<context>
    <name>AdverseEventsPage</name>
    <message>
        <source>Record it as an adverse event…</source>
        <translation>Advers olay olarak kaydet…</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Olay</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Derece</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>Ciddi</translation>
    </message>
    <message>
        <source>Relatedness</source>
        <translation>İlişkisi</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bildirim</translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation>Advers olaylar</translation>
    </message>
    <message>
        <source>Course of the selected event</source>
        <translation>Seçili olayın seyri</translation>
    </message>
    <message>
        <source>Record an adverse event…</source>
        <translation>Advers olay kaydet…</translation>
    </message>
    <message>
        <source>Add a follow-up…</source>
        <translation>İzlem bilgisi ekle…</translation>
    </message>
    <message>
        <source>Issue the SAE report…</source>
        <translation>Ciddi advers olay bildirimini oluştur…</translation>
    </message>
    <message>
        <source>View the report</source>
        <translation>Bildirimi görüntüle</translation>
    </message>
    <message>
        <source>Record a sending…</source>
        <translation>Gönderimi kaydet…</translation>
    </message>
    <message>
        <source>Adverse events after the procedure (a telephone call counts). Entries are never changed: a follow-up is added.</source>
        <translation>İşlem sonrası advers olaylar (bir telefon görüşmesi de sayılır). Kayıtlar hiç değiştirilmez: izlem bilgisi eklenir.</translation>
    </message>
    <message>
        <source>Loading adverse events…</source>
        <translation>Advers olaylar yükleniyor…</translation>
    </message>
    <message>
        <source>%1 on %2 – the patient said yes to: %3. Not yet recorded as an adverse event.</source>
        <translation>%1, %2 – hasta şunlara evet dedi: %3. Henüz advers olay olarak kaydedilmedi.</translation>
    </message>
    <message>
        <source>sent to all</source>
        <translation>hepsine gönderildi</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>son tarih %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>evet</translation>
    </message>
    <message>
        <source>no</source>
        <translation>hayır</translation>
    </message>
    <message>
        <source>onset</source>
        <translation>başlangıç</translation>
    </message>
    <message>
        <source>learnt</source>
        <translation>öğrenilme</translation>
    </message>
    <message>
        <source>procedure</source>
        <translation>işlem</translation>
    </message>
    <message>
        <source>lot</source>
        <translation>lot</translation>
    </message>
    <message>
        <source>pseudonym</source>
        <translation>takma ad</translation>
    </message>
    <message>
        <source>not serious</source>
        <translation>ciddi değil</translation>
    </message>
    <message>
        <source>Report %1 (%2) sealed %3 by %4</source>
        <translation>Bildirim %1 (%2), %3 tarihinde %4 tarafından mühürlendi</translation>
    </message>
    <message>
        <source>Sent %1 to %2 (%3), %4; recorded by %5</source>
        <translation>%1 tarihinde %2 adresine gönderildi (%3), %4; kaydeden %5</translation>
    </message>
    <message>
        <source>Report due %1 (%2-day rule), still owed to: %3</source>
        <translation>Bildirim son tarihi %1 (%2 gün kuralı), henüz bildirilmeyen: %3</translation>
    </message>
    <message>
        <source>No adverse event is recorded.</source>
        <translation>Kayıtlı advers olay yok.</translation>
    </message>
    <message>
        <source>Sealing…</source>
        <translation>Mühürleniyor…</translation>
    </message>
    <message>
        <source>Serious adverse event report</source>
        <translation>Ciddi advers olay bildirimi</translation>
    </message>
    <message>
        <source>Language of the report:</source>
        <translation>Bildirimin dili:</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Açılıyor…</translation>
    </message>
</context>
<context>
    <name>AssessmentController</name>
    <message>
        <source>Loading assessments…</source>
        <translation>Değerlendirmeler yükleniyor…</translation>
    </message>
    <message>
        <source>Running the assessment…</source>
        <translation>Değerlendirme yapılıyor…</translation>
    </message>
    <message>
        <source>Recording the decision…</source>
        <translation>Karar kaydediliyor…</translation>
    </message>
    <message>
        <source>Writing the summary PDF…</source>
        <translation>Özet PDF yazılıyor…</translation>
    </message>
</context>
<context>
    <name>AssessmentFields</name>
    <message>
        <source>Expected: listed among the consent&apos;s risks</source>
        <translation>Beklenen: onamdaki riskler arasında sayılmış</translation>
    </message>
    <message>
        <source>Learnt of this on:</source>
        <translation>Öğrenilme tarihi:</translation>
    </message>
    <message>
        <source>Grade (CTCAE v5):</source>
        <translation>Derece (CTCAE v5):</translation>
    </message>
    <message>
        <source>Serious because (ICH E2A; none = not serious):</source>
        <translation>Ciddiyet ölçütü (ICH E2A; hiçbiri = ciddi değil):</translation>
    </message>
    <message>
        <source>Related to the treatment (WHO-UMC):</source>
        <translation>Tedaviyle ilişkisi (WHO-UMC):</translation>
    </message>
    <message>
        <source>Action taken:</source>
        <translation>Yapılan müdahale:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Sonuç:</translation>
    </message>
    <message>
        <source>Outcome date:</source>
        <translation>Sonuç tarihi:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Not:</translation>
    </message>
</context>
<context>
    <name>AssessmentPage</name>
    <message>
        <source>Run the assessment when the history is complete.</source>
        <translation>Öykü tamamlanınca değerlendirmeyi başlatın.</translation>
    </message>
    <message>
        <source>A urologist runs the assessment when the history is complete.</source>
        <translation>Öykü tamamlanınca değerlendirmeyi bir ürolog yapar.</translation>
    </message>
    <message>
        <source>NOT ASSESSED YET</source>
        <translation>HENÜZ DEĞERLENDİRİLMEDİ</translation>
    </message>
    <message>
        <source>No rule stops this patient.</source>
        <translation>Bu hastayı durduran bir kural yok.</translation>
    </message>
    <message>
        <source>%1 caution(s) to discuss.</source>
        <translation>Hastayla konuşulacak %1 uyarı var.</translation>
    </message>
    <message>
        <source> — RESOLVED: %1</source>
        <translation> — SONUÇLANDI: %1</translation>
    </message>
    <message>
        <source>%1 decided on %2: %3</source>
        <translation>%1, %2 tarihinde karar verdi: %3</translation>
    </message>
    <message>
        <source>A urologist must decide whether to proceed, with a written reason (%1).</source>
        <translation>Devam edilip edilmeyeceğine bir ürolog yazılı gerekçeyle karar vermeli (%1).</translation>
    </message>
    <message>
        <source>A hard stop applies (%1). It cannot be overridden: the data must change.</source>
        <translation>Kesin bir engel var (%1). Bu karar geçersiz kılınamaz; ancak veriler değişirse sonuç değişir.</translation>
    </message>
    <message>
        <source>%1 field(s) missing. Complete the history and run the assessment again; it cannot be overridden.</source>
        <translation>%1 alan eksik. Öyküyü tamamlayıp değerlendirmeyi yeniden yapın; bu sonuç geçersiz kılınamaz.</translation>
    </message>
    <message>
        <source>STALE — was %1</source>
        <translation>GÜNCEL DEĞİL — önceki sonuç: %1</translation>
    </message>
    <message>
        <source>The history changed after this assessment. It cannot lead to a consent; run the assessment again.</source>
        <translation>Bu değerlendirmeden sonra öykü değişti. Bu değerlendirmeyle onama geçilemez; değerlendirmeyi yeniden yapın.</translation>
    </message>
    <message>
        <source>Run assessment</source>
        <translation>Değerlendir</translation>
    </message>
    <message>
        <source>Resolve review…</source>
        <translation>İncelemeyi sonuçlandır…</translation>
    </message>
    <message>
        <source>Export summary (PDF)…</source>
        <translation>Özeti dışa aktar (PDF)…</translation>
    </message>
    <message>
        <source>Missing information</source>
        <translation>Eksik bilgiler</translation>
    </message>
    <message>
        <source>Rules that applied</source>
        <translation>Uygulanan kurallar</translation>
    </message>
    <message>
        <source>Derived values</source>
        <translation>Hesaplanan değerler</translation>
    </message>
    <message>
        <source>Earlier assessments</source>
        <translation>Önceki değerlendirmeler</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>Değerlendirme</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokol</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Onay</translation>
    </message>
    <message>
        <source>%1  (earlier assessment)</source>
        <translation>%1  (önceki değerlendirme)</translation>
    </message>
    <message>
        <source>%1 by %2 (history version %3)</source>
        <translation>%1, %2 (öykü sürümü %3)</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>henüz yapılmadı</translation>
    </message>
    <message>
        <source>%1 version %2</source>
        <translation>%1 sürüm %2</translation>
    </message>
    <message>
        <source>protocol not approved by the clinic: cannot lead to a consent</source>
        <translation>protokol klinik tarafından onaylanmamış: onama geçilemez</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>The protocol has changed since this assessment (now version %1, SHA-256 %2…). Run the assessment again to apply it.</source>
        <translation>Bu değerlendirmeden sonra protokol değişti (şimdiki sürüm %1, SHA-256 %2…). Yeni protokolü uygulamak için değerlendirmeyi yeniden yapın.</translation>
    </message>
    <message>
        <source>Run assessment again</source>
        <translation>Yeniden değerlendir</translation>
    </message>
    <message>
        <source>assessment-summary</source>
        <translation>degerlendirme-ozeti</translation>
    </message>
    <message>
        <source>Export summary (PDF)</source>
        <translation>Özeti dışa aktar (PDF)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF dosyaları (*.pdf)</translation>
    </message>
    <message>
        <source>Summary exported</source>
        <translation>Özet dışa aktarıldı</translation>
    </message>
    <message>
        <source>The summary was saved as %1.</source>
        <translation>Özet %1 olarak kaydedildi.</translation>
    </message>
</context>
<context>
    <name>AttemptsBox</name>
    <message>
        <source>Time</source>
        <translation>Saat</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Soru</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Deneme</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <source>PASSED — all %1 questions answered correctly</source>
        <translation>BAŞARILI — %1 sorunun tümü doğru yanıtlandı</translation>
    </message>
    <message>
        <source>Not passed yet: %1 of %2 answered correctly</source>
        <translation>Henüz tamamlanmadı: %2 sorudan %1 tanesi doğru yanıtlandı</translation>
    </message>
    <message>
        <source>Now asked: %1</source>
        <translation>Şu an sorulan: %1</translation>
    </message>
    <message>
        <source>✓ correct</source>
        <translation>✓ doğru</translation>
    </message>
    <message>
        <source>✗ wrong</source>
        <translation>✗ yanlış</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>created</source>
        <translation>oluşturuldu</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>değiştirildi</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>silindi</translation>
    </message>
    <message>
        <source>viewed</source>
        <translation>görüntülendi</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>oturum açtı</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>oturumu kapattı</translation>
    </message>
    <message>
        <source>signed in, must choose a password</source>
        <translation>oturum açtı, parola seçmesi gerekiyor</translation>
    </message>
    <message>
        <source>sealed</source>
        <translation>mühürlendi</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>imzalandı</translation>
    </message>
    <message>
        <source>withdrawal recorded</source>
        <translation>geri çekme kaydedildi</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>karar verildi</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>yazdırıldı</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>dışa aktarıldı</translation>
    </message>
    <message>
        <source>restored from a backup</source>
        <translation>yedekten geri yüklendi</translation>
    </message>
    <message>
        <source>backed up</source>
        <translation>yedeklendi</translation>
    </message>
    <message>
        <source>history: row added</source>
        <translation>öykü: satır eklendi</translation>
    </message>
    <message>
        <source>history: value changed</source>
        <translation>öykü: değer değiştirildi</translation>
    </message>
    <message>
        <source>history: row removed</source>
        <translation>öykü: satır silindi</translation>
    </message>
    <message>
        <source>case exported</source>
        <translation>vaka dışa aktarıldı</translation>
    </message>
    <message>
        <source>case imported</source>
        <translation>vaka içe aktarıldı</translation>
    </message>
    <message>
        <source>account created</source>
        <translation>hesap oluşturuldu</translation>
    </message>
    <message>
        <source>account edited</source>
        <translation>hesap düzenlendi</translation>
    </message>
    <message>
        <source>account deactivated</source>
        <translation>hesap devre dışı bırakıldı</translation>
    </message>
    <message>
        <source>account reactivated</source>
        <translation>hesap yeniden etkinleştirildi</translation>
    </message>
    <message>
        <source>account locked (failed sign-ins)</source>
        <translation>hesap kilitlendi (başarısız oturum açma)</translation>
    </message>
    <message>
        <source>lockout ended</source>
        <translation>kilitleme kaldırıldı</translation>
    </message>
    <message>
        <source>password changed</source>
        <translation>parola değiştirildi</translation>
    </message>
    <message>
        <source>password change refused</source>
        <translation>parola değişikliği reddedildi</translation>
    </message>
    <message>
        <source>password reset</source>
        <translation>parola sıfırlandı</translation>
    </message>
    <message>
        <source>password hash renewed</source>
        <translation>parola özeti yenilendi</translation>
    </message>
    <message>
        <source>signing PIN set</source>
        <translation>imza PIN kodu belirlendi</translation>
    </message>
    <message>
        <source>signing PIN removed</source>
        <translation>imza PIN kodu kaldırıldı</translation>
    </message>
    <message>
        <source>signing PIN locked</source>
        <translation>imza PIN kodu kilitlendi</translation>
    </message>
    <message>
        <source>audit log viewed</source>
        <translation>denetim kaydı görüntülendi</translation>
    </message>
    <message>
        <source>audit log exported</source>
        <translation>denetim kaydı dışa aktarıldı</translation>
    </message>
    <message>
        <source>backup key created</source>
        <translation>yedek anahtarı oluşturuldu</translation>
    </message>
    <message>
        <source>clinic passphrase changed</source>
        <translation>klinik parola cümlesi değiştirildi</translation>
    </message>
    <message>
        <source>content approved</source>
        <translation>içerik onaylandı</translation>
    </message>
    <message>
        <source>approver&apos;s password confirmed</source>
        <translation>onaylayıcının parolası doğrulandı</translation>
    </message>
    <message>
        <source>named content approver</source>
        <translation>içerik onaylayıcı yapıldı</translation>
    </message>
    <message>
        <source>content approver permission withdrawn</source>
        <translation>içerik onaylama izni geri alındı</translation>
    </message>
    <message>
        <source>programme facts changed</source>
        <translation>program bilgileri değiştirildi</translation>
    </message>
    <message>
        <source>FHIR export</source>
        <translation>FHIR dışa aktarımı</translation>
    </message>
    <message>
        <source>research export</source>
        <translation>araştırma dışa aktarımı</translation>
    </message>
    <message>
        <source>registry report</source>
        <translation>kayıt raporu</translation>
    </message>
    <message>
        <source>recall list viewed</source>
        <translation>geri çağırma listesi görüntülendi</translation>
    </message>
    <message>
        <source>blank consent printed</source>
        <translation>boş onam formu yazdırıldı</translation>
    </message>
    <message>
        <source>information pack printed</source>
        <translation>bilgilendirme paketi yazdırıldı</translation>
    </message>
    <message>
        <source>pseudonym key created</source>
        <translation>takma ad anahtarı oluşturuldu</translation>
    </message>
    <message>
        <source>seal key encrypted</source>
        <translation>mühür anahtarı şifrelendi</translation>
    </message>
    <message>
        <source>seal key moved into the database</source>
        <translation>mühür anahtarı veritabanına taşındı</translation>
    </message>
    <message>
        <source>seal key unlock set</source>
        <translation>mühür anahtarı kilidi ayarlandı</translation>
    </message>
    <message>
        <source>clinic set up</source>
        <translation>klinik kuruldu</translation>
    </message>
    <message>
        <source>signer&apos;s password confirmed</source>
        <translation>imzalayanın parolası doğrulandı</translation>
    </message>
    <message>
        <source>witness confirmed</source>
        <translation>tanık doğrulandı</translation>
    </message>
    <message>
        <source>witness confirmation refused</source>
        <translation>tanık doğrulaması reddedildi</translation>
    </message>
    <message>
        <source>workstation joined</source>
        <translation>iş istasyonu katıldı</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>All users</source>
        <translation>Tüm kullanıcılar</translation>
    </message>
    <message>
        <source>Patient id</source>
        <translation>Hasta iç no</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Tüm işlemler</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Göster</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV olarak dışa aktar…</translation>
    </message>
    <message>
        <source>◀ Newer</source>
        <translation>◀ Daha yeni</translation>
    </message>
    <message>
        <source>Older ▶</source>
        <translation>Daha eski ▶</translation>
    </message>
    <message>
        <source>to</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Denetim kaydını dışa aktar</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV dosyaları (*.csv)</translation>
    </message>
    <message>
        <source>The patient id is a number.</source>
        <translation>Hasta no bir sayı olmalıdır.</translation>
    </message>
    <message>
        <source>Loading audit…</source>
        <translation>Denetim kaydı yükleniyor…</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>%1–%2 / %3</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Dışa aktarılıyor…</translation>
    </message>
    <message>
        <source>Audit exported</source>
        <translation>Denetim kaydı dışa aktarıldı</translation>
    </message>
    <message>
        <source>%1 entries written to %2.</source>
        <translation>%1 kayıt %2 dosyasına yazıldı.</translation>
    </message>
</context>
<context>
    <name>AuditRecords</name>
    <message>
        <source>account permission</source>
        <translation>hesap izni</translation>
    </message>
    <message>
        <source>adverse event</source>
        <translation>advers olay</translation>
    </message>
    <message>
        <source>adverse event follow-up</source>
        <translation>advers olay izlemi</translation>
    </message>
    <message>
        <source>user account</source>
        <translation>kullanıcı hesabı</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>değerlendirme</translation>
    </message>
    <message>
        <source>review decision</source>
        <translation>inceleme kararı</translation>
    </message>
    <message>
        <source>audit log</source>
        <translation>denetim kaydı</translation>
    </message>
    <message>
        <source>clinic</source>
        <translation>klinik</translation>
    </message>
    <message>
        <source>clinic logo</source>
        <translation>klinik logosu</translation>
    </message>
    <message>
        <source>clinic key</source>
        <translation>klinik anahtarı</translation>
    </message>
    <message>
        <source>comprehension answer</source>
        <translation>anlama kontrolü yanıtı</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>onam</translation>
    </message>
    <message>
        <source>optional choice</source>
        <translation>isteğe bağlı seçim</translation>
    </message>
    <message>
        <source>consent document</source>
        <translation>onam belgesi</translation>
    </message>
    <message>
        <source>signing evidence</source>
        <translation>imza kanıtı</translation>
    </message>
    <message>
        <source>consent list</source>
        <translation>onam listesi</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>imza</translation>
    </message>
    <message>
        <source>consent withdrawal</source>
        <translation>onamın geri çekilmesi</translation>
    </message>
    <message>
        <source>content approval</source>
        <translation>içerik onayı</translation>
    </message>
    <message>
        <source>database</source>
        <translation>veritabanı</translation>
    </message>
    <message>
        <source>discharge sheet</source>
        <translation>taburcu belgesi</translation>
    </message>
    <message>
        <source>who was present</source>
        <translation>görüşmede bulunanlar</translation>
    </message>
    <message>
        <source>patient&apos;s question</source>
        <translation>hastanın sorusu</translation>
    </message>
    <message>
        <source>explanation section</source>
        <translation>bilgilendirme bölümü</translation>
    </message>
    <message>
        <source>explanation</source>
        <translation>bilgilendirme</translation>
    </message>
    <message>
        <source>export</source>
        <translation>dışa aktarım</translation>
    </message>
    <message>
        <source>reminder letter</source>
        <translation>hatırlatma mektubu</translation>
    </message>
    <message>
        <source>follow-up status</source>
        <translation>izlem durumu</translation>
    </message>
    <message>
        <source>follow-up visit</source>
        <translation>kontrol</translation>
    </message>
    <message>
        <source>history draft</source>
        <translation>öykü taslağı</translation>
    </message>
    <message>
        <source>history</source>
        <translation>öykü</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>print record</source>
        <translation>baskı kaydı</translation>
    </message>
    <message>
        <source>checklist answer</source>
        <translation>kontrol listesi yanıtı</translation>
    </message>
    <message>
        <source>checklist decision</source>
        <translation>kontrol listesi kararı</translation>
    </message>
    <message>
        <source>procedure note</source>
        <translation>işlem notu</translation>
    </message>
    <message>
        <source>planned procedure</source>
        <translation>planlanan işlem</translation>
    </message>
    <message>
        <source>procedure record</source>
        <translation>işlem kaydı</translation>
    </message>
    <message>
        <source>product lot</source>
        <translation>ürün partisi</translation>
    </message>
    <message>
        <source>lot certificate</source>
        <translation>parti sertifikası</translation>
    </message>
    <message>
        <source>lot event</source>
        <translation>parti olayı</translation>
    </message>
    <message>
        <source>programme facts</source>
        <translation>program bilgileri</translation>
    </message>
    <message>
        <source>registry report</source>
        <translation>kayıt raporu</translation>
    </message>
    <message>
        <source>serious adverse event report</source>
        <translation>ciddi advers olay bildirimi</translation>
    </message>
    <message>
        <source>report sending</source>
        <translation>bildirim gönderimi</translation>
    </message>
    <message>
        <source>seal key</source>
        <translation>mühür anahtarı</translation>
    </message>
    <message>
        <source>seal key unlock</source>
        <translation>mühür anahtarı kilidi</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>ayar</translation>
    </message>
    <message>
        <source>signing PIN</source>
        <translation>imza PIN kodu</translation>
    </message>
    <message>
        <source>teach-back</source>
        <translation>geri anlatım</translation>
    </message>
    <message>
        <source>integrity checkpoint</source>
        <translation>bütünlük denetim noktası</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>When (%1)</source>
        <translation>Zaman (%1)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Kullanıcı</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>İşlem</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Kayıt</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Ayrıntı</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>A backup is one encrypted file holding the whole clinic (records, keys, forms, logo), checked before it is reported as made; the clinic passphrase opens it. ExoConsult also backs up automatically at the first start of each day and keeps the last 14.</source>
        <translation>Bir yedek, kliniğin tamamını (kayıtlar, anahtarlar, formlar, logo) tutan tek bir şifreli dosyadır; alındı olarak bildirilmeden önce denetlenir ve klinik parola cümlesiyle açılır. ExoConsult ayrıca her günün ilk açılışında otomatik yedek alır ve son 14 yedeği saklar.</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>Şimdi yedekle…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>Dosyadan geri yükle…</translation>
    </message>
    <message>
        <source>Automatic backup</source>
        <translation>Otomatik yedek</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Boyut</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Klasör</translation>
    </message>
    <message>
        <source>ExoConsult backups (exoconsult-backup-*.exobackup)</source>
        <translation>ExoConsult yedekleri (exoconsult-backup-*.exobackup)</translation>
    </message>
    <message>
        <source>Backup written, encrypted and checked: %1
SHA-256 %2</source>
        <translation>Yedek yazıldı, şifrelendi ve denetlendi: %1
SHA-256 %2</translation>
    </message>
    <message>
        <source>Reading the backup…</source>
        <translation>Yedek okunuyor…</translation>
    </message>
    <message>
        <source>%1 was restored from %2. What it replaced was kept in %3. Sign in again.</source>
        <translation>%1, %2 dosyasından geri yüklendi. Yerine geçtiği veriler %3 klasöründe saklandı. Yeniden oturum açın.</translation>
    </message>
    <message>
        <source>Restore selected…</source>
        <translation>Seçileni geri yükle…</translation>
    </message>
    <message>
        <source>Change the clinic passphrase…</source>
        <translation>Klinik parolasını değiştir…</translation>
    </message>
    <message>
        <source>Back up into which folder?</source>
        <translation>Hangi klasöre yedeklensin?</translation>
    </message>
    <message>
        <source>Backup to restore</source>
        <translation>Geri yüklenecek yedek</translation>
    </message>
    <message>
        <source>Listing backups…</source>
        <translation>Yedekler listeleniyor…</translation>
    </message>
    <message>
        <source>No automatic backup yet.</source>
        <translation>Henüz otomatik yedek yok.</translation>
    </message>
    <message>
        <source>The list of automatic backups could not be read. Check that the data folder&apos;s backups folder can be read, then reopen this page.</source>
        <translation>Otomatik yedeklerin listesi okunamadı. Veri klasöründeki backups klasörünün okunabildiğini denetleyin, sonra bu sayfayı yeniden açın.</translation>
    </message>
    <message>
        <source>Backing up and checking the copy…</source>
        <translation>Yedekleniyor ve kopya denetleniyor…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Yedekleniyor…</translation>
    </message>
    <message>
        <source>The backup was not made.</source>
        <translation>Yedek alınamadı.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Geri yükleniyor…</translation>
    </message>
    <message>
        <source>(there was none)</source>
        <translation>(yoktu)</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Yedek geri yüklendi</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change the clinic passphrase</source>
        <translation>Klinik parolasını değiştir</translation>
    </message>
    <message>
        <source>The clinic passphrase opens backups and lets an administrator give a urologist his key. After the change, backups made before still open only with the OLD passphrase: keep it with them.</source>
        <translation>Klinik parolası yedekleri açar ve yöneticinin bir ürologa anahtarını vermesini sağlar. Değişiklikten sonra, önceden alınmış yedekler yalnızca ESKİ parolayla açılır: eski parolayı o yedeklerle birlikte saklayın.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Mevcut parola</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Yeni parola</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Yeni parola (tekrar)</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Parolayı değiştir</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>Girilen iki yeni parola farklı.</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Parola değiştiriliyor…</translation>
    </message>
    <message>
        <source>Clinic passphrase changed</source>
        <translation>Klinik parolası değiştirildi</translation>
    </message>
    <message>
        <source>The clinic passphrase is changed. Backups made before today still open only with the OLD passphrase: keep it with them, or make a new backup now.</source>
        <translation>Klinik parolası değiştirildi. Bugünden önce alınmış yedekler yalnızca ESKİ parolayla açılır: eski parolayı o yedeklerle birlikte saklayın ya da şimdi yeni bir yedek alın.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Changing password…</source>
        <translation>Parola değiştiriliyor…</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Parola değiştirildi</translation>
    </message>
    <message>
        <source>Your new password is in use from now on.</source>
        <translation>Yeni parolanız bundan sonra geçerlidir.</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <source>Before anaesthesia</source>
        <translation>Anestezi öncesi</translation>
    </message>
    <message>
        <source>Time-out (before the first needle)</source>
        <translation>İşlem öncesi mola (ilk iğneden önce)</translation>
    </message>
    <message>
        <source>Sign-out (before the patient leaves)</source>
        <translation>Çıkış (hasta ayrılmadan önce)</translation>
    </message>
    <message>
        <source>Identity confirmed by two identifiers: the patient says his full name and date of birth</source>
        <translation>Kimlik iki tanımlayıcıyla doğrulandı: hasta adını soyadını ve doğum tarihini kendisi söyledi</translation>
    </message>
    <message>
        <source>The consent is valid today (signed, not withdrawn, not expired, not superseded)</source>
        <translation>Onam bugün geçerli (imzalı, geri çekilmemiş, süresi dolmamış, yerine yenisi gelmemiş)</translation>
    </message>
    <message>
        <source>The eligibility assessment behind the consent is current (history unchanged since)</source>
        <translation>Onamın dayandığı uygunluk değerlendirmesi güncel (o zamandan beri öykü değişmedi)</translation>
    </message>
    <message>
        <source>Asked about local-anaesthetic allergy: none</source>
        <translation>Lokal anestezik alerjisi soruldu: yok</translation>
    </message>
    <message>
        <source>Antithrombotic plan followed</source>
        <translation>Antitrombotik tedavi planına uyuldu</translation>
    </message>
    <message>
        <source>paused since … / continued as planned / takes none</source>
        <translation>… tarihinden beri kesildi / planlandığı gibi sürdürüldü / kullanmıyor</translation>
    </message>
    <message>
        <source>No fever and no genital infection today</source>
        <translation>Bugün ateş ve genital enfeksiyon yok</translation>
    </message>
    <message>
        <source>Product lot chosen: released, not expired, stored within range</source>
        <translation>Ürün partisi seçildi: kullanıma açılmış, son kullanma tarihi geçmemiş, uygun sıcaklık aralığında saklanmış</translation>
    </message>
    <message>
        <source>Read aloud: patient, procedure, both testes, product, lot and dose per testis</source>
        <translation>Yüksek sesle okundu: hasta, işlem, her iki testis, ürün, parti ve testis başına doz</translation>
    </message>
    <message>
        <source>Nothing unexpected (or it has been discussed)</source>
        <translation>Beklenmedik bir durum yok (ya da konuşuldu)</translation>
    </message>
    <message>
        <source>Volume given into each testis recorded</source>
        <translation>Her testise verilen hacim kaydedildi</translation>
    </message>
    <message>
        <source>Complications during the procedure recorded (or none)</source>
        <translation>İşlem sırasındaki komplikasyonlar kaydedildi (ya da yok)</translation>
    </message>
    <message>
        <source>Pain score asked</source>
        <translation>Ağrı skoru soruldu</translation>
    </message>
    <message>
        <source>Scrotum checked: no haematoma</source>
        <translation>Skrotum kontrol edildi: hematom yok</translation>
    </message>
    <message>
        <source>Discharge instructions given in the patient&apos;s language</source>
        <translation>Taburcu talimatları hastanın dilinde verildi</translation>
    </message>
    <message>
        <source>Complication telephone line given</source>
        <translation>Komplikasyon telefon hattı bildirildi</translation>
    </message>
    <message>
        <source>First follow-up booked</source>
        <translation>İlk kontrol randevusu verildi</translation>
    </message>
    <message>
        <source>date of the first follow-up</source>
        <translation>ilk kontrolün tarihi</translation>
    </message>
</context>
<context>
    <name>ClinicianHome</name>
    <message>
        <source>Find a patient on the left, or register a new one (Ctrl+N).</source>
        <translation>Soldaki listeden bir hasta bulun ya da yeni hasta kaydedin (Ctrl+N).</translation>
    </message>
    <message>
        <source>Opening patient…</source>
        <translation>Hasta açılıyor…</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <source>Preview the document</source>
        <translation>Belgeyi önizle</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>İmzala…</translation>
    </message>
    <message>
        <source>Verify a document…</source>
        <translation>Belge doğrula…</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>İmzalandı</translation>
    </message>
    <message>
        <source>WITHDRAWN</source>
        <translation>GERİ ÇEKİLDİ</translation>
    </message>
    <message>
        <source>EXPIRED – renew before the procedure</source>
        <translation>SÜRESİ DOLDU – işlemden önce yenileyin</translation>
    </message>
    <message>
        <source>SUPERSEDED – new text version, re-consent needed</source>
        <translation>YERİNE YENİSİ GELDİ – yeni metin sürümü, yeniden onam gerekli</translation>
    </message>
    <message>
        <source>VALID – consent signed on %1. View the sealed original, print copies or record a withdrawal below.</source>
        <translation>GEÇERLİ – onam %1 tarihinde imzalandı. Mühürlü asılı aşağıdan görüntüleyebilir, kopya basabilir ya da geri çekmeyi kaydedebilirsiniz.</translation>
    </message>
    <message>
        <source>WITHDRAWN – the consent signed on %1 was withdrawn. Treatment needs a new consent (Re-consent).</source>
        <translation>GERİ ÇEKİLDİ – %1 tarihinde imzalanan onam geri çekildi. Tedavi için yeni bir onam gerekir (Yeniden onam).</translation>
    </message>
    <message>
        <source>EXPIRED – the consent signed on %1 has expired. Re-consent before the procedure.</source>
        <translation>SÜRESİ DOLDU – %1 tarihinde imzalanan onamın süresi doldu. İşlemden önce yeniden onam alın.</translation>
    </message>
    <message>
        <source>SUPERSEDED – the consent signed on %1 used an earlier text version. Re-consent with the new text.</source>
        <translation>YERİNE YENİSİ GELDİ – %1 tarihinde imzalanan onam eski bir metin sürümüyle alındı. Yeni metinle yeniden onam alın.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Dil</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Sürüm</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Document id</source>
        <translation>Belge no</translation>
    </message>
    <message>
        <source>View sealed original</source>
        <translation>Mühürlü asılı görüntüle</translation>
    </message>
    <message>
        <source>Record withdrawal…</source>
        <translation>Geri çekmeyi kaydet…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Yazdır…</translation>
    </message>
    <message>
        <source>Consent language:</source>
        <translation>Onam dili:</translation>
    </message>
    <message>
        <source>Consents of this patient</source>
        <translation>Bu hastanın onamları</translation>
    </message>
    <message>
        <source>Checking the gates…</source>
        <translation>Koşullar denetleniyor…</translation>
    </message>
    <message>
        <source>This consent text (version %1) is not approved by the clinic: it can be previewed, with DRAFT on every page, but not signed.</source>
        <translation>Bu onam metni (sürüm %1) klinik tarafından onaylanmamış: her sayfasında TASLAK yazısıyla önizlenebilir, ancak imzalanamaz.</translation>
    </message>
    <message>
        <source>All gates are open: the consent can be signed.</source>
        <translation>Tüm koşullar sağlandı: onam imzalanabilir.</translation>
    </message>
    <message>
        <source>The consent cannot be signed until every gate is open.</source>
        <translation>Tüm koşullar sağlanmadan onam imzalanamaz.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>yok</translation>
    </message>
    <message>
        <source>Re-consent: compared with the consent signed on text version %1, these parts changed and must be gone through again with the patient: %2</source>
        <translation>Yeniden onam: %1 metin sürümüyle imzalanan onama göre şu bölümler değişti ve hastayla yeniden gözden geçirilmelidir: %2</translation>
    </message>
    <message>
        <source>Re-consent…</source>
        <translation>Yeniden onam…</translation>
    </message>
    <message>
        <source>A new signature is offered (as Re-consent) once this consent has expired, been superseded by a new text version or been withdrawn.</source>
        <translation>Bu onamın süresi dolduğunda, yerine yeni bir metin sürümü geldiğinde ya da onam geri çekildiğinde yeni imza (Yeniden onam olarak) sunulur.</translation>
    </message>
    <message>
        <source>Could not load the consent stage: %1</source>
        <translation>Onam aşaması yüklenemedi: %1</translation>
    </message>
    <message>
        <source>Only the treating urologist signs as clinician.</source>
        <translation>Hekim olarak yalnızca tedaviyi yapan ürolog imzalar.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Önizleme hazırlanıyor…</translation>
    </message>
    <message>
        <source>Consent preview (not signed)</source>
        <translation>Onam önizlemesi (imzalanmamış)</translation>
    </message>
    <message>
        <source>This is a re-consent: the patient signs a new consent; the earlier consents stay in the record with their status.</source>
        <translation>Bu bir yeniden onamdır: hasta yeni bir onam imzalar; önceki onamlar durumlarıyla birlikte kayıtta kalır.</translation>
    </message>
    <message>
        <source>Warning: a consent signed on %1 is still valid. Record its withdrawal first unless the patient is to hold two valid consents.</source>
        <translation>Uyarı: %1 tarihinde imzalanan onam hâlâ geçerli. Hastanın iki geçerli onamı olması istenmiyorsa önce onun geri çekilmesini kaydedin.</translation>
    </message>
    <message>
        <source>Re-consent</source>
        <translation>Yeniden onam</translation>
    </message>
    <message>
        <source>Signing and sealing…</source>
        <translation>İmzalanıyor ve mühürleniyor…</translation>
    </message>
    <message>
        <source>Consent signed and sealed – document %1</source>
        <translation>Onam imzalandı ve mühürlendi – belge %1</translation>
    </message>
    <message>
        <source>Sealed original</source>
        <translation>Mühürlü asıl</translation>
    </message>
    <message>
        <source>Recording the withdrawal…</source>
        <translation>Geri çekme kaydediliyor…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Yazdır</translation>
    </message>
    <message>
        <source>Choose a consent in the list first.</source>
        <translation>Önce listeden bir onam seçin.</translation>
    </message>
    <message>
        <source>consent of %1</source>
        <translation>%1 tarihli onam</translation>
    </message>
</context>
<context>
    <name>ConsultationWorkspace</name>
    <message>
        <source>Loading patient…</source>
        <translation>Hasta yükleniyor…</translation>
    </message>
</context>
<context>
    <name>ContentReviewDialog</name>
    <message>
        <source>Review and approve clinical content</source>
        <translation>Klinik içeriği incele ve onayla</translation>
    </message>
    <message>
        <source>Content files</source>
        <translation>İçerik dosyaları</translation>
    </message>
    <message>
        <source>As the reader will see it</source>
        <translation>Okuyanın göreceği biçimde</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Değişiklikler</translation>
    </message>
    <message>
        <source>Your password, to approve as yourself</source>
        <translation>Kendi adınıza onaylamak için parolanız</translation>
    </message>
    <message>
        <source>Approve exactly this text</source>
        <translation>Tam olarak bu metni onayla</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Parola:</translation>
    </message>
    <message>
        <source>Reading the clinic&apos;s content…</source>
        <translation>Kliniğin içeriği okunuyor…</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>onaylı</translation>
    </message>
    <message>
        <source>CHANGED since approved</source>
        <translation>onaydan sonra DEĞİŞTİ</translation>
    </message>
    <message>
        <source>not approved</source>
        <translation>onaylanmadı</translation>
    </message>
    <message>
        <source>eligibility protocol</source>
        <translation>uygunluk protokolü</translation>
    </message>
    <message>
        <source>explanation</source>
        <translation>bilgilendirme metni</translation>
    </message>
    <message>
        <source>comprehension check</source>
        <translation>anlama kontrolü</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>onam formu</translation>
    </message>
    <message>
        <source>withdrawal form</source>
        <translation>geri çekilme formu</translation>
    </message>
    <message>
        <source>follow-up schedule</source>
        <translation>izlem takvimi</translation>
    </message>
    <message>
        <source>Eligibility protocol %1</source>
        <translation>Uygunluk protokolü %1</translation>
    </message>
    <message>
        <source>Follow-up schedule %1</source>
        <translation>İzlem takvimi %1</translation>
    </message>
    <message>
        <source>Cannot be loaded: %1</source>
        <translation>Yüklenemiyor: %1</translation>
    </message>
    <message>
        <source>Approved by %1 on %2.</source>
        <translation>%2 tarihinde %1 tarafından onaylandı.</translation>
    </message>
    <message>
        <source>Changed since its approval by %1 on %2, version %3 unchanged: the approval is void.</source>
        <translation>%2 tarihinde %1 tarafından onaylandıktan sonra değiştirilmiş, sürüm %3 aynı kalmış: onay geçersiz.</translation>
    </message>
    <message>
        <source>Not approved by the clinic; version %1 was approved by %2 on %3.</source>
        <translation>Klinikçe onaylanmadı; %1 sürümü %3 tarihinde %2 tarafından onaylanmıştı.</translation>
    </message>
    <message>
        <source>Not approved by the clinic.</source>
        <translation>Klinikçe onaylanmadı.</translation>
    </message>
    <message>
        <source>all languages</source>
        <translation>tüm diller</translation>
    </message>
    <message>
        <source>%1 (%2, version %3)</source>
        <translation>%1 (%2, sürüm %3)</translation>
    </message>
    <message>
        <source>Only a urologist whom the admin named content approver can review the full text and approve it.</source>
        <translation>Metnin tamamını yalnızca yöneticinin içerik onaylayıcısı olarak atadığı bir üroloji uzmanı inceleyip onaylayabilir.</translation>
    </message>
    <message>
        <source>Opening the text…</source>
        <translation>Metin açılıyor…</translation>
    </message>
    <message>
        <source>This file cannot be loaded, so it cannot be approved: run forms lint.</source>
        <translation>Bu dosya yüklenemiyor, bu yüzden onaylanamaz: forms lint çalıştırın.</translation>
    </message>
    <message>
        <source>Changed without a new version: the author gives it a new version before it can be approved.</source>
        <translation>Yeni sürüm numarası verilmeden değiştirilmiş: onaylanabilmesi için önce yazarı yeni bir sürüm numarası vermelidir.</translation>
    </message>
    <message>
        <source>Approving records your name, the time and the SHA-256 above; any later change to the file voids the approval.</source>
        <translation>Onay; adınızı, zamanı ve yukarıdaki SHA-256 değerini kaydeder; dosyada sonradan yapılan her değişiklik onayı geçersiz kılar.</translation>
    </message>
    <message>
        <source>No earlier approved version to compare with.</source>
        <translation>Karşılaştırılacak daha önce onaylanmış bir sürüm yok.</translation>
    </message>
    <message>
        <source>No difference.</source>
        <translation>Fark yok.</translation>
    </message>
    <message>
        <source>Changes since approved version %1</source>
        <translation>Onaylı %1 sürümünden bu yana değişiklikler</translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation>Onaylanıyor…</translation>
    </message>
    <message>
        <source>Approved: %1</source>
        <translation>Onaylandı: %1</translation>
    </message>
</context>
<context>
    <name>DeadlinesPanel</name>
    <message>
        <source>Due</source>
        <translation>Son tarih</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>Hasta no</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Olay</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Gün</translation>
    </message>
    <message>
        <source>Report still owed to</source>
        <translation>Henüz bildirim yapılmamış yer</translation>
    </message>
    <message>
        <source>Serious adverse events: reports due</source>
        <translation>Ciddi advers olaylar: süresi gelen bildirimler</translation>
    </message>
    <message>
        <source>Loading adverse events…</source>
        <translation>Advers olaylar yükleniyor…</translation>
    </message>
    <message>
        <source>Serious adverse events: reports due (%1)</source>
        <translation>Ciddi advers olaylar: süresi gelen bildirimler (%1)</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>%1 gün gecikmiş</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>%1 gün kaldı</translation>
    </message>
    <message>
        <source>%1-day rule</source>
        <translation>%1 gün kuralı</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <source>Decide on a “no”</source>
        <translation>“Hayır” yanıtı için karar verin</translation>
    </message>
    <message>
        <source>The reason for your decision (required)</source>
        <translation>Kararınızın gerekçesi (zorunlu)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Devam et</translation>
    </message>
    <message>
        <source>Stop the procedure</source>
        <translation>İşlemi durdur</translation>
    </message>
    <message>
        <source>Answered no: %1</source>
        <translation>“Hayır” yanıtı verildi: %1</translation>
    </message>
</context>
<context>
    <name>DischargeSheetDialog</name>
    <message>
        <source>Discharge sheet</source>
        <translation>Taburcu belgesi</translation>
    </message>
</context>
<context>
    <name>EarlierAssessmentsView</name>
    <message>
        <source>STALE</source>
        <translation>GÜNCEL DEĞİL</translation>
    </message>
    <message>
        <source>current</source>
        <translation>güncel</translation>
    </message>
    <message>
        <source>resolved: %1</source>
        <translation>sonuçlandı: %1</translation>
    </message>
    <message>
        <source>re-assessed after protocol change</source>
        <translation>protokol değişikliğinden sonra yeniden değerlendirildi</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Karar</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokol</translation>
    </message>
    <message>
        <source>Run at (%1)</source>
        <translation>Çalıştırılma zamanı (%1)</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Yapan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
</context>
<context>
    <name>ExplanationConsole</name>
    <message>
        <source>Choose the language of the explanation…</source>
        <translation>Bilgilendirmenin dilini seçin…</translation>
    </message>
    <message>
        <source>Start explanation</source>
        <translation>Bilgilendirmeyi başlat</translation>
    </message>
    <message>
        <source>Read-only: a urologist delivers the explanation. You can print the information pack.</source>
        <translation>Salt okunur: bilgilendirmeyi bir ürolog yapar. Bilgilendirme paketini yazdırabilirsiniz.</translation>
    </message>
    <message>
        <source>Open patient window</source>
        <translation>Hasta penceresini aç</translation>
    </message>
    <message>
        <source>Show on screen 2</source>
        <translation>2. ekranda göster</translation>
    </message>
    <message>
        <source>Start comprehension check</source>
        <translation>Anlama kontrolünü başlat</translation>
    </message>
    <message>
        <source>Print information pack…</source>
        <translation>Bilgilendirme paketini yazdır…</translation>
    </message>
    <message>
        <source>Language of this explanation:</source>
        <translation>Bu bilgilendirmenin dili:</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bölümler</translation>
    </message>
    <message>
        <source>Shorten for this consultation…</source>
        <translation>Bu görüşme için kısalt…</translation>
    </message>
    <message>
        <source>Check answers</source>
        <translation>Kontrol yanıtları</translation>
    </message>
    <message>
        <source>Teach-back</source>
        <translation>Geri anlatım</translation>
    </message>
    <message>
        <source>Patient&apos;s questions</source>
        <translation>Hastanın soruları</translation>
    </message>
    <message>
        <source>Interpreter / witness</source>
        <translation>Tercüman / tanık</translation>
    </message>
    <message>
        <source>The patient&apos;s language (%1) has no explanation text: explain in English or Turkish, with an interpreter.</source>
        <translation>Hastanın dilinde (%1) bilgilendirme metni yok: tercüman eşliğinde İngilizce ya da Türkçe anlatın.</translation>
    </message>
    <message>
        <source>This is not the patient&apos;s preferred language (%1).</source>
        <translation>Bu, hastanın tercih ettiği dil (%1) değil.</translation>
    </message>
    <message>
        <source>It differs from the clinician&apos;s working language, so an interpreter must be recorded.</source>
        <translation>Hekimin çalışma dilinden farklı olduğu için bir tercüman kaydedilmelidir.</translation>
    </message>
    <message>
        <source>The patient asked for an interpreter.</source>
        <translation>Hasta tercüman istedi.</translation>
    </message>
    <message>
        <source>Mark every section discussed first.</source>
        <translation>Önce her bölümü görüşüldü olarak işaretleyin.</translation>
    </message>
    <message>
        <source>Choose the language of the explanation to see the gates.</source>
        <translation>Koşulları görmek için bilgilendirmenin dilini seçin.</translation>
    </message>
    <message>
        <source>No explanation in this language yet.</source>
        <translation>Bu dilde henüz bilgilendirme yapılmadı.</translation>
    </message>
    <message>
        <source>Choose the language first.</source>
        <translation>Önce dili seçin.</translation>
    </message>
    <message>
        <source>Choose the language of this explanation, then press “Start explanation”.</source>
        <translation>Bu bilgilendirmenin dilini seçin, ardından “Bilgilendirmeyi başlat” düğmesine basın.</translation>
    </message>
    <message>
        <source>A urologist has not started the explanation in this language.</source>
        <translation>Bu dilde bilgilendirmeyi henüz bir ürolog başlatmadı.</translation>
    </message>
    <message>
        <source>Reflection period: %1 day(s) after the explanation is complete.</source>
        <translation>Düşünme süresi: bilgilendirme tamamlandıktan sonra %1 gün.</translation>
    </message>
    <message>
        <source>approved text</source>
        <translation>onaylı metin</translation>
    </message>
    <message>
        <source>DRAFT text (not approved)</source>
        <translation>TASLAK metin (onaylanmamış)</translation>
    </message>
    <message>
        <source>Started %1 · text %2, %3 · %4 of %5 sections discussed</source>
        <translation>Başlangıç %1 · metin %2, %3 · %5 bölümden %4 tanesi görüşüldü</translation>
    </message>
    <message>
        <source>Sections — %1 of %2 discussed</source>
        <translation>Bölümler — %2 bölümden %1 tanesi görüşüldü</translation>
    </message>
    <message>
        <source>Reflection period: %1 day(s)</source>
        <translation>Düşünme süresi: %1 gün</translation>
    </message>
    <message>
        <source> (shortened from %1: %2)</source>
        <translation> (%1 günden kısaltıldı: %2)</translation>
    </message>
    <message>
        <source> — starts when every section is discussed and the check is passed.</source>
        <translation> — her bölüm görüşülüp anlama kontrolü başarıyla tamamlanınca başlar.</translation>
    </message>
    <message>
        <source> — ends %1 (%2).</source>
        <translation> — bitişi %1 (%2).</translation>
    </message>
</context>
<context>
    <name>ExplanationController</name>
    <message>
        <source>Reading clinic settings…</source>
        <translation>Klinik ayarları okunuyor…</translation>
    </message>
    <message>
        <source>Loading the explanation…</source>
        <translation>Bilgilendirme yükleniyor…</translation>
    </message>
    <message>
        <source>Preparing the presentation…</source>
        <translation>Sunum hazırlanıyor…</translation>
    </message>
    <message>
        <source>Starting the explanation…</source>
        <translation>Bilgilendirme başlatılıyor…</translation>
    </message>
    <message>
        <source>Recording the section shown…</source>
        <translation>Gösterilen bölüm kaydediliyor…</translation>
    </message>
    <message>
        <source>Recording the discussion…</source>
        <translation>Görüşme kaydediliyor…</translation>
    </message>
    <message>
        <source>Saving notes…</source>
        <translation>Notlar kaydediliyor…</translation>
    </message>
    <message>
        <source>Recording the patient&apos;s question…</source>
        <translation>Hastanın sorusu kaydediliyor…</translation>
    </message>
    <message>
        <source>Recording who is present…</source>
        <translation>Bulunan kişiler kaydediliyor…</translation>
    </message>
    <message>
        <source>Recording the teach-back…</source>
        <translation>Geri anlatım kaydediliyor…</translation>
    </message>
    <message>
        <source>Shortening the reflection period…</source>
        <translation>Düşünme süresi kısaltılıyor…</translation>
    </message>
    <message>
        <source>Recording the answer…</source>
        <translation>Yanıt kaydediliyor…</translation>
    </message>
    <message>
        <source>Preparing the information pack…</source>
        <translation>Bilgilendirme paketi hazırlanıyor…</translation>
    </message>
    <message>
        <source>Writing the information pack…</source>
        <translation>Bilgilendirme paketi yazılıyor…</translation>
    </message>
</context>
<context>
    <name>ExplanationNames</name>
    <message>
        <source>Eligibility</source>
        <translation>Uygunluk</translation>
    </message>
    <message>
        <source>All sections discussed</source>
        <translation>Tüm bölümler görüşüldü</translation>
    </message>
    <message>
        <source>Comprehension check</source>
        <translation>Anlama kontrolü</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Tercüman</translation>
    </message>
    <message>
        <source>Reflection period</source>
        <translation>Düşünme süresi</translation>
    </message>
    <message>
        <source>Protocol and texts approved by the clinic</source>
        <translation>Protokol ve metinler klinikçe onaylı</translation>
    </message>
    <message>
        <source>Teach-back of the five key points</source>
        <translation>Beş ana noktanın geri anlatımı</translation>
    </message>
    <message>
        <source>Programme facts recorded</source>
        <translation>Program bilgileri kayıtlı</translation>
    </message>
    <message>
        <source>Experimental status</source>
        <translation>Deneysel olması</translation>
    </message>
    <message>
        <source>No guarantee</source>
        <translation>Garanti olmaması</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>Diğer seçenekler</translation>
    </message>
    <message>
        <source>Right to withdraw</source>
        <translation>Vazgeçme hakkı</translation>
    </message>
    <message>
        <source>What to do about a complication</source>
        <translation>Komplikasyon olursa ne yapılacağı</translation>
    </message>
    <message>
        <source>Effects on a future child</source>
        <translation>İleride doğacak çocuğa etkileri</translation>
    </message>
    <message>
        <source>Restated correctly</source>
        <translation>Doğru yeniden anlattı</translation>
    </message>
    <message>
        <source>Re-explained</source>
        <translation>Yeniden açıklandı</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>A new or empty folder</source>
        <translation>Yeni ya da boş bir klasör</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Seç…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Klasör</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Dışa aktar</translation>
    </message>
    <message>
        <source>Export into which folder?</source>
        <translation>Hangi klasöre aktarılsın?</translation>
    </message>
    <message>
        <source>Choose a folder first.</source>
        <translation>Önce bir klasör seçin.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Dışa aktarılıyor…</translation>
    </message>
</context>
<context>
    <name>FhirExportDialog</name>
    <message>
        <source>FHIR export (identified)</source>
        <translation>FHIR aktarımı (kimlikli)</translation>
    </message>
    <message>
        <source>One FHIR R4 file per patient with his identity, consents (with the signed PDFs), history, results and procedures: for a hospital taking over his care. Each file is recorded in the audit log.</source>
        <translation>Her hasta için kimliği, onamları (imzalı PDF&apos;leriyle), öyküsü, sonuçları ve işlemleriyle bir FHIR R4 dosyası: bakımını devralan bir hastane için. Her dosya denetim kaydına yazılır.</translation>
    </message>
    <message>
        <source>Every patient</source>
        <translation>Tüm hastalar</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>Protokol no</translation>
    </message>
    <message>
        <source>Type the patient&apos;s MRN, or tick every patient.</source>
        <translation>Hastanın protokol numarasını yazın ya da tüm hastaları işaretleyin.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Dışa aktarılıyor…</translation>
    </message>
    <message>
        <source>Wrote %1 FHIR file(s) into %2.</source>
        <translation>%2 klasörüne %1 FHIR dosyası yazıldı.</translation>
    </message>
</context>
<context>
    <name>FiredRulesView</name>
    <message>
        <source>No rule applied.</source>
        <translation>Hiçbir kural uygulanmadı.</translation>
    </message>
    <message>
        <source>The rule&apos;s code in the clinic&apos;s protocol and on the printed assessment</source>
        <translation>Kuralın kliniğin protokolündeki ve basılı değerlendirmedeki kodu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Yapılacak</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kaynak</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up – %1</source>
        <translation>İzlem bilgisi – %1</translation>
    </message>
    <message>
        <source>Add the follow-up</source>
        <translation>İzlem bilgisini ekle</translation>
    </message>
</context>
<context>
    <name>Followup</name>
    <message>
        <source>upcoming</source>
        <translation>yaklaşan</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>zamanı geldi</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>GECİKMİŞ</translation>
    </message>
    <message>
        <source>done</source>
        <translation>yapıldı</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>kaçırıldı</translation>
    </message>
    <message>
        <source>lost to follow-up</source>
        <translation>izlemden çıktı</translation>
    </message>
    <message>
        <source>not requested (withdrawn)</source>
        <translation>istenmiyor (geri çekildi)</translation>
    </message>
</context>
<context>
    <name>FollowupPage</name>
    <message>
        <source>Visit</source>
        <translation>Kontrol</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tarih</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Zaman aralığı</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Kaydedildi</translation>
    </message>
    <message>
        <source>Follow-up visits</source>
        <translation>Kontrol ziyaretleri</translation>
    </message>
    <message>
        <source>Record the visit…</source>
        <translation>Kontrolü kaydet…</translation>
    </message>
    <message>
        <source>Mark missed…</source>
        <translation>Kaçırıldı olarak işaretle…</translation>
    </message>
    <message>
        <source>Lost to follow-up…</source>
        <translation>İzlemden çıktı…</translation>
    </message>
    <message>
        <source>Back in follow-up…</source>
        <translation>İzleme döndü…</translation>
    </message>
    <message>
        <source>Reminder letter…</source>
        <translation>Hatırlatma mektubu…</translation>
    </message>
    <message>
        <source>Procedure:</source>
        <translation>İşlem:</translation>
    </message>
    <message>
        <source>Loading the follow-up…</source>
        <translation>İzlem yükleniyor…</translation>
    </message>
    <message>
        <source>Injection on %1</source>
        <translation>Enjeksiyon: %1</translation>
    </message>
    <message>
        <source>missed: %1</source>
        <translation>kaçırıldı: %1</translation>
    </message>
    <message>
        <source>No procedure is recorded for this patient: follow-up starts with the procedure.</source>
        <translation>Bu hasta için kayıtlı işlem yok: izlem işlemle başlar.</translation>
    </message>
    <message>
        <source>Injection on %1; follow-up schedule %2.</source>
        <translation>Enjeksiyon: %1; izlem takvimi %2.</translation>
    </message>
    <message>
        <source>He withdrew on %1 and asked for his data to be deleted from the registry: no further visits or reminders.</source>
        <translation>%1 tarihinde çalışmadan çekildi ve verilerinin kayıttan silinmesini istedi: başka kontrol ya da hatırlatma yok.</translation>
    </message>
    <message>
        <source>Lost to follow-up since %1: %2</source>
        <translation>%1 tarihinden beri izlem dışı: %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Record the visit to enter what was found.</source>
        <translation>Bulguları girmek için kontrolü kaydedin.</translation>
    </message>
    <message>
        <source>Recording the visit…</source>
        <translation>Kontrol kaydediliyor…</translation>
    </message>
    <message>
        <source>Visit missed</source>
        <translation>Kontrol kaçırıldı</translation>
    </message>
    <message>
        <source>Why was it missed? (%1)</source>
        <translation>Neden kaçırıldı? (%1)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Kaydediliyor…</translation>
    </message>
    <message>
        <source>Lost to follow-up</source>
        <translation>İzlemden çıktı</translation>
    </message>
    <message>
        <source>How did the clinic try to reach him? (lost from today)</source>
        <translation>Klinik hastaya nasıl ulaşmaya çalıştı? (bugünden itibaren izlem dışı)</translation>
    </message>
    <message>
        <source>Back in follow-up</source>
        <translation>İzleme döndü</translation>
    </message>
    <message>
        <source>How did he come back?</source>
        <translation>Hasta nasıl geri döndü?</translation>
    </message>
    <message>
        <source>Preparing the letter…</source>
        <translation>Mektup hazırlanıyor…</translation>
    </message>
    <message>
        <source>Reminder letter</source>
        <translation>Hatırlatma mektubu</translation>
    </message>
</context>
<context>
    <name>FollowupPanel</name>
    <message>
        <source>Reminder letter…</source>
        <translation>Hatırlatma mektubu…</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tarih</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Zaman aralığı</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>Hasta no</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Kontrol</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Follow-up: due this week, overdue, missed</source>
        <translation>İzlem: bu hafta zamanı gelen, geciken, kaçırılan</translation>
    </message>
    <message>
        <source>due this week</source>
        <translation>bu hafta zamanı gelen</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>geciken</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>kaçırılan</translation>
    </message>
    <message>
        <source>Follow-up: %1 due this week, %2 overdue, %3 missed</source>
        <translation>İzlem: bu hafta %1 kontrol, %2 gecikmiş, %3 kaçırılmış</translation>
    </message>
    <message>
        <source>Preparing the letter…</source>
        <translation>Mektup hazırlanıyor…</translation>
    </message>
    <message>
        <source>Reminder letter</source>
        <translation>Hatırlatma mektubu</translation>
    </message>
</context>
<context>
    <name>ForcedPasswordChangeDialog</name>
    <message>
        <source>Changing password…</source>
        <translation>Parola değiştiriliyor…</translation>
    </message>
</context>
<context>
    <name>FreeTextReviewDialog</name>
    <message>
        <source>Free text that would leave the clinic</source>
        <translation>Klinikten çıkacak serbest metin</translation>
    </message>
    <message>
        <source>Read every text. Include them only if none names or identifies a patient, a relative or a member of staff.</source>
        <translation>Her metni okuyun. Yalnızca hiçbiri bir hastanın, bir yakının ya da bir çalışanın adını vermiyor ve onu tanınır kılmıyorsa ekleyin.</translation>
    </message>
    <message>
        <source>(no free text)</source>
        <translation>(serbest metin yok)</translation>
    </message>
    <message>
        <source>Include these texts</source>
        <translation>Bu metinleri ekle</translation>
    </message>
</context>
<context>
    <name>GateReasons</name>
    <message>
        <source>The explanation has not been started in this language.</source>
        <translation>Bu dilde bilgilendirme henüz başlatılmadı.</translation>
    </message>
    <message>
        <source>Not yet marked discussed: {count} of {total} sections.</source>
        <translation>Görüşüldü olarak işaretlenmemiş: {total} bölümden {count} tanesi.</translation>
    </message>
    <message>
        <source>All {total} sections discussed.</source>
        <translation>{total} bölümün tümü görüşüldü.</translation>
    </message>
    <message>
        <source>Comprehension check passed.</source>
        <translation>Anlama kontrolü başarıyla tamamlandı.</translation>
    </message>
    <message>
        <source>Comprehension check not passed: {count} question(s) still to answer correctly.</source>
        <translation>Anlama kontrolü henüz tamamlanmadı: {count} soru daha doğru yanıtlanmalı.</translation>
    </message>
    <message>
        <source>No interpreter needed.</source>
        <translation>Tercüman gerekmiyor.</translation>
    </message>
    <message>
        <source>Interpreter recorded.</source>
        <translation>Tercüman kaydedildi.</translation>
    </message>
    <message>
        <source>An interpreter is needed (patient&apos;s request or a language different from the clinician&apos;s) and none is recorded.</source>
        <translation>Tercüman gerekli (hastanın isteği ya da hekiminkinden farklı bir dil) ancak kayıtlı tercüman yok.</translation>
    </message>
    <message>
        <source>The reflection period starts when the explanation is complete (all sections discussed and the check passed).</source>
        <translation>Düşünme süresi bilgilendirme tamamlanınca başlar (tüm bölümler görüşülmüş ve anlama kontrolü başarıyla tamamlanmış olmalı).</translation>
    </message>
    <message>
        <source>Reflection period elapsed on {when}. Shortened to {days} day(s): {why}</source>
        <translation>Düşünme süresi {when} tarihinde doldu. {days} güne kısaltıldı: {why}</translation>
    </message>
    <message>
        <source>Reflection period elapsed on {when}.</source>
        <translation>Düşünme süresi {when} tarihinde doldu.</translation>
    </message>
    <message>
        <source>Reflection period ends {when} ({left_days} day(s) {left_hours} hour(s) left). Shortened to {days} day(s): {why}</source>
        <translation>Düşünme süresi {when} tarihinde bitiyor ({left_days} gün {left_hours} saat kaldı). {days} güne kısaltıldı: {why}</translation>
    </message>
    <message>
        <source>Reflection period ends {when} ({left_days} day(s) {left_hours} hour(s) left).</source>
        <translation>Düşünme süresi {when} tarihinde bitiyor ({left_days} gün {left_hours} saat kaldı).</translation>
    </message>
    <message>
        <source>Teach-back not yet restated correctly: {key_points}.</source>
        <translation>Geri anlatımda henüz doğru yeniden anlatılmayanlar: {key_points}.</translation>
    </message>
    <message>
        <source>All five key points restated correctly (teach-back).</source>
        <translation>Beş ana noktanın tümü doğru yeniden anlatıldı (geri anlatım).</translation>
    </message>
    <message>
        <source>No eligibility assessment has been run for this patient.</source>
        <translation>Bu hasta için henüz uygunluk değerlendirmesi yapılmadı.</translation>
    </message>
    <message>
        <source>The history changed after the assessment of {at}; run the assessment again.</source>
        <translation>{at} tarihli değerlendirmeden sonra öykü değişti; değerlendirmeyi yeniden yapın.</translation>
    </message>
    <message>
        <source>Protocol {protocol} was not approved by the clinic when the assessment of {at} was made; approve the protocol, then run the assessment again.</source>
        <translation>{at} tarihli değerlendirme yapıldığında {protocol} protokolü klinik tarafından onaylanmamıştı; protokolü onaylayıp değerlendirmeyi yeniden yapın.</translation>
    </message>
    <message>
        <source>The protocol changed after the assessment of {at} (now {version}); run the assessment again.</source>
        <translation>{at} tarihli değerlendirmeden sonra protokol değişti (şimdiki sürüm {version}); değerlendirmeyi yeniden yapın.</translation>
    </message>
    <message>
        <source>Eligible under {protocol} (assessment of {at}).</source>
        <translation>{protocol} protokolüne göre uygun ({at} tarihli değerlendirme).</translation>
    </message>
    <message>
        <source>The assessment of {at} needs a urologist&apos;s review decision.</source>
        <translation>{at} tarihli değerlendirme için ürologun inceleme kararı gerekiyor.</translation>
    </message>
    <message>
        <source>Review resolved to proceed by {by} ({on}).</source>
        <translation>İnceleme sonucunda {by} devam kararı verdi ({on}).</translation>
    </message>
    <message>
        <source>Review resolved not to proceed by {by}.</source>
        <translation>İnceleme sonucunda {by} devam edilmemesine karar verdi.</translation>
    </message>
    <message>
        <source>The assessment of {at} is incomplete: {count} field(s) missing.</source>
        <translation>{at} tarihli değerlendirmede bilgi eksik: {count} alan eksik.</translation>
    </message>
    <message>
        <source>Ineligible under {protocol} (assessment of {at}).</source>
        <translation>{protocol} protokolüne göre uygun değil ({at} tarihli değerlendirme).</translation>
    </message>
    <message>
        <source>The programme facts are recorded in this language.</source>
        <translation>Program bilgileri bu dilde kayıtlı.</translation>
    </message>
    <message>
        <source>Programme facts missing for a consent in this language — not recorded: {absent} — not translated into it: {untranslated}. An administrator enters them under Administration → Programme facts.</source>
        <translation>Bu dildeki onam için program bilgileri eksik — kaydedilmemiş: {absent} — bu dile çevrilmemiş: {untranslated}. Bunları bir yönetici Yönetim → Program bilgileri bölümünden girer.</translation>
    </message>
    <message>
        <source>Programme facts missing for a consent in this language — not recorded: {absent}. An administrator enters them under Administration → Programme facts.</source>
        <translation>Bu dildeki onam için program bilgileri eksik — kaydedilmemiş: {absent}. Bunları bir yönetici Yönetim → Program bilgileri bölümünden girer.</translation>
    </message>
    <message>
        <source>Programme facts missing for a consent in this language — not translated into it: {untranslated}. An administrator enters them under Administration → Programme facts.</source>
        <translation>Bu dildeki onam için program bilgileri eksik — bu dile çevrilmemiş: {untranslated}. Bunları bir yönetici Yönetim → Program bilgileri bölümünden girer.</translation>
    </message>
    <message>
        <source>No clinical content in this language was found.</source>
        <translation>Bu dilde klinik içerik bulunamadı.</translation>
    </message>
    <message>
        <source>Not approved by the clinic: {files}</source>
        <translation>Klinikçe onaylanmamış: {files}</translation>
    </message>
    <message>
        <source>The protocol and the texts are approved by the clinic for their exact content.</source>
        <translation>Protokol ve metinler, tam içerikleriyle klinikçe onaylı.</translation>
    </message>
</context>
<context>
    <name>GateRow</name>
    <message>
        <source>OPEN</source>
        <translation>SAĞLANDI</translation>
    </message>
    <message>
        <source>BLOCKED</source>
        <translation>SAĞLANMADI</translation>
    </message>
</context>
<context>
    <name>GatesPanel</name>
    <message>
        <source>Before a consent can be signed</source>
        <translation>Onam imzalanmadan önce</translation>
    </message>
    <message>
        <source>All gates are open.</source>
        <translation>Tüm koşullar sağlandı.</translation>
    </message>
    <message numerus="yes">
        <source>%n gate(s) still blocked.</source>
        <translation>
            <numerusform>%n koşul henüz sağlanmadı.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryTexts</name>
    <message>
        <source>Yes</source>
        <translation>Evet</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Hayır</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— seçin —</translation>
    </message>
    <message>
        <source>(choose unit)</source>
        <translation>(birim seçin)</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>kaydedilmedi</translation>
    </message>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>gg.aa.yyyy</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>Tarih seçin</translation>
    </message>
    <message>
        <source>required</source>
        <translation>zorunlu</translation>
    </message>
    <message>
        <source>Use the digits 0-9 only.</source>
        <translation>Yalnızca 0-9 rakamlarını kullanın.</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a number: use one decimal separator and no thousands separator (e.g. 1234,5 or 1234.5).</source>
        <translation>&quot;{text}&quot; bir sayı değil: tek bir ondalık ayırıcı kullanın, binlik ayırıcı kullanmayın (örn. 1234,5 veya 1234.5).</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a number (e.g. 12,5 or 12.5).</source>
        <translation>&quot;{text}&quot; bir sayı değil (örn. 12,5 veya 12.5).</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is ambiguous (thousands or decimals?). Type {digits} without a separator, or the decimal with fewer places.</source>
        <translation>&quot;{text}&quot; belirsiz (binlik mi, ondalık mı?). Ayırıcısız {digits} yazın ya da ondalığı daha az basamakla yazın.</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a whole number.</source>
        <translation>&quot;{text}&quot; bir tam sayı değil.</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a date; type it as dd.mm.yyyy (e.g. 24.11.2026).</source>
        <translation>&quot;{text}&quot; bir tarih değil; gg.aa.yyyy olarak yazın (örn. 24.11.2026).</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a real date.</source>
        <translation>&quot;{text}&quot; geçerli bir tarih değil.</translation>
    </message>
    <message>
        <source>Choose the unit the lab reported.</source>
        <translation>Laboratuvarın bildirdiği birimi seçin.</translation>
    </message>
    <message>
        <source>{value} is outside the allowed range {low}–{high}{unit}. Not saved.</source>
        <translation>{value} izin verilen {low}–{high}{unit} aralığının dışında. Kaydedilmedi.</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bölümler</translation>
    </message>
    <message>
        <source>read-only for your role</source>
        <translation>rolünüz için salt okunur</translation>
    </message>
    <message>
        <source>Your role can view this section but not edit it.</source>
        <translation>Rolünüz bu bölümü görebilir ancak düzenleyemez.</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Kaydedildi {time}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Kaydediliyor…</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Kaydedilmedi: {why}</translation>
    </message>
    <message>
        <source>Draft kept {time}; {count} value(s) still need your attention</source>
        <translation>Taslak saklandı {time}; {count} değer hâlâ ilginizi bekliyor</translation>
    </message>
    <message>
        <source>Your unsaved input from {time} was restored (marked below). Check it, then save or discard it.</source>
        <translation>{time} tarihli kaydedilmemiş girişleriniz geri yüklendi (aşağıda işaretli). Kontrol edip kaydedin ya da atın.</translation>
    </message>
    <message>
        <source>Discard restored input</source>
        <translation>Geri yüklenen girişleri at</translation>
    </message>
    <message>
        <source>Save restored input</source>
        <translation>Geri yüklenenleri kaydet</translation>
    </message>
    <message>
        <source>Restored from your unsaved input; not saved yet.</source>
        <translation>Kaydedilmemiş girişinizden geri yüklendi; henüz kaydedilmedi.</translation>
    </message>
    <message>
        <source>Export case…</source>
        <translation>Vakayı dışa aktar…</translation>
    </message>
    <message>
        <source>Import case…</source>
        <translation>Vakayı içe aktar…</translation>
    </message>
    <message>
        <source>Case written to {path}</source>
        <translation>Vaka şuraya yazıldı: {path}</translation>
    </message>
    <message>
        <source>Case imported from {path}</source>
        <translation>Vaka içe aktarıldı: {path}</translation>
    </message>
    <message>
        <source>Case not imported</source>
        <translation>Vaka içe aktarılmadı</translation>
    </message>
    <message>
        <source>The file has {count} problem(s); nothing was imported:</source>
        <translation>Dosyada {count} sorun var; hiçbir şey içe aktarılmadı:</translation>
    </message>
    <message>
        <source>Case imported from {path} for the patient with the file&apos;s MRN (not this one)</source>
        <translation>{path} vakası dosyadaki MRN&apos;ye sahip hasta için içe aktarıldı (bu hasta değil)</translation>
    </message>
    <message>
        <source>Unusual values in the file</source>
        <translation>Dosyada olağandışı değerler</translation>
    </message>
    <message>
        <source>The file holds values outside the usual range. Import them as they are?</source>
        <translation>Dosyada olağan aralık dışında değerler var. Oldukları gibi içe aktarılsın mı?</translation>
    </message>
    <message>
        <source>Case file not written: {why}</source>
        <translation>Vaka dosyası yazılmadı: {why}</translation>
    </message>
    <message>
        <source>Case files (*.json)</source>
        <translation>Vaka dosyaları (*.json)</translation>
    </message>
    <message>
        <source>Add row (Enter)</source>
        <translation>Satır ekle (Enter)</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Satırı sil</translation>
    </message>
    <message>
        <source>Remove row?</source>
        <translation>Satır silinsin mi?</translation>
    </message>
    <message>
        <source>Remove the row dated {date}? This cannot be undone.</source>
        <translation>{date} tarihli satır silinsin mi? Bu işlem geri alınamaz.</translation>
    </message>
    <message>
        <source>No entries yet. Press Enter or “Add row” to add one.</source>
        <translation>Henüz kayıt yok. Eklemek için Enter&apos;a veya “Satır ekle”ye basın.</translation>
    </message>
    <message>
        <source>Selected entry</source>
        <translation>Seçili kayıt</translation>
    </message>
    <message>
        <source>(no date)</source>
        <translation>(tarih yok)</translation>
    </message>
    <message>
        <source>Please confirm this value</source>
        <translation>Lütfen bu değeri onaylayın</translation>
    </message>
    <message>
        <source>Keep {value}</source>
        <translation>{value} kalsın</translation>
    </message>
    <message>
        <source>Use {unit} instead</source>
        <translation>Yerine {unit} kullan</translation>
    </message>
    <message>
        <source>Correct it</source>
        <translation>Düzelt</translation>
    </message>
    <message>
        <source>{label} {value} is outside the usual range ({low}–{high} {unit})</source>
        <translation>{label} {value} olağan aralığın ({low}–{high} {unit}) dışında</translation>
    </message>
    <message>
        <source>{label} {value} is outside the allowed range ({low}–{high} {unit}) and was not saved</source>
        <translation>{label} {value} izin verilen aralığın ({low}–{high} {unit}) dışında, kaydedilmedi</translation>
    </message>
    <message>
        <source>Value not accepted</source>
        <translation>Değer kabul edilmedi</translation>
    </message>
    <message>
        <source> — did you mean {units}?</source>
        <translation> — {units} mi demek istediniz?</translation>
    </message>
    <message>
        <source>Unusual value, not yet confirmed.</source>
        <translation>Olağandışı değer, henüz onaylanmadı.</translation>
    </message>
    <message>
        <source>Changed on another workstation</source>
        <translation>Başka bir iş istasyonunda değiştirildi</translation>
    </message>
    <message>
        <source>While you were typing, someone else saved a different value for this field.</source>
        <translation>Siz yazarken başka biri bu alan için farklı bir değer kaydetti.</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Sizinki</translation>
    </message>
    <message>
        <source>Saved by {user} at {time}</source>
        <translation>{user} tarafından {time} saatinde kaydedildi</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Onlarınki kalsın</translation>
    </message>
    <message>
        <source>Use mine</source>
        <translation>Benimkini kullan</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(boş)</translation>
    </message>
    <message>
        <source>The history could not be opened: {why}</source>
        <translation>Öykü açılamadı: {why}</translation>
    </message>
</context>
<context>
    <name>HousekeepingStatus</name>
    <message>
        <source>Background work in progress</source>
        <translation>Arka planda işlem sürüyor</translation>
    </message>
</context>
<context>
    <name>InformationPackPrinter</name>
    <message>
        <source>No printer</source>
        <translation>Yazıcı yok</translation>
    </message>
    <message>
        <source>No printer is set up on this computer, so the information pack cannot be printed here.

You can save it as a PDF and print it from another computer, or give it to the patient.</source>
        <translation>Bu bilgisayarda yazıcı tanımlı olmadığından bilgilendirme paketi buradan yazdırılamaz.

PDF olarak kaydedip başka bir bilgisayardan yazdırabilir ya da hastaya verebilirsiniz.</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF olarak kaydet…</translation>
    </message>
    <message>
        <source>Save the information pack</source>
        <translation>Bilgilendirme paketini kaydet</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF dosyaları (*.pdf)</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Yazdırılmadı</translation>
    </message>
    <message>
        <source>The printer could not be used. Save the pack as a PDF instead.</source>
        <translation>Yazıcı kullanılamadı. Paketi bunun yerine PDF olarak kaydedin.</translation>
    </message>
    <message>
        <source>Information pack saved</source>
        <translation>Bilgilendirme paketi kaydedildi</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>%1 konumuna kaydedildi.</translation>
    </message>
</context>
<context>
    <name>InstallationChecksPanel</name>
    <message>
        <source>Installation checks</source>
        <translation>Kurulum denetimleri</translation>
    </message>
    <message>
        <source>Checks fonts, database, seal key, content approval, backups, disk space, clock and disk encryption. The same checks: exoconsult doctor.</source>
        <translation>Yazı tiplerini, veritabanını, mühür anahtarını, içerik onayını, yedekleri, disk alanını, saati ve disk şifrelemesini denetler. Aynı denetimler: exoconsult doctor.</translation>
    </message>
    <message>
        <source>Check this installation</source>
        <translation>Bu kurulumu denetle</translation>
    </message>
    <message>
        <source>Checking the installation…</source>
        <translation>Kurulum denetleniyor…</translation>
    </message>
    <message>
        <source>%1 problem(s), %2 warning(s). Each line that is not OK says how to fix it.</source>
        <translation>%1 sorun, %2 uyarı. Sorunlu her satır nasıl düzeltileceğini söyler.</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Yes</source>
        <translation>Evet</translation>
    </message>
    <message>
        <source>No…</source>
        <translation>Hayır…</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>Karar ver…</translation>
    </message>
    <message>
        <source>No released lot can be used today: see the lot register.</source>
        <translation>Bugün kullanılabilecek, kullanıma açılmış bir parti yok: parti kaydına bakın.</translation>
    </message>
    <message>
        <source>not answered yet</source>
        <translation>henüz yanıtlanmadı</translation>
    </message>
    <message>
        <source>✔ Yes</source>
        <translation>✔ Evet</translation>
    </message>
    <message>
        <source>✖ No</source>
        <translation>✖ Hayır</translation>
    </message>
    <message>
        <source>Waiting for the urologist&apos;s decision (stop, or continue with a reason).</source>
        <translation>Ürologun kararı bekleniyor (durdurma ya da gerekçeyle devam).</translation>
    </message>
    <message>
        <source>continued by %1: %2</source>
        <translation>%1 devam kararı verdi: %2</translation>
    </message>
    <message>
        <source>STOPPED by %1: %2</source>
        <translation>%1 DURDURDU: %2</translation>
    </message>
</context>
<context>
    <name>JoinClinicDialog</name>
    <message>
        <source>Join an existing clinic</source>
        <translation>Mevcut bir kliniğe katıl</translation>
    </message>
    <message>
        <source>Use this on a second workstation of a clinic whose database is on a PostgreSQL server. The clinic passphrase proves that this computer belongs to the clinic; it is not stored here. The seal certificate, the clinic&apos;s approved texts and its logo are copied from the database.</source>
        <translation>Bunu, veritabanı bir PostgreSQL sunucusunda olan bir kliniğin ikinci iş istasyonunda kullanın. Klinik parolası bu bilgisayarın kliniğe ait olduğunu kanıtlar; burada saklanmaz. Mühür sertifikası, kliniğin onaylı metinleri ve logosu veritabanından kopyalanır.</translation>
    </message>
    <message>
        <source>Clinic database</source>
        <translation>Klinik veritabanı</translation>
    </message>
    <message>
        <source>Clinic passphrase</source>
        <translation>Klinik parolası</translation>
    </message>
    <message>
        <source>Join the clinic</source>
        <translation>Kliniğe katıl</translation>
    </message>
    <message>
        <source>Give the address of the clinic&apos;s database.</source>
        <translation>Kliniğin veritabanı adresini girin.</translation>
    </message>
    <message>
        <source>Joining the clinic…</source>
        <translation>Kliniğe katılınıyor…</translation>
    </message>
    <message>
        <source>This workstation joined %1.

Certificate fingerprint (compare it with Administration → Settings on the first workstation):
%2</source>
        <translation>Bu iş istasyonu %1 kliniğine katıldı.

Sertifika parmak izi (ilk iş istasyonunda Yönetim → Ayarlar&apos;daki ile karşılaştırın):
%2</translation>
    </message>
    <message>
        <source>Not approved in the clinic database (this workstation has the program&apos;s version of each; consents cannot be signed with them until an approver approves the clinic&apos;s version):</source>
        <translation>Klinik veritabanında onaylı olmayanlar (bu iş istasyonunda her birinin programla gelen sürümü var; bir onaylayıcı kliniğin sürümünü onaylayana kadar bunlarla onam imzalanamaz):</translation>
    </message>
    <message>
        <source>The clinic logo is not in the clinic database yet: start this version once on the first workstation, or copy branding/%1 from its data folder into this one&apos;s.</source>
        <translation>Klinik logosu henüz klinik veritabanında değil: bu sürümü ilk iş istasyonunda bir kez başlatın ya da oradaki veri klasöründen branding/%1 dosyasını bu istasyonun veri klasörüne kopyalayın.</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Katılındı</translation>
    </message>
</context>
<context>
    <name>JoinOffer</name>
    <message>
        <source>Join an existing clinic&apos;s PostgreSQL database…</source>
        <translation>Mevcut bir kliniğin PostgreSQL veritabanına katıl…</translation>
    </message>
</context>
<context>
    <name>JsonErrors</name>
    <message>
        <source>Expecting value</source>
        <translation>bir değer bekleniyordu</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>çift tırnak içinde bir anahtar adı bekleniyordu</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>&apos;:&apos; ayırıcısı bekleniyordu</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>&apos;,&apos; ayırıcısı bekleniyordu</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>fazladan veri var</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>tırnağı kapatılmamış bir metin burada başlıyor</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>geçersiz denetim karakteri</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>eligible</source>
        <comment>verdict</comment>
        <translation>uygun</translation>
    </message>
    <message>
        <source>needs review</source>
        <comment>verdict</comment>
        <translation>değerlendirme gerekli</translation>
    </message>
    <message>
        <source>not eligible</source>
        <comment>verdict</comment>
        <translation>uygun değil</translation>
    </message>
    <message>
        <source>incomplete information</source>
        <comment>verdict</comment>
        <translation>eksik bilgi</translation>
    </message>
    <message>
        <source>ELIGIBLE</source>
        <comment>verdict headline</comment>
        <translation>UYGUN</translation>
    </message>
    <message>
        <source>NEEDS REVIEW</source>
        <comment>verdict headline</comment>
        <translation>DEĞERLENDİRME GEREKLİ</translation>
    </message>
    <message>
        <source>INELIGIBLE</source>
        <comment>verdict headline</comment>
        <translation>UYGUN DEĞİL</translation>
    </message>
    <message>
        <source>INCOMPLETE</source>
        <comment>verdict headline</comment>
        <translation>EKSİK BİLGİ</translation>
    </message>
    <message>
        <source>proceed</source>
        <comment>review decision</comment>
        <translation>devam edilsin</translation>
    </message>
    <message>
        <source>do not proceed</source>
        <comment>review decision</comment>
        <translation>devam edilmesin</translation>
    </message>
    <message>
        <source>Hard stops (ineligible)</source>
        <comment>rule outcome</comment>
        <translation>Kesin engeller (uygun değil)</translation>
    </message>
    <message>
        <source>Needs a urologist&apos;s review</source>
        <comment>rule outcome</comment>
        <translation>Ürolog değerlendirmesi gerekli</translation>
    </message>
    <message>
        <source>Cautions (discuss; do not block)</source>
        <comment>rule outcome</comment>
        <translation>Uyarılar (hastayla konuşun; engel değildir)</translation>
    </message>
    <message>
        <source>Missing information</source>
        <comment>rule outcome</comment>
        <translation>Eksik bilgiler</translation>
    </message>
    <message>
        <source>assessed: %1</source>
        <comment>stage</comment>
        <translation>değerlendirildi: %1</translation>
    </message>
    <message>
        <source>in reflection until %1</source>
        <comment>stage</comment>
        <translation>%1 tarihine kadar düşünme süresinde</translation>
    </message>
    <message>
        <source>registered</source>
        <comment>stage</comment>
        <translation>kayıtlı</translation>
    </message>
    <message>
        <source>history entered</source>
        <comment>stage</comment>
        <translation>öykü girildi</translation>
    </message>
    <message>
        <source>assessed</source>
        <comment>stage</comment>
        <translation>değerlendirildi</translation>
    </message>
    <message>
        <source>explanation under way</source>
        <comment>stage</comment>
        <translation>bilgilendirme sürüyor</translation>
    </message>
    <message>
        <source>in reflection</source>
        <comment>stage</comment>
        <translation>düşünme süresinde</translation>
    </message>
    <message>
        <source>ready to sign</source>
        <comment>stage</comment>
        <translation>imzaya hazır</translation>
    </message>
    <message>
        <source>consent signed</source>
        <comment>stage</comment>
        <translation>onam imzalandı</translation>
    </message>
    <message>
        <source>treated, in follow-up</source>
        <comment>stage</comment>
        <translation>tedavi edildi, izlemde</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <comment>stage</comment>
        <translation>onam geri çekildi</translation>
    </message>
    <message>
        <source>consent no longer valid: re-consent needed</source>
        <comment>stage</comment>
        <translation>onam artık geçerli değil: yeniden onam gerekli</translation>
    </message>
    <message>
        <source>STOPPED</source>
        <comment>procedure stage</comment>
        <translation>DURDURULDU</translation>
    </message>
    <message>
        <source>before anaesthesia</source>
        <comment>procedure stage</comment>
        <translation>anestezi öncesi</translation>
    </message>
    <message>
        <source>time-out</source>
        <comment>procedure stage</comment>
        <translation>işlem öncesi mola (time-out)</translation>
    </message>
    <message>
        <source>procedure under way</source>
        <comment>procedure stage</comment>
        <translation>işlem sürüyor</translation>
    </message>
    <message>
        <source>sign-out</source>
        <comment>procedure stage</comment>
        <translation>çıkış (sign-out)</translation>
    </message>
    <message>
        <source>note to seal</source>
        <comment>procedure stage</comment>
        <translation>not mühürlenecek</translation>
    </message>
    <message>
        <source>done</source>
        <comment>procedure stage</comment>
        <translation>tamamlandı</translation>
    </message>
    <message>
        <source>signed</source>
        <comment>consent status</comment>
        <translation>imzalı</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <comment>consent status</comment>
        <translation>geri çekildi</translation>
    </message>
    <message>
        <source>expired</source>
        <comment>consent status</comment>
        <translation>süresi doldu</translation>
    </message>
    <message>
        <source>superseded</source>
        <comment>consent status</comment>
        <translation>yerine yenisi geldi</translation>
    </message>
    <message>
        <source>no consent</source>
        <comment>consent status</comment>
        <translation>onam yok</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>consent status</comment>
        <translation>bilinmiyor</translation>
    </message>
    <message>
        <source>consent</source>
        <comment>document kind</comment>
        <translation>onam</translation>
    </message>
    <message>
        <source>withdrawal of consent</source>
        <comment>document kind</comment>
        <translation>onamın geri çekilmesi</translation>
    </message>
    <message>
        <source>procedure note</source>
        <comment>document kind</comment>
        <translation>işlem notu</translation>
    </message>
    <message>
        <source>procedure note addendum</source>
        <comment>document kind</comment>
        <translation>işlem notu eki</translation>
    </message>
    <message>
        <source>serious adverse event report</source>
        <comment>document kind</comment>
        <translation>ciddi advers olay bildirimi</translation>
    </message>
    <message>
        <source>unknown document</source>
        <comment>document kind</comment>
        <translation>bilinmeyen belge</translation>
    </message>
    <message>
        <source>administrator</source>
        <comment>role</comment>
        <translation>yönetici</translation>
    </message>
    <message>
        <source>urologist</source>
        <comment>role</comment>
        <translation>ürolog</translation>
    </message>
    <message>
        <source>nurse</source>
        <comment>role</comment>
        <translation>hemşire</translation>
    </message>
    <message>
        <source>%1, expires %2</source>
        <comment>lot</comment>
        <translation>%1, son kullanma tarihi %2</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>ExoConsult is locked</source>
        <translation>ExoConsult kilitli</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Parola</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Kilidi aç</translation>
    </message>
    <message>
        <source>Switch user…</source>
        <translation>Kullanıcı değiştir…</translation>
    </message>
    <message>
        <source>Sign this user out (their unsaved work is kept as a draft only they can see) and sign in as someone else</source>
        <translation>Bu kullanıcının oturumunu kapatın (kaydedilmemiş işi yalnızca kendisinin görebileceği bir taslak olarak saklanır) ve başka biri olarak oturum açın</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2). Only this user&apos;s password unlocks the window; patient data stays hidden until then.</source>
        <translation>%1 (%2) olarak oturum açık. Pencerenin kilidini yalnızca bu kullanıcının parolası açar; o zamana dek hasta bilgileri gizli kalır.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to ExoConsult</source>
        <translation>ExoConsult&apos;ta oturum açın</translation>
    </message>
    <message>
        <source>ExoConsult</source>
        <translation>ExoConsult</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Oturum aç</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Çıkış</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Kullanıcı adı</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Parola</translation>
    </message>
    <message>
        <source>Sign in with your own account. Every action is recorded under your name.</source>
        <translation>Kendi hesabınızla oturum açın. Her işlem sizin adınıza kaydedilir.</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Kullanıcı adınızı ve parolanızı girin.</translation>
    </message>
    <message>
        <source>Checking password…</source>
        <translation>Parola denetleniyor…</translation>
    </message>
</context>
<context>
    <name>LotRegisterDialog</name>
    <message>
        <source>quarantined</source>
        <translation>karantinada</translation>
    </message>
    <message>
        <source>released</source>
        <translation>kullanıma açıldı</translation>
    </message>
    <message>
        <source>used up</source>
        <translation>tükendi</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>SÜRESİ DOLDU</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>imha edildi</translation>
    </message>
    <message>
        <source>RECALLED</source>
        <translation>GERİ ÇAĞRILDI</translation>
    </message>
    <message>
        <source>Product lot register</source>
        <translation>Ürün parti kaydı</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Parti</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Ürün</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Üretici</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Son kullanma</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Teslim alındı</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Hastalar</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Not</translation>
    </message>
    <message>
        <source>Receive…</source>
        <translation>Teslim al…</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Kullanıma aç</translation>
    </message>
    <message>
        <source>Used up</source>
        <translation>Tükendi</translation>
    </message>
    <message>
        <source>Mark expired</source>
        <translation>Süresi doldu olarak işaretle</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>İmha et…</translation>
    </message>
    <message>
        <source>Recall…</source>
        <translation>Geri çağır…</translation>
    </message>
    <message>
        <source>Who received it…</source>
        <translation>Kimlere uygulandı…</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Sertifika</translation>
    </message>
    <message>
        <source>Loading lots…</source>
        <translation>Partiler yükleniyor…</translation>
    </message>
    <message>
        <source>Choose a lot.</source>
        <translation>Bir parti seçin.</translation>
    </message>
    <message>
        <source>%1 — %2 vials of %3 mL; arrived at %4 °C (range %5 to %6 °C); certificate %7. %8</source>
        <translation>%1 — %2 flakon × %3 mL; teslimde %4 °C (aralık %5 ile %6 °C arası); sertifika %7. %8</translation>
    </message>
    <message>
        <source>Can be used today.</source>
        <translation>Bugün kullanılabilir.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Kaydediliyor…</translation>
    </message>
    <message>
        <source>Discard the lot</source>
        <translation>Partiyi imha et</translation>
    </message>
    <message>
        <source>Why is it discarded?</source>
        <translation>Neden imha ediliyor?</translation>
    </message>
    <message>
        <source>Recall the lot</source>
        <translation>Partiyi geri çağır</translation>
    </message>
    <message>
        <source>Recall notice (who recalled it, reference, why):</source>
        <translation>Geri çağırma bildirimi (kim geri çağırdı, referans, neden):</translation>
    </message>
    <message>
        <source>Finding patients…</source>
        <translation>Hastalar bulunuyor…</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Açılıyor…</translation>
    </message>
    <message>
        <source>Certificate of analysis</source>
        <translation>Analiz sertifikası</translation>
    </message>
</context>
<context>
    <name>Lots</name>
    <message>
        <source>This lot has been RECALLED: it must not be used.</source>
        <translation>Bu parti GERİ ÇAĞRILDI: kullanılmamalıdır.</translation>
    </message>
    <message>
        <source>This lot is still in quarantine: a urologist must release it first.</source>
        <translation>Bu parti hâlâ karantinada: önce bir ürologun kullanıma açması gerekir.</translation>
    </message>
    <message>
        <source>This lot is used up.</source>
        <translation>Bu parti tükendi.</translation>
    </message>
    <message>
        <source>This lot is past its expiry date.</source>
        <translation>Bu partinin son kullanma tarihi geçti.</translation>
    </message>
    <message>
        <source>This lot was discarded.</source>
        <translation>Bu parti imha edildi.</translation>
    </message>
    <message>
        <source>This lot was not stored within the manufacturer&apos;s temperature range.</source>
        <translation>Bu parti üreticinin belirttiği sıcaklık aralığında saklanmadı.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ExoConsult</source>
        <translation>ExoConsult</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Veritabanı açılıyor…</translation>
    </message>
    <message>
        <source>Sign in to continue.</source>
        <translation>Devam etmek için oturum açın.</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Oturum açık: %1 (%2)</translation>
    </message>
    <message>
        <source>Checking password…</source>
        <translation>Parola denetleniyor…</translation>
    </message>
    <message>
        <source>This account can no longer sign in. Switch user.</source>
        <translation>Bu hesapla artık oturum açılamaz. Kullanıcı değiştirin.</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Oturum kapatılıyor…</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Oturum kapatıldı.</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Yönetim</translation>
    </message>
    <message>
        <source>Sign in with an admin account to use this.</source>
        <translation>Bunu kullanmak için yönetici hesabıyla oturum açın.</translation>
    </message>
</context>
<context>
    <name>MenuActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>&amp;Yeni hasta…</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>&amp;Hasta bul</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>Şimdi &amp;kilitle</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>Kullanıcı &amp;değiştir…</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>&amp;Parola değiştir…</translation>
    </message>
    <message>
        <source>Signing &amp;PIN…</source>
        <translation>İmza &amp;PIN kodu…</translation>
    </message>
    <message>
        <source>Screen &amp;language</source>
        <translation>Ekran &amp;dili</translation>
    </message>
    <message>
        <source>The clinic&apos;s working language</source>
        <translation>Kliniğin çalışma dili</translation>
    </message>
    <message>
        <source>&amp;Research export (pseudonymised)…</source>
        <translation>&amp;Araştırma aktarımı (takma adlı)…</translation>
    </message>
    <message>
        <source>FHIR e&amp;xport (identified)…</source>
        <translation>FHIR a&amp;ktarımı (kimlikli)…</translation>
    </message>
    <message>
        <source>Review and &amp;approve content…</source>
        <translation>İçeriği incele ve &amp;onayla…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Çı&amp;kış</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>Y&amp;önetim</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Kullanıcılar…</translation>
    </message>
    <message>
        <source>Clinic &amp;settings…</source>
        <translation>Klinik &amp;ayarları…</translation>
    </message>
    <message>
        <source>&amp;Programme facts…</source>
        <translation>&amp;Program bilgileri…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Yedekler…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Denetim kaydı…</translation>
    </message>
    <message>
        <source>Saving the screen language…</source>
        <translation>Ekran dili kaydediliyor…</translation>
    </message>
    <message>
        <source>Screen language</source>
        <translation>Ekran dili</translation>
    </message>
    <message>
        <source>From your next sign-in the screens are in %1. Switch user or sign in again to use it now.</source>
        <translation>Bir sonraki oturum açışınızdan itibaren ekranlar %1 olacak. Hemen kullanmak için kullanıcı değiştirin ya da yeniden oturum açın.</translation>
    </message>
</context>
<context>
    <name>MissingFieldsView</name>
    <message>
        <source>needed by %1</source>
        <translation>gerektiren kural: %1</translation>
    </message>
    <message>
        <source>Open this question in the history</source>
        <translation>Bu soruyu öyküde aç</translation>
    </message>
</context>
<context>
    <name>PasswordDialogs</name>
    <message>
        <source>Change password</source>
        <translation>Parola değiştir</translation>
    </message>
    <message>
        <source>Choose a password of at least 12 characters that you do not use elsewhere. A long phrase is easier to remember than symbols.</source>
        <translation>Başka yerde kullanmadığınız, en az 12 karakterli bir parola seçin. Uzun bir cümleyi hatırlamak simgelerden daha kolaydır.</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>Yeni bir parola seçin</translation>
    </message>
    <message>
        <source>Your password was set by an administrator. Choose your own password now; only you will know it. At least 12 characters.</source>
        <translation>Parolanızı bir yönetici belirledi. Şimdi kendi parolanızı seçin; onu yalnızca siz bileceksiniz. En az 12 karakter.</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>Edit patient</source>
        <translation>Hastayı düzenle</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Yeni hasta</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>GG.AA.YYYY</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Erkek</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Kadın</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Diğer</translation>
    </message>
    <message>
        <source>11 digits (optional)</source>
        <translation>11 hane (isteğe bağlı)</translation>
    </message>
    <message>
        <source>Needs an interpreter</source>
        <translation>Tercüman gerekiyor</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Soyadı</translation>
    </message>
    <message>
        <source>Given name(s)</source>
        <translation>Adı</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Doğum tarihi</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Cinsiyet</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>Hasta no</translation>
    </message>
    <message>
        <source>T.C. kimlik no</source>
        <translation>T.C. kimlik no</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-posta</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Tercih ettiği dil</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Kaydet</translation>
    </message>
    <message>
        <source>Register patient</source>
        <translation>Hastayı kaydet</translation>
    </message>
    <message>
        <source>Family name, given name, birth date and MRN are required.</source>
        <translation>Soyadı, adı, doğum tarihi ve hasta no zorunludur.</translation>
    </message>
    <message>
        <source>Enter the birth date as DD.MM.YYYY, for example 14.03.1988.</source>
        <translation>Doğum tarihini GG.AA.YYYY biçiminde girin, örneğin 14.03.1988.</translation>
    </message>
    <message>
        <source>Saving patient…</source>
        <translation>Hasta kaydediliyor…</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Başka biri tarafından değiştirildi</translation>
    </message>
    <message>
        <source>Someone else saved this patient after you opened it, so your changes were not saved. The form now shows the saved record; make your changes again.</source>
        <translation>Siz açtıktan sonra bu hastayı başka biri kaydetti; bu yüzden değişiklikleriniz kaydedilmedi. Form şimdi kayıtlı bilgileri gösteriyor; değişikliklerinizi yeniden yapın.</translation>
    </message>
    <message>
        <source>Reloading…</source>
        <translation>Yeniden yükleniyor…</translation>
    </message>
</context>
<context>
    <name>PatientHeader</name>
    <message>
        <source>Edit details…</source>
        <translation>Bilgileri düzenle…</translation>
    </message>
    <message>
        <source>Close patient</source>
        <translation>Hastayı kapat</translation>
    </message>
    <message>
        <source>male</source>
        <translation>erkek</translation>
    </message>
    <message>
        <source>female</source>
        <translation>kadın</translation>
    </message>
    <message>
        <source>other</source>
        <translation>diğer</translation>
    </message>
    <message>
        <source>MRN %1</source>
        <translation>Hasta no %1</translation>
    </message>
    <message>
        <source>born %1 (%2 years)</source>
        <translation>doğum %1 (%2 yaşında)</translation>
    </message>
    <message>
        <source>language: %1</source>
        <translation>dil: %1</translation>
    </message>
    <message>
        <source>needs an interpreter</source>
        <translation>tercüman gerekli</translation>
    </message>
</context>
<context>
    <name>PatientList</name>
    <message>
        <source>Search by name, MRN, national id or birth date</source>
        <translation>Ad, hasta no, T.C. kimlik no veya doğum tarihiyle arayın</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Hasta ara</translation>
    </message>
    <message>
        <source>New patient…</source>
        <translation>Yeni hasta…</translation>
    </message>
    <message>
        <source>Register a new patient (Ctrl+N)</source>
        <translation>Yeni hasta kaydet (Ctrl+N)</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Hastalar</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Aranıyor…</translation>
    </message>
    <message>
        <source>No patients yet — New patient… (Ctrl+N)</source>
        <translation>Henüz hasta yok — Yeni hasta… (Ctrl+N)</translation>
    </message>
    <message>
        <source>No patient matches.</source>
        <translation>Eşleşen hasta yok.</translation>
    </message>
    <message>
        <source>1 patient</source>
        <translation>1 hasta</translation>
    </message>
    <message>
        <source>First %1 patients; type more to narrow the list.</source>
        <translation>İlk %1 hasta; listeyi daraltmak için yazmaya devam edin.</translation>
    </message>
    <message>
        <source>%1 patients</source>
        <translation>%1 hasta</translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <source>MRN</source>
        <translation>Hasta no</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad soyad</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Doğum tarihi</translation>
    </message>
    <message>
        <source>National id</source>
        <translation>T.C. kimlik no</translation>
    </message>
</context>
<context>
    <name>PatientTexts</name>
    <message>
        <source>Part {n} of {total}</source>
        <translation>Bölüm {n} / {total}</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Önceki</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Sonraki</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Sorular</translation>
    </message>
    <message>
        <source>Checking that the information is clear</source>
        <translation>Bilgilerin anlaşılır olduğunu kontrol edelim</translation>
    </message>
    <message>
        <source>Please choose the answer you think is right. This is not a test of you: it shows us what we should explain again.</source>
        <translation>Lütfen doğru olduğunu düşündüğünüz yanıtı seçin. Bu sizi sınamak için değil; neyi yeniden anlatmamız gerektiğini gösterir.</translation>
    </message>
    <message>
        <source>Question {n} of {total}</source>
        <translation>Soru {n} / {total}</translation>
    </message>
    <message>
        <source>Question {n} of {total}, once more</source>
        <translation>Soru {n} / {total}, bir kez daha</translation>
    </message>
    <message>
        <source>{n} of {total} answered correctly</source>
        <translation>{total} sorudan {n} tanesi doğru yanıtlandı</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>Tam olarak değil.</translation>
    </message>
    <message>
        <source>The right answer is:</source>
        <translation>Doğru yanıt:</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Devam</translation>
    </message>
    <message>
        <source>That was right.</source>
        <translation>Doğru yanıt verdiniz.</translation>
    </message>
    <message>
        <source>Check complete</source>
        <translation>Kontrol tamamlandı</translation>
    </message>
    <message>
        <source>Thank you. You answered every question correctly.

You can ask your doctor anything, now or later. You do not have to decide today.</source>
        <translation>Teşekkür ederiz. Bütün soruları doğru yanıtladınız.

Doktorunuza şimdi ya da daha sonra her şeyi sorabilirsiniz. Bugün karar vermek zorunda değilsiniz.</translation>
    </message>
    <message>
        <source>Please wait a moment.</source>
        <translation>Lütfen biraz bekleyin.</translation>
    </message>
    <message>
        <source>The doctor has not started the explanation yet.</source>
        <translation>Doktor açıklamayı henüz başlatmadı.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Save a copy…</source>
        <translation>Kopyasını kaydet…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>PDF&apos;yi kaydet</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF dosyaları (*.pdf)</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Kaydedildi</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>%1 konumuna kaydedildi</translation>
    </message>
</context>
<context>
    <name>PlanProcedureDialog</name>
    <message>
        <source>Plan the procedure for %1</source>
        <translation>%1 için işlemi planla</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <source>Planned date:</source>
        <translation>Planlanan tarih:</translation>
    </message>
</context>
<context>
    <name>PresenceBox</name>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad soyad</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Dil</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Kayıt zamanı</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Tercüman</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Tanık</translation>
    </message>
    <message>
        <source>e.g. tr, or Kurmanji → Turkish</source>
        <translation>örn. tr ya da Kurmancî → Türkçe</translation>
    </message>
    <message>
        <source>Record presence</source>
        <translation>Bulunduğunu kaydet</translation>
    </message>
    <message>
        <source>An interpreter is needed for this explanation (in %1): record who interpreted.</source>
        <translation>Bu bilgilendirme (%1) için tercüman gerekli: tercümanlığı kimin yaptığını kaydedin.</translation>
    </message>
    <message>
        <source>No interpreter is needed. Record a witness if one is present.</source>
        <translation>Tercüman gerekmiyor. Bir tanık varsa onu kaydedin.</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <source>ExoConsult — patient information</source>
        <translation>ExoConsult — hasta bilgilendirme</translation>
    </message>
</context>
<context>
    <name>PrintConsentDialog</name>
    <message>
        <source>Print – %1</source>
        <translation>Yazdır – %1</translation>
    </message>
    <message>
        <source>What prints is the archived, sealed original. Each page of a copy carries its copy mark, the copy number, and who printed it when; the archived document itself is not changed.</source>
        <translation>Yazdırılan, arşivdeki mühürlü asıldır. Kopyanın her sayfasında kopya işareti, kopya numarası ve kimin ne zaman yazdırdığı yer alır; arşivdeki belgenin kendisi değişmez.</translation>
    </message>
    <message>
        <source>Patient copy</source>
        <translation>Hasta kopyası</translation>
    </message>
    <message>
        <source>Chart copy</source>
        <translation>Dosya kopyası</translation>
    </message>
    <message>
        <source>Copy marks:</source>
        <translation>Kopya işaretleri:</translation>
    </message>
    <message>
        <source>Copies of each:</source>
        <translation>Her birinden kopya sayısı:</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Önizle…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Yazdır…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF olarak kaydet…</translation>
    </message>
    <message>
        <source>Printers on this computer: %1</source>
        <translation>Bu bilgisayardaki yazıcılar: %1</translation>
    </message>
    <message>
        <source>No printer is installed on this computer. Use “Save as PDF” and print the file from a computer that has a printer.</source>
        <translation>Bu bilgisayarda yazıcı kurulu değil. “PDF olarak kaydet” seçeneğini kullanıp dosyayı yazıcısı olan bir bilgisayardan yazdırın.</translation>
    </message>
    <message>
        <source>Choose the patient copy, the chart copy, or both.</source>
        <translation>Hasta kopyasını, dosya kopyasını ya da ikisini birden seçin.</translation>
    </message>
    <message>
        <source>Never printed before.</source>
        <translation>Daha önce hiç yazdırılmadı.</translation>
    </message>
    <message>
        <source>Printed %1 time(s) before: this will be a reprint.</source>
        <translation>Daha önce %1 kez yazdırıldı: bu bir yeniden baskı olacak.</translation>
    </message>
    <message>
        <source>Preparing the copies…</source>
        <translation>Kopyalar hazırlanıyor…</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Baskı önizlemesi</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>Yazıcı yok</translation>
    </message>
    <message>
        <source>No printer is installed on this computer, so nothing can be printed from here.

Save the marked copy as a PDF instead?</source>
        <translation>Bu bilgisayarda yazıcı kurulu olmadığından buradan yazdırılamaz.

İşaretli kopya bunun yerine PDF olarak kaydedilsin mi?</translation>
    </message>
    <message>
        <source>Printing was cancelled; nothing was recorded.</source>
        <translation>Yazdırma iptal edildi; hiçbir şey kaydedilmedi.</translation>
    </message>
    <message>
        <source>Recording the print…</source>
        <translation>Baskı kaydediliyor…</translation>
    </message>
    <message>
        <source>saved as a PDF file</source>
        <translation>PDF dosyası olarak kaydedildi</translation>
    </message>
    <message>
        <source>sent to %1</source>
        <translation>%1 yazıcısına gönderildi</translation>
    </message>
    <message>
        <source>Print no. %1 %2 (%3 pages) and recorded.</source>
        <translation>%1 numaralı baskı %2 (%3 sayfa) ve kayda geçirildi.</translation>
    </message>
</context>
<context>
    <name>PrintOutput</name>
    <message>
        <source>The file could not be saved: this folder may not be written to. Choose another folder, for example Documents.</source>
        <translation>Dosya kaydedilemedi: bu klasöre yazma izni yok. Başka bir klasör seçin, örneğin Belgeler.</translation>
    </message>
    <message>
        <source>The file could not be saved: the disk is full. Free some space or choose another drive.</source>
        <translation>Dosya kaydedilemedi: disk dolu. Biraz yer açın ya da başka bir sürücü seçin.</translation>
    </message>
    <message>
        <source>The file could not be saved. Choose another folder or file name and try again; if a USB stick is used, check that it is still plugged in.</source>
        <translation>Dosya kaydedilemedi. Başka bir klasör ya da dosya adı seçip yeniden deneyin; USB bellek kullanıyorsanız takılı olduğunu kontrol edin.</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Yazdırılmadı</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Kaydedilmedi</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>PDF olarak kaydet</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF dosyaları (*.pdf)</translation>
    </message>
    <message>
        <source>The printer could not be opened. Check that it is switched on and connected, then print again; or save the document as a PDF.</source>
        <translation>Yazıcı açılamadı. Yazıcının açık ve bağlı olduğunu kontrol edip yeniden yazdırın ya da belgeyi PDF olarak kaydedin.</translation>
    </message>
    <message>
        <source>No file name was given for the PDF. Print again and give a file name, or use Save as PDF.</source>
        <translation>PDF için dosya adı verilmedi. Yeniden yazdırıp bir dosya adı verin ya da “PDF olarak kaydet”i kullanın.</translation>
    </message>
    <message>
        <source>The print system did not answer within a minute. Check that the printer is switched on and connected, then print again; or save the document as a PDF.</source>
        <translation>Yazdırma sistemi bir dakika içinde yanıt vermedi. Yazıcının açık ve bağlı olduğunu kontrol edip yeniden yazdırın ya da belgeyi PDF olarak kaydedin.</translation>
    </message>
    <message>
        <source>The print system refused the job. Check that the printer is switched on, connected and has paper, then print again; or save the document as a PDF.</source>
        <translation>Yazdırma sistemi işi kabul etmedi. Yazıcının açık, bağlı ve kâğıdının olduğunu kontrol edip yeniden yazdırın ya da belgeyi PDF olarak kaydedin.</translation>
    </message>
</context>
<context>
    <name>PrintablePdfDialog</name>
    <message>
        <source>Print…</source>
        <translation>Yazdır…</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>Yazıcı yok</translation>
    </message>
    <message>
        <source>No printer is installed on this computer: use “Save a copy…”.</source>
        <translation>Bu bilgisayarda yazıcı kurulu değil: “Kopyasını kaydet…” seçeneğini kullanın.</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Yazdırıldı</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>%1 yazıcısına gönderildi.</translation>
    </message>
</context>
<context>
    <name>ProcedurePage</name>
    <message>
        <source>Procedure-day checklist</source>
        <translation>İşlem günü kontrol listesi</translation>
    </message>
    <message>
        <source>Record the procedure…</source>
        <translation>İşlemi kaydet…</translation>
    </message>
    <message>
        <source>Seal the procedure note</source>
        <translation>İşlem notunu mühürle</translation>
    </message>
    <message>
        <source>View the note</source>
        <translation>Notu görüntüle</translation>
    </message>
    <message>
        <source>Addendum…</source>
        <translation>Ek not…</translation>
    </message>
    <message>
        <source>Discharge sheet…</source>
        <translation>Taburcu belgesi…</translation>
    </message>
    <message>
        <source>Procedure day:</source>
        <translation>İşlem günü:</translation>
    </message>
    <message>
        <source>Loading lots…</source>
        <translation>Partiler yükleniyor…</translation>
    </message>
    <message>
        <source>Loading the procedure day…</source>
        <translation>İşlem günü yükleniyor…</translation>
    </message>
    <message>
        <source>No procedure is planned for this patient: plan it from Today.</source>
        <translation>Bu hasta için planlanmış işlem yok: Bugün ekranından planlayın.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>yok</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>geçerli</translation>
    </message>
    <message>
        <source>WITHDRAWN</source>
        <translation>GERİ ÇEKİLDİ</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>SÜRESİ DOLDU</translation>
    </message>
    <message>
        <source>SUPERSEDED</source>
        <translation>YERİNE YENİSİ GELDİ</translation>
    </message>
    <message>
        <source>not on record</source>
        <translation>kayıtlı değil</translation>
    </message>
    <message>
        <source>Consent %1 — %2 today. Stage: %3.</source>
        <translation>Onam %1 — bugün %2. Aşama: %3.</translation>
    </message>
    <message>
        <source>Performing urologist: %1.</source>
        <translation>İşlemi yapacak ürolog: %1.</translation>
    </message>
    <message>
        <source>STOPPED: %1</source>
        <translation>DURDURULDU: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Kaydediliyor…</translation>
    </message>
    <message>
        <source>Answer no</source>
        <translation>“Hayır” yanıtı</translation>
    </message>
    <message>
        <source>Why not? (%1)</source>
        <translation>Neden olmadı? (%1)</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Kaydediliyor…</translation>
    </message>
    <message>
        <source>The note is sealed and can never be changed; a correction will be an addendum. Seal it now?</source>
        <translation>Not mühürlenir ve bir daha değiştirilemez; düzeltmeler ek not olarak yapılır. Şimdi mühürlensin mi?</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>Mühürle</translation>
    </message>
    <message>
        <source>Sealing…</source>
        <translation>Mühürleniyor…</translation>
    </message>
    <message>
        <source>Procedure note</source>
        <translation>İşlem notu</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Açılıyor…</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Ek not</translation>
    </message>
    <message>
        <source>The correction (it names the note it corrects):</source>
        <translation>Düzeltme (düzelttiği notu belirtir):</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Hazırlanıyor…</translation>
    </message>
</context>
<context>
    <name>ProcedureRecordDialog</name>
    <message>
        <source>Vasovagal reaction</source>
        <translation>Vazovagal reaksiyon</translation>
    </message>
    <message>
        <source>Bleeding</source>
        <translation>Kanama</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Ağrı</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Diğer</translation>
    </message>
    <message>
        <source>Record the procedure – %1</source>
        <translation>İşlemi kaydet – %1</translation>
    </message>
    <message>
        <source>e.g. lidocaine</source>
        <translation>örn. lidokain</translation>
    </message>
    <message>
        <source>e.g. 1%</source>
        <translation>örn. %1</translation>
    </message>
    <message>
        <source>Spermatic cord block</source>
        <translation>Spermatik kord bloğu</translation>
    </message>
    <message>
        <source>Skin infiltration</source>
        <translation>Cilt infiltrasyonu</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>sorulmadı</translation>
    </message>
    <message>
        <source>Record the discharge time</source>
        <translation>Taburcu saatini kaydet</translation>
    </message>
    <message>
        <source>Lot:</source>
        <translation>Parti:</translation>
    </message>
    <message>
        <source>Times on the clinic&apos;s clock (%1).</source>
        <translation>Saatler kliniğin saatine göre (%1).</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Başlangıç:</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>Bitiş:</translation>
    </message>
    <message>
        <source>Assistant:</source>
        <translation>Asistan:</translation>
    </message>
    <message>
        <source>Local anaesthetic:</source>
        <translation>Lokal anestezik:</translation>
    </message>
    <message>
        <source>Concentration:</source>
        <translation>Konsantrasyon:</translation>
    </message>
    <message>
        <source>Anaesthetic, left side:</source>
        <translation>Anestezik, sol taraf:</translation>
    </message>
    <message>
        <source>Anaesthetic, right side:</source>
        <translation>Anestezik, sağ taraf:</translation>
    </message>
    <message>
        <source>Technique:</source>
        <translation>Teknik:</translation>
    </message>
    <message>
        <source>Needle gauge:</source>
        <translation>İğne kalınlığı (G):</translation>
    </message>
    <message>
        <source>Volume into the left testis:</source>
        <translation>Sol testise verilen hacim:</translation>
    </message>
    <message>
        <source>Puncture sites, left:</source>
        <translation>Giriş noktası sayısı, sol:</translation>
    </message>
    <message>
        <source>Volume into the right testis:</source>
        <translation>Sağ testise verilen hacim:</translation>
    </message>
    <message>
        <source>Puncture sites, right:</source>
        <translation>Giriş noktası sayısı, sağ:</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Olaylar:</translation>
    </message>
    <message>
        <source>Event details:</source>
        <translation>Olay ayrıntıları:</translation>
    </message>
    <message>
        <source>Pain score (0–10):</source>
        <translation>Ağrı skoru (0–10):</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Kaydet</translation>
    </message>
</context>
<context>
    <name>ProgrammeFacts</name>
    <message>
        <source>Name of the clinic</source>
        <translation>Kliniğin adı</translation>
    </message>
    <message>
        <source>Clinic telephone for questions (office hours)</source>
        <translation>Sorular için klinik telefonu (mesai saatleri)</translation>
    </message>
    <message>
        <source>Telephone answered day and night for complications</source>
        <translation>Komplikasyonlar için gece gündüz yanıt veren telefon</translation>
    </message>
    <message>
        <source>Minimum days between the explanation and signing (clinic setting, default 14)</source>
        <translation>Bilgilendirme ile imza arasındaki en az gün sayısı (klinik ayarı, varsayılan 14)</translation>
    </message>
    <message>
        <source>Trade or internal name of the exosome product</source>
        <translation>Eksozom ürününün ticari ya da kurum içi adı</translation>
    </message>
    <message>
        <source>Company or laboratory that makes the product</source>
        <translation>Ürünü üreten firma ya da laboratuvar</translation>
    </message>
    <message>
        <source>Cells the exosomes come from (cell type; donor or own cells)</source>
        <translation>Eksozomların elde edildiği hücreler (hücre tipi; donör ya da kendi hücreleri)</translation>
    </message>
    <message>
        <source>Tests the manufacturer reports for each batch (sterility, identity...)</source>
        <translation>Üreticinin her seri için bildirdiği testler (sterilite, kimlik...)</translation>
    </message>
    <message>
        <source>Lot / batch number (may be filled in on the day of the procedure)</source>
        <translation>Parti / seri numarası (işlem günü doldurulabilir)</translation>
    </message>
    <message>
        <source>Dose or volume injected into each testis</source>
        <translation>Her testise enjekte edilen doz ya da hacim</translation>
    </message>
    <message>
        <source>How long the visit and the injections take at this clinic</source>
        <translation>Bu klinikte ziyaretin ve enjeksiyonların ne kadar sürdüğü</translation>
    </message>
    <message>
        <source>Total amount charged for one treatment</source>
        <translation>Bir tedavi için alınan toplam ücret</translation>
    </message>
    <message>
        <source>What is charged if the treatment is repeated</source>
        <translation>Tedavi tekrarlanırsa alınan ücret</translation>
    </message>
    <message>
        <source>Who pays if a complication needs treatment (content release 1.1, item 3)</source>
        <translation>Bir komplikasyon tedavi gerektirirse masrafı kimin karşılayacağı (içerik sürümü 1.1, madde 3)</translation>
    </message>
    <message>
        <source>How many injection sessions the programme plans (content release 1.1, item 6)</source>
        <translation>Programda kaç enjeksiyon seansı planlandığı (içerik sürümü 1.1, madde 6)</translation>
    </message>
    <message>
        <source>Whether donor sperm is an alternative in the clinic&apos;s country (from the country setting, content release 1.1, item 8)</source>
        <translation>Kliniğin bulunduğu ülkede donör spermin bir seçenek olup olmadığı (ülke ayarından, içerik sürümü 1.1, madde 8)</translation>
    </message>
    <message>
        <source>The patient&apos;s own repeat micro-TESE figure and why it applies (filled from the case, content release 1.1, item 7)</source>
        <translation>Hastanın kendi durumu için tekrar mikro-TESE oranı ve neden geçerli olduğu (vakadan doldurulur, içerik sürümü 1.1, madde 7)</translation>
    </message>
    <message>
        <source>Doctor who performs the procedure</source>
        <translation>İşlemi yapan hekim</translation>
    </message>
    <message>
        <source>Ethics committee approval or Ministry permit number, or a statement that there is none</source>
        <translation>Etik kurul onayı ya da Bakanlık izin numarası veya bulunmadığına dair bir açıklama</translation>
    </message>
    <message>
        <source>Whether the clinic or doctor earns from the product, in the clinic&apos;s words</source>
        <translation>Kliniğin ya da hekimin üründen kazanç sağlayıp sağlamadığı, kliniğin kendi ifadesiyle</translation>
    </message>
    <message>
        <source>Independent expert whose advice was sought (Declaration of Helsinki para. 37)</source>
        <translation>Görüşüne başvurulan bağımsız uzman (Helsinki Bildirgesi md. 37)</translation>
    </message>
    <message>
        <source>Date that advice was given</source>
        <translation>Görüşün verildiği tarih</translation>
    </message>
    <message>
        <source>Follow-up visits and tests with their times</source>
        <translation>Kontrol ziyaretleri ve testler ile zamanları</translation>
    </message>
</context>
<context>
    <name>ProgrammeFactsDialog</name>
    <message>
        <source>Programme facts</source>
        <translation>Program bilgileri</translation>
    </message>
</context>
<context>
    <name>ProgrammeFactsPage</name>
    <message>
        <source>Save programme facts</source>
        <translation>Program bilgilerini kaydet</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Geri al</translation>
    </message>
    <message>
        <source>Entered by the administrator; every change is recorded in the audit log.</source>
        <translation>Yönetici tarafından girilir; her değişiklik denetim kaydına yazılır.</translation>
    </message>
    <message>
        <source>Read-only: the administrator enters these facts.</source>
        <translation>Salt okunur: bu bilgileri yönetici girer.</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>Ürün adı</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Üretici</translation>
    </message>
    <message>
        <source>Cell source of the exosomes</source>
        <translation>Eksozomların elde edildiği hücre kaynağı</translation>
    </message>
    <message>
        <source>Tests on each batch (optional)</source>
        <translation>Her partide yapılan testler (isteğe bağlı)</translation>
    </message>
    <message>
        <source>Dose or volume per testis</source>
        <translation>Testis başına doz ya da hacim</translation>
    </message>
    <message>
        <source>How long the visit takes (optional)</source>
        <translation>Ziyaretin süresi (isteğe bağlı)</translation>
    </message>
    <message>
        <source>Total cost of one treatment</source>
        <translation>Bir tedavinin toplam ücreti</translation>
    </message>
    <message>
        <source>Cost of a repeat</source>
        <translation>Tekrarın ücreti</translation>
    </message>
    <message>
        <source>Who pays for treating a complication</source>
        <translation>Bir komplikasyonun tedavisini kimin karşılayacağı</translation>
    </message>
    <message>
        <source>Injection sessions planned</source>
        <translation>Planlanan enjeksiyon seansları</translation>
    </message>
    <message>
        <source>Ethics approval or permit (or an explicit “none”)</source>
        <translation>Etik kurul onayı ya da izin (yoksa açıkça “yok”)</translation>
    </message>
    <message>
        <source>Conflicts of interest</source>
        <translation>Çıkar çatışmaları</translation>
    </message>
    <message>
        <source>Independent expert consulted</source>
        <translation>Danışılan bağımsız uzman</translation>
    </message>
    <message>
        <source>Date of the expert&apos;s advice</source>
        <translation>Uzman görüşünün tarihi</translation>
    </message>
    <message>
        <source>Follow-up visits and tests</source>
        <translation>Kontrol ziyaretleri ve tetkikler</translation>
    </message>
    <message>
        <source>English</source>
        <translation>İngilizce</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>Türkçe</translation>
    </message>
    <message>
        <source>Loading programme facts…</source>
        <translation>Program bilgileri yükleniyor…</translation>
    </message>
    <message>
        <source>No ethics approval or permit: record that explicitly</source>
        <translation>Etik kurul onayı veya izni yok: bunu açıkça kaydet</translation>
    </message>
    <message>
        <source>Last changed by %1 on %2</source>
        <translation>Son değiştiren: %1, %2</translation>
    </message>
    <message>
        <source>A consent in %1 cannot be signed yet: %2 missing.</source>
        <translation>%1 onam henüz imzalanamaz: %2 bilgi eksik.</translation>
    </message>
    <message>
        <source>Every fact a consent prints is recorded in every language.</source>
        <translation>Onamda basılan her bilgi her dilde kayıtlı.</translation>
    </message>
    <message>
        <source>Programme facts</source>
        <translation>Program bilgileri</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Hiçbir şey değiştirilmedi.</translation>
    </message>
    <message>
        <source>Saving programme facts…</source>
        <translation>Program bilgileri kaydediliyor…</translation>
    </message>
    <message>
        <source>The programme facts were saved.</source>
        <translation>Program bilgileri kaydedildi.</translation>
    </message>
</context>
<context>
    <name>QuestionsBox</name>
    <message>
        <source>Time</source>
        <translation>Saat</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Soru</translation>
    </message>
    <message>
        <source>Answer given</source>
        <translation>Verilen yanıt</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>Soru ekle</translation>
    </message>
    <message>
        <source>Patient asked</source>
        <translation>Hastanın sorusu</translation>
    </message>
</context>
<context>
    <name>ReadingMaterialDialog</name>
    <message>
        <source>Information pack</source>
        <translation>Bilgilendirme paketi</translation>
    </message>
    <message>
        <source>Blank consent form (for reading)</source>
        <translation>Boş onam formu (okumak için)</translation>
    </message>
    <message>
        <source>Reading material for %1</source>
        <translation>%1 için okuma materyali</translation>
    </message>
    <message>
        <source>Marked “information only — not a consent” on every page.</source>
        <translation>Her sayfada “yalnızca bilgilendirme — onam değildir” ibaresi bulunur.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Yazdır…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF olarak kaydet…</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Belge:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Dil:</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Hazırlanıyor…</translation>
    </message>
    <message>
        <source>No printer is installed on this computer: use “Save as PDF”.</source>
        <translation>Bu bilgisayarda yazıcı kurulu değil: “PDF olarak kaydet” seçeneğini kullanın.</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>%1 yazıcısına gönderildi.</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>%1 konumuna kaydedildi</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <source>Patients who received %1</source>
        <translation>%1 uygulanan hastalar</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>Hasta no</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Doğum tarihi</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>İşlem</translation>
    </message>
    <message>
        <source>Left mL</source>
        <translation>Sol mL</translation>
    </message>
    <message>
        <source>Right mL</source>
        <translation>Sağ mL</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-posta</translation>
    </message>
    <message>
        <source>Urologist</source>
        <translation>Ürolog</translation>
    </message>
    <message>
        <source>%1 patient(s) received this lot.</source>
        <translation>Bu parti %1 hastaya uygulandı.</translation>
    </message>
</context>
<context>
    <name>ReceiveLotDialog</name>
    <message>
        <source>Receive a product lot</source>
        <translation>Ürün partisi teslim al</translation>
    </message>
    <message>
        <source>Attach the certificate PDF…</source>
        <translation>Sertifika PDF&apos;sini ekle…</translation>
    </message>
    <message>
        <source>no PDF attached</source>
        <translation>PDF eklenmedi</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Ürün:</translation>
    </message>
    <message>
        <source>Manufacturer:</source>
        <translation>Üretici:</translation>
    </message>
    <message>
        <source>Lot number:</source>
        <translation>Parti no:</translation>
    </message>
    <message>
        <source>Expiry date:</source>
        <translation>Son kullanma tarihi:</translation>
    </message>
    <message>
        <source>Received on:</source>
        <translation>Teslim tarihi:</translation>
    </message>
    <message>
        <source>Vials:</source>
        <translation>Flakon sayısı:</translation>
    </message>
    <message>
        <source>Volume per vial:</source>
        <translation>Flakon başına hacim:</translation>
    </message>
    <message>
        <source>Temperature on receipt:</source>
        <translation>Teslimdeki sıcaklık:</translation>
    </message>
    <message>
        <source>Storage range, lowest:</source>
        <translation>Saklama aralığı, en düşük:</translation>
    </message>
    <message>
        <source>Storage range, highest:</source>
        <translation>Saklama aralığı, en yüksek:</translation>
    </message>
    <message>
        <source>Certificate of analysis (reference):</source>
        <translation>Analiz sertifikası (referans):</translation>
    </message>
    <message>
        <source>Receive (quarantine)</source>
        <translation>Teslim al (karantina)</translation>
    </message>
    <message>
        <source>Certificate of analysis</source>
        <translation>Analiz sertifikası</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF dosyaları (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RegistryReportDialog</name>
    <message>
        <source>Outcome registry report</source>
        <translation>Sonuç kayıt raporu</translation>
    </message>
</context>
<context>
    <name>RegistryReportPage</name>
    <message>
        <source>Every procedure to date</source>
        <translation>Bugüne dek yapılan tüm işlemler</translation>
    </message>
    <message>
        <source>For outside the clinic: show counts below 5 as “&lt; 5” and leave out the list of serious events</source>
        <translation>Klinik dışı için: 5&apos;in altındaki sayıları “&lt; 5” olarak göster ve ciddi olaylar listesini çıkar</translation>
    </message>
    <message>
        <source>Make the report</source>
        <translation>Raporu oluştur</translation>
    </message>
    <message>
        <source>Save the CSV tables…</source>
        <translation>CSV tablolarını kaydet…</translation>
    </message>
    <message>
        <source>Procedures from:</source>
        <translation>İşlem tarihi başlangıcı:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>bitişi:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Dil:</translation>
    </message>
    <message>
        <source>Patients treated, follow-up completeness, outcomes with 95 % intervals beside the figure without the treatment, and adverse events. The CSV tables always show counts below 5 as “&lt; 5”.</source>
        <translation>Tedavi edilen hastalar, izlemin tamlığı, tedavisiz beklenen değerin yanında %95 aralıklarıyla sonuçlar ve advers olaylar. CSV tablolarında 5&apos;in altındaki sayılar her zaman “&lt; 5” olarak gösterilir.</translation>
    </message>
    <message>
        <source>Making the registry report…</source>
        <translation>Kayıt raporu oluşturuluyor…</translation>
    </message>
    <message>
        <source>Report made for %1 patient(s).</source>
        <translation>%1 hasta için rapor oluşturuldu.</translation>
    </message>
    <message>
        <source>Outcome registry report</source>
        <translation>Sonuç kayıt raporu</translation>
    </message>
    <message>
        <source>Folder for the CSV tables</source>
        <translation>CSV tabloları için klasör</translation>
    </message>
    <message>
        <source>Registry report</source>
        <translation>Kayıt raporu</translation>
    </message>
    <message>
        <source>%1 CSV tables saved in %2.</source>
        <translation>%1 CSV tablosu %2 klasörüne kaydedildi.</translation>
    </message>
</context>
<context>
    <name>ResearchExportDialog</name>
    <message>
        <source>Research export (pseudonymised)</source>
        <translation>Araştırma aktarımı (takma adlı)</translation>
    </message>
    <message>
        <source>Only treated patients who said yes to the outcome registry and did not withdraw it. No names, record numbers, contact details or birth dates; dates become days since the procedure. The export is recorded in the audit log with the pseudonyms it contains.</source>
        <translation>Yalnızca sonuç kaydına evet demiş ve bunu geri almamış, tedavi edilmiş hastalar. Ad, protokol numarası, iletişim bilgisi ya da doğum tarihi yoktur; tarihler işlemden bu yana geçen gün sayısına dönüşür. Aktarım, içerdiği takma adlarla birlikte denetim kaydına yazılır.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bitiş</translation>
    </message>
    <message>
        <source>First procedure</source>
        <translation>İlk işlem</translation>
    </message>
    <message>
        <source>Only patients who agreed to sharing with the manufacturer</source>
        <translation>Yalnızca üreticiyle paylaşıma onay veren hastalar</translation>
    </message>
    <message>
        <source>Include typed free text (shown to you first)</source>
        <translation>Elle yazılmış serbest metni de ekle (önce size gösterilir)</translation>
    </message>
    <message>
        <source>Reading the free text…</source>
        <translation>Serbest metin okunuyor…</translation>
    </message>
    <message>
        <source>Nothing was exported.</source>
        <translation>Hiçbir şey aktarılmadı.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Dışa aktarılıyor…</translation>
    </message>
    <message>
        <source>Exported %1 patient(s) into %2 (%3 files). %4 treated patient(s) were not included; README.txt in the folder says why.</source>
        <translation>%1 hasta %2 klasörüne aktarıldı (%3 dosya). Tedavi edilmiş %4 hasta dahil edilmedi; nedeni klasördeki README.txt dosyasında yazılıdır.</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve review</source>
        <translation>İncelemeyi sonuçlandır</translation>
    </message>
    <message>
        <source>This assessment needs a urologist&apos;s decision (%1). Your decision and reason are stored with the assessment, audited, and printed in the consent annex. It cannot be changed afterwards.</source>
        <translation>Bu değerlendirme için ürolog kararı gerekiyor (%1). Kararınız ve gerekçeniz değerlendirmeyle birlikte saklanır, denetim kaydına girer ve onam ekinde basılır. Sonradan değiştirilemez.</translation>
    </message>
    <message>
        <source>Proceed: the patient may continue to the explanation</source>
        <translation>Devam edilsin: hasta bilgilendirme aşamasına geçebilir</translation>
    </message>
    <message>
        <source>Do not proceed</source>
        <translation>Devam edilmesin</translation>
    </message>
    <message>
        <source>Reason (at least %1 characters)</source>
        <translation>Gerekçe (en az %1 karakter)</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>Kararı kaydet</translation>
    </message>
    <message>
        <source>%1 more characters needed</source>
        <translation>%1 karakter daha gerekli</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 karakter</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore this backup?</source>
        <translation>Bu yedek geri yüklensin mi?</translation>
    </message>
    <message>
        <source>Restoring %1 replaces this clinic&apos;s database, keys, forms and logo. Everything recorded after the backup will no longer be in the database (what is replaced is kept aside, not deleted). Close ExoConsult on every other computer first. Everyone signs in again afterwards.</source>
        <translation>%1 geri yüklenirse bu kliniğin veritabanı, anahtarları, formları ve logosu değiştirilir. Yedekten sonra kaydedilen her şey veritabanında artık bulunmaz (değiştirilenler silinmez, bir kenarda saklanır). Önce diğer tüm bilgisayarlarda ExoConsult&apos;u kapatın. Ardından herkes yeniden oturum açar.</translation>
    </message>
    <message>
        <source>This backup is of ANOTHER clinic (another certificate). Restoring it replaces %1 by %2. To go ahead, type the backup&apos;s clinic name exactly as shown.</source>
        <translation>Bu yedek BAŞKA bir kliniğe ait (başka bir sertifika). Geri yüklenirse %1 yerine %2 gelir. Devam etmek için yedeğin klinik adını tam olarak gösterildiği gibi yazın.</translation>
    </message>
    <message>
        <source>Backup&apos;s clinic name</source>
        <translation>Yedeğin klinik adı</translation>
    </message>
    <message>
        <source>Clinic passphrase</source>
        <translation>Klinik parola cümlesi</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Geri yükle</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Klinik</translation>
    </message>
    <message>
        <source>Certificate (SHA-256)</source>
        <translation>Sertifika (SHA-256)</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>Uygulama sürümü</translation>
    </message>
    <message>
        <source>Backup time (%1)</source>
        <translation>Yedek zamanı (%1)</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Şema</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Hastalar</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Onamlar</translation>
    </message>
    <message>
        <source>Audit chain head</source>
        <translation>Denetim zinciri başı</translation>
    </message>
    <message>
        <source>In the backup</source>
        <translation>Yedekte</translation>
    </message>
    <message>
        <source>Now on this computer</source>
        <translation>Şu an bu bilgisayarda</translation>
    </message>
    <message>
        <source>(no clinic yet)</source>
        <translation>(henüz klinik yok)</translation>
    </message>
    <message>
        <source>Database version %1</source>
        <translation>Veritabanı sürümü %1</translation>
    </message>
</context>
<context>
    <name>SavingDialog</name>
    <message>
        <source>Saving…</source>
        <translation>Kaydediliyor…</translation>
    </message>
</context>
<context>
    <name>SectionRow</name>
    <message>
        <source>Show</source>
        <translation>Göster</translation>
    </message>
    <message>
        <source>Show this section on the patient&apos;s screen</source>
        <translation>Bu bölümü hastanın ekranında göster</translation>
    </message>
    <message>
        <source>Discussed</source>
        <translation>Görüşüldü</translation>
    </message>
    <message>
        <source>Notes…</source>
        <translation>Notlar…</translation>
    </message>
    <message>
        <source>not shown yet</source>
        <translation>henüz gösterilmedi</translation>
    </message>
    <message>
        <source>shown %1</source>
        <translation>gösterildi: %1</translation>
    </message>
    <message>
        <source>first shown %1, last %2 (%3×)</source>
        <translation>ilk gösterim %1, son %2 (%3 kez)</translation>
    </message>
</context>
<context>
    <name>SendingDialog</name>
    <message>
        <source>Record the report&apos;s sending</source>
        <translation>Bildirimin gönderimini kaydet</translation>
    </message>
    <message>
        <source>person or office, e.g. the manufacturer&apos;s pharmacovigilance</source>
        <translation>kişi ya da birim, ör. üreticinin farmakovijilans birimi</translation>
    </message>
    <message>
        <source>Sent to:</source>
        <translation>Gönderilen yer:</translation>
    </message>
    <message>
        <source>Addressee:</source>
        <translation>Alıcı:</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>Gönderim yolu:</translation>
    </message>
    <message>
        <source>Sent on:</source>
        <translation>Gönderim tarihi:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Not:</translation>
    </message>
    <message>
        <source>Record the sending</source>
        <translation>Gönderimi kaydet</translation>
    </message>
</context>
<context>
    <name>ServiceErrors</name>
    <message>
        <source>Not allowed</source>
        <translation>İzin verilmiyor</translation>
    </message>
    <message>
        <source>Your role may not do this. Ask a colleague with the right role, or an administrator.</source>
        <translation>Rolünüz bunu yapmaya yetkili değil. Uygun role sahip bir meslektaşınızdan ya da bir yöneticiden isteyin.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Oturum kapalı</translation>
    </message>
    <message>
        <source>You are not signed in. Sign in again and retry.</source>
        <translation>Oturumunuz açık değil. Yeniden oturum açıp tekrar deneyin.</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Başka yerde değiştirildi</translation>
    </message>
    <message>
        <source>Someone else changed this record. Reopen it.</source>
        <translation>Bu kaydı başka biri değiştirdi. Kaydı yeniden açın.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Bulunamadı</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>Kayıt artık mevcut değil.</translation>
    </message>
    <message>
        <source>Please check the input</source>
        <translation>Lütfen girilenleri kontrol edin</translation>
    </message>
    <message>
        <source>Database too new</source>
        <translation>Veritabanı bu sürümden yeni</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>Veritabanı sorunu</translation>
    </message>
    <message>
        <source>Cannot do this</source>
        <translation>Bu yapılamıyor</translation>
    </message>
    <message>
        <source>Something went wrong (%s). Nothing was changed by this step; please retry, and tell the administrator if it happens again.</source>
        <translation>Bir sorun oluştu (%s). Bu adımda hiçbir şey değiştirilmedi; lütfen yeniden deneyin, tekrarlarsa yöneticiye bildirin.</translation>
    </message>
    <message>
        <source>The details are in the log file (it holds no patient data): %s</source>
        <translation>Ayrıntılar günlük dosyasında (hasta bilgisi içermez): %s</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Beklenmeyen hata</translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <source>Birth date is required.</source>
        <translation>Doğum tarihi zorunludur.</translation>
    </message>
    <message>
        <source>Birth date is in the future.</source>
        <translation>Doğum tarihi ileri bir tarih olamaz.</translation>
    </message>
    <message>
        <source>Birth date gives an age over 120 years.</source>
        <translation>Bu doğum tarihine göre yaş 120&apos;nin üzerinde; tarihi kontrol edin.</translation>
    </message>
    <message>
        <source>Sex must be male, female or other.</source>
        <translation>Cinsiyet erkek, kadın ya da diğer olmalıdır.</translation>
    </message>
    <message>
        <source>MRN is required.</source>
        <translation>Hasta no zorunludur.</translation>
    </message>
    <message>
        <source>MRN may use letters, digits, - _ / . (at most 32 characters).</source>
        <translation>Hasta no: harf, rakam ve - _ / . (en çok 32 karakter).</translation>
    </message>
    <message>
        <source>National id is not a valid T.C. kimlik number (11 digits with check digits).</source>
        <translation>T.C. kimlik no geçersiz (11 hane, kontrol haneleri tutmalı).</translation>
    </message>
    <message>
        <source>Phone number may contain digits, spaces, + ( ) - / .</source>
        <translation>Telefon numarası yalnızca rakam, boşluk ve + ( ) - / . içerebilir.</translation>
    </message>
    <message>
        <source>E-mail address is not valid.</source>
        <translation>E-posta adresi geçerli değil.</translation>
    </message>
    <message>
        <source>Preferred language must be a language tag such as tr or en.</source>
        <translation>Tercih ettiği dil, tr ya da en gibi bir dil kodu olmalıdır.</translation>
    </message>
    <message>
        <source>Name is required.</source>
        <translation>Ad zorunludur.</translation>
    </message>
    <message>
        <source>Name is longer than {max_len} characters.</source>
        <translation>Ad en fazla {max_len} karakter olabilir.</translation>
    </message>
    <message>
        <source>Name contains an invisible or control character.</source>
        <translation>Adda görünmeyen ya da kontrol karakteri var.</translation>
    </message>
    <message>
        <source>Name contains a character not allowed in a name: {char}.</source>
        <translation>Adda, adlarda kullanılamayan bir karakter var: {char}.</translation>
    </message>
    <message>
        <source>{label} is longer than {max_len} characters</source>
        <translation>{label} en fazla {max_len} karakter olabilir</translation>
    </message>
    <message>
        <source>{label} contains an invisible or control character</source>
        <translation>{label} alanında görünmeyen ya da kontrol karakteri var</translation>
    </message>
    <message>
        <source>{label} must be text</source>
        <translation>{label} metin olmalıdır</translation>
    </message>
    <message>
        <source>{label} is required</source>
        <translation>{label} zorunludur</translation>
    </message>
    <message>
        <source>{label} may contain digits, spaces, + ( ) - / .</source>
        <translation>{label} yalnızca rakam, boşluk ve + ( ) - / . içerebilir</translation>
    </message>
    <message>
        <source>{label} must be one of {options}</source>
        <translation>{label} şunlardan biri olmalıdır: {options}</translation>
    </message>
    <message>
        <source>{label} must be a whole number from {low} to {high}</source>
        <translation>{label} {low} ile {high} arasında bir tam sayı olmalıdır</translation>
    </message>
    <message>
        <source>{label} must be yes or no</source>
        <translation>{label} evet ya da hayır olmalıdır</translation>
    </message>
    <message>
        <source>Time zone must be an IANA name such as Europe/Istanbul</source>
        <translation>Saat dilimi Europe/Istanbul gibi bir IANA adı olmalıdır</translation>
    </message>
    <message>
        <source>Unknown time zone {zone} (use an IANA name such as Europe/Istanbul)</source>
        <translation>Bilinmeyen saat dilimi {zone} (Europe/Istanbul gibi bir IANA adı kullanın)</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Klinik adı</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Clinic phone</source>
        <translation>Klinik telefonu</translation>
    </message>
    <message>
        <source>24-hour complication line</source>
        <translation>24 saat komplikasyon hattı</translation>
    </message>
    <message>
        <source>Default language</source>
        <translation>Hastaların varsayılan dili</translation>
    </message>
    <message>
        <source>Clinician&apos;s working language</source>
        <translation>Klinisyenlerin çalışma dili</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Kâğıt boyutu</translation>
    </message>
    <message>
        <source>Idle lock (minutes)</source>
        <translation>Boşta kilitleme süresi (dakika)</translation>
    </message>
    <message>
        <source>Reflection period (days)</source>
        <translation>Düşünme süresi (gün)</translation>
    </message>
    <message>
        <source>Consent validity (days)</source>
        <translation>Onamın geçerlilik süresi (gün)</translation>
    </message>
    <message>
        <source>Witness required</source>
        <translation>Tanık zorunluluğu</translation>
    </message>
    <message>
        <source>Witnesses may confirm with a PIN</source>
        <translation>Tanıklar PIN koduyla doğrulayabilir</translation>
    </message>
    <message>
        <source>Country of the clinic (ISO code)</source>
        <translation>Kliniğin bulunduğu ülke (ISO kodu)</translation>
    </message>
    <message>
        <source>is not a setting that can be changed here</source>
        <translation>burada değiştirilebilen bir ayar değil</translation>
    </message>
    <message>
        <source>The logo file is empty.</source>
        <translation>Logo dosyası boş.</translation>
    </message>
    <message>
        <source>The logo must be at most 2 MB.</source>
        <translation>Logo en fazla 2 MB olabilir.</translation>
    </message>
    <message>
        <source>The logo must be a PNG or JPEG image.</source>
        <translation>Logo PNG ya da JPEG biçiminde bir görsel olmalıdır.</translation>
    </message>
    <message>
        <source>MRN {mrn} is already used by another patient.</source>
        <translation>{mrn} hasta numarası başka bir hastaya ait.</translation>
    </message>
    <message>
        <source>This patient was changed by someone else since you opened it. Reopen to see the changes.</source>
        <translation>Bu hasta kaydı, siz açtıktan sonra başka biri tarafından değiştirildi. Değişiklikleri görmek için kaydı yeniden açın.</translation>
    </message>
    <message>
        <source>Username must be 2 to 64 characters: letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;, starting with a letter or digit.</source>
        <translation>Kullanıcı adı 2 ile 64 karakter arasında olmalı; harf, rakam, &apos;.&apos;, &apos;-&apos; ya da &apos;_&apos; içerebilir ve harf ya da rakamla başlamalıdır.</translation>
    </message>
    <message>
        <source>Role must be admin, urologist or nurse.</source>
        <translation>Rol yönetici, ürolog ya da hemşire olmalıdır.</translation>
    </message>
    <message>
        <source>Title may hold letters, spaces and &apos;.&apos; (at most 40 characters).</source>
        <translation>Unvan yalnızca harf, boşluk ve &apos;.&apos; içerebilir (en fazla 40 karakter).</translation>
    </message>
    <message>
        <source>Registration number may hold letters, digits, &apos;.&apos;, &apos;/&apos;, &apos;-&apos; (at most 40).</source>
        <translation>Sicil numarası yalnızca harf, rakam, &apos;.&apos;, &apos;/&apos;, &apos;-&apos; içerebilir (en fazla 40 karakter).</translation>
    </message>
    <message>
        <source>Title and registration number are for clinicians (urologist, nurse), not admins.</source>
        <translation>Unvan ve sicil numarası klinisyenler (ürolog, hemşire) içindir; yönetici hesaplarına girilmez.</translation>
    </message>
    <message>
        <source>Give the clinic passphrase: it lets this account seal consents and notes.</source>
        <translation>Klinik parolasını girin: bu hesabın onam formlarını ve notları mühürleyebilmesi için gereklidir.</translation>
    </message>
    <message>
        <source>The clinic passphrase is not right.</source>
        <translation>Klinik parolası doğru değil.</translation>
    </message>
    <message>
        <source>The username {username} is taken (usernames are never reused, even after deactivation).</source>
        <translation>{username} kullanıcı adı kullanılıyor (kullanıcı adları, hesap devre dışı bırakılsa bile yeniden kullanılmaz).</translation>
    </message>
    <message>
        <source>A username cannot be changed; create a new account instead.</source>
        <translation>Kullanıcı adı değiştirilemez; bunun yerine yeni bir hesap oluşturun.</translation>
    </message>
    <message>
        <source>This account was changed by someone else since you opened it. Reopen it.</source>
        <translation>Bu hesap, siz açtıktan sonra başka biri tarafından değiştirildi. Hesabı yeniden açın.</translation>
    </message>
    <message>
        <source>This is the last active admin account; create another admin first.</source>
        <translation>Bu, etkin olan son yönetici hesabı; önce başka bir yönetici hesabı oluşturun.</translation>
    </message>
    <message>
        <source>Give a reason for deactivating the account.</source>
        <translation>Hesabı devre dışı bırakma gerekçesini yazın.</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>Kendi hesabınızı devre dışı bırakamazsınız.</translation>
    </message>
    <message>
        <source>Give a reason for reactivating the account.</source>
        <translation>Hesabı yeniden etkinleştirme gerekçesini yazın.</translation>
    </message>
    <message>
        <source>Change your own password with &apos;Change password&apos;, not a reset.</source>
        <translation>Kendi parolanızı sıfırlamayla değil, &apos;Parola değiştir&apos; ile değiştirin.</translation>
    </message>
    <message>
        <source>Choose a screen language from the list.</source>
        <translation>Listeden bir ekran dili seçin.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Mevcut parola yanlış.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>Yeni parola mevcut paroladan farklı olmalıdır.</translation>
    </message>
    <message>
        <source>Sign-in failed: the username or password is wrong, or the account is locked for {minutes} minutes after {failures} failed attempts.</source>
        <translation>Oturum açılamadı: kullanıcı adı ya da parola yanlış veya hesap {failures} başarısız denemeden sonra {minutes} dakika süreyle kilitlendi.</translation>
    </message>
    <message>
        <source>Your password was set by an administrator. Choose a new password to continue.</source>
        <translation>Parolanız bir yönetici tarafından belirlendi. Devam etmek için yeni bir parola seçin.</translation>
    </message>
    <message>
        <source>The password must be text.</source>
        <translation>Parola metin olmalıdır.</translation>
    </message>
    <message>
        <source>The password</source>
        <translation>Parola</translation>
    </message>
    <message>
        <source>{label} must be text.</source>
        <translation>{label} metin olmalıdır.</translation>
    </message>
    <message>
        <source>{label} must be at least {count} characters.</source>
        <translation>{label} en az {count} karakter olmalıdır.</translation>
    </message>
    <message>
        <source>{label} must be at most {count} characters.</source>
        <translation>{label} en fazla {count} karakter olabilir.</translation>
    </message>
    <message>
        <source>{label} must not contain control characters.</source>
        <translation>{label} kontrol karakteri içeremez.</translation>
    </message>
    <message>
        <source>{label} must not be the username or the display name.</source>
        <translation>{label} kullanıcı adı ya da görünen adla aynı olamaz.</translation>
    </message>
    <message>
        <source>The new password</source>
        <translation>Yeni parola</translation>
    </message>
    <message>
        <source>{label} must differ from the current password.</source>
        <translation>{label} mevcut paroladan farklı olmalıdır.</translation>
    </message>
    <message>
        <source>{label} is one of the most common passwords; choose something others would not guess.</source>
        <translation>{label} en sık kullanılan parolalardan biri; başkalarının tahmin edemeyeceği bir şey seçin.</translation>
    </message>
    <message>
        <source>{label} must not contain the username or a part of the name.</source>
        <translation>{label} kullanıcı adını ya da adın bir bölümünü içeremez.</translation>
    </message>
    <message>
        <source>{label} is too easy to guess ({hint}; about 10^{power} guesses); a phrase of three or four unrelated words is strong and easy to remember.</source>
        <translation>{label} çok kolay tahmin edilir (yaklaşık 10^{power} denemede bulunur); birbiriyle ilgisiz üç dört sözcükten oluşan bir ifade hem güçlü hem de akılda kalıcıdır.</translation>
    </message>
    <message>
        <source>The clinic passphrase</source>
        <translation>Klinik parolası</translation>
    </message>
    <message>
        <source>{path} already exists: this clinic has its backup key</source>
        <translation>{path} zaten var: bu kliniğin yedekleme anahtarı mevcut</translation>
    </message>
    <message>
        <source>this clinic has no backup key ({path} is missing): an administrator sets the clinic passphrase with `exoconsult clinic-passphrase` (or restores the keys folder from a backup)</source>
        <translation>bu kliniğin yedekleme anahtarı yok ({path} bulunamadı): bir yönetici klinik parolasını `exoconsult clinic-passphrase` komutuyla belirler (ya da keys klasörünü bir yedekten geri yükler)</translation>
    </message>
    <message>
        <source>{path} cannot be read ({error})</source>
        <translation>{path} okunamıyor ({error})</translation>
    </message>
    <message>
        <source>The clinic passphrase must not be the admin&apos;s password.</source>
        <translation>Klinik parolası yöneticinin parolasıyla aynı olamaz.</translation>
    </message>
    <message>
        <source>This clinic is already set up; change the profile in Settings.</source>
        <translation>Bu klinik zaten kurulu; klinik bilgilerini Ayarlar&apos;dan değiştirin.</translation>
    </message>
    <message>
        <source>{folder} already holds a signing key from an earlier installation; move that folder somewhere safe, then run setup again.</source>
        <translation>{folder} klasöründe önceki bir kurulumdan kalma bir imza anahtarı var; bu klasörü güvenli bir yere taşıyın, sonra kurulumu yeniden çalıştırın.</translation>
    </message>
    <message>
        <source>Choose &apos;proceed&apos; or &apos;do not proceed&apos;.</source>
        <translation>&apos;Devam edilsin&apos; ya da &apos;Devam edilmesin&apos; seçeneklerinden birini seçin.</translation>
    </message>
    <message>
        <source>Write the reason for this decision in at least {minimum} characters ({count} so far).</source>
        <translation>Bu kararın gerekçesini en az {minimum} karakterle yazın (şu ana kadar {count}).</translation>
    </message>
    <message>
        <source>Only a &apos;needs review&apos; verdict can be resolved; this one is &apos;{verdict}&apos;. The data must change and the assessment be run again.</source>
        <translation>Yalnızca &apos;inceleme gerekli&apos; sonucu karara bağlanabilir; bu değerlendirmenin sonucu &apos;{verdict}&apos;. Verilerin değişmesi ve değerlendirmenin yeniden yapılması gerekir.</translation>
    </message>
    <message>
        <source>The history changed after this assessment. Run the assessment again, then resolve the new one.</source>
        <translation>Bu değerlendirmeden sonra öykü değişti. Değerlendirmeyi yeniden yapın, sonra yenisini karara bağlayın.</translation>
    </message>
    <message>
        <source>This assessment has already been resolved; a resolution cannot be changed.</source>
        <translation>Bu değerlendirme zaten karara bağlandı; verilen karar değiştirilemez.</translation>
    </message>
    <message>
        <source>A newer assessment of this patient exists; resolve that one instead.</source>
        <translation>Bu hastanın daha yeni bir değerlendirmesi var; onu karara bağlayın.</translation>
    </message>
    <message>
        <source>The witness&apos;s password was not accepted (wrong, or the witness&apos;s account is locked for 15 minutes after 5 failed attempts). Nothing was signed.</source>
        <translation>Tanığın parolası kabul edilmedi (yanlış ya da 5 hatalı denemeden sonra tanığın hesabı 15 dakikalığına kilitli). Hiçbir şey imzalanmadı.</translation>
    </message>
    <message>
        <source>The witness must be an active nurse or urologist account.</source>
        <translation>Tanık, etkin bir hemşire ya da ürolog hesabı olmalıdır.</translation>
    </message>
    <message>
        <source>The witness must be someone other than the treating urologist.</source>
        <translation>Tanık, tedaviyi yapan ürologdan başka biri olmalıdır.</translation>
    </message>
    <message>
        <source>The witness types their own password to confirm who they are.</source>
        <translation>Tanık, kimliğini doğrulamak için kendi parolasını yazar.</translation>
    </message>
    <message>
        <source>The witness&apos;s password was set by an administrator: the witness signs in once and chooses their own first.</source>
        <translation>Tanığın parolası bir yönetici tarafından belirlendi: tanık önce bir kez oturum açıp kendi parolasını seçmelidir.</translation>
    </message>
    <message>
        <source>There is no consent text in {language}.</source>
        <translation>{language} dilinde onam metni yok.</translation>
    </message>
    <message>
        <source>The patient has not initialled “{heading}”.</source>
        <translation>Hasta “{heading}” bölümünü paraflamadı.</translation>
    </message>
    <message>
        <source>Initials must be at most 8 plain characters.</source>
        <translation>Paraf en fazla 8 düz karakter olabilir.</translation>
    </message>
    <message>
        <source>Answer yes or no (neither is required for treatment).</source>
        <translation>Evet ya da hayır yanıtını verin (tedavi için ikisi de zorunlu değildir).</translation>
    </message>
    <message>
        <source>Only one signature per role.</source>
        <translation>Her rol için yalnızca bir imza atılabilir.</translation>
    </message>
    <message>
        <source>This signature is required.</source>
        <translation>Bu imza zorunludur.</translation>
    </message>
    <message>
        <source>Record the language the interpreter used.</source>
        <translation>Tercümanın kullandığı dili kaydedin.</translation>
    </message>
    <message>
        <source>The external witness&apos;s relation to the patient</source>
        <translation>Dış tanığın hastayla yakınlığı</translation>
    </message>
    <message>
        <source>No explanation in {language} is on record.</source>
        <translation>{language} dilinde kayıtlı bir bilgilendirme yok.</translation>
    </message>
    <message>
        <source>The assessment and the explanation must be on record first.</source>
        <translation>Önce uygunluk değerlendirmesi ve bilgilendirme kayıtlı olmalıdır.</translation>
    </message>
    <message>
        <source>the seal key in keys/ (certificate {found}) is not the clinic&apos;s pinned certificate ({pinned}); nothing was sealed. Ask the administrator.</source>
        <translation>keys/ klasöründeki mühür anahtarı (sertifika {found}) kliniğin sabitlenmiş sertifikası ({pinned}) değil; hiçbir şey mühürlenmedi. Yöneticiye başvurun.</translation>
    </message>
    <message>
        <source>This consent was already withdrawn.</source>
        <translation>Bu onam zaten geri çekilmiş.</translation>
    </message>
    <message>
        <source>Enter a whole number, with the digits 0-9 only.</source>
        <translation>Yalnızca 0-9 rakamlarıyla bir tam sayı girin.</translation>
    </message>
    <message>
        <source>Enter a number: the digits 0-9 with at most one decimal comma, no thousands separator.</source>
        <translation>Bir sayı girin: 0-9 rakamları, en fazla bir ondalık virgül, binlik ayırıcı olmadan.</translation>
    </message>
    <message>
        <source>Enter a date as dd.mm.yyyy.</source>
        <translation>Tarihi gg.aa.yyyy biçiminde girin.</translation>
    </message>
    <message>
        <source>{text} is not a number</source>
        <translation>{text} bir sayı değil</translation>
    </message>
    <message>
        <source>{text} is not a whole number</source>
        <translation>{text} bir tam sayı değil</translation>
    </message>
    <message>
        <source>{value} is outside the allowed range {low}–{high}{unit}.</source>
        <translation>{value}, izin verilen {low}–{high}{unit} aralığının dışında.</translation>
    </message>
    <message>
        <source>This item takes no answer.</source>
        <translation>Bu madde yanıt almaz.</translation>
    </message>
    <message>
        <source>Choose one of the answers offered.</source>
        <translation>Sunulan yanıtlardan birini seçin.</translation>
    </message>
    <message>
        <source>Choose among the answers offered, each at most once.</source>
        <translation>Sunulan yanıtlar arasından seçin; her biri en fazla bir kez.</translation>
    </message>
    <message>
        <source>The text</source>
        <translation>Metin</translation>
    </message>
    <message>
        <source>Enter text.</source>
        <translation>Metin girin.</translation>
    </message>
    <message>
        <source>{date} is in the future.</source>
        <translation>{date} ileri bir tarih.</translation>
    </message>
    <message>
        <source>Give the value with its unit.</source>
        <translation>Değeri birimiyle birlikte girin.</translation>
    </message>
    <message>
        <source>The unit {unit} is not accepted here; use {units}.</source>
        <translation>{unit} birimi burada kabul edilmiyor; şunlardan birini kullanın: {units}.</translation>
    </message>
    <message>
        <source>These characters cannot be printed in the document and would appear as empty boxes: {shown}. Please remove them (emoji are not printed).</source>
        <translation>Bu karakterler belgede basılamaz ve boş kutu olarak görünür: {shown}. Lütfen bunları silin (emoji basılmaz).</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label} zorunludur.</translation>
    </message>
    <message>
        <source>{label} must be from {first} to {last}.</source>
        <translation>{label} {first} ile {last} arasında olmalıdır.</translation>
    </message>
    <message>
        <source>Choose a grade from 1 to 5 (CTCAE v5).</source>
        <translation>1 ile 5 arasında bir derece seçin (CTCAE v5).</translation>
    </message>
    <message>
        <source>Unknown seriousness criterion.</source>
        <translation>Bilinmeyen ciddiyet ölçütü.</translation>
    </message>
    <message>
        <source>Choose how likely the treatment caused it (WHO-UMC).</source>
        <translation>Olaya tedavinin yol açma olasılığını seçin (WHO-UMC).</translation>
    </message>
    <message>
        <source>Say whether it is listed among the consent&apos;s risks.</source>
        <translation>Onam formundaki riskler arasında sayılıp sayılmadığını belirtin.</translation>
    </message>
    <message>
        <source>Choose the outcome.</source>
        <translation>Sonucu seçin.</translation>
    </message>
    <message>
        <source>The outcome date</source>
        <translation>Sonuç tarihi</translation>
    </message>
    <message>
        <source>An outcome date goes with recovered, recovered with sequelae or fatal.</source>
        <translation>Sonuç tarihi yalnızca “iyileşti”, “sekelle iyileşti” ya da “ölümle sonuçlandı” sonuçlarında girilir.</translation>
    </message>
    <message>
        <source>The action taken</source>
        <translation>Yapılan müdahale</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>Not</translation>
    </message>
    <message>
        <source>The date the clinic learnt this</source>
        <translation>Kliniğin bunu öğrendiği tarih</translation>
    </message>
    <message>
        <source>This patient has no recorded procedure: an adverse event follows a procedure.</source>
        <translation>Bu hastanın kayıtlı bir işlemi yok: advers olay bir işlemin ardından kaydedilir.</translation>
    </message>
    <message>
        <source>That procedure is not this patient&apos;s.</source>
        <translation>Bu işlem bu hastaya ait değil.</translation>
    </message>
    <message>
        <source>The onset date</source>
        <translation>Başlangıç tarihi</translation>
    </message>
    <message>
        <source>The date the clinic learnt of it</source>
        <translation>Kliniğin olayı öğrendiği tarih</translation>
    </message>
    <message>
        <source>Say how the clinic learnt of it.</source>
        <translation>Kliniğin olayı nasıl öğrendiğini belirtin.</translation>
    </message>
    <message>
        <source>Choose a term from the list (or “other”).</source>
        <translation>Listeden bir terim seçin (ya da “diğer”).</translation>
    </message>
    <message>
        <source>The term</source>
        <translation>Terim</translation>
    </message>
    <message>
        <source>The description</source>
        <translation>Açıklama</translation>
    </message>
    <message>
        <source>{label} must be one line.</source>
        <translation>{label} tek satır olmalıdır.</translation>
    </message>
    <message>
        <source>{label} must be a whole number from {low} to {high}.</source>
        <translation>{label} {low} ile {high} arasında bir tam sayı olmalıdır.</translation>
    </message>
    <message>
        <source>{label} must be a number from {low} to {high}.</source>
        <translation>{label} {low} ile {high} arasında bir sayı olmalıdır.</translation>
    </message>
    <message>
        <source>The consent is not valid today. The consent was withdrawn.</source>
        <translation>Onam bugün geçerli değil. Onam geri çekildi.</translation>
    </message>
    <message>
        <source>The consent is not valid today. The consent text has a new version: the patient must consent again.</source>
        <translation>Onam bugün geçerli değil. Onam metninin yeni bir sürümü var: hastanın yeniden onam vermesi gerekir.</translation>
    </message>
    <message>
        <source>The consent is not valid today. The consent has expired: it must be renewed.</source>
        <translation>Onam bugün geçerli değil. Onamın süresi doldu: yenilenmesi gerekir.</translation>
    </message>
    <message>
        <source>The consent is not valid today. No signed consent is on record for this procedure.</source>
        <translation>Onam bugün geçerli değil. Bu işlem için kayıtlı imzalı bir onam yok.</translation>
    </message>
    <message>
        <source>Stopped by {who}: {why}</source>
        <translation>{who} tarafından durduruldu: {why}</translation>
    </message>
    <message>
        <source>The lot chosen cannot be used. {why}</source>
        <translation>Seçilen parti kullanılamaz. {why}</translation>
    </message>
    <message>
        <source>Complete “before anaesthesia” first.</source>
        <translation>Önce “Anestezi öncesi” bölümünü tamamlayın.</translation>
    </message>
    <message>
        <source>The procedure is already recorded: only the sign-out remains.</source>
        <translation>İşlem zaten kaydedildi: yalnızca çıkış bölümü kaldı.</translation>
    </message>
    <message>
        <source>Record the procedure before the sign-out.</source>
        <translation>Çıkış bölümünden önce işlemi kaydedin.</translation>
    </message>
    <message>
        <source>The procedure note is sealed: the checklist is closed.</source>
        <translation>İşlem notu mühürlendi: kontrol listesi kapandı.</translation>
    </message>
    <message>
        <source>The history changed after the last assessment: it is stale. Re-assess, or answer no with the reason.</source>
        <translation>Son değerlendirmeden sonra öykü değişti: değerlendirme güncel değil. Yeniden değerlendirin ya da gerekçesiyle “hayır” yanıtı verin.</translation>
    </message>
    <message>
        <source>Choose the product lot.</source>
        <translation>Ürün partisini seçin.</translation>
    </message>
    <message>
        <source>The checklist is stopped. {why}</source>
        <translation>Kontrol listesi durduruldu. {why}</translation>
    </message>
    <message>
        <source>Unknown checklist item {item}.</source>
        <translation>Bilinmeyen kontrol listesi maddesi: {item}.</translation>
    </message>
    <message>
        <source>A urologist has decided on this answer: it cannot be changed.</source>
        <translation>Bu yanıt hakkında bir ürolog karar verdi: yanıt değiştirilemez.</translation>
    </message>
    <message>
        <source>Answer yes or no.</source>
        <translation>Evet ya da hayır olarak yanıtlayın.</translation>
    </message>
    <message>
        <source>The reason</source>
        <translation>Gerekçe</translation>
    </message>
    <message>
        <source>The detail</source>
        <translation>Ayrıntı</translation>
    </message>
    <message>
        <source>Only a “no” that is waiting for a decision can be decided.</source>
        <translation>Yalnızca karar bekleyen bir “hayır” yanıtı hakkında karar verilebilir.</translation>
    </message>
    <message>
        <source>The procedure is already done: record how it was handled and continue.</source>
        <translation>İşlem zaten yapıldı: durumun nasıl ele alındığını kaydedip devam edin.</translation>
    </message>
    <message>
        <source>The reason for the decision</source>
        <translation>Kararın gerekçesi</translation>
    </message>
    <message>
        <source>No explanation text exists in the language {language}; choose a language that has one and record an interpreter.</source>
        <translation>{language} dilinde bilgilendirme metni yok; metni olan bir dil seçin ve tercümanı kaydedin.</translation>
    </message>
    <message>
        <source>The explanation text has no section {section}.</source>
        <translation>Bilgilendirme metninde {section} bölümü yok.</translation>
    </message>
    <message>
        <source>Question is required.</source>
        <translation>Soru zorunludur.</translation>
    </message>
    <message>
        <source>Answer is required.</source>
        <translation>Yanıt zorunludur.</translation>
    </message>
    <message>
        <source>Role must be interpreter or witness.</source>
        <translation>Rol tercüman ya da tanık olmalıdır.</translation>
    </message>
    <message>
        <source>Record the language the interpreter translated into.</source>
        <translation>Tercümanın çevirdiği dili kaydedin.</translation>
    </message>
    <message>
        <source>Days must be between 0 and {last} (the clinic&apos;s period is {standard}).</source>
        <translation>Gün sayısı 0 ile {last} arasında olmalıdır (kliniğin düşünme süresi {standard} gün).</translation>
    </message>
    <message>
        <source>Write why, in at least {minimum} characters.</source>
        <translation>Gerekçeyi en az {minimum} karakterle yazın.</translation>
    </message>
    <message>
        <source>The reflection period was already shortened for this consultation.</source>
        <translation>Bu görüşme için düşünme süresi zaten kısaltıldı.</translation>
    </message>
    <message>
        <source>Mark every section discussed before the comprehension check.</source>
        <translation>Anlama kontrolünden önce her bölümü görüşüldü olarak işaretleyin.</translation>
    </message>
    <message>
        <source>The comprehension check is already passed.</source>
        <translation>Anlama kontrolü zaten geçildi.</translation>
    </message>
    <message>
        <source>That is not the question being asked now.</source>
        <translation>Şu anda sorulan soru bu değil.</translation>
    </message>
    <message>
        <source>That answer is not one of the question&apos;s options.</source>
        <translation>Bu yanıt sorunun seçeneklerinden biri değil.</translation>
    </message>
    <message>
        <source>Record whether the patient restated it correctly or it was explained again.</source>
        <translation>Hastanın doğru yeniden anlatıp anlatmadığını ya da konunun yeniden açıklandığını kaydedin.</translation>
    </message>
    <message>
        <source>The explanation has no key point {key_point}.</source>
        <translation>Bilgilendirmede {key_point} ana noktası yok.</translation>
    </message>
    <message>
        <source>{path}: {content_id} {version} ({language}) approved by {approver} on {at}</source>
        <translation>{path}: {content_id} {version} ({language}), {at} tarihinde {approver} tarafından onaylandı</translation>
    </message>
    <message>
        <source>{path}: changed since its approval by {approver} on {at}; file modified {modified} (version {version} unchanged; approved SHA-256 {approved_sha}…, now {now_sha}…): the approval is void until the text is reviewed, given a new version and approved again</source>
        <translation>{path}: {at} tarihinde {approver} tarafından onaylandıktan sonra değiştirildi; dosya {modified} tarihinde değişti (sürüm {version} aynı kaldı; onaylanan SHA-256 {approved_sha}…, şimdiki {now_sha}…): metin gözden geçirilip yeni sürüm numarası verilerek yeniden onaylanana kadar onay geçersizdir</translation>
    </message>
    <message>
        <source>{path}: changed since its approval by {approver} on {at} (version {version} unchanged; approved SHA-256 {approved_sha}…, now {now_sha}…): the approval is void until the text is reviewed, given a new version and approved again</source>
        <translation>{path}: {at} tarihinde {approver} tarafından onaylandıktan sonra değiştirildi (sürüm {version} aynı kaldı; onaylanan SHA-256 {approved_sha}…, şimdiki {now_sha}…): metin gözden geçirilip yeni sürüm numarası verilerek yeniden onaylanana kadar onay geçersizdir</translation>
    </message>
    <message>
        <source>{path}: {content_id} {version} ({language}) is not approved by the clinic; version {earlier} was approved by {approver} on {at}</source>
        <translation>{path}: {content_id} {version} ({language}) klinik tarafından onaylanmadı; {earlier} sürümü {at} tarihinde {approver} tarafından onaylanmıştı</translation>
    </message>
    <message>
        <source>{path}: {content_id} {version} ({language}) is not approved by the clinic</source>
        <translation>{path}: {content_id} {version} ({language}) klinik tarafından onaylanmadı</translation>
    </message>
    <message>
        <source>The product name</source>
        <translation>Ürün adı</translation>
    </message>
    <message>
        <source>The manufacturer</source>
        <translation>Üretici</translation>
    </message>
    <message>
        <source>The lot number</source>
        <translation>Parti numarası</translation>
    </message>
    <message>
        <source>The certificate of analysis reference</source>
        <translation>Analiz sertifikası referansı</translation>
    </message>
    <message>
        <source>The volume per vial (mL)</source>
        <translation>Flakon başına hacim (mL)</translation>
    </message>
    <message>
        <source>The temperature on receipt (°C)</source>
        <translation>Teslim alındığındaki sıcaklık (°C)</translation>
    </message>
    <message>
        <source>The lowest storage temperature (°C)</source>
        <translation>En düşük saklama sıcaklığı (°C)</translation>
    </message>
    <message>
        <source>The highest storage temperature (°C)</source>
        <translation>En yüksek saklama sıcaklığı (°C)</translation>
    </message>
    <message>
        <source>The number of vials</source>
        <translation>Flakon sayısı</translation>
    </message>
    <message>
        <source>The date received cannot be in the future.</source>
        <translation>Teslim alınma tarihi ileri bir tarih olamaz.</translation>
    </message>
    <message>
        <source>Give the expiry date.</source>
        <translation>Son kullanma tarihini girin.</translation>
    </message>
    <message>
        <source>The expiry date is before the date received.</source>
        <translation>Son kullanma tarihi teslim alınma tarihinden önce.</translation>
    </message>
    <message>
        <source>The highest storage temperature is below the lowest.</source>
        <translation>En yüksek saklama sıcaklığı en düşükten daha düşük.</translation>
    </message>
    <message>
        <source>The certificate of analysis must be a PDF file of at most {megabytes} MB.</source>
        <translation>Analiz sertifikası en fazla {megabytes} MB boyutunda bir PDF dosyası olmalıdır.</translation>
    </message>
    <message>
        <source>quarantined</source>
        <translation>karantinada</translation>
    </message>
    <message>
        <source>released</source>
        <translation>kullanıma açık</translation>
    </message>
    <message>
        <source>used up</source>
        <translation>tükenmiş</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>süresi dolmuş</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>imha edilmiş</translation>
    </message>
    <message>
        <source>recalled</source>
        <translation>geri çağrılmış</translation>
    </message>
    <message>
        <source>A {status} lot cannot be released.</source>
        <translation>Durumu “{status}” olan bir parti kullanıma açılamaz.</translation>
    </message>
    <message>
        <source>A {status} lot cannot be used up.</source>
        <translation>Durumu “{status}” olan bir parti tükendi olarak işaretlenemez.</translation>
    </message>
    <message>
        <source>A {status} lot cannot be expired.</source>
        <translation>Durumu “{status}” olan bir parti süresi doldu olarak işaretlenemez.</translation>
    </message>
    <message>
        <source>A {status} lot cannot be discarded.</source>
        <translation>Durumu “{status}” olan bir parti imha edilemez.</translation>
    </message>
    <message>
        <source>A {status} lot cannot be recalled.</source>
        <translation>Durumu “{status}” olan bir parti geri çağrılamaz.</translation>
    </message>
    <message>
        <source>This manufacturer&apos;s lot number is already in the register.</source>
        <translation>Bu üreticinin bu parti numarası kayıtta zaten var.</translation>
    </message>
    <message>
        <source>Someone else changed this lot: reload it.</source>
        <translation>Bu partiyi başka biri değiştirdi: yeniden yükleyin.</translation>
    </message>
    <message>
        <source>Record the certificate of analysis before releasing the lot.</source>
        <translation>Partiyi kullanıma açmadan önce analiz sertifikasını kaydedin.</translation>
    </message>
    <message>
        <source>The lot arrived outside its storage range: it cannot be released.</source>
        <translation>Parti saklama sıcaklığı aralığının dışında teslim alındı: kullanıma açılamaz.</translation>
    </message>
    <message>
        <source>The recall date cannot be in the future.</source>
        <translation>Geri çağırma tarihi ileri bir tarih olamaz.</translation>
    </message>
    <message>
        <source>The stored certificate does not match its recorded SHA-256.</source>
        <translation>Saklanan sertifika, kayıtlı SHA-256 özetiyle uyuşmuyor.</translation>
    </message>
    <message>
        <source>The anaesthetic volume (mL)</source>
        <translation>Anestezik hacmi (mL)</translation>
    </message>
    <message>
        <source>Give the start and end times.</source>
        <translation>Başlangıç ve bitiş saatlerini girin.</translation>
    </message>
    <message>
        <source>The end must come after the start, and neither may be in the future.</source>
        <translation>Bitiş başlangıçtan sonra olmalı ve hiçbiri ileri bir zaman olamaz.</translation>
    </message>
    <message>
        <source>Discharge comes after the end of the procedure, and not in the future.</source>
        <translation>Taburculuk işlemin bitişinden sonra olmalı ve ileri bir zaman olamaz.</translation>
    </message>
    <message>
        <source>Give it on one line (at most {max_len} characters).</source>
        <translation>Tek satırda girin (en fazla {max_len} karakter).</translation>
    </message>
    <message>
        <source>The needle gauge</source>
        <translation>İğne kalınlığı (gauge)</translation>
    </message>
    <message>
        <source>Record the anaesthetic technique: cord block, skin infiltration or both.</source>
        <translation>Anestezi tekniğini kaydedin: kord bloğu, cilt infiltrasyonu ya da ikisi birden.</translation>
    </message>
    <message>
        <source>The pain score</source>
        <translation>Ağrı skoru</translation>
    </message>
    <message>
        <source>Unknown events: {events}.</source>
        <translation>Bilinmeyen olaylar: {events}.</translation>
    </message>
    <message>
        <source>The details</source>
        <translation>Ayrıntılar</translation>
    </message>
    <message>
        <source>Describe the “other” event.</source>
        <translation>“Diğer” olayı açıklayın.</translation>
    </message>
    <message>
        <source>The assistant&apos;s name</source>
        <translation>Asistanın adı</translation>
    </message>
    <message>
        <source>The consent names {urologist} as the urologist who performs the procedure: {urologist} records it, or the patient consents again naming another urologist.</source>
        <translation>Onamda işlemi yapacak ürolog olarak {urologist} adı geçiyor: işlemi {urologist} kaydeder ya da hasta başka bir ürologun adıyla yeniden onam verir.</translation>
    </message>
    <message>
        <source>This procedure is already recorded: correct it by an addendum.</source>
        <translation>Bu işlem zaten kaydedildi: düzeltmeyi bir ek ile yapın.</translation>
    </message>
    <message>
        <source>A “no” is waiting for the urologist&apos;s decision.</source>
        <translation>Bir “hayır” yanıtı ürologun kararını bekliyor.</translation>
    </message>
    <message>
        <source>Complete the checklist up to the time-out first.</source>
        <translation>Önce kontrol listesini işlem öncesi molaya kadar tamamlayın.</translation>
    </message>
    <message>
        <source>No product lot was chosen in the checklist.</source>
        <translation>Kontrol listesinde ürün partisi seçilmedi.</translation>
    </message>
    <message>
        <source>Record the procedure first.</source>
        <translation>Önce işlemi kaydedin.</translation>
    </message>
    <message>
        <source>The procedure note is already sealed: correct it by an addendum.</source>
        <translation>İşlem notu zaten mühürlendi: düzeltmeyi bir ek ile yapın.</translation>
    </message>
    <message>
        <source>Complete the sign-out first.</source>
        <translation>Önce çıkış bölümünü tamamlayın.</translation>
    </message>
    <message>
        <source>The correction</source>
        <translation>Düzeltme</translation>
    </message>
    <message>
        <source>Lots of more than one manufacturer carry this number: name the manufacturer ({manufacturers}).</source>
        <translation>Bu numara birden fazla üreticinin partisinde var: üreticiyi belirtin ({manufacturers}).</translation>
    </message>
    <message>
        <source>The current clinic passphrase is not right.</source>
        <translation>Mevcut klinik parolası doğru değil.</translation>
    </message>
    <message>
        <source>The new clinic passphrase must differ from the current one.</source>
        <translation>Yeni klinik parolası mevcut paroladan farklı olmalıdır.</translation>
    </message>
    <message>
        <source>This clinic has no clinic passphrase yet: set it with `exoconsult clinic-passphrase` (without --change).</source>
        <translation>Bu kliniğin henüz klinik parolası yok: `exoconsult clinic-passphrase` komutuyla (--change olmadan) belirleyin.</translation>
    </message>
    <message>
        <source>The signature is empty.</source>
        <translation>İmza boş.</translation>
    </message>
    <message>
        <source>The signature contains invalid points.</source>
        <translation>İmzada geçersiz noktalar var.</translation>
    </message>
    <message>
        <source>The mark is too small to be a signature.</source>
        <translation>Bu işaret imza sayılamayacak kadar küçük.</translation>
    </message>
    <message>
        <source>{folder} is a system folder, not a place for backups.</source>
        <translation>{folder} bir sistem klasörü; yedekler için uygun bir yer değil.</translation>
    </message>
    <message>
        <source>{folder} is not a folder.</source>
        <translation>{folder} bir klasör değil.</translation>
    </message>
    <message>
        <source>cannot create the folder {folder}: {error}</source>
        <translation>{folder} klasörü oluşturulamıyor: {error}</translation>
    </message>
    <message>
        <source>{name} already exists</source>
        <translation>{name} zaten var</translation>
    </message>
    <message>
        <source>the database snapshot failed its checks; no backup was written: {problems}</source>
        <translation>veritabanının anlık kopyası denetimlerden geçemedi; yedek yazılmadı: {problems}</translation>
    </message>
    <message>
        <source>cannot write the backup into {folder}: {error}</source>
        <translation>yedek {folder} klasörüne yazılamıyor: {error}</translation>
    </message>
    <message>
        <source>the backup failed its read-back check and was removed: {error}</source>
        <translation>yedek, geri okuma denetiminden geçemedi ve silindi: {error}</translation>
    </message>
    <message>
        <source>This clinic&apos;s database is PostgreSQL: backups are the database server&apos;s job (pg_dump or continuous archiving, set up by the clinic&apos;s IT). ExoConsult does not back it up.</source>
        <translation>Bu kliniğin veritabanı PostgreSQL: yedekleme veritabanı sunucusunun işidir (kliniğin bilgi işlem ekibinin kurduğu pg_dump ya da sürekli arşivleme). ExoConsult bu veritabanını yedeklemez.</translation>
    </message>
    <message>
        <source>the backup&apos;s summary is damaged</source>
        <translation>yedeğin özeti bozuk</translation>
    </message>
    <message>
        <source>not a clinic backup this version can read</source>
        <translation>bu sürümün okuyabileceği bir klinik yedeği değil</translation>
    </message>
    <message>
        <source>The backup {name} was refused and nothing was changed: {problems}</source>
        <translation>{name} yedeği reddedildi ve hiçbir şey değiştirilmedi: {problems}</translation>
    </message>
    <message>
        <source>The clinic passphrase does not open {name}; nothing was changed.</source>
        <translation>Klinik parolası {name} dosyasını açmıyor; hiçbir şey değiştirilmedi.</translation>
    </message>
    <message>
        <source>This backup is of another clinic: {backup_name} (certificate {backup_certificate}), not {current_name} (certificate {current_certificate}). Restoring it replaces this clinic. To go ahead, type the backup&apos;s clinic name exactly: {name}</source>
        <translation>Bu yedek başka bir kliniğe ait: {backup_name} (sertifika {backup_certificate}); bu klinik ise {current_name} (sertifika {current_certificate}). Geri yüklemek bu kliniğin yerine onu koyar. Devam etmek için yedekteki klinik adını aynen yazın: {name}</translation>
    </message>
    <message>
        <source>after the restore the keys, forms and database disagree: {problems}</source>
        <translation>geri yüklemeden sonra anahtarlar, formlar ve veritabanı uyuşmuyor: {problems}</translation>
    </message>
    <message>
        <source>manufacturer</source>
        <translation>üretici</translation>
    </message>
    <message>
        <source>ethics committee</source>
        <translation>etik kurul</translation>
    </message>
    <message>
        <source>health authority</source>
        <translation>sağlık otoritesi</translation>
    </message>
    <message>
        <source>Choose one of: {options}.</source>
        <translation>Şunlardan birini seçin: {options}.</translation>
    </message>
    <message>
        <source>This event is not serious: a report is made for serious events.</source>
        <translation>Bu olay ciddi değil: rapor yalnızca ciddi advers olaylar için hazırlanır.</translation>
    </message>
    <message>
        <source>Choose the recipient: manufacturer, ethics committee or health authority.</source>
        <translation>Alıcıyı seçin: üretici, etik kurul ya da sağlık otoritesi.</translation>
    </message>
    <message>
        <source>Say how it was sent.</source>
        <translation>Nasıl gönderildiğini belirtin.</translation>
    </message>
    <message>
        <source>The addressee</source>
        <translation>Muhatap</translation>
    </message>
    <message>
        <source>The date it was sent</source>
        <translation>Gönderildiği tarih</translation>
    </message>
    <message>
        <source>sealed, sent to {recipients}</source>
        <translation>mühürlendi; gönderildiği yer: {recipients}</translation>
    </message>
    <message>
        <source>sealed, not yet sent</source>
        <translation>mühürlendi; henüz gönderilmedi</translation>
    </message>
    <message>
        <source>{path} cannot be loaded, so it cannot be approved: {problem}</source>
        <translation>{path} yüklenemiyor, bu nedenle onaylanamaz: {problem}</translation>
    </message>
    <message>
        <source>{path} changed after it was opened for review: review it again before approving.</source>
        <translation>{path}, incelemek üzere açıldıktan sonra değişti: onaylamadan önce yeniden inceleyin.</translation>
    </message>
    <message>
        <source>At most {count} characters.</source>
        <translation>En fazla {count} karakter.</translation>
    </message>
    <message>
        <source>{path} ({version}) is already approved with exactly these bytes.</source>
        <translation>{path} ({version}) tam olarak bu içerikle zaten onaylı.</translation>
    </message>
    <message>
        <source>Version {version} of {path} was approved with other content; give the changed text a new version, then approve it.</source>
        <translation>{path} dosyasının {version} sürümü başka bir içerikle onaylanmıştı; değişen metne yeni bir sürüm numarası verip sonra onaylayın.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Dönemin bitişi başlangıcından önce.</translation>
    </message>
    <message>
        <source>{folder} is not an empty folder; choose a new or empty one (an export never mixes with other files).</source>
        <translation>{folder} boş bir klasör değil; yeni ya da boş bir klasör seçin (dışa aktarılan dosyalar başka dosyalarla karışmaz).</translation>
    </message>
    <message>
        <source>This visit was changed on another workstation meanwhile: reopen it to see the change.</source>
        <translation>Bu kontrol bu arada başka bir bilgisayarda değiştirildi: değişikliği görmek için yeniden açın.</translation>
    </message>
    <message>
        <source>He withdrew and asked for his data to be deleted from the registry on {since}: no further visits are recorded.</source>
        <translation>Hasta {since} tarihinde onamını geri çekti ve verilerinin kayıttan silinmesini istedi: başka kontrol kaydedilmez.</translation>
    </message>
    <message>
        <source>This visit does not ask that question.</source>
        <translation>Bu kontrolde bu soru sorulmuyor.</translation>
    </message>
    <message>
        <source>Your role may not enter this section.</source>
        <translation>Rolünüz bu bölüme veri girmeye yetkili değil.</translation>
    </message>
    <message>
        <source>Give a date from the procedure ({procedure_date}) to today.</source>
        <translation>İşlem tarihinden ({procedure_date}) bugüne kadar bir tarih girin.</translation>
    </message>
    <message>
        <source>This visit is recorded as done.</source>
        <translation>Bu kontrol yapıldı olarak kayıtlı.</translation>
    </message>
    <message>
        <source>Its window opens on {first}: it cannot be missed yet.</source>
        <translation>Bu kontrolin zaman aralığı {first} tarihinde başlıyor: henüz kaçırılmış sayılamaz.</translation>
    </message>
    <message>
        <source>Write why the visit was missed.</source>
        <translation>Kontrolün neden kaçırıldığını yazın.</translation>
    </message>
    <message>
        <source>Already marked lost to follow-up since {since}.</source>
        <translation>Hasta {since} tarihinden beri zaten izlemden çıkmış olarak işaretli.</translation>
    </message>
    <message>
        <source>Give a date from the procedure to today.</source>
        <translation>İşlem tarihinden bugüne kadar bir tarih girin.</translation>
    </message>
    <message>
        <source>Write how the clinic tried to reach him.</source>
        <translation>Kliniğin hastaya nasıl ulaşmaya çalıştığını yazın.</translation>
    </message>
    <message>
        <source>He is not marked lost to follow-up.</source>
        <translation>Hasta izlemden çıkmış olarak işaretli değil.</translation>
    </message>
    <message>
        <source>Write how he came back.</source>
        <translation>Hastanın izleme nasıl geri döndüğünü yazın.</translation>
    </message>
    <message>
        <source>He withdrew and asked for his data to be deleted from the registry: no further requests are sent.</source>
        <translation>Hasta onamını geri çekti ve verilerinin kayıttan silinmesini istedi: kendisine başka çağrı gönderilmez.</translation>
    </message>
    <message>
        <source>He is marked lost to follow-up: record that he is back first.</source>
        <translation>Hasta izlemden çıkmış olarak işaretli: önce izleme geri döndüğünü kaydedin.</translation>
    </message>
    <message>
        <source>No open visit to remind him of.</source>
        <translation>Hatırlatılacak açık bir kontrol yok.</translation>
    </message>
    <message>
        <source>The stored document does not match its recorded fingerprint; nothing was printed. Ask the administrator to run &apos;exoconsult verify&apos;.</source>
        <translation>Saklanan belge kayıtlı parmak iziyle uyuşmuyor; hiçbir şey yazdırılmadı. Yöneticiden &apos;exoconsult verify&apos; komutunu çalıştırmasını isteyin.</translation>
    </message>
    <message>
        <source>Choose the patient copy, the chart copy, or both.</source>
        <translation>Hasta nüshasını, dosya nüshasını ya da ikisini birden seçin.</translation>
    </message>
    <message>
        <source>Copies must be a number from 1 to {most}.</source>
        <translation>Kopya sayısı 1 ile {most} arasında olmalıdır.</translation>
    </message>
    <message>
        <source>The printer name</source>
        <translation>Yazıcı adı</translation>
    </message>
    <message>
        <source>The print job was not made from this document&apos;s archived original.</source>
        <translation>Yazdırma işi bu belgenin arşivlenmiş aslından hazırlanmadı.</translation>
    </message>
    <message>
        <source>{key} is not a programme field.</source>
        <translation>{key} bir program bilgisi alanı değil.</translation>
    </message>
    <message>
        <source>{key} is not a programme fact (one of: {facts}).</source>
        <translation>{key} bir program bilgisi değil (şunlardan biri olmalı: {facts}).</translation>
    </message>
    <message>
        <source>{lang} is not a language of the texts ({languages}).</source>
        <translation>{lang} metinlerin dillerinden biri değil ({languages}).</translation>
    </message>
    <message>
        <source>The period&apos;s first day comes after its last.</source>
        <translation>Dönemin ilk günü son gününden sonra geliyor.</translation>
    </message>
    <message>
        <source>Give a date from today on.</source>
        <translation>Bugün ya da sonrası için bir tarih girin.</translation>
    </message>
    <message>
        <source>That consent is not this patient&apos;s.</source>
        <translation>Bu onam bu hastaya ait değil.</translation>
    </message>
    <message>
        <source>Grade 5, the outcome “fatal” and the criterion “results in death” go together.</source>
        <translation>Derece 5, “Ölüm” sonucu ve “Ölümle sonuçlandı” ölçütü birlikte işaretlenir.</translation>
    </message>
    <message>
        <source>A grade 4 (life-threatening) event is serious: tick “life-threatening”.</source>
        <translation>Derece 4 (hayatı tehdit edici) bir olay ciddidir: “Hayatı tehdit edici” kutusunu işaretleyin.</translation>
    </message>
    <message>
        <source>Only an active urologist account may approve clinical content ({username} is a deactivated account).</source>
        <translation>Klinik içeriği yalnızca etkin bir üroloji uzmanı hesabı onaylayabilir ({username} devre dışı bırakılmış bir hesap).</translation>
    </message>
    <message>
        <source>Only an active urologist account may approve clinical content ({username} is not a urologist).</source>
        <translation>Klinik içeriği yalnızca etkin bir üroloji uzmanı hesabı onaylayabilir ({username} üroloji uzmanı değil).</translation>
    </message>
    <message>
        <source>Give a date and time with its time zone.</source>
        <translation>Tarih ve saati saat dilimiyle birlikte girin.</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>Bitiş, başlangıçtan sonra olmalıdır.</translation>
    </message>
    <message>
        <source>Give a number.</source>
        <translation>Bir sayı girin.</translation>
    </message>
    <message>
        <source>Page size must be 1 to {most}; offset must not be negative.</source>
        <translation>Sayfa boyutu 1 ile {most} arasında olmalı; başlangıç konumu negatif olamaz.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>{folder} klasörü yok.</translation>
    </message>
    <message>
        <source>{name} already exists; choose another name.</source>
        <translation>{name} zaten var; başka bir ad seçin.</translation>
    </message>
    <message>
        <source>The protocol file changed while re-assessing; start the re-assessment again.</source>
        <translation>Yeniden değerlendirme sırasında protokol dosyası değişti; yeniden değerlendirmeyi baştan başlatın.</translation>
    </message>
    <message>
        <source>The re-assessment could not load the protocol; start the re-assessment again.</source>
        <translation>Yeniden değerlendirme protokolü yükleyemedi; yeniden değerlendirmeyi baştan başlatın.</translation>
    </message>
    <message>
        <source>The clinic database holds no seal key.</source>
        <translation>Klinik veritabanında mühür anahtarı yok.</translation>
    </message>
    <message>
        <source>The seal key in the clinic database was altered or does not belong to its slots.</source>
        <translation>Klinik veritabanındaki mühür anahtarı değiştirilmiş ya da anahtar yuvalarına ait değil.</translation>
    </message>
    <message>
        <source>The seal key in the clinic database is damaged.</source>
        <translation>Klinik veritabanındaki mühür anahtarı bozuk.</translation>
    </message>
    <message>
        <source>The seal key ({file}) cannot be read ({detail}).</source>
        <translation>Mühür anahtarı ({file}) okunamıyor ({detail}).</translation>
    </message>
    <message>
        <source>The seal key ({file}) is damaged.</source>
        <translation>Mühür anahtarı ({file}) bozuk.</translation>
    </message>
    <message>
        <source>This account cannot open the clinic&apos;s seal key: sign in again; if it still fails, an administrator gives the account its key (Reset password, with the clinic passphrase).</source>
        <translation>Bu hesap kliniğin mühür anahtarını açamıyor: yeniden oturum açın; yine olmazsa bir yönetici hesaba anahtarını versin (Parolayı sıfırla, klinik parolasıyla).</translation>
    </message>
    <message>
        <source>The seal certificate in the clinic database cannot be read.</source>
        <translation>Klinik veritabanındaki mühür sertifikası okunamıyor.</translation>
    </message>
    <message>
        <source>The seal certificate in the clinic database is not the certificate of its seal key.</source>
        <translation>Klinik veritabanındaki mühür sertifikası, mühür anahtarının sertifikası değil.</translation>
    </message>
    <message>
        <source>The stored history of patient {patient} does not form a valid case: {detail}</source>
        <translation>{patient} numaralı hastanın kayıtlı öyküsü geçerli bir vaka dosyası oluşturmuyor: {detail}</translation>
    </message>
    <message>
        <source>This list as a whole can only be marked as none ([]) or not known (null).</source>
        <translation>Bu liste bütün olarak yalnızca “yok” ([]) ya da “bilinmiyor” (null) olarak işaretlenebilir.</translation>
    </message>
    <message>
        <source>This list has entries; remove them before marking it as none or not known.</source>
        <translation>Bu listede kayıtlar var; “yok” ya da “bilinmiyor” olarak işaretlemeden önce onları silin.</translation>
    </message>
    <message>
        <source>This is not a question of the history questionnaire.</source>
        <translation>Bu, öykü formunun bir sorusu değil.</translation>
    </message>
    <message>
        <source>This is not a repeatable group of the questionnaire.</source>
        <translation>Bu, formda tekrarlanabilen bir grup değil.</translation>
    </message>
    <message>
        <source>{entry} was changed by {user} since you opened it; reopen to see the changes before removing it.</source>
        <translation>{entry} siz açtıktan sonra {user} tarafından değiştirildi; silmeden önce değişiklikleri görmek için yeniden açın.</translation>
    </message>
    <message>
        <source>The witness&apos;s PIN was not accepted (wrong, or the PIN is locked for 15 minutes after 5 failed attempts; the witness&apos;s password still works). Nothing was signed.</source>
        <translation>Tanığın PIN kodu kabul edilmedi (yanlış ya da 5 hatalı denemeden sonra PIN 15 dakikalığına kilitli; tanığın parolası yine kullanılabilir). Hiçbir şey imzalanmadı.</translation>
    </message>
    <message>
        <source>The PIN must be digits only.</source>
        <translation>PIN kodu yalnızca rakamlardan oluşmalıdır.</translation>
    </message>
    <message>
        <source>The PIN must be {low} to {high} digits long.</source>
        <translation>PIN kodu {low} ile {high} basamak arasında olmalıdır.</translation>
    </message>
    <message>
        <source>The PIN must not be one digit repeated.</source>
        <translation>PIN kodu tek bir rakamın tekrarı olmamalıdır.</translation>
    </message>
    <message>
        <source>The PIN must not be a run of digits such as 123456 or 987654.</source>
        <translation>PIN kodu 123456 ya da 987654 gibi ardışık rakamlardan oluşmamalıdır.</translation>
    </message>
    <message>
        <source>This clinic does not accept PINs from witnesses: the witness types their password.</source>
        <translation>Bu klinik tanıklardan PIN kodu kabul etmiyor: tanık kendi parolasını yazar.</translation>
    </message>
    <message>
        <source>{name} has not set a signing PIN: the witness types their password instead.</source>
        <translation>{name} bir imza PIN kodu belirlememiş: tanık bunun yerine kendi parolasını yazar.</translation>
    </message>
    <message>
        <source>{folder} already holds a clinic (a database, keys or settings): join with an empty or new data folder.</source>
        <translation>{folder} zaten bir klinik içeriyor (veritabanı, anahtarlar ya da ayarlar): boş ya da yeni bir veri klasörüyle katılın.</translation>
    </message>
    <message>
        <source>A workstation joins the clinic&apos;s PostgreSQL database (for example {example}); a SQLite file cannot be shared.</source>
        <translation>Bir iş istasyonu kliniğin PostgreSQL veritabanına katılır (örneğin {example}); bir SQLite dosyası paylaşılamaz.</translation>
    </message>
    <message>
        <source>The clinic database is at schema {current}; this version needs {needed}. Start this version of ExoConsult on the clinic&apos;s first workstation once (it upgrades the database), then join.</source>
        <translation>Klinik veritabanı {current} şemasında; bu sürüm {needed} gerektiriyor. ExoConsult&apos;un bu sürümünü kliniğin ilk iş istasyonunda bir kez başlatın (veritabanını yükseltir), sonra katılın.</translation>
    </message>
    <message>
        <source>This database holds no clinic yet: set the clinic up on its first workstation (exoconsult setup), then join.</source>
        <translation>Bu veritabanında henüz bir klinik yok: kliniği ilk iş istasyonunda kurun (exoconsult setup), sonra katılın.</translation>
    </message>
    <message>
        <source>The clinic&apos;s seal key is not in this database yet: start this version on the clinic&apos;s first workstation once (it moves the key in; a clinic without a clinic passphrase sets one there first: exoconsult clinic-passphrase).</source>
        <translation>Kliniğin mühür anahtarı henüz bu veritabanında değil: bu sürümü kliniğin ilk iş istasyonunda bir kez başlatın (anahtarı veritabanına taşır; klinik parolası olmayan bir klinik önce orada bir tane belirler: exoconsult clinic-passphrase).</translation>
    </message>
    <message>
        <source>An approval names a file outside the forms folder ({path}); nothing was joined.</source>
        <translation>Bir onay, formlar klasörünün dışındaki bir dosyayı gösteriyor ({path}); katılım yapılmadı.</translation>
    </message>
    <message>
        <source>The seal certificate in the database ({found}) is not the one the clinic settings pin ({pinned}); nothing was joined.</source>
        <translation>Veritabanındaki mühür sertifikası ({found}) klinik ayarlarında sabitlenen sertifika ({pinned}) değil; katılım yapılmadı.</translation>
    </message>
    <message>
        <source>an in-memory SQLite database cannot be backed up</source>
        <translation>bellekteki bir SQLite veritabanı yedeklenemez</translation>
    </message>
    <message>
        <source>there is no database at {file}</source>
        <translation>{file} konumunda bir veritabanı yok</translation>
    </message>
    <message>
        <source>a backup copy is read-only</source>
        <translation>bir yedek kopya salt okunurdur</translation>
    </message>
    <message>
        <source>the backup changed while it was being copied; nothing was restored</source>
        <translation>yedek, kopyalanırken değişti; hiçbir şey geri yüklenmedi</translation>
    </message>
    <message>
        <source>the backup file is cut short (its last part is missing)</source>
        <translation>yedek dosyası eksik (son bölümü yok)</translation>
    </message>
    <message>
        <source>the backup file is damaged (a record is malformed)</source>
        <translation>yedek dosyası bozuk (bir kaydı hatalı)</translation>
    </message>
    <message>
        <source>the backup file was damaged or altered (record {number})</source>
        <translation>yedek dosyası bozulmuş ya da değiştirilmiş ({number}. kayıt)</translation>
    </message>
    <message>
        <source>the backup file has bytes after its end (it was altered)</source>
        <translation>yedek dosyasının sonundan sonra fazladan veri var (değiştirilmiş)</translation>
    </message>
    <message>
        <source>{file}: not a regular file (a folder, device or pipe); refused</source>
        <translation>{file}: normal bir dosya değil (klasör, aygıt ya da boru); reddedildi</translation>
    </message>
    <message>
        <source>{file}: cannot be read ({error})</source>
        <translation>{file}: okunamıyor ({error})</translation>
    </message>
    <message>
        <source>not an ExoConsult clinic backup (an older unencrypted backup, or another file)</source>
        <translation>bu bir ExoConsult klinik yedeği değil (şifrelenmemiş eski bir yedek ya da başka bir dosya)</translation>
    </message>
    <message>
        <source>the backup file&apos;s header is damaged</source>
        <translation>yedek dosyasının başlığı bozuk</translation>
    </message>
    <message>
        <source>the backup holds a part it may not hold: {name}</source>
        <translation>yedekte bulunmaması gereken bir parça var: {name}</translation>
    </message>
    <message>
        <source>the backup&apos;s contents are damaged ({error})</source>
        <translation>yedeğin içeriği bozuk ({error})</translation>
    </message>
    <message>
        <source>the backup holds something that is not a plain file: {name}</source>
        <translation>yedekte normal dosya olmayan bir şey var: {name}</translation>
    </message>
    <message>
        <source>the backup&apos;s manifest is missing</source>
        <translation>yedeğin içerik listesi (manifest) yok</translation>
    </message>
    <message>
        <source>the backup holds {name}, which its manifest does not list</source>
        <translation>yedekte içerik listesinde (manifest) adı geçmeyen {name} var</translation>
    </message>
    <message>
        <source>{name} in the backup differs from its manifest (SHA-256)</source>
        <translation>yedekteki {name}, içerik listesindekinden (manifest) farklı (SHA-256)</translation>
    </message>
    <message>
        <source>the backup is empty</source>
        <translation>yedek boş</translation>
    </message>
    <message>
        <source>the backup lacks what its manifest lists: {names}</source>
        <translation>içerik listesinde (manifest) adı geçen parçalar yedekte yok: {names}</translation>
    </message>
    <message>
        <source>a part of the backup is damaged ({what}: {error})</source>
        <translation>yedeğin bir bölümü bozuk ({what}: {error})</translation>
    </message>
    <message>
        <source>the backup&apos;s manifest cannot be read</source>
        <translation>yedeğin içerik listesi (manifest) okunamıyor</translation>
    </message>
    <message>
        <source>SQLite refused required settings ({settings}); the database folder may be on a network share</source>
        <translation>SQLite gerekli ayarları kabul etmedi ({settings}); veritabanı klasörü bir ağ paylaşımında olabilir</translation>
    </message>
    <message>
        <source>an in-memory SQLite database cannot hold clinical records</source>
        <translation>bellekteki bir SQLite veritabanı klinik kayıtları tutamaz</translation>
    </message>
    <message>
        <source>this installation has no PostgreSQL driver ({driver}): install it with pip install &quot;exoconsult[postgres]&quot;</source>
        <translation>bu kurulumda PostgreSQL sürücüsü yok ({driver}): pip install &quot;exoconsult[postgres]&quot; komutuyla kurun</translation>
    </message>
    <message>
        <source>unsupported database {name}: use SQLite or PostgreSQL</source>
        <translation>desteklenmeyen veritabanı {name}: SQLite ya da PostgreSQL kullanın</translation>
    </message>
    <message>
        <source>cannot reach the database {where}: {error}</source>
        <translation>{where} veritabanına ulaşılamıyor: {error}</translation>
    </message>
    <message>
        <source>The database was written by a newer version of ExoConsult (schema {schema}). This version cannot open it and has not changed it. Install the newer version.</source>
        <translation>Veritabanı ExoConsult&apos;un daha yeni bir sürümüyle yazılmış (şema {schema}). Bu sürüm onu açamaz ve üzerinde hiçbir değişiklik yapmadı. Yeni sürümü kurun.</translation>
    </message>
    <message>
        <source>the backup {file} failed its integrity check: {result}</source>
        <translation>{file} yedeği bütünlük denetiminden geçemedi: {result}</translation>
    </message>
    <message>
        <source>the backup {file} does not hold the same rows as the database</source>
        <translation>{file} yedeği veritabanıyla aynı kayıtları içermiyor</translation>
    </message>
    <message>
        <source>a locked secret is damaged (field {field})</source>
        <translation>kilitli bir gizli anahtar bozuk ({field} alanı)</translation>
    </message>
    <message>
        <source>this is not the locked secret this step needs (it was made for another purpose, or is damaged)</source>
        <translation>bu, bu adımın gerektirdiği kilitli gizli anahtar değil (başka bir amaçla oluşturulmuş ya da bozuk)</translation>
    </message>
    <message>
        <source>the locked secret has parameters this version does not use (it was made by another version)</source>
        <translation>kilitli gizli anahtarın parametreleri bu sürümde kullanılmıyor (başka bir sürümle oluşturulmuş)</translation>
    </message>
    <message>
        <source>the clinic backup key is damaged</source>
        <translation>kliniğin yedek anahtarı bozuk</translation>
    </message>
    <message>
        <source>the clinic backup key is damaged (public key length)</source>
        <translation>kliniğin yedek anahtarı bozuk (açık anahtar uzunluğu)</translation>
    </message>
    <message>
        <source>the backup&apos;s file key was altered; the backup cannot be opened</source>
        <translation>yedeğin dosya anahtarı değiştirilmiş; yedek açılamaz</translation>
    </message>
    <message>
        <source>a number of about {digits} digits</source>
        <translation>yaklaşık {digits} basamaklı bir sayı</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>tanınmayan anahtar</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation>{value} bir sayı değil</translation>
    </message>
    <message>
        <source>{value} is not an object</source>
        <translation>{value} bir JSON nesnesi değil</translation>
    </message>
    <message>
        <source>{field} {shown} is outside {low}-{high}{unit} — did you mean {units}?</source>
        <translation>{field} {shown} izin verilen {low}-{high}{unit} aralığının dışında — {units} mi demek istediniz?</translation>
    </message>
    <message>
        <source>{field} {shown} is outside {low}-{high}{unit}</source>
        <translation>{field} {shown} izin verilen {low}-{high}{unit} aralığının dışında</translation>
    </message>
    <message>
        <source>{value} is not a date; use YYYY-MM-DD</source>
        <translation>{value} bir tarih değil; YYYY-AA-GG biçiminde yazın</translation>
    </message>
    <message>
        <source>{value} is not a valid calendar date</source>
        <translation>{value} geçerli bir takvim tarihi değil</translation>
    </message>
    <message>
        <source>{date} is after the assessment date {assessed_on}</source>
        <translation>{date}, değerlendirme tarihinden ({assessed_on}) sonra</translation>
    </message>
    <message>
        <source>{value} is not true or false</source>
        <translation>{value} geçersiz; true ya da false olmalı</translation>
    </message>
    <message>
        <source>{value} is not one of {values}</source>
        <translation>{value} izin verilen değerlerden biri değil: {values}</translation>
    </message>
    <message>
        <source>{value} is not text</source>
        <translation>{value} metin değil</translation>
    </message>
    <message>
        <source>is longer than {count} characters</source>
        <translation>{count} karakterden uzun</translation>
    </message>
    <message>
        <source>{value} is not a whole number</source>
        <translation>{value} bir tam sayı değil</translation>
    </message>
    <message>
        <source>unknown key; a quantity has only value and unit</source>
        <translation>tanınmayan anahtar; bir ölçüm yalnızca value ve unit içerir</translation>
    </message>
    <message>
        <source>a quantity object needs both &quot;value&quot; and &quot;unit&quot;</source>
        <translation>bir ölçüm nesnesinde hem &quot;value&quot; hem &quot;unit&quot; bulunmalı</translation>
    </message>
    <message>
        <source>{value} is not accepted; use {accepted}</source>
        <translation>{value} kabul edilmiyor; şunlardan birini kullanın: {accepted}</translation>
    </message>
    <message>
        <source>{value} is not a list</source>
        <translation>{value} bir liste değil</translation>
    </message>
    <message>
        <source>a concentration above 0 contradicts {field}: none</source>
        <translation>0’dan büyük bir konsantrasyon “{field}: none” yanıtıyla çelişiyor</translation>
    </message>
    <message>
        <source>a stop date contradicts {field}: {answer}</source>
        <translation>Bırakma tarihi “{field}: {answer}” yanıtıyla çelişiyor</translation>
    </message>
    <message>
        <source>the case must be a JSON object</source>
        <translation>vaka dosyası bir JSON nesnesi olmalı</translation>
    </message>
    <message>
        <source>missing; supported formats: {formats}</source>
        <translation>eksik; desteklenen biçimler: {formats}</translation>
    </message>
    <message>
        <source>{value} is not supported; supported formats: {formats}</source>
        <translation>{value} desteklenmiyor; desteklenen biçimler: {formats}</translation>
    </message>
    <message>
        <source>missing; the case needs a patient block</source>
        <translation>eksik; vaka dosyasında hasta bölümü (patient) olmalı</translation>
    </message>
    <message>
        <source>missing; the case needs a history block (it may be empty)</source>
        <translation>eksik; vaka dosyasında öykü bölümü (history) olmalı (boş olabilir)</translation>
    </message>
    <message>
        <source>{field} {shown} is outside the plausible band ({band}) — did you mean {options}?</source>
        <translation>{field} {shown} olağan aralığın ({band}) dışında — {options} mi demek istediniz?</translation>
    </message>
    <message>
        <source>{field} {shown} is outside the plausible band ({band}): {why}</source>
        <translation>{field} {shown} olağan aralığın ({band}) dışında: {why}</translation>
    </message>
    <message>
        <source>{field} {shown} is outside the plausible band ({band})</source>
        <translation>{field} {shown} olağan aralığın ({band}) dışında</translation>
    </message>
    <message>
        <source>over 30 years of trying is more likely a typo (years typed as months)</source>
        <translation>30 yıldan uzun deneme süresi büyük olasılıkla bir yazım hatasıdır (yıl, ay yerine yazılmış)</translation>
    </message>
    <message>
        <source>outside usual reproductive age; confirm</source>
        <translation>olağan üreme yaşının dışında; doğrulayın</translation>
    </message>
    <message>
        <source>reliability-goals §7.2: &lt; 1 or &gt; 35 mL per testis is unusual (Prader max 25 mL)</source>
        <translation>testis başına &lt; 1 ya da &gt; 35 mL olağan dışıdır (Prader orşidometresi en fazla 25 mL)</translation>
    </message>
    <message>
        <source>adult testis is about 4-5 cm long; &gt; 6.5 cm suggests mm or a mass</source>
        <translation>erişkin testisi yaklaşık 4-5 cm uzunluğundadır; &gt; 6,5 cm, mm ile girilmiş bir değeri ya da bir kitleyi düşündürür</translation>
    </message>
    <message>
        <source>ejaculate volume above 10 mL is rare; check the entry</source>
        <translation>10 mL’nin üzerinde ejakülat hacmi nadirdir; girilen değeri kontrol edin</translation>
    </message>
    <message>
        <source>semen pH outside 6-9 is rare; check the entry</source>
        <translation>6-9 dışında semen pH’ı nadirdir; girilen değeri kontrol edin</translation>
    </message>
    <message>
        <source>WHO/ASRM advise 2-7 days; over 30 is probably a typo</source>
        <translation>DSÖ/ASRM 2-7 gün önerir; 30’un üzeri büyük olasılıkla bir yazım hatasıdır</translation>
    </message>
    <message>
        <source>above 300 million/mL is rare; check for a count typed as concentration</source>
        <translation>300 milyon/mL’nin üzeri nadirdir; toplam sayının konsantrasyon olarak girilip girilmediğini kontrol edin</translation>
    </message>
    <message>
        <source>reliability-goals §7.2: FSH &gt; 60 IU/L is rare even in testicular failure</source>
        <translation>FSH &gt; 60 IU/L, testiküler yetmezlikte bile nadirdir</translation>
    </message>
    <message>
        <source>reliability-goals §7.2: LH &gt; 60 IU/L is rare even in testicular failure</source>
        <translation>LH &gt; 60 IU/L, testiküler yetmezlikte bile nadirdir</translation>
    </message>
    <message>
        <source>reliability-goals §7.2: adult male range is about 10-35 nmol/L; &gt; 50 is usually ng/dL entered as nmol/L, &lt; 0.5 is possible (androgen deprivation) but often ng/mL as ng/dL</source>
        <translation>erişkin erkekte aralık yaklaşık 10-35 nmol/L’dir; &gt; 50 çoğunlukla nmol/L olarak girilmiş bir ng/dL değeridir, &lt; 0,5 olabilir (androjen baskılama tedavisi) ama çoğu zaman ng/dL olarak girilmiş bir ng/mL değeridir</translation>
    </message>
    <message>
        <source>male prolactin is usually &lt; 20 ng/mL; values &gt; 100 occur with prolactinoma but are more often mIU/L (male range about 86-324 mIU/L) typed as ng/mL</source>
        <translation>erkekte prolaktin genellikle &lt; 20 ng/mL’dir; &gt; 100 değerler prolaktinomada görülür, ama daha sık ng/mL olarak yazılmış bir mIU/L değeridir (erkekte aralık yaklaşık 86-324 mIU/L)</translation>
    </message>
    <message>
        <source>male estradiol is usually 10-40 pg/mL; &gt; 150 pg/mL is more often pmol/L typed as pg/mL</source>
        <translation>erkekte estradiol genellikle 10-40 pg/mL’dir; &gt; 150 pg/mL daha sık pg/mL olarak yazılmış bir pmol/L değeridir</translation>
    </message>
    <message>
        <source>adult male inhibin B rarely exceeds about 400 pg/mL</source>
        <translation>erişkin erkekte inhibin B nadiren yaklaşık 400 pg/mL’yi aşar</translation>
    </message>
    <message>
        <source>adult male AMH is usually &lt; 15 ng/mL; &gt; 30 ng/mL is more often pmol/L typed as ng/mL</source>
        <translation>erişkin erkekte AMH genellikle &lt; 15 ng/mL’dir; &gt; 30 ng/mL daha sık ng/mL olarak yazılmış bir pmol/L değeridir</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a whole number</source>
        <translation>&quot;{text}&quot; bir tam sayı değil</translation>
    </message>
    <message>
        <source>enter a number</source>
        <translation>bir sayı girin</translation>
    </message>
    <message>
        <source>&quot;{text}&quot;: use the digits 0-9 only</source>
        <translation>&quot;{text}&quot;: yalnızca 0-9 rakamlarını kullanın</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a number: use one decimal separator and no thousands separator</source>
        <translation>&quot;{text}&quot; bir sayı değil: tek bir ondalık ayırıcı kullanın, binlik ayırıcı kullanmayın</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a number; use digits with at most one decimal comma or point</source>
        <translation>&quot;{text}&quot; bir sayı değil; rakamları en fazla bir ondalık virgül ya da noktayla yazın</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is ambiguous (thousands group or three decimals?); type it without grouping</source>
        <translation>&quot;{text}&quot; belirsiz (binlik ayırıcı mı, üç ondalık basamak mı?); gruplamadan yazın</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a calendar date</source>
        <translation>&quot;{text}&quot; geçerli bir takvim tarihi değil</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a date; use dd.mm.yyyy</source>
        <translation>&quot;{text}&quot; bir tarih değil; gg.aa.yyyy olarak yazın</translation>
    </message>
    <message>
        <source>cannot read: is a folder, not a {what}</source>
        <translation>okunamıyor: bu bir klasör, {what} değil</translation>
    </message>
    <message>
        <source>{what} is larger than {size}; refused</source>
        <translation>{what} {size} boyutundan büyük; reddedildi</translation>
    </message>
    <message>
        <source>{where}: {detail}</source>
        <translation>{where}: {detail}</translation>
    </message>
    <message>
        <source>cannot read: no such file</source>
        <translation>okunamıyor: böyle bir dosya yok</translation>
    </message>
    <message>
        <source>cannot read: not a regular file (device, pipe or socket); refused</source>
        <translation>okunamıyor: normal bir dosya değil (aygıt, boru ya da soket); reddedildi</translation>
    </message>
    <message>
        <source>line {line}: not UTF-8 text</source>
        <translation>satır {line}: UTF-8 metin değil</translation>
    </message>
    <message>
        <source>{where}:{line}: not UTF-8 text</source>
        <translation>{where}:{line}: UTF-8 metin değil</translation>
    </message>
    <message>
        <source>nested more than {depth} levels deep; refused</source>
        <translation>{depth} düzeyden daha derin iç içe; reddedildi</translation>
    </message>
    <message>
        <source>{path}: number {number} is out of range (at most {digits} digits, finite)</source>
        <translation>{path}: {number} sayısı aralık dışında (en çok {digits} basamaklı ve sonlu olmalı)</translation>
    </message>
    <message>
        <source>{path}: nested more than {depth} levels deep; refused</source>
        <translation>{path}: {depth} düzeyden daha derin iç içe; reddedildi</translation>
    </message>
    <message>
        <source>{path}: key appears more than once (which one is meant is unclear); refused</source>
        <translation>{path}: anahtar birden fazla kez geçiyor (hangisinin kastedildiği belirsiz); reddedildi</translation>
    </message>
    <message>
        <source>not valid JSON: line {line} column {column}: {reason}</source>
        <translation>geçerli JSON değil: satır {line}, sütun {column}: {reason}</translation>
    </message>
    <message>
        <source>case file</source>
        <translation>vaka dosyası</translation>
    </message>
    <message>
        <source>the PDF carries no seal</source>
        <translation>PDF&apos;te mühür yok</translation>
    </message>
    <message>
        <source>the file cannot be read as a PDF: {detail}</source>
        <translation>dosya PDF olarak okunamıyor (bozuk ya da PDF değil)</translation>
    </message>
    <message>
        <source>the seal cannot be checked: {detail}</source>
        <translation>mühür denetlenemiyor (mühür verisi bozuk)</translation>
    </message>
    <message>
        <source>the sealed content has been altered</source>
        <translation>mühürlenen içerik değiştirilmiş</translation>
    </message>
    <message>
        <source>the seal&apos;s signature does not verify</source>
        <translation>mührün imzası doğrulanamıyor</translation>
    </message>
    <message>
        <source>the seal was not made with this clinic&apos;s certificate</source>
        <translation>mühür bu kliniğin sertifikasıyla oluşturulmamış</translation>
    </message>
    <message>
        <source>the file was modified after sealing</source>
        <translation>dosya mühürlendikten sonra değiştirilmiş</translation>
    </message>
    <message>
        <source>data was appended to the file after sealing</source>
        <translation>dosyaya mühürlendikten sonra veri eklenmiş</translation>
    </message>
    <message>
        <source>the clinic certificate cannot be read: {detail}</source>
        <translation>klinik sertifikası okunamıyor (keys/ klasöründeki sertifika dosyası bozuk)</translation>
    </message>
    <message>
        <source>the certificate in keys/ ({in_keys}) is not the clinic certificate pinned in the audited settings ({pinned}): keys/ was replaced</source>
        <translation>keys/ klasöründeki sertifika ({in_keys}) denetim kaydı tutulan ayarlarda sabitlenen klinik sertifikası ({pinned}) değil: keys/ klasörü değiştirilmiş</translation>
    </message>
    <message>
        <source>no clinic certificate matches the pinned fingerprint</source>
        <translation>sabitlenen parmak izine uyan bir klinik sertifikası bulunamadı</translation>
    </message>
    <message>
        <source>No document with this id is on record.</source>
        <translation>Bu numarayla kayıtlı bir belge yok.</translation>
    </message>
    <message>
        <source>The QR code&apos;s content hash does not match the archived document.</source>
        <translation>QR kodundaki içerik özeti arşivdeki belgeyle uyuşmuyor.</translation>
    </message>
    <message>
        <source>addendum correcting procedure note {note}</source>
        <translation>{note} numaralı işlem notunu düzelten ek</translation>
    </message>
    <message>
        <source>sealed, corrected by addendum {addenda}</source>
        <translation>mühürlendi; {addenda} numaralı ekle düzeltildi</translation>
    </message>
    <message>
        <source>sealed</source>
        <translation>mühürlendi</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source> min</source>
        <translation> dk</translation>
    </message>
    <message>
        <source> days</source>
        <translation> gün</translation>
    </message>
    <message>
        <source>A witness signs every consent</source>
        <translation>Her onamı bir tanık imzalar</translation>
    </message>
    <message>
        <source>Witnesses may confirm with their own signing PIN instead of their password</source>
        <translation>Tanıklar parolaları yerine kendi imza PIN kodlarıyla doğrulayabilir</translation>
    </message>
    <message>
        <source>Turkey</source>
        <translation>Türkiye</translation>
    </message>
    <message>
        <source>Another country</source>
        <translation>Başka bir ülke</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>Logo seç…</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>Logoyu kaldır</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Klinik adı</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>24-hour complication line</source>
        <translation>24 saat komplikasyon hattı</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Saat dilimi</translation>
    </message>
    <message>
        <source>Patients&apos; default language</source>
        <translation>Hastaların varsayılan dili</translation>
    </message>
    <message>
        <source>Clinicians&apos; working language</source>
        <translation>Klinisyenlerin çalışma dili</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Kâğıt boyutu</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>Boşta kalınca kilitle</translation>
    </message>
    <message>
        <source>Reflection period</source>
        <translation>Düşünme süresi</translation>
    </message>
    <message>
        <source>Consent valid for</source>
        <translation>Onamın geçerlilik süresi</translation>
    </message>
    <message>
        <source>Country of the clinic</source>
        <translation>Kliniğin bulunduğu ülke</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Signing certificate
(SHA-256 fingerprint)</source>
        <translation>İmza sertifikası
(SHA-256 parmak izi)</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Ayarları kaydet</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Geri al</translation>
    </message>
    <message>
        <source>Loading settings…</source>
        <translation>Ayarlar yükleniyor…</translation>
    </message>
    <message>
        <source>Logo on file (%1)</source>
        <translation>Kayıtlı logo (%1)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Logo yok</translation>
    </message>
    <message>
        <source>No certificate yet (run first-run setup)</source>
        <translation>Henüz sertifika yok (ilk kurulumu çalıştırın)</translation>
    </message>
    <message>
        <source>Saving settings…</source>
        <translation>Ayarlar kaydediliyor…</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Ayarlar kaydedildi</translation>
    </message>
    <message>
        <source>The clinic settings were saved.</source>
        <translation>Klinik ayarları kaydedildi.</translation>
    </message>
    <message>
        <source>Clinic logo</source>
        <translation>Klinik logosu</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Görüntüler (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Dosya okunamıyor.</translation>
    </message>
    <message>
        <source>Saving logo…</source>
        <translation>Logo kaydediliyor…</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up ExoConsult</source>
        <translation>ExoConsult kurulumu</translation>
    </message>
    <message>
        <source>Your clinic</source>
        <translation>Kliniğiniz</translation>
    </message>
    <message>
        <source>Printed at the top of every consent and information sheet.</source>
        <translation>Her onam formunun ve bilgilendirme metninin üst kısmında basılır.</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Klinik adı</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>24-hour complication line</source>
        <translation>24 saat komplikasyon hattı</translation>
    </message>
    <message>
        <source>Printed on every patient document</source>
        <translation>Her hasta belgesine basılır</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Logo yok</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Görüntü seç…</translation>
    </message>
    <message>
        <source>Logo (optional)</source>
        <translation>Logo (isteğe bağlı)</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Tercihler</translation>
    </message>
    <message>
        <source>All of these can be changed later in Clinic settings.</source>
        <translation>Bunların hepsi daha sonra Klinik ayarları&apos;ndan değiştirilebilir.</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Saat dilimi</translation>
    </message>
    <message>
        <source>Patients&apos; default language</source>
        <translation>Hastaların varsayılan dili</translation>
    </message>
    <message>
        <source>Clinicians&apos; working language</source>
        <translation>Klinisyenlerin çalışma dili</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Kâğıt boyutu</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>İlk yönetici</translation>
    </message>
    <message>
        <source>The administrator manages accounts, settings and backups. Administrators do not see patient records. Create the clinicians&apos; accounts after this.</source>
        <translation>Yönetici hesapları, ayarları ve yedekleri yönetir. Yöneticiler hasta kayıtlarını görmez. Klinisyenlerin hesaplarını bundan sonra oluşturun.</translation>
    </message>
    <message>
        <source>Set up the clinic</source>
        <translation>Kliniği kur</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Kullanıcı adı</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Ad soyad</translation>
    </message>
    <message>
        <source>At least 12 characters</source>
        <translation>En az 12 karakter</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Parola</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Parola (tekrar)</translation>
    </message>
    <message>
        <source>Several words only the clinic knows</source>
        <translation>Yalnızca kliniğin bildiği birkaç sözcük</translation>
    </message>
    <message>
        <source>The clinic passphrase locks every backup: a restore asks for it. Write it down and keep it safe, away from the computer. Without it no backup can be opened.</source>
        <translation>Klinik parola cümlesi her yedeği kilitler: geri yükleme onu sorar. Bir yere yazın ve bilgisayardan uzakta, güvenli bir yerde saklayın. O olmadan hiçbir yedek açılamaz.</translation>
    </message>
    <message>
        <source>Clinic passphrase</source>
        <translation>Klinik parola cümlesi</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Parola cümlesi (tekrar)</translation>
    </message>
    <message>
        <source>The clinic is set up</source>
        <translation>Klinik kuruldu</translation>
    </message>
    <message>
        <source>ExoConsult created the clinic&apos;s own signing certificate. Every consent PDF is sealed with it. Write down its fingerprint and keep it with the clinic&apos;s records: anyone checking a document can compare it.</source>
        <translation>ExoConsult kliniğe ait imza sertifikasını oluşturdu. Her onam PDF&apos;i bununla mühürlenir. Parmak izini not edip kliniğin kayıtlarıyla birlikte saklayın: bir belgeyi denetleyen herkes onu karşılaştırabilir.</translation>
    </message>
    <message>
        <source>Next: sign in as the administrator and create the accounts of the urologists and nurses (Administration → Users).</source>
        <translation>Sıradaki adım: yönetici olarak oturum açın ve ürologların ve hemşirelerin hesaplarını oluşturun (Yönetim → Kullanıcılar).</translation>
    </message>
    <message>
        <source>Clinic logo</source>
        <translation>Klinik logosu</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Görüntüler (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Choose a PNG or JPEG image of at most 2 MB.</source>
        <translation>En fazla 2 MB&apos;lık bir PNG ya da JPEG görüntü seçin.</translation>
    </message>
    <message>
        <source>This file cannot be read. Choose a PNG or JPEG image that is on this computer or on a connected drive.</source>
        <translation>Bu dosya okunamıyor. Bu bilgisayarda ya da bağlı bir sürücüde bulunan bir PNG ya da JPEG resmi seçin.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>İki parola aynı değil.</translation>
    </message>
    <message>
        <source>The clinic passphrase must not be the admin&apos;s password.</source>
        <translation>Klinik parola cümlesi yöneticinin parolası olamaz.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>İki parola cümlesi aynı değil.</translation>
    </message>
    <message>
        <source>Setting up the clinic…</source>
        <translation>Klinik kuruluyor…</translation>
    </message>
    <message>
        <source>Certificate file: %1</source>
        <translation>Sertifika dosyası: %1</translation>
    </message>
</context>
<context>
    <name>ShortenReflectionDialog</name>
    <message>
        <source>Shorten the reflection period</source>
        <translation>Düşünme süresini kısalt</translation>
    </message>
    <message>
        <source>The clinic&apos;s reflection period is %1 day(s). Shortening it applies to this consultation only, and the reason prints on the consent.</source>
        <translation>Kliniğin düşünme süresi %1 gündür. Kısaltma yalnızca bu görüşme için geçerlidir ve gerekçesi onamda basılır.</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> gün</translation>
    </message>
    <message>
        <source>Why this patient needs a shorter period (at least 20 characters)</source>
        <translation>Bu hastanın neden daha kısa bir süreye ihtiyacı var (en az 20 karakter)</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Gün</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Gerekçe</translation>
    </message>
    <message>
        <source>Shorten</source>
        <translation>Kısalt</translation>
    </message>
    <message>
        <source>%1 of at least %2 characters</source>
        <translation>%1 / en az %2 karakter</translation>
    </message>
</context>
<context>
    <name>SignatureField</name>
    <message>
        <source>Clear</source>
        <translation>Temizle</translation>
    </message>
    <message>
        <source>Undo stroke</source>
        <translation>Son çizgiyi geri al</translation>
    </message>
    <message>
        <source>Please sign again: %1</source>
        <translation>Lütfen yeniden imzalayın: %1</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation>İmza alanı</translation>
    </message>
</context>
<context>
    <name>SigningChecklist</name>
    <message>
        <source>Missing before signing</source>
        <translation>İmzadan önce eksik olanlar</translation>
    </message>
    <message>
        <source>Next missing item (F8)</source>
        <translation>Sonraki eksik öğe (F8)</translation>
    </message>
    <message>
        <source>Still missing before signing (%1) – select one to go to it</source>
        <translation>İmzadan önce hâlâ eksik (%1) – gitmek için birini seçin</translation>
    </message>
    <message>
        <source>Everything is filled in: check it with the patient, then Sign and seal.</source>
        <translation>Her şey dolduruldu: hastayla birlikte kontrol edin, sonra İmzala ve mühürle.</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <source>Sign the consent</source>
        <translation>Onamı imzala</translation>
    </message>
    <message>
        <source>Text version %1 (%2). Each part must be initialled; each optional choice answered yes or no — none is required for treatment.</source>
        <translation>Metin sürümü %1 (%2). Her bölüm paraflanmalı; isteğe bağlı her seçim evet ya da hayır olarak yanıtlanmalıdır — hiçbiri tedavi için zorunlu değildir.</translation>
    </message>
    <message>
        <source>Patient&apos;s initials for each part</source>
        <translation>Her bölüm için hastanın parafı</translation>
    </message>
    <message>
        <source>needed</source>
        <translation>gerekli</translation>
    </message>
    <message>
        <source>Patient&apos;s initials for part %1</source>
        <translation>Bölüm %1 için hastanın parafı</translation>
    </message>
    <message>
        <source>Optional choices</source>
        <translation>İsteğe bağlı seçimler</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Ürün</translation>
    </message>
    <message>
        <source>may be filled in at the procedure</source>
        <translation>işlem günü doldurulabilir</translation>
    </message>
    <message>
        <source>Lot / batch number</source>
        <translation>Parti / seri numarası</translation>
    </message>
    <message>
        <source>Performing urologist</source>
        <translation>İşlemi yapacak ürolog</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Treating urologist</source>
        <translation>Tedaviyi yapan ürolog</translation>
    </message>
    <message>
        <source>nurse</source>
        <translation>hemşire</translation>
    </message>
    <message>
        <source>urologist</source>
        <translation>ürolog</translation>
    </message>
    <message>
        <source>External witness (typed name)</source>
        <translation>Dış tanık (adı yazılarak)</translation>
    </message>
    <message>
        <source>external witness&apos;s full name</source>
        <translation>dış tanığın adı soyadı</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Parola</translation>
    </message>
    <message>
        <source>Signing PIN</source>
        <translation>İmza PIN kodu</translation>
    </message>
    <message>
        <source>e.g. brother, friend</source>
        <translation>örn. kardeşi, arkadaşı</translation>
    </message>
    <message>
        <source>External witness signs on paper only (typed name)</source>
        <translation>Dış tanık yalnızca kâğıt üzerinde imzalar (adı yazılarak)</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Tanık</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (isteğe bağlı)</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Tercüman</translation>
    </message>
    <message>
        <source>Partner acknowledgement (optional)</source>
        <translation>Eşin bilgilendirildiğine dair onayı (isteğe bağlı)</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Eş</translation>
    </message>
    <message>
        <source>Your password (confirms your signature)</source>
        <translation>Parolanız (imzanızı doğrular)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad soyad</translation>
    </message>
    <message>
        <source>Witness confirms with</source>
        <translation>Tanığın doğrulama yolu</translation>
    </message>
    <message>
        <source>Witness&apos;s PIN</source>
        <translation>Tanığın PIN kodu</translation>
    </message>
    <message>
        <source>Witness&apos;s own PIN (the witness types it)</source>
        <translation>Tanığın PIN kodu (tanık kendisi yazar)</translation>
    </message>
    <message>
        <source>Witness&apos;s own password (the witness types it)</source>
        <translation>Tanığın kendi parolası (tanık kendisi yazar)</translation>
    </message>
    <message>
        <source>Relation to the patient</source>
        <translation>Hastaya yakınlığı</translation>
    </message>
    <message>
        <source>Interpreter&apos;s name</source>
        <translation>Tercümanın adı soyadı</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Dil</translation>
    </message>
    <message>
        <source>Partner&apos;s name</source>
        <translation>Eşin adı soyadı</translation>
    </message>
    <message>
        <source>Consent form to fill in and sign</source>
        <translation>Doldurulup imzalanacak onam formu</translation>
    </message>
    <message>
        <source>Sign and seal</source>
        <translation>İmzala ve mühürle</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Vazgeç</translation>
    </message>
    <message>
        <source>Signature needed</source>
        <translation>İmza gerekli</translation>
    </message>
    <message>
        <source>Please sign again: %1</source>
        <translation>Lütfen yeniden imzalayın: %1</translation>
    </message>
    <message>
        <source>%1&apos;s signature</source>
        <translation>%1 imzası</translation>
    </message>
    <message>
        <source>Patient&apos;s initials – part(s) %1</source>
        <translation>Hastanın parafı – bölüm %1</translation>
    </message>
    <message>
        <source>Choice not answered: %1</source>
        <translation>Yanıtlanmamış seçim: %1</translation>
    </message>
    <message>
        <source>Witness&apos;s name</source>
        <translation>Tanığın adı soyadı</translation>
    </message>
    <message>
        <source>Witness&apos;s password</source>
        <translation>Tanığın parolası</translation>
    </message>
    <message>
        <source>Witness&apos;s relation to the patient</source>
        <translation>Tanığın hastaya yakınlığı</translation>
    </message>
    <message>
        <source>Interpreter&apos;s language</source>
        <translation>Tercümanın dili</translation>
    </message>
    <message>
        <source>Complete the items listed at the top first.</source>
        <translation>Önce üstte listelenen öğeleri tamamlayın.</translation>
    </message>
    <message>
        <source>%1: please sign again.</source>
        <translation>%1: lütfen yeniden imzalayın.</translation>
    </message>
    <message>
        <source>Signing and sealing…</source>
        <translation>İmzalanıyor ve mühürleniyor…</translation>
    </message>
</context>
<context>
    <name>SigningPinDialog</name>
    <message>
        <source>Signing PIN</source>
        <translation>İmza PIN kodu</translation>
    </message>
    <message>
        <source>At least 6 digits</source>
        <translation>En az 6 rakam</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Parolanız</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Yeni PIN kodu</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Yeni PIN kodu (tekrar)</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>PIN kodunu belirle</translation>
    </message>
    <message>
        <source>Remove PIN</source>
        <translation>PIN kodunu kaldır</translation>
    </message>
    <message>
        <source>When the clinic allows it, you may confirm who you are with this PIN instead of your password when you witness a consent. Choose at least 6 digits, not one digit repeated and not a run such as 123456; tell it to nobody.</source>
        <translation>Klinik izin verdiğinde, bir onama tanıklık ederken kimliğinizi parolanız yerine bu PIN koduyla doğrulayabilirsiniz. Tek rakamın tekrarı ya da 123456 gibi ardışık olmayan en az 6 rakam seçin; kimseye söylemeyin.</translation>
    </message>
    <message>
        <source>You have a signing PIN, set %1.</source>
        <translation>İmza PIN kodunuz var (belirlenme: %1).</translation>
    </message>
    <message>
        <source>You have no signing PIN.</source>
        <translation>İmza PIN kodunuz yok.</translation>
    </message>
    <message>
        <source>The clinic accepts PINs from witnesses.</source>
        <translation>Klinik tanıklardan PIN kodu kabul ediyor.</translation>
    </message>
    <message>
        <source>The clinic does not accept PINs from witnesses at present (Settings).</source>
        <translation>Klinik şu anda tanıklardan PIN kodu kabul etmiyor (Ayarlar).</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>PIN kodunu değiştir</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>İki PIN kodu aynı değil.</translation>
    </message>
    <message>
        <source>Your signing PIN is in use from now on.</source>
        <translation>İmza PIN kodunuz bundan sonra geçerlidir.</translation>
    </message>
    <message>
        <source>Saving the PIN…</source>
        <translation>PIN kodu kaydediliyor…</translation>
    </message>
    <message>
        <source>Your signing PIN was removed.</source>
        <translation>İmza PIN kodunuz kaldırıldı.</translation>
    </message>
    <message>
        <source>Removing the PIN…</source>
        <translation>PIN kodu kaldırılıyor…</translation>
    </message>
</context>
<context>
    <name>StageUnavailable</name>
    <message>
        <source>%1 could not be opened (%2). The rest of the record is unaffected; tell the administrator.</source>
        <translation>%1 açılamadı (%2). Kaydın geri kalanı etkilenmedi; yöneticiye bildirin.</translation>
    </message>
    <message>
        <source>%1 is not available in this version of ExoConsult.</source>
        <translation>%1, ExoConsult&apos;un bu sürümünde yok.</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Consent</source>
        <translation>Onam</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Değerlendirme</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Bilgilendirme</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Öykü</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>İşlem</translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation>Advers olaylar</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>İzlem</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Opening the database…</source>
        <translation>Veritabanı açılıyor…</translation>
    </message>
    <message>
        <source>Welcome. Set up the clinic to begin.</source>
        <translation>Hoş geldiniz. Başlamak için kliniği kurun.</translation>
    </message>
    <message>
        <source>Daily backup…</source>
        <translation>Günlük yedek…</translation>
    </message>
    <message>
        <source>This database is too new</source>
        <translation>Bu veritabanı bu sürüm için fazla yeni</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>Veritabanı açılamıyor</translation>
    </message>
    <message>
        <source>ExoConsult could not read its database (%1). Nothing was changed. Check that the data folder is on this computer and readable, or restore a backup.

Data folder: %2</source>
        <translation>ExoConsult veritabanını okuyamadı (%1). Hiçbir şey değiştirilmedi. Veri klasörünün bu bilgisayarda ve okunabilir olduğunu denetleyin ya da bir yedeği geri yükleyin.

Veri klasörü: %2</translation>
    </message>
    <message>
        <source>Automatic backup failed</source>
        <translation>Otomatik yedekleme başarısız</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup could not be made (%1). Ask the administrator to make a backup from Administration → Backups.</source>
        <translation>Bugünün otomatik yedeği alınamadı (%1). Yöneticiden Yönetim → Yedekler üzerinden yedek almasını isteyin.</translation>
    </message>
</context>
<context>
    <name>TeachBackBox</name>
    <message>
        <source>Key point</source>
        <translation>Ana nokta</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <source>Patient&apos;s words</source>
        <translation>Hastanın sözleri</translation>
    </message>
    <message>
        <source>optional: what the patient said, in his words</source>
        <translation>isteğe bağlı: hastanın kendi sözleriyle söyledikleri</translation>
    </message>
    <message>
        <source>Record teach-back</source>
        <translation>Geri anlatımı kaydet</translation>
    </message>
    <message>
        <source>— not recorded</source>
        <translation>— kaydedilmedi</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>valid</source>
        <translation>geçerli</translation>
    </message>
    <message>
        <source>WITHDRAWN</source>
        <translation>GERİ ÇEKİLDİ</translation>
    </message>
    <message>
        <source>EXPIRED on that date</source>
        <translation>O tarihte SÜRESİ DOLMUŞ</translation>
    </message>
    <message>
        <source>SUPERSEDED</source>
        <translation>YENİSİYLE DEĞİŞTİRİLDİ</translation>
    </message>
    <message>
        <source>no consent</source>
        <translation>onam yok</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Yenile</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>Hasta no</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Aşama</translation>
    </message>
    <message>
        <source>Next date</source>
        <translation>Sonraki tarih</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>İmzalandı</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Dil</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tarih</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Onam</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Hazır</translation>
    </message>
    <message>
        <source>Checklist (today)</source>
        <translation>Kontrol listesi (bugün)</translation>
    </message>
    <message>
        <source>Performing urologist</source>
        <translation>İşlemi yapacak ürolog</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Konsültasyonlar</translation>
    </message>
    <message>
        <source>Signed, not yet printed</source>
        <translation>İmzalanmış, henüz basılmamış</translation>
    </message>
    <message>
        <source>Procedures planned (next 7 days)</source>
        <translation>Planlanan işlemler (önümüzdeki 7 gün)</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Yazdır…</translation>
    </message>
    <message>
        <source>Plan procedure…</source>
        <translation>İşlem planla…</translation>
    </message>
    <message>
        <source>Reading material…</source>
        <translation>Okuma materyali…</translation>
    </message>
    <message>
        <source>Information pack or blank consent form for the selected patient to read before the consultation</source>
        <translation>Seçili hastanın konsültasyondan önce okuması için bilgilendirme paketi ya da boş onam formu</translation>
    </message>
    <message>
        <source>Mark ready for the procedure</source>
        <translation>İşleme hazır olarak işaretle</translation>
    </message>
    <message>
        <source>Discharge sheet…</source>
        <translation>Taburcu formu…</translation>
    </message>
    <message>
        <source>Lot register…</source>
        <translation>Lot kaydı…</translation>
    </message>
    <message>
        <source>Programme facts…</source>
        <translation>Program bilgileri…</translation>
    </message>
    <message>
        <source>What the consent prints for the product, costs, ethics permit and conflicts of interest (read-only)</source>
        <translation>Onamda ürün, ücretler, etik kurul izni ve çıkar çatışmaları için basılanlar (salt okunur)</translation>
    </message>
    <message>
        <source>Registry report…</source>
        <translation>Kayıt raporu…</translation>
    </message>
    <message>
        <source>Loading today…</source>
        <translation>Bugünün listesi yükleniyor…</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Bugün, %1</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>hazır</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>henüz değil</translation>
    </message>
    <message>
        <source>Consultations (%1)</source>
        <translation>Konsültasyonlar (%1)</translation>
    </message>
    <message>
        <source>Signed, not yet printed (%1)</source>
        <translation>İmzalanmış, henüz basılmamış (%1)</translation>
    </message>
    <message>
        <source>STOPPED: %1</source>
        <translation>DURDURULDU: %1</translation>
    </message>
    <message>
        <source>Selected: %1</source>
        <translation>Seçili: %1</translation>
    </message>
    <message>
        <source>No patient selected</source>
        <translation>Hasta seçilmedi</translation>
    </message>
    <message>
        <source>Cannot be marked ready: %1</source>
        <translation>Hazır olarak işaretlenemiyor: %1</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>Planlanıyor…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Kaydediliyor…</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Hazırlanıyor…</translation>
    </message>
</context>
<context>
    <name>UnexpectedError</name>
    <message>
        <source>(no log file could be opened)</source>
        <translation>(günlük dosyası açılamadı)</translation>
    </message>
    <message>
        <source>ExoConsult met an error it did not expect (%1).

What was saved is safe: every change is written to the database completely or not at all. What was on the screen and not yet saved may need to be entered again.

What to do: close this message and check that your last step shows as you expect; if it does not, do it again. If the error comes back, close ExoConsult, open it again, and tell the person who looks after this computer. The details are in the log file (it holds no patient data):
%2</source>
        <translation>ExoConsult beklenmeyen bir hatayla karşılaştı (%1).

Kaydedilenler güvende: her değişiklik veritabanına ya eksiksiz yazılır ya da hiç yazılmaz. Ekranda olup henüz kaydedilmemiş bilgilerin yeniden girilmesi gerekebilir.

Yapılacaklar: bu iletiyi kapatın ve son adımınızın beklediğiniz gibi göründüğünü denetleyin; görünmüyorsa adımı tekrarlayın. Hata yinelenirse ExoConsult&apos;u kapatıp yeniden açın ve bu bilgisayarla ilgilenen kişiye bildirin. Ayrıntılar günlük dosyasında (hasta bilgisi içermez):
%2</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Beklenmeyen hata</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Edit account</source>
        <translation>Hesabı düzenle</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Yeni hesap</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>Hemşire</translation>
    </message>
    <message>
        <source>Urologist</source>
        <translation>Ürolog</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Yönetici</translation>
    </message>
    <message>
        <source>e.g. Dr. or Op. Dr. (printed before the name)</source>
        <translation>ör. Dr. ya da Op. Dr. (adın önüne basılır)</translation>
    </message>
    <message>
        <source>At least 12 characters</source>
        <translation>En az 12 karakter</translation>
    </message>
    <message>
        <source>Urologists seal consents and notes: the clinic passphrase gives a new urologist&apos;s account its key to do so.</source>
        <translation>Ürologlar onamları ve notları mühürler: klinik parola cümlesi yeni bir üroloğun hesabına bunun için gereken anahtarı verir.</translation>
    </message>
    <message>
        <source>User chooses their own password at first sign-in</source>
        <translation>Kullanıcı ilk oturum açışında kendi parolasını seçer</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Kullanıcı adı</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Ad soyad</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Unvan</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>Diploma tescil no</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>İlk parola</translation>
    </message>
    <message>
        <source>First password again</source>
        <translation>İlk parola (tekrar)</translation>
    </message>
    <message>
        <source>Clinic passphrase</source>
        <translation>Klinik parola cümlesi</translation>
    </message>
    <message>
        <source>A username never changes and is never given to someone else.</source>
        <translation>Kullanıcı adı hiç değişmez ve asla başka birine verilmez.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Kaydet</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Hesap oluştur</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>İki parola aynı değil.</translation>
    </message>
    <message>
        <source>Saving account…</source>
        <translation>Hesap kaydediliyor…</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>Username</source>
        <translation>Kullanıcı adı</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad soyad</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Content approver</source>
        <translation>İçerik onaylayıcı</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Son oturum açma</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Yönetici</translation>
    </message>
    <message>
        <source>Urologist</source>
        <translation>Ürolog</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>Hemşire</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Devre dışı</translation>
    </message>
    <message>
        <source>Locked (failed sign-ins)</source>
        <translation>Kilitli (başarısız oturum açma denemeleri)</translation>
    </message>
    <message>
        <source>Must choose a password</source>
        <translation>Parola seçmesi gerekiyor</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Etkin</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>evet</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>New account…</source>
        <translation>Yeni hesap…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Düzenle…</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Devre dışı bırak…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Parolayı sıfırla…</translation>
    </message>
    <message>
        <source>End lockout</source>
        <translation>Kilitlemeyi kaldır</translation>
    </message>
    <message>
        <source>Make content approver</source>
        <translation>İçerik onaylayıcı yap</translation>
    </message>
    <message>
        <source>Loading accounts…</source>
        <translation>Hesaplar yükleniyor…</translation>
    </message>
    <message>
        <source>Reactivate…</source>
        <translation>Yeniden etkinleştir…</translation>
    </message>
    <message>
        <source>Withdraw content approver</source>
        <translation>İçerik onaylayıcılığını geri al</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Yeniden etkinleştir</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Devre dışı bırak</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Reason (kept in the audit log):</source>
        <translation>Gerekçe (denetim kaydında saklanır):</translation>
    </message>
    <message>
        <source>Saving account…</source>
        <translation>Hesap kaydediliyor…</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Parolayı sıfırla</translation>
    </message>
    <message>
        <source>Give %1 a one-time temporary password? Their current password stops working now, and they must choose a new one at their next sign-in.</source>
        <translation>%1 için tek kullanımlık geçici parola verilsin mi? Mevcut parolası hemen geçersiz olur ve bir sonraki oturum açışında yeni bir parola seçmesi gerekir.</translation>
    </message>
    <message>
        <source>Clinic passphrase</source>
        <translation>Klinik parola cümlesi</translation>
    </message>
    <message>
        <source>The clinic passphrase (it gives %1 the key to seal documents):</source>
        <translation>Klinik parola cümlesi (%1 hesabına belgeleri mühürleme anahtarını verir):</translation>
    </message>
    <message>
        <source>Resetting password…</source>
        <translation>Parola sıfırlanıyor…</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Geçici parola</translation>
    </message>
    <message>
        <source>Temporary password for %1:

%2

Hand it over in person. It is shown only now; the user must replace it at sign-in.</source>
        <translation>%1 için geçici parola:

%2

Elden teslim edin. Yalnızca şimdi gösterilir; kullanıcı oturum açarken bunu değiştirmek zorundadır.</translation>
    </message>
    <message>
        <source>Allow %1 to approve the clinic&apos;s protocol and patient texts?</source>
        <translation>%1 kliniğin protokolünü ve hasta metinlerini onaylayabilsin mi?</translation>
    </message>
    <message>
        <source>Withdraw %1&apos;s permission to approve the clinic&apos;s content?</source>
        <translation>%1 kullanıcısının kliniğin içeriğini onaylama izni geri alınsın mı?</translation>
    </message>
    <message>
        <source>Content approver</source>
        <translation>İçerik onaylayıcı</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>İzin ver</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Geri al</translation>
    </message>
</context>
<context>
    <name>VerdictIcon</name>
    <message>
        <source>verdict symbol</source>
        <translation>karar simgesi</translation>
    </message>
</context>
<context>
    <name>VerifyDocumentDialog</name>
    <message>
        <source>Verify a document</source>
        <translation>Belge doğrula</translation>
    </message>
    <message>
        <source>document id, or the text read from the QR code</source>
        <translation>belge no ya da QR koddan okunan metin</translation>
    </message>
    <message>
        <source>Check id</source>
        <translation>Numarayı denetle</translation>
    </message>
    <message>
        <source>Check a PDF file…</source>
        <translation>PDF dosyası denetle…</translation>
    </message>
    <message>
        <source>Choose a PDF</source>
        <translation>PDF seçin</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF dosyaları (*.pdf)</translation>
    </message>
    <message>
        <source>This file is larger than %1 MB, so it is not a document of this app; it was not read. Choose the PDF the app saved or printed.</source>
        <translation>Bu dosya %1 MB&apos;tan büyük, dolayısıyla bu uygulamanın bir belgesi değil; okunmadı. Uygulamanın kaydettiği ya da yazdırdığı PDF&apos;yi seçin.</translation>
    </message>
    <message>
        <source>This file cannot be read. Choose a PDF file of at most %1 MB that is on this computer or on a connected drive.</source>
        <translation>Bu dosya okunamıyor. Bu bilgisayarda ya da bağlı bir sürücüde bulunan, en fazla %1 MB büyüklüğünde bir PDF dosyası seçin.</translation>
    </message>
    <message>
        <source>NOT CHECKED</source>
        <translation>DENETLENMEDİ</translation>
    </message>
    <message>
        <source>Sealed by the clinic and identical to the archived %1 %2. Status: %3.</source>
        <translation>Klinik tarafından mühürlenmiş ve arşivdeki %1 %2 ile aynı. Durum: %3.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Uyarı: %1</translation>
    </message>
    <message>
        <source>VALID</source>
        <translation>GEÇERLİ</translation>
    </message>
    <message>
        <source>A COPY, NOT THE SEALED ORIGINAL</source>
        <translation>KOPYA, MÜHÜRLÜ ASIL DEĞİL</translation>
    </message>
    <message>
        <source>This file carries no seal: it is a printed or saved copy (copies are marked so on every page). To check what it says, read its QR code, or type the document id printed at the foot of each page, into the box above: that checks the sealed original in the archive.</source>
        <translation>Bu dosyada mühür yok: basılmış ya da kaydedilmiş bir kopyadır (kopyaların her sayfasında bu belirtilir). İçeriğini denetlemek için QR kodunu okutun ya da her sayfanın altında basılı belge numarasını yukarıdaki kutuya yazın: böylece arşivdeki mühürlü asıl denetlenir.</translation>
    </message>
    <message>
        <source>NOT FOUND</source>
        <translation>BULUNAMADI</translation>
    </message>
    <message>
        <source>No document with the id %1 is on record in this clinic. Check the id against the one printed at the foot of each page, or check the PDF file itself.</source>
        <translation>Bu klinikte %1 numaralı bir belge kayıtlı değil. Numarayı her sayfanın altında basılı olanla karşılaştırın ya da PDF dosyasının kendisini denetleyin.</translation>
    </message>
    <message>
        <source>Seal: %1</source>
        <translation>Mühür: %1</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>geçerli</translation>
    </message>
    <message>
        <source>not valid</source>
        <translation>geçersiz</translation>
    </message>
    <message>
        <source>Archive: %1</source>
        <translation>Arşiv: %1</translation>
    </message>
    <message>
        <source>identical to the archived %1 %2</source>
        <translation>arşivdeki %1 %2 ile aynı</translation>
    </message>
    <message>
        <source>no archived document matches</source>
        <translation>arşivde eşleşen belge yok</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Durum: %1</translation>
    </message>
    <message>
        <source>NOT VALID</source>
        <translation>GEÇERSİZ</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>Denetim yapılamadı: %1</translation>
    </message>
</context>
<context>
    <name>VisitDateDialog</name>
    <message>
        <source>Record the visit</source>
        <translation>Kontrolü kaydet</translation>
    </message>
    <message>
        <source>%1 took place on:</source>
        <translation>%1 yapıldığı tarih:</translation>
    </message>
    <message>
        <source>Give the date of the visit.</source>
        <translation>Kontrolün tarihini girin.</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <source>Saved automatically as you type.</source>
        <translation>Yazdıkça otomatik kaydedilir.</translation>
    </message>
    <message>
        <source>Not saved yet…</source>
        <translation>Henüz kaydedilmedi…</translation>
    </message>
    <message>
        <source>Saving the visit…</source>
        <translation>Kontrol kaydediliyor…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Kaydedilmedi: %1</translation>
    </message>
    <message>
        <source>Saved; check: %1</source>
        <translation>Kaydedildi; kontrol edin: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Kaydedildi.</translation>
    </message>
    <message>
        <source>Saved, except the fields marked in red.</source>
        <translation>Kırmızıyla işaretli alanlar dışında kaydedildi.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Kaydedilmedi.</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Record withdrawal of consent</source>
        <translation>Onamın geri çekilmesini kaydet</translation>
    </message>
    <message>
        <source>The patient may withdraw at any time without giving a reason and without losing any other care.</source>
        <translation>Hasta onamını istediği zaman, gerekçe göstermeden geri çekebilir; diğer tedavi ve bakımı bundan etkilenmez.</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>isteğe bağlı</translation>
    </message>
    <message>
        <source>Reason given</source>
        <translation>Belirtilen gerekçe</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Your password (urologist)</source>
        <translation>Parolanız (ürolog)</translation>
    </message>
    <message>
        <source>Record withdrawal</source>
        <translation>Geri çekmeyi kaydet</translation>
    </message>
    <message>
        <source>Answer every choice and have the patient sign.</source>
        <translation>Her seçimi yanıtlayın ve hastaya imzalatın.</translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <source>Yes</source>
        <translation>Evet</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Hayır</translation>
    </message>
    <message>
        <source>answer needed</source>
        <translation>yanıt gerekli</translation>
    </message>
</context>
<context>
    <name>_PasswordDialogBase</name>
    <message>
        <source>At least %1 characters</source>
        <translation>En az %1 karakter</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mevcut parola</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Yeni parola</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Yeni parola (tekrar)</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Parola değiştir</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>İki yeni parola aynı değil.</translation>
    </message>
</context>
</TS>
