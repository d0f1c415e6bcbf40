"""The fixed words of one printed language (pure): a flat "section.key" -> text mapping that the
definitions layer loads from forms/i18n/documents.<lang>.yaml. Domain functions that write patient or
printed wording receive one of these instead of keeping their own table per language, so a language
added as files reaches them without a Python change."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from exoconsult.domain.content import ContentError

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

    def __contains__(self, key: object) -> bool:
        return key in self._catalogue

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

    def decimal(self, value: float) -> str:
        """At most two decimals, no trailing zeros, in this language's way (2,5 in Turkish)."""
        return self.number(f"{value:.2f}".rstrip("0").rstrip("."))
