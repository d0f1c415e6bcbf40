"""The application's screen translations (Qt Linguist files), kept outside the package: a developer's and
translator's tool, called by `./run i18n`.

    python tools/i18n.py update          lupdate every .ts from exoconsult/**/*.py (translations kept),
                                         then lrelease each .ts into the .qm the package ships
    python tools/i18n.py fill FILE.json  put translations {"Context": {"English source": "translation"}}
                                         into a .ts (--language, default tr), then update
    python tools/i18n.py add fr          start the .ts of a new language
    python tools/i18n.py report          how many strings each language still lacks, per source folder

One .ts per language in resources/i18n/ (exoconsult_<code>.ts, edited with pyside6-linguist), and the .qm
built from it beside it; the .qm is shipped (resources/ is package data) and tests/unit/test_translations.py
fails when it is not what lrelease makes of the .ts. The shipped .ts carries no source locations, so a
code edit does not rewrite it; `report` and the tests locate strings in a temporary copy.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N_DIR = ROOT / "resources" / "i18n"
PACKAGE = ROOT / "exoconsult"
SOURCE_LANGUAGE = "en"  # the language of the tr() strings in the code


def ts_path(language: str, folder: Path = I18N_DIR) -> Path:
    return folder / f"exoconsult_{language}.ts"


def qm_path(language: str, folder: Path = I18N_DIR) -> Path:
    return folder / f"exoconsult_{language}.qm"


def languages(folder: Path = I18N_DIR) -> list[str]:
    return sorted(p.stem.removeprefix("exoconsult_") for p in folder.glob("exoconsult_*.ts"))


def qt_tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease: beside this Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install the project's Python packages (./run app)")
    return found


def source_files(root: Path = ROOT) -> list[str]:
    """Every Python file of the package, relative to the checkout (lupdate records these paths)."""
    return sorted(str(p.relative_to(root)) for p in (root / "exoconsult").rglob("*.py"))


def lupdate(ts: Path, *, locations: str = "none", drop_obsolete: bool = True, language: str = "") -> str:
    args = [qt_tool("lupdate"), *source_files(), "-locations", locations, "-source-language", SOURCE_LANGUAGE]
    if drop_obsolete:
        args.append("-no-obsolete")
    if language:
        args += ["-target-language", language]
    done = subprocess.run([*args, "-ts", str(ts)], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"lupdate could not update {ts.name}:\n{done.stdout}{done.stderr}".rstrip())
    return done.stdout + done.stderr


def lrelease(ts: Path, qm: Path) -> None:
    """Build into a new file and rename it over the old: a running program maps the .qm into memory, and
    rewriting that file in place crashes it (SIGBUS)."""
    fresh = qm.with_suffix(".qm.new")
    subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
    os.replace(fresh, qm)


def update() -> None:
    for language in languages():
        lupdate(ts_path(language))
        lrelease(ts_path(language), qm_path(language))
        print(f"{ts_path(language).relative_to(ROOT)}: {summary(ts_path(language))}")


def summary(ts: Path) -> str:
    kinds = Counter(m.findtext("translation") is not None and (m.find("translation").get("type") or "done")
                    for m in ET.parse(ts).iter("message"))
    return ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))


def fill(json_file: Path, language: str) -> int:
    """Write the given translations into the .ts; returns how many messages changed. A context or source
    the .ts does not have is reported, not guessed."""
    given: dict[str, dict[str, str]] = json.loads(json_file.read_text(encoding="utf-8"))
    ts = ts_path(language)
    tree = ET.parse(ts)
    changed = 0
    seen: set[tuple[str, str]] = set()
    for context in tree.iter("context"):
        name = context.findtext("name")
        wanted = given.get(name, {})
        for message in context.iter("message"):
            source = message.findtext("source")
            text = wanted.get(source)
            if not text:
                continue
            seen.add((name, source))
            translation = message.find("translation")
            if message.get("numerus") == "yes":  # a %n message: its forms, one per plural form of the language
                forms = translation.findall("numerusform") or [ET.SubElement(translation, "numerusform")]
                if [f.text for f in forms] != [text] * len(forms) or translation.get("type"):
                    for form in forms:
                        form.text = text
                    translation.text = None
                    translation.attrib.pop("type", None)
                    changed += 1
            elif translation.text != text or translation.get("type"):
                translation.text = text
                translation.attrib.pop("type", None)
                changed += 1
    missing = [(c, s) for c, texts in given.items() for s in texts if (c, s) not in seen]
    for context, source in missing:
        print(f"not in {ts.name}: [{context}] {source!r}", file=sys.stderr)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return changed


def add(language: str) -> None:
    ts = ts_path(language)
    if ts.exists():
        raise SystemExit(f"{ts} exists")
    lupdate(ts, language=language)
    lrelease(ts, qm_path(language))
    print(f"started {ts.relative_to(ROOT)}: translate it with pyside6-linguist, then ./run i18n")


def located_copy(language: str, folder: Path, *, drop_obsolete: bool = False) -> Path:
    """A copy of the language's .ts, updated from the code with source locations (for reports and tests)."""
    copy = ts_path(language, folder)
    shutil.copyfile(ts_path(language), copy)
    lupdate(copy, locations="absolute", drop_obsolete=drop_obsolete)
    return copy


def untranslated(ts: Path) -> list[tuple[str, str, str]]:
    """(file, context, source) of each message whose translation is unfinished, empty, or vanished from
    the code ("vanished"/"obsolete" file = ""), in a .ts lupdate wrote with locations."""
    found = []
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type")
            where = message.find("location")
            path = _from_root(ts, where.get("filename")) if where is not None else ""
            if kind in ("vanished", "obsolete"):
                found.append(("", name, message.findtext("source")))
            elif kind == "unfinished" or not "".join([translation.text or "", *(
                    f.text or "" for f in translation.findall("numerusform"))]).strip():
                found.append((path, name, message.findtext("source")))
    return found


def _from_root(ts: Path, filename: str) -> str:
    return (ts.parent / filename).resolve().relative_to(ROOT).as_posix()


def report(language: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        missing = untranslated(located_copy(language, Path(tmp)))
    by_folder = Counter(str(Path(f).parent) if f else "(vanished)" for f, _c, _s in missing)
    for folder, n in sorted(by_folder.items()):
        print(f"{n:5d}  {folder}")
    print(f"{len(missing)} untranslated in {language}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update")
    fill_cmd = sub.add_parser("fill")
    fill_cmd.add_argument("json_file", type=Path)
    fill_cmd.add_argument("--language", default="tr")
    sub.add_parser("add").add_argument("language")
    sub.add_parser("report").add_argument("language", nargs="?", default="tr")
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    elif args.command == "fill":
        print(f"{fill(args.json_file, args.language)} translations written from {args.json_file}")
        update()
    elif args.command == "add":
        add(args.language)
    else:
        report(args.language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
