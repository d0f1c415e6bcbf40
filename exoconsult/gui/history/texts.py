"""The history screens' own words (buttons, statuses, messages) in English and Turkish.

Question labels and help come from the questionnaire itself; this table covers only the chrome. It is
a plain table rather than Qt Linguist files because the language is a per-consultation choice (the
patient's language), not the workstation's, and can change while the application runs.
"""

from __future__ import annotations

LANGUAGES = ("en", "tr")

_TEXTS: dict[str, tuple[str, str]] = {
    # key: (English, Turkish)
    "yes": ("Yes", "Evet"),
    "no": ("No", "Hayır"),
    "choose": ("— choose —", "— seçin —"),
    "unit": ("(choose unit)", "(birim seçin)"),
    "not_saved_mark": ("not saved", "kaydedilmedi"),
    "date_placeholder": ("dd.mm.yyyy", "gg.aa.yyyy"),
    "pick_date": ("Pick a date", "Tarih seçin"),
    "required": ("required", "zorunlu"),
    "digits_only": ("Use the digits 0-9 only.", "Yalnızca 0-9 rakamlarını kullanın."),
    "two_separators": ('"{text}" is not a number: use one decimal separator and no thousands separator '
                       "(e.g. 1234,5 or 1234.5).",
                       '"{text}" bir sayı değil: tek bir ondalık ayırıcı kullanın, binlik ayırıcı kullanmayın '
                       "(örn. 1234,5 veya 1234.5)."),
    "not_number": ('"{text}" is not a number (e.g. 12,5 or 12.5).',
                   '"{text}" bir sayı değil (örn. 12,5 veya 12.5).'),
    "ambiguous": ('"{text}" is ambiguous (thousands or decimals?). Type {digits} without a separator, or '
                  "the decimal with fewer places.",
                  '"{text}" belirsiz (binlik mi, ondalık mı?). Ayırıcısız {digits} yazın ya da ondalığı daha '
                  "az basamakla yazın."),
    "not_integer": ('"{text}" is not a whole number.', '"{text}" bir tam sayı değil.'),
    "not_date": ('"{text}" is not a date; type it as dd.mm.yyyy (e.g. 24.11.2026).',
                 '"{text}" bir tarih değil; gg.aa.yyyy olarak yazın (örn. 24.11.2026).'),
    "not_real_date": ('"{text}" is not a real date.', '"{text}" geçerli bir tarih değil.'),
    "choose_unit": ("Choose the unit the lab reported.", "Laboratuvarın bildirdiği birimi seçin."),
    "out_of_range": ("{value} is outside the allowed range {low}–{high}{unit}. Not saved.",
                     "{value} izin verilen {low}–{high}{unit} aralığının dışında. Kaydedilmedi."),
    # Page chrome
    "sections": ("Sections", "Bölümler"),
    "read_only_marker": ("read-only for your role", "rolünüz için salt okunur"),
    "read_only_banner": ("Your role can view this section but not edit it.",
                         "Rolünüz bu bölümü görebilir ancak düzenleyemez."),
    "saved_at": ("Saved {time}", "Kaydedildi {time}"),
    "saving": ("Saving…", "Kaydediliyor…"),
    "not_saved": ("Not saved: {why}", "Kaydedilmedi: {why}"),
    "draft_kept": ("Draft kept {time}; {count} value(s) still need your attention",
                   "Taslak saklandı {time}; {count} değer hâlâ ilginizi bekliyor"),
    "draft_restored": ("Your unsaved input from {time} was restored (marked below). Check it, then save or discard it.",
                       "{time} tarihli kaydedilmemiş girişleriniz geri yüklendi (aşağıda işaretli). Kontrol edip kaydedin ya da atın."),
    "discard_draft": ("Discard restored input", "Geri yüklenen girişleri at"),
    "dismiss": ("Save restored input", "Geri yüklenenleri kaydet"),
    "restored_field": ("Restored from your unsaved input; not saved yet.",
                       "Kaydedilmemiş girişinizden geri yüklendi; henüz kaydedilmedi."),
    "export_case": ("Export case…", "Vakayı dışa aktar…"),
    "import_case": ("Import case…", "Vakayı içe aktar…"),
    "exported": ("Case written to {path}", "Vaka şuraya yazıldı: {path}"),
    "imported": ("Case imported from {path}", "Vaka içe aktarıldı: {path}"),
    "import_failed_title": ("Case not imported", "Vaka içe aktarılmadı"),
    "import_failed": ("The file has {count} problem(s); nothing was imported:",
                      "Dosyada {count} sorun var; hiçbir şey içe aktarılmadı:"),
    "imported_other": ("Case imported from {path} for the patient with the file's MRN (not this one)",
                       "{path} vakası dosyadaki MRN'ye sahip hasta için içe aktarıldı (bu hasta değil)"),
    "import_confirm_title": ("Unusual values in the file", "Dosyada olağandışı değerler"),
    "import_confirm": ("The file holds values outside the usual range. Import them as they are?",
                       "Dosyada olağan aralık dışında değerler var. Oldukları gibi içe aktarılsın mı?"),
    "case_failed": ("Case file not written: {why}", "Vaka dosyası yazılmadı: {why}"),
    "case_files": ("Case files (*.json)", "Vaka dosyaları (*.json)"),
    # Repeatable groups
    "add_row": ("Add row (Enter)", "Satır ekle (Enter)"),
    "remove_row": ("Remove row", "Satırı sil"),
    "remove_row_title": ("Remove row?", "Satır silinsin mi?"),
    "remove_row_text": ("Remove the row dated {date}? This cannot be undone.",
                        "{date} tarihli satır silinsin mi? Bu işlem geri alınamaz."),
    "no_rows": ("No entries yet. Press Enter or “Add row” to add one.",
                "Henüz kayıt yok. Eklemek için Enter'a veya “Satır ekle”ye basın."),
    "row_editor": ("Selected entry", "Seçili kayıt"),
    "no_date": ("(no date)", "(tarih yok)"),
    # Plausibility
    "confirm_title": ("Please confirm this value", "Lütfen bu değeri onaylayın"),
    "confirm_keep": ("Keep {value}", "{value} kalsın"),
    "confirm_use_unit": ("Use {unit} instead", "Yerine {unit} kullan"),
    "confirm_edit": ("Correct it", "Düzelt"),
    "implausible": ("{label} {value} is outside the usual range ({low}–{high} {unit})",
                    "{label} {value} olağan aralığın ({low}–{high} {unit}) dışında"),
    "refused_range": ("{label} {value} is outside the allowed range ({low}–{high} {unit}) and was not saved",
                      "{label} {value} izin verilen aralığın ({low}–{high} {unit}) dışında, kaydedilmedi"),
    "refused_title": ("Value not accepted", "Değer kabul edilmedi"),
    "did_you_mean": (" — did you mean {units}?", " — {units} mi demek istediniz?"),
    "unconfirmed": ("Unusual value, not yet confirmed.", "Olağandışı değer, henüz onaylanmadı."),
    # Conflict
    "conflict_title": ("Changed on another workstation", "Başka bir iş istasyonunda değiştirildi"),
    "conflict_intro": ("While you were typing, someone else saved a different value for this field.",
                       "Siz yazarken başka biri bu alan için farklı bir değer kaydetti."),
    "conflict_yours": ("Yours", "Sizinki"),
    "conflict_theirs": ("Saved by {user} at {time}", "{user} tarafından {time} saatinde kaydedildi"),
    "keep_theirs": ("Keep theirs", "Onlarınki kalsın"),
    "use_mine": ("Use mine", "Benimkini kullan"),
    "empty_value": ("(empty)", "(boş)"),
    "load_failed": ("The history could not be opened: {why}", "Öykü açılamadı: {why}"),
}


def t(key: str, lang: str = "en", **params: object) -> str:
    """The text for `key` in `lang` (English when the language is unknown), with {params} filled in."""
    english, turkish = _TEXTS[key]
    text = turkish if lang == "tr" else english
    return text.format(**params) if params else text


def pick(labels: object, lang: str) -> str:
    """A questionnaire label map ({"en": …, "tr": …}) in `lang`, falling back to English, then any."""
    if labels is None:
        return ""
    if isinstance(labels, str):
        return labels
    get = getattr(labels, "get", None)
    if get is None:
        return str(labels)
    text = get(lang) or get("en")
    if text:
        return str(text)
    values = list(labels.values()) if hasattr(labels, "values") else []
    return str(values[0]) if values else ""
