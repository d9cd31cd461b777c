"""``{chronology}``: a dated list of events from ``data/events.csv``, with linked citations.

    ```{chronology}
    :since: 2024-12-05
    :categories: implementation, commemoration
    :keyprefix: chg-
    ```

Rows come from the one data loader, dates are written at their known precision (a disputed date says
so), and every row's sources become author–year citations linked to the page's reference list.
"""

from __future__ import annotations

from pathlib import Path

from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from treaty_toolkit.project import DATA_DIR


def _comma_list(argument: str) -> tuple[str, ...] | None:
    parts = tuple(p.strip() for p in (argument or "").split(",") if p.strip())
    return parts or None


def chronology_markdown(events, since: str | None, categories, prefix: str) -> str:
    """One list item per event (reads on a phone as well as on a desktop): date, who, what, sources."""
    from treaty_toolkit.data import split_sources
    from treaty_toolkit.timeline import format_when, select_events

    shown = select_events(events, since, categories)
    items = []
    for _, event in shown.iterrows():
        keys = [event["source"], *split_sources(event["other_sources"])]
        status = " *(reported, not independently confirmed)*" if event["status"] == "reported" else ""
        cite = "{cite:p}`" + ",".join(prefix + k for k in keys) + "`"
        text = " ".join(str(event["event"]).split())
        items.append(f"- **{format_when(event)}** ({event['actor']}): {text}{status} {cite}")
    return "\n".join(items) if items else "*No events of these kinds in the data.*"


class ChronologyDirective(SphinxDirective):
    has_content = False
    option_spec = {"since": directives.unchanged, "categories": _comma_list, "keyprefix": directives.unchanged}

    def run(self):
        from treaty_toolkit.data import PACKAGE_FILE, load_table  # lazily: pandas only when the directive is used

        data_dir = Path(self.env.srcdir) / DATA_DIR
        for name in (PACKAGE_FILE, "events.csv"):
            self.env.note_dependency(str(data_dir / name))
        events = load_table("events", data_dir)
        categories = self.options.get("categories")
        known = set(events["category"].cat.categories)
        if categories and set(categories) - known:
            raise self.error(f"unknown event categories {sorted(set(categories) - known)}; known: {sorted(known)}")
        text = chronology_markdown(events, self.options.get("since"), categories, self.options.get("keyprefix", ""))
        return self.parse_text_to_nodes(text)


def setup(app):
    app.add_directive("chronology", ChronologyDirective)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
