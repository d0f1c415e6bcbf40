"""forms/languages.yaml, the language registry: loaded, checked and cached by the file's bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import MappingProxyType
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr
from pydantic import ValidationError as PydanticError

from exoconsult.definitions.safe_yaml import check_plain_yaml
from exoconsult.domain.content import ContentError
from exoconsult.domain.languages import SOURCE_LANGUAGE, Language, LanguageRegistry

REGISTRY_FILE = "languages.yaml"
LanguageCode = Annotated[StrictStr, Field(pattern=r"^[a-z]{2,3}$")]
Name = Annotated[StrictStr, Field(min_length=1, max_length=80)]


class _LanguageIn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    code: LanguageCode
    native_name: Name
    names: dict[LanguageCode, Name] = {}
    documents: StrictBool = False
    form_labels: StrictBool = False


class _RegistryIn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    languages: list[_LanguageIn] = Field(min_length=1)


_cache: dict[tuple[Path, str], LanguageRegistry] = {}


def registry_path(forms_dir: Path | str) -> Path:
    return Path(forms_dir) / REGISTRY_FILE


def load_languages(forms_dir: Path | str) -> LanguageRegistry:
    """The registry of a forms folder; ContentError (naming the file) when it is missing or invalid."""
    path = registry_path(forms_dir)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(str(path), None, f"cannot read the language registry ({exc.strerror})") from exc
    key = (path.resolve(), hashlib.sha256(data).hexdigest())
    found = _cache.get(key)
    if found is None:
        found = _cache[key] = _parse(path, data)
    return found


def _parse(path: Path, data: bytes) -> LanguageRegistry:
    try:
        text = data.decode("utf-8")
        check_plain_yaml(text)
        model = _RegistryIn.model_validate(yaml.safe_load(text))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ContentError(str(path), None, f"not readable YAML: {exc}") from exc
    except PydanticError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ContentError(str(path), None, f"{where}: {first['msg']}") from exc
    codes = [lang.code for lang in model.languages]
    problems = sorted({c for c in codes if codes.count(c) > 1})
    if problems:
        raise ContentError(str(path), None, f"language(s) listed twice: {', '.join(problems)}")
    source = next((lang for lang in model.languages if lang.code == SOURCE_LANGUAGE), None)
    if source is None or not (source.documents and source.form_labels):
        raise ContentError(str(path), None, f"{SOURCE_LANGUAGE!r} (the source language) must be listed with "
                                            "documents and form_labels true")
    return LanguageRegistry(tuple(
        Language(code=lang.code, native_name=lang.native_name, names=MappingProxyType(dict(lang.names)),
                 documents=lang.documents, form_labels=lang.form_labels)
        for lang in model.languages))


def lint_languages(forms_dir: Path | str) -> list[str]:
    try:
        load_languages(forms_dir)
    except ContentError as exc:
        return [str(exc)]
    return []


def languages_for(path: Path | str) -> LanguageRegistry:
    """The registry of the forms folder `path` lies in (a file or folder up to two levels inside it), else the
    shipped one: a protocol or questionnaire folder checked on its own is judged by the shipped languages."""
    path = Path(path)
    for folder in (path, *list(path.parents)[:3]):
        if registry_path(folder).is_file():
            return load_languages(folder)
    from exoconsult.paths import forms_dir

    return load_languages(forms_dir())
