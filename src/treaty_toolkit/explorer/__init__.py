"""The Article 4 scenario explorer: a live widget and a static, kernel-free HTML version.

One renderer (:func:`render_result`) turns the rule engine's answer into HTML. The live widget puts
that HTML into an ``ipywidgets.HTML`` value (not a ``print`` into an Output, which stays empty when
the notebook runs headless). The static version precomputes every scenario × interpretation in
Python, stores the rendered blocks as JSON in the page, and a small vanilla script
(``explorer.js`` beside this file, inlined with ``explorer.css``) only looks up and swaps them: all the reasoning stays in Python.

In a notebook::

    from treaty_toolkit.explorer import explorer; explorer()

Languages: English, and Korean (``explorer(language="ko")``, the words in ``ko.yaml`` beside this file).
The rule engine gives each reason a key and its parameters (:data:`treaty_toolkit.scenarios.REASONS`);
the Korean table says the same by the same keys, and holds the Korean text of the scenarios and of the
conditions by their ids. Clause quotations in Korean are the Korean text as the data holds it.
"""

from __future__ import annotations

import json
import re
from functools import cache
from html import escape
from pathlib import Path

import pandas as pd
import yaml

from treaty_toolkit import scenarios as sc
from treaty_toolkit.cited import html_citation
from treaty_toolkit.style import day

DEFAULT_ID = "art4-explorer"
LANGUAGES = ("en", "ko")
# Names of the conditions that are facts, not readings (the others come from treaty_conditions.csv).
FACT_NAMES = {"party_attacked": "Party attacked", "party_threatened": "Party threatened", "trigger": "Trigger"}
# Symbols, and the class each state gets; the words come from the language's table (colour is never
# the only signal).
MARKS = {True: ("✔", "met"), False: ("✘", "not"), None: ("➜", "shapes")}
STATE_WORDS = {True: "met", False: "not_met", None: "shapes"}

# The interface's words in English; ko.yaml's `ui` has the same keys.
ENGLISH = {
    **FACT_NAMES,
    "met": "met", "not_met": "not met", "shapes": "shapes the response", "fact": "fact",
    "reading_label": "{reading} reading: {label}", "strict": "strict", "broad": "broad",
    "triggered": "Triggered", "not_triggered": "Not triggered",
    "summary": "{count} of {total} obligations triggered", "none": "none",
    "real": "Real event", "hypothetical": "Hypothetical teaching case", "real_from": "Real event, from {date}",
    "sources": " Sources: {sources}.", "trigger_met": "✔ trigger met", "trigger_not_met": "✘ trigger not met",
    "others": "Would other alliances be triggered? (the attack that starts the fighting only)",
    "real_events": "Real events", "hypothetical_cases": "Hypothetical teaching cases",
    "described": "{real} and {hypothetical}, made up to pull the conditions apart.",
    "scenario": "Scenario",
    "intro": "Each condition of Article 4 below has two readings: <strong>strict</strong> reads the words narrowly, "
             "so fewer cases count; <strong>broad</strong> reads them widely, so more do. The answer changes as you "
             "choose. Quotations are Yonhap's English translation of the Korean text and Interfax's of the Russian.",
    "all_strict": "All strict", "all_broad": "All broad",
    "presets": "Set every condition to the same reading at once.",
    "legend": "✔ met, ✘ not met, ➜ shapes how help is given. A <em>fact</em> is settled by the scenario; a "
              "<em>reading</em> is one you chose. Article 3 (talks when a party is threatened) is shown beside "
              "Article 4 for comparison.",
    "controls": "Scenario and readings", "why": "Why: see each condition",
    "requires": "What the treaty requires, and why", "about": "About this scenario",
    "plain": "Article 4 scenario explorer: {scenarios} scenarios × {interpretations} interpretations",
}
# What the English legend said before the tables existed (kept as a name: other modules read it).
LEGEND = ENGLISH["legend"]
# Korean sources of the explorer's clause quotations (the intro cites them).
KOREAN_CLAUSE_SOURCES = ("yonhap2024kotext",)


@cache
def _asset(name: str) -> str:
    return (Path(__file__).resolve().parent / name).read_text(encoding="utf-8")


@cache
def translation(language: str) -> dict:
    """The explorer's table for a language other than English (``<language>.yaml`` beside this file)."""
    if language not in LANGUAGES or language == "en":
        raise ValueError(f"No explorer translation for '{language}': use one of {', '.join(LANGUAGES[1:])}")
    return yaml.safe_load(_asset(f"{language}.yaml"))


_PARTICLE = re.compile(r"<(이/가|은/는|을/를|과/와|으로/로)>")


def _particles(text: str) -> str:
    """Resolve <이/가>-style markers by the last Hangul syllable before each (final consonant or not)."""
    def pick(match):
        word = re.sub(r"\([^()]*\)\s*$", "", text[:match.start()])  # a trailing aside does not take the particle
        before = [ch for ch in word if "\uac00" <= ch <= "\ud7a3"]
        with_final, without = match.group(1).split("/")
        if not before:
            return with_final
        final = (ord(before[-1]) - 0xAC00) % 28
        if with_final == "으로" and final == 8:  # ㄹ takes 로
            return without
        return with_final if final else without
    return _PARTICLE.sub(pick, text)


class Words:
    """What the explorer says in one language: interface words, reasons, and the data's text."""

    def __init__(self, language: str = "en"):
        self.language = language
        self.table = None if language == "en" else translation(language)
        self.ui = ENGLISH if self.table is None else self.table["ui"]

    def __getitem__(self, key: str) -> str:
        return self.ui[key]

    def reason(self, key: str, params, english: str) -> str:
        if self.table is None:
            return english
        params = dict(params)
        words = {k: v for k, v in params.items()}
        for role in ("party", "helper", "owed_to"):
            if role in params:
                words[role] = self.table["parties"][params[role]]
        if "force" in params:
            words["force"] = self.table["forces"][params["force"]]
        scenario = self.table["scenarios"].get(params.get("scenario"), {})
        for name, column in (("attacker", "attacker"), ("location", "location"), ("target", "first_target")):
            if name in params:
                words[name] = scenario[column]
        if key == "other_response":
            return self.table["other_treaties"][params["area"]]["response"]
        return _particles(self.table["reasons"][key].format(**words))

    def scenario(self, scenario: dict) -> dict:
        """The scenario with its text facts in this language."""
        if self.table is None:
            return scenario
        return {**scenario, **self.table["scenarios"][scenario["id"]]}

    def conditions(self, texts: dict[str, dict]) -> dict[str, dict]:
        if self.table is None:
            return texts
        return {c: {**row, **self.table["conditions"][c]} for c, row in texts.items()}

    def label(self, result) -> str:
        if self.table is None:
            return result.label
        if result.label_reason:
            return self.reason(*result.label_reason, result.label)
        # another alliance's clause: named by the area its trigger covers
        return self.table["other_treaties"][dict(result.conditions[0].params)["area"]]["label"]

    def response(self, result) -> str:
        if self.table is None or not result.response_reason:
            return result.response
        return self.reason(*result.response_reason, result.response)


# --- rendering (shared by the widget and the static page) ------------------------------------------


def _texts(conditions) -> dict[str, dict]:
    """The rows of treaty_conditions.csv keyed by condition id (accepts the DataFrame or this dict)."""
    if isinstance(conditions, dict):
        return conditions
    return {row["condition"]: row for row in conditions.to_dict("records")}


def _reading_label(texts: dict[str, dict], condition: str, reading: str | None, words: Words) -> str:
    if reading is None:
        return words["fact"]
    return words["reading_label"].format(reading=words[reading], label=texts[condition][f"{reading}_label"])


def obligation_parts(result: sc.ObligationResult, conditions: pd.DataFrame | dict, words: Words | None = None) -> list[str]:
    """The HTML of one obligation, in pieces (head, one per condition, tail) so the static page can
    store each distinct piece once."""
    words = words or Words()
    texts = words.conditions(_texts(conditions))
    names = {**{c: words[c] for c in FACT_NAMES}, **{c: row["name"] for c, row in texts.items()}}
    status = "yes" if result.triggered else "no"
    mark, word = ("✔", words["triggered"]) if result.triggered else ("✘", words["not_triggered"])
    head = (
        f'<div class="art4-obligation art4-{status}" data-obligation="{escape(result.obligation)}" '
        f'data-triggered="{str(result.triggered).lower()}">'
        f'<p class="art4-obligation-title"><strong>{escape(words.label(result))}</strong>: '
        f'<span class="art4-status"><span aria-hidden="true">{mark}</span> {word}</span></p>'
        f'<p class="art4-response">{escape(words.response(result))}</p><ul class="art4-conditions">'
    )
    items = []
    for cond in result.conditions:
        if cond.reason == "not_assessed":
            continue  # the party is not involved: the first (fact) line already says why
        symbol, state = MARKS[cond.met]
        items.append(
            f'<li class="art4-cond art4-cond-{state}">'
            f'<span class="art4-mark" aria-hidden="true">{symbol}</span> '
            f"<strong>{escape(names[cond.condition])}</strong> "
            f'<span class="art4-reading">({escape(_reading_label(texts, cond.condition, cond.reading, words))})</span>: '
            f"<em>{words[STATE_WORDS[cond.met]]}</em>. {escape(words.reason(cond.reason, cond.params, cond.explanation))}</li>"
        )
    return [head, *items, "</ul></div>"]


def render_obligation(result: sc.ObligationResult, conditions: pd.DataFrame | dict, words: Words | None = None) -> str:
    return "".join(obligation_parts(result, conditions, words))


def render_summary(results: list[sc.ObligationResult], words: Words | None = None) -> str:
    words = words or Words()
    hits = [words.label(r) for r in results if r.triggered]
    listed = "; ".join(hits) if hits else words["none"]
    summary = words["summary"].format(count=len(hits), total=len(results))
    return f'<p class="art4-summary"><strong>{summary}</strong>: {escape(listed)}.</p>'


def _result_parts(scenario: dict, interpretation: dict, conditions: pd.DataFrame | dict,
                  words: Words | None = None) -> list[str]:
    """The result in pieces: the one-line summary first, then each obligation's pieces."""
    results = sc.evaluate(scenario, interpretation)
    return [render_summary(results, words), *(part for r in results for part in obligation_parts(r, conditions, words))]


def render_result(scenario: dict, interpretation: dict, conditions: pd.DataFrame | dict,
                  words: Words | None = None) -> str:
    return "".join(_result_parts(scenario, interpretation, conditions, words))


def render_scenario(scenario: dict, words: Words | None = None) -> str:
    """What happens, whether it is real or hypothetical, its sources, and other alliances' triggers."""
    words = words or Words()
    kind = words["real"] if scenario["kind"] == "real" else words["hypothetical"]
    if scenario["kind"] == "real" and scenario.get("event_date"):
        date = pd.Timestamp(scenario["event_date"])
        kind = words["real_from"].format(date=day(date) if words.language == "en" else f"{date.year}년 {date.month}월 {date.day}일")
    keys = [scenario["source"], *sc_split(scenario.get("other_sources", ""))]
    keys = [k for k in keys if k]
    sources = words["sources"].format(sources=html_citation(keys)) if keys else ""  # linked to the bibliography in the book
    others = "".join(
        f'<li><strong>{escape(words.label(r))}</strong>: {words["trigger_met"] if r.triggered else words["trigger_not_met"]}. '
        f"{escape(words.reason(r.conditions[0].reason, r.conditions[0].params, r.conditions[0].explanation))}"
        f"{(' ' + escape(words.response(r))) if r.triggered else ''}</li>"
        for r in sc.other_treaties(scenario)
    )
    text = words.scenario(scenario)
    return (
        f'<p class="art4-kind"><strong>{escape(kind)}.</strong> {escape(text["description"])}</p>'
        f'<p class="art4-rationale">{escape(text["rationale"])}{sources}</p>'
        f'<details class="art4-others"><summary>{words["others"]}</summary><ul>{others}</ul></details>'
    )


def sc_split(cell: str) -> list[str]:
    return [key.strip() for key in str(cell or "").split(";") if key.strip()]


# --- the static (kernel-free) version --------------------------------------------------------------------


def precompute(scenarios: pd.DataFrame, conditions: pd.DataFrame, words: Words | None = None) -> dict:
    """Every scenario × interpretation, rendered, stored compactly for the static page.

    ``outcomes[scenario][key]`` lists the pieces to show (indices into ``pieces``), where ``key`` is
    :func:`treaty_toolkit.scenarios.interpretation_key`: the summary first, then the obligations (see
    :func:`_result_parts`). Each distinct piece of HTML is stored once.
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
        infos[scenario["id"]] = render_scenario(scenario, words)
        outcomes[scenario["id"]] = {}
        for interpretation in sc.all_interpretations():
            parts = _result_parts(scenario, interpretation, conditions, words)
            outcomes[scenario["id"]][sc.interpretation_key(interpretation)] = [piece(p) for p in parts]
    return {"conditions": list(sc.CONDITIONS), "scenarios": infos, "outcomes": outcomes, "pieces": pieces}


def _counted(n: int, thing: str) -> str:
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


def _scenario_picker(element_id: str, scenarios: pd.DataFrame, words: Words) -> str:
    """The scenario list, real events and hypothetical cases in separate groups, with what they are."""
    records = [words.scenario(s) for s in scenarios.to_dict("records")]
    groups = []
    for kind, label in (("real", words["real_events"]), ("hypothetical", words["hypothetical_cases"])):
        options = "".join(
            f'<option value="{escape(s["id"])}">{escape(s["title"])}</option>' for s in records if s["kind"] == kind
        )
        if options:
            groups.append(f'<optgroup label="{label}">{options}</optgroup>')
    real = sum(s["kind"] == "real" for s in records)
    if words.language == "en":
        counts = {"real": _counted(real, "real event"), "hypothetical": _counted(len(records) - real, "hypothetical teaching case")}
    else:
        counts = {"real": real, "hypothetical": len(records) - real}
    described = words["described"].format(**counts)
    return (
        f'<div class="art4-pick"><label for="{element_id}-scenario">{words["scenario"]}</label>'
        f'<p class="art4-desc" id="{element_id}-scenario-desc">{escape(described)}</p>'
        f'<select id="{element_id}-scenario" name="{element_id}-scenario" aria-describedby="{element_id}-scenario-desc">'
        f'{"".join(groups)}</select></div>'
    )


def _reading_fieldset(element_id: str, row: dict, words: Words) -> str:
    """One condition: its question (legend), what the treaty says, and a labelled, described radio per reading."""
    condition = row["condition"]
    choices = []
    for reading in sc.READINGS:
        radio_id = f"{element_id}-{condition}-{reading}"
        checked = " checked" if reading == "strict" else ""
        choices.append(
            f'<div class="art4-choice"><input type="radio" id="{radio_id}" name="{element_id}-{condition}" '
            f'value="{reading}" aria-describedby="{radio_id}-desc"{checked}>'
            f'<div><label for="{radio_id}"><strong>{escape(words[reading].capitalize())}</strong>: {escape(row[f"{reading}_label"])}</label>'
            f'<p class="art4-desc" id="{radio_id}-desc">{escape(row[f"{reading}_reading"])}</p></div></div>'
        )
    return (
        f'<fieldset class="art4-fieldset" aria-describedby="{element_id}-{condition}-clause">'
        f'<legend>{escape(row["name"])}: {escape(row["question"])}</legend>'
        f'<p class="art4-clause" id="{element_id}-{condition}-clause">{escape(row["clause"])}</p>'
        f'<div class="art4-choices">{"".join(choices)}</div></fieldset>'
    )


def _controls(element_id: str, scenarios: pd.DataFrame, conditions: pd.DataFrame, words: Words) -> str:
    # The Korean clauses are the Korean text as the data holds it: the intro cites where it comes from.
    citation = "" if words.language == "en" else f" ({html_citation(list(KOREAN_CLAUSE_SOURCES))})"
    rows = words.conditions(_texts(conditions))
    return (
        f'<p class="art4-intro">{words["intro"].format(citation=citation)}</p>'
        f"{_scenario_picker(element_id, scenarios, words)}"
        f'<div class="art4-presets" hidden>'
        f'<button type="button" data-preset="strict" aria-describedby="{element_id}-presets-desc">{words["all_strict"]}</button> '
        f'<button type="button" data-preset="broad" aria-describedby="{element_id}-presets-desc">{words["all_broad"]}</button>'
        f'<p class="art4-desc" id="{element_id}-presets-desc">{words["presets"]}</p></div>'
        f'{"".join(_reading_fieldset(element_id, rows[c], words) for c in rows)}'
    )


def static_html(scenarios: pd.DataFrame, conditions: pd.DataFrame, element_id: str = DEFAULT_ID,
                language: str = "en") -> str:
    """The self-contained explorer for the book: controls, precomputed JSON, inline CSS and JS.

    Deterministic (fixed ids, data in file order), so stored notebook outputs compare equal.
    The result shown before any script runs is the first scenario with every condition read strictly.
    The one-line summary (the live region) stays at the bottom of the screen while the explorer is in
    view, so every change shows its result without scrolling; on a wide screen the reasons sit beside
    the controls too.
    """
    words = Words(language)
    data = precompute(scenarios, conditions, words)
    first = scenarios.iloc[0].to_dict()
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    summary, *details = _result_parts(first, sc.uniform("strict"), conditions, words)
    # The language is marked on the explorer itself, so a page in another language reads it right too.
    lang = "" if language == "en" else f' lang="{language}"'
    return (
        f'<div class="art4-explorer" id="{element_id}"{lang} data-art4-explorer>'
        f'<style>{_asset("explorer.css")}</style><div class="art4-layout">'
        f'<div class="art4-controls" role="group" aria-label="{words["controls"]}">{_controls(element_id, scenarios, conditions, words)}</div>'
        f'<div class="art4-summary-bar"><div data-role="status" aria-live="polite">{summary}</div>'
        f'<a class="art4-why" href="#{element_id}-result-heading">{words["why"]}</a></div>'
        f'<div class="art4-details">'
        f'<p class="art4-heading" id="{element_id}-result-heading"><strong>{words["requires"]}</strong></p>'
        f'<p class="art4-legend">{words["legend"]}</p>'
        f'<div class="art4-result" data-role="result">{"".join(details)}</div>'
        f'<p class="art4-heading"><strong>{words["about"]}</strong></p>'
        f'<div class="art4-scenario" data-role="scenario">{render_scenario(first, words)}</div>'
        f"</div></div>"
        f'<script type="application/json" data-role="outcomes">{payload}</script>'
        f"<script>{_asset('explorer.js')}</script></div>"
    )


# --- the live widget ------------------------------------------------------------------------------------------


def build_widget(scenarios: pd.DataFrame, conditions: pd.DataFrame, language: str = "en"):
    """ipywidgets version: a dropdown, one radio group per condition, and an HTML widget for the result."""
    import ipywidgets as widgets

    words = Words(language)
    records = {s["id"]: s for s in scenarios.to_dict("records")}
    picker = widgets.Dropdown(
        options=[(words.scenario(s)["title"], s["id"]) for s in records.values()], description=words["scenario"],
        style={"description_width": "initial"}
    )
    readings = {
        condition: widgets.RadioButtons(
            options=[(f"{words[r]}: {row[f'{r}_label']}", r) for r in sc.READINGS],
            value="strict",
            description=row["name"],
            style={"description_width": "initial"},
        )
        for condition, row in words.conditions(_texts(conditions)).items()
    }
    output = widgets.HTML()

    def update(_change=None):
        scenario = records[picker.value]
        interpretation = {c: w.value for c, w in readings.items()}
        output.value = (
            f'<style>{_asset("explorer.css")}</style><div class="art4-explorer">'
            f"{render_scenario(scenario, words)}{render_result(scenario, interpretation, conditions, words)}</div>"
        )

    for control in (picker, *readings.values()):
        control.observe(update, names="value")
    update()
    box = widgets.VBox([picker, *readings.values(), output])
    box.picker, box.readings, box.output = picker, readings, output  # handles for tests and notebooks
    return box


class Explorer:
    """Displays as the live widget in Jupyter and as the static HTML in the book (text/html)."""

    def __init__(self, scenarios: pd.DataFrame, conditions: pd.DataFrame, element_id: str = DEFAULT_ID,
                 language: str = "en"):
        Words(language)  # an unknown language fails here, not when the explorer is first shown
        self.scenarios, self.conditions, self.element_id, self.language = scenarios, conditions, element_id, language

    def to_html(self) -> str:
        return static_html(self.scenarios, self.conditions, self.element_id, self.language)

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = dict(build_widget(self.scenarios, self.conditions, self.language)._repr_mimebundle_())
        bundle["text/html"] = self.to_html()
        bundle["text/plain"] = Words(self.language)["plain"].format(
            scenarios=len(self.scenarios), interpretations=len(sc.all_interpretations()))
        return bundle


def explorer(element_id: str = DEFAULT_ID, language: str = "en") -> Explorer:
    """The explorer over ``data/scenarios.csv`` and ``data/treaty_conditions.csv``, in ``language``."""
    return Explorer(sc.load_scenarios(), sc.load_conditions(), element_id, language)
