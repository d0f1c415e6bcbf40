"""`exoconsult forms lint`: every check over forms/ in one list of "file:line: message" problems.

- the language registry (forms/languages.yaml), which every other check reads;
- the history questionnaire (forms/questionnaires/): strict schema, vocabulary, conditions, languages;
- each eligibility protocol folder (forms/protocols/*/): exoconsult.definitions.protocol.lint_protocol;
- the patient-facing content (explanation, comprehension, consent): exoconsult.definitions.content;
- the follow-up schedule and visit record (forms/followup/): exoconsult.definitions.followup;
- the document catalogues (forms/i18n/documents.<lang>.yaml): exoconsult.definitions.document_catalogue.

`lint_warnings` lists what is worth fixing but breaks nothing (a protocol parameter with no label shows its id).
"""

from __future__ import annotations

from pathlib import Path

from exoconsult.definitions.questionnaire import DefinitionError, load_questionnaire


def lint_questionnaire(forms_dir: Path | str) -> list[str]:
    try:
        load_questionnaire(forms_dir)
    except DefinitionError as exc:
        return exc.problems
    return []


def lint_protocols(forms_dir: Path | str) -> list[str]:
    from exoconsult.definitions.protocol import lint_protocol

    root = Path(forms_dir) / "protocols"
    folders = sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    if not folders:
        return ["protocols/: no eligibility protocol folder (forms/protocols/<id>/protocol.yaml)"]
    problems: list[str] = []
    for folder in folders:
        problems.extend(lint_protocol(folder))
    return problems


def lint_forms(forms_dir: Path | str) -> list[str]:
    from exoconsult.definitions.content import lint_content
    from exoconsult.definitions.document_catalogue import lint_catalogues
    from exoconsult.definitions.followup import lint_followup
    from exoconsult.definitions.languages import lint_languages

    forms_dir = Path(forms_dir)
    if not forms_dir.is_dir():
        return [f"{forms_dir}: not a folder"]
    language_problems = lint_languages(forms_dir)
    if language_problems:  # every other check reads the registry
        return language_problems
    return (lint_questionnaire(forms_dir) + lint_protocols(forms_dir) + lint_content(forms_dir)
            + lint_followup(forms_dir) + lint_catalogues(forms_dir))


def lint_warnings(forms_dir: Path | str) -> list[str]:
    """A protocol parameter the English catalogue gives no label (eligibility.parameters.<name>): screens show
    its id instead. Only English is read: every other catalogue must have exactly its keys (lint_catalogues)."""
    from exoconsult.definitions.document_catalogue import catalogue_path, load_catalogue
    from exoconsult.definitions.protocol import ProtocolError, read_protocol
    from exoconsult.domain.content import ContentError
    from exoconsult.domain.eligibility_words import parameter_key
    from exoconsult.domain.languages import SOURCE_LANGUAGE

    forms_dir = Path(forms_dir)
    try:
        words = load_catalogue(forms_dir, SOURCE_LANGUAGE)
    except ContentError:
        return []  # lint_forms reports it
    root = forms_dir / "protocols"
    warnings: list[str] = []
    for path in sorted(root.glob("*/protocol.yaml")) if root.is_dir() else ():
        try:
            protocol = read_protocol(path.parent)
        except ProtocolError:
            continue  # lint_protocols reports it
        warnings.extend(f"{path}: parameter {name!r} has no label {parameter_key(name)!r} in "
                        f"{catalogue_path(forms_dir, SOURCE_LANGUAGE)}: screens show its id"
                        for name in protocol.parameters if parameter_key(name) not in words)
    return warnings
