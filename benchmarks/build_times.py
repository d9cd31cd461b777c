"""Benchmark the build and the test loops (reports numbers; asserts nothing).

    .venv/bin/python benchmarks/build_times.py

- kernel floor: executed notebooks × the time to execute one empty notebook (measured here, same run);
- cold build: empty output folder, empty execution cache, empty data/quiz cache;
- rebuild with nothing changed;
- `make check` and `make test` (the latter from the built book, as a developer runs it).
"""

from __future__ import annotations

import os
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


def executed_notebooks() -> int:
    """Notebook pages in the TOC (.ipynb, and MyST Markdown notebooks)."""
    from treaty_toolkit.project import is_notebook_source, page_source, toc_docnames

    return sum(1 for doc in toc_docnames(ROOT) if (source := page_source(ROOT, doc)) and is_notebook_source(source))


def timed(command: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env)
    return time.perf_counter() - start


def main() -> None:
    empty = empty_notebook_seconds()
    count = executed_notebooks()
    out = Path(tempfile.mkdtemp(prefix="book-bench-"))
    cache = Path(tempfile.mkdtemp(prefix="toolkit-cache-"))
    env = {**os.environ, "TREATY_TOOLKIT_CACHE": str(cache)}  # a cold data and quiz cache too
    try:
        cold = timed([*BOOK, "--path-output", str(out)], env)
        warm = timed([*BOOK, "--path-output", str(out)], env)
    finally:
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
    floor = count * empty
    print(f"empty notebook execution: {empty:.2f} s")
    print(f"executed notebooks:       {count}")
    print(f"kernel floor:             {floor:.2f} s")
    print(f"cold build:               {cold:.2f} s  ({cold / floor:.2f}x floor)")
    print(f"rebuild, nothing changed: {warm:.2f} s")
    make = shutil.which("make") or "make"
    print(f"make check:               {timed([make, 'check']):.2f} s")
    if "--with-test" in sys.argv:
        print(f"make test (book built):   {timed([make, 'test']):.2f} s")


if __name__ == "__main__":
    main()
