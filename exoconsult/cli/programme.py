"""`exoconsult programme show|set`: the clinic's programme facts (what the consent and explanation texts
print for product, costs, ethics permit, conflicts of interest, expert advice…) from the command line.

Both act as a signed-in member of staff (`--user NAME` with `--password-file FILE` or
`--password-stdin`): `show` for anyone, `set` for an administrator, audited like the screen.
Exit 0: done; 1: refused (permission, sign-in); 2: the request is invalid (unknown fact or language).
"""

from __future__ import annotations

import argparse
import json

from exoconsult.cli._common import add_sign_in_arguments, run_signed_in_request


def register(subparsers, common) -> None:
    p = subparsers.add_parser("programme", parents=[common], help="the clinic's programme facts the texts print")
    sub = p.add_subparsers(title="programme commands", metavar="COMMAND")
    show = sub.add_parser("show", parents=[common], help="every programme fact in every language, and what is missing",
                          description="Each fact in each language of the texts; names and dates have one value for "
                                      "every language. Ends with what a consent in each language still lacks: a "
                                      "consent cannot be signed until it is recorded.")
    show.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_sign_in_arguments(show)
    show.set_defaults(func=run_show)
    put = sub.add_parser("set", parents=[common], help="record one fact in one language (administrator; audited)",
                         description="Record KEY in LANG (e.g. `programme set costs.total tr '45.000 TL'`). An empty "
                                     "VALUE clears it. Names and dates (product.name, expert_advice.*) are the same "
                                     "in every language.")
    put.add_argument("key", metavar="KEY", help="the fact, as `programme show` lists it (e.g. product.manufacturer)")
    put.add_argument("lang", metavar="LANG", help="the language of the value (en or tr)")
    put.add_argument("value", metavar="VALUE", help="the text, in that language")
    add_sign_in_arguments(put)
    put.set_defaults(func=run_set)
    p.set_defaults(func=lambda _args: (p.print_help(), 2)[1])


def run_show(args: argparse.Namespace) -> int:
    from exoconsult.domain.content import PLACEHOLDERS
    from exoconsult.services.programme.programme import ProgrammeService, fact_key

    def body(ctx, actor) -> int:
        facts = ProgrammeService(ctx).read(actor)
        rows = [(key, lang, facts.values.get(fact_key(key, lang), ""))
                for key in facts.facts for lang in (("en",) if key in facts.neutral else facts.languages)]
        if args.json:
            print(json.dumps({"facts": [{"key": k, "language": "any" if k in facts.neutral else lang, "value": v,
                                         "optional": k in facts.optional} for k, lang, v in rows],
                              "missing": {lang: list(keys) for lang, keys in facts.missing.items()}},
                             ensure_ascii=False, indent=2))
            return 0
        for key, lang, value in rows:
            if lang == facts.languages[0]:
                print(f"{key}: {PLACEHOLDERS[key]}{' (optional)' if key in facts.optional else ''}")
            shown = value.replace("\n", " / ") if value else "(not recorded)"
            print(f"  {'any' if key in facts.neutral else lang:<4} {shown}")
        for lang, keys in facts.missing.items():
            print(f"missing for a consent in {lang}: "
                  + (", ".join(keys) if keys else "nothing"))
        return 0

    return run_signed_in_request(args, body)


def run_set(args: argparse.Namespace) -> int:
    from exoconsult.services.programme.programme import LANGUAGE_NEUTRAL, ProgrammeService

    def body(ctx, actor) -> int:
        ProgrammeService(ctx).set_fact(actor, args.key, args.lang, args.value)
        print(f"recorded {args.key} ({'every language' if args.key in LANGUAGE_NEUTRAL else args.lang})")
        return 0

    return run_signed_in_request(args, body)
