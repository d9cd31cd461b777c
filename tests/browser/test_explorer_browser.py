"""The static scenario explorer in the built book: what it shows matches the Python engine.

Run against a build: BOOK_HTML=/path/to/_build/html pytest tests/browser/test_explorer_browser.py
"""

from __future__ import annotations

import pytest
from conftest import open_offline_page  # tests/browser/conftest.py (pytest puts this folder on sys.path)

from treaty_toolkit import scenarios as sc

pytestmark = pytest.mark.browser

PAGE = "chapters/03-article4/explorer.html"
ROOT = "#art4-explorer"

# (scenario, readings that differ from all-strict): a few combinations across both parties.
COMBINATIONS = [
    ("kursk-2024", {}),
    ("kursk-2024", {"state_of_war": "broad", "self_defence": "broad"}),
    ("crimea-strike", {"territory": "broad", "armed_invasion": "broad", "state_of_war": "broad", "self_defence": "broad"}),
    ("korea-dprk-provocation", {"armed_invasion": "broad", "state_of_war": "broad"}),
    ("us-strike-nuclear", {"armed_invasion": "broad", "national_law": "broad"}),
    ("dmz-buildup", {"territory": "broad"}),
]


@pytest.fixture(scope="module")
def scenarios():
    return sc.load_scenarios()


def choose(page, scenario_id, readings):
    page.select_option(f"{ROOT}-scenario", scenario_id)
    for condition in sc.CONDITIONS:
        page.check(f"{ROOT}-{condition}-{readings.get(condition, 'strict')}")


def shown_obligations(page) -> dict[str, bool]:
    cards = page.locator(f"{ROOT} [data-role=result] [data-obligation]")
    return {
        cards.nth(i).get_attribute("data-obligation"): cards.nth(i).get_attribute("data-triggered") == "true"
        for i in range(cards.count())
    }


@pytest.mark.parametrize(("scenario_id", "changes"), COMBINATIONS)
def test_shown_result_matches_engine(offline_page, book_server, scenarios, scenario_id, changes):
    page, log = offline_page
    page.goto(book_server + PAGE)
    interpretation = {**sc.uniform("strict"), **changes}
    choose(page, scenario_id, interpretation)

    expected = {r.obligation: r.triggered for r in sc.evaluate(sc.scenario_by_id(scenarios, scenario_id), interpretation)}
    assert shown_obligations(page) == expected
    assert page.get_attribute(ROOT, "data-shown") == f"{scenario_id}:{sc.interpretation_key(interpretation)}"
    # Status is spelled out, not only coloured.
    for obligation, triggered in expected.items():
        card = page.locator(f'{ROOT} [data-obligation="{obligation}"] .art4-status')
        assert card.inner_text().strip().endswith("Not triggered" if not triggered else "Triggered")
    assert not (log.console_errors or log.page_errors or log.blocked_requests or log.failed_requests), log


def test_preset_buttons_and_live_region(offline_page, book_server, scenarios):
    page, _ = offline_page
    page.goto(book_server + PAGE)
    page.select_option(f"{ROOT}-scenario", "baltic-clash")
    page.click(f"{ROOT} button[data-preset=broad]")
    expected = {r.obligation: r.triggered for r in sc.evaluate(sc.scenario_by_id(scenarios, "baltic-clash"), sc.uniform("broad"))}
    assert shown_obligations(page) == expected
    assert page.locator(f"{ROOT} [aria-live=polite]").count() == 1
    assert "NATO Article 5: ✔ trigger met" in page.locator(f"{ROOT} [data-role=scenario]").text_content()


def test_keyboard_only_changes_the_result(offline_page, book_server):
    page, _ = offline_page
    page.goto(book_server + PAGE)
    page.focus(f"{ROOT}-state_of_war-strict")
    page.keyboard.press("ArrowDown")  # moves to and selects the "broad" radio
    assert page.is_checked(f"{ROOT}-state_of_war-broad")
    assert page.get_attribute(ROOT, "data-shown").endswith(":ssbss")


def test_fits_a_phone_screen(browser, book_server):
    context, page, log = open_offline_page(browser, viewport={"width": 375, "height": 812})
    try:
        page.goto(book_server + PAGE)
        explorer_width = page.evaluate(f"document.querySelector('{ROOT}').scrollWidth")
        content_width = page.evaluate(f"document.querySelector('{ROOT}').clientWidth")
        assert explorer_width <= content_width
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        assert not (log.page_errors or log.blocked_requests)
    finally:
        context.close()
