"""Every fixed word the printed documents use, from the document catalogue of their language
(forms/i18n/documents.<lang>.yaml; the renderers choose no words). One lookup, `document_words`, for every
printed label; the label sets of the renderers are filled from it by field name."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping
from dataclasses import MISSING, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any

from exoconsult.definitions.document_catalogue import catalogue_path, load_catalogue
from exoconsult.documents.labels import (
    AnnexLabels,
    AssessmentLabels,
    ConsentLabels,
    InformationPackLabels,
    PageLabels,
    WithdrawalLabels,
)
from exoconsult.domain.content import ContentError
from exoconsult.domain.document_words import COMMON, DocumentWords
from exoconsult.services.core.context import ServiceContext, default_forms_dir
from exoconsult.services.core.languages import SOURCE_LANGUAGE, language_registry

__all__ = ["COMMON", "DocumentWords", "assessment_labels", "consent_labels", "document_words", "info_pack_labels",
           "page_labels", "screen_words", "withdrawal_labels"]


# (clinic folder, language) -> (the catalogues it was merged from, the merged words): rebuilt when either
# catalogue is re-read (load_catalogue hands out a new mapping when its file changed).
_merged: dict[tuple[Path, str], tuple[tuple[Mapping[str, str], ...], DocumentWords]] = {}


def document_words(lang: str, forms_dir: Path | str | None = None) -> DocumentWords:
    """The document catalogue of `lang` in a clinic's forms folder (`forms_dir`; the shipped one when None).
    A clinic's own copy of forms/ wins label by label over the shipped catalogue of the same language, which
    fills in what an older copy lacks (a label added since it was made); `forms lint` of that copy names it.
    A use case loads it once and passes it on (the helpers of consent_build take it)."""
    shipped = Path(default_forms_dir())
    own = Path(forms_dir) if forms_dir is not None else shipped
    if own.resolve() == shipped.resolve():
        return DocumentWords(lang, load_catalogue(shipped, lang))
    layers = tuple(load_catalogue(folder, lang) for folder in (own, shipped) if catalogue_path(folder, lang).is_file())
    if not layers:
        load_catalogue(own, lang)  # raises the ContentError naming the clinic's missing file
    hit = _merged.get((own, lang))
    if hit is None or len(hit[0]) != len(layers) or any(a is not b for a, b in zip(hit[0], layers, strict=True)):
        # one flat mapping: a ChainMap would rebuild the union of both catalogues for every section()
        hit = _merged[(own, lang)] = (layers, DocumentWords(lang, MappingProxyType(dict(ChainMap(*layers)))))
    return hit[1]


def screen_words(ctx: ServiceContext, language: str) -> DocumentWords:
    """The clinic's catalogue for a screen that shows catalogue words (list labels, derived values) in its
    interface language: that language's when the clinic prints in it, else English."""
    shown = language_registry(ctx).document_language(language, SOURCE_LANGUAGE)
    return document_words(shown, ctx.forms_dir)


def _labels(cls: type, section: Mapping[str, str], **nested: Any) -> Any:
    values = {f.name: nested[f.name] if f.name in nested else section[f.name]
              for f in fields(cls) if f.name in nested or f.name in section}
    missing = [f.name for f in fields(cls) if f.name not in values and f.default is MISSING]
    if missing:
        raise ContentError("forms/i18n", None, f"{cls.__name__}: no label {', '.join(missing)} in the catalogue")
    return cls(**values)


def page_labels(lang: str, forms_dir: Path | str | None = None) -> PageLabels:
    return _labels(PageLabels, document_words(lang, forms_dir).section("page", shared=True))


def _annex(words: DocumentWords) -> AnnexLabels:
    return _labels(AnnexLabels, words.section("annex", shared=True))


def consent_labels(lang: str, forms_dir: Path | str | None = None) -> ConsentLabels:
    words = document_words(lang, forms_dir)
    return _labels(ConsentLabels, words.section("consent", shared=True), page=page_labels(lang, forms_dir),
                   annex=_annex(words))


def withdrawal_labels(lang: str, forms_dir: Path | str | None = None) -> WithdrawalLabels:
    return _labels(WithdrawalLabels, document_words(lang, forms_dir).section("withdrawal", shared=True),
                   page=page_labels(lang, forms_dir))


def info_pack_labels(lang: str, forms_dir: Path | str | None = None) -> InformationPackLabels:
    return _labels(InformationPackLabels, document_words(lang, forms_dir).section("information_pack", shared=True),
                   page=page_labels(lang, forms_dir))


def assessment_labels(lang: str, forms_dir: Path | str | None = None) -> AssessmentLabels:
    words = document_words(lang, forms_dir)
    return _labels(AssessmentLabels, words.section("assessment", shared=True), page=page_labels(lang, forms_dir),
                   annex=_annex(words))
