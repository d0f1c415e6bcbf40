"""The registry report's arithmetic: 95 % Wilson score intervals for "k of n", and the suppression of
small counts in anything meant to leave the clinic (a count below 5 is shown as "< 5", and so is its
complement within a proportion, which would otherwise give it away). Pure Python."""

from __future__ import annotations

import math
from dataclasses import dataclass

from exoconsult.domain.disclosure import SMALL_COUNT, SUPPRESSED, shown_count

Z95 = 1.959963984540054  # the 97.5th centile of the standard normal distribution


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of k successes in n trials (Wilson 1927; Newcombe 1998, method 3)."""
    if n <= 0 or not 0 <= k <= n:
        raise ValueError(f"need 0 <= k <= n and n > 0, got k={k}, n={n}")
    p = k / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    denominator = 1 + z * z / n
    low = 0.0 if k == 0 else (centre - half) / denominator  # exact ends, free of rounding
    high = 1.0 if k == n else (centre + half) / denominator
    return low, high


def count_text(count: int, *, suppress: bool) -> str:
    return shown_count(count) if suppress else str(count)


@dataclass(frozen=True)
class Proportion:
    k: int
    n: int

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.k, self.n) if self.n else None

    def hidden(self, suppress: bool) -> bool:
        """Would k be given away? (k itself small, or n − k small, or n small.)"""
        return suppress and min(self.k, self.n - self.k, self.n) < SMALL_COUNT

    def texts(self, lang: str, *, suppress: bool) -> tuple[str, str, str]:
        """("k of n", "percent", "95 % interval") for a table, suppressed when they would give k away."""
        of = {"en": "of", "tr": "/"}.get(lang, "of")
        n_text = count_text(self.n, suppress=suppress)
        if self.n == 0:
            return f"0 {of} 0", "—", "—"
        if self.hidden(suppress):
            return f"{SUPPRESSED if self.n >= SMALL_COUNT or not suppress else '—'} {of} {n_text}", "—", "—"
        low, high = self.interval
        return f"{self.k} {of} {self.n}", percent(self.k / self.n, lang), \
            f"{percent(low, lang)} – {percent(high, lang)}"


def percent(value: float, lang: str) -> str:
    text = f"{100 * value:.1f}"
    return f"%{text.replace('.', ',')}" if lang == "tr" else f"{text} %"
