"""Plain Markdown links to a bibliography entry lead to that entry: ``[KCNA 2024a](../bibliography.md#kcna2024signed)``.

Notebook Markdown cells cite this way, because JupyterLab shows MyST roles such as ``{cite:p}`` as raw
text. myst-parser 3.0.1 resolves ``page.md#name`` only to the page's heading anchors (and warns
otherwise); just before it runs, a link to the bibliography page whose ``#name`` is a bib key is pointed
at that key's entry. The link text must be the entry's author–year label, so text and list agree.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)


def _straight(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


class BibliographyEntryLinks(SphinxPostTransform):
    default_priority = 8  # before myst-parser's link resolver (9)

    def run(self, **kwargs) -> None:
        domain = self.env.get_domain("cite")
        entries = {c.key: c for c in domain.citations if domain.bibliographies[c.bibliography_key].keyprefix == ""}
        for node in list(self.document.findall(addnodes.pending_xref)):
            citation = entries.get(node.get("reftargetid") or "")
            if node.get("reftype") != "myst" or citation is None or node["reftarget"] != citation.bibliography_key.docname:
                continue
            label = citation.formatted_entry.label
            if _straight(node.astext()) != _straight(label):  # docutils' smart quotes may curl the link text
                logger.warning(f"a link to the entry {citation.key!r} reads {node.astext()!r}; its label is {label!r}",
                               location=node)
            uri = self.app.builder.get_relative_uri(self.env.docname, citation.bibliography_key.docname)
            # The label itself, as the reference list writes it (not the source's text, which smart quotes may curl).
            link = nodes.reference("", label, refuri=f"{uri}#{citation.citation_id}", internal=True)
            link["classes"] += ["reference", "internal"]
            node.replace_self(link)


def setup(app: Sphinx):
    app.add_post_transform(BibliographyEntryLinks)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
