"""Files the book writes beside its pages at build time (LMS exports, worksheets), written again only when
something they are made from changed.

Sphinx has no notion of such files, so they were rewritten on every build: about 2 s of each edition's
no-change rebuild. What they are made from (the files a writer names, and the whole package, whose code
renders them) is fingerprinted; the fingerprint is kept in the edition's doctree folder, not among the
served files, and a missing output folder always means writing again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from sphinx.application import Sphinx

from treaty_toolkit.cache import fingerprint

PACKAGE_DIR = Path(__file__).resolve().parents[1]
SOURCE_SUFFIXES = (".py", ".css", ".js", ".json", ".yaml", ".html")


def package_sources() -> list[Path]:
    return sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and p.suffix in SOURCE_SUFFIXES)


def write_unless_current(app: Sphinx, kind: str, folder: Path, inputs: Iterable[Path], write: Callable[[], object]) -> bool:
    """Call ``write`` (which fills ``folder``) unless it already ran on these very inputs; True if it ran."""
    key = fingerprint(kind, [*inputs, *package_sources()], "1")
    stamp = Path(app.doctreedir) / f"{kind}.made-from"
    if key is not None and folder.is_dir() and any(folder.iterdir()) and stamp.is_file() \
            and stamp.read_text(encoding="utf-8") == key:
        return False
    write()
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(key or "", encoding="utf-8")
    return True
