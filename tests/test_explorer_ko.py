"""The Article 4 explorer in Korean: the same keys as the English, the data's Korean wording, same outcomes."""

from __future__ import annotations

import re
import string

import pytest

from treaty_toolkit import scenarios as sc
from treaty_toolkit.data import load_table
from treaty_toolkit.explorer import ENGLISH, Words, _particles, explorer, precompute, translation

KO = translation("ko")
SCENARIOS, CONDITIONS = sc.load_scenarios(), sc.load_conditions()
TEXT_COLUMNS = ("title", "attacker", "location", "first_target", "description", "rationale")
CONDITION_COLUMNS = ("name", "clause", "question", "strict_label", "strict_reading", "broad_label", "broad_reading")


def placeholders(text: str) -> set[str]:
    return {name for _l, name, _s, _c in string.Formatter().parse(text) if name is not None}


def test_the_korean_table_has_every_english_key_with_its_placeholders():
    assert set(KO["ui"]) == set(ENGLISH)
    for key, text in ENGLISH.items():
        assert placeholders(KO["ui"][key]) - {"citation"} == placeholders(text), key
    assert set(KO["reasons"]) == set(sc.REASONS)
    for key, text in sc.REASONS.items():
        # Korean names a party once with its particle: the English sentence-initial {Party} is {party}.
        english = {name.lower() for name in placeholders(text)}
        assert placeholders(KO["reasons"][key]) == english, key
    assert set(KO["parties"]) == set(sc.PARTIES) and set(KO["forces"]) == set(sc.FORCE_WORDS)
    assert set(KO["other_treaties"]) == {area for area, *_ in sc.OTHER_TREATIES}


def test_every_scenario_and_condition_has_its_korean_text():
    assert set(KO["scenarios"]) == set(SCENARIOS["id"])
    for sid, text in KO["scenarios"].items():
        assert set(text) == set(TEXT_COLUMNS) and all(str(v).strip() for v in text.values()), sid
    assert list(KO["conditions"]) == list(sc.CONDITIONS)
    for condition, text in KO["conditions"].items():
        assert set(text) == set(CONDITION_COLUMNS), condition


def test_korean_clause_quotations_are_the_datas_korean_wording():
    """Never a back-translation: every quoted Korean clause is in data/treaty_articles.csv (Article 4)."""
    article4 = load_table("treaty_articles").set_index("article").loc[4, "content"]
    quoted = [q for text in KO["conditions"].values() for q in re.findall("“([^”]+)”", text["clause"])]
    quoted += [q for key in ("law_broad",) for q in re.findall("“([^”]+)”", KO["reasons"][key])]
    assert len(quoted) >= 5
    for quote in quoted:
        for piece in filter(None, (p.strip() for p in quote.split("[…]"))):
            assert piece in article4, quote


def test_particles_follow_the_word_before_them():
    assert _particles("우크라이나<이/가> 한국과 미국<이/가>") == "우크라이나가 한국과 미국이"
    assert _particles("크림반도(2014년 러시아 연방이 병합)<을/를>") == "크림반도(2014년 러시아 연방이 병합)를"
    assert _particles("러시아 연방<은/는> 서울<으로/로>") == "러시아 연방은 서울로"


def test_korean_explorer_has_the_same_outcomes_and_no_english_left():
    english, korean = precompute(SCENARIOS, CONDITIONS), precompute(SCENARIOS, CONDITIONS, Words("ko"))
    assert english["outcomes"].keys() == korean["outcomes"].keys()
    for sid in english["outcomes"]:
        for key, pieces in english["outcomes"][sid].items():
            flags = lambda data, ids: re.findall(r'data-triggered="(\w+)"', "".join(data["pieces"][i] for i in ids))  # noqa: E731
            assert flags(english, pieces) == flags(korean, korean["outcomes"][sid][key]), (sid, key)
    html = explorer(language="ko").to_html()
    assert ' lang="ko"' in html
    visible = re.sub(r"<(style|script)[^>]*>.*?</\1>", "", html, flags=re.S)
    visible = re.sub(r"<[^>]+>", " ", visible)
    # English left: only the other alliances' authentic clauses, citations and the quoted Russian term.
    words = set(re.findall(r"\b(?:Triggered|Scenario|reading|met|Real event|Sources|Article)\b", visible))
    assert words == set(), words


def test_unknown_language_fails_when_the_explorer_is_made():
    with pytest.raises(ValueError, match="No explorer translation for 'xx'"):
        explorer(language="xx")
