"""The live rendering: an ipywidgets quiz graded in Python, and the display object notebooks use.

Feedback is written into an HTML widget's value (not printed into an Output widget): under headless
execution an Output widget stays empty, and tests read the value directly.
"""

from __future__ import annotations

import ipywidgets as widgets

from .attempts import Session
from .attempts import session as default_session
from .bank import Bank, Question
from .grading import LABELS, MESSAGES, display_order, grade_question
from .html import render_quiz
from .markdown import render_block, render_inline


class QuestionWidget:
    """One question: prompt, native controls, a Check button and a feedback area."""

    def __init__(self, question: Question, number: int, total: int, on_graded):
        self.question = question
        self._on_graded = on_graded
        self.correct = False
        self.prompt = widgets.HTML(
            f"<strong>{LABELS['question_number'].format(number=number, total=total)}</strong> {render_inline(question.prompt)}"
        )
        self.controls = self._make_controls()
        self.check = widgets.Button(description=LABELS["check"], tooltip=LABELS["check"], button_style="primary")
        self.feedback = widgets.HTML("")
        self.check.on_click(lambda _button: self.grade())
        self.box = widgets.VBox(
            [self.prompt, self.controls, self.check, self.feedback], layout=widgets.Layout(margin="0 0 1em 0")
        )

    def _make_controls(self):
        q = self.question
        layout = widgets.Layout(width="auto")
        if q.type == "single":
            self.choice = widgets.RadioButtons(options=[o.text for o in q.options], value=None, layout=layout)
            return self.choice
        if q.type == "truefalse":
            self.choice = widgets.RadioButtons(options=[(LABELS["true"], True), (LABELS["false"], False)], value=None, layout=layout)
            return self.choice
        if q.type == "multiple":
            self.boxes = [widgets.Checkbox(value=False, description=o.text, indent=False, layout=layout) for o in q.options]
            return widgets.VBox([widgets.HTML(LABELS["select_all"]), *self.boxes])
        if q.type == "numeric":
            unit = f" ({q.unit})" if q.unit else ""
            self.number = widgets.Text(value="", description=f"{LABELS['your_answer']}{unit}", style={"description_width": "initial"})
            return self.number
        # ordering: a position dropdown per item, items in the same fixed shuffled order as the static page
        n = len(q.items)
        self.shown_items = [q.items[i] for i in display_order(q)]
        positions = [(LABELS["choose"], None)] + [(str(p), p) for p in range(1, n + 1)]
        self.positions = [
            widgets.Dropdown(options=positions, value=None, description=item, style={"description_width": "initial"}, layout=layout)
            for item in self.shown_items
        ]
        hint = widgets.HTML(LABELS["order_how"].format(n=n))
        return widgets.VBox([hint, *self.positions])

    def answer(self):
        """The current answer in the form ``grade()`` accepts."""
        q = self.question
        if q.type in ("single", "truefalse"):
            return self.choice.value
        if q.type == "multiple":
            return [i for i, box in enumerate(self.boxes) if box.value]
        if q.type == "numeric":
            return self.number.value
        return {item: d.value for item, d in zip(self.shown_items, self.positions)}

    def grade(self):
        answer = self.answer()
        result = grade_question(self.question, answer)
        self.correct = result.correct
        icon = "✔" if result.correct else ("✘" if result.answered else "ℹ")
        # The text comes first so it begins with "Correct"; the icon is a second, non-colour signal.
        self.feedback.value = (
            f'<div role="status" aria-live="polite">{render_block(result.message)}'
            f'<p aria-hidden="true">{icon}</p></div>'
        )
        self._on_graded(self.question, answer, result)
        return result


class QuizWidget:
    """All questions of one quiz plus a running score."""

    def __init__(self, bank: Bank, questions: list[Question], session: Session | None = None):
        self.session = session or default_session
        self.title = widgets.HTML(f"<strong>{LABELS['title'].format(title=render_inline(bank.title))}</strong>")
        self.score = widgets.HTML("")
        self.questions = [QuestionWidget(q, n, len(questions), self._graded) for n, q in enumerate(questions, 1)]
        self._update_score()
        self.box = widgets.VBox([self.title, *(qw.box for qw in self.questions), self.score])

    def _graded(self, question, answer, result):
        self.session.record(question, answer, result)
        self._update_score()

    def _update_score(self):
        right = sum(qw.correct for qw in self.questions)
        self.score.value = MESSAGES["score"].format(correct=right, total=len(self.questions)).replace(
            "on this page", "in this quiz"
        )


class QuizDisplay:
    """What ``quiz()`` returns: shows as the live widget in a kernel and as the static quiz in the book.

    Its mimebundle carries both; JupyterLab renders the widget view, and the book's
    ``nb_mime_priority_overrides`` makes the HTML builder pick ``text/html``.
    """

    def __init__(self, bank: Bank, questions: list[Question], session: Session | None = None):
        self.bank = bank
        self.questions = questions
        self.session = session
        self._widget: QuizWidget | None = None

    @property
    def widget(self) -> QuizWidget:
        if self._widget is None:
            self._widget = QuizWidget(self.bank, self.questions, self.session)
        return self._widget

    def html(self) -> str:
        return render_quiz(self.bank, self.questions)

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = dict(self.widget.box._repr_mimebundle_() or {})
        bundle["text/html"] = self.html()
        bundle["text/plain"] = f"Self-check quiz: {self.bank.title} ({len(self.questions)} questions)"
        return bundle
