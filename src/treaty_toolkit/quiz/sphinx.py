"""Sphinx side of the quiz engine: the ``quiz`` directive (placeholder)."""


def setup(app):
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
