"""Citations drawn in the browser link to the bibliography: each page that holds ``data-cite`` markers
gets its keys' labels and links as JSON.

Notebook output that a script redraws (the Article 4 explorer swaps in precomputed HTML) cannot hold
Sphinx citation references. It names each source as ``<span data-cite="KEY">label</span>``
(:func:`treaty_toolkit.cited.html_citation`); here, for every key named on the page, the label and the
link of its entry in the bibliography, as sphinxcontrib-bibtex resolved them, go into the page as
``<script type="application/json" id="treaty-citations">``, from which the script makes the links.
"""

from __future__ import annotations

import json
import re

import pybtex.plugin
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)
ELEMENT_ID = "treaty-citations"
# The attribute in the page's HTML, or escaped inside the JSON a script reads its HTML from.
MARKER = re.compile(r'data-cite=\\?"([^"\\]+)\\?"')


def citation_links(app: Sphinx, pagename: str, keys: set[str]) -> dict[str, dict[str, str]]:
    """``{key: {label, href, title}}``: each key's entry in the bibliography (the list without a prefix)."""
    domain = app.env.get_domain("cite")
    plaintext = pybtex.plugin.find_plugin("pybtex.backends", "plaintext")()
    found = {}
    for citation in domain.citations:
        if citation.key in keys and domain.bibliographies[citation.bibliography_key].keyprefix == "":
            uri = app.builder.get_relative_uri(pagename, citation.bibliography_key.docname)
            tooltip = citation.tooltip_entry.text.render(plaintext) if citation.tooltip_entry else ""
            found[citation.key] = {"label": citation.formatted_entry.label, "href": f"{uri}#{citation.citation_id}",
                                   "title": tooltip}
    return found


def add_citation_links(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """html-page-context: the JSON of the keys that the page's ``data-cite`` markers name."""
    body = context.get("body")
    if not isinstance(body, str) or "data-cite=" not in body:
        return
    keys = set(MARKER.findall(body))
    links = citation_links(app, pagename, keys)
    for key in sorted(keys - set(links)):
        logger.warning(f"data-cite names {key!r}, which no bibliography without a keyprefix lists", location=pagename)
    payload = json.dumps(links, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")  # cannot end the script
    context["body"] = body + f'<script type="application/json" id="{ELEMENT_ID}">{payload}</script>'


def setup(app: Sphinx):
    app.connect("html-page-context", add_citation_links)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
