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
    # A test that reads the built book is a `book` test, so `make check` (no build) leaves it out.
    for item in items:
        if "built_book" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.book)
