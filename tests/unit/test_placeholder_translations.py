"""Translations whose English source carries {name} placeholders (gate reasons, filled in with
str.format on screen) keep exactly the same placeholders in every language; every %1 of a source is kept
too (a translation may write "%1" for one per cent where its source has no placeholder)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
NAMED = re.compile(r"\{([a-z_]+)\}")
NUMBERED = re.compile(r"%(\d)")


def translated_messages(ts: Path):
    for context in ET.parse(ts).iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            texts = [translation.text or ""] + [f.text or "" for f in translation.findall("numerusform")]
            text = "".join(texts)
            if text and translation.get("type") not in ("unfinished", "vanished", "obsolete"):
                yield context.findtext("name"), message.findtext("source"), text


@pytest.mark.parametrize("ts", sorted(I18N.glob("exoconsult_*.ts")), ids=lambda p: p.stem)
def test_translations_keep_the_placeholders_of_their_source(ts):
    wrong = []
    for context, source, text in translated_messages(ts):
        named = context == "GateReasons"
        kept, needed = set((NAMED if named else NUMBERED).findall(text)), set((NAMED if named else NUMBERED).findall(source))
        if (kept != needed) if named else not needed <= kept:
            wrong.append(f"[{context}] {source!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)
