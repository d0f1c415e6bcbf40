"""Turn the records (patient, consent text, explanation, assessment, signatures) into the frozen, fully
resolved render model of exoconsult.documents: all wording localised, dates formatted in the clinic's
time zone, placeholders filled. Pure mapping: no database access, no decisions about gates.

Every helper that prints a fixed word takes the `DocumentWords` of the document's language, loaded once by
the caller's use case from the clinic's own forms/ (`document_words(lang, work.ctx.forms_dir)`), so a
clinic's wording of a role or a date format reaches every document, as its other labels do."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from exoconsult.documents import model as m
from exoconsult.domain.content import Block, ConsentText, Span, fill_placeholders
from exoconsult.domain.patient import PatientData
from exoconsult.domain.signature import Stroke
from exoconsult.services.core.clinic_settings import ClinicSettings
from exoconsult.services.core.document_labels import DocumentWords, consent_labels
from exoconsult.services.explanation.explanation_dto import ExplanationDTO
from exoconsult.services.programme.programme import no_ethics_permit_recorded


def record_words(words: DocumentWords) -> dict[str, str]:
    """The consent record's own words (roles, teach-back results, markers), by key."""
    return words.section("consent_record")


def role_labels(words: DocumentWords) -> dict[str, str]:
    """Each signer role's printed label (domain.content.SIGNER_ROLES), by role."""
    return words.section("consent_record.roles")


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


def format_time(when: datetime | None, tz: str, words: DocumentWords, *, zone: bool = True) -> str:
    """Local date and time; `zone=False` in table cells, whose heading states the zone once (item 12)."""
    if when is None:
        return words["consent_record.not_yet"]
    text = words.date_time(when.astimezone(ZoneInfo(tz)))
    return f"{text} ({zone_text(when, tz)})" if zone else text


def with_zone(heading: str, zone: str) -> str:
    return f"{heading} ({zone})"


def clinic_header(settings: ClinicSettings, logo_png: bytes | None) -> m.ClinicHeader:
    return m.ClinicHeader(name=settings.clinic_name, address=settings.clinic_address, phone=settings.clinic_phone,
                          complication_line=settings.complication_phone, logo_png=logo_png)


def patient_identity(p: PatientData, words: DocumentWords) -> m.PatientIdentity:
    return m.PatientIdentity(full_name=f"{p.given_name} {p.family_name}",
                             birth_date_text=words.date(p.birth_date), mrn=p.mrn)


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


def empty_eligibility(words: DocumentWords) -> m.EligibilityAnnex:
    """For a form read before the consultation: nothing assessed yet, said plainly."""
    n = record_words(words)["not_recorded"]
    return m.EligibilityAnnex(protocol_id=n, protocol_version="", protocol_sha256="", protocol_approval="",
                              verdict=n, fired_rules=(), review_resolution=None)


def empty_explanation(words: DocumentWords) -> m.ExplanationAnnex:
    return m.ExplanationAnnex(sections=(), questions=(), comprehension=(),
                              comprehension_result=record_words(words)["not_recorded"], teach_back=())


def explanation_annex(e: ExplanationDTO, question_text: Mapping[str, str], option_text: Mapping[tuple[str, str], str],
                      tz: str, words: DocumentWords) -> m.ExplanationAnnex:
    c, record = e.comprehension, record_words(words)
    result = (record["comprehension_passed"].format(total=c.total) if c.passed
              else record["comprehension_not_passed"].format(pending=c.pending))
    teach_back, key_point_text = words.section("consent_record.teach_back"), words.section("consent_record.key_points")
    return m.ExplanationAnnex(
        sections=tuple(m.ExplainedSection(s.title, format_time(s.first_shown_at, tz, words, zone=False),
                                          format_time(s.discussed_at, tz, words, zone=False)) for s in e.sections),
        questions=tuple(m.PatientQuestion(q.question, q.answer) for q in e.questions),
        comprehension=tuple(m.ComprehensionAttempt(question_text.get(a.question_id, a.question_id),
                                                   option_text.get((a.question_id, a.option_id), a.option_id),
                                                   a.correct, a.attempt, format_time(a.answered_at, tz, words, zone=False))
                            for a in c.attempts),
        comprehension_result=result,
        teach_back=tuple(m.TeachBackEntry(key_point_text.get(t.key_point, t.key_point),
                                          teach_back.get(t.result, t.result), t.words) for t in e.teach_back))


RELATION_PREFIX = "relation:"  # stored detail of an external witness: "relation:<as typed>"


def relation_detail(relation: str) -> str:
    return f"{RELATION_PREFIX}{relation}"


def _detail_text(detail: str, words: DocumentWords) -> str:
    if detail.startswith(RELATION_PREFIX):
        return words["consent_record.relation"].format(relation=detail[len(RELATION_PREFIX):])
    return words.get(f"consent_record.signer_detail.{detail}", detail) if detail else ""


def _marker(r: SignatureRecord, words: DocumentWords) -> str | None:
    if r.typed_only:
        return words["consent_record.typed_name_marker"]
    if r.verified_by:  # beside a drawn signature: who was verified and how (content release 1.1, item 14)
        return words[f"consent_record.verified_by_{r.verified_by}" if r.strokes else "consent_record.password_mark"]
    return None


def signature_blocks(records: Sequence[SignatureRecord], tz: str, words: DocumentWords) -> tuple[m.SignatureBlock, ...]:
    """A drawn signature of a password-verified signer carries the verification beside it; a typed-only
    or password-only one carries its marker in the box."""
    blocks, roles = [], role_labels(words)
    for r in records:
        detail = _detail_text(r.detail, words)
        label = roles.get(r.role, r.role) + (f" ({detail})" if detail else "")
        strokes = tuple(m.SignatureStroke(tuple(m.SignaturePoint(p.x, p.y, p.t_ms, p.pressure) for p in s))
                        for s in r.strokes)
        blocks.append(m.SignatureBlock(role_label=label, printed_name=r.printed_name, meaning=r.meaning,
                                       signed_at_text=format_time(r.signed_at, tz, words), strokes=strokes,
                                       typed_name_marker=_marker(r, words)))
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
                     approved: bool, words: DocumentWords, copy_marking: str | None = None,
                     forms_dir: Path | None = None) -> m.ConsentDocument:
    """`words`: the catalogue of the text's language in `forms_dir` (the clinic's), as the caller loaded it."""
    lang = text.meta.language
    if words.lang != lang:
        raise ValueError(f"the words are {words.lang!r}, the consent text {lang!r}")
    tz = settings.time_zone

    def product_value(key: str) -> str:  # a blank prints as the same visible mark as in the text
        return fill_placeholders("{" + key + "}", values, lang=lang)

    product = m.ProductDetails(name=product_value("product.name"), manufacturer=product_value("product.manufacturer"),
                               cell_source=product_value("product.cell_source"),
                               lot=values.get("product.lot") or words["consent_record.lot_later"],
                               dose_per_testis=product_value("product.dose_per_testis"))
    zone = zone_text(signatures[0].signed_at if signatures else None, tz)
    record = record_words(words)
    audit_columns = (with_zone(record["audit_time"], zone), record["audit_who"], record["audit_event"])
    labels = consent_labels(lang, forms_dir)
    labels = replace(labels, annex=replace(labels.annex, shown_at=with_zone(labels.annex.shown_at, zone),
                                           discussed_at=with_zone(labels.annex.discussed_at, zone),
                                           answered_at=with_zone(labels.annex.answered_at, zone)))
    return m.ConsentDocument(
        document_id=document_id, language=lang, text_version=text.meta.version, approved=approved,
        title=text.meta.title, clinic=clinic_header(settings, logo_png), patient=patient_identity(patient, words),
        sections=consent_sections(text, values, initials), product=product,
        optional_consents=optional_consents(text, values, optional_answers),
        signatures=signature_blocks(signatures, tz, words), eligibility=eligibility, explanation=explanation,
        audit_summary=m.AuditSummaryAnnex(audit_columns, tuple(tuple(r) for r in audit_rows)),
        labels=labels, reflection_shortened_reason=reflection_reason or None,
        copy_marking=copy_marking, paper_size=settings.paper_size,  # type: ignore[arg-type]
        preamble=render_blocks(text.preamble, values, lang), statement_box=statement_box(text, values, forms_dir))
