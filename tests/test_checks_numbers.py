"""The chapter 9/10 exercise auto-checks accept the right answer and reject wrong ones."""

from __future__ import annotations

from treaty_toolkit import checks
from treaty_toolkit.data import load_table
from treaty_toolkit.estimates import all_estimates, known_on


def test_check_per_container(capsys):
    assert checks.check_per_container(448) is True
    assert checks.check_per_container(500) is False
    assert checks.check_per_container("lots") is False
    assert "Not yet" in capsys.readouterr().out


def test_check_known_before():
    right = list(known_on(all_estimates(), "shells", "2024-11-12")["estimate_id"])
    assert checks.check_known_before(right, "shells", "2024-11-12") is True
    assert checks.check_known_before(right + ["dia-2025-07"], "shells", "2024-11-12") is False
    assert checks.check_known_before(None, "shells", "2024-11-12") is False


def test_check_claim_counts():
    right = load_table("claims")["classification"].astype(str).value_counts()
    assert checks.check_claim_counts(right.to_dict()) is True
    wrong = right.copy()
    wrong.iloc[0] += 1
    assert checks.check_claim_counts(wrong) is False
