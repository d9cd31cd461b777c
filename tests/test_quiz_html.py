"""The static rendering: accessible structure, deterministic output, and no executable bank text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from treaty_toolkit.quiz import LABELS, MESSAGES, load_library, quiz, results
from treaty_toolkit.quiz.grading import DOWNLOAD_MESSAGES, EXAM_MESSAGES
from treaty_toolkit.quiz.html import render_quiz

FIXTURE_BOOK = Path(__file__).parent / "fixtures" / "quizzes" / "book"
LIBRARY = load_library(FIXTURE_BOOK)


def rendered(bank_id: str) -> BeautifulSoup:
    bank = LIBRARY.bank(bank_id)
    return BeautifulSoup(render_quiz(bank, bank.select()), "html.parser")


@pytest.mark.parametrize("bank_id", ["sample", "hostile"])
def test_every_question_follows_the_accessibility_contract(bank_id):
    soup = rendered(bank_id)
    forms = soup.select("form.tt-quiz-question")
    assert len(forms) == len(LIBRARY.bank(bank_id).questions)
    for form in forms:
        fieldset = form.find("fieldset")
        assert fieldset is not None and fieldset.find("legend", recursive=False).get_text(strip=True)
        controls = fieldset.find_all(["input", "select"])
        assert controls, form["id"]
        for control in controls:
            labels = soup.find_all("label", attrs={"for": control["id"]})
            assert len(labels) == 1 and labels[0].get_text(strip=True), control["id"]
        button = fieldset.find("button")
        assert button["type"] == "submit" and "Check" in button.get_text()
        live = fieldset.select('[aria-live="polite"]')
        assert len(live) == 1 and live[0]["id"] == f"{form['id']}-feedback"
    # every id is unique and every id reference points at something
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    for tag in soup.find_all(attrs={"aria-describedby": True}):
        assert tag["aria-describedby"] in ids
    assert soup.select_one(".tt-quiz")["aria-labelledby"] in ids


def test_input_types_per_question_type():
    soup = rendered("sample")
    kinds = {form["data-tt-type"]: sorted({c.get("type", c.name) for c in form.find_all(["input", "select"])}) for form in soup.select("form")}
    assert kinds == {
        "single": ["radio"], "multiple": ["checkbox"], "truefalse": ["radio"], "numeric": ["text"], "ordering": ["select"],
    }
    assert [label.get_text() for label in soup.select("#tt-q-s-truefalse label")] == ["True", "False"]
    assert soup.select_one('label[for="tt-q-s-numeric-input"]').get_text() == "Your answer (units)"


def test_ordering_is_shown_shuffled_and_keyed():
    soup = rendered("sample")
    form = soup.select_one("#tt-q-s-ordering")
    shown = [label.get_text() for label in form.select("label")]
    assert sorted(shown) == sorted(["one", "two", "three", "four"])
    assert shown != ["one", "two", "three", "four"]
    positions = json.loads(form["data-tt-key"])["positions"]
    # the key puts the shown items back into the bank's (correct) order
    assert [item for _p, item in sorted(zip(positions, shown))] == ["one", "two", "three", "four"]


def test_output_is_deterministic_and_ids_come_from_question_ids():
    bank = LIBRARY.bank("sample")
    first, second = render_quiz(bank, bank.select()), render_quiz(bank, bank.select())
    assert first == second
    soup = BeautifulSoup(first, "html.parser")
    for tag in soup.find_all(id=True):
        assert re.match(r"^tt-(q-s-[a-z]+|quiz-sample-s-single)(-|$)", tag["id"]), tag["id"]
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}|20\d\d-\d\d-\d\dT", first)  # no uuids or timestamps


def test_hostile_bank_renders_no_executable_html():
    html = render_quiz(LIBRARY.bank("hostile"), LIBRARY.bank("hostile").select())
    soup = BeautifulSoup(html, "html.parser")
    # nothing a browser could run or load, including inside the inert feedback templates
    allowed = {"section", "p", "strong", "form", "fieldset", "legend", "span", "div", "input", "label", "button",
               "template", "select", "option", "code", "em", "pre"}
    assert {tag.name for tag in soup.find_all(True)} <= allowed
    for tag in soup.find_all(True):
        for attribute in tag.attrs:
            assert not attribute.lower().startswith("on"), (tag.name, attribute)
            assert "javascript:" not in str(tag[attribute]).lower(), (tag.name, attribute)
    # the text survived, visibly, as text
    assert "<script>window.__pwned = \"prompt\"</script>" in soup.select_one("#tt-q-h-single legend").get_text()
    assert "onerror" in soup.select_one('label[for="tt-q-h-numeric-input"]').get_text()


def test_notebook_display_carries_widget_and_static_html(root):
    display = quiz("sample", ["s-numeric", "s-single"], root=FIXTURE_BOOK)
    bundle = display._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html", "application/vnd.jupyter.widget-view+json"}
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == display.widget.box.model_id
    soup = BeautifulSoup(bundle["text/html"], "html.parser")
    assert [f["data-tt-question"] for f in soup.select("form")] == ["s-numeric", "s-single"]
    assert bundle["text/html"] == quiz("sample", ["s-numeric", "s-single"], root=FIXTURE_BOOK).html()


def test_book_config_prefers_the_static_html_for_html_builders(root):
    import yaml

    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    overrides = config["sphinx"]["config"]["nb_mime_priority_overrides"]
    assert ["html", "text/html", 0] in overrides
    from myst_nb.core.render import get_mime_priority

    priority = get_mime_priority("html", [tuple(o) for o in overrides])
    assert priority.index("text/html") < priority.index("application/vnd.jupyter.widget-view+json")


def test_self_check_is_the_default_mode_and_an_unknown_mode_is_refused():
    bank = LIBRARY.bank("sample")
    assert render_quiz(bank, bank.select()) == render_quiz(bank, bank.select(), "self-check")
    assert "data-tt-mode" not in render_quiz(bank, bank.select())
    with pytest.raises(ValueError, match="Unknown quiz mode 'test': use one of self-check, exam"):
        render_quiz(bank, bank.select(), "test")


def test_exam_mode_has_one_submit_one_live_result_and_no_check_buttons():
    bank = LIBRARY.bank("sample")
    soup = BeautifulSoup(render_quiz(bank, bank.select(), "exam"), "html.parser")
    quiz_box = soup.select_one("section.tt-quiz")
    assert quiz_box["data-tt-mode"] == "exam"
    assert quiz_box.select_one(".tt-quiz-note").get_text() == LABELS["exam_note"]
    assert quiz_box.select_one(".tt-quiz-title").get_text() == LABELS["exam_title"].format(title=bank.title)
    assert soup.select(".tt-quiz-check") == [] and soup.select(".tt-quiz-score") == []
    forms = soup.select("form.tt-quiz-question")
    assert len(forms) == len(bank.questions)
    for form in forms:  # every control still labelled; the feedback is there but does not speak
        for control in form.find_all(["input", "select"]):
            assert len(soup.find_all("label", attrs={"for": control["id"]})) == 1, control["id"]
        feedback = form.select_one(".tt-quiz-feedback")
        assert feedback["id"] == f"{form['id']}-feedback" and not feedback.has_attr("aria-live")
    # The one live region that speaks on Submit is the result in its footer, next to Submit and Start again;
    # the other is the download's note, which speaks only when the files are saved.
    live = soup.select('[aria-live="polite"]')
    assert [tag["id"] for tag in live] == [f"{quiz_box['id']}-result", f"{quiz_box['id']}-download-status"]
    assert live[0].find_parent(class_="tt-quiz-footer") is not None and live[0].get_text() == ""
    assert live[1].find_parent(class_="tt-quiz-download") is not None and live[1].get_text() == ""
    buttons = soup.select(".tt-quiz-footer button")
    assert [(b["type"], b["class"], b.get_text()) for b in buttons] == [
        ("button", ["tt-quiz-submit"], LABELS["submit"]), ("button", ["tt-quiz-reset"], LABELS["start_again"]),
    ]
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_exam_mode_ships_its_own_sentences_and_none_asks_for_a_check_button():
    bank = LIBRARY.bank("sample")
    soup = BeautifulSoup(render_quiz(bank, bank.select(), "exam"), "html.parser")
    shipped = json.loads(soup.select_one("section.tt-quiz")["data-tt-messages"])
    assert shipped == {**MESSAGES, **EXAM_MESSAGES}
    # An exam has no Check button, so no sentence it can show may tell the student to press one.
    assert [key for key, text in shipped.items() if LABELS["check"].split()[0] in text] == []
    assert LABELS["submit"] in shipped["unanswered_one"] and LABELS["submit"] in shipped["unanswered_many"]
    self_check = BeautifulSoup(render_quiz(bank, bank.select()), "html.parser")
    assert json.loads(self_check.select_one("section.tt-quiz")["data-tt-messages"]) == MESSAGES


@pytest.mark.parametrize("mode", ["self-check", "exam"])
def test_download_controls_are_labelled_and_an_exam_waits_for_submit(mode):
    bank = LIBRARY.bank("sample")
    soup = BeautifulSoup(render_quiz(bank, bank.select(), mode), "html.parser")
    box = soup.select_one("section.tt-quiz > .tt-quiz-download")
    field = box.select_one("input")
    assert field["type"] == "text" and field["maxlength"] == "80"
    assert box.select_one(f'label[for="{field["id"]}"]').get_text() == LABELS["name"]
    button = box.select_one("button.tt-quiz-download-button")
    assert button.get_text() == LABELS["download"] and button["type"] == "button"
    described = [box.find(id=i).get_text() for i in button["aria-describedby"].split()]
    wait = [LABELS["download_after_submit"]] if mode == "exam" else []
    assert described == [LABELS["download_note"], *wait]
    shipped = json.loads(box["data-tt-download"])
    assert shipped["format"] == results.FORMAT and shipped["version"] == results.FORMAT_VERSION
    assert shipped["columns"] == results.CSV_COLUMNS
    assert {k: shipped[k] for k in DOWNLOAD_MESSAGES} == DOWNLOAD_MESSAGES
