"""The data layer: the real package loads typed; malformed data fails naming file, row and field.

Malformed packages are built programmatically: copy the real data/ and references.bib into tmp_path and
change one cell, so each test shows exactly what is broken.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from treaty_toolkit.data import (
    DataValidationError,
    bib_keys,
    find_data_dir,
    load_package,
    load_table,
    split_sources,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return load_package(ROOT / "data")


def copy_package(tmp_path: Path) -> Path:
    """A writable copy of data/ plus references.bib; returns the copied data folder."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "references.bib", tmp_path / "references.bib")
    return tmp_path / "data"


def set_cell(data_dir: Path, file: str, row_id: str, field: str, value: str) -> int:
    """Set one cell of the row whose first column is row_id; returns its row number (header = row 1)."""
    path = data_dir / file
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    index = next(i for i, row in enumerate(rows) if i > 0 and row[0] == row_id)
    rows[index][header.index(field)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return index + 1


# --- the real package ---------------------------------------------------------------------------


def test_real_package_has_the_expected_tables(tables):
    assert {"sources", "events", "shell_estimates"} <= set(tables)
    assert len(tables["events"]) >= 15
    assert len(tables["shell_estimates"]) == 4


def test_columns_are_typed(tables):
    events, shells = tables["events"], tables["shell_estimates"]
    assert pd.api.types.is_datetime64_any_dtype(events["date"])
    assert pd.api.types.is_datetime64_any_dtype(events["date_end"])
    assert isinstance(events["category"].dtype, pd.CategoricalDtype)
    assert list(events["category"].cat.categories)[:2] == ["earlier-treaty", "diplomacy"]
    for column in ["containers_low", "containers_high", "shells_low", "shells_high"]:
        assert shells[column].dtype == "Int64"
    # "more than" estimates have a lower bound only; "up to" estimates an upper bound only.
    assert shells["shells_low"].isna().sum() == 2 and shells["shells_high"].isna().sum() == 2


def test_key_dates_match_the_source_pack(tables):
    dates = tables["events"].set_index("event_id")["date"].dt.strftime("%Y-%m-%d")
    assert dates["treaty-signed"] == "2024-06-19"
    assert dates["duma-ratifies"] == "2024-10-24"
    assert dates["federation-council-approves"] == "2024-11-06"
    assert dates["putin-signs-law"] == "2024-11-09"
    assert dates["kim-signs-decree"] == "2024-11-11"
    assert dates["entry-into-force"] == "2024-12-04"
    assert dates["nis-first-deployment-report"] == "2024-10-18"


def test_disputed_dates_are_ranges_with_explanations(tables):
    events = tables["events"]
    disputed = events[events["status"] == "disputed"]
    assert "ussr-dprk-treaty-ended" in set(disputed["event_id"])
    assert disputed["date_end"].notna().all(), "a disputed date is stored as a range, not one date"
    assert (disputed["note"].str.len() > 40).all(), "a disputed row explains who says what"
    assert disputed["other_sources"].map(split_sources).map(len).ge(1).all()


def test_sources_table_and_references_bib_agree_both_ways(tables):
    """Every key a row cites is a sources.key; sources.csv and references.bib hold the same keys.

    (The loader itself enforces sources.csv -> references.bib; the other direction makes sure every
    reference in the book has a reliability rating in sources.csv.)
    """
    sources = set(tables["sources"]["key"])
    cited = set()
    for table in tables.values():
        if "source" in table.columns:
            cited |= set(table["source"].dropna())
        if "other_sources" in table.columns:
            cited |= {key for cell in table["other_sources"] for key in split_sources(cell)}
    assert cited <= sources
    in_bib = bib_keys(ROOT / "references.bib")
    assert sources - in_bib == set(), "sources.csv keys missing from references.bib"
    assert in_bib - sources == set(), "references.bib keys without a row (and reliability) in data/sources.csv"


def test_load_table_returns_one_table_and_rejects_unknown_names():
    assert list(load_table("sources", ROOT / "data").columns) == ["key", "publisher", "description", "reliability", "kind"]
    with pytest.raises(KeyError, match="shell_estimates"):
        load_table("no_such_table", ROOT / "data")


# --- finding data/ ------------------------------------------------------------------------------


def test_data_dir_is_found_searching_upward_from_the_working_directory(tmp_path, monkeypatch):
    data_dir = copy_package(tmp_path)
    nested = tmp_path / "chapters" / "01-context"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    assert find_data_dir().resolve() == data_dir.resolve()
    assert len(load_table("events")) >= 15


def test_data_dir_falls_back_to_the_source_checkout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # nothing above tmp_path has a data/datapackage.json
    assert find_data_dir().resolve() == (ROOT / "data").resolve()


# --- malformed data -----------------------------------------------------------------------------

MALFORMED = [
    # (what is wrong, file, row id, field, new value, text the message must contain)
    ("missing source", "events.csv", "entry-into-force", "source", "", "a value is required"),
    ("bad date", "events.csv", "duma-ratifies", "date", "2024-10-32", "'2024-10-32' is not a valid date"),
    ("unknown enum", "events.csv", "rutte-kursk", "category", "rumour", "'rumour' is not one of"),
    ("dangling foreign key", "events.csv", "austin-evidence", "source", "nobody2024x", "'nobody2024x' is not a sources.key"),
    ("dangling other source", "events.csv", "treaty-signed", "other_sources", "kcna2024treaty;ghost2024x", "'ghost2024x' is not a sources.key"),
    ("bad reliability", "sources.csv", "kbs2024nis", "reliability", "VERY HIGH", "'VERY HIGH' is not one of"),
    ("not an integer", "shell_estimates.csv", "dia-2024-08", "containers_low", "13k", "'13k' is not a valid integer"),
    ("duplicate key", "events.csv", "dprk-acknowledges", "event_id", "russia-acknowledges", "duplicate primary key"),
]


@pytest.mark.parametrize("case", MALFORMED, ids=[case[0] for case in MALFORMED])
def test_malformed_cell_fails_naming_file_row_and_field(tmp_path, case):
    _, file, row_id, field, value, expected = case
    data_dir = copy_package(tmp_path)
    row = set_cell(data_dir, file, row_id, field, value)
    with pytest.raises(DataValidationError) as raised:
        load_package(data_dir)
    message = str(raised.value)
    assert f"{file}, row {row}, field '{field}': {expected}" in message
    assert len(raised.value.problems) == 1, message


def test_source_missing_from_references_bib_fails(tmp_path):
    data_dir = copy_package(tmp_path)
    bib = tmp_path / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("@misc{ap2024rutte,", "@misc{renamed2024,"), encoding="utf-8")
    with open(data_dir / "sources.csv", encoding="utf-8") as handle:
        row = next(i for i, line in enumerate(handle, start=1) if line.startswith("ap2024rutte,"))
    with pytest.raises(DataValidationError) as raised:
        load_package(data_dir)
    assert f"sources.csv, row {row}, field 'key': 'ap2024rutte' is not a key in" in str(raised.value)
    assert "references.bib" in str(raised.value)


def some_aggregator_key() -> str:
    with open(ROOT / "data" / "sources.csv", encoding="utf-8", newline="") as handle:
        return next(row["key"] for row in csv.DictReader(handle) if row["kind"] == "aggregator")


def test_a_row_resting_on_an_aggregator_alone_fails_naming_file_row_and_field(tmp_path):
    data_dir = copy_package(tmp_path)
    copy = some_aggregator_key()
    set_cell(data_dir, "events.csv", "treaty-signed", "other_sources", "")
    row = set_cell(data_dir, "events.csv", "treaty-signed", "source", copy)
    with pytest.raises(DataValidationError) as raised:
        load_package(data_dir)
    assert f"events.csv, row {row}, field 'source': rests on aggregator copies alone ({copy})" in str(raised.value)
    assert len(raised.value.problems) == 1


def test_an_aggregator_beside_an_independent_source_is_allowed(tmp_path):
    data_dir = copy_package(tmp_path)
    set_cell(data_dir, "events.csv", "treaty-signed", "other_sources", "kcna2024treaty")
    set_cell(data_dir, "events.csv", "treaty-signed", "source", some_aggregator_key())
    assert "events" in load_package(data_dir)


def test_every_problem_is_listed_not_just_the_first(tmp_path):
    data_dir = copy_package(tmp_path)
    date_row = set_cell(data_dir, "events.csv", "kim-signs-decree", "date", "11/11/2024")
    enum_row = set_cell(data_dir, "shell_estimates.csv", "shin-2024-02", "method", "counted")
    with pytest.raises(DataValidationError) as raised:
        load_package(data_dir)
    message = str(raised.value)
    assert message.startswith("2 problem(s)")
    assert f"events.csv, row {date_row}, field 'date'" in message
    assert f"shell_estimates.csv, row {enum_row}, field 'method'" in message


def test_broken_descriptor_fails_with_the_descriptor_named(tmp_path):
    data_dir = copy_package(tmp_path)
    (data_dir / "datapackage.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(DataValidationError, match="datapackage.json"):
        load_package(data_dir)


# --- how current the data are (as_of) ---------------------------------------------------------------


def test_currency_sentence_names_both_dates_and_what_is_not_covered():
    from treaty_toolkit.data import currency

    current = currency(ROOT / "data")
    assert current.sources_checked >= current.account_current_to
    sentence = current.sentence()
    assert sentence.startswith(f"Account current to {current.account_current_to.day} ")
    assert "sources checked" in sentence and "are not covered" in sentence
    korean = current.sentence("ko")
    date = current.account_current_to
    assert f"{date.year}년 {date.month}월 {date.day}일까지" in korean and "다루지 않습니다" in korean


def test_a_row_dated_after_the_as_of_date_fails_naming_file_row_and_field(tmp_path):
    data_dir = copy_package(tmp_path)
    row = set_cell(data_dir, "events.csv", "treaty-signed", "date", "2099-01-01")
    with pytest.raises(DataValidationError) as raised:
        load_package(data_dir)
    assert f"events.csv, row {row}, field 'date': 2099-01-01 is after the as-of date" in str(raised.value)


def test_a_missing_as_of_entry_fails(tmp_path):
    import json

    data_dir = copy_package(tmp_path)
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    del descriptor["as_of"]
    (data_dir / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    with pytest.raises(DataValidationError, match="field 'as_of': missing"):
        load_package(data_dir)


def test_every_chapter_page_and_the_intro_show_the_as_of_note():
    pages = [ROOT / "intro.md", *sorted((ROOT / "chapters").glob("*/index.md")),
             ROOT / "chapters" / "perspectives.md", ROOT / "chapters" / "01-context" / "since-entry-into-force.md"]
    missing = [str(p.relative_to(ROOT)) for p in pages if "```{as-of}" not in p.read_text(encoding="utf-8")]
    assert not missing, f"pages without the as-of note: {missing}"


def test_the_built_pages_say_how_current_they_are(built_book):
    from treaty_toolkit.data import currency

    sentence = currency(ROOT / "data").sentence()
    pages = ["intro.html", *[p.relative_to(ROOT).with_suffix(".html").as_posix()
                             for p in sorted((ROOT / "chapters").glob("*/index.md"))]]
    missing = [page for page in pages if sentence not in (built_book / page).read_text(encoding="utf-8")]
    assert not missing, f"built pages without '{sentence}': {missing}"


# --- the treaty's articles ------------------------------------------------------------------------------


def test_the_articles_table_covers_the_preamble_and_all_23_articles(tables):
    articles = tables["treaty_articles"]
    assert list(articles["article"]) == list(range(24))
    assert articles.loc[articles["article"] == 0, "label"].item() == "Preamble"
    held = articles[articles["known_as"] != "not established"]
    assert held["content"].notna().all() and held["topic"].notna().all() and held["confidence"].notna().all()
    assert (held["tie"] != "none").all()
    missing = articles[articles["known_as"] == "not established"]
    assert missing["content"].isna().all() and missing["topic"].isna().all() and (missing["tie"] == "none").all()


def test_verbatim_wording_marks_gaps_and_is_never_a_summary(tables):
    articles = tables["treaty_articles"]
    verbatim = articles[articles["known_as"] == "verbatim"]
    assert not verbatim["content"].str.startswith("Summary").any()
    assert verbatim["language"].notna().all(), "verbatim wording must say whose text or translation it is"
