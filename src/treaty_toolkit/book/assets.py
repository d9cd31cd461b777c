"""Offline assets: MathJax 3, the ipywidgets renderer and a Korean font served from the book's own ``_static/``.

The files come from ``node_modules`` (installed by ``npm ci`` from the lock file), never from a CDN.
Upstream behaviour fixed: myst-nb loads require.js and ``embed-amd.js`` from two CDNs and Sphinx loads
MathJax from jsDelivr; the theme's system font stack has no Hangul on machines without a Korean font,
so Korean quotations and titles showed as empty boxes (Noto Sans KR, split by Unicode range: a page
downloads only the pieces its characters need).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

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
    # Static weights, not the variable font: Chromium's PDF printer embeds a variable font as Type 3
    # outlines without a font name and with gaps in the text it gives back.
    "@fontsource/noto-sans-kr": [
        "LICENSE",  # SIL Open Font License 1.1
        # One @font-face per Unicode-range piece and weight, woff2 first (the woff fallback is for browsers
        # without woff2, which the theme does not support anyway, so those files are left out).
        "400.css",
        "700.css",
        "files/*-400-normal.woff2",
        "files/*-700-normal.woff2",
    ],
}
MATHJAX_PATH = f"{VENDOR_URL}/mathjax/es5/tex-mml-chtml.js"
WIDGETS_JS = f"{VENDOR_URL}/@jupyter-widgets/html-manager/dist/embed.js"
KOREAN_FONT_CSS = [f"{VENDOR_URL}/@fontsource/noto-sans-kr/{weight}.css" for weight in (400, 700)]
KOREAN_FONT_FAMILY = "Noto Sans KR"


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


def use_vendored_files(app: Sphinx, config) -> None:
    """config-inited: point MathJax and the widget renderer at the vendored copies."""
    config.mathjax_path = MATHJAX_PATH
    # Replaces myst-nb's default (require.js + embed-amd.js from two CDNs); embed.js needs no loader.
    config.nb_ipywidgets_js = {WIDGETS_JS: {}}


def copy_vendor_files(app: Sphinx) -> None:
    """builder-inited: copy the vendored files before pages are written (Sphinx checksums linked files)."""
    if app.builder.format != "html":
        return
    target = Path(app.builder.outdir) / "_static" / VENDOR_URL
    for source, relative in vendor_sources(node_modules_dir(app)):
        copy_if_changed(source, target / relative)


def setup(app: Sphinx):
    app.add_config_value("treaty_node_modules", "", "env", [str])
    # Runs after myst-nb and sphinx.ext.mathjax have registered their config values.
    app.connect("config-inited", use_vendored_files)
    app.connect("builder-inited", copy_vendor_files)
    # Before platform.css, which puts the family into the theme's font stacks.
    for css in KOREAN_FONT_CSS:
        app.add_css_file(css, priority=400)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
