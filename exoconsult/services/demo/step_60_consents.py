"""Explanations and consents for the eligible demo patients, in the order they happened: one consent
signed long enough ago to have expired, signed consents in Turkish and in English (with an interpreter),
one withdrawn, one explanation complete and within its reflection period, one explanation under way.

The demo data folder's own approved copy of forms/ comes from step_07_forms."""

from __future__ import annotations

from datetime import datetime, timedelta

from exoconsult.domain.gates import TEACH_BACK_KEY_POINTS
from exoconsult.domain.signature import Point
from exoconsult.services.core.languages import language_registry
from exoconsult.services.demo.step_07_forms import demo_forms
from exoconsult.services.demo.step_10_clinic import DEMO_ACCOUNTS
from exoconsult.services.programme.programme import no_ethics_permit

PASSWORD = DEMO_ACCOUNTS["urologist"][4]
NURSE_PASSWORD = DEMO_ACCOUNTS["nurse"][4]  # the demo's staff witness types her own (content release 1.1, item 14)


def _signature(seed: int) -> tuple[tuple[Point, ...], ...]:
    """A plausible handwritten-looking mark, different per signer, in the pad's units (both axes by its
    longer side): about 0.85 wide and 0.2 high, as drawn across a 4:1 pad."""
    import math

    loops = tuple(Point(0.08 + i * 0.028, 0.15 + 0.075 * math.sin(i * (0.5 + seed * 0.07)) * (1 - i / 40), i * 18,
                        0.35 + 0.3 * abs(math.sin(i / 5))) for i in range(32))
    tail = tuple(Point(0.55 + i * 0.02, 0.186 - 0.0036 * i + 0.015 * math.sin(i + seed), 700 + i * 16, 0.5)
                 for i in range(18))
    return (loops, tail)


def explain(ctx, urologist, patient_id: int, language: str, *, complete: bool = True, sections: int = 11) -> int:
    from exoconsult.services.explanation.comprehension import ComprehensionService
    from exoconsult.services.explanation.explanation import ExplanationService

    service = ExplanationService(ctx)
    session = service.start(urologist, patient_id, language)
    if session.interpreter_needed:
        service.record_presence(urologist, session.id, "interpreter", "Elif Tercüman", language)
    for s in session.sections[:sections]:
        service.mark_shown(urologist, session.id, s.section_id)
        ctx.clock.advance(minutes=3)
        service.set_discussed(urologist, session.id, s.section_id, True)
    service.add_patient_question(urologist, session.id, *QUESTION[language])
    if complete:
        check = ComprehensionService(ctx)
        first = True
        while (q := check.state(urologist, session.id).next_question) is not None:
            wrong = next(o.id for o in q.options if o.id != q.correct_option_id)
            check.answer(urologist, session.id, q.id, wrong if first else q.correct_option_id)
            first = False
            ctx.clock.advance(seconds=40)
        for key in TEACH_BACK_KEY_POINTS:  # all five (content release 1.1, item 10); one needed re-explaining
            if key == "alternatives":
                check.record_teach_back(urologist, session.id, key, "re_explained")
            check.record_teach_back(urologist, session.id, key, "restated")
    return session.id


QUESTION = {"tr": ("İğne çok acıtır mı?", "Lokal anestezi yapılır; sonrasında birkaç gün ağrı olabilir."),
            "en": ("Will the needle hurt a lot?", "A local anaesthetic is used; some pain for a few days afterwards.")}


def sign_consent(ctx, urologist, nurse, patient_id: int, language: str, patient_name: str):
    from exoconsult.services.consent.consent_dto import CapturedSignature, ConsentSubmission
    from exoconsult.services.consent.consents import ConsentService

    service = ConsentService(ctx)
    prep = service.prepare(urologist, patient_id, language)
    signatures = [CapturedSignature("patient", patient_name, _signature(1)),
                  CapturedSignature("urologist", urologist.display_name, _signature(2), user_id=urologist.user_id),
                  CapturedSignature("witness", nurse.display_name, _signature(3), user_id=nurse.user_id)]
    if any(s.role == "interpreter" for s in prep.signers):
        signatures.append(CapturedSignature("interpreter", "Elif Tercüman", _signature(4), language=language))
    submission = ConsentSubmission(
        language=language, initials={sid: "".join(w[0] for w in patient_name.split())[:4] for sid, _ in prep.sections},
        optional_answers={cid: n != 3 for n, (cid, _) in enumerate(prep.optional_consents)},
        signatures=tuple(signatures), product_lot="DEMO-LOT-01")
    return service.sign(urologist, patient_id, submission, PASSWORD, witness_password=NURSE_PASSWORD)


def _at(ctx, when: datetime) -> None:
    if when > ctx.clock.now():
        ctx.clock.set(when)


def seed(ctx, demo) -> None:
    from exoconsult.definitions.content import load_withdrawal_text
    from exoconsult.services.assessment.assessments import AssessmentService
    from exoconsult.services.consent.consent_dto import CapturedSignature
    from exoconsult.services.consent.consents import ConsentService
    from exoconsult.services.history.patients import PatientService

    urologist, nurse = demo.actors.get("urologist"), demo.actors.get("nurse")
    real_now = getattr(demo, "real_clock", ctx.clock).now()
    if urologist is None or nurse is None:
        demo.notes.append("consents: no demo staff accounts")
        return
    demo_forms(ctx)
    from exoconsult.services.programme.programme import ProgrammeService

    ProgrammeService(ctx).update(demo.actors["admin"], DEMO_PROGRAMME)
    assessments, patients = AssessmentService(ctx), PatientService(ctx)
    ready, review = [], []
    for pid in demo.patient_ids:
        gate = assessments.eligibility_gate(urologist, pid)
        latest = assessments.latest(urologist, pid)
        if gate.open:
            ready.append(pid)
        elif latest is not None and latest.verdict == "needs_review" and latest.resolution is None:
            review.append(pid)
    if len(ready) < 5 or not review:
        demo.notes.append("consents: not enough eligible demo patients")
        return
    info = {pid: patients.open(urologist, pid).data for pid in ready + review[:1]}
    english = next((p for p in ready if info[p].preferred_language == "en"), None)
    turkish = [p for p in ready if p != english]
    expired, signed_tr, withdrawn, reflecting = turkish[:4]
    names = {pid: f"{info[pid].given_name} {info[pid].family_name}" for pid in info}
    # ~110 days ago: a consent that has expired by now (validity 90 days).
    explain(ctx, urologist, expired, "tr")
    ctx.clock.advance(days=15)  # the reflection period (14 days by default) has passed
    sign_consent(ctx, urologist, nurse, expired, "tr", names[expired])
    # ~36 days ago: three explanations; ~20 days ago: their consents; ~10 days ago: one is withdrawn.
    _at(ctx, real_now - timedelta(days=36))
    for pid in (signed_tr, withdrawn):
        explain(ctx, urologist, pid, "tr")
    if english is not None:
        explain(ctx, urologist, english, "en")
    _at(ctx, real_now - timedelta(days=20))
    for pid in (signed_tr, withdrawn):
        sign_consent(ctx, urologist, nurse, pid, "tr", names[pid])
    if english is not None:
        sign_consent(ctx, urologist, nurse, english, "en", names[english])
    _at(ctx, real_now - timedelta(days=10))
    consent = ConsentService(ctx).list(urologist, withdrawn)[0]
    choices = {c.id: n == 1 for n, c in enumerate(load_withdrawal_text(ctx.forms_dir, "tr").data_choices)}
    ConsentService(ctx).withdraw(urologist, consent.document_id, choices,
                                 CapturedSignature("patient", names[withdrawn], _signature(5)), PASSWORD,
                                 "Başka bir merkezde tekrar mikro-TESE yaptırmaya karar verdi.")
    # 2 days ago: explanation complete, reflection period still running; 1 hour ago: one under way.
    _at(ctx, real_now - timedelta(days=2))
    explain(ctx, urologist, reflecting, "tr")
    _at(ctx, real_now - timedelta(hours=1))
    explain(ctx, urologist, review[0], language_registry(ctx).document_language(info[review[0]].preferred_language, "tr"),
             complete=False, sections=5)
    demo.notes.append("consents: 4 signed (Turkish and English; one expired, one withdrawn), one explanation in its "
                      "reflection period, one under way")


# The demo clinic's programme: what its texts quote, in English and Turkish ("key@tr"). Invented values,
# clearly labelled as demo data.
DEMO_PROGRAMME = {
    "product.name": "DEMO-EXO",
    "product.manufacturer": "Demo Biologics Ltd. (fictitious)",
    "product.manufacturer@tr": "Demo Biyoloji Ltd. (hayali bir firma)",
    "product.cell_source": "Umbilical-cord mesenchymal stem cells from screened donors (demo text)",
    "product.cell_source@tr": "Taramadan geçmiş donörlerin göbek kordonu mezenkimal kök hücreleri (demo metni)",
    "product.quality_tests": "Sterility, endotoxin and particle count reported per batch (demo text)",
    "product.quality_tests@tr": "Her parti için bildirilen sterilite, endotoksin ve parçacık sayımı (demo metni)",
    "product.dose_per_testis": "0.5 mL per testis (demo value)",
    "product.dose_per_testis@tr": "Her testise 0,5 mL (demo değeri)",
    "procedure.duration": "About 60 minutes in the clinic, of which about 15 minutes for the injections",
    "procedure.duration@tr": "Klinikte yaklaşık 60 dakika; bunun yaklaşık 15 dakikası enjeksiyonlar için",
    "programme.sessions": "one session; a second only after the 6-month results have been discussed",
    "programme.sessions@tr": "bir seans; ikinci seans ancak 6. ay sonuçları konuşulduktan sonra",
    "costs.total": "Demo price: 0 TL (the clinic enters its real charges)",
    "costs.total@tr": "Demo fiyatı: 0 TL (klinik gerçek ücretini girer)",
    "costs.repeat": "Demo price: 0 TL",
    "costs.repeat@tr": "Demo fiyatı: 0 TL",
    "costs.complications": "the clinic pays for treating a complication of the procedure (demo text)",
    "costs.complications@tr": "işleme bağlı bir komplikasyonun tedavi masrafını klinik karşılar (demo metni)",
    # The demo clinic records explicitly that it has no ethics approval or permit (the screen's "none" choice),
    # so its consents print "no ethics approval or permit recorded" in the page-1 box (item 2).
    "ethics.permit": no_ethics_permit("en"),
    "ethics.permit@tr": no_ethics_permit("tr"),
    "conflicts.statement": "Demo clinic: states here whether it earns from the product",
    "conflicts.statement@tr": "Demo klinik: üründen kazanç elde edip etmediğini burada belirtir",
    "expert_advice.name": "Prof. Demo Danışman (demo)",
    "expert_advice.date": "01.06.2026",
    "followup.schedule": "Visits with semen analysis and hormones at 3, 6 and 12 months",
    "followup.schedule@tr": "3., 6. ve 12. aylarda meni analizi ve hormon testleriyle kontrol ziyaretleri",
}
