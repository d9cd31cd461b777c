"""IMS QTI 2.1 content package: every question, one assessmentItem file each, and a test per package.

``imsmanifest.xml`` lists ``assessment.xml`` (an assessmentTest with one section per bank) and each
``items/<id>.xml``. Choices are choiceInteraction (multiple select scored by a mapping with the same
shares as the Moodle export), true/false is a two-choice choiceInteraction, numerical is a
textEntryInteraction scored with ``equal`` in absolute tolerance mode (the unit after the box), and ordering is an
orderInteraction (all or nothing). Bank Markdown becomes XHTML elements inside the item body, built
from the safe renderer's output, so bank text stays text. Feedback: each chosen option's feedback and
the explanation are modalFeedback, selected by the FEEDBACK outcome.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path

from ..bank import Bank, Question
from ..grading import LABELS, display_order
from .common import Omission, block, choice_fractions, document, inline, number, one_line, prompt_html, sub, write_zip, xml_bytes

SUFFIX = "-qti21.zip"
LABEL = "QTI 2.1"
QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
IMSCP = "http://www.imsglobal.org/xsd/imscp_v1p1"
SCHEMA = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p2.xsd"
TEST_FILE = "assessment.xml"
# Elements whose content is HTML: pretty-printing must not add whitespace inside them.
MIXED = frozenset({"p", "li", "pre", "code", "em", "strong", "a", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                   "simpleChoice", "modalFeedback", "div", "span"})
EXPLANATION = "explanation"


def identifier(question_id: str) -> str:
    """A QTI identifier (it may not start with a digit, which bank ids may)."""
    return question_id if question_id[0].isalpha() else f"q-{question_id}"


def item_href(q: Question) -> str:
    return f"items/{q.id}.xml"


def _html(parent: ET.Element, html: str) -> None:
    """Append the renderer's XHTML (well-formed, any raw HTML in the bank already escaped) as elements."""
    fragment = ET.fromstring(f"<div>{html}</div>")
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + (fragment.text or "")
    else:
        parent.text = (parent.text or "") + (fragment.text or "")
    parent.extend(list(fragment))


def _value(parent: ET.Element, text: str, base_type: str) -> None:
    sub(parent, "baseValue", text, baseType=base_type)


def _set(parent: ET.Element, outcome: str) -> ET.Element:
    return sub(parent, "setOutcomeValue", identifier=outcome)


def _score_if(processing: ET.Element, build_test) -> None:
    """SCORE is 1 when the test holds, else 0."""
    condition = sub(processing, "responseCondition")
    when = sub(condition, "responseIf")
    build_test(when)
    _value(_set(when, "SCORE"), "1", "float")
    _value(_set(sub(condition, "responseElse"), "SCORE"), "0", "float")


def _match_correct(when: ET.Element) -> None:
    match = sub(when, "match")
    sub(match, "variable", identifier="RESPONSE")
    sub(match, "correct", identifier="RESPONSE")


def choices(q: Question) -> list[tuple[str, str, bool, str]]:
    """(choice id, label HTML, correct, feedback Markdown) per choice."""
    if q.type == "truefalse":
        return [("true", escape(LABELS["true"]), q.answer is True, q.feedback_true),
                ("false", escape(LABELS["false"]), q.answer is False, q.feedback_false)]
    return [(f"choice-{i + 1}", inline(o.text), o.correct, o.feedback) for i, o in enumerate(q.options)]


def item_element(q: Question) -> ET.Element:
    item = document("assessmentItem", QTI, SCHEMA, identifier=identifier(q.id), title=q.id,
                    adaptive="false", timeDependent="false")
    kinds = {"single": ("single", "identifier"), "truefalse": ("single", "identifier"),
             "multiple": ("multiple", "identifier"), "numeric": ("single", "float"), "ordering": ("ordered", "identifier")}
    cardinality, base_type = kinds[q.type]
    declaration = sub(item, "responseDeclaration", identifier="RESPONSE", cardinality=cardinality, baseType=base_type)
    correct = sub(declaration, "correctResponse")
    for name, kind, default in (("SCORE", "float", "0"), ("MAXSCORE", "float", "1")):
        sub(sub(sub(item, "outcomeDeclaration", identifier=name, cardinality="single", baseType=kind),
                  "defaultValue"), "value", default)
    sub(item, "outcomeDeclaration", identifier="FEEDBACK", cardinality="multiple", baseType="identifier")
    body = sub(item, "itemBody")
    _html(body, prompt_html(q, unit_line=False))
    processing = ET.Element("responseProcessing")
    feedback = []
    if q.type in ("single", "multiple", "truefalse"):
        options = choices(q)
        interaction = sub(body, "choiceInteraction", responseIdentifier="RESPONSE", shuffle="false",
                           maxChoices="1" if cardinality == "single" else "0")
        for ident, label, is_correct, text in options:
            choice = sub(interaction, "simpleChoice", identifier=ident)
            _html(choice, label)
            if is_correct:
                sub(correct, "value", ident)
            if text:
                feedback.append((ident, text))
        if q.type == "multiple":
            # Partial credit, the Moodle export's shares unrounded; wrong picks subtract, never below 0.
            mapping = sub(declaration, "mapping", lowerBound="0", upperBound="1", defaultValue="0")
            for (ident, *_), fraction in zip(options, choice_fractions(q, moodle=False)):
                sub(mapping, "mapEntry", mapKey=ident, mappedValue=number(fraction))
            condition = sub(processing, "responseCondition")
            when = sub(condition, "responseIf")
            sub(sub(when, "isNull"), "variable", identifier="RESPONSE")
            _value(_set(when, "SCORE"), "0", "float")
            sub(_set(sub(condition, "responseElse"), "SCORE"), "mapResponse", identifier="RESPONSE")
        else:
            _score_if(processing, _match_correct)
    elif q.type == "numeric":
        sub(correct, "value", number(q.answer))
        line = sub(body, "p")
        line.text = f"{LABELS['your_answer']}: "
        entry = sub(line, "textEntryInteraction", responseIdentifier="RESPONSE", expectedLength="15")
        entry.tail = f" {q.unit}" if q.unit else None

        def within(when: ET.Element) -> None:
            tolerance = number(q.tolerance)
            equal = sub(when, "equal", toleranceMode="absolute", tolerance=f"{tolerance} {tolerance}",
                         includeLowerBound="true", includeUpperBound="true")
            sub(equal, "variable", identifier="RESPONSE")
            sub(equal, "correct", identifier="RESPONSE")

        _score_if(processing, within)
    else:  # ordering: items shown in the book's fixed shuffled order, never the answer's
        for position in range(len(q.items)):
            sub(correct, "value", f"item-{position + 1}")
        interaction = sub(body, "orderInteraction", responseIdentifier="RESPONSE", shuffle="true")
        for index in display_order(q):
            _html(sub(interaction, "simpleChoice", identifier=f"item-{index + 1}"), inline(q.items[index]))
        _score_if(processing, _match_correct)
    # FEEDBACK: the chosen options (their feedback) and, whatever was answered, the explanation.
    together = sub(_set(processing, "FEEDBACK"), "multiple")
    if q.type in ("single", "multiple", "truefalse"):
        sub(together, "variable", identifier="RESPONSE")
    _value(together, EXPLANATION, "identifier")
    if q.explanation:
        feedback.append((EXPLANATION, q.explanation))
    item.append(processing)
    for ident, text in feedback:
        _html(sub(item, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier=ident, showHide="show"), block(text))
    return item


def test_element(name: str, title: str, banks: list[Bank]) -> ET.Element:
    test = document("assessmentTest", QTI, SCHEMA, identifier=f"test-{name}", title=one_line(title))
    sub(test, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    part = sub(test, "testPart", identifier="part-1", navigationMode="nonlinear", submissionMode="individual")
    for bank in banks:
        section = sub(part, "assessmentSection", identifier=f"section-{bank.id}", title=one_line(bank.title), visible="true")
        for q in bank.questions:
            sub(section, "assessmentItemRef", identifier=f"ref-{q.id}", href=item_href(q))
    total = sub(_set(sub(test, "outcomeProcessing"), "SCORE"), "sum")
    sub(total, "testVariables", variableIdentifier="SCORE")
    return test


def manifest(name: str, questions: list[Question]) -> bytes:
    root = document("manifest", IMSCP, "http://www.imsglobal.org/xsd/imscp_v1p1.xsd", identifier=f"manifest-{name}")
    metadata = sub(root, "metadata")
    sub(metadata, "schema", "QTIv2.1 Package")
    sub(metadata, "schemaversion", "1.0.0")
    sub(root, "organizations")
    resources = sub(root, "resources")
    test = sub(resources, "resource", identifier=f"test-{name}", type="imsqti_test_xmlv2p1", href=TEST_FILE)
    sub(test, "file", href=TEST_FILE)
    for q in questions:
        sub(test, "dependency", identifierref=f"item-{q.id}")
    for q in questions:
        resource = sub(resources, "resource", identifier=f"item-{q.id}", type="imsqti_item_xmlv2p1",
                        href=item_href(q))
        sub(resource, "file", href=item_href(q))
    return xml_bytes(root)


def write(banks: list[Bank], path: Path, module_title: str) -> list[Omission]:
    name = path.name.removesuffix(SUFFIX)
    title = banks[0].title if len(banks) == 1 else module_title
    questions = [q for bank in banks for q in bank.questions]
    files = {"imsmanifest.xml": manifest(name, questions),
             TEST_FILE: xml_bytes(test_element(name, title, banks))}
    for q in questions:
        files[item_href(q)] = xml_bytes(item_element(q), mixed=MIXED)
    write_zip(path, files)
    return []
