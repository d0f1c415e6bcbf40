"""The languages the clinic works in, as the registry (forms/languages.yaml) declares them: plain data that
every chooser, check and document reads, so that adding a language is adding files, not editing Python."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

SOURCE_LANGUAGE = "en"  # the language of the code's own strings and the fallback of a missing form label


@dataclass(frozen=True)
class Language:
    code: str
    native_name: str
    names: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # screen language -> name
    documents: bool = False  # patient texts and the document catalogue exist in it
    form_labels: bool = False  # every questionnaire, protocol and follow-up label carries it

    def name_in(self, screen_language: str) -> str:
        """Its name as a screen in `screen_language` shows it."""
        return self.names.get(screen_language) or self.native_name


@dataclass(frozen=True)
class LanguageRegistry:
    languages: tuple[Language, ...]  # in the order choosers list them

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    @property
    def document_languages(self) -> tuple[str, ...]:
        """Languages consents, information packs and reports can be printed in (and settings offer)."""
        return tuple(lang.code for lang in self.languages if lang.documents)

    @property
    def label_languages(self) -> tuple[str, ...]:
        """Languages every form label must carry."""
        return tuple(lang.code for lang in self.languages if lang.form_labels)

    def get(self, code: str) -> Language | None:
        return next((lang for lang in self.languages if lang.code == code), None)

    def name(self, code: str, screen_language: str) -> str:
        """A language's name on a screen in `screen_language`; an unregistered code is shown as it is."""
        lang = self.get(code)
        return lang.name_in(screen_language) if lang is not None else code

    def document_language(self, preferred: str | None, default: str) -> str:
        """The language a patient's documents are printed in: his own when documents exist in it, else `default`."""
        return preferred if preferred in self.document_languages else default
