"""The live rendering: an ipywidgets quiz graded in Python, and the display object notebooks use.

Feedback is written into an HTML widget's value (not printed into an Output widget): under headless
execution an Output widget stays empty, and tests read the value directly. An exam-mode quiz works as
the static one does: no Check buttons, one Submit for the whole quiz, feedback and score only after it.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from .attempts import Session
from .attempts import session as default_session
from .bank import Bank, Question
from .grading import MESSAGES, display_order, grade_question, labels_for, messages_for, with_explanation
from .html import render_quiz
from .markdown import render_block, render_inline


class QuestionWidget:
    """One question: prompt, native controls, a Check button and a feedback area."""

    def __init__(self, question: Question, number: int, total: int, on_graded, messages: dict = MESSAGES,
                 exam: bool = False, language: str = "en"):
        self.question = question
        self.labels = labels = labels_for(language)
        self._on_graded = on_graded
        self.messages = messages
        self.exam = exam
        self.correct = False
        self.prompt = widgets.HTML(
            f"<strong>{labels['question_number'].format(number=number, total=total)}</strong> {render_inline(question.prompt)}"
        )
        self.controls = self._make_controls()
        self.check = widgets.Button(description=labels["check"], tooltip=labels["check"], button_style="primary")
        self.feedback = widgets.HTML("")
        self.check.on_click(lambda _button: self.grade())
        parts = [self.prompt, self.controls, self.feedback] if exam else [self.prompt, self.controls, self.check, self.feedback]
        self.box = widgets.VBox(parts, layout=widgets.Layout(margin="0 0 1em 0"))

    def _make_controls(self):
        q, labels = self.question, self.labels
        layout = widgets.Layout(width="auto")
        if q.type == "single":
            self.choice = widgets.RadioButtons(options=[o.text for o in q.options], value=None, layout=layout)
            return self.choice
        if q.type == "truefalse":
            self.choice = widgets.RadioButtons(options=[(labels["true"], True), (labels["false"], False)], value=None, layout=layout)
            return self.choice
        if q.type == "multiple":
            self.boxes = [widgets.Checkbox(value=False, description=o.text, indent=False, layout=layout) for o in q.options]
            return widgets.VBox([widgets.HTML(labels["select_all"]), *self.boxes])
        if q.type == "numeric":
            unit = f" ({q.unit})" if q.unit else ""
            self.number = widgets.Text(value="", description=f"{labels['your_answer']}{unit}", style={"description_width": "initial"})
            return self.number
        # ordering: a position dropdown per item, items in the same fixed shuffled order as the static page
        n = len(q.items)
        self.shown_items = [q.items[i] for i in display_order(q)]
        positions = [(labels["choose"], None)] + [(str(p), p) for p in range(1, n + 1)]
        self.positions = [
            widgets.Dropdown(options=positions, value=None, description=item, style={"description_width": "initial"}, layout=layout)
            for item in self.shown_items
        ]
        hint = widgets.HTML(labels["order_how"].format(n=n))
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

    def _inputs(self) -> list:
        q = self.question
        if q.type in ("single", "truefalse"):
            return [self.choice]
        if q.type == "multiple":
            return self.boxes
        return [self.number] if q.type == "numeric" else self.positions

    def evaluate(self):
        """(answer, result) for the current answer, shown nowhere."""
        answer = self.answer()
        return answer, grade_question(self.question, answer, self.messages)

    def show(self, result) -> None:
        icon = "✔" if result.correct else ("✘" if result.answered else "ℹ")
        # As on the static page, an exam's feedback is not a live region: the quiz's result speaks once.
        live = "" if self.exam else ' role="status" aria-live="polite"'
        # The icon opens the first line of the feedback, as on the static page: a second, non-colour signal,
        # hidden from screen readers (the words already say it).
        mark = f'<span aria-hidden="true">{icon}\ufe0e </span>'
        message = render_block(result.message)
        message = f"<p>{mark}{message[3:]}" if message.startswith("<p>") else mark + message
        self.feedback.value = f"<div{live}>{message}</div>"

    def grade(self):
        answer, result = self.evaluate()
        self.correct = result.correct
        self.show(result)
        self._on_graded(self.question, answer, result)
        return result

    def lock(self, locked: bool) -> None:
        for control in self._inputs():
            control.disabled = locked

    def clear(self) -> None:
        """Empty the answer and the feedback."""
        if self.question.type == "multiple":
            for box in self.boxes:
                box.value = False
        elif self.question.type == "numeric":
            self.number.value = ""
        else:
            for control in self._inputs():
                control.value = None
        self.feedback.value = ""
        self.correct = False


class QuizWidget:
    """All questions of one quiz plus a running score, or (``mode="exam"``) a Submit button and a result."""

    def __init__(self, bank: Bank, questions: list[Question], session: Session | None = None,
                 mode: str = "self-check"):
        self.session = session or default_session
        self.messages = messages_for(mode, bank.language)
        self.labels = labels = labels_for(bank.language)
        self.exam = mode == "exam"
        title = labels["exam_title" if self.exam else "title"].format(title=render_inline(bank.title))
        self.title = widgets.HTML(f"<strong>{title}</strong>")
        self.score = widgets.HTML("")
        self.questions = [QuestionWidget(q, n, len(questions), self._graded, self.messages, self.exam, bank.language)
                          for n, q in enumerate(questions, 1)]
        footer = [self.score]
        if self.exam:
            self.submit = widgets.Button(description=labels["submit"], tooltip=labels["submit"], button_style="primary")
            self.reset = widgets.Button(description=labels["start_again"], tooltip=labels["start_again"])
            self.submit.on_click(lambda _button: self.submit_all())
            self.reset.on_click(lambda _button: self.start_again())
            footer = [self.score, widgets.HBox([self.submit, self.reset])]
        else:
            self._update_score()
        self.box = widgets.VBox([self.title, *(qw.box for qw in self.questions), *footer])

    def _graded(self, question, answer, result):
        self.session.record(question, answer, result)
        self._update_score()

    def _update_score(self):
        right = sum(qw.correct for qw in self.questions)
        self.score.value = self.labels["widget_score"].format(correct=right, total=len(self.questions))

    def _say(self, text: str) -> None:
        self.score.value = f'<div role="status" aria-live="polite"><p>{escape(text)}</p></div>'

    def submit_all(self) -> bool:
        """Exam mode: grade every question at once; False (and a note) while one still needs an answer."""
        graded = [(qw, *qw.evaluate()) for qw in self.questions]
        missing = [n for n, (_qw, _answer, result) in enumerate(graded, 1) if not result.answered]
        for qw, _answer, result in graded:
            if result.answered:
                qw.feedback.value = ""  # nothing is marked before the whole quiz is submitted
            else:
                qw.show(result)
        if missing:
            key = "unanswered_one" if len(missing) == 1 else "unanswered_many"
            self._say(self.messages[key].format(numbers=", ".join(map(str, missing))))
            return False
        for qw, answer, result in graded:
            qw.correct = result.correct
            qw.show(with_explanation(qw.question, result))
            qw.lock(True)
            self.session.record(qw.question, answer, result)
        right = sum(qw.correct for qw in self.questions)
        self._say(self.messages["score"].format(correct=right, total=len(self.questions)))
        self.submit.layout.display = "none"
        return True

    def start_again(self) -> None:
        for qw in self.questions:
            qw.lock(False)
            qw.clear()
        self.score.value = ""
        self.submit.layout.display = None


class QuizDisplay:
    """What ``quiz()`` returns: shows as the live widget in a kernel and as the static quiz in the book.

    Its mimebundle carries both; JupyterLab renders the widget view, and the book's
    ``nb_mime_priority_overrides`` makes the HTML builder pick ``text/html``.
    """

    def __init__(self, bank: Bank, questions: list[Question], session: Session | None = None,
                 mode: str = "self-check"):
        messages_for(mode)  # an unknown mode fails here, not when the quiz is first shown
        self.bank = bank
        self.questions = questions
        self.session = session
        self.mode = mode
        self._widget: QuizWidget | None = None

    @property
    def widget(self) -> QuizWidget:
        if self._widget is None:
            self._widget = QuizWidget(self.bank, self.questions, self.session, self.mode)
        return self._widget

    def html(self) -> str:
        return render_quiz(self.bank, self.questions, self.mode)

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = dict(self.widget.box._repr_mimebundle_() or {})
        bundle["text/html"] = self.html()
        bundle["text/plain"] = labels_for(self.bank.language)["plain_summary"].format(
            title=self.bank.title, count=len(self.questions))
        return bundle
