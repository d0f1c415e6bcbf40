"""`exoconsult assess CASE.json [--protocol DIR] [--lang tr]`: print the eligibility verdict as JSON.

Exit 0 for any verdict; 2 (one line on stderr naming the file, the JSON path and why) when the case file
is unreadable or invalid, or the protocol cannot be loaded, so scripts can tell a verdict from a fault.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "assess", parents=[common], help="assess a case file against the eligibility protocol",
        description="Assess a case JSON (format exoconsult-case/1) and print the verdict as JSON.")
    parser.add_argument("case", metavar="CASE.json", type=Path, help="case file")
    parser.add_argument("--protocol", metavar="DIR", type=Path, default=None,
                        help="protocol folder (default: forms/protocols/exo-noa)")
    parser.add_argument("--lang", default="en", help="language of reasons, actions and messages (en, tr)")
    parser.add_argument("--time-zone", metavar="ZONE", default=None,
                        help="clinic time zone (IANA, e.g. Europe/Istanbul) giving 'today' when the case has no "
                             "assessed_on (default: this computer's local time zone)")
    parser.set_defaults(func=run)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def run(args: argparse.Namespace) -> int:
    import json
    import math
    from datetime import datetime
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from exoconsult.bounded_input import CASE_FILE_LIMIT, InputRefused, load_json_file
    from exoconsult.cli._common import fail
    from exoconsult.definitions.protocol import ProtocolError, load_protocol
    from exoconsult.domain.case import CaseError, parse_case
    from exoconsult.paths import default_protocol_dir
    from exoconsult.rules.engine import assess

    path: Path = args.case
    try:
        data = load_json_file(path, CASE_FILE_LIMIT, "case file")
    except InputRefused as exc:
        return fail(_one_line(str(exc)))
    try:
        zone = ZoneInfo(args.time_zone) if args.time_zone else None
    except (ZoneInfoNotFoundError, ValueError):
        return fail(f"unknown time zone {args.time_zone!r}")
    today = datetime.now(zone).date() if zone else datetime.now().astimezone().date()
    try:
        case = parse_case(data, today=today)
    except CaseError as exc:
        first, *rest = exc.problems.items()
        more = f" (and {len(rest)} more: {'; '.join(f'{k}: {v}' for k, v in rest)})" if rest else ""
        return fail(_one_line(f"{path}: {first[0]}: {first[1]}{more}"))
    folder = args.protocol or default_protocol_dir()
    try:
        protocol = load_protocol(folder)
    except ProtocolError as exc:
        return fail(_one_line(f"protocol {folder}: {exc.issues[0]}"
                              + (f" (and {len(exc.issues) - 1} more)" if len(exc.issues) > 1 else "")))
    result = assess(protocol, case, lang=args.lang)
    out = result.to_json()
    if case.warnings:
        out["warnings"] = [str(w) for w in case.warnings]
    assert not any(isinstance(v, float) and not math.isfinite(v) for v in out["derived"].values())
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0
