"""The Article 4 scenario explorer: a live widget and a static, kernel-free HTML version.

One renderer (:func:`render_result`) turns the rule engine's answer into HTML. The live widget puts
that HTML into an ``ipywidgets.HTML`` value (not a ``print`` into an Output, which stays empty when
the notebook runs headless). The static version precomputes every scenario × interpretation in
Python, stores the rendered blocks as JSON in the page, and a small vanilla script
(``explorer.js`` beside this file, inlined with ``explorer.css``) only looks up and swaps them: all the reasoning stays in Python.

In a notebook::

    from treaty_toolkit.explorer import explorer; explorer()
"""

from __future__ import annotations

import json
from functools import lru_cache
from html import escape
from pathlib import Path

import pandas as pd

from treaty_toolkit import scenarios as sc

DEFAULT_ID = "art4-explorer"
# Names of the conditions that are facts, not readings (the others come from treaty_conditions.csv).
FACT_NAMES = {"party_attacked": "Party attacked", "party_threatened": "Party threatened", "trigger": "Trigger"}
# Symbols and words, so colour is never the only signal.
MARKS = {True: ("✔", "met"), False: ("✘", "not met"), None: ("➜", "shapes the response")}


@lru_cache(maxsize=1)
def _asset(name: str) -> str:
    return (Path(__file__).resolve().parent / name).read_text(encoding="utf-8")


# --- rendering (shared by the widget and the static page) ------------------------------------------


def _texts(conditions) -> dict[str, dict]:
    """The rows of treaty_conditions.csv keyed by condition id (accepts the DataFrame or this dict)."""
    if isinstance(conditions, dict):
        return conditions
    return {row["condition"]: row for row in conditions.to_dict("records")}


def _reading_label(texts: dict[str, dict], condition: str, reading: str | None) -> str:
    if reading is None:
        return "fact"
    return f"{reading} reading: {texts[condition][f'{reading}_label']}"


def obligation_parts(result: sc.ObligationResult, conditions: pd.DataFrame | dict) -> list[str]:
    """The HTML of one obligation, in pieces (head, one per condition, tail) so the static page can
    store each distinct piece once."""
    texts = _texts(conditions)
    names = {**FACT_NAMES, **{c: row["name"] for c, row in texts.items()}}
    status = "yes" if result.triggered else "no"
    mark, word = ("✔", "Triggered") if result.triggered else ("✘", "Not triggered")
    head = (
        f'<div class="art4-obligation art4-{status}" data-obligation="{escape(result.obligation)}" '
        f'data-triggered="{str(result.triggered).lower()}">'
        f'<p class="art4-obligation-title"><strong>{escape(result.label)}</strong>: '
        f'<span class="art4-status"><span aria-hidden="true">{mark}</span> {word}</span></p>'
        f'<p class="art4-response">{escape(result.response)}</p><ul class="art4-conditions">'
    )
    items = []
    for cond in result.conditions:
        if cond.explanation.startswith("Not assessed"):
            continue  # the party is not involved: the first (fact) line already says why
        symbol, met_word = MARKS[cond.met]
        items.append(
            f'<li class="art4-cond art4-cond-{met_word.split()[0]}">'
            f'<span class="art4-mark" aria-hidden="true">{symbol}</span> '
            f"<strong>{escape(names[cond.condition])}</strong> "
            f'<span class="art4-reading">({escape(_reading_label(texts, cond.condition, cond.reading))})</span>: '
            f"<em>{met_word}</em>. {escape(cond.explanation)}</li>"
        )
    return [head, *items, "</ul></div>"]


def render_obligation(result: sc.ObligationResult, conditions: pd.DataFrame | dict) -> str:
    return "".join(obligation_parts(result, conditions))


def render_summary(results: list[sc.ObligationResult]) -> str:
    hits = [r.label for r in results if r.triggered]
    listed = "; ".join(hits) if hits else "none"
    return (
        f'<p class="art4-summary"><strong>{len(hits)} of {len(results)} obligations triggered</strong>: '
        f"{escape(listed)}.</p>"
    )


def render_result(scenario: dict, interpretation: dict, conditions: pd.DataFrame | dict) -> str:
    results = sc.evaluate(scenario, interpretation)
    return render_summary(results) + "".join(render_obligation(r, conditions) for r in results)


def render_scenario(scenario: dict) -> str:
    """What happens, whether it is real or hypothetical, its sources, and other alliances' triggers."""
    kind = "Real event" if scenario["kind"] == "real" else "Hypothetical teaching case"
    if scenario["kind"] == "real" and scenario.get("event_date"):
        kind += f", from {pd.Timestamp(scenario['event_date']).date().isoformat()}"
    keys = [scenario["source"], *sc_split(scenario.get("other_sources", ""))]
    keys = [k for k in keys if k]
    sources = f' Sources (see the bibliography): {escape(", ".join(keys))}.' if keys else ""
    others = "".join(
        f'<li><strong>{escape(r.label)}</strong>: {"✔ trigger met" if r.triggered else "✘ trigger not met"}. '
        f"{escape(r.conditions[0].explanation)}{(' ' + escape(r.response)) if r.triggered else ''}</li>"
        for r in sc.other_treaties(scenario)
    )
    return (
        f'<p class="art4-kind"><strong>{escape(kind)}.</strong> {escape(scenario["description"])}</p>'
        f'<p class="art4-rationale">{escape(scenario["rationale"])}{sources}</p>'
        f'<details class="art4-others"><summary>Other alliances (first attack only)</summary><ul>{others}</ul></details>'
    )


def sc_split(cell: str) -> list[str]:
    return [key.strip() for key in str(cell or "").split(";") if key.strip()]


# --- the static (kernel-free) version --------------------------------------------------------------------


def precompute(scenarios: pd.DataFrame, conditions: pd.DataFrame) -> dict:
    """Every scenario × interpretation, rendered, stored compactly for the static page.

    ``outcomes[scenario][key]`` lists the pieces to show (indices into ``pieces``), where ``key`` is
    :func:`treaty_toolkit.scenarios.interpretation_key`. Each distinct piece of HTML is stored once.
    """
    conditions = _texts(conditions)  # look-ups by id, not DataFrame filters, inside the loops
    pieces: list[str] = []
    index: dict[str, int] = {}

    def piece(html: str) -> int:
        if html not in index:
            index[html] = len(pieces)
            pieces.append(html)
        return index[html]

    outcomes, infos = {}, {}
    for scenario in scenarios.to_dict("records"):
        infos[scenario["id"]] = render_scenario(scenario)
        outcomes[scenario["id"]] = {}
        for interpretation in sc.all_interpretations():
            results = sc.evaluate(scenario, interpretation)
            parts = [render_summary(results)]
            for result in results:
                parts += obligation_parts(result, conditions)
            outcomes[scenario["id"]][sc.interpretation_key(interpretation)] = [piece(p) for p in parts]
    return {"conditions": list(sc.CONDITIONS), "scenarios": infos, "outcomes": outcomes, "pieces": pieces}


def _controls(element_id: str, scenarios: pd.DataFrame, conditions: pd.DataFrame) -> str:
    options = "".join(
        f'<option value="{escape(s["id"])}">{escape(s["title"])}'
        f'{" (real)" if s["kind"] == "real" else ""}</option>'
        for s in scenarios.to_dict("records")
    )
    fieldsets = []
    for row in conditions.to_dict("records"):
        radios = []
        for reading in sc.READINGS:
            radio_id = f"{element_id}-{row['condition']}-{reading}"
            checked = " checked" if reading == "strict" else ""
            radios.append(
                f'<div class="art4-choice"><input type="radio" id="{radio_id}" name="{element_id}-{row["condition"]}" '
                f'value="{reading}"{checked}>'
                f'<label for="{radio_id}"><strong>{reading.capitalize()}</strong> ({escape(row[f"{reading}_label"])}): '
                f'{escape(row[f"{reading}_reading"])}</label></div>'
            )
        fieldsets.append(
            f'<fieldset class="art4-fieldset"><legend>{escape(row["name"])}: {escape(row["question"])}</legend>'
            f'<p class="art4-clause">{escape(row["clause"])}</p>{"".join(radios)}</fieldset>'
        )
    return (
        f'<div class="art4-pick"><label for="{element_id}-scenario">Scenario</label> '
        f'<select id="{element_id}-scenario" name="{element_id}-scenario">{options}</select></div>'
        f'<div class="art4-presets" hidden><button type="button" data-preset="strict">All strict</button> '
        f'<button type="button" data-preset="broad">All broad</button></div>'
        f'{"".join(fieldsets)}'
    )


def static_html(scenarios: pd.DataFrame, conditions: pd.DataFrame, element_id: str = DEFAULT_ID) -> str:
    """The self-contained explorer for the book: controls, precomputed JSON, inline CSS and JS.

    Deterministic (fixed ids, data in file order), so stored notebook outputs compare equal.
    The result shown before any script runs is the first scenario with every condition read strictly.
    """
    data = precompute(scenarios, conditions)
    first = scenarios.iloc[0].to_dict()
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return (
        f'<div class="art4-explorer" id="{element_id}" data-art4-explorer>'
        f'<style>{_asset("explorer.css")}</style>'
        f'<div class="art4-controls" role="group" aria-label="Scenario and readings">{_controls(element_id, scenarios, conditions)}</div>'
        f'<p class="art4-heading" id="{element_id}-result-heading"><strong>What the treaty requires</strong></p>'
        f'<div class="art4-scenario" data-role="scenario">{render_scenario(first)}</div>'
        f'<div class="art4-result" data-role="result" aria-live="polite" aria-labelledby="{element_id}-result-heading">'
        f'{render_result(first, sc.uniform("strict"), conditions)}</div>'
        f'<script type="application/json" data-role="outcomes">{payload}</script>'
        f"<script>{_asset('explorer.js')}</script></div>"
    )


# --- the live widget ------------------------------------------------------------------------------------------


def build_widget(scenarios: pd.DataFrame, conditions: pd.DataFrame):
    """ipywidgets version: a dropdown, one radio group per condition, and an HTML widget for the result."""
    import ipywidgets as widgets

    records = {s["id"]: s for s in scenarios.to_dict("records")}
    picker = widgets.Dropdown(
        options=[(s["title"], s["id"]) for s in records.values()], description="Scenario", style={"description_width": "initial"}
    )
    readings = {
        row["condition"]: widgets.RadioButtons(
            options=[(f"{r}: {row[f'{r}_label']}", r) for r in sc.READINGS],
            value="strict",
            description=row["name"],
            style={"description_width": "initial"},
        )
        for row in conditions.to_dict("records")
    }
    output = widgets.HTML()

    def update(_change=None):
        scenario = records[picker.value]
        interpretation = {c: w.value for c, w in readings.items()}
        output.value = (
            f'<style>{_asset("explorer.css")}</style><div class="art4-explorer">'
            f"{render_scenario(scenario)}{render_result(scenario, interpretation, conditions)}</div>"
        )

    for control in (picker, *readings.values()):
        control.observe(update, names="value")
    update()
    box = widgets.VBox([picker, *readings.values(), output])
    box.picker, box.readings, box.output = picker, readings, output  # handles for tests and notebooks
    return box


class Explorer:
    """Displays as the live widget in Jupyter and as the static HTML in the book (text/html)."""

    def __init__(self, scenarios: pd.DataFrame, conditions: pd.DataFrame, element_id: str = DEFAULT_ID):
        self.scenarios, self.conditions, self.element_id = scenarios, conditions, element_id

    def to_html(self) -> str:
        return static_html(self.scenarios, self.conditions, self.element_id)

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = dict(build_widget(self.scenarios, self.conditions)._repr_mimebundle_())
        bundle["text/html"] = self.to_html()
        bundle["text/plain"] = (
            f"Article 4 scenario explorer: {len(self.scenarios)} scenarios × "
            f"{len(sc.all_interpretations())} interpretations"
        )
        return bundle


def explorer(element_id: str = DEFAULT_ID) -> Explorer:
    """The explorer over ``data/scenarios.csv`` and ``data/treaty_conditions.csv``."""
    return Explorer(sc.load_scenarios(), sc.load_conditions(), element_id)
