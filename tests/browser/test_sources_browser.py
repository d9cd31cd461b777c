"""The explorer's scenario sources, drawn by its script, are author–year links to bibliography entries."""

from __future__ import annotations

import pytest

from treaty_toolkit import references
from treaty_toolkit import scenarios as sc
from treaty_toolkit.cited import keys_of

pytestmark = pytest.mark.browser

PAGE = "chapters/03-article4/explorer.html"
SOURCES = "#art4-explorer [data-role=scenario] .art4-rationale"
WITH_SOURCES = [row["id"] for row in sc.load_scenarios().to_dict("records") if row["source"]]


@pytest.mark.parametrize("scenario_id", WITH_SOURCES)
def test_each_source_links_to_its_entry(tabs, book_server, scenario_id):
    with tabs.lend() as (page, log):
        page.goto(book_server + PAGE)
        page.select_option("#art4-explorer-scenario", scenario_id)
        row = sc.scenario_by_id(sc.load_scenarios(), scenario_id)
        keys = [row["source"], *keys_of(row["other_sources"])]
        labels = references.labels()
        links = page.locator(f"{SOURCES} a.reference.internal")
        assert links.all_inner_texts() == [labels[key] for key in keys]
        assert page.locator(f"{SOURCES} [data-cite]").count() == 0  # every label became a link
        for href, label in zip([links.nth(i).get_attribute("href") for i in range(links.count())],
                               [labels[key] for key in keys], strict=True):
            page.goto(book_server + "chapters/03-article4/" + href)
            entry = page.locator(f"div.citation[id='{href.split('#')[1]}'] span.label")
            assert entry.inner_text().strip("[]") == label
            page.go_back()
        assert not log.page_errors and not log.blocked_requests
