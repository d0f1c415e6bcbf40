"""Keeping blocks together, for every document (content release 1.1, item 12), in one pass over the story
that ``page.build_pdf`` runs before laying it out, instead of case-by-case fixes in each renderer:

* a lead — a heading, or a lead-in paragraph ending in ":" — never ends a page: it moves on with the start
  of what follows it (a paragraph's first lines, a table's header and first rows, a list's first item), and
  only that start has to fit beside it, so a long table still begins on the page its heading is on;
* an atomic block (a signature block with its captions, a kept group) that ends a run of content — before
  a page break or at the end — is kept with the block before it, so no page holds one signature alone;
* nothing but space after the last block: a trailing spacer never opens an empty last page;
* a bulleted list keeps its last two items together, so no page holds one bullet alone (``layout.TextWriter``
  builds its lists so).

Tables keep their header with their first two rows and never leave one row alone (``TABLE_SPLIT_RANGE``,
set by ``layout.TextWriter``); a paragraph never leaves its first line alone (reportlab's orphan control).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, ListFlowable, PageBreak, Paragraph, Spacer, Table
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak

# A table splits only after its header and two rows, and never leaves one row alone on the next page:
# reportlab's rowSplitRange (first, last) of the rows a split may fall before.
MIN_ROWS_TOGETHER = 2


def table_split_range(header_rows: int) -> tuple[int, int]:
    return header_rows + MIN_ROWS_TOGETHER, -MIN_ROWS_TOGETHER


class KeptTable(Table):
    """A table that splits only where its ``rowSplitRange`` allows (header with its first rows, no lone last
    row), unless it stands at the top of a page and still does not fit: then anywhere, as a plain table."""

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = super().split(available_width, available_height)
        frame = getattr(self, "_frame", None)
        if parts or self._rowSplitRange is None or not (frame is not None and getattr(frame, "_atTop", False)):
            return parts
        kept, self._rowSplitRange = self._rowSplitRange, None
        try:
            return super().split(available_width, available_height)
        finally:
            self._rowSplitRange = kept


def list_with_kept_end(items: list, make: Callable[[list], Flowable]) -> list[Flowable]:
    """A bulleted list (`make` builds one from items) whose last two items stay together."""
    head, tail = items[:-2], items[-2:]
    return ([make(head)] if head else []) + [KeepTogether([make(tail)])]


def is_lead(flowable: Flowable) -> bool:
    """A heading (its style keeps it with the next block) or a lead-in paragraph ending in ":"."""
    if not isinstance(flowable, Paragraph):
        return False
    return bool(flowable.getKeepWithNext()) or flowable.getPlainText().rstrip().endswith(":")


class KeepWithStart(Flowable):
    """Leads moved on together with the start of the block after them (see the module docstring).

    Like reportlab's ``KeepTogether`` it asks to be split whenever the frame tries to place it, and answers
    with the flowables to place: the leads and the follower when the leads and the follower's start fit
    here (the frame then splits the follower where it may), else a frame break first (unless the frame is
    fresh, where waiting would not help).
    """

    def __init__(self, leads: Sequence[Flowable], follower: Flowable) -> None:
        super().__init__()
        self.leads = list(leads)
        self.follower = follower
        for lead in self.leads:  # grouped here: reportlab's own keepWithNext must not wrap them again
            lead.__dict__["keepWithNext"] = 0
            if isinstance(lead, Paragraph) and getattr(lead.style, "keepWithNext", 0):
                # Nor the parts of a lead taller than a page: a split builds them from the style, and a part
                # that keeps with a following container (a kept group) loops in reportlab for ever, wrapped
                # alone in a KeepTogether that splits back into that same part at the top of each frame.
                lead.style = ParagraphStyle(f"{lead.style.name}-grouped", parent=lead.style, keepWithNext=0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._width = available_width
        return available_width, 0xFFFFFF  # always split: placing happens through the parts

    def _leads_height(self, width: float) -> float:
        """The leads' height with every space around them (the frame collapses some: erring high only moves
        a group on a little early, never leaves a lead behind)."""
        height = 1.0
        for lead in self.leads:
            _, h = lead.wrapOn(self.canv, width, 0xFFFFFF)
            height += h + lead.getSpaceBefore() + lead.getSpaceAfter()
        return height

    def _start_height(self, width: float, height: float) -> float:
        """How much of the follower must fit beside the leads: a table's header and first rows, a paragraph's
        first two lines, a list's first item; a kept group or anything else whole."""
        follower = self.follower
        _, whole = follower.wrapOn(self.canv, width, height)
        if isinstance(follower, KeepTogether):
            return follower._H  # measured by its wrap (which itself answers "too tall" to force a split)
        if isinstance(follower, Table):
            rows = follower._rowHeights or []
            return sum(rows[:(follower.repeatRows or 0) + MIN_ROWS_TOGETHER])
        if isinstance(follower, Paragraph):
            leading = follower.style.leading
            return min(whole, 2 * leading)
        content = getattr(follower, "_content", None)  # a list: its first item
        if isinstance(follower, ListFlowable) and content:
            return content[0].wrapOn(self.canv, width, height)[1]
        return whole

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        at_top = bool(frame is not None and getattr(frame, "_atTop", False))
        room = available_height - self._leads_height(available_width) - self.follower.getSpaceBefore()
        if at_top or self._start_height(available_width, max(room, 1)) <= room:
            return [*self.leads, self.follower]  # a fresh page cannot do better than this either
        return [FrameBreak(), *self.leads, self.follower]


def kept(flowables: Sequence[Flowable]) -> KeepTogether:
    """One ``KeepTogether`` of `flowables`, groups among them opened: a group nested in a group measures as
    "too tall" (its wrap asks to be split) and would always be pushed to the next page."""
    content: list[Flowable] = []
    for flowable in flowables:
        content += flowable._content if isinstance(flowable, KeepTogether) else [flowable]
    return KeepTogether(content)


def _is_atomic(flowable: Flowable) -> bool:
    return isinstance(flowable, KeepTogether)


def keep_together(story: Sequence[Flowable]) -> list[Flowable]:
    """The story with its leads, run endings and list endings grouped (see the module docstring)."""
    flat = list(story)
    while flat and isinstance(flat[-1], Spacer):  # a space after the last block would only open an empty page
        flat.pop()
    # Run endings: an atomic block before a page break (or at the end) goes with the atomic block before it.
    ended: list[Flowable] = []
    for n, flowable in enumerate(flat):
        ends_run = n + 1 == len(flat) or isinstance(flat[n + 1], PageBreak)
        if ends_run and _is_atomic(flowable) and ended and _is_atomic(ended[-1]):
            ended[-1] = kept([ended[-1], flowable])
        else:
            ended.append(flowable)
    out: list[Flowable] = []
    leads: list[Flowable] = []
    for flowable in ended:
        if is_lead(flowable) or (leads and isinstance(flowable, Spacer)):
            leads.append(flowable)
        elif leads and not isinstance(flowable, PageBreak | ActionFlowable):
            out.append(KeepWithStart(leads, flowable))
            leads = []
        else:
            out += leads + [flowable]
            leads = []
    return out + leads
