"""Rule engine for Article 4 of the 2024 DPRK–Russia treaty (chapter 3).

Article 4 is split into conditions. Each interpretive condition can be read strictly or broadly
(the readings are described in ``data/treaty_conditions.csv``); a scenario's facts are coded in
``data/scenarios.csv``. For one scenario and one interpretation (a reading per condition) the engine
says which obligations are triggered, owed by whom to whom, and why:

- Article 4, both directions: "military and other assistance" when a party is "placed under a state
  of war due to an armed invasion";
- Article 3, for comparison: consultations when "a direct threat of armed invasion" is created;
- the trigger clauses of NATO Art. 5, US–Japan Art. V and US–ROK Art. III, for the *first* attack only.

This is a teaching model, not legal advice: the readings are the point, not a verdict.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

PARTIES = ("DPRK", "Russia")
READINGS = ("strict", "broad")
# Interpretive conditions, in the order they are shown (matches data/treaty_conditions.csv).
CONDITIONS = ("territory", "armed_invasion", "state_of_war", "self_defence", "national_law")

# Allowed values of the coded facts in data/scenarios.csv.
ALLOWED_FACTS = {
    "kind": ("real", "hypothetical"),
    "party": PARTIES,
    "territory_status": ("recognised", "annexed", "none"),
    "force_type": ("ground_invasion", "strikes", "none"),
    "war_status": ("declared", "de_facto", "none"),
    "threat_type": ("ground_invasion", "strikes", "none"),
    "party_started_hostilities": ("yes", "no"),
    "first_target_area": ("nato_europe", "japan_administered", "rok_administered", "other"),
}
TEXT_FACTS = ("id", "title", "attacker", "location", "first_target")


@dataclass(frozen=True)
class ConditionResult:
    """One condition checked for one obligation.

    ``met`` is True/False for conditions that gate the obligation and None for a qualifier that only
    shapes the response (the parties' laws).
    """

    condition: str
    reading: str | None
    met: bool | None
    explanation: str


@dataclass(frozen=True)
class ObligationResult:
    obligation: str
    article: str
    label: str
    owed_by: str
    owed_to: str
    triggered: bool
    response: str
    conditions: tuple[ConditionResult, ...]


# --- scenarios and interpretations -------------------------------------------------------------


def check_scenario(scenario: Mapping, source: str = "data/scenarios.csv") -> None:
    """Fail fast, naming the file, the scenario id and the field, if a fact is not codable."""
    row_id = scenario.get("id", "?")
    for field in TEXT_FACTS:
        if not str(scenario.get(field, "") or "").strip():
            raise ValueError(f"{source}: scenario {row_id!r}: field {field!r} is empty")
    for field, allowed in ALLOWED_FACTS.items():
        value = scenario.get(field)
        if value not in allowed:
            raise ValueError(
                f"{source}: scenario {row_id!r}: field {field!r} is {value!r}; expected one of {allowed}"
            )


def check_interpretation(interpretation: Mapping[str, str]) -> None:
    missing = [c for c in CONDITIONS if c not in interpretation]
    unknown = [c for c in interpretation if c not in CONDITIONS]
    if missing or unknown:
        raise ValueError(f"interpretation: missing conditions {missing}, unknown conditions {unknown}")
    for condition, reading in interpretation.items():
        if reading not in READINGS:
            raise ValueError(f"interpretation: {condition!r} reading is {reading!r}; expected one of {READINGS}")


def uniform(reading: str) -> dict[str, str]:
    """The same reading for every condition (e.g. ``uniform("strict")``)."""
    return {condition: reading for condition in CONDITIONS}


def all_interpretations() -> list[dict[str, str]]:
    """All 2**5 combinations of readings, in a fixed order (all strict first, all broad last)."""
    return [dict(zip(CONDITIONS, combo)) for combo in itertools.product(READINGS, repeat=len(CONDITIONS))]


def interpretation_key(interpretation: Mapping[str, str]) -> str:
    """A short stable key, one letter per condition in CONDITIONS order: e.g. ``"sbsss"``."""
    check_interpretation(interpretation)
    return "".join(interpretation[c][0] for c in CONDITIONS)


# --- the conditions ------------------------------------------------------------------------------
# Each takes the scenario's facts (and the reading) and returns a ConditionResult with a reason.

FORCE_WORDS = {"ground_invasion": "a ground invasion", "strikes": "strikes (missiles, aircraft or artillery)"}


def name(party: str) -> str:
    """How a party is named mid-sentence ("the DPRK", "Russia")."""
    return "the DPRK" if party == "DPRK" else party


def Name(party: str) -> str:  # noqa: N802 - the sentence-initial twin of name()
    return "The DPRK" if party == "DPRK" else party


def party_attacked(s: Mapping, party: str) -> ConditionResult:
    """Fact, not a reading: armed force is actually used against ``party``."""
    if s["party"] != party:
        return ConditionResult("party_attacked", None, False, f"{Name(party)} is not the party under attack here.")
    if s["force_type"] == "none":
        return ConditionResult(
            "party_attacked", None, False, f"No armed force is used against {name(party)}: at most it is threatened."
        )
    return ConditionResult(
        "party_attacked", None, True, f"{s['attacker']} uses armed force against {name(party)} in {s['location']}."
    )


def territory(s: Mapping, reading: str) -> ConditionResult:
    status, where, party = s["territory_status"], s["location"], s["party"]
    if status == "none":
        return ConditionResult("territory", reading, False, f"No territory of {name(party)} is attacked or threatened.")
    if status == "recognised":
        return ConditionResult(
            "territory", reading, True, f"{where}: internationally recognised as {name(party)}'s territory."
        )
    if reading == "strict":
        return ConditionResult(
            "territory", reading, False,
            f"{Name(party)} claims {where}, but it is not internationally recognised as {name(party)}'s territory.",
        )
    return ConditionResult(
        "territory", reading, True, f"{Name(party)} claims {where} as its own; on the broad reading that counts."
    )


def force_counts(force_type: str, reading: str) -> bool:
    """Does this kind of force count as an 'armed invasion' under the reading?"""
    if reading == "strict":
        return force_type == "ground_invasion"
    return force_type != "none"


def armed_invasion(s: Mapping, reading: str) -> ConditionResult:
    force = s["force_type"]
    if force == "none":
        return ConditionResult("armed_invasion", reading, False, "No armed force is used: there is no invasion.")
    met = force_counts(force, reading)
    if met:
        text = f"The attack is {FORCE_WORDS[force]}, which counts as an armed invasion on this reading."
    else:
        text = f"The attack is {FORCE_WORDS[force]}, not a ground invasion, so it does not count on the strict reading."
    return ConditionResult("armed_invasion", reading, met, text)


def threat_of_invasion(s: Mapping, reading: str) -> ConditionResult:
    """Article 3: 'a direct threat of armed invasion' (an invasion under way also poses one)."""
    for force, status in ((s["force_type"], "under way"), (s["threat_type"], "directly threatened")):
        if force_counts(force, reading):
            return ConditionResult(
                "armed_invasion", reading, True,
                f"{FORCE_WORDS[force].capitalize()}: {status}; on this reading that is a direct threat of armed invasion.",
            )
    if s["threat_type"] == "none" and s["force_type"] == "none":
        return ConditionResult("armed_invasion", reading, False, "Nothing is attacked or threatened.")
    return ConditionResult(
        "armed_invasion", reading, False, "Only strikes are used or threatened, not a ground invasion (strict reading)."
    )


def state_of_war(s: Mapping, reading: str) -> ConditionResult:
    status = s["war_status"]
    if status == "declared":
        return ConditionResult("state_of_war", reading, True, "A state of war has been formally proclaimed.")
    if status == "none":
        return ConditionResult("state_of_war", reading, False, "There is no sustained fighting and no declared war.")
    if reading == "strict":
        return ConditionResult(
            "state_of_war", reading, False, "The fighting is a war in fact, but no war has been formally declared."
        )
    return ConditionResult(
        "state_of_war", reading, True, "The fighting is a war in fact; on the broad reading no declaration is needed."
    )


def self_defence(s: Mapping, reading: str) -> ConditionResult:
    party = s["party"]
    if s["party_started_hostilities"] == "no":
        return ConditionResult(
            "self_defence", reading, True,
            f"{Name(party)} did not start the hostilities, so helping it fits collective self-defence under Article 51.",
        )
    if reading == "strict":
        return ConditionResult(
            "self_defence", reading, False,
            f"{Name(party)} started the hostilities; Article 51 covers self-defence against an armed attack, not help to the side that attacked first.",
        )
    return ConditionResult(
        "self_defence", reading, True,
        f"{Name(party)} started the hostilities, but on the formal reading the Article 51 reference screens nothing out.",
    )


def national_law(reading: str, helper: str) -> ConditionResult:
    """Shapes how assistance is given; it never blocks the obligation (met=None)."""
    if reading == "strict":
        text = f"{Name(helper)}'s own laws decide the form and timing of the help: in practice a political decision."
    else:
        text = f"The laws are a formality: {name(helper)} helps \"without delay\" (Yonhap) / \"immediately\" (Interfax)."
    return ConditionResult("national_law", reading, None, text)


def not_assessed(condition: str, reading: str, party: str) -> ConditionResult:
    return ConditionResult(condition, reading, False, f"Not assessed: {name(party)} is not the party attacked or threatened.")


# --- obligations --------------------------------------------------------------------------------


def other_party(party: str) -> str:
    return PARTIES[1 - PARTIES.index(party)]


def article4(s: Mapping, interpretation: Mapping[str, str], owed_to: str) -> ObligationResult:
    helper = other_party(owed_to)
    first = party_attacked(s, owed_to)
    if s["party"] == owed_to:
        gates = [
            territory(s, interpretation["territory"]),
            armed_invasion(s, interpretation["armed_invasion"]),
            state_of_war(s, interpretation["state_of_war"]),
            self_defence(s, interpretation["self_defence"]),
        ]
    else:
        gates = [not_assessed(c, interpretation[c], owed_to) for c in CONDITIONS[:4]]
    triggered = first.met and all(g.met for g in gates)
    law = national_law(interpretation["national_law"], helper)
    if s["party"] != owed_to:  # nothing to shape: say so instead of describing a response
        law = ConditionResult("national_law", law.reading, None, not_assessed("national_law", law.reading, owed_to).explanation)
    if not triggered:
        response = "No obligation."
    elif interpretation["national_law"] == "strict":
        response = f"{Name(helper)} must assist, but its own laws decide how and when (discretionary)."
    else:
        response = f"{Name(helper)} must give military and other assistance with all means, without delay (automatic)."
    return ObligationResult(
        obligation=f"art4-{helper.lower()}-assists-{owed_to.lower()}",
        article="Article 4",
        label=f"{Name(helper)} assists {name(owed_to)} (Article 4)",
        owed_by=helper,
        owed_to=owed_to,
        triggered=triggered,
        response=response,
        conditions=(first, *gates, law),
    )


def article3(s: Mapping, interpretation: Mapping[str, str], threatened: str) -> ObligationResult:
    helper = other_party(threatened)
    involved = s["party"] == threatened and (s["force_type"] != "none" or s["threat_type"] != "none")
    first = ConditionResult(
        "party_threatened", None, involved,
        f"{Name(threatened)} is attacked or threatened." if involved else f"{Name(threatened)} is not attacked or threatened here.",
    )
    if s["party"] == threatened:
        gates = [territory(s, interpretation["territory"]), threat_of_invasion(s, interpretation["armed_invasion"])]
    else:
        gates = [not_assessed(c, interpretation[c], threatened) for c in ("territory", "armed_invasion")]
    triggered = involved and all(g.met for g in gates)
    response = (
        f"At {name(threatened)}'s request both sides immediately open bilateral negotiations on measures to remove the threat."
        if triggered
        else "No obligation."
    )
    return ObligationResult(
        obligation=f"art3-threat-to-{threatened.lower()}",
        article="Article 3",
        label=f"Consultations on a threat to {name(threatened)} (Article 3)",
        owed_by=helper,
        owed_to=threatened,
        triggered=triggered,
        response=response,
        conditions=(first, *gates),
    )


def evaluate(scenario: Mapping, interpretation: Mapping[str, str]) -> list[ObligationResult]:
    """All treaty obligations for one scenario under one interpretation (Article 4 first)."""
    check_scenario(scenario)
    check_interpretation(interpretation)
    return [
        article4(scenario, interpretation, owed_to="DPRK"),
        article4(scenario, interpretation, owed_to="Russia"),
        article3(scenario, interpretation, threatened="DPRK"),
        article3(scenario, interpretation, threatened="Russia"),
    ]


# Trigger clauses of other alliances, from the source pack (../shared/sources/treaty-texts.md).
# Only the first attack in a scenario is checked; escalation could bring in more treaties.
OTHER_TREATIES = (
    (
        "nato_europe", "NATO Article 5", "the other NATO members",
        "an armed attack against one or more of them in Europe or North America",
        "Each ally takes \"such action as it deems necessary, including the use of armed force\" (discretionary).",
    ),
    (
        "japan_administered", "US–Japan Article V", "the US and Japan",
        "an armed attack against either Party in the territories under the administration of Japan",
        "Each acts \"in accordance with its constitutional provisions and processes\".",
    ),
    (
        "rok_administered", "US–ROK Article III", "the US and the ROK",
        "an armed attack in the Pacific area on either of the Parties in territories now under their respective administrative control",
        "Our stored copy of the text is cut off before the response clause, so it is not stated here.",
    ),
)


def other_treaties(scenario: Mapping) -> list[ObligationResult]:
    """Whether the first attack meets the trigger wording of NATO Art. 5, US–Japan Art. V, US–ROK Art. III."""
    check_scenario(scenario)
    results = []
    for area, name, who, trigger, response in OTHER_TREATIES:
        met = scenario["first_target_area"] == area
        target = scenario["first_target"]
        text = (
            f"The first attack, on {target}, matches \"{trigger}\"."
            if met
            else f"The first attack (target: {target}) is not \"{trigger}\"."
        )
        results.append(
            ObligationResult(
                obligation=name.lower().replace("–", "-").replace(" ", "-"),
                article=name,
                label=name,
                owed_by=who,
                owed_to=target,
                triggered=met,
                response=response if met else "Not triggered by the first attack.",
                conditions=(ConditionResult("trigger", None, met, text),),
            )
        )
    return results


# --- tables for notebooks ---------------------------------------------------------------------------


def scenario_by_id(scenarios: pd.DataFrame, scenario_id: str) -> dict:
    matches = scenarios[scenarios["id"] == scenario_id]
    if len(matches) != 1:
        raise KeyError(f"data/scenarios.csv: no unique scenario with id {scenario_id!r}")
    return matches.iloc[0].to_dict()


def assess(scenarios: pd.DataFrame, scenario_id: str, interpretation: Mapping[str, str]) -> pd.DataFrame:
    """Why each obligation is or is not triggered: one row per obligation × condition."""
    scenario = scenario_by_id(scenarios, scenario_id)
    rows = [
        {
            "scenario": scenario_id,
            "obligation": result.label,
            "owed_by": result.owed_by,
            "owed_to": result.owed_to,
            "triggered": result.triggered,
            "condition": cond.condition,
            "reading": cond.reading or "(fact)",
            "met": {True: "met", False: "not met", None: "shapes response"}[cond.met],
            "explanation": cond.explanation,
        }
        for result in evaluate(scenario, interpretation)
        for cond in result.conditions
    ]
    return pd.DataFrame(rows)


def outcome_table(scenarios: pd.DataFrame, interpretations: Mapping[str, Mapping[str, str]]) -> pd.DataFrame:
    """One row per scenario × named interpretation; one boolean column per obligation."""
    rows = []
    for scenario in scenarios.to_dict("records"):
        for name, interpretation in interpretations.items():
            row = {"scenario": scenario["id"], "interpretation": name}
            row.update({r.label: r.triggered for r in evaluate(scenario, interpretation)})
            rows.append(row)
    return pd.DataFrame(rows)


def trigger_counts(scenarios: pd.DataFrame) -> pd.DataFrame:
    """For each scenario: under how many of the 32 interpretations is each obligation triggered?"""
    named = {interpretation_key(i): i for i in all_interpretations()}
    table = outcome_table(scenarios, named)
    return table.drop(columns="interpretation").groupby("scenario", sort=False).sum()


# --- loading (through the one data loader) ------------------------------------------------------------


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Plain Python values (str, '' for missing) so the rules compare simple strings."""
    frame = frame.astype(object)
    return frame.where(frame.notna(), "")


def load_scenarios(data_dir=None) -> pd.DataFrame:
    """The scenarios table from ``data/scenarios.csv``, validated, every fact checked."""
    from treaty_toolkit.data import load_table

    frame = _plain(load_table("scenarios", data_dir))
    for scenario in frame.to_dict("records"):
        check_scenario(scenario)
    return frame


def load_conditions(data_dir=None) -> pd.DataFrame:
    """The readings of each condition from ``data/treaty_conditions.csv``, in CONDITIONS order."""
    from treaty_toolkit.data import load_table

    frame = _plain(load_table("treaty_conditions", data_dir)).sort_values("order", kind="stable")
    if tuple(frame["condition"]) != CONDITIONS:
        raise ValueError(f"data/treaty_conditions.csv: conditions {tuple(frame['condition'])} != {CONDITIONS}")
    return frame.reset_index(drop=True)
