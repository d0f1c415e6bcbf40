"""Every clinical content file of a forms folder that needs the clinic's approval, and the folder's own
record of the approvals (`approvals.json`), which `forms lint` checks without a database.

One lister per kind: a new kind of content (e.g. the follow-up schedule) adds its lister to CONTENT_KINDS
and is then listed, reviewed, approved, linted and verified like the others. A file is known by its kind,
id, language and version, and its bytes by their SHA-256 (exoconsult.domain.content_approval)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType

from exoconsult.definitions.content_load import (
    COMPREHENSION_ID,
    CONSENT_ID,
    EXPLANATION_ID,
    WITHDRAWAL_ID,
    available_languages,
    document_path,
    load_comprehension,
    load_consent_text,
    load_explanation,
    load_withdrawal_text,
)
from exoconsult.domain.content import ContentError
from exoconsult.domain.content_approval import (
    LANGUAGE_ALL,
    ContentFile,
    RecordedApproval,
    approval_state,
)

APPROVALS_RECORD = "approvals.json"  # in the forms folder: what was approved, written by the app


def _modified(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    except OSError:
        return None


def _relative(forms_dir: Path, path: Path) -> str:
    try:
        return path.relative_to(forms_dir).as_posix()
    except ValueError:
        return path.as_posix()


def _sha256_of(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _text_lister(kind: str, document_id: str, loader: Callable) -> Callable[[Path], list[ContentFile]]:
    def listed(forms_dir: Path) -> list[ContentFile]:
        out = []
        for lang in available_languages(forms_dir):
            path = document_path(forms_dir, document_id, lang)
            if not path.exists():
                continue
            rel = _relative(forms_dir, path)
            try:
                meta = loader(forms_dir, lang).meta
            except ContentError as error:
                out.append(ContentFile(kind, document_id, lang, "", rel, _sha256_of(path), "", _modified(path),
                                       problem=str(error)))
                continue
            out.append(ContentFile(kind, meta.id, lang, meta.version, rel, meta.sha256, meta.title, _modified(path)))
        return out

    return listed


def _protocols(forms_dir: Path) -> list[ContentFile]:
    from exoconsult.definitions.protocol import PROTOCOL_FILE, ProtocolError, read_protocol

    root = forms_dir / "protocols"
    out = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        path = folder / PROTOCOL_FILE
        if not path.exists():
            continue
        rel = _relative(forms_dir, path)
        try:
            protocol = read_protocol(folder)
        except ProtocolError as error:
            out.append(ContentFile("protocol", folder.name, LANGUAGE_ALL, "", rel, _sha256_of(path), "",
                                   _modified(path), problem="; ".join(error.issues[:2])))
            continue
        out.append(ContentFile("protocol", protocol.id, LANGUAGE_ALL, protocol.version, rel, protocol.sha256,
                               f"Eligibility protocol {protocol.id}", _modified(path)))
    return out


def _schedules(forms_dir: Path) -> list[ContentFile]:
    from exoconsult.definitions.followup import SCHEDULE, followup_dir, load_schedule
    from exoconsult.definitions.questionnaire import DefinitionError

    path = followup_dir(forms_dir) / SCHEDULE
    if not path.exists():
        return []
    rel = _relative(forms_dir, path)
    try:
        schedule = load_schedule(forms_dir)
    except DefinitionError as error:
        return [ContentFile("schedule", "followup", LANGUAGE_ALL, "", rel, _sha256_of(path), "", _modified(path),
                            problem="; ".join(error.problems[:2]))]
    return [ContentFile("schedule", schedule.id, LANGUAGE_ALL, schedule.version, rel, _sha256_of(path),
                        f"Follow-up schedule {schedule.id}", _modified(path))]


# kind -> lister; the order is the order of the review list.
CONTENT_KINDS: Mapping[str, Callable[[Path], list[ContentFile]]] = MappingProxyType({
    "protocol": _protocols,
    "explanation": _text_lister("explanation", EXPLANATION_ID, load_explanation),
    "comprehension": _text_lister("comprehension", COMPREHENSION_ID, load_comprehension),
    "consent": _text_lister("consent", CONSENT_ID, load_consent_text),
    "withdrawal": _text_lister("withdrawal", WITHDRAWAL_ID, load_withdrawal_text),
    "schedule": _schedules,
})


_LISTED: dict[tuple[str, tuple[str, ...] | None], tuple[tuple, list[ContentFile]]] = {}


def _folder_state(forms_dir: Path) -> tuple:
    """Name, size and modification time of every file: a listing is re-read when any of them changes
    (the consent gate asks on every preparation; parsing the protocol each time would be wasted)."""
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in forms_dir.rglob("*") if p.is_file()))


def content_files(forms_dir: Path | str, kinds: tuple[str, ...] | None = None) -> list[ContentFile]:
    """Every approvable file in the folder (of `kinds`, default all), in review order."""
    forms_dir = Path(forms_dir)
    key, state = (str(forms_dir), kinds), _folder_state(forms_dir)
    hit = _LISTED.get(key)
    if hit is None or hit[0] != state:
        listed = [f for kind, lister in CONTENT_KINDS.items() if kinds is None or kind in kinds
                  for f in lister(forms_dir)]
        hit = _LISTED[key] = (state, listed)
    return list(hit[1])


def find_content_file(forms_dir: Path | str, kind: str, content_id: str, language: str) -> ContentFile | None:
    if kind not in CONTENT_KINDS:
        return None
    return next((f for f in CONTENT_KINDS[kind](Path(forms_dir)) if f.key == (kind, content_id, language)), None)


def content_bytes(forms_dir: Path | str, file: ContentFile) -> bytes:
    return (Path(forms_dir) / file.path).read_bytes()


# -- the folder's record of its approvals ------------------------------------------------------------------
def _approval_json(a: RecordedApproval) -> dict[str, str]:
    return {"kind": a.kind, "id": a.content_id, "language": a.language, "version": a.version, "sha256": a.sha256,
            "path": a.path, "approved_by": a.approver_name, "approved_at": a.approved_at.isoformat()}


def write_approvals_record(forms_dir: Path | str, approvals: list[RecordedApproval]) -> Path:
    """Rewrite `approvals.json` (atomically) from the clinic's approvals, newest last."""
    path = Path(forms_dir) / APPROVALS_RECORD
    body = {"note": "Written by ExoConsult when content is approved; exoconsult forms lint checks the files "
                    "against it. Editing it approves nothing: the clinic database holds the approvals.",
            "approvals": [_approval_json(a) for a in sorted(approvals, key=lambda a: a.approved_at)]}
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(body, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    temporary.replace(path)
    return path


def read_approvals_record(forms_dir: Path | str) -> list[RecordedApproval] | None:
    """The approvals recorded in the folder (None: no record); ContentError when it cannot be read."""
    path = Path(forms_dir) / APPROVALS_RECORD
    if not path.exists():
        return None
    try:
        items = json.loads(path.read_text(encoding="utf-8"))["approvals"]
        return [RecordedApproval(str(i["kind"]), str(i["id"]), str(i["language"]), str(i["version"]),
                                 str(i["sha256"]), str(i["path"]), str(i["approved_by"]),
                                 datetime.fromisoformat(str(i["approved_at"])))
                for i in items]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ContentError(str(path), None, f"cannot read the approvals record ({exc.__class__.__name__})") from None


def lint_approvals(forms_dir: Path | str, database: list[RecordedApproval] | None = None) -> list[str]:
    """Approval problems of the folder. Always: a file recorded as approved whose bytes changed, and a file
    whose header claims an approval that is not recorded for its bytes. With the clinic database's
    approvals (`database`), also: every file not approved there, and record entries the database lacks."""
    forms_dir = Path(forms_dir)
    problems: list[str] = []
    try:
        recorded = read_approvals_record(forms_dir)
    except ContentError as error:
        return [str(error)]
    files = [f for f in content_files(forms_dir) if not f.problem]
    for file in files:
        state = approval_state(file, recorded or [])
        if state.status == "changed":
            problems.append(state.describe())
        elif state.status == "not_approved" and _header_claims_approval(forms_dir, file):
            problems.append(f"{file.path}: its header says approved, but no approval is recorded for these bytes "
                            f"(the header approves nothing): review and approve it in the app or with "
                            f"`exoconsult content approve {file.kind} {file.content_id} {file.language}`")
        if database is not None and state.status != "changed":
            in_database = approval_state(file, database)
            if not in_database.approved:
                problems.append(f"{in_database.describe()} (not approved in the clinic database)")
    if database is not None and recorded:
        held = {(a.key, a.version, a.sha256) for a in database}
        for entry in recorded:
            if (entry.key, entry.version, entry.sha256) not in held:
                problems.append(f"{APPROVALS_RECORD}: lists an approval of {entry.path} ({entry.version}, "
                                f"{entry.sha256[:16]}…) that the clinic database does not hold")
    return problems


def _header_claims_approval(forms_dir: Path, file: ContentFile) -> bool:
    """The old way: `approval: approved: true` typed into the file's header (informational only now)."""
    try:
        head = (forms_dir / file.path).read_text(encoding="utf-8")[:4000]
    except (OSError, UnicodeDecodeError):
        return False
    return "\n  approved: true" in head
