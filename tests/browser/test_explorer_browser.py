"""The static scenario explorer in the built book: what it shows matches the Python engine.

Run against a build: BOOK_HTML=/path/to/_build/html pytest tests/browser/test_explorer_browser.py
"""

from __future__ import annotations

import re

import pytest
from conftest import AXE  # tests/browser/conftest.py (pytest puts this folder on sys.path)
from page_visits import AXE_TAGS, SETTLE

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


def test_fits_a_phone_screen(tabs, book_server):
    with tabs.lend(viewport={"width": 375, "height": 812}) as (page, log):
        page.goto(book_server + PAGE)
        explorer_width = page.evaluate(f"document.querySelector('{ROOT}').scrollWidth")
        content_width = page.evaluate(f"document.querySelector('{ROOT}').clientWidth")
        assert explorer_width <= content_width
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        assert not (log.page_errors or log.blocked_requests)


# --- reading it: at a desktop and a phone size, in light and dark mode --------------------------------------

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
MODES = ("light", "dark")


@pytest.fixture(params=[(size, mode) for size in VIEWPORTS for mode in MODES], ids=lambda p: f"{p[0]}-{p[1]}")
def explorer_page(request, tabs, book_server):
    """The explorer page at one size in one colour mode (the theme follows the system's, default_mode auto)."""
    size, mode = request.param
    with tabs.lend(viewport=VIEWPORTS[size], color_scheme=mode) as (page, log):
        page.goto(book_server + PAGE)
        assert page.get_attribute("html", "data-theme") == mode
        yield page, log


# Where the one-line summary is on the screen, and whether it is the element seen at its centre
# (not hidden behind the theme's sticky header or anything else).
SUMMARY_ON_SCREEN = """(root) => {
  const status = document.querySelector(root + ' [data-role=status]');
  const box = status.getBoundingClientRect();
  const seen = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {top: box.top, bottom: box.bottom, height: innerHeight, seen: status.contains(seen) || !!(seen && seen.contains(status))};
}"""


def expected_summary(scenarios, scenario_id, interpretation) -> str:
    results = sc.evaluate(sc.scenario_by_id(scenarios, scenario_id), interpretation)
    return f"{sum(r.triggered for r in results)} of {len(results)} obligations triggered"


def test_explorer_comes_first_on_its_page(explorer_page):
    page, _ = explorer_page
    # Before the explorer, the article holds its title and at most one short paragraph.
    before = page.evaluate(f"""() => {{
      const explorer = document.querySelector('{ROOT}');
      return [...document.querySelectorAll('article :is(h1, h2, h3, p, table, img, ul, ol, details, pre)')]
        .filter(el => el.compareDocumentPosition(explorer) & Node.DOCUMENT_POSITION_FOLLOWING && !el.contains(explorer))
        .map(el => [el.tagName, el.textContent.trim().length]);
    }}""")
    assert [tag for tag, _ in before] in (["H1"], ["H1", "P"]), before
    assert all(length <= 300 for tag, length in before if tag == "P"), before
    # ... so the scenario picker is on the first screen.
    picker = page.locator(f"{ROOT}-scenario").bounding_box()
    assert picker["y"] + picker["height"] <= page.viewport_size["height"], picker


def test_result_is_in_view_after_each_change(explorer_page, scenarios):
    page, log = explorer_page
    state = {"scenario": "kursk-2024", "readings": sc.uniform("strict")}
    changes = [("scenario", "crimea-strike"), *((condition, "broad") for condition in sc.CONDITIONS),
               ("preset", "strict"), ("scenario", "korea-dprk-provocation"), ("preset", "broad")]
    for control, value in changes:
        if control == "scenario":
            page.select_option(f"{ROOT}-scenario", value)  # scrolls the picker into view first, as a reader would
            state["scenario"] = value
        elif control == "preset":
            page.click(f"{ROOT} button[data-preset={value}]")
            state["readings"] = sc.uniform(value)
        else:
            page.click(f"label[for='{ROOT[1:]}-{control}-{value}']")
            state["readings"] = {**state["readings"], control: value}
        where = page.evaluate(SUMMARY_ON_SCREEN, ROOT)
        assert where["top"] >= 0 and where["bottom"] <= where["height"] and where["seen"], (control, value, where)
        text = page.locator(f"{ROOT} [data-role=status]").inner_text()
        assert text.startswith(expected_summary(scenarios, state["scenario"], state["readings"])), (control, value, text)
    assert not (log.console_errors or log.page_errors or log.blocked_requests or log.failed_requests), log


def test_explorer_is_axe_clean(explorer_page):
    page, _ = explorer_page
    page.add_script_tag(path=str(AXE))
    for step in ("as loaded", "after changes"):
        if step == "after changes":  # a result with triggered obligations and broad readings
            page.select_option(f"{ROOT}-scenario", "baltic-clash")
            page.click(f"{ROOT} button[data-preset=broad]")
            page.evaluate(f"document.querySelectorAll('{ROOT} details').forEach(d => d.open = true)")
        violations = page.evaluate(RUN_AXE_ON, {"tags": AXE_TAGS, "include": ROOT})
        assert not violations, (step, violations)


RUN_AXE_ON = """async ({tags, include}) => {""" + SETTLE + """
  const result = await axe.run({include: [include]}, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => ({id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
}"""


def test_every_control_has_a_label_and_a_description(offline_page, book_server):
    page, _ = offline_page
    page.goto(book_server + PAGE)
    controls = page.evaluate(f"""() => [...document.querySelectorAll('{ROOT} :is(input, select, button, fieldset)')].map(el => ({{
      id: el.id || el.outerHTML.slice(0, 80),
      label: el.tagName === 'FIELDSET' ? el.querySelector('legend').innerText
           : el.tagName === 'BUTTON' ? el.innerText : [...el.labels].map(l => l.innerText).join(' '),
      description: (el.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean)
          .map(id => (document.getElementById(id) || {{innerText: ''}}).innerText).join(' '),
    }}))""")
    assert len(controls) == 1 + 2 + len(sc.CONDITIONS) * 3  # picker, presets, a group and two readings per condition
    for control in controls:
        assert len(control["label"].split()) >= 2 or control["id"].endswith("-scenario"), control  # "Strict: ground invasion"
        assert len(control["description"].split()) >= 5, control  # a sentence, not a code


# Machine forms a student should not have to read: ISO dates and snake_case or kebab-case ids.
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
SNAKE_CASE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")


@pytest.mark.parametrize("reading", ["strict", "broad"])
def test_visible_text_has_no_iso_dates_or_ids(offline_page, book_server, scenarios, reading):
    page, _ = offline_page
    page.goto(book_server + PAGE)
    ids = list(scenarios["id"])  # kebab-case; the conditions' ids with an underscore are snake_case
    page.click(f"{ROOT} button[data-preset={reading}]")
    for scenario_id in scenarios["id"]:
        page.select_option(f"{ROOT}-scenario", scenario_id)
        page.evaluate(f"document.querySelectorAll('{ROOT} details').forEach(d => d.open = true)")
        text = page.locator(ROOT).inner_text()
        assert not ISO_DATE.findall(text), (scenario_id, ISO_DATE.findall(text))
        assert not SNAKE_CASE.findall(text), (scenario_id, SNAKE_CASE.findall(text))
        assert not [i for i in ids if re.search(rf"\b{re.escape(i)}\b", text)], scenario_id
