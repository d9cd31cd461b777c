"""The explorer's scenario sources, drawn by its script, are author–year links to bibliography entries."""

from __future__ import annotations

import posixpath

import pytest
from bs4 import BeautifulSoup

from treaty_toolkit import references
from treaty_toolkit import scenarios as sc
from treaty_toolkit.cited import keys_of

pytestmark = pytest.mark.browser

PAGE = "chapters/03-article4/explorer.html"
SOURCES = "#art4-explorer [data-role=scenario] .art4-rationale"
WITH_SOURCES = [row["id"] for row in sc.load_scenarios().to_dict("records") if row["source"]]


@pytest.fixture(scope="module")
def entry_labels(built_book):
    """Each built page's bibliography entries, read from the HTML on first use: page -> {id: label}."""
    pages = {}

    def labels_on(page):
        if page not in pages:
            soup = BeautifulSoup((built_book / page).read_text(encoding="utf-8"), "html.parser")
            pages[page] = {entry["id"]: entry.select_one("span.label").get_text().strip("[]")
                           for entry in soup.select("div.citation[id]")}
        return pages[page]

    return labels_on


@pytest.mark.parametrize("scenario_id", WITH_SOURCES)
def test_each_source_links_to_its_entry(tabs, book_server, entry_labels, scenario_id):
    with tabs.lend() as (page, log):
        page.goto(book_server + PAGE)
        page.select_option("#art4-explorer-scenario", scenario_id)
        row = sc.scenario_by_id(sc.load_scenarios(), scenario_id)
        keys = [row["source"], *keys_of(row["other_sources"])]
        labels = references.labels()
        links = page.locator(f"{SOURCES} a.reference.internal")
        assert links.all_inner_texts() == [labels[key] for key in keys]
        assert page.locator(f"{SOURCES} [data-cite]").count() == 0  # every label became a link
        # Each link's target, as the browser resolves it against the page, is an entry with that label.
        targets = links.evaluate_all("links => links.map(a => a.href)")
        for target, label in zip(targets, [labels[key] for key in keys], strict=True):
            path, _, fragment = target.removeprefix(book_server).partition("#")
            assert entry_labels(posixpath.normpath(path)).get(fragment) == label, target
        assert not log.page_errors and not log.blocked_requests
