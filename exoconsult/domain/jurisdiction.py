"""Alternatives whose lawfulness depends on the clinic's country (content release 1.1, item 8; pure).

Turkey: donor sperm is not lawful, and referring patients abroad for donor gametes is barred
(Regulation on assisted reproduction treatment centres, Official Gazette 27513, 6 March 2010, item 18.7;
clinical-facts §5.4). A Turkish clinic's texts therefore never offer donor sperm and say so plainly;
elsewhere it is listed as an alternative.
"""

from __future__ import annotations

from collections.abc import Mapping

# Countries where donor sperm is not lawful; the catalogue key of their wording (alternatives.donor_sperm.<key>).
DONOR_SPERM_BARRED = frozenset({"TR"})


def donor_sperm_text(country: str, words: Mapping[str, str]) -> str:
    """What the texts say about donor sperm in `country`, from the words of the document's language."""
    key = country if country in DONOR_SPERM_BARRED else "other"
    return words[f"alternatives.donor_sperm.{key}"]
