"""Tests for treaty_toolkit.estimates (chapter 9)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from treaty_toolkit import estimates as est


def _estimates(rows):
    columns = ["estimate_id", "date", "who", "quantity", "low", "high", "method", "source", "note"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["date"] = pd.to_datetime(frame["date"])
    frame[["low", "high"]] = frame[["low", "high"]].astype("Int64")
    return frame


def _shells(rows):
    columns = ["estimate_id", "date", "who", "containers_low", "containers_high", "shells_low", "shells_high",
               "method", "source", "note"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["date"] = pd.to_datetime(frame["date"])
    for column in columns[3:7]:
        frame[column] = frame[column].astype("Int64")
    return frame


SHELLS = _shells([
    ["a", "2024-02-26", "ROK minister", 6700, 6700, None, 3000000, "capacity-based inference", "s", "n"],
    ["b", "2024-08-27", "ROK intelligence", 13000, None, 6000000, None, "capacity-based inference", "s", "n"],
])
ESTIMATES = _estimates([
    ["t1", "2024-10-18", "ROK NIS", "troops_sent", 1500, 1500, "intelligence assessment", "s", "n"],
    ["c1", "2024-12-23", "Ukraine: Zelensky", "casualties", 3000, None, "official claim", "s", "n"],
    ["k1", "2024-02-23", "US State Department", "containers", 10000, None, "intelligence assessment", "s", "n"],
])


def test_camp_of_maps_first_word_and_rejects_unknown():
    assert est.camp_of("ROK National Intelligence Service") == "South Korea"
    assert est.camp_of("Ukraine: President Zelensky") == "Ukraine"
    assert est.camp_of("UK Ministry of Defence") == "United Kingdom"
    assert est.camp_of("US: Deputy UN Ambassador") == "United States"
    assert est.camp_of("DPRK: Kim Jong Un (speech reported by KCNA)") == "North Korea"
    assert est.camp_of("Western: anonymous officials (via the BBC)") == "Western officials"
    assert est.camp_of("MSMT: Multilateral Sanctions Monitoring Team") == "MSMT (11 states)"
    assert est.camp_of("Analysis: Open Source Centre with Reuters") == "Independent analysts"
    with pytest.raises(ValueError, match="Seoul officials"):
        est.camp_of("Seoul officials")


def test_every_camp_has_its_own_colour_and_marker():
    assert set(est.STYLE) == set(est.CAMPS.values())
    pairs = [(style["color"], style["marker"]) for style in est.STYLE.values()]
    assert len({marker for _, marker in pairs}) == len(pairs), "two camps share a marker shape"
    assert len({colour for colour, _ in pairs}) == len(pairs), "two camps share a colour"


def test_a_light_colour_draws_its_marker_bars_and_arrows_with_the_dark_edge():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    row = pd.Series({"date": pd.Timestamp("2025-05-29"), "low": 20000, "high": pd.NA})
    style = est.STYLE["MSMT (11 states)"]
    est._draw_one(ax, row, style, 20000, label="MSMT")
    assert ax.lines[0].get_markeredgecolor() == style["edge"]
    arrow = [child for child in ax.texts if getattr(child, "arrow_patch", None) is not None][0]
    assert matplotlib.colors.to_hex(arrow.arrow_patch.get_edgecolor()) == style["edge"]
    plt.close(fig)


def test_combine_makes_one_long_row_per_figure():
    frame = est.combine(ESTIMATES, SHELLS)
    # 3 single figures + 2 container rows + 2 shell rows
    assert len(frame) == 7
    shells = frame[frame["quantity"] == "shells"].set_index("estimate_id")
    assert pd.isna(shells.loc["a", "low"]) and shells.loc["a", "high"] == 3000000
    assert shells.loc["b", "low"] == 6000000 and pd.isna(shells.loc["b", "high"])
    assert set(frame["camp"]) == {"South Korea", "Ukraine", "United States"}


def test_combine_rejects_reversed_bounds_and_duplicate_ids():
    bad = ESTIMATES.copy()
    bad.loc[0, ["low", "high"]] = [5000, 100]
    with pytest.raises(ValueError, match="low > high.*t1"):
        est.combine(bad, SHELLS)
    duplicate = pd.concat([ESTIMATES, ESTIMATES.iloc[[0]]], ignore_index=True)
    with pytest.raises(ValueError, match="used twice"):
        est.combine(duplicate, SHELLS)


def test_wording_follows_open_bounds():
    assert est.wording(3000, 3000) == "about 3,000"
    assert est.wording(1000, 3000) == "1,000-3,000"
    assert est.wording(6000, pd.NA) == "more than 6,000"
    assert est.wording(pd.NA, 4800000) == "up to 4,800,000"


def test_known_on_excludes_the_day_itself_and_later():
    frame = est.combine(ESTIMATES, SHELLS)
    known = est.known_on(frame, "containers", "2024-08-27")
    assert list(known["estimate_id"]) == ["k1", "a"]


def test_compare_with_known_places_a_figure():
    frame = est.combine(ESTIMATES, SHELLS)
    assert est.compare_with_known(10_000_000, frame, "shells", "2024-11-12") == "above"
    assert est.compare_with_known(5_000_000, frame, "shells", "2024-11-12") == "within"
    assert est.compare_with_known(5_000_000, frame, "shells", "2024-03-01") == "above"


def test_implied_per_container_is_the_capacity_assumption():
    ratios = est.implied_per_container(SHELLS).set_index("estimate_id")["per_container"]
    assert ratios["a"] == round(3000000 / 6700)
    assert ratios["b"] == round(6000000 / 13000)


def test_range_plot_draws_one_panel_per_quantity_with_labels_and_legend():
    frame = est.combine(ESTIMATES, SHELLS)
    fig = est.range_plot(frame, ["containers", "shells"], mark=("2024-11-12", "interview"))
    axes = fig.get_axes()
    assert len(axes) == 2
    labels = [text.get_text() for text in axes[0].texts]
    assert ">10,000" in labels and "interview" in labels
    assert {t.get_text() for t in axes[0].get_legend().get_texts()} == {"South Korea", "United States"}
    with pytest.raises(ValueError, match="no estimates for quantity 'killed'"):
        est.range_plot(frame, ["killed"])


def test_real_tables_load_and_every_who_has_a_camp(root):
    frame = est.all_estimates(root / "data")
    assert {"troops_sent", "casualties", "killed", "containers", "shells", "ballistic_missiles_launched"} <= set(
        frame["quantity"])
    assert frame["camp"].notna().all()
    assert set(frame["quantity"]) <= set(est.QUANTITY_LABELS), "a quantity has no plot label"
    # The estimates published before the interview (12 Nov 2024) top out below "tens of thousands".
    assert est.highest_bound(est.known_on(frame, "containers", "2024-11-12")) < 20000


def test_real_tables_keep_official_figures_as_labelled_floors(root):
    frame = est.all_estimates(root / "data")
    dprk = frame[frame["camp"] == "North Korea"]
    # Pyongyang's own figures (coffins, names, nine engineers) are deaths, stated as floors, never totals.
    assert len(dprk) >= 4
    assert set(dprk["quantity"]) == {"killed"}
    assert dprk["low"].notna().all() and dprk["high"].isna().all()
    assert set(dprk["method"]) == {"official acknowledgement"}
    russia = frame[frame["camp"] == "Russia"]
    assert set(russia["method"]) <= {"official claim", "official statistic"}
    assert "explosives_destroyed" in set(russia["quantity"])
    # Official figures about one's own side are labelled as such, whoever else gives a figure.
    assert set(frame.loc[frame["method"] == "official acknowledgement", "camp"]) == {"North Korea"}


def test_real_tables_keep_killed_and_casualties_apart(root):
    frame = est.all_estimates(root / "data")
    by_id = frame.set_index(["estimate_id", "quantity"])
    # The NIS of 19 Dec 2024: at least 100 deaths, and a derived casualty figure of about 1,100.
    assert by_id.loc[("nis-2024-12-19-killed", "killed"), "low"] == 100
    assert by_id.loc[("nis-2024-12-19-casualties", "casualties"), "low"] == 1100
    # Every source that gave both on one date gave fewer deaths than casualties.
    killed = frame[frame["quantity"] == "killed"].set_index(["date", "who"])["low"]
    casualties = frame[frame["quantity"] == "casualties"].set_index(["date", "who"])["low"]
    both = killed.index.intersection(casualties.index)
    assert len(both) >= 3
    assert (killed[both] < casualties[both]).all()
    # The UK's June 2025 estimate is a casualty figure, not a death toll.
    assert by_id.loc[("ukmod-2025-06-15-casualties", "casualties"), "low"] == 6000
    assert not frame[(frame["quantity"] == "killed") & (frame["camp"] == "United Kingdom")].shape[0]
