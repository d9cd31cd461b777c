"""``{treaty-articles}``: the article-by-article reading guide, written from ``data/treaty_articles.csv``.

    ```{treaty-articles}
    :keyprefix: read-
    ```

One entry per provision (the preamble and all 23 articles), grouped by theme, saying what the module
holds (verbatim wording with its language, a summary labelled as such, or nothing established), how
the content is tied to the article number and how confident that tie is, each with linked author–year
citations. The guide cannot drift from the data: it is the data, rendered.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from treaty_toolkit.project import DATA_DIR

THEMES = [
    ("political", "Political provisions"),
    ("security", "The security core"),
    ("economic and technical", "Economic and technical cooperation"),
    ("legal", "Legal provisions"),
    ("final clauses", "Final clauses"),
    ("not established", "Articles whose content is not established"),
]


def _cite(keys: list[str], prefix: str) -> str:
    return "{cite:p}`" + ",".join(prefix + k for k in keys) + "`" if keys else ""


LANGUAGE_CODES = {"Korean": "ko", "Russian": "ru", "English": "en"}


def _quote(text: str, language: str) -> str:
    """The wording exactly as the source gives it, marked with its language for screen readers."""
    code = next((c for name, c in LANGUAGE_CODES.items() if language.startswith(name)), "en")
    return f'  <blockquote lang="{code}"><p>{escape(text)}</p></blockquote>'



def guide_markdown(articles, prefix: str) -> str:
    from treaty_toolkit.data import split_sources

    # Plain text cells (empty instead of missing), so each field reads as a sentence fragment.
    articles = articles.astype(object).where(articles.notna(), "")
    blocks = []
    for theme, title in THEMES:
        rows = articles[articles["theme"] == theme]
        if rows.empty:
            continue
        numbers = ", ".join(str(label) for label in rows["label"])
        blocks.append(f"**{title}** ({numbers})\n")
        if theme == "not established":
            shown = ", ".join(str(a) for a in rows["article"])
            blocks.append(
                f"- **Articles {shown}.** The treaty has these articles, but no source the module holds names "
                "them together with any content, so they have no topic here. " + str(rows.iloc[0]["note"]) + " "
                + _cite([rows.iloc[0]["source"]], prefix) + "\n"
            )
            continue
        for _, row in rows.iterrows():
            keys = [row["source"], *split_sources(row["other_sources"])]
            head = f"- **{row['label']}: {row['topic']}.**"
            if row["known_as"] == "verbatim":
                lines = [f"{head} Wording held ({row['language']}):", "", _quote(str(row["content"]), str(row["language"])), ""]
            else:
                lines = [f"{head} *Summary in the module's words:* {row['content']}", ""]
            tie = {"a source names the article": "a source names the article",
                   "position between numbered articles": "only its position between numbered articles"}[str(row["tie"])]
            evidence = f" ({row['tie_evidence']})" if row["tie_evidence"] else ""
            lines.append(f"  Tied to the number by {tie}{evidence}; confidence: {row['confidence']}. "
                         f"{_cite(keys, prefix)}")
            if row["note"]:
                lines += ["", f"  *Note:* {row['note']}"]
            blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


class TreatyArticlesDirective(SphinxDirective):
    has_content = False
    option_spec = {"keyprefix": directives.unchanged}

    def run(self):
        from treaty_toolkit.data import PACKAGE_FILE, load_table  # lazily: pandas only when the directive is used

        data_dir = Path(self.env.srcdir) / DATA_DIR
        for path in [data_dir / PACKAGE_FILE, data_dir / "treaty_articles.csv"]:
            self.env.note_dependency(str(path))
        articles = load_table("treaty_articles", data_dir)
        return self.parse_text_to_nodes(guide_markdown(articles, self.options.get("keyprefix", "")))


def setup(app):
    app.add_directive("treaty-articles", TreatyArticlesDirective)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
