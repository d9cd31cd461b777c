"""Shared fixtures: paths to the project and to the built book."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD_HTML = ROOT / "_build" / "html"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_book() -> Path:
    """The HTML book built by `make book` (which `make test` runs first)."""
    if not (BUILD_HTML / "index.html").exists():
        pytest.fail("No built book at _build/html: run `make book` first (`make test` does).")
    return BUILD_HTML
