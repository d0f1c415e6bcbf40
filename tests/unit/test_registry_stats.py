"""Wilson intervals against published values, and small-count suppression."""

from __future__ import annotations

import pytest

from exoconsult.domain.registry_stats import Proportion, count_text, percent, wilson

# Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven methods.
# Stat Med 1998;17:857-72, Table II, method 3 (score interval without continuity correction).
NEWCOMBE = [((81, 263), (0.2553, 0.3662)), ((15, 148), (0.0624, 0.1605)), ((0, 20), (0.0, 0.1611)),
            ((1, 29), (0.0061, 0.1718))]


@pytest.mark.parametrize(("kn", "expected"), NEWCOMBE)
def test_wilson_matches_newcombes_table(kn, expected):
    low, high = wilson(*kn)
    assert (round(low, 4), round(high, 4)) == expected


def test_wilson_of_the_repeat_micro_tese_reference_and_its_edges():
    low, high = wilson(23, 125)  # Özman 2021: 23 of 125 (18.4 %)
    assert (round(low, 3), round(high, 3)) == (0.126, 0.261)
    assert wilson(10, 10)[1] == 1.0 and round(wilson(10, 10)[0], 4) == 0.7225
    with pytest.raises(ValueError):
        wilson(3, 2)


def test_small_counts_and_their_complements_are_suppressed_only_for_outside_the_clinic():
    assert [count_text(n, suppress=True) for n in (0, 1, 4, 5, 12)] == ["< 5", "< 5", "< 5", "5", "12"]
    assert count_text(3, suppress=False) == "3"
    assert Proportion(3, 20).texts("en", suppress=True) == ("< 5 of 20", "—", "—")
    assert Proportion(17, 20).texts("en", suppress=True) == ("< 5 of 20", "—", "—")  # 3 would show as 20 − 17
    assert Proportion(3, 4).texts("en", suppress=True) == ("— of < 5", "—", "—")
    assert Proportion(8, 20).texts("en", suppress=True) == ("8 of 20", "40.0 %", "21.9 % – 61.3 %")
    assert Proportion(3, 20).texts("tr", suppress=False) == ("3 / 20", "%15,0", "%5,2 – %36,0")
    assert percent(0.184, "tr") == "%18,4"
