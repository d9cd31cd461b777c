"""``python -m treaty_toolkit.quiz.lms [--root BOOK] [--out FOLDER]``: write the LMS exports (``make lms``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..bank import QuizBankError, find_book_root, load_library
from . import FORMATS, MODULE_NAME, LmsExportError, export


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m treaty_toolkit.quiz.lms", description=__doc__)
    parser.add_argument("--root", type=Path, help="the book (default: the one at or above the working directory)")
    parser.add_argument("--out", type=Path, help="where to write (default: _build/lms in the book)")
    args = parser.parse_args(argv)
    try:
        root = args.root or find_book_root()
        library = load_library(root)
        result = export(library, args.out or Path(root) / "_build" / "lms")
    except (QuizBankError, LmsExportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    n_questions = len(library.questions)
    print(f"{len(library.banks)} banks, {n_questions} questions -> {result.folder}/")
    for fmt in FORMATS:
        left_out = result.omitted[fmt.LABEL]
        note = f", {len(left_out)} left out ({', '.join(sorted({o.kind for o in left_out}))})" if left_out else ""
        print(f"  {fmt.LABEL}: {len(result.files)} files (*{fmt.SUFFIX}, {MODULE_NAME}{fmt.SUFFIX} for all banks), "
              f"{n_questions - len(left_out)} questions{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
