"""Results collected in the kernel, for an instructor to inspect or export."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from .bank import Question
from .grading import Result

COLUMNS = ["bank", "question", "objective", "attempt", "answer", "correct", "message"]


class Session:
    """Every graded attempt made in this kernel (empty or unreadable answers are not attempts)."""

    def __init__(self) -> None:
        self._rows: list[dict] = []
        self._last: dict[str, tuple[Question, object, Result, str]] = {}  # question id -> the latest attempt

    def record(self, question: Question, answer, result: Result) -> None:
        if not result.answered:
            return
        attempt = 1 + sum(row["question"] == question.id for row in self._rows)
        self._rows.append(
            {
                "bank": question.bank,
                "question": question.id,
                "objective": question.objective,
                "attempt": attempt,
                "answer": repr(answer),
                "correct": result.correct,
                "message": result.message,
            }
        )
        self._last[question.id] = (question, answer, result, _now())

    def results(self):
        """One row per attempt, in the order they were made (a pandas DataFrame)."""
        import pandas as pd

        frame = pd.DataFrame(self._rows, columns=COLUMNS)
        return frame.astype({"attempt": "int64", "correct": "bool"})

    def summary(self):
        """Per question: attempts made and whether any attempt was correct."""
        frame = self.results()
        return frame.groupby(["bank", "question", "objective"], as_index=False).agg(
            attempts=("attempt", "max"), solved=("correct", "any")
        )

    def export(self, path: str | Path) -> Path:
        """Write the results to CSV (or .xlsx/.json by suffix is left to pandas users); returns the path."""
        path = Path(path)
        self.results().to_csv(path, index=False)
        return path

    def results_document(self, name: str = "", page: str = "notebook") -> dict:
        """The latest answer to each question in the students' result-file format (``results.schema.json``),
        the same as a static quiz's "Download my results"; ``python -m treaty_toolkit.quiz.results`` merges it."""
        from .results import FORMAT, FORMAT_VERSION, file_answer

        attempts = {}
        for row in self._rows:
            attempts[row["question"]] = row["attempt"]
        answers = [
            {"question": q.id, "type": q.type, "answer": file_answer(q, answer), "correct": result.correct,
             "attempts": attempts[q.id], "time": time}
            for q, answer, result, time in self._last.values()
        ]
        if not answers:
            raise ValueError("No answer has been checked in this session yet: answer a quiz question first")
        return {
            "format": FORMAT, "format_version": FORMAT_VERSION, "page": page, "quiz": "session",
            "name": name.strip()[:80], "exported": _now(),
            "score": {"correct": sum(a["correct"] for a in answers), "total": len(answers)},
            "answers": answers,
        }

    def export_results(self, path: str | Path, name: str = "", page: str = "notebook") -> Path:
        """Write :meth:`results_document` as JSON to ``path``; returns the path."""
        path = Path(path)
        path.write_text(json.dumps(self.results_document(name, page), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return path

    def clear(self) -> None:
        self._rows.clear()
        self._last.clear()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


session = Session()
