"""How long the module takes: each chapter's estimated times, read from its page's front matter.

Every chapter page (``chapters/NN-*/index.md``) starts with

    ---
    time_reading: 30       # minutes of reading
    time_activities: 50    # minutes for the notebook, quiz and exercise
    ---

and says the same in its "Estimated time" line (``tests/test_studytime.py`` checks they agree). The
``{study-times}`` directive turns them into the table on the start-here page, so the totals are
always the sum of what the chapters say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from sphinx.util.docutils import SphinxDirective

from treaty_toolkit.project import TOC_FILE, chapter_pages

FIELDS = ("time_reading", "time_activities")


class StudyTimeError(ValueError):
    """A chapter page lacks its times or gives them in a form we cannot read; the message says where."""


@dataclass(frozen=True)
class ChapterTime:
    docname: str
    title: str
    reading: int
    activities: int

    @property
    def total(self) -> int:
        return self.reading + self.activities


def front_matter(text: str) -> dict:
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def read_chapter_time(root: Path, docname: str) -> ChapterTime:
    path = Path(root) / f"{docname}.md"
    text = path.read_text(encoding="utf-8")
    meta = front_matter(text)
    values = []
    for name in FIELDS:
        value = meta.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise StudyTimeError(f"{path}: front matter field '{name}' must be a positive whole number of minutes, got {value!r}")
        values.append(value)
    title = re.search(r"^# (.+)$", text, re.M)
    if not title:
        raise StudyTimeError(f"{path}: no '# ' title line")
    return ChapterTime(docname, title.group(1).strip(), *values)


def chapter_times(root: Path) -> list[ChapterTime]:
    return [read_chapter_time(root, name) for name in chapter_pages(Path(root))]


def hours(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    return f"{h} h {m:02d} min" if h else f"{m} min"


def times_table(times: list[ChapterTime]) -> str:
    """The MyST table shown on the start-here page (chapter links, minutes, a total row)."""
    rows = ["| Chapter | Reading | Notebook, quiz and exercise | Total |", "|---|---:|---:|---:|"]
    for t in times:
        rows.append(f"| {{doc}}`{t.title} </{t.docname}>` | {t.reading} min | {t.activities} min | {t.total} min |")
    reading = sum(t.reading for t in times)
    activities = sum(t.activities for t in times)
    rows.append(f"| **All {len(times)} chapters** | **{hours(reading)}** | **{hours(activities)}** | **{hours(reading + activities)}** |")
    return "\n".join(rows)


class StudyTimesDirective(SphinxDirective):
    """``{study-times}``: the table of every chapter's estimated times."""

    has_content = False

    def run(self):
        root = Path(self.env.srcdir)
        try:
            times = chapter_times(root)
        except StudyTimeError as exc:
            raise self.error(str(exc)) from None
        self.env.note_dependency(str(root / TOC_FILE))
        for t in times:
            self.env.note_dependency(str(root / f"{t.docname}.md"))
        return self.parse_text_to_nodes(times_table(times))


def setup(app):
    app.add_directive("study-times", StudyTimesDirective)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
