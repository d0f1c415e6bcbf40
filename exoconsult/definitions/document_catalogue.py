"""The document catalogues, forms/i18n/documents.<lang>.yaml: every fixed word a printed document uses, one
file per document language with the same keys in each. Loaded as flat "section.key" -> text mappings."""

from __future__ import annotations

import string
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import yaml

from exoconsult.definitions.languages import languages_for
from exoconsult.definitions.safe_yaml import SAFE_LOADER, check_plain_yaml
from exoconsult.domain.content import ContentError
from exoconsult.domain.languages import SOURCE_LANGUAGE

FOLDER = "i18n"
_cache: dict[Path, tuple[tuple[int, int], Mapping[str, str]]] = {}


def catalogue_path(forms_dir: Path | str, lang: str) -> Path:
    if not lang.isalpha() or not lang.islower():  # the code becomes part of a file name
        raise ValueError(f"language code must be lower-case letters, got {lang!r}")
    return Path(forms_dir) / FOLDER / f"documents.{lang}.yaml"


def load_catalogue(forms_dir: Path | str, lang: str) -> Mapping[str, str]:
    """The catalogue of `lang` as {"section.key": text}; ContentError naming the file when it is missing or
    not a tree of texts. Cached by the file's modification time and size (it is not approved content)."""
    path = catalogue_path(forms_dir, lang)
    try:
        stat = path.stat()
    except OSError as exc:
        raise ContentError(str(path), None, f"no document catalogue for {lang!r} ({exc.strerror})") from exc
    stamp = (stat.st_mtime_ns, stat.st_size)
    hit = _cache.get(path)
    if hit is None or hit[0] != stamp:
        hit = _cache[path] = (stamp, _read(path))
    return hit[1]


def _read(path: Path) -> Mapping[str, str]:
    try:
        text = path.read_bytes().decode("utf-8")
        check_plain_yaml(text)
        data = yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ContentError(str(path), None, f"not readable YAML: {exc}") from exc
    flat: dict[str, str] = {}
    _flatten(path, data, "", flat)
    return MappingProxyType(flat)


def _flatten(path: Path, node: object, prefix: str, out: dict[str, str]) -> None:
    if not isinstance(node, dict) or not node:
        raise ContentError(str(path), None, f"{prefix or '(top level)'}: expected a mapping of labels")
    for key, value in node.items():
        name = f"{prefix}{key}"
        if not isinstance(key, str):
            raise ContentError(str(path), None, f"{name}: a label key must be text (quote yes/no/on/off)")
        if isinstance(value, dict):
            _flatten(path, value, f"{name}.", out)
        elif isinstance(value, str) and value.strip():
            out[name] = value
        else:
            raise ContentError(str(path), None, f"{name}: expected a non-empty, quoted text")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def lint_catalogues(forms_dir: Path | str) -> list[str]:
    """Every document language has a catalogue with exactly the keys of the English one, each label naming
    the same {placeholders}; no catalogue exists for a language the registry does not print in."""
    forms_dir = Path(forms_dir)
    try:
        registry = languages_for(forms_dir)
        reference = load_catalogue(forms_dir, SOURCE_LANGUAGE)
    except (ContentError, ValueError) as exc:
        return [str(exc)]
    problems: list[str] = []
    for lang in registry.document_languages:
        path = catalogue_path(forms_dir, lang)
        try:
            words = load_catalogue(forms_dir, lang)
        except ContentError as exc:
            problems.append(str(exc))
            continue
        problems.extend(f"{path}: missing label {key!r} in {lang!r}" for key in reference if key not in words)
        problems.extend(f"{path}: unknown label {key!r} in {lang!r} (not in the {SOURCE_LANGUAGE} catalogue)"
                        for key in words if key not in reference)
        problems.extend(f"{path}: label {key!r} in {lang!r} names {sorted(placeholders(words[key]))}, the "
                        f"{SOURCE_LANGUAGE} one {sorted(placeholders(text))}"
                        for key, text in reference.items()
                        if key in words and placeholders(words[key]) != placeholders(text))
    folder = forms_dir / FOLDER
    for stray in sorted(folder.glob("documents.*.yaml")) if folder.is_dir() else ():
        lang = stray.name.split(".")[1]
        if lang not in registry.document_languages:
            problems.append(f"{stray}: a catalogue for {lang!r}, which the language registry does not list as a "
                            "document language")
    return problems
