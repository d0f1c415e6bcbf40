"""Consent records read outside the app window (command line, scripts): the same permission checks as
the app, and every read audited with the signed-in person (before: `consents list` was not audited and
`consents export` was audited as "system", so patient data left with no one named)."""

from __future__ import annotations

from exoconsult.domain.errors import NotFound
from exoconsult.services.consent import consent_records as records
from exoconsult.services.consent.consent_dto import ConsentSummary
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.storage.consents import ConsentRepository


class ConsentAccess:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.CONSENT_VIEW)
    def list_all(self, work: Work, *, via: str = "cli") -> list[ConsentSummary]:
        """Every consent with its status; the listing itself is an audited view (it shows MRNs)."""
        rows = records.summaries(work)
        work.audit("view", "consent_list", "all", detail={"documents": len(rows), "via": via[:20]})
        work.commit()
        return rows

    @use_case(Permission.CONSENT_PRINT)
    def export_original(self, work: Work, document_id: str, *, via: str = "cli") -> bytes:
        """The archived, sealed PDF (consent or withdrawal) as signed; audited as an export by the actor."""
        repo = ConsentRepository(work.session)
        row = repo.by_document_id(document_id) or repo.withdrawal_by_document_id(document_id)
        if row is None:
            raise NotFound(f"no document {document_id}")
        data = bytes(row.pdf)
        work.audit("export", "consent_document", document_id, detail={"via": via[:20]})
        work.commit()
        return data
