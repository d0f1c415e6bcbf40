"""Realistic sample documents for tests and for looking at the layout (neutral placeholder wording).

These are fixtures, not clinical content: the approved consent texts live in forms/.
Run ``python -m tests.documents.samples OUTDIR`` to write sample PDFs for a visual check.
"""

from __future__ import annotations

import dataclasses
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from exoconsult.documents.model import (
    AssessmentSummary,
    AuditSummaryAnnex,
    BulletListBlock,
    ClinicHeader,
    ComprehensionAttempt,
    ConsentDocument,
    ConsentSection,
    DataChoice,
    EligibilityAnnex,
    ExplainedSection,
    ExplanationAnnex,
    FiredRule,
    HeadingBlock,
    InformationPack,
    InformationSection,
    InitialsState,
    OptionalConsent,
    ParagraphBlock,
    PatientIdentity,
    PatientQuestion,
    ProductDetails,
    SignatureBlock,
    SignaturePoint,
    SignatureStroke,
    TeachBackEntry,
    WithdrawalDocument,
)
from exoconsult.services.core.document_labels import (
    assessment_labels,
    consent_labels,
    info_pack_labels,
    withdrawal_labels,
)

SECTION_HEADINGS = {
    "en": ["Your results so far", "What exosomes are and where this product comes from", "What is known",
           "What is not known", "The procedure", "Known risks of the procedure", "Alternatives", "Costs",
           "Your choices", "Recording and follow-up", "Who is involved"],
    "tr": ["Şimdiye kadarki sonuçlarınız", "Eksozom nedir, bu ürün nereden gelir", "Bilinenler", "Bilinmeyenler",
           "İşlem", "İşlemin bilinen riskleri", "Seçenekler", "Ücretler", "Seçimleriniz", "Kayıt ve izlem",
           "Kimler yer alıyor"],
}

FILLER = {
    "en": ("This paragraph stands in for the approved text of this section. It is long enough to wrap over "
           "several lines so that spacing, line height and page breaks can be judged. **Important:** taking "
           "part is your choice, and you can stop at any time."),
    "tr": ("Bu paragraf, bu bölümün onaylı metninin yerini tutar. Satır aralığı ve sayfa geçişleri "
           "değerlendirilebilsin diye birkaç satıra yayılacak kadar uzundur. **Önemli:** katılmak sizin "
           "seçiminizdir; istediğiniz zaman bırakabilirsiniz. Ğ Ü Ş İ Ö Ç ğ ü ş ı ö ç"),
}

PATIENT = {
    "en": PatientIdentity(full_name="DOE, John Alexander", birth_date_text="14 March 1988", mrn="MRN-0042-7781"),
    "tr": PatientIdentity(full_name="ŞAHİN, Ömer Çağrı Işık", birth_date_text="3 Şubat 1990", mrn="PRT-2026-00917"),
}

CLINIC = ClinicHeader(
    name="Anatolia Andrology Clinic", address="Atatürk Bulvarı 112, Çankaya\n06680 Ankara, Türkiye",
    phone="+90 312 555 01 00", complication_line="+90 532 555 01 99",
)


def sample_signature(seed: int = 0) -> tuple[SignatureStroke, ...]:
    """A plausible handwritten squiggle: a looping name stroke and an underline, with pressure."""
    strokes = []
    points = []
    for i in range(120):
        t = i / 119
        x = 20 + 360 * t
        y = 80 - 35 * math.sin(t * math.pi * (5 + seed)) * (1 - 0.5 * t) + 12 * math.cos(t * 31)
        points.append(SignaturePoint(x=x, y=y, t_ms=i * 8, pressure=0.35 + 0.5 * abs(math.sin(t * 9))))
    strokes.append(SignatureStroke(points=tuple(points)))
    underline = tuple(SignaturePoint(x=40 + 300 * t / 20, y=130 + 4 * math.sin(t), t_ms=1200 + t * 10, pressure=0.6)
                      for t in range(21))
    strokes.append(SignatureStroke(points=underline))
    strokes.append(SignatureStroke(points=(SignaturePoint(x=395, y=60, t_ms=1500, pressure=0.9),)))
    return tuple(strokes)


def _sections(lang: str) -> tuple[ConsentSection, ...]:
    sections = []
    for number, heading in enumerate(SECTION_HEADINGS[lang], start=1):
        blocks: list[Any] = [ParagraphBlock(f"{FILLER[lang]} ({number})")]
        if number in (5, 6, 7):
            blocks += [HeadingBlock("Details" if lang == "en" else "Ayrıntılar"),
                       BulletListBlock(("about 18 in 100 – first item", "second item with a longer explanation that "
                                        "wraps onto a second line in the bullet list", "third item"))]
        if number == 6:
            blocks.append(ParagraphBlock(FILLER[lang] + "\n" + FILLER[lang]))
        sections.append(ConsentSection(number=number, heading=heading, blocks=tuple(blocks),
                                       initials=InitialsState(initialled=number != 11, initials="J.D." if lang == "en"
                                                              else "Ö.Ş.")))
    return tuple(sections)


def _signatures(lang: str) -> tuple[SignatureBlock, ...]:
    en = lang == "en"
    zone = "Europe/Istanbul (UTC+03:00)"
    return (
        SignatureBlock(role_label="Patient" if en else "Hasta", printed_name=PATIENT[lang].full_name,
                       meaning="I consent to the procedure described above." if en else
                       "Yukarıda açıklanan işleme onay veriyorum.",
                       signed_at_text=f"2026-11-24 14:05 {zone}", strokes=sample_signature(0)),
        SignatureBlock(role_label="Treating urologist" if en else "Tedaviyi yapan üroloji uzmanı",
                       printed_name="Dr. Ayşe Yılmaz", meaning="I explained the procedure and answered all questions."
                       if en else "İşlemi açıkladım ve tüm soruları yanıtladım.",
                       signed_at_text=f"2026-11-24 14:07 {zone}", strokes=sample_signature(2)),
        SignatureBlock(role_label="Witness" if en else "Tanık", printed_name="Mehmet Öztürk",
                       meaning="I witnessed the signing." if en else "İmzalanmasına tanık oldum.",
                       signed_at_text=f"2026-11-24 14:08 {zone}",
                       typed_name_marker="Typed name – signed on the paper original" if en else
                       "Yazılı ad – kâğıt asıl üzerinde imzalandı"),
    )


def _eligibility() -> EligibilityAnnex:
    return EligibilityAnnex(
        protocol_id="exo-noa", protocol_version="1.0.0",
        protocol_sha256="3f2a9c01d4e7b6a58c0e1f2d3c4b5a69788796a5b4c3d2e1f00112233445566",
        protocol_approval="approved 2026-10-01 by Dr. A. Yılmaz", verdict="needs_review",
        fired_rules=(FiredRule("R-07", "FSH above 20 IU/L: lower chance of retrieval", "review", "EAU 2025 §4.2"),
                     FiredRule("R-12", "One previous failed micro-TESE", "inform", "clinic protocol 1.0 §3")),
        review_resolution="proceed – Dr. A. Yılmaz, 2026-11-10 09:12 (UTC+03:00): discussed at team meeting",
    )


def _explanation(lang: str) -> ExplanationAnnex:
    sections = tuple(ExplainedSection(h, f"2026-11-17 10:{10 + i:02d}", f"2026-11-17 10:{12 + i:02d}")
                     for i, h in enumerate(SECTION_HEADINGS[lang]))
    return ExplanationAnnex(
        sections=sections,
        questions=(PatientQuestion("Will it hurt?", "A local anaesthetic is used; most men feel pressure, not pain."),
                   PatientQuestion("Can I stop later?", "Yes, at any time, without losing any other care.")),
        comprehension=(ComprehensionAttempt("Is this treatment proven to work?", "Yes", False, 1, "10:41"),
                       ComprehensionAttempt("Is this treatment proven to work?", "No", True, 2, "10:47"),
                       ComprehensionAttempt("Can you withdraw?", "Yes, at any time", True, 1, "10:42")),
        comprehension_result="Passed 2026-11-17 10:47 (5/5)",
        teach_back=(TeachBackEntry("Experimental status", "restated correctly", "Nobody knows yet if it works."),
                    TeachBackEntry("Complication", "re-explained", "")),
    )


def _audit(lang: str) -> AuditSummaryAnnex:
    return AuditSummaryAnnex(
        columns=("Time", "Event", "By", "Details"),
        rows=(("2026-11-17 10:05", "explanation started", "Dr. A. Yılmaz", "language " + lang),
              ("2026-11-17 10:47", "comprehension passed", "system", "5/5 on attempt 2"),
              ("2026-11-24 14:05", "signed by patient", PATIENT[lang].full_name, "strokes: 3"),
              ("2026-11-24 14:07", "signed by urologist", "Dr. A. Yılmaz", "password re-entered")),
    )


def sample_consent(lang: str = "en", **changes: Any) -> ConsentDocument:
    """A complete, approved consent in English or Turkish; ``changes`` override fields."""
    en = lang == "en"
    document = ConsentDocument(
        document_id="5b0f6c1e-3d0a-4c59-9f8e-2f7d8b1a9c44", language=lang, text_version="exo-consent 2.1.0",
        approved=True,
        title="Consent to an experimental exosome injection" if en else "Deneysel eksozom enjeksiyonu için onam",
        clinic=CLINIC, patient=PATIENT[lang], sections=_sections(lang),
        product=ProductDetails(name="ExoTest-1", manufacturer="Example Biologics Ltd.",
                               cell_source="umbilical cord mesenchymal stromal cells", lot="L-2026-0117",
                               dose_per_testis="0.5 mL (about 1 × 10⁹ particles)"),
        optional_consents=tuple(OptionalConsent(s, a) for s, a in (
            ("My outcome data may be kept in the clinic's registry.", True),
            ("My anonymised data may be used in publications.", False),
            ("I may be contacted about follow-up research.", True),
            ("Batch and outcome data may be shared with the manufacturer.", False))),
        signatures=_signatures(lang), eligibility=_eligibility(), explanation=_explanation(lang),
        audit_summary=_audit(lang), labels=consent_labels(lang),
        reflection_shortened_reason="Patient travels from abroad; reflection period shortened to 3 days by Dr. A. Yılmaz.",
        statement_box=("Experimental treatment — not approved by any medicines regulator — not proven to work in people",
                       "Ethics approval or permit: 2026/117") if en else
                      ("Deneysel tedavi — hiçbir ilaç otoritesi tarafından onaylanmamıştır — insanlarda etkili olduğu "
                       "kanıtlanmamıştır", "Etik kurul onayı veya izin: 2026/117"),
    )
    return dataclasses.replace(document, **changes)


def sample_withdrawal(lang: str = "en", **changes: Any) -> WithdrawalDocument:
    en = lang == "en"
    signatures = _signatures(lang)[:2]
    document = WithdrawalDocument(
        document_id="9a1d2b3c-4e5f-4a6b-8c7d-0e1f2a3b4c5d", language=lang, text_version="exo-withdrawal 1.0.0",
        approved=True, title="Withdrawal of consent" if en else "Onamın geri çekilmesi", clinic=CLINIC,
        patient=PATIENT[lang], consent_document_id="5b0f6c1e-3d0a-4c59-9f8e-2f7d8b1a9c44",
        consent_signed_at_text="2026-11-24 14:05 Europe/Istanbul (UTC+03:00)",
        withdrawal_date_text="2026-12-02" if en else "2 Aralık 2026",
        statement=(ParagraphBlock("I withdraw my consent. This does not affect any other care I receive."
                                  if en else "Onamımı geri çekiyorum. Bu, aldığım diğer bakımı etkilemez."),),
        data_choices=(DataChoice("Data already collected may stay in the clinic registry." if en else
                                 "Toplanmış veriler klinik kaydında kalabilir.", True),
                      DataChoice("Data already collected may be used in anonymised publications." if en else
                                 "Toplanmış veriler anonim yayınlarda kullanılabilir.", False)),
        signatures=(dataclasses.replace(signatures[0], meaning="I withdraw my consent." if en
                                        else "Onamımı geri çekiyorum."), signatures[1]),
        labels=withdrawal_labels(lang), reason="Personal reasons." if en else "Kişisel nedenler.",
    )
    return dataclasses.replace(document, **changes)


def sample_info_pack(lang: str = "en", **changes: Any) -> InformationPack:
    en = lang == "en"
    document = InformationPack(
        document_id="1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", language=lang, text_version="exo-info 2.1.0",
        approved=True, title="About the experimental exosome injection" if en else "Deneysel eksozom enjeksiyonu hakkında",
        clinic=CLINIC, patient=PATIENT[lang], prepared_on_text="2026-11-17",
        sections=tuple(InformationSection(f"{i}. {h}", (ParagraphBlock(FILLER[lang]),))
                       for i, h in enumerate(SECTION_HEADINGS[lang], start=1)),
        labels=info_pack_labels(lang),
    )
    return dataclasses.replace(document, **changes)


def sample_assessment(lang: str = "en", **changes: Any) -> AssessmentSummary:
    en = lang == "en"
    document = AssessmentSummary(
        document_id="7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b", language=lang, text_version="exo-noa 1.0.0",
        title="Eligibility assessment summary" if en else "Uygunluk değerlendirme özeti", clinic=CLINIC,
        patient=PATIENT[lang], assessed_at_text="2026-11-10 09:00 Europe/Istanbul (UTC+03:00)",
        assessed_by="Dr. Ayşe Yılmaz",
        findings=(("Semen analyses with azoospermia", "3"), ("FSH", "24.1 IU/L"),
                  ("Testicular volume (right / left)", "8 mL / 7 mL"), ("Karyotype", "46,XY"),
                  ("Previous micro-TESE", "1, no sperm found")),
        eligibility=_eligibility(), labels=assessment_labels(lang),
        notes=(ParagraphBlock("Summary for the referring physician." if en else "Sevk eden hekim için özet."),),
    )
    return dataclasses.replace(document, **changes)


# Not user- or content-supplied: system ids, enumerations, and the localised label sets.
_NOT_USER_FILLED = {"paper_size", "language", "document_id", "labels"}


def map_strings(value: Any, fn: Callable[[str], str], *, include_labels: bool = False) -> Any:
    """A copy of a model with ``fn`` applied to every user-filled string field.

    Document ids, language and paper size are never touched; label sets only with ``include_labels``
    (then the "{page}"/"{total}" template is kept so page numbering stays checkable).
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        skip = (_NOT_USER_FILLED - {"labels"} | {"page_x_of_y"}) if include_labels else _NOT_USER_FILLED
        for f in dataclasses.fields(value):
            if f.name in skip:
                continue
            changes[f.name] = map_strings(getattr(value, f.name), fn, include_labels=include_labels)
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(map_strings(item, fn, include_labels=include_labels) for item in value)
    if isinstance(value, str):
        return fn(value)
    return value


def string_field_paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Paths (field names and tuple indexes) of every user-filled string in a model."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        paths = []
        for f in dataclasses.fields(value):
            if f.name not in _NOT_USER_FILLED:
                paths += string_field_paths(getattr(value, f.name), (*prefix, f.name))
        return paths
    if isinstance(value, tuple):
        return [p for i, item in enumerate(value) for p in string_field_paths(item, (*prefix, i))]
    return [prefix] if isinstance(value, str) else []


def with_string_at(value: Any, path: tuple, new: str) -> Any:
    """A copy of ``value`` with the string at ``path`` replaced by ``new``."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(head, int):
        return tuple(with_string_at(item, rest, new) if i == head else item for i, item in enumerate(value))
    return dataclasses.replace(value, **{head: with_string_at(getattr(value, head), rest, new)})


def _write_samples(out_dir: Path) -> None:
    from exoconsult.documents.assessment_pdf import render_assessment_pdf
    from exoconsult.documents.consent_pdf import render_consent_pdf
    from exoconsult.documents.info_pack import render_information_pack_pdf
    from exoconsult.documents.withdrawal_pdf import render_withdrawal_pdf

    out_dir.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "tr"):
        (out_dir / f"consent-{lang}.pdf").write_bytes(render_consent_pdf(sample_consent(lang)))
        (out_dir / f"consent-{lang}-draft-letter.pdf").write_bytes(
            render_consent_pdf(sample_consent(lang, approved=False, paper_size="Letter")))
        (out_dir / f"withdrawal-{lang}.pdf").write_bytes(render_withdrawal_pdf(sample_withdrawal(lang)))
        (out_dir / f"info-{lang}.pdf").write_bytes(render_information_pack_pdf(sample_info_pack(lang)))
        (out_dir / f"assessment-{lang}.pdf").write_bytes(render_assessment_pdf(sample_assessment(lang)))


if __name__ == "__main__":
    _write_samples(Path(sys.argv[1] if len(sys.argv) > 1 else "sample-pdfs"))
