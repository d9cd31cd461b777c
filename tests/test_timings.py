"""The notebook-timing script and the measured table the instructors' guide shows."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest
from nbclient.exceptions import CellExecutionError

from treaty_toolkit.authoring.timings import (
    COLUMNS,
    TIMINGS_CSV,
    TIMINGS_NOTE,
    Timing,
    notebooks_to_time,
    time_notebook,
    write_results,
)


def _notebook(code: str) -> str:
    cell = {"cell_type": "code", "execution_count": None, "id": "c1", "metadata": {}, "outputs": [], "source": [code]}
    kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return json.dumps({"cells": [cell], "metadata": {"kernelspec": kernel}, "nbformat": 4, "nbformat_minor": 5})


def test_the_measured_table_covers_every_notebook(root):
    """Adding a notebook without re-running `python -m treaty_toolkit.authoring.timings` fails here."""
    with (root / TIMINGS_CSV).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == COLUMNS
    expected = [str(path.relative_to(root)) for path, _ in notebooks_to_time(root)]
    assert sorted(r["Notebook"] for r in rows) == sorted(expected)
    assert all(float(r["Seconds"]) > 0 for r in rows)
    assert "Measured on" in (root / TIMINGS_NOTE).read_text(encoding="utf-8")


@pytest.mark.kernel
def test_time_notebook_runs_from_the_notebook_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "marker.txt").write_text("here")
    path = tmp_path / "sub" / "nb.ipynb"
    path.write_text(_notebook("import time; time.sleep(0.3); open('marker.txt').read()"))
    timing = time_notebook(path, tmp_path)
    assert timing.notebook == "sub/nb.ipynb" and timing.code_cells == 1
    assert timing.seconds >= 0.3


@pytest.mark.kernel
def test_a_failing_notebook_is_not_timed(tmp_path):
    path = tmp_path / "bad.ipynb"
    path.write_text(_notebook("raise RuntimeError('broken cell')"))
    with pytest.raises(CellExecutionError, match="broken cell"):
        time_notebook(path, tmp_path)


def test_write_results_says_when_and_where(tmp_path):
    (tmp_path / "instructors").mkdir()
    timings = [Timing("chapters/a.ipynb", "chapter", 3, 1.234), Timing("exercises/b.ipynb", "exercise", 2, 2.0)]
    write_results(tmp_path, timings, date(2026, 1, 2), "Test box")
    text = (tmp_path / TIMINGS_CSV).read_text()
    assert text.splitlines() == [",".join(COLUMNS), "chapters/a.ipynb,chapter,3,1.2", "exercises/b.ipynb,exercise,2,2.0"]
    note = (tmp_path / TIMINGS_NOTE).read_text()
    assert "2026-01-02" in note and "Test box" in note and "2 notebooks" in note
