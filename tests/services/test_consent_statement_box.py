"""Content release 1.1, item 2: page 1 of the consent carries the boxed statement before section 1, with the
clinic's ethics approval or permit, or "no ethics approval or permit recorded" when the clinic recorded
explicitly that there is none (the programme facts' "none" choice), in the consent's language."""

from __future__ import annotations

import shutil

import pytest

from exoconsult.definitions.content import load_consent_text, load_explanation
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.printing.information_pack import InformationPackService
from exoconsult.services.programme.programme import ProgrammeService, no_ethics_permit
from tests.consent_support import ready_for_consent, sign
from tests.documents.pdf_helpers import page_texts, squash


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_the_signed_consent_says_no_permit_was_recorded_when_the_clinic_recorded_none(ctx, staff, clock, tmp_path,
                                                                                        lang):
    ready = ready_for_consent(ctx, staff, clock, tmp_path, language=lang, preferred=lang)
    ProgrammeService(ctx).set_fact(staff["admin"], "ethics.permit", lang, no_ethics_permit(lang))
    box = load_consent_text(ctx.forms_dir, lang).boxed_statement
    pdf = ConsentService(ctx).pdf(ready.urologist, sign(ctx, ready).document_id)
    first, rest = squash(page_texts(pdf)[0]), "".join(squash(t) for t in page_texts(pdf)[1:])
    assert squash(box.statement) in first and squash(box.no_permit) in first
    assert first.index(squash(box.statement)) < first.index(squash(box.no_permit))
    assert squash(box.statement) not in rest
    assert squash(box.permit.split("{")[0]) not in first  # not "Ethics approval or permit: None: …"


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_the_preview_quotes_the_clinics_permit_number(ctx, staff, clock, tmp_path, lang):
    ready = ready_for_consent(ctx, staff, clock, tmp_path, language=lang, preferred=lang)
    ProgrammeService(ctx).set_fact(staff["admin"], "ethics.permit", lang, "2026/117 KAEK")
    box = load_consent_text(ctx.forms_dir, lang).boxed_statement
    first = squash(page_texts(ConsentService(ctx).preview(ready.urologist, ready.patient_id, lang))[0])
    assert squash(box.statement) in first
    assert squash(box.permit.replace("{ethics.permit}", "2026/117 KAEK")) in first
    assert squash(box.no_permit) not in first


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_the_information_pack_carries_the_same_box_before_section_one(ctx, staff, clock, tmp_path, lang):
    ready = ready_for_consent(ctx, staff, clock, tmp_path, language=lang, preferred=lang)
    ProgrammeService(ctx).set_fact(staff["admin"], "ethics.permit", lang, no_ethics_permit(lang))
    box = load_consent_text(ctx.forms_dir, lang).boxed_statement
    pages = page_texts(InformationPackService(ctx).pdf(ready.urologist, ready.patient_id, lang))
    first = squash(pages[0])
    assert squash(box.statement) in first and squash(box.no_permit) in first
    section_one = squash(load_explanation(ctx.forms_dir, lang).sections[0].title)
    assert first.index(squash(box.no_permit)) < first.index(section_one)


def test_a_clinics_own_wording_of_no_permit_is_the_one_its_consent_recognises(ctx, staff, clock, tmp_path):
    """The words recorded for "no permit" come from the clinic's own copy of forms/ (its catalogue), and the
    consent compares the recorded permit with those same words, not with the shipped ones."""
    own = tmp_path / "approved-forms"  # the clinic's own copy, which ready_for_consent approves and uses
    shutil.copytree(ctx.forms_dir, own, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    catalogue = own / "i18n" / "documents.tr.yaml"
    text = catalogue.read_text(encoding="utf-8")
    shipped = no_ethics_permit("tr")
    assert f"no_ethics_permit: '{shipped}'" in text
    catalogue.write_text(text.replace(shipped, "Yok: etik kurul onayı ve Bakanlık izni bulunmamaktadır"),
                         encoding="utf-8")
    ready = ready_for_consent(ctx, staff, clock, tmp_path, language="tr", preferred="tr")
    assert ctx.forms_dir == own
    ProgrammeService(ctx).set_fact(staff["admin"], "ethics.permit", "tr", no_ethics_permit("tr", own))
    assert ProgrammeService(ctx).read(staff["admin"]).no_permit["tr"].endswith("bulunmamaktadır")
    box = load_consent_text(own, "tr").boxed_statement
    first = squash(page_texts(ConsentService(ctx).pdf(ready.urologist, sign(ctx, ready).document_id))[0])
    assert squash(box.no_permit) in first and "bulunmamaktadır" not in first
