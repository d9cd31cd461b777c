"""Students' result files: their format, and merging a folder of them into a class table.

A result file is what "Download my results" saves from a static quiz (``quiz.js``) or what
:meth:`treaty_toolkit.quiz.attempts.Session.results_document` returns in a kernel; its one definition is
``results.schema.json`` beside this file. It holds the answers as given and whether each was right,
never the answer key.

``python -m treaty_toolkit.quiz.results DIR`` reads every ``*.json`` in DIR, checks each file (schema,
format version, question ids known to a bank, each correct flag and the score against grading the stored
answer again with the bank's key) and writes, into DIR or ``--out``:

- ``class-table.csv``: one row per student and question;
- ``item-analysis.csv``: per question, how many answered, the share correct, the most chosen wrong answer;
- ``item-analysis.png`` with its alt text in ``item-analysis.txt``.

A file that fails a check is named on stderr with the reason and left out; the others are merged.
The exit code is non-zero only when no file could be merged.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from html import unescape
from pathlib import Path

from .bank import Library, Question, QuizBankError, load_library
from .grading import LABELS, display_order, grade_question
from .markdown import render_inline

SCHEMA_FILE = Path(__file__).resolve().parent / "results.schema.json"
FORMAT = "treaty-toolkit-quiz-results"
FORMAT_VERSION = 1
# The CSV copy a student downloads: one row per question (quiz.js writes these columns, in this order).
CSV_COLUMNS = ["page", "quiz", "name", "question", "type", "answer", "correct", "attempts", "time"]
CLASS_COLUMNS = ["student", "file", "page", "quiz", "bank", "question", "objective", "answer", "correct", "attempts", "time"]
ITEM_COLUMNS = ["bank", "question", "objective", "answered", "correct", "share_correct", "most_chosen_wrong", "wrong_count"]


class ResultsFileError(ValueError):
    """A result file that cannot be merged; the message says why."""


def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text("utf-8"))


# --- answers: the file's form <-> the form grade() takes ------------------------------------------


def shown_items(question: Question) -> list[str]:
    return [question.items[i] for i in display_order(question)]


def file_answer(question: Question, answer):
    """An answer as ``grade()`` takes it (the live widget's), in the file's form (see the schema)."""
    if question.type == "single" and isinstance(answer, str):
        texts = [o.text for o in question.options]
        return texts.index(answer) if answer in texts else None
    if question.type == "ordering" and isinstance(answer, dict):
        positions = [answer.get(item) for item in shown_items(question)]
        return None if None in positions else positions
    if question.type == "ordering" and isinstance(answer, (list, tuple)):  # the items in the student's order
        return [list(answer).index(item) + 1 if item in answer else 0 for item in shown_items(question)]
    if question.type == "multiple" and answer is not None:
        return sorted(answer)
    return answer


def grade_form(question: Question, stored):
    """A stored answer in the form ``grade()`` takes."""
    if question.type == "ordering" and isinstance(stored, list):
        items = shown_items(question)
        if len(stored) != len(items):
            return None
        return dict(zip(items, stored))
    return stored


def answer_text(question: Question, stored) -> str:
    """A stored answer as an instructor reads it: option texts, True/False, the number, the order."""
    if stored is None:
        return ""
    if question.type in ("single", "multiple"):
        chosen = stored if isinstance(stored, list) else [stored]
        texts = [_plain(question.options[i].text) if 0 <= i < len(question.options) else f"option {i}" for i in chosen]
        return "; ".join(texts)
    if question.type == "truefalse":
        return LABELS["true"] if stored else LABELS["false"]
    if question.type == "ordering":
        mapping = grade_form(question, stored) or {}
        return " → ".join(_plain(item) for item, _pos in sorted(mapping.items(), key=lambda kv: kv[1]))
    return str(stored)


def _plain(markdown: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", render_inline(markdown)))


# --- reading one file -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultsFile:
    path: Path
    data: dict

    @property
    def student(self) -> str:
        return self.data["name"].strip() or f"(no name: {self.path.name})"


def _schema_reason(error) -> str:
    where = ".".join(str(p) for p in error.absolute_path) or "top level"
    return f"field {where}: {error.message[:200]}"


def _check_time(value, where: str) -> None:
    if value is None:
        return
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise ResultsFileError(f"{where}: '{value[:40]}' is not a date and time") from None


def load_file(path: Path, library: Library) -> ResultsFile:
    """One result file, checked; raises :class:`ResultsFileError` with the reason."""
    import jsonschema

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ResultsFileError("not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ResultsFileError(f"not valid JSON (truncated or edited?): {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ResultsFileError(f"not a quiz results file (field format is not '{FORMAT}')")
    if data.get("format_version") != FORMAT_VERSION:
        raise ResultsFileError(f"format version {data.get('format_version')!r}; this merge reads version {FORMAT_VERSION}")
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema()).iter_errors(data))
    if error is not None:
        raise ResultsFileError(_schema_reason(error))
    _check_time(data["exported"], "field exported")
    questions = library.questions
    seen: set[str] = set()
    right = 0
    for row in data["answers"]:
        qid = row["question"]
        if qid in seen:
            raise ResultsFileError(f"question '{qid}' appears twice")
        seen.add(qid)
        if qid not in questions:
            raise ResultsFileError(f"question '{qid}' is in no bank")
        question = questions[qid]
        if row["type"] != question.type:
            raise ResultsFileError(f"question '{qid}': type '{row['type']}', but the bank's question is '{question.type}'")
        _check_time(row["time"], f"question '{qid}', field time")
        result = grade_question(question, grade_form(question, row["answer"]))
        if row["answer"] is not None and not result.answered:
            raise ResultsFileError(f"question '{qid}': the stored answer {json.dumps(row['answer'])[:60]} is not one the quiz can give")
        if result.correct != row["correct"]:
            said = "correct" if row["correct"] else "incorrect"
            raise ResultsFileError(f"question '{qid}': marked {said}, but grading the stored answer says otherwise")
        right += result.correct
    score = data["score"]
    if score != {"correct": right, "total": len(data["answers"])}:
        raise ResultsFileError(
            f"score {score['correct']} of {score['total']} does not match the answers ({right} of {len(data['answers'])} correct)"
        )
    return ResultsFile(path, data)


# --- merging a folder -----------------------------------------------------------------------------


@dataclass
class Merged:
    rows: list[dict]  # CLASS_COLUMNS, plus "stored" (the answer in the file's form)
    files: list[Path]
    skipped: list[tuple[Path, str]]
    notes: list[str]


def merge(folder: Path, library: Library) -> Merged:
    """Every ``*.json`` in ``folder``: checked, then one row per student and question.

    When one student has answered a question in two files (a question reused in the review, or a quiz
    downloaded twice), the answer graded later is kept.
    """
    questions = library.questions
    merged = Merged([], [], [], [])
    by_key: dict[tuple[str, str], dict] = {}
    for path in sorted(Path(folder).glob("*.json")):
        try:
            results = load_file(path, library)
        except ResultsFileError as exc:
            merged.skipped.append((path, str(exc)))
            continue
        merged.files.append(path)
        data = results.data
        for answer in data["answers"]:
            question = questions[answer["question"]]
            row = {
                "student": results.student, "file": path.name, "page": data["page"], "quiz": data["quiz"],
                "bank": question.bank, "question": question.id, "objective": question.objective,
                "answer": answer_text(question, answer["answer"]), "correct": answer["correct"],
                "attempts": answer["attempts"], "time": answer["time"] or "", "stored": answer["answer"],
            }
            key = (results.student, question.id)
            earlier = by_key.get(key)
            if earlier is not None:
                later = row["stored"] is not None and (earlier["stored"] is None or row["time"] >= earlier["time"])
                keep = row if later else earlier
                merged.notes.append(
                    f"{path.name}: {results.student} also answered '{question.id}' in {earlier['file']}; kept the one from {keep['file']}"
                )
                row = keep
            by_key[key] = row
    merged.rows = sorted(by_key.values(), key=lambda r: (r["student"].casefold(), r["bank"], r["question"]))
    return merged


def _wrong_choices(question: Question, stored) -> list[str]:
    """What a wrong answer chose, as counted for 'most chosen wrong answer'."""
    if question.type == "multiple":
        keyed = {i for i, o in enumerate(question.options) if o.correct}
        return [answer_text(question, i) for i in stored if i not in keyed] or ["(a correct option left out)"]
    return [answer_text(question, stored)]


def item_analysis(merged: Merged, library: Library) -> list[dict]:
    """Per question answered in any file: answered, correct, share correct, the most chosen wrong answer."""
    questions = library.questions
    table = []
    for qid in sorted({r["question"] for r in merged.rows}, key=lambda q: (questions[q].bank, q)):
        question = questions[qid]
        answered = [r for r in merged.rows if r["question"] == qid and r["stored"] is not None]
        right = sum(r["correct"] for r in answered)
        wrong = Counter(c for r in answered if not r["correct"] for c in _wrong_choices(question, r["stored"]))
        top, count = min(wrong.items(), key=lambda kv: (-kv[1], kv[0])) if wrong else ("", 0)
        table.append({
            "bank": question.bank, "question": qid, "objective": question.objective, "answered": len(answered),
            "correct": right, "share_correct": round(right / len(answered), 3) if answered else "",
            "most_chosen_wrong": top, "wrong_count": count,
        })
    return table


# --- writing --------------------------------------------------------------------------------------


def write_csv(path: Path, rows: list[dict], columns: list[str]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def figure_alt_text(items: list[dict], students: int) -> str:
    shown = [i for i in items if i["answered"]]
    if not shown:
        return "No question was answered in the merged files, so the figure is empty."
    low = min(shown, key=lambda i: (i["share_correct"], i["question"]))
    high = max(shown, key=lambda i: (i["share_correct"], i["question"]))
    return (
        f"Dot plot of the share of correct answers for each of {len(shown)} questions, from {students} students' "
        f"result files; each question is a blue circle on a scale from 0 to 100 per cent. "
        f"Lowest: {low['question']} with {low['share_correct']:.0%} of {low['answered']} answers correct. "
        f"Highest: {high['question']} with {high['share_correct']:.0%} of {high['answered']} answers correct."
    )


def write_figure(path: Path, items: list[dict], students: int) -> str:
    """A dot plot of share correct per question, in the book's figure style; returns its alt text."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import PercentFormatter

    from treaty_toolkit import style

    shown = sorted((i for i in items if i["answered"]), key=lambda i: (i["share_correct"], i["question"]))
    fig = Figure(figsize=(7, 0.35 * max(len(shown), 3) + 1.2), layout="constrained")
    ax = fig.add_subplot()
    ax.scatter([i["share_correct"] for i in shown], range(len(shown)), marker="o", s=40, color=style.colour("blue"), zorder=3)
    ax.set_yticks(range(len(shown)), [i["question"] for i in shown])
    ax.set_xlim(-0.03, 1.03)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel(f"Share of answers correct ({students} students)")
    ax.grid(axis="x", color=style.GRID_MAJOR, linewidth=0.8)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    alt = figure_alt_text(items, students)
    fig.savefig(path, dpi=150, metadata={"Description": alt})
    return alt


def write_outputs(merged: Merged, library: Library, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    items = item_analysis(merged, library)
    students = len({r["student"] for r in merged.rows})
    paths = [out / "class-table.csv", out / "item-analysis.csv", out / "item-analysis.png", out / "item-analysis.txt"]
    write_csv(paths[0], merged.rows, CLASS_COLUMNS)
    write_csv(paths[1], items, ITEM_COLUMNS)
    alt = write_figure(paths[2], items, students)
    paths[3].write_text(alt + "\n", encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m treaty_toolkit.quiz.results",
        description="Merge students' quiz result files (*.json) into a class table and an item analysis.",
    )
    parser.add_argument("folder", type=Path, help="folder holding the students' .json result files")
    parser.add_argument("--out", type=Path, help="where to write the tables and the figure (default: the folder)")
    parser.add_argument("--root", type=Path, help="the book's root, for its question banks (default: found from here)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder", file=sys.stderr)
        return 2
    try:
        library = load_library(args.root)
    except QuizBankError as exc:
        print(exc, file=sys.stderr)
        return 2
    merged = merge(args.folder, library)
    for path, reason in merged.skipped:
        print(f"{path.name}: skipped: {reason}", file=sys.stderr)
    for note in merged.notes:
        print(note, file=sys.stderr)
    if not merged.files:
        print(f"{args.folder}: no result file could be merged", file=sys.stderr)
        return 1
    written = write_outputs(merged, library, args.out or args.folder)
    print(f"Merged {len(merged.files)} files ({len(merged.skipped)} skipped): " + ", ".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
