"""Notebook pages executed on every core before Sphinx reads them, and never served stale.

Upstream behaviour fixed (myst-nb 1.4.0, ``execute_notebooks: cache``): each notebook is executed
serially while Sphinx reads it, so on two cores half the machine idles; and the jupyter-cache is keyed
on the notebook's code alone, so after a change to the helper package, the data or the quiz banks a
rebuild shows outputs computed from the old ones.

- ``builder-inited``: a hash of everything notebook outputs depend on besides the notebooks (the
  package's notebook-facing code, ``data/``, ``references.bib``, the quiz banks) is compared with the
  one stored beside the cache. If it changed, the cache is cleared and every notebook page is re-read
  (``env-get-outdated``).
- ``env-before-read-docs``: the notebook pages about to be read that have no cached run start in a
  pool of one worker per core plus one, exactly as myst-nb would run them (same notebook, same folder, timeout
  and error policy), while Sphinx goes on reading; ``source-read`` of each notebook page waits for its
  run and stores it in the same cache, so myst-nb finds it cached. A notebook that fails here, or whose
  run fails to start, is left to myst-nb, which runs it again and reports any error as usual. Each kernel
  gets Unix sockets of its own (``authoring/kernels.py``): kernels started side by side over TCP can be
  handed the same port, and the one that loses hangs until its start-up timeout.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path, PurePosixPath

from sphinx.application import Sphinx
from sphinx.util import logging

from treaty_toolkit import project
from treaty_toolkit.book.solutions import read_notebook_page

logger = logging.getLogger(__name__)
INPUTS_FILE = "treaty-toolkit-inputs.txt"
PACKAGE_DIR = Path(__file__).resolve().parents[1]
# Build-only parts of the package: changing them cannot change a notebook's output (notebooks never
# import them: tests/test_package_layout.py).
BUILD_ONLY = (("book",), ("authoring",), ("quiz", "lms"))
# One more process than cores: a kernel (or Sphinx's main process, handing pages to its writers) spends
# part of its time waiting, and the extra one fills those gaps (on two cores, 25.2 s cold build against
# 26.5 s with one kernel per core).
PROCESSES = (os.cpu_count() or 1) + 1


def output_inputs(root: Path) -> list[Path]:
    """Every file besides the notebooks themselves that notebook outputs are computed from."""
    package = [p for p in sorted(PACKAGE_DIR.rglob("*"))
               if p.is_file() and p.suffix in (".py", ".js", ".css", ".json")
               and not any(p.relative_to(PACKAGE_DIR).parts[:len(part)] == part for part in BUILD_ONLY)]
    data = sorted((root / project.DATA_DIR).glob("*"))
    banks = sorted((root / project.QUIZ_DIR).glob("*.yaml"))
    return [*package, *data, root / project.BIB_FILE, root / project.OBJECTIVES_FILE, *banks]


def inputs_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in output_inputs(root):
        if path.is_file():
            digest.update(str(path.relative_to(path.anchor)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _config(app: Sphinx):
    """myst-nb's resolved configuration (set by myst-nb at builder-inited, with the cache's real path)."""
    return app.env.mystnb_config


def _cache(app: Sphinx):
    from jupyter_cache import get_cache

    return get_cache(_config(app).execution_cache_path)


def _uses_cache(app: Sphinx) -> bool:
    return _config(app).execution_mode == "cache"


def check_inputs(app: Sphinx) -> None:
    """builder-inited: clear the cache when what notebook outputs depend on has changed."""
    app.treaty_inputs_changed = False
    if not _uses_cache(app):
        return
    current = inputs_hash(Path(app.srcdir))
    stamp = Path(_cache(app).path) / INPUTS_FILE
    previous = stamp.read_text(encoding="utf-8").strip() if stamp.is_file() else None
    if previous != current:
        if previous is not None:
            logger.info("[treaty_toolkit] package, data or banks changed: re-executing every notebook")
            _cache(app).clear_cache()
            app.treaty_inputs_changed = True
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(current + "\n", encoding="utf-8")


def page_notebook(app: Sphinx, env, docname: str):
    """The notebook myst-nb will build this page from (solutions folded), or None for a plain page."""
    from myst_nb.core.read import create_nb_reader

    path = str(env.doc2path(docname))
    text = Path(path).read_text(encoding="utf-8")
    reader = create_nb_reader(path, env.myst_config, _config(app), text)
    if reader is None:
        return None
    if path.endswith(".ipynb"):
        return read_notebook_page(text, docname)  # what the source-read hook hands myst-nb
    return reader.read(text)


def notebook_pages(app: Sphinx, env, docnames) -> list[str]:
    return [d for d in docnames if page_notebook(app, env, d) is not None]


def outdated_notebooks(app: Sphinx, env, added, changed, removed) -> list[str]:
    """env-get-outdated: every notebook page, when the cache was cleared."""
    if not getattr(app, "treaty_inputs_changed", False):
        return []
    return notebook_pages(app, env, env.found_docs)


def _excluded(app: Sphinx, path: Path) -> bool:
    posix = PurePosixPath(path.as_posix())
    return any(posix.match(pattern) for pattern in _config(app).execution_excludepatterns or ())


def _execute(job):
    """In a worker process: run one notebook from its own folder (jupyter-cache's own runner).

    Its kernel gets sockets of its own: over TCP, kernels started side by side can be handed the same port.
    """
    from jupyter_cache.executors.utils import single_nb_execution

    from treaty_toolkit.authoring.kernels import private_sockets

    path, nb, timeout, allow_errors = job
    with private_sockets() as config:
        result = single_nb_execution(nb, cwd=str(Path(path).parent), timeout=timeout, allow_errors=allow_errors,
                                     meta_override=True, config=config)
    return result.nb, result.time, result.exc_string if result.err is not None else None


def execute_in_parallel(app: Sphinx, env, docnames) -> None:
    """env-before-read-docs: start the uncached notebook pages about to be read, cores + 1 at a time.

    Jobs go out in the order Sphinx reads documents (sorted), and reading starts at once: the Markdown
    pages are parsed while the kernels run, and each notebook page waits for its own run in source-read.
    """
    app.treaty_runs = {}
    if not _uses_cache(app):
        return
    cache = _cache(app)
    jobs = []
    for docname in sorted(docnames):
        path = Path(env.doc2path(docname))
        nb = page_notebook(app, env, docname)
        if nb is None or _excluded(app, path):
            continue
        try:
            cache.match_cache_notebook(nb)
            continue  # already cached
        except KeyError:
            jobs.append((docname, (str(path), nb, _config(app).execution_timeout, _config(app).execution_allow_errors)))
    workers = min(len(jobs), PROCESSES)
    if workers < 2:
        return  # nothing to share out: myst-nb runs it as usual
    logger.info(f"[treaty_toolkit] executing {len(jobs)} notebooks ({workers} at a time) while pages are read")
    app.treaty_pool = ProcessPoolExecutor(max_workers=workers)
    app.treaty_runs = {docname: (job[0], app.treaty_pool.submit(_execute, job)) for docname, job in jobs}


def wait_for_run(app: Sphinx, docname: str, source: list[str]) -> None:
    """source-read (before myst-nb parses the page): store this notebook's finished run in the cache."""
    run = getattr(app, "treaty_runs", {}).pop(docname, None)
    if run is None:
        return
    from jupyter_cache.base import CacheBundleIn

    path, future = run
    try:
        executed, seconds, error = future.result()
    except Exception as exc:  # the run never got going (say, its kernel did not start): myst-nb runs it itself
        logger.info(f"[treaty_toolkit] {docname}: parallel run failed ({exc}); myst-nb executes it")
        executed, error = None, exc
    if error is None:  # else myst-nb executes it again and reports the failure with its traceback
        _cache(app).cache_notebook_bundle(CacheBundleIn(executed, path, data={"execution_seconds": seconds}),
                                          check_validity=False, overwrite=True)
    if not app.treaty_runs:
        close_pool(app)


def close_pool(app: Sphinx, *args) -> None:
    pool = getattr(app, "treaty_pool", None)
    if pool is not None:
        pool.shutdown(cancel_futures=True)
        app.treaty_pool = None


def setup(app: Sphinx):
    app.connect("builder-inited", check_inputs, priority=900)  # after myst-nb has resolved its config
    app.connect("env-get-outdated", outdated_notebooks)
    app.connect("env-before-read-docs", execute_in_parallel)
    app.connect("source-read", wait_for_run, priority=100)  # before the solutions are folded and myst-nb parses
    app.connect("env-updated", close_pool)
    app.connect("build-finished", close_pool)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
