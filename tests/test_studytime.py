"""Chapter times: each chapter page states them in front matter and in its text, and they agree."""

from __future__ import annotations

import re

import pytest

from treaty_toolkit.book import studytime


def test_every_chapter_has_times_that_match_its_estimated_time_line(root):
    times = studytime.chapter_times(root)
    assert len(times) == 10
    for t in times:
        text = (root / f"{t.docname}.md").read_text(encoding="utf-8")
        line = re.search(r"\*\*Estimated time:\*\*(.*?)\n\n", text, re.S)
        assert line, f"{t.docname}.md: no '**Estimated time:**' line"
        # It must be near the top: before the first section heading.
        assert line.start() < text.index("\n## "), f"{t.docname}.md: the time is not above the first section"
        minutes = [int(m) for m in re.findall(r"(\d+) minutes", line.group(1))]
        assert minutes[0] == t.reading, f"{t.docname}.md: reading time in text {minutes[0]} != front matter {t.reading}"
        assert sum(minutes[1:]) == t.activities, f"{t.docname}.md: activity times in text {minutes[1:]} != {t.activities}"


def test_table_totals_are_the_sum_of_the_chapters():
    times = [studytime.ChapterTime("chapters/01-a/index", "A", 20, 45), studytime.ChapterTime("chapters/02-b/index", "B", 50, 30)]
    table = studytime.times_table(times)
    assert "| {doc}`A </chapters/01-a/index>` | 20 min | 45 min | 65 min |" in table
    assert table.splitlines()[-1] == "| **All 2 chapters** | **1 h 10 min** | **1 h 15 min** | **2 h 25 min** |"


@pytest.mark.parametrize(("front", "message"), [
    ("time_reading: 20\n", "front matter field 'time_activities' must be a positive whole number of minutes, got None"),
    ("time_reading: twenty\ntime_activities: 5\n", "front matter field 'time_reading' must be a positive whole number of minutes, got 'twenty'"),
])
def test_missing_or_bad_times_fail_naming_file_and_field(tmp_path, front, message):
    page = tmp_path / "chapters" / "01-x" / "index.md"
    page.parent.mkdir(parents=True)
    page.write_text(f"---\n{front}---\n\n# X\n", encoding="utf-8")
    with pytest.raises(studytime.StudyTimeError, match=re.escape(f"{page}: {message}")):
        studytime.read_chapter_time(tmp_path, "chapters/01-x/index")


def test_start_here_shows_the_generated_table(root, built_book):
    html = (built_book / "start-here.html").read_text(encoding="utf-8")
    times = studytime.chapter_times(root)
    assert html.count('href="chapters/') >= len(times)
    assert studytime.hours(sum(t.total for t in times)) in html
