"""The editions of the book: a language switcher on every page, and on translated editions a notice per page.

One source, one Sphinx build per language (:mod:`treaty_toolkit.authoring.editions`): English at the root
of the HTML build, Korean in ``ko/`` (``project.EDITIONS``). Each page's article header links to the
same page in the other edition (``templates/edition-switcher.html``: a real link with ``hreflang`` and
``lang``), and the theme writes ``<html lang>`` from the build's ``language``.

A page of a translated edition says under its title whether it is translated, and from the English
edition of which date (the account's as-of date, ``data/datapackage.json``), or that it is shown in
English for now. A page shown in English has its article marked ``lang="en"`` (the page around it is
the edition's), and the words the book adds inside it (folds, figure links, wide-table notes) are English
too; what carries its own language (the notice, a quiz, the as-of box) says so with its own ``lang``. Sphinx's translation step marks every translatable node it visits as translated or not,
so a page counts as translated only when its catalog exists and translates every message the page has
now (a catalog behind its page, or with fuzzy entries, leaves the page "in English for now").
"""

from __future__ import annotations

import html
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from treaty_toolkit.book.edition_outputs import in_cell_output
from treaty_toolkit.project import DATA_DIR, EDITIONS, SOURCE_LANGUAGE

# What each edition's link in the switcher says (in its own language).
LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}
# The notice on a page of a translated edition: translated (with the English edition's date), or not yet.
NOTICE = {
    "ko": {
        "translated": "이 페이지는 {date} 기준 영어판을 번역한 것입니다.",
        "untranslated": "이 페이지는 아직 번역되지 않아 당분간 영어로 보여 드립니다.",
        "date": "{d.year}년 {d.month}월 {d.day}일",
    },
}
NOTICE_CLASS = "tt-edition-notice"
# The article of a translated edition's page that is shown in English for now.
IN_ENGLISH_CLASS = "tt-shown-in-english"
# Translation states recorded per page (the notice's second class says which: tt-translated, tt-untranslated).
TRANSLATED, UNTRANSLATED = "translated", "untranslated"


def language(app: Sphinx) -> str:
    return app.config.language or SOURCE_LANGUAGE


def article_language(app: Sphinx, docname: str) -> str:
    """The language a page's article is in: the edition's, or English on a page shown in English for now.
    Known from doctree-read on (record_translation_state)."""
    state = getattr(app.env, "tt_translation", {}).get(docname)
    return SOURCE_LANGUAGE if state and state["state"] == UNTRANSLATED else language(app)


def edition_root(app: Sphinx) -> Path:
    """The folder the English edition is built into (a translated edition's output sits inside it)."""
    outdir = Path(app.outdir)
    folder = EDITIONS.get(language(app), "")
    return outdir.parents[len(Path(folder).parts) - 1] if folder else outdir


def other_editions(pagename: str, current: str) -> list[dict]:
    """Links from ``pagename`` in edition ``current`` to the same page in each other edition."""
    up = "../" * (pagename.count("/") + len(Path(EDITIONS[current]).parts))
    return [{"lang": lang, "name": LANGUAGE_NAMES[lang],
             "href": f"{up}{folder + '/' if folder else ''}{pagename}.html"}
            for lang, folder in EDITIONS.items() if lang != current]


# Text the catalogs cannot hold, so it does not count against a page's translation: sphinx-exercise
# 1.2.1 builds an exercise's title outside gettext (its label words come from its own Korean catalog, the
# title itself stays as written), and a notebook's stored outputs (a figure's alt text) are not messages.
# The Korean edition re-renders the quizzes and the explorer in Korean (book/edition_outputs.py).
GENERATED_TITLES = ("exercise_title", "solution_title")


def _outside_the_catalogs(node: nodes.Element) -> bool:
    return node.tagname in GENERATED_TITLES or in_cell_output(node)


def record_translation_state(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read (after Sphinx's translation step): translated, or shown in English for now."""
    env = app.env
    if language(app) == SOURCE_LANGUAGE:
        return
    visited = [node["translated"] for node in doctree.findall(nodes.Element)
               if "translated" in node.attributes and not _outside_the_catalogs(node)]
    state = TRANSLATED if visited and all(visited) else UNTRANSLATED
    env.tt_translation[env.docname] = {"state": state, "messages": len(visited), "untranslated": visited.count(False)}


def keep_heading_anchors(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: put back the page's heading anchors, which translating its titles overwrote.

    Sphinx 7.4 re-parses each translated title as a one-heading document (it underlines the text), and
    MyST 3.0.1 then stores that single heading's slug as the page's whole anchor table
    (``env.metadata[docname]["myst_slugs"]``), so links like ``index.md#references`` from other pages
    failed to resolve. The page's own document keeps the table from its real parse: the English slugs,
    which the Korean headings keep as ids, so an anchor is the same in both editions.
    """
    slugs = getattr(doctree, "myst_slugs", None)
    if language(app) != SOURCE_LANGUAGE and slugs:
        app.env.metadata[app.env.docname]["myst_slugs"] = slugs


def forget_message_documents(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read, last: translated nodes belong to the page's document again.

    Sphinx 7.4 parses each translated message as a document of its own, and the nodes it moves into the
    page keep that one-message document as theirs, with its settings and so the whole build environment.
    Sphinx empties only the page's own settings before it saves the page, so every translated page saved
    a copy of the environment (3.6-3.9 MB a page instead of about 0.3 MB), and a rebuild read all of them
    back to number the figures.
    """
    if language(app) == SOURCE_LANGUAGE:
        return
    for node in doctree.findall():
        if getattr(node, "_document", None) not in (None, doctree):
            node.document = doctree


def _init_env(app: Sphinx, env, docnames) -> None:
    if not hasattr(env, "tt_translation"):
        env.tt_translation = {}


def _purge(app: Sphinx, env, docname: str) -> None:
    getattr(env, "tt_translation", {}).pop(docname, None)


def _merge(app: Sphinx, env, docnames, other) -> None:
    env.tt_translation.update({d: other.tt_translation[d] for d in docnames if d in getattr(other, "tt_translation", {})})


def _as_of_date(app: Sphinx) -> str:
    from treaty_toolkit.data import currency  # lazily: pandas only when an edition needs the date

    return NOTICE[language(app)]["date"].format(d=currency(Path(app.srcdir) / DATA_DIR).account_current_to)


def notice_html(app: Sphinx, state: dict) -> str:
    """The notice; its data attributes count the page's messages and those left in English (for the tests)."""
    texts = NOTICE[language(app)]
    text = texts[TRANSLATED].format(date=_as_of_date(app)) if state["state"] == TRANSLATED else texts[UNTRANSLATED]
    return (f'<p class="{NOTICE_CLASS} tt-{state["state"]}" lang="{language(app)}" role="note" '
            f'data-messages="{state["messages"]}" data-untranslated="{state["untranslated"]}">{html.escape(text)}</p>')


def add_switcher_and_notice(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """html-page-context: the switcher's links; on a translated edition's page, its notice under the title,
    and on a page shown in English, the article's language."""
    current = language(app)
    context["tt_other_editions"] = other_editions(pagename, current)
    state = getattr(app.env, "tt_translation", {}).get(pagename)
    body = context.get("body")
    if current == SOURCE_LANGUAGE or state is None or not isinstance(body, str):
        return
    notice = notice_html(app, state)
    end = body.find("</h1>")
    body = body[:end + 5] + notice + body[end + 5:] if end >= 0 else notice + body
    if state["state"] == UNTRANSLATED:
        body = f'<div class="{IN_ENGLISH_CLASS}" lang="{SOURCE_LANGUAGE}">{body}</div>'
    context["body"] = body


def put_switcher_in_the_article_header(app: Sphinx, config) -> None:
    """config-inited: the switcher first among sphinx-book-theme 1.3.0's article header buttons."""
    options = config.html_theme_options
    end = list(options.get("article_header_end", ["article-header-buttons.html"]))
    if "edition-switcher.html" not in end:
        options["article_header_end"] = ["edition-switcher.html", *end]


def note_the_as_of_date(app: Sphinx, docname: str, source) -> None:
    """source-read: a translated edition's notice names the as-of date, so its pages depend on it."""
    if language(app) != SOURCE_LANGUAGE:
        app.env.note_dependency(str(Path(app.srcdir) / DATA_DIR / "datapackage.json"))


def page_catalog(app: Sphinx, docname: str) -> dict[str, str] | None:
    """The translations in one page's catalog (one per page: ``gettext_compact`` is off), or None.

    Read from the ``.po`` file, not the compiled ``.mo``: Sphinx compiles the catalogs after
    ``config-inited``, so on a fresh clone the site title would be read before any ``.mo`` exists, stay
    English, and the next build would hash a different title and rewrite every page. Fuzzy entries count
    as untranslated, as in Sphinx's compiled catalogs.
    """
    from babel.messages.pofile import read_po
    from sphinx.util.i18n import docname_to_domain

    domain = docname_to_domain(docname, app.config.gettext_compact)
    for folder in app.config.locale_dirs:
        path = Path(app.srcdir) / folder / app.config.language / "LC_MESSAGES" / f"{domain}.po"
        if path.is_file():
            with path.open("rb") as handle:
                return {m.id: m.string for m in read_po(handle) if m.id and m.string and not m.fuzzy}
    return None


def translate_the_site_title(app: Sphinx, config) -> None:
    """config-inited: the sidebar's site title in the edition's language, from the root page's catalog
    (the title is the root page's heading, and a setting is in no catalog)."""
    if language(app) == SOURCE_LANGUAGE or not config.html_title:
        return
    catalog = page_catalog(app, config.root_doc) or {}
    config.html_title = catalog.get(config.html_title, config.html_title)


class TranslateOutputAltText(SphinxPostTransform):
    """A notebook figure's alt text, from the page's catalog, in a translated article.

    myst-nb 1.4.0 makes a figure output's image (with the alt text from the cell's metadata) only after
    Sphinx has translated the page, so the catalogs never see it. The notebooks print the same text
    below the figure as a sentence (``readers.said``), which the catalogs do hold.
    """

    default_priority = 10  # after myst-nb's SelectMimeType (4), which makes the image nodes
    formats = ("html",)

    def run(self, **kwargs) -> None:
        if article_language(self.app, self.env.docname) == SOURCE_LANGUAGE:
            return
        catalog = page_catalog(self.app, self.env.docname) or {}
        for image in self.document.findall(nodes.image):
            if image.get("alt") in catalog:
                image["alt"] = catalog[image["alt"]]


def translate_toc_captions(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: the sidebar's part captions in the edition's language. sphinx-external-toc 1.0.1
    inserts the toctrees (priority 100) after Sphinx has translated the page (priority 20), so their
    captions, which the gettext builder does extract into the root page's catalog, stayed English."""
    from sphinx import addnodes

    toctrees = [t for t in doctree.findall(addnodes.toctree) if t.get("caption")]
    if language(app) == SOURCE_LANGUAGE or not toctrees:
        return
    catalog = page_catalog(app, app.env.docname) or {}
    for toctree in toctrees:
        toctree["caption"] = catalog.get(toctree["caption"], toctree["caption"])


def setup(app: Sphinx) -> None:
    app.connect("config-inited", put_switcher_in_the_article_header)
    app.connect("config-inited", translate_the_site_title, priority=900)  # after the theme has read the title
    app.connect("doctree-read", translate_toc_captions)
    app.connect("env-before-read-docs", _init_env)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("source-read", note_the_as_of_date)
    app.connect("doctree-read", record_translation_state)
    app.connect("doctree-read", keep_heading_anchors)
    app.connect("doctree-read", forget_message_documents, priority=999)
    app.connect("html-page-context", add_switcher_and_notice)
    app.add_post_transform(TranslateOutputAltText)
