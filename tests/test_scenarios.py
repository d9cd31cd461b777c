"""The Article 4 rule engine: every condition in both readings, then whole scenarios from data/."""

from __future__ import annotations

import pytest

from treaty_toolkit import scenarios as sc

# A scenario in which the DPRK is clearly the victim: every gating condition is met on any reading.
BASE = {
    "id": "test-case",
    "title": "Test case",
    "kind": "hypothetical",
    "party": "DPRK",
    "attacker": "State X",
    "location": "Test province",
    "territory_status": "recognised",
    "force_type": "ground_invasion",
    "war_status": "declared",
    "threat_type": "ground_invasion",
    "party_started_hostilities": "no",
    "first_target": "DPRK",
    "first_target_area": "other",
}


def case(**changes):
    return {**BASE, **changes}


def art4_to_dprk(scenario, **readings):
    interpretation = {**sc.uniform("strict"), **readings}
    return sc.article4(scenario, interpretation, owed_to="DPRK")


def condition(result, name):
    (found,) = [c for c in result.conditions if c.condition == name]
    return found


# --- each condition, both readings -------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "strict", "broad"),
    [("recognised", True, True), ("annexed", False, True), ("none", False, False)],
)
def test_territory(status, strict, broad):
    assert sc.territory(case(territory_status=status), "strict").met is strict
    assert sc.territory(case(territory_status=status), "broad").met is broad


@pytest.mark.parametrize(
    ("force", "strict", "broad"),
    [("ground_invasion", True, True), ("strikes", False, True), ("none", False, False)],
)
def test_armed_invasion(force, strict, broad):
    assert sc.armed_invasion(case(force_type=force), "strict").met is strict
    assert sc.armed_invasion(case(force_type=force), "broad").met is broad


@pytest.mark.parametrize(
    ("war", "strict", "broad"),
    [("declared", True, True), ("de_facto", False, True), ("none", False, False)],
)
def test_state_of_war(war, strict, broad):
    assert sc.state_of_war(case(war_status=war), "strict").met is strict
    assert sc.state_of_war(case(war_status=war), "broad").met is broad


@pytest.mark.parametrize(("started", "strict", "broad"), [("no", True, True), ("yes", False, True)])
def test_self_defence(started, strict, broad):
    assert sc.self_defence(case(party_started_hostilities=started), "strict").met is strict
    assert sc.self_defence(case(party_started_hostilities=started), "broad").met is broad


def test_national_law_shapes_the_response_but_never_blocks_it():
    strict = art4_to_dprk(case(), national_law="strict")
    broad = art4_to_dprk(case(), national_law="broad")
    assert strict.triggered and broad.triggered
    assert condition(strict, "national_law").met is None
    assert "discretionary" in strict.response and "automatic" in broad.response


@pytest.mark.parametrize(
    ("force", "threat", "strict", "broad"),
    [
        ("none", "ground_invasion", True, True),
        ("none", "strikes", False, True),
        ("strikes", "none", False, True),
        ("ground_invasion", "none", True, True),
        ("none", "none", False, False),
    ],
)
def test_article3_threat_of_invasion(force, threat, strict, broad):
    s = case(force_type=force, threat_type=threat)
    assert sc.threat_of_invasion(s, "strict").met is strict
    assert sc.threat_of_invasion(s, "broad").met is broad


def test_party_attacked_is_a_fact_not_a_reading():
    assert sc.party_attacked(case(), "DPRK").met is True
    assert sc.party_attacked(case(), "Russia").met is False
    assert sc.party_attacked(case(force_type="none"), "DPRK").met is False


# --- how conditions combine -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "failing"),
    [
        ({"territory_status": "annexed"}, "territory"),
        ({"force_type": "strikes"}, "armed_invasion"),
        ({"war_status": "de_facto"}, "state_of_war"),
        ({"party_started_hostilities": "yes"}, "self_defence"),
    ],
)
def test_one_failing_condition_blocks_article4_only_on_its_strict_reading(changes, failing):
    s = case(**changes)
    blocked = art4_to_dprk(s)
    assert not blocked.triggered
    assert [c.condition for c in blocked.conditions if c.met is False] == [failing]
    assert art4_to_dprk(s, **{failing: "broad"}).triggered


def test_the_other_party_owes_nothing_to_the_attacker():
    results = {r.obligation: r for r in sc.evaluate(case(), sc.uniform("broad"))}
    assert results["art4-russia-assists-dprk"].triggered
    assert not results["art4-dprk-assists-russia"].triggered
    assert results["art4-russia-assists-dprk"].owed_by == "Russia"


def test_all_interpretations_are_the_32_distinct_combinations():
    keys = [sc.interpretation_key(i) for i in sc.all_interpretations()]
    assert len(set(keys)) == 32
    assert keys[0] == "sssss" and keys[-1] == "bbbbb"


# --- bad input fails fast, naming the file, row and field ---------------------------------------------


def test_bad_fact_names_row_and_field():
    with pytest.raises(ValueError, match=r"data/scenarios.csv: scenario 'test-case': field 'force_type'"):
        sc.evaluate(case(force_type="cyber"), sc.uniform("strict"))


def test_empty_text_fact_is_rejected():
    with pytest.raises(ValueError, match="field 'location' is empty"):
        sc.check_scenario(case(location=" "))


def test_bad_interpretation_is_rejected():
    with pytest.raises(ValueError, match="state_of_war"):
        sc.evaluate(case(), {**sc.uniform("strict"), "state_of_war": "loose"})
    with pytest.raises(ValueError, match="missing conditions"):
        sc.evaluate(case(), {"territory": "strict"})


# --- whole scenarios from data/scenarios.csv ----------------------------------------------------------


@pytest.fixture(scope="module")
def scenarios():
    return sc.load_scenarios()


def triggered(scenarios, scenario_id, interpretation):
    scenario = sc.scenario_by_id(scenarios, scenario_id)
    return {r.obligation for r in sc.evaluate(scenario, interpretation) if r.triggered}


def test_every_scenario_in_data_is_valid_and_sourced_or_marked_hypothetical(scenarios):
    for row in scenarios.to_dict("records"):
        sc.check_scenario(row)
        if row["kind"] == "real":
            assert row["source"].strip(), row["id"]
        else:
            assert "Hypothetical teaching case" in row["rationale"], row["id"]


def test_kursk_needs_broad_readings_of_war_and_self_defence(scenarios):
    assert triggered(scenarios, "kursk-2024", sc.uniform("strict")) == {"art3-threat-to-russia"}
    assert "art4-dprk-assists-russia" in triggered(scenarios, "kursk-2024", sc.uniform("broad"))
    only_war_broad = {**sc.uniform("strict"), "state_of_war": "broad"}
    assert "art4-dprk-assists-russia" not in triggered(scenarios, "kursk-2024", only_war_broad)
    both = {**only_war_broad, "self_defence": "broad"}
    assert "art4-dprk-assists-russia" in triggered(scenarios, "kursk-2024", both)


def test_crimea_strike_turns_on_territory_and_invasion(scenarios):
    most_broad = {**sc.uniform("broad"), "territory": "strict"}
    assert "art4-dprk-assists-russia" not in triggered(scenarios, "crimea-strike", most_broad)
    assert "art4-dprk-assists-russia" in triggered(scenarios, "crimea-strike", sc.uniform("broad"))


def test_allied_offensive_triggers_russia_on_every_reading(scenarios):
    for interpretation in sc.all_interpretations():
        assert "art4-russia-assists-dprk" in triggered(scenarios, "korea-allied-offensive", interpretation)


def test_threat_alone_triggers_article3_but_never_article4(scenarios):
    for interpretation in sc.all_interpretations():
        assert triggered(scenarios, "dmz-buildup", interpretation) == {"art3-threat-to-dprk"}


def test_attack_on_japan_triggers_no_article4_but_us_japan_article_v(scenarios):
    for interpretation in sc.all_interpretations():
        assert not {o for o in triggered(scenarios, "japan-attack", interpretation) if o.startswith("art4")}
    other = {r.article: r.triggered for r in sc.other_treaties(sc.scenario_by_id(scenarios, "japan-attack"))}
    assert other == {"NATO Article 5": False, "US–Japan Article V": True, "US–ROK Article III": False}


def test_trigger_counts_add_up(scenarios):
    counts = sc.trigger_counts(scenarios)
    assert list(counts.index) == list(scenarios["id"])
    assert counts.loc["korea-allied-offensive", "Russia assists the DPRK (Article 4)"] == 32
    assert counts.loc["japan-attack", "Russia assists the DPRK (Article 4)"] == 0
    # DPRK provocation: needs broad invasion, war and self-defence; territory and law are free -> 2**2.
    assert counts.loc["korea-dprk-provocation", "Russia assists the DPRK (Article 4)"] == 4


def test_assess_explains_each_condition(scenarios):
    frame = sc.assess(scenarios, "kursk-2024", sc.uniform("strict"))
    row = frame[(frame.obligation == "The DPRK assists Russia (Article 4)") & (frame.condition == "state_of_war")]
    assert row["met"].item() == "not met"
    assert "formally declared" in row["explanation"].item()
    assert set(frame.columns) >= {"obligation", "owed_by", "owed_to", "triggered", "condition", "reading", "met"}


def test_uninvolved_party_gets_no_response_text():
    result = sc.article4(case(), sc.uniform("broad"), owed_to="Russia")
    law = condition(result, "national_law")
    assert law.met is None and law.explanation.startswith("Not assessed")


def test_quiz_count_matches_the_engine(scenarios, root):
    import yaml

    bank = yaml.safe_load((root / "exercises" / "quizzes" / "article4.yaml").read_text(encoding="utf-8"))
    (question,) = [q for q in bank["questions"] if q["id"] == "art4-provocation-count"]
    counts = sc.trigger_counts(scenarios)
    assert question["answer"] == counts.loc["korea-dprk-provocation", "Russia assists the DPRK (Article 4)"]
