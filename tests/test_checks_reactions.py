"""The chapter 6-8 exercise check on kinds of reaction accepts the right counts and rejects wrong ones."""

from __future__ import annotations

import pandas as pd

from treaty_toolkit import checks
from treaty_toolkit.data import load_table


def _kinds(actor: str, since: str | None = None) -> dict[str, int]:
    table = load_table("reactions")
    rows = table[table["actor"].astype(str) == actor]
    if since is not None:
        rows = rows[rows["date"] >= pd.Timestamp(since)]
    return rows.groupby(rows["kind"].astype(str)).size().to_dict()


def test_kind_counts_since_a_date_count_only_the_later_reactions(capsys):
    later, everything = _kinds("US", "2025-01-01"), _kinds("US")
    assert later and later != everything  # the date filter matters for this actor
    assert checks.check_kind_counts(later, "US", since="2025-01-01") is True
    assert checks.check_kind_counts(everything, "US", since="2025-01-01") is False
    assert "dated on or after 2025-01-01" in capsys.readouterr().out


def test_kind_counts_without_a_date_count_every_reaction():
    everything, later = _kinds("Japan"), _kinds("Japan", "2025-01-01")
    assert later != everything
    assert checks.check_kind_counts(everything, "Japan") is True
    assert checks.check_kind_counts(later, "Japan") is False
