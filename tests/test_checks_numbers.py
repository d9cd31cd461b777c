"""The chapter 9/10 exercise auto-checks accept the right answer and reject wrong ones."""

from __future__ import annotations

from treaty_toolkit import checks
from treaty_toolkit.data import load_table
from treaty_toolkit.estimates import all_estimates, implied_per_container, known_on


def test_check_per_container(capsys):
    assert checks.check_per_container(448) is True
    assert checks.check_per_container(500) is False
    assert checks.check_per_container("lots") is False
    assert "Not yet" in capsys.readouterr().out


def test_check_per_container_recomputes_every_shell_estimate():
    ratios = implied_per_container(load_table("shell_estimates")).set_index("estimate_id")["per_container"]
    for estimate_id, ratio in ratios.items():
        assert checks.check_per_container(int(ratio), estimate_id) is True
        assert checks.check_per_container(int(ratio) + 50, estimate_id) is False


def test_check_open_ended_counts_more_than_figures_from_the_data():
    frame = all_estimates()
    for quantity in ("casualties", "killed", "shells"):
        rows = frame[frame["quantity"] == quantity]
        right = int((rows["low"].notna() & rows["high"].isna()).sum())
        assert checks.check_open_ended(right, quantity) is True
        assert checks.check_open_ended(right + 1, quantity) is False
    assert checks.check_open_ended("four", "casualties") is False


def test_check_known_before():
    right = list(known_on(all_estimates(), "shells", "2024-11-12")["estimate_id"])
    assert checks.check_known_before(right, "shells", "2024-11-12") is True
    assert checks.check_known_before(right + ["dia-2025-07"], "shells", "2024-11-12") is False
    assert checks.check_known_before(None, "shells", "2024-11-12") is False
    # Exercise 9, task 3: casualty figures published before 1 February 2025.
    casualties = list(known_on(all_estimates(), "casualties", "2025-02-01")["estimate_id"])
    assert checks.check_known_before(casualties, "casualties", "2025-02-01") is True
    assert checks.check_known_before(casualties[:-1], "casualties", "2025-02-01") is False


def test_check_claim_counts():
    right = load_table("claims")["classification"].astype(str).value_counts()
    assert checks.check_claim_counts(right.to_dict()) is True
    wrong = right.copy()
    wrong.iloc[0] += 1
    assert checks.check_claim_counts(wrong) is False
