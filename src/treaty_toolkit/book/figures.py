"""Figures open full size: every image on a page links to its own file (``tt-figure-link``).

On a phone a figure about 1,000 pixels wide is drawn in some 350 CSS px, so its labels are about 4 px
tall, and the image offers nothing to enlarge it. Linked, it opens on a click or tap, and from the
keyboard (a link is focusable, Enter follows it). ``static/figures.js`` shows the linked file in a
dialog at its natural size, scrolling sideways on a narrow screen, with the image's alt text; without
the script the browser opens the file itself.

Sphinx links an image to its file only when the image is resized (``html_scaled_image_link``); the
notebooks' matplotlib outputs are not, so this post-transform links every image that is not already
inside a link, to the same copy under ``_images/`` that the page shows.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from .editions import article_language
from .words import book_words

LINK_CLASS = "tt-figure-link"


class LinkImagesToTheirFiles(SphinxPostTransform):
    """Wrap each local image that is not in a link in a link to its copy in the built book."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs) -> None:
        builder = self.app.builder
        images_dir = relative_uri(builder.get_target_uri(self.env.docname), builder.imagedir)
        for image in list(self.document.findall(nodes.image)):
            if isinstance(image.parent, nodes.reference) or "no-scaled-link" in image["classes"]:
                continue
            source = self.source_file(image, builder.supported_image_types)
            if source not in self.env.images:
                continue  # a remote image: nothing of ours to open
            link = nodes.reference(
                "", "", internal=True, classes=[LINK_CLASS], reftitle=book_words(article_language(self.app, self.env.docname))["figure_link"],
                refuri=posixpath.join(images_dir, quote(self.env.images[source][1])),
            )
            image.replace_self(link)
            link.append(image)

    @staticmethod
    def source_file(image: nodes.image, supported: list[str]) -> str | None:
        """The file the HTML builder will copy for this image (as ``Builder.post_process_images`` picks it)."""
        candidates = image.get("candidates", {})
        if "?" in candidates:
            return None
        if "*" in candidates:
            return image["uri"]
        return next((candidates[kind] for kind in supported if kind in candidates), None)


def setup(app: Sphinx):
    app.add_post_transform(LinkImagesToTheirFiles)
    app.add_js_file("figures.js", defer="defer")
    app.add_css_file("figures.css")
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
