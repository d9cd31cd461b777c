"""Safe Markdown for bank text: raw HTML is disabled, so ``<script>`` or ``onerror=`` come out as text."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # CommonMark with HTML off; markdown-it also refuses javascript:/vbscript: link targets.
    return MarkdownIt("commonmark", {"html": False})


def render_block(text: str) -> str:
    """Paragraphs, lists, emphasis, links; for feedback and explanations."""
    return _parser().render(text or "").strip()


def render_inline(text: str) -> str:
    """Phrasing content only; for legends and labels, which may not hold paragraphs."""
    return _parser().renderInline((text or "").strip())
