"""The LMS exports, read back: every file holds every bank's questions with their type, key, tolerance
and feedback; manifests point at files that exist; hostile bank text arrives as text in every format.

Each format is parsed here independently of the exporter: Moodle XML and the QTI packages with
ElementTree and zipfile, GIFT with the small reader below (Moodle's own escaping rules).
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from treaty_toolkit.quiz import load_library
from treaty_toolkit.quiz.bank import Option, Question
from treaty_toolkit.quiz.lms import FORMATS, MODULE_NAME, LmsExportError, canvas, export, gift, moodle, ordered_banks, qti21
from treaty_toolkit.quiz.lms.common import choice_fractions
from treaty_toolkit.quiz.markdown import render_block, render_inline

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_BOOK = Path(__file__).parent / "fixtures" / "quizzes" / "book"
LIBRARIES = {"book": load_library(ROOT), "fixtures": load_library(FIXTURE_BOOK)}
# Every bank on its own, and all banks together, for the book and the fixtures (with the hostile bank).
GROUPS = [(lib, g) for lib, library in LIBRARIES.items() for g in [*library.banks, MODULE_NAME]]
# The grades Moodle's question editor offers, in percent (question_bank::fraction_options_full).
MOODLE_PERCENTS = {100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
                   12.5, 11.11111, 10, 5, 0}
QTI1 = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
QTI2 = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP1 = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
CP2 = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:
    folders = {}
    for name, library in LIBRARIES.items():
        folders[name] = tmp_path_factory.mktemp(f"lms-{name}")
        export(library, folders[name])
    return folders


def banks_of(lib: str, group: str):
    library = LIBRARIES[lib]
    return ordered_banks(library) if group == MODULE_NAME else [library.banks[group]]


def questions_of(lib: str, group: str) -> list[Question]:
    return [q for bank in banks_of(lib, group) for q in bank.questions]


def text_of(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())


def plain(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


# --- Moodle XML ---------------------------------------------------------------------------------------

def read_moodle(path: Path) -> tuple[list[str], dict[str, tuple[str, ET.Element]]]:
    """(category paths, id -> (category, question element))."""
    categories, questions = [], {}
    for element in ET.parse(path).getroot().findall("question"):
        if element.get("type") == "category":
            categories.append(element.findtext("category/text"))
            continue
        qid = element.findtext("idnumber")
        assert element.findtext("name/text") == qid
        assert qid not in questions, f"{qid} twice"
        questions[qid] = (categories[-1], element)
    return categories, questions


def moodle_answers(element: ET.Element) -> list[tuple[float, str, str]]:
    return [(float(a.get("fraction")), a.findtext("text") or "", a.findtext("feedback/text") or "")
            for a in element.findall("answer")]


@pytest.mark.parametrize(("lib", "group"), GROUPS)
def test_moodle_xml_holds_every_question_of_every_type(exported, lib, group):
    categories, found = read_moodle(exported[lib] / f"{group}{moodle.SUFFIX}")
    banks = banks_of(lib, group)
    assert len(categories) == len(banks)
    for category, bank in zip(categories, banks):
        assert category.endswith("/" + " ".join(bank.title.split()).replace("/", "//")), category
    assert len(found) == len(questions_of(lib, group))
    for bank in banks:
        for q in bank.questions:
            category, element = found[q.id]
            assert category.endswith("/" + " ".join(bank.title.split()).replace("/", "//")), q.id
            assert element.findtext("questiontext/text").startswith(render_block(q.prompt)), q.id
            assert (element.findtext("generalfeedback/text") or "") == render_block(q.explanation), q.id
            answers = moodle_answers(element)
            if q.type in ("single", "multiple"):
                assert element.get("type") == "multichoice"
                assert element.findtext("single") == ("true" if q.type == "single" else "false")
                assert [a[1] for a in answers] == [render_inline(o.text) for o in q.options]
                assert [a[2] for a in answers] == [render_block(o.feedback) for o in q.options]
                fractions = [a[0] for a in answers]
                assert all(abs(f) in MOODLE_PERCENTS for f in fractions), (q.id, fractions)
                assert [f > 0 for f in fractions] == [o.correct for o in q.options], q.id
                # Moodle checks that the positive grades add up to 100 % at two decimal places.
                assert round(sum(f for f in fractions if f > 0), 2) == 100, q.id
                if q.type == "multiple":
                    assert sum(fractions) <= 1e-4, f"{q.id}: ticking every option must not score"
            elif q.type == "truefalse":
                assert element.get("type") == "truefalse"
                assert answers == [(100 if q.answer else 0, "true", render_block(q.feedback_true)),
                                   (0 if q.answer else 100, "false", render_block(q.feedback_false))]
            elif q.type == "numeric":
                assert element.get("type") == "numerical"
                [(fraction, value, _)] = answers
                assert (fraction, float(value)) == (100, q.answer)
                assert float(element.findtext("answer/tolerance")) == q.tolerance
                if q.unit:
                    assert q.unit in text_of(element.findtext("questiontext/text"))
            else:
                assert element.get("type") == "ordering"
                assert [a[1] for a in answers] == [render_inline(item) for item in q.items]
                assert [a[0] for a in answers] == list(range(1, len(q.items) + 1))
                assert element.findtext("selecttype") == "ALL" and element.findtext("selectcount") == str(len(q.items))


# --- GIFT ------------------------------------------------------------------------------------------------

# GIFT's escapes, read as Moodle reads them: "\\" first, then the escaped control characters.
GIFT_ESCAPES = {"\\": "\ue000", ":": "\ue001", "#": "\ue002", "=": "\ue003", "{": "\ue004", "}": "\ue005", "~": "\ue006",
                "n": "\ue007"}
GIFT_RESTORE = {v: ("\n" if k == "n" else k) for k, v in GIFT_ESCAPES.items()}


def protect(text: str) -> str:
    protected = re.sub(r"\\(.)", lambda m: GIFT_ESCAPES[m.group(1)], text, flags=re.S)
    assert "\\" not in protected, "a backslash that escapes nothing"
    return protected


def restore(text: str) -> str:
    return "".join(GIFT_RESTORE.get(c, c) for c in text).strip()


def read_gift(path: Path) -> tuple[list[str], list[str], dict[str, dict]]:
    """(header comment lines, categories, id -> parsed question)."""
    text = path.read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    header = [line for line in blocks[0].splitlines()]
    assert all(line.startswith("//") for line in header)
    categories, questions = [], {}
    for chunk in blocks[1:]:
        lines = chunk.strip().splitlines()
        comments = [line for line in lines if line.startswith("//")]
        body = protect("\n".join(line for line in lines if not line.startswith("//")))
        if body.startswith("$CATEGORY:"):
            categories.append(body.removeprefix("$CATEGORY:").strip())
            continue
        match = re.fullmatch(r"::([^:]+)::\[html\]([^{}]*)\{([^{}]*)\}", body, re.S)
        assert match, chunk
        name, prompt, answers = match.groups()
        general = ""
        if "####" in answers:
            answers, general = answers.rsplit("####", 1)
        answers = answers.strip()
        parsed = {"comments": comments, "prompt": restore(prompt), "general": restore(general)}
        if answers.startswith("#"):
            value, tolerance = answers[1:].split(":")
            parsed.update(kind="numeric", answer=float(value), tolerance=float(tolerance))
        elif re.match(r"(TRUE|FALSE)(#|$)", answers):
            key, *feedback = answers.split("#")
            wrong, right = (restore(f) for f in feedback) if feedback else ("", "")
            parsed.update(kind="truefalse", answer=key == "TRUE", wrong=wrong, right=right)
        else:
            options = []
            for mark, rest in re.findall(r"([=~])([^=~]*)", answers):
                weight = None
                if rest.startswith("%"):
                    weight, rest = rest[1:].split("%", 1)
                label, _, feedback = rest.partition("#")
                options.append((mark, None if weight is None else float(weight), restore(label), restore(feedback)))
            parsed.update(kind="choice", options=options)
        assert name not in questions
        questions[name] = parsed
    return header, categories, questions


@pytest.mark.parametrize(("lib", "group"), GROUPS)
def test_gift_holds_every_type_but_ordering_and_says_what_it_left_out(exported, lib, group):
    header, categories, found = read_gift(exported[lib] / f"{group}{gift.SUFFIX}")
    banks = banks_of(lib, group)
    assert len(categories) == len(banks)
    expected = [q for q in questions_of(lib, group) if q.type != "ordering"]
    assert sorted(found) == sorted(q.id for q in expected)
    left_out = [q.id for q in questions_of(lib, group) if q.type == "ordering"]
    for qid in left_out:
        assert any(re.search(rf"\b{re.escape(qid)} \(ordering", line) for line in header), (qid, header)
    for q in expected:
        parsed = found[q.id]
        assert f"[id:{q.id}]" in parsed["comments"][0]
        assert parsed["prompt"].startswith(render_block(q.prompt))
        assert parsed["general"] == render_block(q.explanation)
        if q.type == "numeric":
            assert (parsed["answer"], parsed["tolerance"]) == (q.answer, q.tolerance)
        elif q.type == "truefalse":
            right, wrong = (q.feedback_true, q.feedback_false) if q.answer else (q.feedback_false, q.feedback_true)
            assert (parsed["answer"], parsed["right"], parsed["wrong"]) == (q.answer, render_block(right), render_block(wrong))
        else:
            options = parsed["options"]
            assert [o[2] for o in options] == [render_inline(o.text) for o in q.options]
            assert [o[3] for o in options] == [render_block(o.feedback) for o in q.options]
            if q.type == "single":
                assert [o[0] for o in options] == ["=" if o.correct else "~" for o in q.options]
            else:
                assert {o[0] for o in options} == {"~"}, "an '=' would make Moodle import a single-choice question"
                weights = [o[1] for o in options]
                assert [w > 0 for w in weights] == [o.correct for o in q.options]
                assert all(abs(w) in MOODLE_PERCENTS for w in weights) and round(sum(w for w in weights if w > 0), 2) == 100


def test_gift_escaping_survives_every_control_character(tmp_path):
    tricky = "a~b=c#d{e}f:g \\ back\\slash, \\n literal\nand a line break ####"
    assert restore(protect(gift.escape(tricky))) == tricky.strip()
    assert not re.search(r"(?<!\\)[~=#{}:]", gift.escape(tricky).replace("\\\\", ""))


# --- Canvas QTI 1.2 --------------------------------------------------------------------------------------

def manifest_files(archive: zipfile.ZipFile, ns: str) -> tuple[ET.Element, list[str]]:
    """The manifest, checked: well-formed, every file and dependency it names exists."""
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    assert manifest.tag == f"{ns}manifest"
    names = set(archive.namelist())
    resources = {r.get("identifier"): r for r in manifest.iter(f"{ns}resource")}
    hrefs = [f.get("href") for f in manifest.iter(f"{ns}file")] + [r.get("href") for r in resources.values() if r.get("href")]
    missing = sorted(h for h in hrefs if h not in names)
    assert not missing, f"the manifest names files the package lacks: {missing}"
    for dependency in manifest.iter(f"{ns}dependency"):
        assert dependency.get("identifierref") in resources
    return manifest, hrefs


def read_canvas(path: Path) -> tuple[list[ET.Element], dict[str, ET.Element]]:
    """(assessments, id -> item)."""
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        manifest, _ = manifest_files(archive, CP1)
        quizzes = [r.find(f"{CP1}file").get("href") for r in manifest.iter(f"{CP1}resource")
                   if r.get("type") == "imsqti_xmlv1p2"]
        assessments = [ET.fromstring(archive.read(href)).find(f"{QTI1}assessment") for href in quizzes]
        for resource in manifest.iter(f"{CP1}resource"):
            if resource.get("href", "").endswith("assessment_meta.xml"):
                ET.fromstring(archive.read(resource.get("href")))
    items = {item.get("ident"): item for a in assessments for item in a.iter(f"{QTI1}item")}
    return assessments, items


def canvas_feedback(item: ET.Element) -> dict[str, str]:
    return {f.get("ident"): f.find(f".//{QTI1}mattext").text for f in item.iter(f"{QTI1}itemfeedback")}


@pytest.mark.parametrize(("lib", "group"), GROUPS)
def test_canvas_package_holds_every_type_but_ordering(exported, lib, group):
    assessments, items = read_canvas(exported[lib] / f"{group}{canvas.SUFFIX}")
    banks = banks_of(lib, group)
    assert [a.get("title") for a in assessments] == [" ".join(b.title.split()) for b in banks]
    for assessment, bank in zip(assessments, banks):
        comment = assessment.findtext(f"{QTI1}qticomment")
        for q in bank.questions:
            assert (q.id in comment) == (q.type == "ordering"), (q.id, comment)
    expected = [q for q in questions_of(lib, group) if q.type != "ordering"]
    assert sorted(items) == sorted(q.id for q in expected)
    kinds = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
             "truefalse": "true_false_question", "numeric": "numerical_question"}
    for q in expected:
        item = items[q.id]
        fields = {f.findtext(f"{QTI1}fieldlabel"): f.findtext(f"{QTI1}fieldentry") for f in item.iter(f"{QTI1}qtimetadatafield")}
        assert fields["question_type"] == kinds[q.type]
        assert item.find(f"{QTI1}presentation/{QTI1}material/{QTI1}mattext").text.startswith(render_block(q.prompt))
        feedback = canvas_feedback(item)
        assert feedback.get("general_fb", "") == render_block(q.explanation)
        scoring = [c for c in item.iter(f"{QTI1}respcondition") if c.findtext(f"{QTI1}setvar") == "100"]
        assert len(scoring) == 1 and scoring[0].get("continue") == "No"
        test = scoring[0].find(f"{QTI1}conditionvar")
        if q.type == "numeric":
            exact = float(test.findtext(f"{QTI1}or/{QTI1}varequal"))
            low = float(test.findtext(f"{QTI1}or/{QTI1}and/{QTI1}vargte"))
            high = float(test.findtext(f"{QTI1}or/{QTI1}and/{QTI1}varlte"))
            # Canvas reads the margin as (upper bound - exact answer).
            assert exact == q.answer and high - exact == pytest.approx(q.tolerance) and exact - low == pytest.approx(q.tolerance)
            continue
        labels = item.findall(f".//{QTI1}response_label")
        if q.type == "truefalse":
            expected_labels = [("True", q.answer is True, q.feedback_true), ("False", q.answer is False, q.feedback_false)]
        else:
            expected_labels = [(render_inline(o.text), o.correct, o.feedback) for o in q.options]
        assert [lab.find(f".//{QTI1}mattext").text for lab in labels] == [e[0] for e in expected_labels]
        idents = [lab.get("ident") for lab in labels]
        for ident, (_label, _correct, text) in zip(idents, expected_labels):
            assert feedback.get(f"{ident}_fb", "") == render_block(text), q.id
        keyed = {ident for ident, e in zip(idents, expected_labels) if e[1]}
        if q.type == "multiple":
            assert item.find(f".//{QTI1}response_lid").get("rcardinality") == "Multiple"
            required = {v.text for v in test.findall(f"{QTI1}and/{QTI1}varequal")}
            excluded = {v.text for v in test.findall(f"{QTI1}and/{QTI1}not/{QTI1}varequal")}
            assert (required, excluded) == (keyed, set(idents) - keyed)
        else:
            assert {test.findtext(f"{QTI1}varequal")} == keyed


# --- QTI 2.1 ---------------------------------------------------------------------------------------------

def read_qti21(path: Path) -> tuple[ET.Element, dict[str, ET.Element]]:
    """(the assessmentTest, id -> assessmentItem), after checking the manifest and the test's item refs."""
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        manifest, _ = manifest_files(archive, CP2)
        kinds = {r.get("type") for r in manifest.iter(f"{CP2}resource")}
        assert kinds == {"imsqti_test_xmlv2p1", "imsqti_item_xmlv2p1"}
        [test_href] = [r.get("href") for r in manifest.iter(f"{CP2}resource") if r.get("type") == "imsqti_test_xmlv2p1"]
        test = ET.fromstring(archive.read(test_href))
        items = {}
        for ref in test.iter(f"{QTI2}assessmentItemRef"):
            item = ET.fromstring(archive.read(ref.get("href")))
            items[item.get("title")] = item
    return test, items


def modal_feedback(item: ET.Element) -> dict[str, str]:
    return {f.get("identifier"): plain(f) for f in item.iter(f"{QTI2}modalFeedback")}


@pytest.mark.parametrize(("lib", "group"), GROUPS)
def test_qti21_package_holds_every_question(exported, lib, group):
    test, items = read_qti21(exported[lib] / f"{group}{qti21.SUFFIX}")
    banks = banks_of(lib, group)
    sections = test.findall(f".//{QTI2}assessmentSection")
    assert [len(s.findall(f"{QTI2}assessmentItemRef")) for s in sections] == [len(b.questions) for b in banks]
    assert sorted(items) == sorted(q.id for q in questions_of(lib, group))
    for q in questions_of(lib, group):
        item = items[q.id]
        body = item.find(f"{QTI2}itemBody")
        assert plain(body).startswith(text_of(render_block(q.prompt))), q.id
        declaration = item.find(f"{QTI2}responseDeclaration")
        correct = [v.text for v in declaration.iter(f"{QTI2}value")]
        feedback = modal_feedback(item)
        assert feedback.get("explanation", "") == text_of(render_block(q.explanation))
        if q.type in ("single", "multiple", "truefalse"):
            interaction = body.find(f"{QTI2}choiceInteraction")
            assert interaction.get("maxChoices") == ("0" if q.type == "multiple" else "1")
            choices = interaction.findall(f"{QTI2}simpleChoice")
            if q.type == "truefalse":
                expected = [("True", q.answer is True, q.feedback_true), ("False", q.answer is False, q.feedback_false)]
            else:
                expected = [(text_of(render_inline(o.text)), o.correct, o.feedback) for o in q.options]
            assert [plain(c) for c in choices] == [e[0] for e in expected]
            assert correct == [c.get("identifier") for c, e in zip(choices, expected) if e[1]]
            for choice, (_label, _right, text) in zip(choices, expected):
                assert feedback.get(choice.get("identifier"), "") == text_of(render_block(text)), q.id
            if q.type == "multiple":
                shares = [float(e.get("mappedValue")) for e in declaration.iter(f"{QTI2}mapEntry")]
                assert [s > 0 for s in shares] == [o.correct for o in q.options]
                assert sum(s for s in shares if s > 0) == pytest.approx(1) and sum(shares) <= 1e-9
        elif q.type == "numeric":
            assert body.find(f".//{QTI2}textEntryInteraction") is not None
            assert declaration.get("baseType") == "float" and [float(v) for v in correct] == [q.answer]
            equal = item.find(f".//{QTI2}equal")
            assert equal.get("toleranceMode") == "absolute"
            assert [float(t) for t in equal.get("tolerance").split()] == [q.tolerance, q.tolerance]
            if q.unit:
                assert q.unit in plain(body)
        else:
            interaction = body.find(f"{QTI2}orderInteraction")
            assert declaration.get("cardinality") == "ordered"
            labels = {c.get("identifier"): plain(c) for c in interaction.findall(f"{QTI2}simpleChoice")}
            assert [labels[i] for i in correct] == [text_of(render_inline(item)) for item in q.items]
            assert list(labels) != correct, f"{q.id}: items listed in the answer's order"


# --- Safety, grades, files -------------------------------------------------------------------------------

INERT_TAGS = {"p", "code", "pre", "em", "strong", "ul", "ol", "li", "br", "a", "blockquote"}


def assert_inert(html: str, where: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    tags = {tag.name for tag in soup.find_all(True)}
    assert tags <= INERT_TAGS, (where, tags - INERT_TAGS)
    for tag in soup.find_all(True):
        for attribute, value in tag.attrs.items():
            assert not attribute.lower().startswith("on") and "javascript:" not in str(value).lower(), (where, tag)


HOSTILE_TEXT = '<script>window.__pwned = "prompt"</script>'


def test_hostile_bank_text_stays_text_in_every_format(exported):
    folder = exported["fixtures"]
    # Moodle XML: every HTML field
    _, questions = read_moodle(folder / f"hostile{moodle.SUFFIX}")
    for qid, (_, element) in questions.items():
        for text in element.iter("text"):
            assert_inert(text.text or "", f"moodle {qid}")
    assert HOSTILE_TEXT in text_of(questions["h-single"][1].findtext("questiontext/text"))
    # GIFT: prompts, options, feedback
    _, _, found = read_gift(folder / f"hostile{gift.SUFFIX}")
    for qid, parsed in found.items():
        pieces = [parsed["prompt"], parsed["general"], parsed.get("right", ""), parsed.get("wrong", "")]
        pieces += [p for o in parsed.get("options", []) for p in o[2:]]
        for piece in pieces:
            assert_inert(piece, f"gift {qid}")
    assert HOSTILE_TEXT in text_of(found["h-single"]["prompt"])
    # Canvas: every mattext
    _, items = read_canvas(folder / f"hostile{canvas.SUFFIX}")
    for qid, item in items.items():
        for mattext in item.iter(f"{QTI1}mattext"):
            assert_inert(mattext.text or "", f"canvas {qid}")
    assert HOSTILE_TEXT in text_of(items["h-single"].find(f".//{QTI1}mattext").text)
    # QTI 2.1: the HTML is part of the item's XML, so the item's own elements are what a player renders
    _, items = read_qti21(folder / f"hostile{qti21.SUFFIX}")
    qti_tags = {"simpleChoice", "choiceInteraction", "orderInteraction", "textEntryInteraction", "modalFeedback", "itemBody"}
    for qid, item in items.items():
        for part in [item.find(f"{QTI2}itemBody"), *item.findall(f"{QTI2}modalFeedback")]:
            for element in part.iter():
                name = element.tag.removeprefix(QTI2)
                assert name in INERT_TAGS | qti_tags, (qid, name)
                assert not any(a.lower().startswith("on") or "javascript:" in v.lower() for a, v in element.attrib.items())
    assert HOSTILE_TEXT in plain(items["h-single"].find(f"{QTI2}itemBody"))
    assert '<img src=x onerror="window.__pwned = 12">' in plain(items["h-ordering"].find(f"{QTI2}itemBody"))


def multiple(n_right: int, n_wrong: int) -> Question:
    options = tuple(Option(f"right {i}", True) for i in range(n_right)) + tuple(Option(f"wrong {i}", False) for i in range(n_wrong))
    return Question(id="m", type="multiple", objective="o", source="s", prompt="p", bank="b", options=options)


@pytest.mark.parametrize("n_right", range(1, 11))
@pytest.mark.parametrize("n_wrong", [0, 1, 2, 3, 6, 7, 11, 25])
def test_multiple_select_grades_are_moodle_grades_that_sum_to_full_marks(n_right, n_wrong):
    shares = choice_fractions(multiple(n_right, n_wrong))
    percents = [round(s * 100, 5) for s in shares]
    assert all(abs(p) in MOODLE_PERCENTS for p in percents), percents
    assert round(sum(p for p in percents if p > 0), 2) == 100
    if n_wrong:
        assert sum(percents) <= 1e-4  # every box ticked: nothing
        assert min(percents) >= -100 and 100 / n_wrong <= -min(percents) + 1e-4  # one wrong tick costs its share


def test_banks_come_in_the_order_of_the_chapters_that_show_them():
    order = [bank.id for bank in ordered_banks(LIBRARIES["book"])]
    assert sorted(order) == sorted(LIBRARIES["book"].banks)
    assert (order[0], order[-1]) == ("context", "commentary")  # chapters 1 and 10, not the alphabet
    assert [bank.id for bank in ordered_banks(LIBRARIES["fixtures"])] == ["hostile", "sample"]  # no _toc.yml: by name


def test_a_mark_moodle_cannot_split_is_an_error_naming_the_question():
    with pytest.raises(LmsExportError, match="question 'm'"):
        choice_fractions(multiple(11, 1))


def test_exports_are_byte_identical_between_runs_and_stale_files_go(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    export(LIBRARIES["fixtures"], first)
    (second / f"gone{moodle.SUFFIX}").parent.mkdir()
    (second / f"gone{moodle.SUFFIX}").write_text("old", encoding="utf-8")
    (second / "notes.txt").write_text("mine", encoding="utf-8")
    export(LIBRARIES["fixtures"], second)
    names = sorted(p.name for p in first.iterdir())
    assert len(names) == (len(LIBRARIES["fixtures"].banks) + 1) * len(FORMATS)
    assert sorted(p.name for p in second.iterdir()) == sorted([*names, "notes.txt"])
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_command_line_writes_the_files_and_reports_bad_banks(tmp_path):
    command = [sys.executable, "-m", "treaty_toolkit.quiz.lms", "--root", str(FIXTURE_BOOK), "--out", str(tmp_path / "out")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "2 banks, 9 questions" in result.stdout and "2 left out (ordering)" in result.stdout
    assert (tmp_path / "out" / f"{MODULE_NAME}{qti21.SUFFIX}").is_file()
    (tmp_path / "broken" / "exercises").mkdir(parents=True)
    (tmp_path / "broken" / "_config.yml").write_text("title: Broken\n", encoding="utf-8")
    result = subprocess.run([*command[:4], str(tmp_path / "broken"), "--out", str(tmp_path / "x")],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 1 and result.stderr.startswith("error: ") and "objectives" in result.stderr
