"""Measure how long each chapter and exercise notebook takes to run, for the instructors' guide.

    python -m treaty_toolkit.authoring.timings            # measure every notebook, write the two files below

Each notebook is executed top to bottom with nbclient in a fresh kernel, from its own folder (as
"Restart kernel and run all cells" does in JupyterLab); the time includes starting the kernel. Nothing
is written back to the notebooks. The results go to ``instructors/notebook-timings.csv`` and a one-line
note saying when and on what machine they were measured (``instructors/notebook-timings-note.md``),
which ``instructors/running-notebooks.md`` includes.
"""

from __future__ import annotations

import csv
import os
import platform
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from treaty_toolkit.authoring.kernels import private_sockets
from treaty_toolkit.project import EXERCISES_DIR, find_book_root, page_source, toc_docnames

TIMINGS_CSV = Path("instructors") / "notebook-timings.csv"
TIMINGS_NOTE = Path("instructors") / "notebook-timings-note.md"
COLUMNS = ["Notebook", "Kind", "Code cells", "Seconds"]


@dataclass(frozen=True)
class Timing:
    notebook: str  # path relative to the book root
    kind: str  # "chapter" or "exercise"
    code_cells: int
    seconds: float


def notebooks_to_time(root: Path) -> list[tuple[Path, str]]:
    """The chapter notebooks in the table of contents, then every exercise notebook."""
    chapter = [p for p in (page_source(root, d) for d in toc_docnames(root)) if p and p.suffix == ".ipynb"]
    exercises = sorted((root / EXERCISES_DIR).glob("*.ipynb"))
    return [(p, "chapter") for p in chapter if p.parent.name != "exercises"] + [(p, "exercise") for p in exercises]


def time_notebook(path: Path, root: Path, timeout: int = 600) -> Timing:
    notebook = nbformat.read(path, as_version=4)
    with private_sockets() as config:
        client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", config=config,
                                resources={"metadata": {"path": str(path.parent)}})
        start = time.perf_counter()
        client.execute()  # raises CellExecutionError, naming the cell, if the notebook fails
        seconds = time.perf_counter() - start
    code_cells = sum(1 for cell in notebook.cells if cell.cell_type == "code")
    return Timing(str(path.relative_to(root)), "chapter" if "chapters" in path.parts else "exercise", code_cells, seconds)


def machine_description() -> str:
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} logical CPUs, "
        f"Python {platform.python_version()}"
    )


def write_results(root: Path, timings: list[Timing], measured_on: date, machine: str) -> None:
    with (root / TIMINGS_CSV).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for t in timings:
            writer.writerow([t.notebook, t.kind, t.code_cells, f"{t.seconds:.1f}"])
    total = sum(t.seconds for t in timings)
    (root / TIMINGS_NOTE).write_text(
        f"Measured on {measured_on.isoformat()} with `python -m treaty_toolkit.authoring.timings` on {machine}: "
        f"{len(timings)} notebooks, {total:.0f} seconds in all, each in a fresh kernel "
        "(kernel start included).\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    root = find_book_root()
    timings = []
    for path, _kind in notebooks_to_time(root):
        timing = time_notebook(path, root)
        print(f"{timing.seconds:6.1f} s  {timing.notebook}", flush=True)
        timings.append(timing)
    write_results(root, timings, date.today(), machine_description())
    print(f"wrote {TIMINGS_CSV} and {TIMINGS_NOTE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
