"""Sphinx extension loaded by the book (see ``_config.yml``).

Besides the quiz directive it makes the stock Jupyter Book 1 output fit the module's standards:

* **offline**: MathJax 3 and the ipywidgets renderer are served from the book's own
  ``_static/vendor/`` folder (copied from ``node_modules``, installed by ``npm ci``), not from a CDN;
* **clean console**: identical inline ``<script>`` tags that several extensions emit twice (the
  ``const THEBE_JS_URL`` one is a SyntaxError the second time) are written once;
* **accessibility**: theme buttons whose accessible name hides their visible text are fixed by template
  overrides (``templates/``), the sidebar's expand/collapse toggles get a name, bibliography entries get the list-item role their ``role="list"`` parent
  requires, and the ipywidgets button gets readable contrast (``static/platform.css``).

Thebe stays enabled: ``sphinx-thebe.js`` fetches thebe only when a reader clicks "Live code" (which needs
a network connection to Binder anyway), so page loads make no external request.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.writers.html5 import HTML5Translator

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"

# Where the vendored files land inside the built book. Never a top-level `_static/` *source* folder:
# Jupyter Book 1 would inject every .js/.css under it into every page.
VENDOR_URL = "vendor/offline"

# npm package -> files (glob patterns relative to the package folder) the book needs at run time.
VENDOR_FILES: dict[str, list[str]] = {
    "mathjax": [
        "LICENSE",
        # TeX + MathML input, CHTML output, menu and assistive MathML in one file.
        "es5/tex-mml-chtml.js",
        # The CHTML output's fonts (WOFF files, despite the folder's name).
        "es5/output/chtml/fonts/woff-v2/*.woff",
        # TeX packages that `autoload` fetches when a formula uses e.g. \color or \cancel.
        "es5/input/tex/extensions/*.js",
        # What the MathJax menu loads on demand (explorer, speech): the a11y components and the
        # English speech rules (the book is in English).
        "es5/a11y/*.js",
        "es5/sre/mathmaps/base.json",
        "es5/sre/mathmaps/en.json",
    ],
    "@jupyter-widgets/html-manager": [
        # The standalone (no require.js) widget renderer and the icon fonts its CSS points to.
        "dist/embed.js",
        "dist/embed.js.LICENSE.txt",
        "dist/*.woff2",
        "dist/*.woff",
    ],
}
MATHJAX_PATH = f"{VENDOR_URL}/mathjax/es5/tex-mml-chtml.js"
WIDGETS_JS = f"{VENDOR_URL}/@jupyter-widgets/html-manager/dist/embed.js"


def node_modules_dir(app: Sphinx) -> Path:
    configured = app.config.treaty_node_modules
    return Path(configured) if configured else Path(app.srcdir) / "node_modules"


def vendor_sources(node_modules: Path) -> list[tuple[Path, Path]]:
    """(source file, path relative to the vendor folder) for every vendored file.

    Fails with a clear message when a package or file is missing, instead of building a book that
    silently falls back to a CDN or shows raw TeX.
    """
    pairs = []
    for package, patterns in VENDOR_FILES.items():
        package_dir = node_modules / package
        if not package_dir.is_dir():
            raise ExtensionError(
                f"{package_dir} is missing: the book serves its browser assets offline from node_modules. "
                "Run `make book` (it runs `npm ci`)."
            )
        for pattern in patterns:
            matches = sorted(p for p in package_dir.glob(pattern) if p.is_file())
            if not matches:
                raise ExtensionError(f"No file matches {package}/{pattern} in {node_modules}: run `npm ci`.")
            pairs.extend((path, Path(package) / path.relative_to(package_dir)) for path in matches)
    return pairs


def copy_if_changed(source: Path, destination: Path) -> None:
    stat = source.stat()
    if destination.exists():
        current = destination.stat()
        if current.st_size == stat.st_size and current.st_mtime_ns == stat.st_mtime_ns:
            return  # keeps an unchanged rebuild fast
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, destination)


def configure(app: Sphinx, config) -> None:
    """Point MathJax, ipywidgets and the theme at the book's own files (runs at config-inited)."""
    config.mathjax_path = MATHJAX_PATH
    # Replaces myst-nb's default (require.js + embed-amd.js from two CDNs); embed.js needs no loader.
    config.nb_ipywidgets_js = {WIDGETS_JS: {}}
    config.templates_path = [str(TEMPLATES_DIR), *config.templates_path]
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]


def copy_vendor_files(app: Sphinx) -> None:
    """Copy the vendored files before pages are written (Sphinx checksums the files it links)."""
    if app.builder.format != "html":
        return
    target = Path(app.builder.outdir) / "_static" / VENDOR_URL
    for source, relative in vendor_sources(node_modules_dir(app)):
        copy_if_changed(source, target / relative)


def write_each_script_once(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Drop repeated <script> tags (same file or same inline body and attributes).

    sphinx-thebe and sphinx-togglebutton register their inline scripts twice under Jupyter Book 1; the
    second `const THEBE_JS_URL = ...` is a SyntaxError on every page.
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
    """Give the sidebar's expand/collapse toggles an accessible name.

    pydata-sphinx-theme puts only a decorative chevron inside each ``<summary>`` of the navigation, so a
    screen reader announces an unnamed control (axe: summary-name). Each gets a visually hidden
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


SOLUTION_TAG = "solution"  # the tag exercise notebooks put on worked answers (see treaty_toolkit.exercises)


def hide_solutions(app: Sphinx, docname: str, source: list[str]) -> None:
    """Collapse the worked answers of a notebook page behind a toggle (source-read).

    The exercise notebooks are the one source of tasks and solutions. In the book a reader should try a
    task before seeing its answer: a code solution gets myst-nb's ``hide-cell`` tag (input and output
    folded into a closed <details>), a written solution is wrapped in a dropdown admonition.
    """
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    import nbformat

    nb = nbformat.reads(source[0], as_version=4)
    changed = False
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if SOLUTION_TAG not in tags:
            continue
        changed = True
        if cell.cell_type == "code":
            cell.metadata["tags"] = [*tags, "hide-cell"]
            cell.metadata.setdefault("mystnb", {}).update(
                code_prompt_show="Show the worked answer", code_prompt_hide="Hide the worked answer"
            )
        else:
            # A fence longer than any run of colons inside the answer, so the answer cannot close it.
            fence = ":" * max(4, max((len(run) for run in re.findall(r":{3,}", cell.source)), default=0) + 1)
            cell.source = f"{fence}{{admonition}} Worked answer\n:class: dropdown tt-solution\n\n{cell.source}\n{fence}"
    if changed:
        source[0] = nbformat.writes(nb)


def visit_hidden_cell(self, node) -> None:
    """myst-nb's folded cell, without its summary's fixed aria-label "Toggle hidden content".

    That label hides the visible prompt ("Show the worked answer") from screen readers (axe:
    label-content-name-mismatch); without it the summary is named by the prompt it shows.
    """
    from html import escape

    self.body.append(f'<details class="admonition hide {" ".join(node["classes"])}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def depart_hidden_cell(self, node) -> None:
    self.body.append("</details>\n")


class AccessibleHTMLTranslator(HTML5Translator):
    """HTML5 translator whose bibliography markup passes ARIA's required-children rule.

    docutils wraps citations in ``<div role="list">`` but gives each entry the deprecated
    ``doc-biblioentry`` role; a list must contain list items (axe: aria-required-children).
    """

    def visit_citation(self, node: nodes.citation) -> None:
        if not isinstance(node.previous_sibling(), type(node)):
            self.body.append('<div role="list" class="citation-list">\n')
        self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def setup(app: Sphinx):
    # The quiz directive lives with the quiz engine.
    app.setup_extension("treaty_toolkit.quiz.sphinx")
    # {study-times}: the start-here page's table of chapter times.
    app.setup_extension("treaty_toolkit.studytime")
    app.setup_extension("treaty_toolkit.alignment_sphinx")

    app.add_config_value("treaty_node_modules", "", "env", [str])
    # Runs after myst-nb and sphinx.ext.mathjax have registered their config values.
    app.connect("config-inited", configure)
    app.connect("builder-inited", copy_vendor_files)
    # Late priority: after every extension has added its scripts to the page.
    app.connect("html-page-context", write_each_script_once, priority=900)
    app.connect("html-page-context", name_toctree_toggles, priority=900)
    app.add_css_file("platform.css")
    # Print view: no navigation, readable quizzes, worked answers left out (static/print.css).
    app.add_css_file("print.css", media="print")
    app.connect("source-read", hide_solutions)
    from myst_nb.sphinx_ import HideCodeCellNode

    app.setup_extension("myst_nb")  # registers the node first, so ours overrides it
    app.add_node(HideCodeCellNode, override=True, html=(visit_hidden_cell, depart_hidden_cell))
    for builder in ("html", "dirhtml", "singlehtml"):
        app.set_translator(builder, AccessibleHTMLTranslator)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
