"""Store notebooks reproducibly: re-execute them and strip what changes from run to run.

A stored notebook keeps its outputs (nbval compares them with a fresh run) but nothing volatile: no
execution timestamps, no widget state or widget model ids, no Python patch version, no run-dependent
execution counts or stream chunking. Executing an unchanged notebook and normalizing it therefore gives a
byte-identical file, which ``tests/test_notebooks.py`` checks.

    python -m treaty_toolkit.authoring.notebooks            # re-execute every notebook under chapters/ and exercises/
    python -m treaty_toolkit.authoring.notebooks a.ipynb    # ... or only these
    python -m treaty_toolkit.authoring.notebooks --check    # list notebooks that are not normalized (exit 1 if any)
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

import nbformat

from treaty_toolkit import project

ROOT = project.CHECKOUT

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
# What JupyterLab writes for a Python kernel, minus `version` (the patch release differs per machine).
LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
}
# Notebook-level metadata written by tools at run time (widget state, papermill, editor state).
VOLATILE_NOTEBOOK_METADATA = ("widgets", "papermill", "vscode", "toc-autonumbering", "varInspector")
# Cell-level metadata that records when or how a cell last ran, or UI state, not content.
VOLATILE_CELL_METADATA = ("execution", "ExecuteTime", "papermill", "scrolled", "collapsed")
# A widget view output only names a model id that is random per run; its text/plain repr stays.
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
EXECUTION_TIMEOUT = 300  # seconds per cell


def normalize(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` with run-to-run noise removed (see the module docstring)."""
    nb = copy.deepcopy(nb)
    for key in VOLATILE_NOTEBOOK_METADATA:
        nb.metadata.pop(key, None)
    nb.metadata["kernelspec"] = nbformat.from_dict(KERNELSPEC)
    nb.metadata["language_info"] = nbformat.from_dict(LANGUAGE_INFO)

    count = 0
    for index, cell in enumerate(nb.cells):
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        if "id" not in cell and (nb.nbformat, nb.nbformat_minor) >= (4, 5):
            cell["id"] = f"cell-{index}"  # deterministic, unlike nbformat's random ids
        if cell.cell_type == "markdown":
            cell.source = relabel_bibliography_links(cell.source)
        if cell.cell_type != "code":
            continue
        # Numbered in document order, as a clean top-to-bottom run numbers them.
        count += 1
        cell.execution_count = count
        cell.outputs = _normalize_outputs(cell.outputs, count)
    return nb


# A Markdown link to a bibliography entry, [KCNA 2024a](../bibliography.md#kcna2024signed): the book points it at
# the entry (treaty_toolkit.book.bib_links). Its text is the entry's author-year label, which can change
# (a/b suffixes) when sources are added, so storing a notebook writes the current label.
_BIBLIOGRAPHY_LINK = re.compile(r"\[([^\]]*)\]\(((?:\.\./)*bibliography\.md)#([\w:-]+)\)")


def relabel_bibliography_links(markdown: str) -> str:
    from treaty_toolkit import references  # pybtex, only when a notebook is stored

    if "bibliography.md#" not in markdown:
        return markdown
    labels = references.labels(ROOT / project.BIB_FILE)
    return _BIBLIOGRAPHY_LINK.sub(lambda m: f"[{labels.get(m[3], m[1])}]({m[2]}#{m[3]})", markdown)


# A figure cell whose next code cell prints ``..._alt_text(...)``: the figure's alt text (cell metadata
# mystnb.image.alt, which myst-nb reads) must be what that cell prints, or it goes stale with the data.
_PRINTS_ALT_TEXT = re.compile(r"^print\([\w.]*_alt_text\(", re.M)


def figure_alt_pairs(nb: nbformat.NotebookNode) -> list[tuple[int, int]]:
    """(figure cell index, alt-text cell index) for every figure whose alt text the notebook prints."""
    code = [i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"]
    pairs = []
    for position, index in enumerate(code[:-1]):
        image = nb.cells[index].metadata.get("mystnb", {}).get("image", {})
        following = code[position + 1]
        if "alt" in image and _PRINTS_ALT_TEXT.search(nb.cells[following].source):
            pairs.append((index, following))
    return pairs


def printed_text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream").strip()


def sync_alt_text(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Set each figure's alt text to what its alt-text cell printed (after execution)."""
    for figure, printer in figure_alt_pairs(nb):
        text = printed_text(nb.cells[printer])
        if text:
            nb.cells[figure].metadata["mystnb"]["image"]["alt"] = text
    return nb


def _normalize_outputs(outputs: list, count: int) -> list:
    normalized = []
    for output in outputs:
        if output.output_type in ("execute_result", "display_data"):
            output.data.pop(WIDGET_VIEW, None)
            if not output.data:
                continue
            if output.output_type == "execute_result":
                output.execution_count = count
        previous = normalized[-1] if normalized else None
        if (
            output.output_type == "stream"
            and previous is not None
            and previous.output_type == "stream"
            and previous.name == output.name
        ):
            # The kernel splits a stream into chunks depending on timing: store one chunk.
            previous.text += output.text
            continue
        normalized.append(output)
    return normalized


def dumps(nb: nbformat.NotebookNode) -> str:
    """The notebook as stored on disk: nbformat's JSON layout plus a trailing newline."""
    return nbformat.writes(nb, version=nbformat.NO_CONVERT) + "\n"


def load(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=nbformat.NO_CONVERT)


def execute(nb: nbformat.NotebookNode, folder: Path) -> nbformat.NotebookNode:
    """Run every cell with the python3 kernel, from ``folder`` (relative paths work as in Jupyter)."""
    from nbclient import NotebookClient

    from treaty_toolkit.authoring.kernels import private_sockets

    with private_sockets() as config:
        NotebookClient(
            nb,
            timeout=EXECUTION_TIMEOUT,
            kernel_name="python3",
            resources={"metadata": {"path": str(folder)}},
            config=config,
        ).execute()
    return nb


def execute_and_store(path: Path, destination: Path | None = None) -> Path:
    """Execute the notebook at ``path``, normalize it and write it to ``destination`` (default: in place)."""
    path = Path(path)
    nb = sync_alt_text(execute(load(path), path.parent))
    target = Path(destination) if destination else path
    target.write_text(dumps(normalize(nb)), encoding="utf-8")
    return target


def is_normalized(path: Path) -> bool:
    text = Path(path).read_text(encoding="utf-8")
    return dumps(normalize(nbformat.reads(text, as_version=nbformat.NO_CONVERT))) == text


def stored_notebooks(root: Path = ROOT) -> list[Path]:
    """Every notebook the project stores under chapters/ and exercises/ (no checkpoints, no builds)."""
    return project.stored_notebooks(root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m treaty_toolkit.authoring.notebooks", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: all under chapters/ and exercises/)")
    parser.add_argument("--check", action="store_true", help="only report notebooks that are not normalized")
    args = parser.parse_args(argv)
    paths = args.paths or stored_notebooks()
    if args.check:
        stale = [path for path in paths if not is_normalized(path)]
        for path in stale:
            print(f"not normalized: {path} (run `make notebooks`)")
        return 1 if stale else 0
    for path in paths:
        print(f"executing {path}", flush=True)
        execute_and_store(path)
    from treaty_toolkit.authoring import student_copies  # the student copies follow their exercises

    for target in student_copies.write_student_copies(student_copies.exercise_notebooks(), student_copies.DEFAULT_OUT):
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
