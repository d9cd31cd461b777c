"""The built book: pages, buttons, launch links, no CDN, and rebuild time."""

from __future__ import annotations

import html.parser
import posixpath
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import nbformat
import pytest
import yaml
from browser.conftest import toc_documents

from treaty_toolkit import project

ROOT = Path(__file__).resolve().parent.parent
JUPYTER_BOOK = str(Path(sys.executable).with_name("jupyter-book"))
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
REPO_URL = CONFIG["repository"]["url"].rstrip("/")
BRANCH = CONFIG["repository"].get("branch", "main")


class _Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(path: Path) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tags


def links(path: Path) -> list[str]:
    return [attrs["href"] for tag, attrs in tags(path) if tag == "a" and attrs.get("href")]


def source_of(doc: str) -> Path:
    for suffix in (".ipynb", ".md"):
        if (ROOT / f"{doc}{suffix}").exists():
            return ROOT / f"{doc}{suffix}"
    raise AssertionError(f"_toc.yml names {doc}, which has no .ipynb or .md source")


def is_notebook(source: Path) -> bool:
    """An .ipynb, or a MyST Markdown notebook (jupytext header with a kernelspec)."""
    if source.suffix == ".ipynb":
        return True
    text = source.read_text(encoding="utf-8")
    return text.startswith("---") and "kernelspec" in text.split("---", 2)[1]


DOCS = toc_documents(ROOT)


def test_every_toc_page_was_built(built_book):
    missing = [doc for doc in DOCS if not (built_book / f"{doc}.html").is_file()]
    assert not missing, f"pages named in _toc.yml but not built: {missing}"


@pytest.mark.parametrize("doc", DOCS)
def test_page_offers_its_source_for_download(built_book, doc):
    page = built_book / f"{doc}.html"
    source = source_of(doc)
    downloads = [href for href in links(page) if "_sources/" in href]
    wanted = f"_sources/{doc}{source.suffix}"
    assert any(href.endswith(wanted) for href in downloads), f"{doc}: no download link to {wanted} ({downloads})"
    assert (built_book / wanted).is_file(), f"{doc}: the download target {wanted} is missing"


@pytest.mark.parametrize("doc", DOCS)
def test_page_has_repository_and_issue_buttons(built_book, doc):
    hrefs = links(built_book / f"{doc}.html")
    assert REPO_URL in hrefs, f"{doc}: no repository button linking to {REPO_URL}"
    assert any(href.startswith(f"{REPO_URL}/issues/new") for href in hrefs), f"{doc}: no issue button"


def test_notebook_pages_launch_on_binder_in_jupyterlab(built_book):
    notebook_docs = [doc for doc in DOCS if is_notebook(source_of(doc))]
    assert notebook_docs, "no notebook page in the TOC: the launch buttons are untested"
    binder = CONFIG["launch_buttons"]["binderhub_url"].rstrip("/")
    org_repo = urlsplit(REPO_URL).path.strip("/")
    problems = []
    for doc in notebook_docs:
        # Binder opens the page's own source (a .ipynb, or a MyST .md notebook via jupytext), except on an
        # exercise page, where it opens the student copy.
        student = project.student_copy(ROOT, doc)
        path = student.relative_to(ROOT).as_posix() if student else f"{doc}{source_of(doc).suffix}"
        expected = f"{binder}/v2/gh/{org_repo}/{BRANCH}?urlpath=lab/tree/{path}"
        if expected not in links(built_book / f"{doc}.html"):
            problems.append(f"{doc}: no Binder (JupyterLab) link {expected}")
    assert not problems, "\n".join(problems)


EXERCISE_DOCS = [doc for doc in DOCS if project.student_copy(ROOT, doc)]


def test_every_exercise_page_has_a_student_copy():
    assert len(EXERCISE_DOCS) == len(list((ROOT / project.EXERCISES_DIR).glob("*.ipynb")))


@pytest.mark.parametrize("doc", EXERCISE_DOCS)
def test_what_an_exercise_page_hands_out_holds_no_worked_answer(built_book, doc):
    """The download is the student copy; no launch link opens the notebook with the answers."""
    download = built_book / "_sources" / f"{doc}.ipynb"
    nb = nbformat.read(download, as_version=4)
    assert not [c for c in nb.cells if "solution" in c.metadata.get("tags", [])], f"{download}: a worked answer"
    assert not [c for c in nb.cells if c.cell_type == "code" and c.outputs], f"{download}: stored outputs"
    assert download.read_bytes() == project.student_copy(ROOT, doc).read_bytes()
    answers = f"{doc}.ipynb"
    launches = [href for href in links(built_book / f"{doc}.html") if "urlpath=" in href or "git-pull" in href]
    assert launches, f"{doc}: no launch link"
    assert not [href for href in launches if answers in href], f"{doc}: a launch link opens {answers}"


EXTERNAL_ASSET_RELS = {"stylesheet", "preload", "modulepreload", "icon"}


def external_assets(path: Path) -> list[str]:
    """Scripts and stylesheets (or preloads) the page would fetch from another host."""
    found = []
    for tag, attrs in tags(path):
        url = attrs.get("src") if tag == "script" else attrs.get("href") if tag == "link" else None
        if tag == "link" and not EXTERNAL_ASSET_RELS & set((attrs.get("rel") or "").split()):
            continue
        if url and (urlsplit(url).scheme in ("http", "https") or url.startswith("//")):
            found.append(f"<{tag}> {url}")
    return found


def test_no_page_loads_scripts_or_stylesheets_from_another_host(built_book):
    problems = {}
    for page in sorted(built_book.rglob("*.html")):
        if found := external_assets(page):
            problems[page.relative_to(built_book).as_posix()] = found
    assert not problems, f"pages referencing external hosts: {problems}"


# A script address on another host, quoted inside an inline script (how sphinx-thebe named its CDN copy).
SCRIPT_URL_IN_CODE = re.compile(r"""["'](?:https?:)?//[^"'\s]+\.m?js\b""")


class _InlineScripts(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._inside = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.scripts[-1] += data


def thebe_or_cdn_scripts(path: Path) -> list[str]:
    """What in a page names thebe (the Live code button, its config, its script) or a script on a CDN."""
    text = path.read_text(encoding="utf-8")
    found = [f"thebe: ...{text[m.start() - 40:m.end() + 40]}..." for m in re.finditer("thebe", text, re.I)][:3]
    parser = _InlineScripts()
    parser.feed(text)
    found += [f"inline script loads {m.group(0)}" for script in parser.scripts for m in SCRIPT_URL_IN_CODE.finditer(script)]
    return found + external_assets(path)


def test_no_page_references_thebe_or_a_cdn_script(built_book):
    # The Live code (Thebe) button fetched thebe from a CDN and never loaded offline: the launch buttons replace it.
    problems = {}
    for page in sorted(built_book.rglob("*.html")):
        if found := thebe_or_cdn_scripts(page):
            problems[page.relative_to(built_book).as_posix()] = found
    assert not problems, f"pages referencing thebe or a CDN script: {problems}"


def test_the_thebe_and_cdn_scan_detects_them(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<script>const THEBE_JS_URL = "https://unpkg.com/thebe@0.8.2/lib/index.js"</script>'
                    '<script>var u = "//cdn.example/lib.min.js";</script><p>See https://example.org/page.</p>', encoding="utf-8")
    found = thebe_or_cdn_scripts(page)
    assert len([f for f in found if f.startswith("thebe")]) == 2
    assert [f for f in found if f.startswith("inline")] == [
        'inline script loads "https://unpkg.com/thebe@0.8.2/lib/index.js',
        'inline script loads "//cdn.example/lib.min.js',
    ]
    clean = tmp_path / "clean.html"
    clean.write_text('<script src="_static/local.js"></script><p>See https://example.org/x.js in the text.</p>', encoding="utf-8")
    assert thebe_or_cdn_scripts(clean) == []


def test_the_external_asset_scan_detects_a_cdn(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<script src="https://cdn.example/x.js"></script><link rel="stylesheet" href="//cdn.example/x.css">'
                    '<link rel="next" href="https://example.org/"><script src="_static/local.js"></script>', encoding="utf-8")
    assert external_assets(page) == ["<script> https://cdn.example/x.js", "<link> //cdn.example/x.css"]


@pytest.mark.slow
def test_jupyterhub_url_adds_an_nbgitpuller_launch_link(tmp_path):
    """A tiny build (one notebook, no execution) with the instructors' `jupyterhub_url` set."""
    hub = "https://hub.example.edu"
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["launch_buttons"]["jupyterhub_url"] = hub
    config["execute"] = {"execute_notebooks": "off"}
    book = tmp_path / "book"
    book.mkdir()
    (book / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (book / "_toc.yml").write_text("format: jb-book\nroot: index\nchapters:\n  - file: lesson\n", encoding="utf-8")
    (book / "index.md").write_text("# Home\n", encoding="utf-8")
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nb.cells = [nbformat.v4.new_markdown_cell("# Lesson", id="m"), nbformat.v4.new_code_cell("1 + 1", id="c")]
    nbformat.write(nb, book / "lesson.ipynb")
    shutil.copy(ROOT / "references.bib", book / "references.bib")
    shutil.copytree(ROOT / "exercises", book / "exercises")  # the quiz engine validates its banks at start
    (book / "node_modules").symlink_to(ROOT / "node_modules")
    result = subprocess.run([JUPYTER_BOOK, "build", str(book), "-W", "-n", "--keep-going"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    hrefs = links(book / "_build" / "html" / "lesson.html")
    pull = [href for href in hrefs if href.startswith(f"{hub}/hub/user-redirect/git-pull?")]
    assert pull, f"no nbgitpuller link to {hub} in {hrefs}"
    query = {key: values[0] for key, values in parse_qs(urlsplit(pull[0]).query).items()}
    # nbgitpuller clones into a folder named after the repository and opens the notebook in JupyterLab.
    repo_name = urlsplit(REPO_URL).path.rstrip("/").rsplit("/", 1)[-1]
    assert query == {"repo": REPO_URL, "branch": BRANCH, "urlpath": f"lab/tree/{repo_name}/lesson.ipynb"}, pull[0]


@pytest.mark.slow
def test_rebuild_with_nothing_changed(built_book, record_property, capsys):
    """Benchmark, not a timed assertion: rebuild both editions where they were built (`make book`'s
    command) and report the seconds; neither may re-read or rewrite a page."""
    from treaty_toolkit.project import EDITIONS

    output_root = built_book.parent.parent  # <path-output>/_build/html
    command = [sys.executable, "-m", "treaty_toolkit.authoring.editions"]
    if output_root != ROOT:
        command += ["--path-output", str(output_root)]
    folders = {lang: built_book / folder if folder else built_book for lang, folder in EDITIONS.items()}
    # Sphinx rewrites every page of an edition whose configuration hash (.buildinfo) changed.
    buildinfo = {lang: (folder / ".buildinfo").read_text(encoding="utf-8") for lang, folder in folders.items()}
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - started
    record_property("rebuild_seconds", round(seconds, 1))
    with capsys.disabled():
        print(f"\n[benchmark] rebuild of {len(EDITIONS)} editions with nothing changed: {seconds:.1f} s")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    output = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)  # Sphinx colours its status lines
    unchanged = output.count("no targets are out of date")
    # What made an edition re-read or rewrite: Sphinx's summaries, the toolkit's reasons, a changed hash.
    reasons = [line for line in output.splitlines()
               if line.startswith(("building [", "updating environment", "[treaty_toolkit]", "[editions]"))]
    reasons += [f"{lang}: the configuration hash in .buildinfo changed" for lang, folder in folders.items()
                if (folder / ".buildinfo").read_text(encoding="utf-8") != buildinfo[lang]]
    assert unchanged == len(EDITIONS), (f"{len(EDITIONS) - unchanged} edition(s) re-read or rewrote pages:\n"
                                        + "\n".join(reasons[:60]))


class _Cells(html.parser.HTMLParser):
    """The text of every table cell (<td>, <th>) of a page."""

    def __init__(self):
        super().__init__()
        self.cells: list[str] = []
        self._open = False

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self._open = True
            self.cells.append("")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._open = False

    def handle_data(self, data):
        if self._open:
            self.cells[-1] += data


@pytest.mark.parametrize("doc", DOCS)
def test_no_table_cell_is_cut_off(built_book, doc):
    """pandas shortens long cells to their first characters and '...' unless told not to."""
    parser = _Cells()
    parser.feed((built_book / f"{doc}.html").read_text(encoding="utf-8"))
    cut = [cell.strip()[-60:] for cell in parser.cells if cell.strip().endswith("...")]
    assert not cut, f"{doc}: {len(cut)} cut-off cell(s), e.g. {cut[:3]}"


def test_the_cut_off_check_sees_a_shortened_cell():
    parser = _Cells()
    parser.feed("<table><tr><th>text</th></tr><tr><td>Framed the summit as a normal bilateral ...</td><td>full</td></tr></table>")
    assert [cell for cell in parser.cells if cell.endswith("...")] == ["Framed the summit as a normal bilateral ..."]


CHAPTER_PAGES = [doc for doc in DOCS if doc.startswith("chapters/") and doc.split("/")[1][:2].isdigit()]


@pytest.mark.parametrize("doc", CHAPTER_PAGES)
def test_every_chapter_page_links_its_exercise(built_book, doc):
    """The chapter text and its data notebook both lead to the practice, not only the sidebar and Next."""
    exercise = f"exercises/{doc.split('/')[1]}.html"
    page = (built_book / f"{doc}.html").read_text(encoding="utf-8")
    article = page[page.index("<article"):page.index("</article>")]  # not the sidebar, which links every page
    assert f'href="{"../" * doc.count("/")}{exercise}' in article, f"{doc}: the text does not link {exercise}"


class _Headings(html.parser.HTMLParser):
    """The text of every <h2> inside <article>, without the theme's "#" permalink."""

    def __init__(self):
        super().__init__()
        self.h2: list[str] = []
        self._in_article = self._in_h2 = self._in_permalink = False

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._in_article = True
        elif tag == "h2" and self._in_article:
            self._in_h2 = True
            self.h2.append("")
        elif tag == "a" and self._in_h2 and "headerlink" in (dict(attrs).get("class") or ""):
            self._in_permalink = True

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article = False
        elif tag == "h2":
            self._in_h2 = False
            if self.h2:
                self.h2[-1] = self.h2[-1].strip()
        elif tag == "a":
            self._in_permalink = False

    def handle_data(self, data):
        if self._in_h2 and not self._in_permalink:
            self.h2[-1] += data


CHAPTER_TAIL = ["Summary", "Quiz", "Exercise", "Discussion questions", "What’s next", "References"]  # as Sphinx typesets it
CHAPTER_INDEXES = [doc for doc in CHAPTER_PAGES if doc.endswith("/index")]


@pytest.mark.parametrize("doc", CHAPTER_INDEXES)
def test_chapter_pages_share_one_section_order(built_book, doc):
    parser = _Headings()
    parser.feed((built_book / f"{doc}.html").read_text(encoding="utf-8"))
    assert parser.h2[0] == "Learning objectives", f"{doc}: starts with {parser.h2[:1]}"
    assert parser.h2[-len(CHAPTER_TAIL):] == CHAPTER_TAIL, f"{doc}: ends with {parser.h2[-len(CHAPTER_TAIL):]}"


def next_page(built_book: Path, doc: str) -> str | None:
    """Where the page's "Next" button leads, as a document name."""
    for tag, attrs in tags(built_book / f"{doc}.html"):
        if tag == "a" and "right-next" in (attrs.get("class") or ""):
            return posixpath.normpath(posixpath.join(posixpath.dirname(doc), attrs["href"])).removesuffix(".html")
    return None


@pytest.mark.parametrize("doc", CHAPTER_INDEXES)
def test_next_walks_through_the_chapter_to_its_exercise(built_book, doc):
    chapter = doc.split("/")[1]
    walked = [doc]
    while (following := next_page(built_book, walked[-1])) and following.startswith(f"chapters/{chapter}/"):
        walked.append(following)
    assert following == f"exercises/{chapter}", f"Next after {walked} leads to {following}, not the exercise"
