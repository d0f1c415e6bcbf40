"""A lot receipt for tests: valid by default, any field overridable."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from exoconsult.services.procedure.procedure_dto import LotReceipt

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def receipt(lot_number: str = "EXO-2611-A", **overrides) -> LotReceipt:
    base = LotReceipt(product_name="ExoSperm-EV", manufacturer="Anatolia Biologics", lot_number=lot_number,
                      expiry_date=date(2027, 3, 31), received_on=date(2026, 11, 20), vials=10, volume_per_vial_ml=1.0,
                      temperature_on_receipt_c=-78.5, storage_min_c=-90.0, storage_max_c=-60.0,
                      coa_reference="CoA-2611-A", coa_pdf=MINIMAL_PDF)
    return replace(base, **overrides)
