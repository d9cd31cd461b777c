"""Pages are written by several processes, after a serial read, and come out as a serial build writes them."""

from __future__ import annotations

import io

PAGES = {"index": "Home\n====\n\n.. toctree::\n\n" + "".join(f"   page{n}\n" for n in range(6)),
         **{f"page{n}": f"Page {n}\n=======\n\nSee :doc:`page{(n + 1) % 6}`.\n" for n in range(6)}}


def build(tmp_path, name: str, parallel_writing: bool):
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace

    source = tmp_path / name
    source.mkdir()
    setup = ("def setup(app):\n"
             "    from treaty_toolkit.book import parallel_writing\n"
             "    parallel_writing.setup(app)\n") if parallel_writing else ""
    (source / "conf.py").write_text(setup, encoding="utf-8")
    for doc, text in PAGES.items():
        (source / f"{doc}.rst").write_text(text, encoding="utf-8")
    warnings = io.StringIO()
    with docutils_namespace():
        app = Sphinx(source, source, source / "_build", source / "_doctrees", "html", status=None, warning=warnings)
        app.build()
    assert [line for line in warnings.getvalue().splitlines() if "is already registered" not in line] == []
    return app, {doc: (source / "_build" / f"{doc}.html").read_text(encoding="utf-8") for doc in PAGES}


def test_pages_are_written_in_parallel_and_as_a_serial_build_writes_them(tmp_path):
    serial_app, serial = build(tmp_path, "serial", parallel_writing=False)
    parallel_app, parallel = build(tmp_path, "parallel", parallel_writing=True)
    assert not serial_app.builder.parallel_ok and parallel_app.builder.parallel_ok
    assert parallel_app.parallel >= 2  # one process resolves the pages, the others write them
    assert parallel == serial
