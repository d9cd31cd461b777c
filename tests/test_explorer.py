"""The scenario explorer: static HTML (deterministic, accessible, offline) and the live widget."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import pytest

from treaty_toolkit import explorer as ex
from treaty_toolkit import scenarios as sc


@pytest.fixture(scope="module")
def scenarios():
    return sc.load_scenarios()


@pytest.fixture(scope="module")
def conditions():
    return sc.load_conditions()


@pytest.fixture(scope="module")
def page(scenarios, conditions):
    return ex.static_html(scenarios, conditions)


def embedded_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" data-role="outcomes">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_static_html_is_deterministic(scenarios, conditions, page):
    assert ex.static_html(scenarios, conditions) == page


def test_every_outcome_is_precomputed_and_matches_the_engine(scenarios, conditions, page):
    data = embedded_data(page)
    assert list(data["outcomes"]) == list(scenarios["id"])
    for scenario in scenarios.to_dict("records"):
        assert len(data["outcomes"][scenario["id"]]) == 32
        for interpretation in sc.all_interpretations():
            key = sc.interpretation_key(interpretation)
            shown = "".join(data["pieces"][i] for i in data["outcomes"][scenario["id"]][key])
            assert shown == ex.render_result(scenario, interpretation, conditions)
            for result in sc.evaluate(scenario, interpretation):
                assert f'data-obligation="{result.obligation}" data-triggered="{str(result.triggered).lower()}"' in shown


def test_result_shows_status_in_words_and_symbols_not_only_colour(scenarios, conditions):
    scenario = sc.scenario_by_id(scenarios, "korea-allied-offensive")
    html = ex.render_result(scenario, sc.uniform("strict"), conditions)
    assert "✔</span> Triggered" in html and "✘</span> Not triggered" in html
    assert "<em>met</em>" in html and "<em>not met</em>" in html


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.label_for, self.inputs, self.tags, self.urls = [], set(), [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "label" and "for" in attrs:
            self.label_for.add(attrs["for"])
        if tag in ("input", "select"):
            self.inputs.append(attrs)
        for name in ("src", "href"):
            if name in attrs:
                self.urls.append(attrs[name])


def test_controls_are_native_labelled_and_ids_unique(page):
    parsed = _Collector()
    parsed.feed(page)
    assert len(parsed.ids) == len(set(parsed.ids))
    radios = [i for i in parsed.inputs if i.get("type") == "radio"]
    assert len(radios) == 2 * len(sc.CONDITIONS)
    for control in parsed.inputs:
        assert control["id"] in parsed.label_for, control
    assert any(tag == "select" for tag, _ in parsed.tags)
    live = [attrs for _, attrs in parsed.tags if attrs.get("aria-live")]
    assert len(live) == 1 and live[0]["data-role"] == "status"  # the one-line summary, not every reason
    assert sum(tag == "fieldset" for tag, _ in parsed.tags) == len(sc.CONDITIONS)
    assert all(url.startswith("#") for url in parsed.urls)  # nothing loaded from anywhere: CSS and JS are inline


def test_every_control_is_described_in_words(page, conditions):
    parsed = _Collector()
    parsed.feed(page)
    controls = [attrs for tag, attrs in parsed.tags if tag in ("input", "select", "button", "fieldset")]
    assert len(controls) == 2 * len(sc.CONDITIONS) + 1 + 2 + len(sc.CONDITIONS)  # radios, picker, presets, groups
    for control in controls:
        described_by = control.get("aria-describedby", "").split()
        assert described_by and all(i in parsed.ids for i in described_by), control
    # Each reading's description is the sentence from data/treaty_conditions.csv, not its short label.
    for row in conditions.to_dict("records"):
        desc = re.search(rf'id="{ex.DEFAULT_ID}-{row["condition"]}-broad-desc">(.*?)</p>', page).group(1)
        assert desc == html.escape(row["broad_reading"])


def test_dates_read_as_dates(scenarios):
    kursk = ex.render_scenario(sc.scenario_by_id(scenarios, "kursk-2024"))
    assert "Real event, from 6 August 2024." in kursk
    assert not re.search(r"\d{4}-\d{2}-\d{2}", kursk)


def test_no_heading_tags_inside_the_output(page):
    # The explorer sits inside a notebook cell; its own headings could break the page's heading order.
    assert not re.search(r"<h[1-6][ >]", page)


def test_json_cannot_close_the_script_early(page):
    payload = re.search(r'data-role="outcomes">(.*?)</script>', page, re.S).group(1)
    assert "</" not in payload


def test_element_id_prefixes_every_id(scenarios, conditions):
    html = ex.static_html(scenarios, conditions, element_id="second")
    parsed = _Collector()
    parsed.feed(html)
    assert all(i.startswith("second") for i in parsed.ids)


def test_widget_updates_its_html_value(scenarios, conditions):
    box = ex.build_widget(scenarios, conditions)
    box.picker.value = "kursk-2024"
    assert 'data-obligation="art4-dprk-assists-russia" data-triggered="false"' in box.output.value
    for widget in box.readings.values():
        widget.value = "broad"
    assert 'data-obligation="art4-dprk-assists-russia" data-triggered="true"' in box.output.value
    expected = ex.render_result(sc.scenario_by_id(scenarios, "kursk-2024"), sc.uniform("broad"), conditions)
    assert expected in box.output.value


def test_mimebundle_carries_widget_and_static_html(scenarios, conditions):
    bundle = ex.Explorer(scenarios, conditions)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/html"] == ex.static_html(scenarios, conditions)
    assert bundle["text/plain"] == f"Article 4 scenario explorer: {len(scenarios)} scenarios × 32 interpretations"
