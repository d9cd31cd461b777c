"""Results collected in the kernel, for an instructor to inspect or export."""

from __future__ import annotations

from pathlib import Path

from .bank import Question
from .grading import Result

COLUMNS = ["bank", "question", "objective", "attempt", "answer", "correct", "message"]


class Session:
    """Every graded attempt made in this kernel (empty or unreadable answers are not attempts)."""

    def __init__(self) -> None:
        self._rows: list[dict] = []

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

    def clear(self) -> None:
        self._rows.clear()


session = Session()
