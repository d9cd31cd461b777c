"""Sphinx extension loaded by the book (see ``_config.yml``)."""

from __future__ import annotations


def setup(app):
    # The quiz directive lives with the quiz engine.
    app.setup_extension("treaty_toolkit.quiz.sphinx")
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
