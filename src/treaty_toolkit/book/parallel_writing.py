"""Pages are written on every core.

Upstream behaviour fixed: Sphinx (7.4) writes pages in parallel only when asked for ``-j``, which the
``jupyter-book build`` command (1.0.4) cannot pass, so the writing phase ran on one core (about 5 s of a
26 s cold build on two). Reading stays serial: notebooks already run on every core while pages are read
(:mod:`.execution`), and Sphinx decides between serial and parallel reading before any extension could
ask. Sphinx decides how to write only after reading, so setting the number of processes then asks for
parallel writing alone; it still writes serially if an extension is not safe for it (and says so).
"""

from __future__ import annotations

from sphinx.application import Sphinx

from .execution import PROCESSES


def write_on_every_core(app: Sphinx, env) -> list[str]:
    # Sphinx's main process resolves each page and hands it to one of ``parallel - 1`` writers.
    app.parallel = max(app.parallel, PROCESSES)
    return []


def setup(app: Sphinx) -> None:
    app.connect("env-updated", write_on_every_core, priority=999)
