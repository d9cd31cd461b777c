"""Every page in the table of contents on a phone, in dark mode, with the network cut off.

Dark mode here so both colour schemes meet the contrast rules (test_pages.py is desktop, light).
"""

from __future__ import annotations

import pytest
from page_visits import PHONE, TOC_PAGES, report, visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page_name", TOC_PAGES)
def test_page_on_a_phone_in_dark_mode(tabs, book_server, page_name):
    v = visit(tabs, book_server, page_name, viewport=PHONE, color_scheme="dark", is_mobile=True, has_touch=True)
    overflow = v.facts["overflowPx"]
    problems = {
        "console errors, page errors, blocked or failed requests": v.load_problems(),
        "axe-core serious/critical violations (phone, dark)": v.serious_violations(),
        "wide tables and their scroll notes": v.wide_table_problems(),
        "horizontal overflow": f"{overflow}px wider than the screen" if overflow > 1 else "",
    }
    assert not any(problems.values()), report(page_name, problems)
