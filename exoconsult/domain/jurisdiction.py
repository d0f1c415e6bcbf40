"""Alternatives whose lawfulness depends on the clinic's country (content release 1.1, item 8; pure).

Turkey: donor sperm is not lawful, and referring patients abroad for donor gametes is barred
(Regulation on assisted reproduction treatment centres, Official Gazette 27513, 6 March 2010, item 18.7;
clinical-facts §5.4). A Turkish clinic's texts therefore never offer donor sperm and say so plainly;
elsewhere it is listed as an alternative.
"""

from __future__ import annotations

DONOR_SPERM = {
    "TR": {
        "en": "In Turkey, treatment with donor sperm (sperm from another man) is not permitted by law, and the "
              "clinic may not refer you abroad for it",
        "tr": "Türkiye'de donör (başkasına ait) sperm ile tedavi yasal olarak yasaktır ve klinik bunun için sizi "
              "yurt dışına yönlendiremez",
    },
    "OTHER": {
        "en": "Donor sperm from a sperm bank, used for insemination or IVF, is another choice where the law of "
              "your country allows it",
        "tr": "Yaşadığınız ülkenin yasaları izin veriyorsa, sperm bankasından donör sperm ile aşılama veya tüp "
              "bebek de bir seçenektir",
    },
}


def donor_sperm_text(country: str, lang: str) -> str:
    by_lang = DONOR_SPERM.get(country, DONOR_SPERM["OTHER"])
    return by_lang["tr" if lang == "tr" else "en"]
