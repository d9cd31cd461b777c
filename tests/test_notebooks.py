"""Stored notebooks are reproducible: normalized, free of volatile metadata, and unchanged by execution.

`make notebooks` re-executes and normalizes them (treaty_toolkit.authoring.notebooks). Each notebook
is executed twice in a `make test` run, and both runs are checked: nbval (switched on by `make test`)
compares every stored output with a fresh run, and the book build's own run (myst-nb writes it to
`_build/jupyter_execute/`, freshly executed whenever a notebook, the package, the data or the banks
changed) must reproduce the stored outputs exactly, after normalization.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from treaty_toolkit.authoring import notebooks

ROOT = Path(__file__).resolve().parent.parent
STORED = notebooks.stored_notebooks(ROOT)


def _id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_the_project_stores_notebooks():
    assert STORED, "no .ipynb under chapters/ or exercises/: the reproducibility tests would check nothing"


@pytest.mark.parametrize("path", STORED, ids=_id)
def test_stored_notebook_is_normalized(path):
    text = path.read_text(encoding="utf-8")
    expected = notebooks.dumps(notebooks.normalize(nbformat.reads(text, as_version=nbformat.NO_CONVERT)))
    assert text == expected, f"{_id(path)} is not normalized: run `make notebooks` (or python -m treaty_toolkit.authoring.notebooks {_id(path)})"


@pytest.mark.parametrize("path", STORED, ids=_id)
def test_stored_notebook_has_no_widget_state_or_timestamps(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in nb["metadata"], f"{_id(path)}: notebook metadata holds widget state"
    for index, cell in enumerate(nb["cells"]):
        where = f"{_id(path)}, cell {index} ({cell.get('id')})"
        assert not {"execution", "ExecuteTime"} & set(cell["metadata"]), f"{where}: execution timestamps"
        for output in cell.get("outputs", []):
            assert notebooks.WIDGET_VIEW not in output.get("data", {}), f"{where}: widget view with a per-run model id"


def _code_cells(nb) -> list[tuple[str, int, list]]:
    return [(c.source, c.execution_count, c.outputs) for c in notebooks.normalize(nb).cells if c.cell_type == "code"]


@pytest.mark.parametrize("path", STORED, ids=_id)
def test_the_book_build_reproduces_every_stored_output(path, built_book):
    executed = built_book.parent / "jupyter_execute" / path.relative_to(ROOT)
    assert executed.is_file(), f"{_id(path)}: the build wrote no executed copy at {executed}"
    stored, rerun = _code_cells(notebooks.load(path)), _code_cells(notebooks.load(executed))
    assert len(stored) == len(rerun), f"{_id(path)}: the build ran {len(rerun)} code cells, {len(stored)} are stored"
    for index, (before, after) in enumerate(zip(stored, rerun)):
        if before != after:
            import difflib

            diff = "".join(list(difflib.unified_diff(json.dumps(before[2], indent=1).splitlines(True),
                                                     json.dumps(after[2], indent=1).splitlines(True),
                                                     "stored", "built"))[:60])
            pytest.fail(f"{_id(path)}, code cell {index + 1} changes when executed "
                        f"(run `make notebooks` if the change is intended):\n{diff}")


@pytest.mark.parametrize("path", STORED, ids=_id)
def test_figure_alt_text_is_what_the_notebook_prints(path):
    nb = notebooks.load(path)
    for figure, printer in notebooks.figure_alt_pairs(nb):
        alt = nb.cells[figure].metadata["mystnb"]["image"]["alt"]
        assert alt == notebooks.printed_text(nb.cells[printer]), (
            f"{_id(path)}: the alt text of cell {figure} is stale; `make notebooks` updates it")


def test_the_reproduction_check_sees_a_changed_output(tmp_path):
    nb = notebooks.load(STORED[0])
    changed = notebooks.load(STORED[0])
    cell = next(c for c in changed.cells if c.cell_type == "code" and c.outputs)
    cell.outputs = []
    assert _code_cells(nb) != _code_cells(changed)


# --- normalize() itself, on small hand-made notebooks ----------------------------------------------


def _notebook(*cells, **metadata):
    nb = nbformat.v4.new_notebook(metadata=metadata)
    nb.cells = list(cells)
    return nb


def test_normalize_removes_volatile_metadata_and_pins_the_kernel():
    cell = nbformat.v4.new_code_cell("1", id="a")
    cell.metadata["execution"] = {"iopub.execute_input": "2026-01-01T00:00:00Z"}
    cell.metadata["tags"] = ["hide-input"]
    nb = _notebook(
        cell,
        widgets={"application/vnd.jupyter.widget-state+json": {"state": {}}},
        kernelspec={"name": "python3", "display_name": "Python 3", "language": "python"},
        language_info={"name": "python", "version": "3.11.7"},
    )
    clean = notebooks.normalize(nb)
    assert "widgets" not in clean.metadata
    assert clean.metadata.kernelspec == notebooks.KERNELSPEC
    assert "version" not in clean.metadata.language_info
    assert clean.cells[0].metadata == {"tags": ["hide-input"]}  # content metadata stays
    assert "execution" in nb.cells[0].metadata  # the input is not modified


def test_normalize_numbers_code_cells_in_order_and_merges_stream_chunks():
    first = nbformat.v4.new_code_cell("print('a'); print('b')", id="a", execution_count=7)
    first.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="a\n"),
        nbformat.v4.new_output("stream", name="stdout", text="b\n"),
        nbformat.v4.new_output("stream", name="stderr", text="warning\n"),
    ]
    second = nbformat.v4.new_code_cell("2", id="b", execution_count=3)
    second.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=3)]
    clean = notebooks.normalize(_notebook(nbformat.v4.new_markdown_cell("# t", id="m"), first, second))
    assert [c.get("execution_count") for c in clean.cells] == [None, 1, 2]
    assert [(o.name, o.text) for o in clean.cells[1].outputs] == [("stdout", "a\nb\n"), ("stderr", "warning\n")]
    assert clean.cells[2].outputs[0].execution_count == 2


def test_normalize_drops_widget_views_but_keeps_their_text():
    cell = nbformat.v4.new_code_cell("w", id="a")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={notebooks.WIDGET_VIEW: {"model_id": "f00", "version_major": 2}, "text/plain": "Button()"},
        ),
        nbformat.v4.new_output("display_data", data={notebooks.WIDGET_VIEW: {"model_id": "ba7"}}),
    ]
    clean = notebooks.normalize(_notebook(cell))
    assert [dict(o.data) for o in clean.cells[0].outputs] == [{"text/plain": "Button()"}]


def test_normalize_is_idempotent_and_dumps_end_with_a_newline():
    nb = _notebook(nbformat.v4.new_code_cell("1", id="a", execution_count=4))
    once = notebooks.dumps(notebooks.normalize(nb))
    twice = notebooks.dumps(notebooks.normalize(nbformat.reads(once, as_version=4)))
    assert once == twice and once.endswith("}\n")


def test_check_mode_reports_a_notebook_that_is_not_normalized(tmp_path, capsys):
    path = tmp_path / "stale.ipynb"
    path.write_text(nbformat.writes(_notebook(nbformat.v4.new_code_cell("1", id="a", execution_count=9))), encoding="utf-8")
    assert notebooks.main(["--check", str(path)]) == 1
    assert "stale.ipynb" in capsys.readouterr().out
    path.write_text(notebooks.dumps(notebooks.normalize(notebooks.load(path))), encoding="utf-8")
    assert notebooks.main(["--check", str(path)]) == 0


# MyST syntax that JupyterLab shows as raw text (jupyterlab-myst 2.7.0, the latest, does not load in
# JupyterLab 4.6): roles such as {cite:t}`key`, directives such as ```{note}, and (label)= targets.
MYST_ONLY = re.compile(r"\{[a-z][\w:-]*\}`|^\s*(?:`{3,}|:{3,})\s*\{|^\s*\([\w-]+\)=\s*$", re.MULTILINE)


def myst_only_syntax(markdown: str) -> list[str]:
    return [m.group(0).strip() for m in MYST_ONLY.finditer(markdown)]


@pytest.mark.parametrize("path", STORED, ids=_id)
def test_notebook_markdown_reads_in_jupyterlab(path):
    """Markdown cells use plain Markdown links (Sphinx resolves them too), so no raw role is left in JupyterLab."""
    cells = nbformat.read(path, as_version=4).cells
    found = {n: hits for n, cell in enumerate(cells) if cell.cell_type == "markdown"
             and (hits := myst_only_syntax(cell.source))}
    assert not found, f"{_id(path)}: MyST-only syntax in markdown cells {found}"


def test_the_myst_syntax_check_sees_roles_directives_and_targets():
    assert myst_only_syntax("See {cite:t}`kcna2024` and {doc}`index`.") == ["{cite:t}`", "{doc}`"]
    assert myst_only_syntax("```{note}\nx\n```\n(my-label)=\n## Heading") == ["```{", "(my-label)="]
    assert myst_only_syntax("A [link](index.md#references), `code` and\n```python\nx = {1: 2}\n```") == []


def test_storing_a_notebook_writes_the_current_label_of_each_bibliography_link():
    stale = "Reported ([Reuters 2024z](../bibliography.md#reuters2024miller); [kept](other.md#x))."
    fixed = notebooks.relabel_bibliography_links(stale)
    assert fixed.startswith("Reported ([Reuters 2024") and "2024z" not in fixed and "[kept](other.md#x)" in fixed
    assert notebooks.relabel_bibliography_links(fixed) == fixed
