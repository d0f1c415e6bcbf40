"""Semantic checks of a protocol against the case vocabulary and the derived-value list (pure).

Each issue is (where, message); `where` is a path into the protocol file such as
("rules", 3, "when", "all", 1), which the loader turns into a file line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from string import Formatter

from exoconsult.domain.content import ENGLISH_MARKER_WORDS
from exoconsult.domain.vocabulary import HISTORY_FIELDS, PATIENT_FIELDS, FieldType, field_spec, is_known_field
from exoconsult.rules.derived import DERIVED
from exoconsult.rules.model import (
    ORDER_OPS,
    AllOf,
    AnyOf,
    Compare,
    Condition,
    Not,
    Protocol,
    RuleOutcome,
    Source,
    walk,
)
from exoconsult.rules.texts import placeholders

Where = tuple[str | int, ...]
Issue = tuple[Where, str]
_KIND = {FieldType.BOOL: "bool", FieldType.INT: "integer", FieldType.DECIMAL: "number",
         FieldType.QUANTITY: "number", FieldType.DATE: "date", FieldType.TEXT: "text", FieldType.ENUM: "enum"}


def _nodes(cond: Condition, where: Where) -> Iterator[tuple[Condition, Where]]:
    yield cond, where
    if isinstance(cond, Not):
        yield from _nodes(cond.item, (*where, "not"))
    elif isinstance(cond, AllOf | AnyOf):
        key = "all" if isinstance(cond, AllOf) else "any"
        for i, item in enumerate(cond.items):
            yield from _nodes(item, (*where, key, i))


def _operand_kind(cmp: Compare) -> tuple[str | None, tuple[str, ...], float | None, float | None]:
    """(kind, enum values, hard min, hard max) of a comparison's operand; kind None = unknown name."""
    if cmp.source is Source.DERIVED:
        spec = DERIVED.get(cmp.name)
        return (spec.kind if spec else None), (), None, None
    f = HISTORY_FIELDS.get(cmp.name) or PATIENT_FIELDS.get(cmp.name)
    if f is None:
        return None, (), None, None
    return _KIND[f.type], f.values, f.minimum, f.maximum


def _is_number(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _check_compare(cmp: Compare, protocol: Protocol) -> list[str]:
    kind, allowed, low, high = _operand_kind(cmp)
    if kind is None:
        what = "derived value" if cmp.source is Source.DERIVED else "field"
        hint = "; fields in repeatable groups are read through derived values" if field_spec(cmp.name) else ""
        return [f"unknown {what} {cmp.name!r}{hint}"]
    if cmp.op in ("answered", "unanswered"):
        return []
    if cmp.param is not None and cmp.param not in protocol.parameters:
        return [f"unknown parameter {cmp.param!r}"]
    value = protocol.values[cmp.param] if cmp.param is not None else cmp.value
    if cmp.op in ORDER_OPS and kind not in ("number", "integer"):
        return [f"{cmp.op} needs a number, but {cmp.name} is {kind}"]
    if kind in ("number", "integer"):
        if not _is_number(value):
            return [f"{cmp.name} is a number; {value!r} is not"]
        assert isinstance(value, int | float)
        never = ((cmp.op == "gt" and high is not None and value >= high)
                 or (cmp.op == "ge" and high is not None and value > high)
                 or (cmp.op == "lt" and low is not None and value <= low)
                 or (cmp.op == "le" and low is not None and value < low))
        return [f"can never fire: {cmp.name} {cmp.op} {value} is outside {low:g}-{high:g}"] if never else []
    if kind == "bool":
        return [] if isinstance(value, bool) else [f"{cmp.name} is true/false; {value!r} is not"]
    values = value if isinstance(value, tuple) else (value,)
    if cmp.op in ("in", "not_in") and not isinstance(value, tuple):
        return [f"{cmp.op} needs a list of values"]
    if kind == "enum":
        bad = [v for v in values if v not in allowed]
        if bad:
            effect = "can never fire" if cmp.op in ("eq", "in") and len(bad) == len(values) else "not allowed"
            return [f"{effect}: {', '.join(map(repr, bad))} is not a value of {cmp.name} ({', '.join(allowed)})"]
    elif not all(isinstance(v, str) for v in values):
        return [f"{cmp.name} is {kind}; compare it with text"]
    return []


def _contradiction(node: AllOf, protocol: Protocol) -> str | None:
    """Simple contradictions between comparisons of one operand directly under the same `all`."""
    by_operand: dict[tuple[Source, str], list[Compare]] = {}
    for item in node.items:
        if isinstance(item, Compare):
            by_operand.setdefault((item.source, item.name), []).append(item)
    for (_, name), cmps in by_operand.items():
        ops = {c.op for c in cmps}
        if {"answered", "unanswered"} <= ops:
            return f"{name} cannot be both answered and unanswered"
        resolved = [(c.op, protocol.values.get(c.param, None) if c.param else c.value) for c in cmps]
        equal = {v for op, v in resolved if op == "eq"}
        if len(equal) > 1:
            return f"{name} cannot equal {' and '.join(map(repr, sorted(map(str, equal))))} at once"
        for op, v in resolved:
            for eq in equal:
                if (op == "ne" and v == eq) or (op == "not_in" and eq in v) or (op == "in" and eq not in v):
                    return f"{name} eq {eq!r} contradicts {op} {v!r}"
        lows = [(v, op == "gt") for op, v in resolved if op in ("gt", "ge") and _is_number(v)]
        highs = [(v, op == "lt") for op, v in resolved if op in ("lt", "le") and _is_number(v)]
        for lo, lo_strict in lows:
            for hi, hi_strict in highs:
                if lo > hi or (lo == hi and (lo_strict or hi_strict)):
                    return f"{name} cannot be above {lo} and below {hi} at once"
    return None


def _text_issues(text: str, protocol: Protocol, used: set[str]) -> list[str]:
    """A reason/action may name parameters as {name}; anything else in braces is an error."""
    try:
        names = placeholders(text)
    except ValueError as exc:
        return [f"malformed {{placeholder}}: {exc}"]
    unknown = sorted(n for n in names if n not in protocol.parameters)
    used.update(n for n in names if n in protocol.parameters)
    return [f"text names unknown parameter(s) {', '.join(unknown)}"] if unknown else []


def lint(protocol: Protocol, required_languages: tuple[str, ...]) -> list[Issue]:
    """`required_languages`: those every text must carry (the registry's form-label languages)."""
    issues: list[Issue] = []
    languages = tuple(dict.fromkeys((*required_languages, *protocol.languages)))
    for lang in languages:
        if not protocol.missing_message.get(lang):
            issues.append((("missing_message",), f"missing_message lacks language {lang!r}"))
    for lang, text in protocol.missing_message.items():
        names = {n for _, n, _, _ in Formatter().parse(text) if n is not None}
        if names - {"rules"}:
            issues.append((("missing_message", lang), "only the {rules} placeholder is allowed"))
    seen: set[str] = set()
    used_params: set[str] = set()
    for i, rule in enumerate(protocol.rules):
        at: Where = ("rules", i)
        if rule.id in seen:
            issues.append(((*at, "id"), f"duplicate rule id {rule.id}"))
        seen.add(rule.id)
        for key, texts in (("reason", rule.reason), ("action", rule.action)):
            for lang in languages:
                if not texts.get(lang, "").strip():
                    issues.append(((*at, key), f"rule {rule.id}: {key} lacks language {lang!r}"))
            for lang, text in texts.items():
                issues.extend(((*at, key, lang), f"rule {rule.id}: {message}")
                              for message in _text_issues(text, protocol, used_params))
            english = [w for w in ENGLISH_MARKER_WORDS
                       if re.search(rf"(?<!\w){w}(?!\w)", texts.get("tr", ""), re.IGNORECASE)]
            if english:  # content release 1.1, item 1: a Turkish document prints this text
                issues.append(((*at, key, "tr"), f"rule {rule.id}: English left in the Turkish {key} "
                                                 f"({', '.join(english)})"))
        for f in rule.reads:
            if not is_known_field(f):
                issues.append(((*at, "reads"), f"rule {rule.id}: reads unknown field {f!r}"))
        needs: set[str] = set()
        for node, where in _nodes(rule.when, (*at, "when")):
            if isinstance(node, Compare):
                for message in _check_compare(node, protocol):
                    issues.append((where, f"rule {rule.id}: {message}"))
                if node.param:
                    used_params.add(node.param)
                if node.source is Source.FIELD and _operand_kind(node)[0] is not None:
                    needs.add(node.name)  # unknown names are reported once, above
                elif node.name in DERIVED:
                    needs.update(DERIVED[node.name].reads)
                    used_params.update(DERIVED[node.name].params)
            elif isinstance(node, AllOf):
                why = _contradiction(node, protocol)
                if why:
                    issues.append((where, f"rule {rule.id}: can never fire: {why}"))
        unlisted = sorted(needs - set(rule.reads))
        if unlisted:
            issues.append(((*at, "reads"), f"rule {rule.id}: reads does not list {', '.join(unlisted)}"))
        if rule.outcome is RuleOutcome.MISSING_DATA and not rule.reads:
            issues.append(((*at, "reads"), f"rule {rule.id}: a missing-data rule must list the fields it asks for"))
        if not walk(rule.when):
            issues.append(((*at, "when"), f"rule {rule.id}: empty condition"))
    for name in protocol.parameters:
        if name not in used_params:
            issues.append((("parameters", name), f"parameter {name} is not used by any rule"))
    return issues
