"""Chapter notebook pages show outputs made for people, not for pandas.

In the output areas of every chapter notebook page (exercise pages keep raw frames: students write
pandas there): tables have labelled columns and no bare 0, 1, 2, ... row numbers; headers are words, not
column ids; dates read "6 July 1961", not "1961-07-06"; no dtype listings and no raw Python dicts or lists.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
CHAPTER_PAGES = sorted(str(p.relative_to(ROOT).with_suffix(".html")) for p in ROOT.glob("chapters/*/*.ipynb"))

IDENTIFIER = re.compile(r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$")  # "date", "signed_year", "days-after"
SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")  # "commitment_id", "ussr_dprk_1961"
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
DTYPE_LISTING = re.compile(r"\bdtype: ?\w+|\bdatetime64\[|Non-Null Count|<class 'pandas\.")
RAW_CONTAINER = re.compile(r"\{'[^']*': |\['[^']*', '")  # {'key': ... or ['a', 'b'


def output_areas(html: str) -> list:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select("script, style, template"):
        hidden.decompose()
    return soup.select("div.cell_output")


def columns(table) -> list[tuple[str, list[str]]]:
    """(header, cells) per column of a simple table (the header row's cells over the body's)."""
    head = table.find("thead")
    header_rows = head.find_all("tr") if head else []
    body = [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
            for row in (table.find("tbody") or table).find_all("tr", recursive=False)]
    names = [cell.get_text(" ", strip=True) for cell in header_rows[-1].find_all(["th", "td"])] if header_rows else []
    width = max([len(names), *map(len, body)], default=0)
    names += [""] * (width - len(names))
    return [(names[n], [row[n] for row in body if n < len(row)]) for n in range(width)]


def problems(html: str) -> dict[str, list[str]]:
    """What each rule finds in a page's output areas (empty lists: the page is clean)."""
    found: dict[str, list[str]] = {"index column": [], "unnamed column": [], "identifier header": [],
                                   "snake_case id": [], "ISO date": [], "dtype listing": [], "raw dict or list": []}
    for area in output_areas(html):
        for table in area.find_all("table"):
            for name, cells in columns(table):
                if not name and cells == [str(n) for n in range(len(cells))]:
                    found["index column"].append(f"0..{len(cells) - 1}")
                elif not name:
                    found["unnamed column"].append(" | ".join(cells[:3]))
                elif IDENTIFIER.match(name):
                    found["identifier header"].append(name)
        text = area.get_text(" ")
        found["snake_case id"] += SNAKE_CASE.findall(text)
        found["ISO date"] += ISO_DATE.findall(text)
        found["dtype listing"] += DTYPE_LISTING.findall(text)
        found["raw dict or list"] += RAW_CONTAINER.findall(text)
    return found


def test_the_rules_catch_a_raw_pandas_table_and_pass_one_for_readers():
    raw = ('<div class="cell_output"><table><thead><tr><th></th><th>signed_year</th><th>date</th></tr></thead>'
           "<tbody><tr><th>0</th><td>1961</td><td>1961-07-06</td></tr><tr><th>1</th><td>2024</td><td>2024-06-19</td>"
           "</tr></tbody></table><pre>{'shared_words': 28}\ndate    datetime64[us]\ndtype: object</pre></div>")
    found = problems(raw)
    assert found["index column"] == ["0..1"]
    assert found["identifier header"] == ["signed_year", "date"]
    assert found["snake_case id"] == ["signed_year", "shared_words"]
    assert found["ISO date"] == ["1961-07-06", "2024-06-19"]
    assert found["dtype listing"] == ["datetime64[", "dtype: object"]
    assert found["raw dict or list"] == ["{'shared_words': "]
    clean = ('<div class="cell_output"><table><thead><tr><th>Signed</th><th>Date</th></tr></thead><tbody>'
             "<tr><td>1961</td><td>6 July 1961</td></tr></tbody></table></div>")
    assert not any(problems(clean).values())


@pytest.mark.parametrize("page", CHAPTER_PAGES)
def test_chapter_page_outputs_are_made_for_readers(built_book, page):
    found = problems((built_book / page).read_text(encoding="utf-8"))
    assert {rule: hits for rule, hits in found.items() if hits} == {}
