"""The language registry (forms/languages.yaml) for the screens and use cases: which languages exist, their
names, and which of them documents are printed in."""

from __future__ import annotations

from exoconsult.definitions.languages import languages_for
from exoconsult.domain.languages import SOURCE_LANGUAGE, Language, LanguageRegistry
from exoconsult.services.core.context import ServiceContext, default_forms_dir

__all__ = ["SOURCE_LANGUAGE", "Language", "LanguageRegistry", "language_registry"]


def language_registry(ctx: ServiceContext | None = None) -> LanguageRegistry:
    """The clinic's registry (its forms folder; the shipped one when that folder has none, e.g. a clinic's own
    copy made before the registry existed), or the shipped one where no clinic is open yet."""
    return languages_for(ctx.forms_dir if ctx is not None else default_forms_dir())
