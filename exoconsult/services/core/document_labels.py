"""Every fixed word the printed documents use, from the document catalogue of their language
(forms/i18n/documents.<lang>.yaml; the renderers choose no words). One lookup, `document_words`, for every
printed label; the label sets of the renderers are filled from it by field name."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from exoconsult.definitions.document_catalogue import load_catalogue
from exoconsult.documents.labels import (
    AnnexLabels,
    AssessmentLabels,
    ConsentLabels,
    InformationPackLabels,
    PageLabels,
    WithdrawalLabels,
)
from exoconsult.domain.content import ContentError
from exoconsult.services.core.context import default_forms_dir

COMMON = "common"  # labels several documents share ("Yes", "Signatures"): a section falls back to it


class DocumentWords:
    """The catalogue of one language: `words["sae.title"]`, `words.section("sae")["title"]`."""

    def __init__(self, lang: str, catalogue: Mapping[str, str]) -> None:
        self.lang = lang
        self._catalogue = catalogue

    def __getitem__(self, key: str) -> str:
        try:
            return self._catalogue[key]
        except KeyError:
            raise ContentError(f"documents.{self.lang}.yaml", None,
                               f"missing label {key!r} in {self.lang!r} (run `exoconsult forms lint`)") from None

    def get(self, key: str, default: str | None = None) -> str | None:
        return self._catalogue.get(key, default)

    def section(self, name: str, *, shared: bool = False) -> dict[str, str]:
        """The labels of one section by their own key (with `shared`, also the common ones it does not have)."""
        prefix = f"{name}."
        own = {k[len(prefix):]: v for k, v in self._catalogue.items() if k.startswith(prefix)}
        return {**self.section(COMMON), **own} if shared else own

    def numbered(self, name: str) -> tuple[str, ...]:
        """The texts of a list section ("1", "2", ...: a list of advice), in the order of their numbers."""
        items = self.section(name)
        return tuple(items[key] for key in sorted(items, key=int))

    def date(self, value: date | None) -> str:
        return "" if value is None else value.strftime(self["format.date"])

    def date_time(self, value: datetime) -> str:
        return value.strftime(self["format.date_time"])

    def number(self, text: str) -> str:
        """A number written with "." as the decimal point, in this language's way."""
        return text.replace(".", self["format.decimal_separator"])


def document_words(lang: str, forms_dir: Path | str | None = None) -> DocumentWords:
    """The document catalogue of `lang` (of the shipped forms unless `forms_dir` is given)."""
    return DocumentWords(lang, load_catalogue(forms_dir or default_forms_dir(), lang))


def _labels(cls: type, section: Mapping[str, str], **nested: Any) -> Any:
    values = {f.name: nested[f.name] if f.name in nested else section[f.name]
              for f in fields(cls) if f.name in nested or f.name in section}
    missing = [f.name for f in fields(cls) if f.name not in values and f.default is MISSING]
    if missing:
        raise ContentError("forms/i18n", None, f"{cls.__name__}: no label {', '.join(missing)} in the catalogue")
    return cls(**values)


def page_labels(lang: str) -> PageLabels:
    return _labels(PageLabels, document_words(lang).section("page", shared=True))


def _annex(words: DocumentWords) -> AnnexLabels:
    return _labels(AnnexLabels, words.section("annex", shared=True))


def consent_labels(lang: str) -> ConsentLabels:
    words = document_words(lang)
    return _labels(ConsentLabels, words.section("consent", shared=True), page=page_labels(lang), annex=_annex(words))


def withdrawal_labels(lang: str) -> WithdrawalLabels:
    return _labels(WithdrawalLabels, document_words(lang).section("withdrawal", shared=True), page=page_labels(lang))


def info_pack_labels(lang: str) -> InformationPackLabels:
    return _labels(InformationPackLabels, document_words(lang).section("information_pack", shared=True), page=page_labels(lang))


def assessment_labels(lang: str) -> AssessmentLabels:
    words = document_words(lang)
    return _labels(AssessmentLabels, words.section("assessment", shared=True), page=page_labels(lang), annex=_annex(words))
