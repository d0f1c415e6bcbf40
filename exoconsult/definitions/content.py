"""Public entry points for the patient-facing content in forms/: the strict loaders and the content lint.

Other layers import from here only; the helpers behind it (content_markdown, content_models,
content_load, content_lint) may change shape.
"""

from __future__ import annotations

from exoconsult.definitions.content_lint import lint_content
from exoconsult.definitions.content_load import (
    available_languages,
    document_path,
    load_comprehension,
    load_consent_text,
    load_explanation,
    load_withdrawal_text,
)
from exoconsult.domain.content import fill_placeholders

__all__ = [
    "available_languages",
    "document_path",
    "fill_placeholders",
    "lint_content",
    "load_comprehension",
    "load_consent_text",
    "load_explanation",
    "load_withdrawal_text",
]
