"""Benchmark the book build against the kernel floor (reports numbers; asserts nothing).

    .venv/bin/python benchmarks/build_times.py

- kernel floor: executed notebooks × the time to execute one empty notebook (measured here, same run);
- cold build: empty output folder and empty execution cache;
- warm rebuild: the same command again with nothing changed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
BOOK = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT), "-W", "-n", "--keep-going"]


def empty_notebook_seconds(repeats: int = 3) -> float:
    """Best-of-n wall time to start a kernel and execute one empty code cell."""
    times = []
    for _ in range(repeats):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("")])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        start = time.perf_counter()
        NotebookClient(nb, timeout=60).execute()
        times.append(time.perf_counter() - start)
    return min(times)


def notebooks_in_toc() -> int:
    from treaty_toolkit.project import page_source, toc_docnames

    return sum(1 for doc in toc_docnames(ROOT) if (source := page_source(ROOT, doc)) and source.suffix == ".ipynb")


def timed_build(out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([*BOOK, "--path-output", str(out)], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    empty = empty_notebook_seconds()
    count = notebooks_in_toc()
    out = Path(tempfile.mkdtemp(prefix="book-bench-"))
    try:
        cold = timed_build(out)
        warm = timed_build(out)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    floor = count * empty
    print(f"empty notebook execution: {empty:.2f} s")
    print(f"executed notebooks:       {count}")
    print(f"kernel floor:             {floor:.2f} s")
    print(f"cold build:               {cold:.2f} s  ({cold / floor:.2f}x floor)" if floor else f"cold build: {cold:.2f} s")
    print(f"rebuild, nothing changed: {warm:.2f} s")


if __name__ == "__main__":
    main()
