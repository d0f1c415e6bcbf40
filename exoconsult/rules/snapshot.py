"""What an assessment snapshot keeps of the fired rules and missing fields (pure).

Rule ids, outcomes and the parameter values used, with the texts in every language of the protocol, so
that a document renders them in its own language when printed (content release 1.1, item 1).
"""

from __future__ import annotations

from typing import Any

from exoconsult.domain.case import Case
from exoconsult.rules.engine import assess
from exoconsult.rules.model import Protocol
from exoconsult.rules.texts import stored_entry


def stored_fired_and_missing(protocol: Protocol, case: Case,
                             result: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """What the snapshot keeps: each fired rule's id, outcome, parameter values and texts in every
    language (rendered when a document is printed, in its language); each missing field's message in
    every language of the protocol."""
    rules = {r.id: r for r in protocol.rules}
    fired = [stored_entry(protocol, rules[f["rule"]]) for f in result["fired"]]
    by_lang = {lang: assess(protocol, case, lang).missing for lang in protocol.languages if lang != "en"}
    missing = []
    for i, m in enumerate(result["missing"]):
        messages = {"en": m["message"], **{lang: found[i].message for lang, found in by_lang.items()}}
        missing.append({**m, "messages": messages})
    return fired, missing
