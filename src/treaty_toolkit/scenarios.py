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

from . import readers

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
    reason: str = ""  # the key of the explanation in REASONS, and its parameters
    params: tuple = ()


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
    # The keys (in REASONS) and parameters of the label and the response, for other languages.
    label_reason: tuple = ()
    response_reason: tuple = ()


def _said(key: str, **params) -> tuple[str, tuple]:
    """(English sentence, (key, parameters)) for an obligation's label or response."""
    return english(key, params), (key, tuple(sorted(params.items())))


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

# Every reason, response and label the engine gives, by key. A result keeps its key and parameters
# (party codes, the scenario's id and text facts, a force code) besides the English sentence, so the
# explorer can say the same in another language (treaty_toolkit.explorer's tables have these keys).
REASONS = {
    "not_the_party": "{Party} is not the party under attack here.",
    "only_threatened": "No armed force is used against {party}: at most it is threatened.",
    "force_used": "{attacker} uses armed force against {party} in {location}.",
    "no_territory": "No territory of {party} is attacked or threatened.",
    "recognised": "{location}: internationally recognised as {party}'s territory.",
    "claimed_strict": "{Party} claims {location}, but it is not internationally recognised as {party}'s territory.",
    "claimed_broad": "{Party} claims {location} as its own; on the broad reading that counts.",
    "no_force": "No armed force is used: there is no invasion.",
    "invasion_counts": "The attack is {force}, which counts as an armed invasion on this reading.",
    "invasion_not_counted": "The attack is {force}, not a ground invasion, so it does not count on the strict reading.",
    "threat_under_way": "{Force}: under way; on this reading that is a direct threat of armed invasion.",
    "threat_direct": "{Force}: directly threatened; on this reading that is a direct threat of armed invasion.",
    "nothing_threatened": "Nothing is attacked or threatened.",
    "only_strikes": "Only strikes are used or threatened, not a ground invasion (strict reading).",
    "war_declared": "A state of war has been formally proclaimed.",
    "war_none": "There is no sustained fighting and no declared war.",
    "war_de_facto_strict": "The fighting is a war in fact, but no war has been formally declared.",
    "war_de_facto_broad": "The fighting is a war in fact; on the broad reading no declaration is needed.",
    "defence_victim": "{Party} did not start the hostilities, so helping it fits collective self-defence under Article 51.",
    "defence_started_strict": "{Party} started the hostilities; Article 51 covers self-defence against an armed attack, "
                              "not help to the side that attacked first.",
    "defence_started_broad": "{Party} started the hostilities, but on the formal reading the Article 51 reference "
                             "screens nothing out.",
    "law_strict": "{Helper}'s own laws decide the form and timing of the help: in practice a political decision.",
    "law_broad": "The laws are a formality: {helper} helps \"without delay\" (Yonhap) / \"immediately\" (Interfax).",
    "not_assessed": "Not assessed: {party} is not the party attacked or threatened.",
    "threatened": "{Party} is attacked or threatened.",
    "not_threatened": "{Party} is not attacked or threatened here.",
    "no_obligation": "No obligation.",
    "art4_discretionary": "{Helper} must assist, but its own laws decide how and when (discretionary).",
    "art4_automatic": "{Helper} must give military and other assistance with all means, without delay (automatic).",
    "art4_label": "{Helper} assists {owed_to} (Article 4)",
    "art3_response": "At {party}'s request both sides immediately open bilateral negotiations on measures to remove the threat.",
    "art3_label": "Consultations on a threat to {party} (Article 3)",
    "other_fits": "The attack that starts the fighting, on {target}, fits \"{trigger}\".",
    "other_nobody": "No one is attacked when the scenario starts, so nothing fits \"{trigger}\".",
    "other_misses": "The attack that starts the fighting is on {target}, which does not fit \"{trigger}\".",
    "other_not_triggered": "Not triggered by the attack that starts the fighting.",
}


def name(party: str) -> str:
    """How a party is named mid-sentence ("the DPRK", "Russia")."""
    return "the DPRK" if party == "DPRK" else party


def Name(party: str) -> str:  # noqa: N802 - the sentence-initial twin of name()
    return "The DPRK" if party == "DPRK" else party


def english(key: str, params: Mapping) -> str:
    """The English sentence of ``REASONS[key]`` with these parameters (party codes become names)."""
    words = dict(params)
    for role in ("party", "helper", "owed_to"):
        if role in params:
            words[role], words[role.capitalize()] = name(params[role]), Name(params[role])
    if "force" in params:
        words["force"] = FORCE_WORDS[params["force"]]
        words["Force"] = words["force"][0].upper() + words["force"][1:]
    return REASONS[key].format(**words)


def _facts(s: Mapping, *fields: str) -> dict:
    """The scenario's id and some of its text facts, as reason parameters (``first_target`` as ``target``)."""
    return {"scenario": s["id"], **{("target" if f == "first_target" else f): s[f] for f in fields}}


def because(condition: str, reading: str | None, met: bool | None, key: str, **params) -> ConditionResult:
    params = tuple(sorted(params.items()))
    return ConditionResult(condition, reading, met, english(key, dict(params)), key, params)


def party_attacked(s: Mapping, party: str) -> ConditionResult:
    """Fact, not a reading: armed force is actually used against ``party``."""
    if s["party"] != party:
        return because("party_attacked", None, False, "not_the_party", party=party)
    if s["force_type"] == "none":
        return because("party_attacked", None, False, "only_threatened", party=party)
    return because("party_attacked", None, True, "force_used", party=party, **_facts(s, "attacker", "location"))


def territory(s: Mapping, reading: str) -> ConditionResult:
    status, party = s["territory_status"], s["party"]
    if status == "none":
        return because("territory", reading, False, "no_territory", party=party)
    if status == "recognised":
        return because("territory", reading, True, "recognised", party=party, **_facts(s, "location"))
    if reading == "strict":
        return because("territory", reading, False, "claimed_strict", party=party, **_facts(s, "location"))
    return because("territory", reading, True, "claimed_broad", party=party, **_facts(s, "location"))


def force_counts(force_type: str, reading: str) -> bool:
    """Does this kind of force count as an 'armed invasion' under the reading?"""
    if reading == "strict":
        return force_type == "ground_invasion"
    return force_type != "none"


def armed_invasion(s: Mapping, reading: str) -> ConditionResult:
    force = s["force_type"]
    if force == "none":
        return because("armed_invasion", reading, False, "no_force")
    met = force_counts(force, reading)
    return because("armed_invasion", reading, met, "invasion_counts" if met else "invasion_not_counted", force=force)


def threat_of_invasion(s: Mapping, reading: str) -> ConditionResult:
    """Article 3: 'a direct threat of armed invasion' (an invasion under way also poses one)."""
    for force, key in ((s["force_type"], "threat_under_way"), (s["threat_type"], "threat_direct")):
        if force_counts(force, reading):
            return because("armed_invasion", reading, True, key, force=force)
    if s["threat_type"] == "none" and s["force_type"] == "none":
        return because("armed_invasion", reading, False, "nothing_threatened")
    return because("armed_invasion", reading, False, "only_strikes")


def state_of_war(s: Mapping, reading: str) -> ConditionResult:
    status = s["war_status"]
    if status == "declared":
        return because("state_of_war", reading, True, "war_declared")
    if status == "none":
        return because("state_of_war", reading, False, "war_none")
    if reading == "strict":
        return because("state_of_war", reading, False, "war_de_facto_strict")
    return because("state_of_war", reading, True, "war_de_facto_broad")


def self_defence(s: Mapping, reading: str) -> ConditionResult:
    party = s["party"]
    if s["party_started_hostilities"] == "no":
        return because("self_defence", reading, True, "defence_victim", party=party)
    if reading == "strict":
        return because("self_defence", reading, False, "defence_started_strict", party=party)
    return because("self_defence", reading, True, "defence_started_broad", party=party)


def national_law(reading: str, helper: str) -> ConditionResult:
    """Shapes how assistance is given; it never blocks the obligation (met=None)."""
    return because("national_law", reading, None, "law_strict" if reading == "strict" else "law_broad", helper=helper)


def not_assessed(condition: str, reading: str, party: str) -> ConditionResult:
    return because(condition, reading, False, "not_assessed", party=party)


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
        law = because("national_law", law.reading, None, "not_assessed", party=owed_to)
    if not triggered:
        response = _said("no_obligation")
    elif interpretation["national_law"] == "strict":
        response = _said("art4_discretionary", helper=helper)
    else:
        response = _said("art4_automatic", helper=helper)
    label = _said("art4_label", helper=helper, owed_to=owed_to)
    return ObligationResult(
        obligation=f"art4-{helper.lower()}-assists-{owed_to.lower()}",
        article="Article 4",
        label=label[0],
        owed_by=helper,
        owed_to=owed_to,
        triggered=triggered,
        response=response[0],
        conditions=(first, *gates, law),
        label_reason=label[1],
        response_reason=response[1],
    )


def article3(s: Mapping, interpretation: Mapping[str, str], threatened: str) -> ObligationResult:
    helper = other_party(threatened)
    involved = s["party"] == threatened and (s["force_type"] != "none" or s["threat_type"] != "none")
    first = because("party_threatened", None, involved, "threatened" if involved else "not_threatened", party=threatened)
    if s["party"] == threatened:
        gates = [territory(s, interpretation["territory"]), threat_of_invasion(s, interpretation["armed_invasion"])]
    else:
        gates = [not_assessed(c, interpretation[c], threatened) for c in ("territory", "armed_invasion")]
    triggered = involved and all(g.met for g in gates)
    response = _said("art3_response", party=threatened) if triggered else _said("no_obligation")
    label = _said("art3_label", party=threatened)
    return ObligationResult(
        obligation=f"art3-threat-to-{threatened.lower()}",
        article="Article 3",
        label=label[0],
        owed_by=helper,
        owed_to=threatened,
        triggered=triggered,
        response=response[0],
        conditions=(first, *gates),
        label_reason=label[1],
        response_reason=response[1],
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
        key = "other_fits" if met else ("other_nobody" if target == "none" else "other_misses")
        reason = because("trigger", None, met, key, trigger=trigger, area=area, **_facts(scenario, "first_target"))
        results.append(
            ObligationResult(
                obligation=name.lower().replace("–", "-").replace(" ", "-"),
                article=name,
                label=name,
                owed_by=who,
                owed_to=target,
                triggered=met,
                response=response if met else english("other_not_triggered", {}),
                conditions=(reason,),
                response_reason=("other_response", (("area", area),)) if met else ("other_not_triggered", ()),
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


# --- for readers ----------------------------------------------------------------------------------

READER_NAMES = {"id": "Scenario", "title": "Scenario", "scenario": "Scenario",
                "party_started_hostilities": "Party started the hostilities"}


def for_readers(frame: pd.DataFrame, scenarios: pd.DataFrame, conditions: pd.DataFrame | None = None):
    """A table of scenarios, outcomes, counts or :func:`assess` reasons as the page shows it.

    Scenario ids become their titles, condition ids their names, coded facts words, booleans yes/no.
    """
    titles = dict(zip(scenarios["id"], scenarios["title"], strict=True))
    names = {} if conditions is None else dict(zip(conditions["condition"], conditions["name"], strict=True))
    coded = lambda value: {True: "yes", False: "no"}.get(value, str(value).replace("_", " "))  # noqa: E731
    values = {"id": titles, "scenario": titles, "condition": lambda c: names.get(c, readers.words(c)),
              **{column: coded for column in ("territory_status", "force_type", "war_status",
                                                "party_started_hostilities", "triggered")}}
    frame = frame.replace({True: "yes", False: "no"}) if frame.dtypes.eq(bool).any() else frame
    return readers.table(frame, READER_NAMES, values)
