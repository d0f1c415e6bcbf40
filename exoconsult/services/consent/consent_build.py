"""Turn the records (patient, consent text, explanation, assessment, signatures) into the frozen, fully
resolved render model of exoconsult.documents: all wording localised, dates formatted in the clinic's
time zone, placeholders filled. Pure mapping: no database access, no decisions about gates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from exoconsult.documents import model as m
from exoconsult.domain.content import Block, ConsentText, Span, fill_placeholders
from exoconsult.domain.patient import PatientData
from exoconsult.domain.signature import Stroke
from exoconsult.services.core.clinic_settings import ClinicSettings
from exoconsult.services.core.document_labels import consent_labels, document_words
from exoconsult.services.explanation.explanation_dto import ExplanationDTO
from exoconsult.services.programme.programme import no_ethics_permit_recorded


def record_words(lang: str) -> dict[str, str]:
    """The consent record's own words (roles, teach-back results, markers) in `lang`, by key."""
    return document_words(lang).section("consent_record")


def role_labels(lang: str) -> dict[str, str]:
    """Each signer role's printed label (domain.content.SIGNER_ROLES), by role."""
    return document_words(lang).section("consent_record.roles")


@dataclass(frozen=True)
class SignatureRecord:
    role: str
    printed_name: str
    meaning: str
    signed_at: datetime
    strokes: tuple[Stroke, ...]
    detail: str = ""  # interpreter language, staff title/registration number
    typed_only: bool = False
    verified_by: str = ""  # "password" | "pin": how the signer proved who they are ("" = not verified)


def zone_text(when: datetime | None, tz: str) -> str:
    """The clinic's offset from UTC at `when` (now when None), e.g. "UTC+03:00": the same in every language."""
    local = (when or datetime.now(ZoneInfo("UTC"))).astimezone(ZoneInfo(tz))
    offset = local.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}"


def format_time(when: datetime | None, tz: str, lang: str, *, zone: bool = True) -> str:
    """Local date and time; `zone=False` in table cells, whose heading states the zone once (item 12)."""
    words = document_words(lang)
    if when is None:
        return words["consent_record.not_yet"]
    text = words.date_time(when.astimezone(ZoneInfo(tz)))
    return f"{text} ({zone_text(when, tz)})" if zone else text


def with_zone(heading: str, zone: str) -> str:
    return f"{heading} ({zone})"


def format_date(value: date | None, lang: str) -> str:
    return document_words(lang).date(value)


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


def empty_eligibility(lang: str) -> m.EligibilityAnnex:
    """For a form read before the consultation: nothing assessed yet, said plainly."""
    n = record_words(lang)["not_recorded"]
    return m.EligibilityAnnex(protocol_id=n, protocol_version="", protocol_sha256="", protocol_approval="",
                              verdict=n, fired_rules=(), review_resolution=None)


def empty_explanation(lang: str) -> m.ExplanationAnnex:
    return m.ExplanationAnnex(sections=(), questions=(), comprehension=(), comprehension_result=record_words(lang)["not_recorded"],
                              teach_back=())


def explanation_annex(e: ExplanationDTO, question_text: Mapping[str, str], option_text: Mapping[tuple[str, str], str],
                      key_point_text: Mapping[str, str], tz: str, lang: str) -> m.ExplanationAnnex:
    c, words = e.comprehension, record_words(lang)
    result = (words["comprehension_passed"].format(total=c.total) if c.passed
              else words["comprehension_not_passed"].format(pending=c.pending))
    teach_back = document_words(lang).section("consent_record.teach_back")
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
                                          teach_back.get(t.result, t.result), t.words) for t in e.teach_back))


RELATION_PREFIX = "relation:"  # stored detail of an external witness: "relation:<as typed>"


def relation_detail(relation: str) -> str:
    return f"{RELATION_PREFIX}{relation}"


def _detail_text(detail: str, lang: str) -> str:
    if detail.startswith(RELATION_PREFIX):
        return record_words(lang)["relation"].format(relation=detail[len(RELATION_PREFIX):])
    return document_words(lang).section("consent_record.signer_detail").get(detail, detail)


def _marker(r: SignatureRecord, lang: str) -> str | None:
    words = record_words(lang)
    if r.typed_only:
        return words["typed_name_marker"]
    if r.verified_by:  # beside a drawn signature: who was verified and how (content release 1.1, item 14)
        return words[f"verified_by_{r.verified_by}"] if r.strokes else words["password_mark"]
    return None


def signature_blocks(records: Sequence[SignatureRecord], tz: str, lang: str) -> tuple[m.SignatureBlock, ...]:
    """A drawn signature of a password-verified signer carries the verification beside it; a typed-only
    or password-only one carries its marker in the box."""
    blocks, roles = [], role_labels(lang)
    for r in records:
        detail = _detail_text(r.detail, lang)
        label = roles.get(r.role, r.role) + (f" ({detail})" if detail else "")
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


def statement_box(text: ConsentText, values: Mapping[str, str], forms_dir: Path | None = None) -> tuple[str, ...]:
    """Page 1's boxed statement (item 2): the text's fixed wording, then its permit line with the clinic's
    permit, or its "none recorded" line when the clinic recorded explicitly that there is none."""
    box, lang = text.boxed_statement, text.meta.language
    permit = (box.no_permit if no_ethics_permit_recorded(values.get("ethics.permit"), lang, forms_dir)
              else fill_placeholders(box.permit, values, lang=lang))
    return box.statement, permit


def consent_document(*, document_id: str, text: ConsentText, values: Mapping[str, str], patient: PatientData,
                     settings: ClinicSettings, logo_png: bytes | None, initials: Mapping[str, str],
                     optional_answers: Mapping[str, bool | None], eligibility: m.EligibilityAnnex,
                     explanation: m.ExplanationAnnex, signatures: Sequence[SignatureRecord],
                     audit_rows: Sequence[tuple[str, ...]], reflection_reason: str | None,
                     approved: bool, copy_marking: str | None = None,
                     forms_dir: Path | None = None) -> m.ConsentDocument:
    lang = text.meta.language
    tz = settings.time_zone

    def product_value(key: str) -> str:  # a blank prints as the same visible mark as in the text
        return fill_placeholders("{" + key + "}", values, lang=lang)

    product = m.ProductDetails(name=product_value("product.name"), manufacturer=product_value("product.manufacturer"),
                               cell_source=product_value("product.cell_source"),
                               lot=values.get("product.lot") or record_words(lang)["lot_later"],
                               dose_per_testis=product_value("product.dose_per_testis"))
    zone = zone_text(signatures[0].signed_at if signatures else None, tz)
    words = record_words(lang)
    audit_columns = (with_zone(words["audit_time"], zone), words["audit_who"], words["audit_event"])
    labels = consent_labels(lang, forms_dir)
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
        preamble=render_blocks(text.preamble, values, lang), statement_box=statement_box(text, values, forms_dir))
