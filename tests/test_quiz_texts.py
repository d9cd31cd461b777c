"""The quiz engine's words: every language has exactly the English keys and {placeholders}."""

from __future__ import annotations

import string

import pytest

from treaty_toolkit.quiz.grading import MESSAGES, labels_for, messages_for
from treaty_toolkit.quiz.texts import LANGUAGES, TEXTS, texts


def placeholders(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conversion in string.Formatter().parse(text) if name is not None}


OTHERS = [language for language in LANGUAGES if language != "en"]


def test_korean_is_one_of_the_languages():
    assert LANGUAGES[0] == "en" and "ko" in LANGUAGES and set(TEXTS) == set(LANGUAGES)


@pytest.mark.parametrize("language", OTHERS)
def test_every_language_has_the_english_tables_and_keys(language):
    english, other = TEXTS["en"], TEXTS[language]
    assert set(other) == set(english)
    for table in english:
        assert set(other[table]) == set(english[table]), (language, table)


@pytest.mark.parametrize("language", OTHERS)
def test_every_sentence_has_the_english_placeholders(language):
    for table, words in TEXTS["en"].items():
        for key, text in words.items():
            translated = TEXTS[language][table][key]
            assert placeholders(translated) == placeholders(text), (language, table, key, translated)
            assert translated.strip() and translated != text, (language, table, key)


@pytest.mark.parametrize("language", OTHERS)
def test_a_translated_sentence_is_in_that_language(language):
    hangul = lambda text: any("\uac00" <= ch <= "\ud7a3" for ch in text)  # noqa: E731
    for table, words in TEXTS[language].items():
        for key, text in words.items():
            assert hangul(text), (table, key, text)


def test_the_chosen_table_follows_the_language_and_english_stays_the_default():
    assert messages_for("self-check") == MESSAGES == texts("en")["messages"]
    assert messages_for("exam", "ko")["score"] == TEXTS["ko"]["exam"]["score"]
    assert messages_for("self-check", "ko")["score"] == TEXTS["ko"]["messages"]["score"]
    assert labels_for("ko")["check"] == "답 확인"


def test_an_unknown_language_is_named():
    with pytest.raises(ValueError, match="Unknown quiz language 'xx'"):
        texts("xx")
    with pytest.raises(ValueError, match="Unknown quiz language 'xx'"):
        messages_for("self-check", "xx")
