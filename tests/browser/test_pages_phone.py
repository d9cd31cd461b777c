"""Every page in the table of contents on a phone, in dark mode, with the network cut off."""

from __future__ import annotations

import pytest
from page_visits import PHONE, _report, visit

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def phone_visits(browser, book_server, toc_pages):
    # Dark mode here so both colour schemes meet the contrast rules.
    return [visit(browser, book_server, name, viewport=PHONE, color_scheme="dark", is_mobile=True, has_touch=True)
            for name in toc_pages]


def test_pages_load_offline_without_errors_on_a_phone(phone_visits):
    problems = {v.page: vars(v.log) for v in phone_visits if any(vars(v.log).values())}
    assert not problems, _report(problems)


def test_no_serious_accessibility_violations_on_a_phone_in_dark_mode(phone_visits):
    problems = {v.page: v.serious_violations() for v in phone_visits if v.serious_violations()}
    assert not problems, "axe-core serious/critical violations (phone, dark):\n" + _report(problems)


def test_no_horizontal_overflow_on_a_phone(phone_visits):
    problems = {v.page: f"{v.facts['overflowPx']}px wider than the screen" for v in phone_visits
                if v.facts["overflowPx"] > 1}
    assert not problems, _report(problems)
