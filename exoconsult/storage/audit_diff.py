"""Field-level audit entries: an update stores what changed, not the whole row twice.

An update entry written by the flush hooks leaves `before` empty and stores in `after`

    {"~diff": 1, "n": 3, "patient_id": 8,
     "changes": [{"p": ["history", "partner_age_years"], "b": 30, "a": 31}, {"p": ["updated_by"], "b": "nurse", "a": "dr"}]}

- a path of one element is a column whose value changed; a longer path is one key inside a column that
  holds a JSON object (canonical JSON text such as a history document, or an object such as a hashed
  file), so typing one history answer stores that answer, not the whole history twice;
- "b" / "a" are the values before and after, left out where there is none (a key added or removed);
- "patient_id" repeats the row's patient (when it has one) so the audit viewer's patient filter still
  finds the entry;
- "n" counts the field-level entries since the row's last full state: every FULL_EVERY-th update is
  written in full (the older format), so rebuilding a row's state never reads more than that many entries.

Entries written before this format (full before and after) keep it: the chain hashes the stored text.
The replay (`storage/integrity.py`) applies the changes to the row's previous state, checks each "b"
against it (a missing entry shows there) and reproduces the row exactly: a JSON text is patched and
written back as canonical JSON, and only texts that are canonical JSON both before and after are
diffed by key."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from exoconsult.domain.canonical_json import canonical_json
from exoconsult.storage.checkpoints import digest
from exoconsult.storage.orm import AuditEntryRow

MARKER = "~diff"
FORMAT = 1
FULL_EVERY = 32
_ABSENT = object()


def is_diff(values: Any) -> bool:
    return isinstance(values, dict) and MARKER in values


def _same(a: Any, b: Any) -> bool:
    """Equal as stored text: 1 and 1.0 or True differ here (a diff must reproduce the exact text)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return repr(a) == repr(b)
    return a == b


def _agrees(a: Any, b: Any) -> bool:
    """Equal as the replay compares values (numbers by value, as `digest` does)."""
    return a is b or digest({"v": a}) == digest({"v": b})


def _json_object(value: Any) -> dict | None:
    """The object a column holds, when changes inside it can be stored by key: an object, or a text that
    is exactly the canonical JSON of an object."""
    if isinstance(value, dict):
        return value
    if not isinstance(value, str) or not value.startswith("{"):
        return None
    try:
        parsed = json.loads(value)
        return parsed if isinstance(parsed, dict) and canonical_json(parsed) == value else None
    except ValueError:
        return None


def _change(path: list[str], before: Any, after: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"p": path}
    if before is not _ABSENT:
        out["b"] = before
    if after is not _ABSENT:
        out["a"] = after
    return out


def _changes_inside(path: list[str], before: dict, after: dict, out: list[dict[str, Any]]) -> None:
    for key in sorted(before.keys() | after.keys()):
        b, a = before.get(key, _ABSENT), after.get(key, _ABSENT)
        if isinstance(b, dict) and isinstance(a, dict):
            _changes_inside([*path, key], b, a, out)
        elif b is _ABSENT or a is _ABSENT or not _same(b, a):
            out.append(_change([*path, key], b, a))


def diff(before: dict[str, Any], after: dict[str, Any], n: int) -> dict[str, Any]:
    """The entry of an update from the full before and after snapshots; `n` as in the module text."""
    changes: list[dict[str, Any]] = []
    for column in sorted(before.keys() | after.keys()):
        b, a = before.get(column, _ABSENT), after.get(column, _ABSENT)
        if b is not _ABSENT and a is not _ABSENT and _same(b, a):
            continue
        inner_b, inner_a = _json_object(b), _json_object(a)
        if inner_b is not None and inner_a is not None and isinstance(b, str) == isinstance(a, str):
            _changes_inside([column], inner_b, inner_a, changes)
        else:
            changes.append(_change([column], b, a))
    doc: dict[str, Any] = {MARKER: FORMAT, "n": n, "changes": changes}
    if "patient_id" in after:
        doc["patient_id"] = after["patient_id"]
    return doc


def _set(target: dict, key: str, change: dict[str, Any]) -> bool:
    """Apply one change to `target[key]`; False when its "b" is not what the target holds."""
    current = target.get(key, _ABSENT)
    if ("b" in change) != (current is not _ABSENT) or ("b" in change and not _agrees(current, change["b"])):
        return False
    if "a" in change:
        target[key] = change["a"]
    else:
        target.pop(key, None)
    return True


def _apply_inside(value: Any, changes: list[dict[str, Any]]) -> tuple[Any, bool]:
    as_text = isinstance(value, str)
    try:
        obj = json.loads(value) if as_text else json.loads(canonical_json(value, allow_nan=True))
    except (TypeError, ValueError):
        return value, False
    if not isinstance(obj, dict):
        return value, False
    ok = True
    for change in changes:
        node = obj
        for key in change["p"][1:-1]:
            node = node.get(key) if isinstance(node, dict) else None
        ok = isinstance(node, dict) and _set(node, change["p"][-1], change) and ok
    try:
        return (canonical_json(obj) if as_text else obj), ok
    except ValueError:
        return value, False


def apply(state: dict[str, Any], doc: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The row after a field-level entry, and whether every "before" agreed with `state`."""
    after = dict(state)
    ok = True
    inside: dict[str, list[dict[str, Any]]] = {}
    for change in doc.get("changes", []):
        path = change.get("p") or [""]
        if len(path) == 1:
            ok = _set(after, path[0], change) and ok
        else:
            inside.setdefault(path[0], []).append(change)
    for column, changes in inside.items():
        if column not in after:
            ok = False
            continue
        after[column], applied = _apply_inside(after[column], changes)
        ok = ok and applied
    if "patient_id" in doc and not _agrees(after.get("patient_id"), doc["patient_id"]):
        ok = False
    return after, ok


def entry_values(before: dict[str, Any], after: dict[str, Any], previous_after: str | None) -> tuple[Any, Any]:
    """(before, after) to store for an update, given the `after` text of the row's previous entry."""
    n = 1
    if previous_after and MARKER in previous_after:
        n = int(json.loads(previous_after).get("n", 0)) + 1
    if n >= FULL_EVERY:
        return before, after
    return None, diff(before, after, n)


def previous_after(conn, entity: str, entity_id: str) -> str | None:
    """The stored `after` of the row's newest entry (one indexed read)."""
    e = AuditEntryRow
    return conn.execute(select(e.after).where(e.entity == entity, e.entity_id == entity_id,
                                              e.action.in_(("create", "update", "delete")))
                        .order_by(e.seq.desc()).limit(1)).scalar()


def _back_to_full_state(rows) -> tuple[list[dict[str, Any]], dict[str, Any] | None, bool]:
    """Walking back from the newest entry: the field-level entries passed, the full state reached (None
    for a deletion) and whether one was reached."""
    pending: list[dict[str, Any]] = []
    for action, after in rows:
        values = json.loads(after) if after else None
        if not is_diff(values):
            return pending, (None if action == "delete" else values), True
        pending.append(values)
    return pending, None, False


def rebuild(conn, entity: str, entity_id: str, upto: int) -> tuple[dict[str, Any] | None, bool]:
    """The row as the audit entries before #`upto` leave it: from its newest entry that holds a full
    state, applying the field-level entries after it. (None, ...) when the audit leaves no row."""
    e = AuditEntryRow
    q = (select(e.action, e.after).where(e.entity == entity, e.entity_id == entity_id, e.seq < upto,
                                         e.action.in_(("create", "update", "delete"))).order_by(e.seq.desc()))
    pending, base, found = _back_to_full_state(conn.execute(q.limit(FULL_EVERY * 2)).all())
    if not found:  # only a forged run of field-level entries is this long: read them all
        pending, base, found = _back_to_full_state(conn.execute(q).all())
    if not found and not pending:
        return None, True
    ok = True
    for doc in reversed(pending):
        if base is None:
            return None, False
        base, applied = apply(base, doc)
        ok = ok and applied
    return base, ok
