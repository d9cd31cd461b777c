"""Canvas (Classic Quizzes) QTI 1.2 package: single choice, multiple answers, true/false, numerical.

Import in Canvas with Settings → Import Course Content → "QTI .zip file". The package holds one
assessment per bank (``quiz-<bank>/quiz-<bank>.xml``, with Canvas's ``assessment_meta.xml`` beside it)
listed in ``imsmanifest.xml``; Canvas makes a quiz and a question bank of each. Numerical answers are
Canvas's "exact answer with margin" (an exact value or a value within the bounds). Classic Quizzes has
no ordering type, so ordering questions are left out; each assessment says which in a ``qticomment``.

Feedback follows Canvas's own exports: ``general_fb`` (the explanation, shown whatever the answer) and
``<answer>_fb`` per option.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path

from ..bank import Bank, Question
from ..grading import LABELS
from .common import Omission, block, bounds, document, inline, number, one_line, prompt_html, sub, write_zip, xml_bytes

SUFFIX = "-canvas-qti12.zip"
LABEL = "Canvas QTI 1.2"
LEFT_OUT = {"ordering": "Canvas Classic Quizzes have no ordering question type"}
QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CANVAS = "http://canvas.instructure.com/xsd/cccv1p0"
IMSCP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
QUESTION_TYPES = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
                  "truefalse": "true_false_question", "numeric": "numerical_question"}


def _mattext(parent: ET.Element, html: str) -> None:
    sub(sub(parent, "material"), "mattext", html, texttype="text/html")


def _field(metadata: ET.Element, label: str, entry: str) -> None:
    field = sub(metadata, "qtimetadatafield")
    sub(field, "fieldlabel", label)
    sub(field, "fieldentry", entry)


def _condition(resprocessing: ET.Element, stop: bool) -> tuple[ET.Element, ET.Element]:
    condition = ET.SubElement(resprocessing, "respcondition", {"continue": "No" if stop else "Yes"})
    return condition, sub(condition, "conditionvar")


def _show(condition: ET.Element, feedback_id: str) -> None:
    sub(condition, "displayfeedback", feedbacktype="Response", linkrefid=feedback_id)


def _score(condition: ET.Element) -> None:
    sub(condition, "setvar", "100", action="Set", varname="SCORE")


def choices(q: Question) -> list[tuple[str, str, bool, str]]:
    """(answer id, label HTML, correct, feedback Markdown) per choice; ids are numbers, as Canvas writes them."""
    if q.type == "truefalse":
        return [("1000", escape(LABELS["true"]), q.answer is True, q.feedback_true),
                ("1001", escape(LABELS["false"]), q.answer is False, q.feedback_false)]
    return [(str(1000 + i), inline(o.text), o.correct, o.feedback) for i, o in enumerate(q.options)]


def item_element(q: Question) -> ET.Element:
    item = ET.Element("item", ident=q.id, title=q.id)
    metadata = sub(sub(item, "itemmetadata"), "qtimetadata")
    _field(metadata, "question_type", QUESTION_TYPES[q.type])
    _field(metadata, "points_possible", "1.0")
    presentation = sub(item, "presentation")
    _mattext(presentation, prompt_html(q))
    resprocessing = ET.Element("resprocessing")
    sub(sub(resprocessing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    feedback = []
    if q.explanation:
        condition, test = _condition(resprocessing, stop=False)
        sub(test, "other")
        _show(condition, "general_fb")
        feedback.append(("general_fb", q.explanation))
    if q.type == "numeric":
        _field(metadata, "original_answer_ids", "1000")
        response = sub(presentation, "response_str", ident="response1", rcardinality="Single")
        sub(sub(response, "render_fib", fibtype="Decimal"), "response_label", ident="answer1")
        low, high = bounds(q)
        condition, test = _condition(resprocessing, stop=True)
        either = sub(test, "or")
        sub(either, "varequal", number(q.answer), respident="response1")
        within = sub(either, "and")
        sub(within, "vargte", low, respident="response1")
        sub(within, "varlte", high, respident="response1")
        _score(condition)
    else:
        options = choices(q)
        _field(metadata, "original_answer_ids", ",".join(ident for ident, *_ in options))
        cardinality = "Multiple" if q.type == "multiple" else "Single"
        response = sub(presentation, "response_lid", ident="response1", rcardinality=cardinality)
        render = sub(response, "render_choice")
        for ident, label, _correct, text in options:
            _mattext(sub(render, "response_label", ident=ident), label)
            if text:
                condition, test = _condition(resprocessing, stop=False)
                sub(test, "varequal", ident, respident="response1")
                _show(condition, f"{ident}_fb")
                feedback.append((f"{ident}_fb", text))
        condition, test = _condition(resprocessing, stop=True)
        if q.type == "multiple":  # full marks for exactly the correct set (Canvas then grades partial credit itself)
            every = sub(test, "and")
            for ident, _label, correct, _text in options:
                parent = every if correct else sub(every, "not")
                sub(parent, "varequal", ident, respident="response1")
        else:
            key = next(ident for ident, _label, correct, _text in options if correct)
            sub(test, "varequal", key, respident="response1")
        _score(condition)
    item.append(resprocessing)
    for ident, text in feedback:
        flow = sub(sub(item, "itemfeedback", ident=ident), "flow_mat")
        _mattext(flow, block(text))
    return item


def assessment(bank: Bank, ident: str) -> tuple[bytes, list[Omission]]:
    omitted = [Omission(q.id, bank.id, q.type, LEFT_OUT[q.type]) for q in bank.questions if q.type in LEFT_OUT]
    root = document("questestinterop", QTI, "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd")
    test = sub(root, "assessment", ident=ident, title=one_line(bank.title))
    note = "; ".join(o.line() for o in omitted) if omitted else "none"
    sub(test, "qticomment", f"Left out: {note}")
    section = sub(test, "section", ident="root_section")
    for q in bank.questions:
        if q.type not in LEFT_OUT:
            section.append(item_element(q))
    return xml_bytes(root), omitted


def assessment_meta(bank: Bank, ident: str) -> bytes:
    """Canvas's quiz settings: title, description, a graded quiz worth one point per question."""
    points = sum(q.type not in LEFT_OUT for q in bank.questions)
    quiz = document("quiz", CANVAS, "https://canvas.instructure.com/xsd/cccv1p0.xsd", identifier=ident)
    for tag, text in (("title", one_line(bank.title)), ("description", block(bank.description)),
                      ("shuffle_answers", "false"), ("scoring_policy", "keep_highest"), ("quiz_type", "assignment"),
                      ("points_possible", f"{points:.1f}"), ("show_correct_answers", "true")):
        sub(quiz, tag, text)
    return xml_bytes(quiz)


def manifest(name: str, idents: list[str]) -> bytes:
    root = document("manifest", IMSCP, identifier=f"manifest-{name}")
    metadata = sub(root, "metadata")
    sub(metadata, "schema", "IMS Content")
    sub(metadata, "schemaversion", "1.1.3")
    sub(root, "organizations")
    resources = sub(root, "resources")
    for ident in idents:
        quiz = sub(resources, "resource", identifier=ident, type="imsqti_xmlv1p2")
        sub(quiz, "file", href=f"{ident}/{ident}.xml")
        sub(quiz, "dependency", identifierref=f"{ident}-meta")
        meta = sub(resources, "resource", identifier=f"{ident}-meta",
                    type="associatedcontent/imscc_xmlv1p1/learning-application-resource", href=f"{ident}/assessment_meta.xml")
        sub(meta, "file", href=f"{ident}/assessment_meta.xml")
    return xml_bytes(root)


def write(banks: list[Bank], path: Path, module_title: str) -> list[Omission]:
    files: dict[str, bytes] = {}
    omitted: list[Omission] = []
    idents = [f"quiz-{bank.id}" for bank in banks]
    files["imsmanifest.xml"] = manifest(path.name.removesuffix(SUFFIX), idents)
    for bank, ident in zip(banks, idents):
        xml, left_out = assessment(bank, ident)
        files[f"{ident}/{ident}.xml"] = xml
        files[f"{ident}/assessment_meta.xml"] = assessment_meta(bank, ident)
        omitted += left_out
    write_zip(path, files)
    return omitted
