"""The package's layout is its architecture: the boundaries between its parts are enforced here.

- only ``book/`` imports Sphinx, docutils or the Sphinx extensions (``project`` may use
  sphinx_external_toc's parser, which imports no Sphinx);
- nothing a notebook imports reaches ``authoring/``, ``book/`` or the LMS exporter ``quiz/lms/``, directly or
  through other modules (the notebook execution cache ignores changes to them);
- the quiz's build-side code (the book's directives, the LMS exporter) loads neither ipywidgets, IPython nor pandas.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from treaty_toolkit.project import stored_notebooks

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "treaty_toolkit"
SPHINX_WORLD = re.compile(r"^(sphinx|docutils|myst_nb|myst_parser|pydata_sphinx_theme|sphinx_[a-z_]+)(\.|$)")
ALLOWED_OUTSIDE_BOOK = re.compile(r"^sphinx_external_toc\.(parsing|api)$")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str) -> set[str]:
    """Every module ``name`` imports anywhere in its body (lazy imports inside functions too)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES)
    return found


def test_the_layout_has_the_parts_the_readme_names():
    for part in ("quiz", "book", "checks", "authoring"):
        assert (PACKAGE / part / "__init__.py").is_file(), f"missing treaty_toolkit/{part}/"
    for name in ("project", "style", "data", "cache"):
        assert f"treaty_toolkit.{name}" in MODULES


@pytest.mark.parametrize("name", [n for n in MODULES if not n.startswith("treaty_toolkit.book")])
def test_only_book_imports_sphinx_or_docutils(name):
    offending = sorted(m for m in imports_of(name) if SPHINX_WORLD.match(m) and not ALLOWED_OUTSIDE_BOOK.match(m))
    assert not offending, f"{name} imports {offending}: Sphinx code belongs in treaty_toolkit/book/"


def notebook_imports() -> set[str]:
    found = set()
    for path in [*stored_notebooks(ROOT), ROOT / "chapters" / "perspectives.md"]:
        if path.suffix == ".ipynb":
            code = "\n".join("".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
                             if c["cell_type"] == "code")
        else:
            code = "\n".join(re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", path.read_text(encoding="utf-8"), re.S))
        # Cell magics and MyST cell options (":tags: ...") are not Python.
        code = "\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("%", "!", ":")))
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("treaty_toolkit"):
                found.add(node.module)
                found.update(f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in MODULES)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("treaty_toolkit"))
    return found


def reachable(start: set[str]) -> set[str]:
    seen, todo = set(), [m for m in start if m in MODULES]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        # Importing a.b.c runs a/__init__ and a/b/__init__ first.
        parents = [".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)]
        todo += [m for m in [*imports_of(name), *parents] if m in MODULES and m not in seen]
    return seen


def test_notebooks_never_reach_authoring_or_book():
    start = notebook_imports()
    assert {"treaty_toolkit.data", "treaty_toolkit.checks"} <= start, start  # the scan sees the imports
    closure = reachable(start)
    leaked = sorted(m for m in closure
                    if m.startswith(("treaty_toolkit.authoring", "treaty_toolkit.book", "treaty_toolkit.quiz.lms")))
    assert not leaked, f"modules that notebooks import reach {leaked}"


def test_the_boundary_check_sees_a_leak():
    assert "treaty_toolkit.authoring.notebooks" in reachable({"treaty_toolkit.authoring.student_copies"})


def test_quiz_build_side_loads_no_widgets_ipython_or_pandas():
    code = ("import sys, treaty_toolkit.quiz, treaty_toolkit.quiz.html, treaty_toolkit.quiz.bank, "
            "treaty_toolkit.book.quiz_directives, treaty_toolkit.quiz.lms, treaty_toolkit.quiz.lms.__main__, "
            "treaty_toolkit.book.quiz_exports;"
            "print(sorted(m for m in ('ipywidgets', 'IPython', 'pandas') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", f"the quiz's build side loads {result.stdout.strip()}"


def test_notebook_cache_inputs_leave_out_only_the_build_only_code():
    from treaty_toolkit.book.execution import output_inputs

    names = {p.relative_to(PACKAGE).as_posix() for p in output_inputs(ROOT) if PACKAGE in p.parents}
    assert {"quiz/grading.py", "quiz/quiz.js", "quiz/bank.py", "data.py"} <= names
    assert not [n for n in names if n.startswith(("book/", "authoring/", "quiz/lms/"))]
