"""Consent records read outside the app window (command line, scripts): the same permission checks as
the app, and every read audited with the signed-in person (before: `consents list` was not audited and
`consents export` was audited as "system", so patient data left with no one named)."""

from __future__ import annotations

from exoconsult.domain.errors import NotFound
from exoconsult.domain.people import Actor
from exoconsult.services import consent_records as records
from exoconsult.services.consent_dto import ConsentSummary
from exoconsult.services.context import ServiceContext
from exoconsult.services.permissions import Permission, requires
from exoconsult.storage.consents import ConsentRepository


class ConsentAccess:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.CONSENT_VIEW)
    def list_all(self, actor: Actor, *, via: str = "cli") -> list[ConsentSummary]:
        """Every consent with its status; the listing itself is an audited view (it shows MRNs)."""
        rows = records.summaries(self.ctx)
        with self.ctx.uow(actor) as uow:
            uow.audit("view", "consent_list", "all", detail={"documents": len(rows), "via": via[:20]})
            uow.commit()
        return rows

    @requires(Permission.CONSENT_PRINT)
    def export_original(self, actor: Actor, document_id: str, *, via: str = "cli") -> bytes:
        """The archived, sealed PDF (consent or withdrawal) as signed; audited as an export by `actor`."""
        with self.ctx.uow(actor) as uow:
            repo = ConsentRepository(uow.session)
            row = repo.by_document_id(document_id) or repo.withdrawal_by_document_id(document_id)
            if row is None:
                raise NotFound(f"no document {document_id}")
            data = bytes(row.pdf)
            uow.audit("export", "consent_document", document_id, detail={"via": via[:20]})
            uow.commit()
        return data
