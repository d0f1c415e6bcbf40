"""Turn the records (patient, consent text, explanation, assessment, signatures) into the frozen, fully
resolved render model of exoconsult.documents: all wording localised, dates formatted in the clinic's
time zone, placeholders filled. Pure mapping: no database access, no decisions about gates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from exoconsult.documents import model as m
from exoconsult.domain.content import Block, ConsentText, Span, fill_placeholders
from exoconsult.domain.patient import PatientData
from exoconsult.domain.signature import Stroke
from exoconsult.services.core.clinic_settings import ClinicSettings
from exoconsult.services.core.document_labels import consent_labels
from exoconsult.services.explanation.explanation_dto import ExplanationDTO

ROLE_LABELS = {
    "en": {"patient": "Patient", "urologist": "Treating urologist", "witness": "Witness",
           "interpreter": "Interpreter", "partner": "Partner"},
    "tr": {"patient": "Hasta", "urologist": "Tedaviyi uygulayan üroloji uzmanı", "witness": "Tanık",
           "interpreter": "Tercüman", "partner": "Eş"},
}
TEACH_BACK = {"en": {"restated": "restated correctly", "re_explained": "re-explained"},
              "tr": {"restated": "doğru yeniden anlattı", "re_explained": "yeniden açıklandı"}}
NOT_YET = {"en": "not shown", "tr": "gösterilmedi"}
KEY_POINTS = {
    "en": {"experimental_status": "Experimental status", "no_guarantee": "No guarantee of success",
           "alternatives": "Alternatives", "right_to_withdraw": "Right to say no or stop",
           "complication_contact": "What to do about a complication", "future_child": "Unknown effects on a child",
           "reflection_period": "Time to decide"},
    "tr": {"experimental_status": "Deneysel olması", "no_guarantee": "Başarı garantisi olmaması",
           "alternatives": "Diğer seçenekler", "right_to_withdraw": "Hayır deme ya da vazgeçme hakkı",
           "complication_contact": "Komplikasyon olursa ne yapılacağı", "future_child": "Çocuğa etkilerinin bilinmemesi",
           "reflection_period": "Karar için düşünme süresi"},
}
EVENTS = {"en": {"started": "Explanation started", "completed": "Explanation completed", "signed": "Signed as {role}"},
          "tr": {"started": "Bilgilendirme başladı", "completed": "Bilgilendirme tamamlandı", "signed": "{role} olarak imzaladı"}}
LOT_LATER = {"en": "to be filled in at the procedure", "tr": "işlem günü doldurulacak"}


@dataclass(frozen=True)
class SignatureRecord:
    role: str
    printed_name: str
    meaning: str
    signed_at: datetime
    strokes: tuple[Stroke, ...]
    detail: str = ""  # interpreter language, staff title/registration number
    typed_only: bool = False
    password_confirmed: bool = False  # the signer re-entered their own password (with or without pad strokes)


def zone_text(when: datetime | None, tz: str) -> str:
    """The clinic's offset from UTC at `when` (now when None), e.g. "UTC+03:00": the same in every language."""
    local = (when or datetime.now(ZoneInfo("UTC"))).astimezone(ZoneInfo(tz))
    offset = local.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}"


def format_time(when: datetime | None, tz: str, lang: str, *, zone: bool = True) -> str:
    """Local date and time; `zone=False` in table cells, whose heading states the zone once (item 12)."""
    if when is None:
        return NOT_YET[lang]
    local = when.astimezone(ZoneInfo(tz))
    text = f"{local:%d.%m.%Y %H:%M}" if lang == "tr" else f"{local:%Y-%m-%d %H:%M}"
    return f"{text} ({zone_text(when, tz)})" if zone else text


def with_zone(heading: str, zone: str) -> str:
    return f"{heading} ({zone})"


def format_date(value: date | None, lang: str) -> str:
    return "" if value is None else (value.strftime("%d.%m.%Y") if lang == "tr" else value.isoformat())


def clinic_header(settings: ClinicSettings, logo_png: bytes | None) -> m.ClinicHeader:
    return m.ClinicHeader(name=settings.clinic_name, address=settings.clinic_address, phone=settings.clinic_phone,
                          complication_line=settings.complication_phone, logo_png=logo_png)


def patient_identity(p: PatientData, lang: str) -> m.PatientIdentity:
    return m.PatientIdentity(full_name=f"{p.given_name} {p.family_name}",
                             birth_date_text=format_date(p.birth_date, lang), mrn=p.mrn)


def _spans(spans: tuple[Span, ...], values: Mapping[str, str], lang: str) -> str:
    # The renderer honours **bold** and escapes everything else, so bold spans are re-marked here.
    out = []
    for span in spans:
        text = fill_placeholders(span.text, values, lang=lang).replace("**", "")
        out.append(f"**{text}**" if span.bold and text.strip() else text)
    return "".join(out)


def render_blocks(blocks: Sequence[Block], values: Mapping[str, str], lang: str) -> tuple[m.Block, ...]:
    out: list[m.Block] = []
    for b in blocks:
        if b.kind == "heading":
            out.append(m.HeadingBlock(_spans(b.spans, values, lang).replace("**", "")))
        elif b.kind == "bullets":
            out.append(m.BulletListBlock(tuple(_spans(item, values, lang) for item in b.items)))
        else:
            out.append(m.ParagraphBlock(_spans(b.spans, values, lang)))
    return tuple(out)


NOT_RECORDED = {"en": "not recorded yet", "tr": "henüz kaydedilmedi"}


def empty_eligibility(lang: str) -> m.EligibilityAnnex:
    """For a form read before the consultation: nothing assessed yet, said plainly."""
    n = NOT_RECORDED[lang]
    return m.EligibilityAnnex(protocol_id=n, protocol_version="", protocol_sha256="", protocol_approval="",
                              verdict=n, fired_rules=(), review_resolution=None)


def empty_explanation(lang: str) -> m.ExplanationAnnex:
    return m.ExplanationAnnex(sections=(), questions=(), comprehension=(), comprehension_result=NOT_RECORDED[lang],
                              teach_back=())


def explanation_annex(e: ExplanationDTO, question_text: Mapping[str, str], option_text: Mapping[tuple[str, str], str],
                      key_point_text: Mapping[str, str], tz: str, lang: str) -> m.ExplanationAnnex:
    c = e.comprehension
    result = {"en": f"Passed ({c.total}/{c.total} answered correctly)",
              "tr": f"Geçti ({c.total}/{c.total} doğru yanıt)"}[lang] if c.passed else \
             {"en": f"Not passed ({c.pending} still to answer)", "tr": f"Geçmedi ({c.pending} soru kaldı)"}[lang]
    return m.ExplanationAnnex(
        sections=tuple(m.ExplainedSection(s.title, format_time(s.first_shown_at, tz, lang, zone=False),
                                          format_time(s.discussed_at, tz, lang, zone=False)) for s in e.sections),
        questions=tuple(m.PatientQuestion(q.question, q.answer) for q in e.questions),
        comprehension=tuple(m.ComprehensionAttempt(question_text.get(a.question_id, a.question_id),
                                                   option_text.get((a.question_id, a.option_id), a.option_id),
                                                   a.correct, a.attempt, format_time(a.answered_at, tz, lang, zone=False))
                            for a in c.attempts),
        comprehension_result=result,
        teach_back=tuple(m.TeachBackEntry(key_point_text.get(t.key_point, t.key_point),
                                          TEACH_BACK[lang].get(t.result, t.result), t.words) for t in e.teach_back))


PASSWORD_MARK = {"en": "Signed electronically: confirmed with the signer's own password",
                 "tr": "Elektronik olarak imzalandı: imzalayanın kendi parolasıyla doğrulandı"}
# Beside a drawn signature: who was verified and how (content release 1.1, item 14).
VERIFIED_MARK = {"en": "Identity verified: the signer re-entered their own password when signing",
                 "tr": "Kimlik doğrulandı: imzalayan, imzalarken kendi parolasını yeniden girdi"}
SIGNER_DETAIL = {"en": {"staff": "clinic staff"}, "tr": {"staff": "klinik personeli"}}
RELATION_PREFIX = "relation:"  # stored detail of an external witness: "relation:<as typed>"
RELATION_LABEL = {"en": "relation to the patient: {}", "tr": "hastaya yakınlığı: {}"}


def relation_detail(relation: str) -> str:
    return f"{RELATION_PREFIX}{relation}"


def _detail_text(detail: str, lang: str) -> str:
    if detail.startswith(RELATION_PREFIX):
        return RELATION_LABEL[lang].format(detail[len(RELATION_PREFIX):])
    return SIGNER_DETAIL[lang].get(detail, detail)


def _marker(r: SignatureRecord, lang: str) -> str | None:
    if r.typed_only:
        return {"en": "Typed name – external witness", "tr": "Yazılı ad – dışarıdan tanık"}[lang]
    if r.password_confirmed:
        return VERIFIED_MARK[lang] if r.strokes else PASSWORD_MARK[lang]
    return None


def signature_blocks(records: Sequence[SignatureRecord], tz: str, lang: str) -> tuple[m.SignatureBlock, ...]:
    """A drawn signature of a password-verified signer carries the verification beside it; a typed-only
    or password-only one carries its marker in the box."""
    blocks = []
    for r in records:
        detail = _detail_text(r.detail, lang)
        label = ROLE_LABELS[lang].get(r.role, r.role) + (f" ({detail})" if detail else "")
        strokes = tuple(m.SignatureStroke(tuple(m.SignaturePoint(p.x, p.y, p.t_ms, p.pressure) for p in s))
                        for s in r.strokes)
        blocks.append(m.SignatureBlock(role_label=label, printed_name=r.printed_name, meaning=r.meaning,
                                       signed_at_text=format_time(r.signed_at, tz, lang), strokes=strokes,
                                       typed_name_marker=_marker(r, lang)))
    return tuple(blocks)


def consent_sections(text: ConsentText, values: Mapping[str, str],
                     initials: Mapping[str, str]) -> tuple[m.ConsentSection, ...]:
    """The numbered sections of ``text`` with placeholders filled and each section's initials (by section id)."""
    lang = text.meta.language
    return tuple(
        m.ConsentSection(number=n, heading=fill_placeholders(s.title, values, lang=lang),
                         blocks=render_blocks(s.blocks, values, lang),
                         initials=m.InitialsState(bool(initials.get(s.id)), initials.get(s.id, "")))
        for n, s in enumerate(text.sections, start=1))


def optional_consents(text: ConsentText, values: Mapping[str, str],
                      answers: Mapping[str, bool | None]) -> tuple[m.OptionalConsent, ...]:
    """The unbundled optional consents of ``text`` with the patient's answers (by consent id)."""
    return tuple(m.OptionalConsent(fill_placeholders(o.text, values, lang=text.meta.language), answers.get(o.id))
                 for o in text.optional_consents)


def consent_document(*, document_id: str, text: ConsentText, values: Mapping[str, str], patient: PatientData,
                     settings: ClinicSettings, logo_png: bytes | None, initials: Mapping[str, str],
                     optional_answers: Mapping[str, bool | None], eligibility: m.EligibilityAnnex,
                     explanation: m.ExplanationAnnex, signatures: Sequence[SignatureRecord],
                     audit_rows: Sequence[tuple[str, ...]], reflection_reason: str | None,
                     approved: bool, copy_marking: str | None = None) -> m.ConsentDocument:
    lang = text.meta.language
    tz = settings.time_zone

    def product_value(key: str) -> str:  # a blank prints as the same visible mark as in the text
        return fill_placeholders("{" + key + "}", values, lang=lang)

    product = m.ProductDetails(name=product_value("product.name"), manufacturer=product_value("product.manufacturer"),
                               cell_source=product_value("product.cell_source"),
                               lot=values.get("product.lot") or LOT_LATER[lang],
                               dose_per_testis=product_value("product.dose_per_testis"))
    zone = zone_text(signatures[0].signed_at if signatures else None, tz)
    audit_columns = {"en": ("Time", "Who", "Event"), "tr": ("Zaman", "Kim", "Olay")}[lang]
    audit_columns = (with_zone(audit_columns[0], zone), *audit_columns[1:])
    labels = consent_labels(lang)
    labels = replace(labels, annex=replace(labels.annex, shown_at=with_zone(labels.annex.shown_at, zone),
                                           discussed_at=with_zone(labels.annex.discussed_at, zone),
                                           answered_at=with_zone(labels.annex.answered_at, zone)))
    return m.ConsentDocument(
        document_id=document_id, language=lang, text_version=text.meta.version, approved=approved,
        title=text.meta.title, clinic=clinic_header(settings, logo_png), patient=patient_identity(patient, lang),
        sections=consent_sections(text, values, initials), product=product,
        optional_consents=optional_consents(text, values, optional_answers),
        signatures=signature_blocks(signatures, tz, lang), eligibility=eligibility, explanation=explanation,
        audit_summary=m.AuditSummaryAnnex(audit_columns, tuple(tuple(r) for r in audit_rows)),
        labels=labels, reflection_shortened_reason=reflection_reason or None,
        copy_marking=copy_marking, paper_size=settings.paper_size,  # type: ignore[arg-type]
        preamble=render_blocks(text.preamble, values, lang))
