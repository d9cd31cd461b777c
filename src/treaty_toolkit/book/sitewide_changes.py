"""Every page is rebuilt when an input that every page uses changes: ``_toc.yml`` or the book's static files.

- sphinx-external-toc (1.0.1) re-reads only the pages whose own toctree changed, and Sphinx (7.4) writes
  only re-read pages, so every other page would keep its old sidebar and its old Previous/Next links.
- Sphinx (7.4) copies static files only when some page is out of date ("no targets are out of date"
  returns first), so an edited ``static/*.js`` or ``*.css`` never reached the built book, and the pages'
  ``?v=`` checksums would not change either.

And the reverse: when no page was read or removed, what only a read page can change is not worked out again.

- Sphinx (7.4.7) numbers sections and figures again after every read (``TocTreeCollector.get_updated_docs``),
  even an empty one, and to do so loads every page's stored doctree: half a second per edition.
- sphinxcontrib-bibtex (2.6) formats every cited entry again after every read (its ``env-updated`` handler),
  a quarter of a second per edition. The stored environment keeps the last result; an edited ``.bib`` file
  makes the pages with a bibliography re-read (Sphinx tracks it as their dependency), so the entries are
  formatted again then.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment.collectors.toctree import TocTreeCollector

from .theme import STATIC_DIR


def sitewide_digest(app: Sphinx) -> str:
    digest = hashlib.sha256((Path(app.srcdir) / app.config.external_toc_path).read_bytes())
    for path in sorted(p for p in STATIC_DIR.rglob("*") if p.is_file()):
        digest.update(path.relative_to(STATIC_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def reread_all_when_sitewide_inputs_change(app: Sphinx, env, added, changed, removed) -> list[str]:
    digest = sitewide_digest(app)
    if getattr(env, "treaty_sitewide_digest", None) == digest:
        return []
    env.treaty_sitewide_digest = digest  # kept with the environment between builds
    return sorted(env.found_docs - added - removed)


def note_removed_pages(app: Sphinx, env, added, changed, removed) -> list[str]:
    app.treaty_pages_removed = bool(removed)
    return []


def note_pages_to_read(app: Sphinx, env, docnames: list[str]) -> None:
    app.treaty_pages_read = bool(docnames) or getattr(app, "treaty_pages_removed", True)


def _only_after_a_read(app: Sphinx, event: str, is_upstream) -> int | None:
    """Replace the one listener of ``event`` that ``is_upstream(handler)`` picks with one that calls it only
    when some page was read or removed; returns the new listener's id (None when there is no such listener)."""
    upstream = [listener for listener in app.events.listeners[event] if is_upstream(listener.handler)]
    if not upstream:
        return None
    [listener] = upstream
    app.disconnect(listener.id)

    def after_a_read(app: Sphinx, env) -> list[str]:
        return listener.handler(app, env) if getattr(app, "treaty_pages_read", True) else []

    return app.connect(event, after_a_read, priority=listener.priority)


def _note_reads(app: Sphinx) -> None:
    if not getattr(app, "treaty_reads_noted", False):
        app.connect("env-get-outdated", note_removed_pages, priority=999)
        app.connect("env-before-read-docs", note_pages_to_read, priority=999)
        app.treaty_reads_noted = True


def number_only_after_a_read(app: Sphinx) -> None:
    """Put a guard on the toctree collector's renumbering: it runs only when some page was read or removed."""
    _note_reads(app)
    [collector] = [listener.handler.__self__ for listener in app.events.listeners["env-get-updated"]
                   if isinstance(getattr(listener.handler, "__self__", None), TocTreeCollector)]
    collector.listener_ids["env-get-updated"] = _only_after_a_read(  # kept, so that collector.disable() still works
        app, "env-get-updated", lambda handler: getattr(handler, "__self__", None) is collector)


def format_citations_only_after_a_read(app: Sphinx) -> None:
    """Put the same guard on sphinxcontrib-bibtex's formatting of the cited entries (once every extension
    is set up: it is listed after this one)."""
    from sphinxcontrib.bibtex import env_updated as format_citations

    _note_reads(app)
    _only_after_a_read(app, "env-updated", lambda handler: handler is format_citations)


def setup(app: Sphinx) -> None:
    app.connect("env-get-outdated", reread_all_when_sitewide_inputs_change)
    number_only_after_a_read(app)
    app.connect("builder-inited", format_citations_only_after_a_read)
