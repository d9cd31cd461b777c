"""Student copies of the exercise notebooks, made from the one source that holds the solutions.

Each exercise notebook in ``exercises/`` stores its worked answers in cells tagged ``solution``. The
student copy keeps every other cell and replaces each solution cell with an empty answer cell:

* a code solution becomes ``# Your answer here``. The cell before it already sets the task's variable
  to a placeholder (``None``, ``""`` or ``[]``), so the check cell after it prints "not answered yet"
  instead of a traceback (see :mod:`treaty_toolkit.checks`);
* a written (markdown) solution becomes ``*Your answer here.*``.

Outputs are cleared too: a stored "Correct." or a printed result would give the answer away.

The copies live in ``exercises/student/`` and are committed: Binder and JupyterHub open them, and the
book's download button serves them (``treaty_toolkit.book.student_routes``). ``make notebooks`` and
``make student`` rewrite them; a test fails when one is out of date.

    python -m treaty_toolkit.authoring.student_copies                  # every exercise -> exercises/student/
    python -m treaty_toolkit.authoring.student_copies --out DIR a.ipynb
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

import nbformat

from treaty_toolkit.authoring.notebooks import ROOT, dumps, load
from treaty_toolkit.project import EXERCISES_DIR, STUDENT_DIR

SOLUTION_TAG = "solution"  # the book folds these cells (treaty_toolkit.book.solutions)
CODE_STUB = "# Your answer here"
MARKDOWN_STUB = "*Your answer here.*"
DEFAULT_OUT = ROOT / STUDENT_DIR


def is_solution(cell) -> bool:
    return SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])


def student_version(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` with every solution cell blanked and every output cleared."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if is_solution(cell):
            cell.source = CODE_STUB if cell.cell_type == "code" else MARKDOWN_STUB
            tags = [t for t in cell.metadata.get("tags", []) if t != SOLUTION_TAG]
            if tags:
                cell.metadata["tags"] = tags
            else:
                cell.metadata.pop("tags", None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


def exercise_notebooks(root: Path = ROOT) -> list[Path]:
    """The exercise notebooks (``exercises/*.ipynb``), in chapter order."""
    return sorted((root / EXERCISES_DIR).glob("*.ipynb"))


def write_student_copies(paths: list[Path], out: Path) -> list[Path]:
    """Write the student copy of each notebook into ``out`` (same file names); returns the new paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in paths:
        nb = load(path)
        if not any(is_solution(cell) for cell in nb.cells):
            # An exercise without solutions would be copied unchanged: almost always a missing tag.
            raise ValueError(f"{path}: no cell is tagged '{SOLUTION_TAG}'; tag the worked answers")
        target = out / Path(path).name
        target.write_text(dumps(student_version(nb)), encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m treaty_toolkit.authoring.student_copies", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="exercise notebooks (default: exercises/*.ipynb)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    for target in write_student_copies(args.paths or exercise_notebooks(), args.out):
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
