"""The restricted Markdown subset of forms/: front matter, `## Title {#id}` sections and a few block kinds.

Allowed: `### ` sub-headings, paragraphs, `- ` bullet lists (continuation lines indented two spaces),
**bold**, and `- [id] text` choice items in the sections that hold choices. Everything else (links,
tables, HTML, numbered lists, single-star emphasis, code) is refused with the file and line, because
the PDF and the GUI render only this subset and a silently dropped construct could drop a risk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exoconsult.domain.content import Block, ContentError, Span

_SECTION_HEADING = re.compile(r"^## (?P<title>\S.*?) \{#(?P<id>[a-z][a-z0-9_-]*)\}\s*$")
_CHOICE_ITEM = re.compile(r"^\[(?P<id>[a-z][a-z0-9_-]*)\] (?P<text>\S.*)$")
_REFUSED_LINE_STARTS = (
    ("# ", "level-1 headings are not allowed; the title belongs in the front matter"),
    ("#### ", "only ## section and ### sub-headings are allowed"),
    ("* ", "bullets must start with '- '"),
    ("+ ", "bullets must start with '- '"),
    (">", "block quotes are not allowed"),
    ("|", "tables are not allowed"),
    ("```", "code blocks are not allowed"),
    ("<", "HTML is not allowed"),
)
_NUMBERED_ITEM = re.compile(r"^\d+[.)] ")


@dataclass(frozen=True)
class SourceLine:
    number: int  # 1-based line in the file
    text: str


@dataclass(frozen=True)
class RawSection:
    id: str
    title: str
    line: int
    body: tuple[SourceLine, ...]


@dataclass(frozen=True)
class SplitDocument:
    front_matter: str
    front_matter_first_line: int  # file line of the first front-matter line (after the opening ---)
    preamble: tuple[SourceLine, ...]
    sections: tuple[RawSection, ...]


def split_document(path: str, text: str) -> SplitDocument:
    """Separate the front matter and cut the body into sections at `## Title {#id}` headings."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise ContentError(path, 1, "the file must start with a front matter block opened by '---'")
    try:
        closing = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    except StopIteration:
        raise ContentError(path, 1, "the front matter block is not closed by a '---' line") from None
    front_matter = "\n".join(lines[1:closing])
    preamble: list[SourceLine] = []
    sections: list[RawSection] = []
    current: tuple[str, str, int] | None = None
    body: list[SourceLine] = []
    seen: dict[str, int] = {}
    for index in range(closing + 1, len(lines)):
        number, line = index + 1, lines[index].rstrip()
        if line.startswith("## ") or line == "##":
            match = _SECTION_HEADING.match(line)
            if not match:
                raise ContentError(path, number, "a section heading must look like '## Title {#section-id}'")
            section_id = match.group("id")
            if section_id in seen:
                raise ContentError(
                    path, number, f"section id {section_id!r} already used on line {seen[section_id]}"
                )
            seen[section_id] = number
            if current is not None:
                sections.append(RawSection(current[0], current[1], current[2], tuple(body)))
            current, body = (section_id, match.group("title"), number), []
        elif current is None:
            preamble.append(SourceLine(number, line))
        else:
            body.append(SourceLine(number, line))
    if current is not None:
        sections.append(RawSection(current[0], current[1], current[2], tuple(body)))
    return SplitDocument(front_matter, 2, tuple(preamble), tuple(sections))


def parse_inline(path: str, line: int, text: str) -> tuple[Span, ...]:
    """Split text into plain and **bold** spans; any other Markdown inline syntax is refused."""
    if "`" in text:
        raise ContentError(path, line, "inline code is not allowed")
    if re.search(r"\]\(", text) or re.search(r"!\[", text):
        raise ContentError(path, line, "links and images are not allowed")
    parts = text.split("**")
    if len(parts) % 2 == 0:
        raise ContentError(path, line, "unmatched '**' (bold must be opened and closed on the same block)")
    spans: list[Span] = []
    for index, part in enumerate(parts):
        if "*" in part:
            raise ContentError(path, line, "single '*' emphasis is not allowed; use **bold** only")
        if re.search(r"(?<![A-Za-z0-9])_[^_\s]", part) and re.search(r"[^_\s]_(?![A-Za-z0-9])", part):
            raise ContentError(path, line, "'_' emphasis is not allowed; use **bold** only")
        if part:
            spans.append(Span(part, bold=index % 2 == 1))
    return tuple(spans)


def _check_line(path: str, line: SourceLine) -> None:
    for start, why in _REFUSED_LINE_STARTS:
        if line.text.startswith(start):
            raise ContentError(path, line.number, why)
    if _NUMBERED_ITEM.match(line.text):
        raise ContentError(path, line.number, "numbered lists are not allowed; use '- ' bullets")
    if "\t" in line.text:
        raise ContentError(path, line.number, "tab characters are not allowed; indent with spaces")


def _group(path: str, lines: tuple[SourceLine, ...]) -> list[tuple[str, int, list[str]]]:
    """Group lines into raw blocks: (kind, first line, texts); kind is heading, paragraph, item or item+."""
    groups: list[tuple[str, int, list[str]]] = []
    open_kind: str | None = None
    for line in lines:
        if not line.text.strip():
            open_kind = None
            continue
        _check_line(path, line)
        if line.text.startswith("### "):
            groups.append(("heading", line.number, [line.text[4:].strip()]))
            open_kind = None
        elif line.text.startswith("- "):
            # "item+" continues the list above it (no blank line between), so one list stays one block
            groups.append(("item+" if open_kind == "item" else "item", line.number, [line.text[2:].strip()]))
            open_kind = "item"
        elif line.text.startswith("  ") and open_kind == "item":
            groups[-1][2].append(line.text.strip())
        elif line.text.startswith(" "):
            raise ContentError(path, line.number, "indented text must continue a '- ' bullet item")
        elif open_kind == "paragraph":
            groups[-1][2].append(line.text.strip())
        else:
            if open_kind == "item":
                raise ContentError(path, line.number, "text after a bullet item needs a blank line first")
            groups.append(("paragraph", line.number, [line.text.strip()]))
            open_kind = "paragraph"
    return groups


def parse_blocks(path: str, lines: tuple[SourceLine, ...]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for kind, number, texts in _group(path, lines):
        spans = parse_inline(path, number, " ".join(texts))
        if kind == "item+" and blocks and blocks[-1].kind == "bullets":
            last = blocks[-1]
            blocks[-1] = Block(
                "bullets", last.line, items=(*last.items, spans), item_lines=(*last.item_lines, number)
            )
        elif kind in ("item", "item+"):
            blocks.append(Block("bullets", number, items=(spans,), item_lines=(number,)))
        else:
            blocks.append(Block(kind, number, spans=spans))
    return tuple(blocks)


def parse_choice_section(
    path: str, section: RawSection
) -> tuple[tuple[Block, ...], tuple[tuple[str, str, int], ...]]:
    """A section of `- [id] text` choices after optional lead-in paragraphs: (intro blocks, (id, text, line))."""
    groups = _group(path, section.body)
    first_item = next((number for kind, number, _ in groups if kind in ("item", "item+")), None)
    if first_item is None:
        raise ContentError(path, section.line, f"section {section.id!r} has no '- [id] text' choices")
    choices: list[tuple[str, str, int]] = []
    seen: set[str] = set()
    for kind, number, texts in groups:
        if number < first_item:
            continue
        if kind not in ("item", "item+"):
            raise ContentError(path, number, "text after the choice list is not allowed")
        match = _CHOICE_ITEM.match(" ".join(texts))
        if not match:
            raise ContentError(path, number, "a choice must look like '- [choice-id] text'")
        choice_id = match.group("id")
        if choice_id in seen:
            raise ContentError(path, number, f"choice id {choice_id!r} is used twice")
        seen.add(choice_id)
        spans = parse_inline(path, number, match.group("text"))
        if any(s.bold for s in spans):
            raise ContentError(path, number, "choices are printed next to a yes/no box; bold is not allowed")
        choices.append((choice_id, "".join(s.text for s in spans), number))
    intro = tuple(line for line in section.body if line.number < first_item)
    return parse_blocks(path, intro), tuple(choices)
