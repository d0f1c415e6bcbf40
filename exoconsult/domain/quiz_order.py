"""The order in which a comprehension question's options are shown (content release 1.1, item 11; pure).

Options are shuffled per attempt, so the right answer is not always in one place; a re-asked question is
shown in a different order from its previous attempt. The order is derived from (session, question,
attempt) with SHA-256, so the order every stored answer was given in can be reproduced exactly.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace

from exoconsult.domain.content import ComprehensionQuestion, Option


def _order(session_id: int, question_id: str, attempt: int, n: int) -> list[int]:
    seed = hashlib.sha256(f"{session_id}:{question_id}:{attempt}".encode()).digest()
    order = list(range(n))
    random.Random(seed).shuffle(order)  # noqa: S311 - an order to show, not a secret
    return order


def option_order(session_id: int, question_id: str, attempt: int, n: int) -> tuple[int, ...]:
    """Indexes of the options in the order shown at this attempt (1-based attempt)."""
    order = _order(session_id, question_id, attempt, n)
    if attempt > 1 and n > 1 and order == _order(session_id, question_id, attempt - 1, n):
        order = order[1:] + order[:1]  # a re-asked question never repeats the previous order
    return tuple(order)


def shuffled(question: ComprehensionQuestion, session_id: int, attempt: int) -> ComprehensionQuestion:
    """The question with its options in the order shown at `attempt`."""
    order = option_order(session_id, question.id, attempt, len(question.options))
    options: tuple[Option, ...] = tuple(question.options[i] for i in order)
    return replace(question, options=options)
