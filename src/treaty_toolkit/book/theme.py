"""Small, named fixes to what sphinx-book-theme 1.3.0 / pydata-sphinx-theme 0.17.1 and myst-nb 1.4.0 emit.

Each fix names the upstream behaviour it corrects; the versions are pinned in requirements-dev.txt
because the fixes target their exact output. Template overrides live in ``templates/`` (each file says
what it changes), build-only CSS in ``static/``.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

HERE = Path(__file__).resolve().parent
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"

# Exact strings in the page body that break an accessibility rule, and what replaces them.
BODY_FIXES = {
    # myst-nb 1.4.0's folded cell: a fixed summary label hides the visible prompt ("Show the worked
    # answer") from screen readers (axe: label-content-name-mismatch); without it the prompt names it.
    '<summary aria-label="Toggle hidden content">': "<summary>",
    # docutils 0.21 gives bibliography entries the deprecated doc-biblioentry role inside a role="list"
    # wrapper, which must contain list items (axe: aria-required-children).
    ' role="doc-biblioentry"': ' role="listitem"',
}


def fix_body_markup(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """html-page-context: apply :data:`BODY_FIXES` to the rendered body."""
    body = context.get("body")
    if not isinstance(body, str):
        return
    for wrong, right in BODY_FIXES.items():
        body = body.replace(wrong, right)
    context["body"] = body


def write_each_script_once(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """html-page-context: drop repeated <script> tags (same file or same inline body and attributes).

    sphinx-togglebutton registers its inline scripts twice under Jupyter Book 1 (so did sphinx-thebe,
    whose second ``const`` declaration was a SyntaxError on every page).
    """
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    seen = set()
    unique = []
    for script in scripts:
        attributes = tuple(sorted((k, str(v)) for k, v in script.attributes.items()))
        # Inline scripts come as filename None or "" depending on how they were registered.
        key = (script.filename or "", attributes)
        if key not in seen:
            seen.add(key)
            unique.append(script)
    scripts[:] = unique


def name_toctree_toggles(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """html-page-context: give the sidebar's expand/collapse toggles an accessible name.

    pydata-sphinx-theme 0.17.1 puts only a decorative chevron inside each ``<summary>`` of the
    navigation, so a screen reader announces an unnamed control (axe: summary-name). The theme builds
    that HTML in Python with no template block to hook into, so its output gets a visually hidden
    "Sections of <chapter>" label.
    """
    generate = context.get("generate_toctree_html")
    if generate is None:
        return

    def generate_with_named_toggles(*args, **kwargs):
        from bs4 import BeautifulSoup  # a dependency of pydata-sphinx-theme

        soup = BeautifulSoup(str(generate(*args, **kwargs)), "html.parser")
        for summary in soup.select("li.has-children > details > summary"):
            if summary.get_text(strip=True):
                continue  # a caption heading already names it
            link = summary.find_parent("li").find("a", recursive=False)
            title = link.get_text(" ", strip=True) if link else ""
            label = soup.new_tag("span", attrs={"class": "visually-hidden"})
            label.string = f"Sections of {title}" if title else "Sections"
            summary.append(label)
        return str(soup)

    context["generate_toctree_html"] = generate_with_named_toggles


def use_templates_and_static(app: Sphinx, config) -> None:
    """config-inited (after the themes' handlers): our template overrides come first, each folder once;
    our CSS folder is served; the book has a tab icon (``static/favicon.svg``) unless its configuration names one.

    Upstream (sphinx-book-theme 1.3.0 with Sphinx 7.4): the theme appends its components folder to
    Sphinx's default ``templates_path`` list, which is shared by every build in one process, so the
    second edition built by ``make book`` listed it again. The list is part of the configuration hash in
    ``.buildinfo``, so a rebuild that ran the editions another way rewrote every page of that edition.
    """
    config.templates_path = list(dict.fromkeys([str(TEMPLATES_DIR), *config.templates_path]))
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]
    # Without an icon named in the page, browsers ask the server for /favicon.ico, which is not there.
    if not config.html_favicon:
        config.html_favicon = str(STATIC_DIR / "favicon.svg")


def no_hidden_header_toggles(app: Sphinx, config) -> None:
    """config-inited: leave pydata's top navbar empty, as sphinx-book-theme intends.

    pydata-sphinx-theme 0.17.1 sets ``navbar_persistent`` to the search field whenever the option is
    unset, although sphinx-book-theme 1.3.0 empties every navbar slot. The header then renders, hidden,
    with its own hamburger and "on this page" buttons first in the page; both themes' scripts bind to the
    first ``.primary-toggle`` / ``.secondary-toggle`` they find, so the visible toggles in the article
    header did nothing (no drawer on a phone, no collapse on a desktop), and a second search field showed.
    """
    config.html_theme_options.setdefault("navbar_persistent", [])


def setup(app: Sphinx):
    app.connect("config-inited", use_templates_and_static, priority=900)
    app.connect("config-inited", no_hidden_header_toggles)
    # Late priority: after every extension has added its scripts to the page.
    app.connect("html-page-context", write_each_script_once, priority=900)
    app.connect("html-page-context", name_toctree_toggles, priority=900)
    app.connect("html-page-context", fix_body_markup, priority=900)
    # ipywidgets button contrast and dark-mode caption contrast (static/platform.css).
    app.add_css_file("platform.css")
    # Print view: no navigation, readable quizzes, worked answers left out (static/print.css).
    app.add_css_file("print.css", media="print")
    # Tables wider than the screen say that they scroll sideways (static/wide-tables.js).
    app.add_js_file("wide-tables.js")
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
