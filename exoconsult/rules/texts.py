"""Rule reasons and actions as stored with an assessment, rendered in a document's language on demand.

An assessment stores, for every fired rule, its id, outcome, source, the values of the protocol
parameters the rule uses, and the rule's reason/action templates in every language the protocol has.
A document renders them in its own language when it is printed, so a Turkish consent never carries
the English text of a rule (content release 1.1, item 1). Templates may name a parameter as
{parameter_name}; numbers print with the language's decimal separator.

Assessments stored before this (protocol 1.0.0) hold one English text per rule; `render_entry` then
takes the texts from the archived protocol that judged them (matched by its sha256) when the caller
has it, else the stored text as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter
from typing import Any

from exoconsult.rules.derived import DERIVED
from exoconsult.rules.model import Protocol, Rule, Source, walk

Number = int | float
DECIMAL_SEPARATOR = {"tr": ","}  # other languages: "."


def placeholders(template: str) -> set[str]:
    """The {names} a template uses (a malformed template raises ValueError)."""
    return {name for _, name, _, _ in Formatter().parse(template) if name is not None}


def format_number(value: Number, lang: str) -> str:
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", DECIMAL_SEPARATOR.get(lang, "."))


def render(template: str, params: Mapping[str, Number], lang: str) -> str:
    """The template with every {parameter} replaced by its value written the `lang` way.

    A name without a value, or a malformed brace, stays as it is written (lint refuses both in a
    protocol; a document must still print)."""
    try:
        names = placeholders(template)
    except ValueError:
        return template
    if not names:
        return template
    values = {n: format_number(params[n], lang) if n in params else "{" + n + "}" for n in names}
    return template.format(**values)


def rule_parameters(rule: Rule) -> tuple[str, ...]:
    """Every parameter a rule uses: in its condition, through derived values, and in its texts."""
    names: dict[str, None] = {}
    for cmp in walk(rule.when):
        if cmp.param:
            names[cmp.param] = None
        if cmp.source is Source.DERIVED and cmp.name in DERIVED:
            names.update(dict.fromkeys(DERIVED[cmp.name].params))
    for texts in (rule.reason, rule.action):
        for template in texts.values():
            names.update(dict.fromkeys(sorted(placeholders(template))))
    return tuple(names)


def stored_entry(protocol: Protocol, rule: Rule) -> dict[str, Any]:
    """What an assessment keeps of one fired rule (JSON-ready)."""
    params = {n: protocol.values[n] for n in rule_parameters(rule) if n in protocol.values}
    return {"rule": rule.id, "outcome": rule.outcome.value, "source": rule.source, "params": params,
            "reason": dict(rule.reason), "action": dict(rule.action)}


def _pick(texts: Mapping[str, str], lang: str) -> str:
    return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "")


def render_entry(entry: Mapping[str, Any], lang: str,
                 archived: Mapping[str, Mapping[str, Mapping[str, str]]] | None = None) -> tuple[str, str]:
    """(reason, action) of one stored fired rule in `lang`.

    `archived`: rule id -> {"reason": {lang: text}, "action": {...}} of the protocol that judged an old
    (single-language) entry; used only when the entry itself holds plain strings."""
    params = entry.get("params") or {}
    out = []
    for key in ("reason", "action"):
        value = entry.get(key, "")
        if isinstance(value, Mapping):
            out.append(render(_pick(value, lang), params, lang))
            continue
        old = (archived or {}).get(entry.get("rule", ""), {}).get(key)
        out.append(render(_pick(old, lang), params, lang) if old and lang in old else str(value))
    return out[0], out[1]
