"""Every kind of document the demo clinic prints, in Turkish and English, as PDF bytes: the archived consents,
withdrawals, procedure notes and SAE reports, and freshly rendered information packs, assessment summaries,
reminder letters and registry reports. Used by the layout tests over the demo's documents (and to look at
them). Where the demo holds a document kind in one language only, one more is made through the real use case."""

from __future__ import annotations

from pathlib import Path

from exoconsult.config import DataDir
from exoconsult.services.accounts.auth import AuthService
from exoconsult.services.assessment.assessments import AssessmentService
from exoconsult.services.clinic import open_context
from exoconsult.services.consent.consent_dto import CapturedSignature
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.demo.step_10_clinic import DEMO_ACCOUNTS
from exoconsult.services.followup.followup import FollowupService
from exoconsult.services.printing.information_pack import InformationPackService
from exoconsult.services.registry.registry_report import RegistryService
from tests.consent_support import scribble

LANGUAGES = ("tr", "en")

def demo_documents(root: Path) -> dict[tuple[str, str], list[bytes]]:
    """(kind, language) -> PDFs of the demo in `root` (a data folder `exoconsult demo` filled)."""
    ctx = open_context(DataDir(root), None)
    try:
        doctor = AuthService(ctx).login("urologist", DEMO_ACCOUNTS["urologist"][4])
        out: dict[tuple[str, str], list[bytes]] = {}

        def add(kind: str, lang: str, pdf: bytes) -> None:
            out.setdefault((kind, lang), []).append(pdf)

        consents = ConsentService(ctx)
        listed = consents.list(doctor)
        withdrawn = {c.language for c in listed if c.withdrawal_document_id}
        for lang in LANGUAGES:  # a withdrawal in each language: the demo's own, or one more made here
            if lang not in withdrawn:
                signed = next(c for c in listed if c.language == lang and c.status == "signed")
                choices = [cid for cid, _ in consents.withdrawal_choices(doctor, lang)]
                consents.withdraw(doctor, signed.document_id, {cid: n == 0 for n, cid in enumerate(choices)},
                                  CapturedSignature("patient", " ".join(reversed(signed.patient_name.split(", "))), scribble()),
                                  DEMO_ACCOUNTS["urologist"][4])
        for c in consents.list(doctor):
            add("consent", c.language, consents.pdf(doctor, c.document_id))
            if c.withdrawal_document_id:
                add("withdrawal", c.language, consents.pdf(doctor, c.withdrawal_document_id))
        patients = {c.patient_id for c in listed}
        assessments = AssessmentService(ctx)
        packs = InformationPackService(ctx)
        for pid in sorted(patients):
            for lang in LANGUAGES:
                add("information pack", lang, packs.pdf(doctor, pid, lang))
            latest = assessments.latest(doctor, pid)
            if latest is not None:
                lang = next(c.language for c in listed if c.patient_id == pid)
                add("assessment summary", lang, assessments.summary_pdf(doctor, latest.id))
        for folder, kind in (("procedure-notes", "procedure note"), ("sae-reports", "SAE report")):
            for path in sorted((root / "archive" / folder).glob("*.pdf")):
                data = path.read_bytes()
                lang = "tr" if b"/Lang (tr)" in data or b"/Lang(tr)" in data else "en"
                add(kind, lang, data)
        followup = FollowupService(ctx)
        for record in followup.clinic(doctor):
            if any(v.status in ("due", "upcoming", "overdue") for v in record.visits):
                add("reminder letter", record.language, followup.reminder_letter(doctor, record.record_id))
        for lang in LANGUAGES:
            add("registry report", lang, RegistryService(ctx).report(doctor, language=lang).pdf)
        return out
    finally:
        ctx.close()
