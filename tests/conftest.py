"""Shared fixtures: paths to the project and to the built book."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# BOOK_HTML lets a test run point at a book built elsewhere (e.g. --path-output /tmp/x).
BUILD_HTML = Path(os.environ.get("BOOK_HTML", ROOT / "_build" / "html"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_book() -> Path:
    """The HTML book built by `make book` (which `make test` runs first)."""
    if not (BUILD_HTML / "index.html").exists():
        pytest.fail("No built book at _build/html: run `make book` first (`make test` does).")
    return BUILD_HTML


def pytest_collection_modifyitems(config, items):
    for item in items:
        # A test that reads the built book is a `book` test, so `make check` (no build) leaves it out.
        if "built_book" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.book)


def pytest_xdist_make_scheduler(config, log):
    """A file's tests on one worker, as --dist loadfile does, except tests of one built page each.

    A file stays together because nbval runs a notebook's cells in order in one kernel and a module's
    fixtures are built once. A test parametrised by a built page (its id ends in ".html]") visits that
    page alone, so any free worker may take it: the page-by-page browser tests balance the load.
    """
    from xdist.scheduler import LoadScopeScheduling

    class FileOrPageScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return nodeid if nodeid.endswith(".html]") else nodeid.split("::", 1)[0]

    return FileOrPageScheduling(config, log)
