"""Bank translations (exercises/quizzes/<language>/<bank>.yaml): merged by id, checked field by field.

A translation gives only text; a bad one fails naming the file, the question id and the field. The
fixture book translates the sample bank into Korean except one question, which stays in English.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from treaty_toolkit import project
from treaty_toolkit.quiz import QuizBankError, load_library
from treaty_toolkit.quiz.bank import untranslated

FIXTURE_BOOK = Path(__file__).parent / "fixtures" / "quizzes" / "book"
TRANSLATION = Path("exercises/quizzes/ko/sample.yaml")


@pytest.fixture
def book(tmp_path) -> Path:
    target = tmp_path / "book"
    shutil.copytree(FIXTURE_BOOK, target)
    return target


def translation(book: Path) -> dict:
    return yaml.safe_load((book / TRANSLATION).read_text(encoding="utf-8"))


def write(book: Path, data, name: str = "sample") -> Path:
    path = book / "exercises" / "quizzes" / "ko" / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_the_text_is_merged_by_id_and_everything_else_stays_english():
    english = load_library(FIXTURE_BOOK).bank("sample")
    korean = load_library(FIXTURE_BOOK, language="ko").bank("sample")
    assert (korean.title, korean.language, english.language) == ("예시 문제 은행", "ko", "en")
    by_id = {q.id: q for q in korean.questions}
    single = by_id["s-single"]
    assert single.prompt == "**나**를 고르세요." and [o.text for o in single.options] == ["가", "나", "다"]
    assert [o.feedback for o in single.options] == ["가는 첫 글자입니다.", "바로 나입니다.", ""]
    for en, ko in zip(english.questions, korean.questions):
        assert (ko.id, ko.type, ko.objective, ko.source, ko.answer, ko.tolerance) == \
            (en.id, en.type, en.objective, en.source, en.answer, en.tolerance)
        assert [o.correct for o in ko.options] == [o.correct for o in en.options]
    assert by_id["s-numeric"].unit == "단위" and by_id["s-truefalse"].feedback_false.startswith("맞습니다")


def test_an_untranslated_question_falls_back_to_english_and_is_reported():
    library = load_library(FIXTURE_BOOK, language="ko")
    ordering = library.questions["s-ordering"]
    assert (ordering.language, ordering.items) == ("en", ("one", "two", "three", "four"))
    # The hostile bank has no translation file at all: every question stays English.
    assert untranslated(library) == {"sample": ["s-ordering"], "hostile": [q.id for q in library.bank("hostile").questions]}
    assert untranslated(load_library(FIXTURE_BOOK)) == {}


def test_the_pilot_banks_are_translated_completely(root):
    gaps = untranslated(load_library(root, language="ko"))
    assert {bank: ids for bank, ids in gaps.items() if bank in ("context", "article4")} == {}


def test_korean_treaty_quotations_in_the_banks_are_verbatim_from_the_data(root):
    """Treaty wording quoted in Korean ("…") must be the data's Korean text, never a back-translation."""
    import re

    from treaty_toolkit.data import load_table

    korean = " ".join(load_table("treaty_articles")["content"].dropna())
    hangul = re.compile("[\uac00-\ud7a3]")
    quoted = []
    for path in sorted((root / project.QUIZ_DIR / "ko").glob("*.yaml")):
        for quote in re.findall(r'"([^"]+)"', path.read_text(encoding="utf-8")):
            if hangul.search(quote):
                quoted.append(quote)
                for piece in filter(None, (p.strip() for p in quote.split("…"))):
                    assert piece in korean, f"{path.name}: \"{quote}\" is not in data/treaty_articles.csv"
    assert len(quoted) >= 4  # the Article 4 bank quotes the trigger, the timing and the qualifier


def mutate(change):
    def apply(data):
        change(data)
        return data
    return apply


BAD = {
    "unknown-id": (mutate(lambda d: d["questions"].update({"s-missing": {"prompt": "없음"}})),
                   "question 's-missing', field 'id': no such question"),
    "untranslatable-field": (mutate(lambda d: d["questions"]["s-numeric"].update({"answer": 1})),
                             "question 's-numeric', field 'answer': not translatable"),
    "field-the-english-lacks": (mutate(lambda d: d["questions"]["s-numeric"].update({"feedback_true": "예"})),
                                "question 's-numeric', field 'feedback_true': the English question has none"),
    "empty-prompt": (mutate(lambda d: d["questions"]["s-single"].update({"prompt": "  "})),
                     "question 's-single', field 'prompt': empty translation"),
    "missing-explanation": (mutate(lambda d: d["questions"]["s-single"].pop("explanation")),
                            "question 's-single', field 'explanation': missing"),
    "fewer-options": (mutate(lambda d: d["questions"]["s-single"]["options"].pop()),
                      "question 's-single', field 'options': expected a list of 3 options"),
    "empty-option": (mutate(lambda d: d["questions"]["s-single"]["options"][1].update({"text": ""})),
                     "question 's-single', field 'options.2.text': empty translation"),
    "option-feedback-missing": (mutate(lambda d: d["questions"]["s-single"]["options"][0].pop("feedback")),
                                "question 's-single', field 'options.1.feedback': missing"),
    "option-correct-key": (mutate(lambda d: d["questions"]["s-single"]["options"][0].update({"correct": True})),
                           "question 's-single', field 'options.1.correct': not translatable"),
    "same-option-twice": (mutate(lambda d: d["questions"]["s-multiple"]["options"][3].update({"text": "ㅏ"})),
                          "question 's-multiple', field 'options': two options have the same text"),
    "more-items": (mutate(lambda d: d["questions"].update({"s-ordering": {
        "prompt": "순서", "explanation": "하나, 둘", "items": ["하나", "둘", "셋", "넷", "다섯"]}})),
                   "question 's-ordering', field 'items': expected a list of 4 items"),
    "empty-item": (mutate(lambda d: d["questions"].update({"s-ordering": {
        "prompt": "순서", "explanation": "하나, 둘", "items": ["하나", "", "셋", "넷"]}})),
                   "question 's-ordering', field 'items.2': empty translation"),
    "no-title": (mutate(lambda d: d.pop("title")), "top level, field 'title': missing or empty translation"),
    "bank-level-key": (mutate(lambda d: d.update({"bank": "sample"})), "top level, field 'bank': not translatable"),
    "not-a-mapping": (lambda d: ["a list"], "top level, field '(whole file)'"),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_a_bad_translation_fails_naming_file_question_and_field(book, case):
    change, expected = BAD[case]
    path = write(book, change(translation(book)))
    with pytest.raises(QuizBankError) as info:
        load_library(book, language="ko")
    assert str(info.value).startswith(f"{path}: "), info.value
    assert expected in str(info.value)


def test_a_translation_of_no_bank_fails(book):
    path = write(book, {"title": "없음", "questions": {}}, name="nothing")
    with pytest.raises(QuizBankError, match="no English bank 'nothing'") as info:
        load_library(book, language="ko")
    assert str(info.value).startswith(str(path))


def test_an_unknown_language_fails(book):
    with pytest.raises(QuizBankError, match="Unknown quiz language 'xx'"):
        load_library(book, language="xx")


def test_english_ignores_the_translations(book):
    write(book, ["not even a mapping"])
    assert load_library(book).bank("sample").title == "Sample bank"


# --- learning objectives ------------------------------------------------------------------------------


def test_the_pilot_chapters_objectives_are_in_korean():
    korean = load_library(project.CHECKOUT, language="ko").objectives
    english = load_library(project.CHECKOUT).objectives
    for chapter in ("context", "article4"):
        chosen = [o for o in korean.values() if o.chapter == chapter]
        assert chosen and all(o.text != english[o.id].text and re.search("[가-힣]", o.text) for o in chosen), chapter
    assert korean["com-1"].text == english["com-1"].text  # not translated yet: English


@pytest.mark.parametrize(("text", "message"), [
    ("ctx-99: 없는 목표\n", "objective 'ctx-99', field 'id': no such objective"),
    ("ctx-1: ''\n", "objective 'ctx-1', field 'text': missing or empty"),
    ("- ctx-1\n", "expected a mapping of objective id to text"),
])
def test_a_bad_objectives_translation_fails_naming_file_objective_and_field(tmp_path, text, message):
    from treaty_toolkit.quiz.bank import load_objectives, translate_objectives

    english = tmp_path / "objectives.yaml"
    english.write_text("- id: ctx-1\n  chapter: context\n  text: Trace the road.\n", encoding="utf-8")
    path = tmp_path / "objectives.ko.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(QuizBankError) as raised:
        translate_objectives(load_objectives(english), path)
    assert str(path) in str(raised.value) and message in str(raised.value)
