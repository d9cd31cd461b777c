"""Citations in the book's own text: no claim rests on aggregator copies alone.

The data package enforces the same rule row by row (``treaty_toolkit.data``); this test reads every page
in the table of contents (Markdown and notebook cells) and every citation group in it.
"""

from __future__ import annotations

import re

import pytest

from treaty_toolkit import project
from treaty_toolkit.alignment import page_text
from treaty_toolkit.data import load_table

ROOT = project.CHECKOUT
CITATION = re.compile(r"\{cite:[a-z]+\}`([^`]+)`")


def kinds() -> dict[str, str]:
    return load_table("sources", ROOT / project.DATA_DIR).set_index("key")["kind"].astype(str).to_dict()


def bare(key: str, known: dict[str, str]) -> str:
    """A key without the reference list's keyprefix (``japan-jiji2024hayashi`` -> ``jiji2024hayashi``)."""
    return key if key in known else key.split("-", 1)[-1]


def aggregator_only_groups(text: str, known: dict[str, str]) -> list[str]:
    groups = []
    for match in CITATION.finditer(text):
        keys = [bare(key.strip(), known) for key in match.group(1).split(",")]
        if all(known.get(key) == "aggregator" for key in keys):
            groups.append(match.group(0))
    return groups


PAGES = [doc for doc in project.toc_docnames(ROOT) if project.page_source(ROOT, doc)]


@pytest.mark.parametrize("doc", PAGES)
def test_no_citation_rests_on_aggregators_alone(doc):
    known = kinds()
    assert aggregator_only_groups(page_text(project.page_source(ROOT, doc)), known) == []


def test_the_check_finds_an_aggregator_only_group_and_accepts_one_beside_an_original():
    known = kinds()
    copy = next(key for key, kind in known.items() if kind == "aggregator")
    original = next(key for key, kind in known.items() if kind == "official")
    text = f"One {{cite:p}}`usa-{copy}`. Two {{cite:t}}`{original},{copy}`."
    assert aggregator_only_groups(text, known) == [f"{{cite:p}}`usa-{copy}`"]
