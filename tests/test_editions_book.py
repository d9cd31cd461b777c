"""Both editions in the built book: the language switcher on every page, <html lang>, and which Korean
pages are translated (every pilot page) or shown in English for now (every other page, with a notice)."""

from __future__ import annotations

import posixpath
import re

import pytest
from browser.conftest import toc_documents
from test_build import ROOT, tags

from treaty_toolkit.book.editions import NOTICE_CLASS
from treaty_toolkit.project import EDITIONS, PILOT_PAGES, SOURCE_LANGUAGE

DOCS = toc_documents(ROOT)
PAGES = [posixpath.join(folder, f"{doc}.html") if folder else f"{doc}.html" for folder in EDITIONS.values() for doc in DOCS]
HANGUL = re.compile(r"[\uac00-\ud7a3]")
NOTICE = re.compile(rf'<p class="{NOTICE_CLASS} tt-(\w+)"[^>]*data-messages="(\d+)" data-untranslated="(\d+)"[^>]*>([^<]*)</p>')


def edition_of(page: str) -> str:
    return next((lang for lang, folder in EDITIONS.items() if folder and page.startswith(folder + "/")), SOURCE_LANGUAGE)


def article_language(built_book, page: str) -> str:
    """The language a built page's article is in, from its edition and its notice."""
    language = edition_of(page)
    if language == SOURCE_LANGUAGE:
        return language
    state = translation_state(built_book, page.removeprefix(EDITIONS[language] + "/").removesuffix(".html"))
    return SOURCE_LANGUAGE if state and state[0] == "untranslated" else language


def translation_state(built_book, doc: str) -> tuple[str, int, int, str] | None:
    found = NOTICE.search((built_book / EDITIONS["ko"] / f"{doc}.html").read_text(encoding="utf-8"))
    return (found[1], int(found[2]), int(found[3]), found[4]) if found else None


@pytest.mark.parametrize("page", PAGES)
def test_page_has_its_language_and_links_to_the_other_edition(built_book, page):
    language = edition_of(page)
    page_tags = tags(built_book / page)
    assert ("html", language) in [(tag, attrs.get("lang")) for tag, attrs in page_tags if tag == "html"]
    switches = [attrs for tag, attrs in page_tags if tag == "a" and "tt-edition-switch" in attrs.get("class", "")]
    others = {lang for lang in EDITIONS if lang != language}
    assert {s.get("hreflang") for s in switches} == others, f"{page}: switcher links {switches}"
    for switch in switches:
        assert switch["lang"] == switch["hreflang"]
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), switch["href"]))
        wanted = posixpath.join(EDITIONS[switch["hreflang"]], page.removeprefix(EDITIONS[language] + "/") if EDITIONS[language] else page)
        assert target == posixpath.normpath(wanted) and (built_book / target).is_file(), f"{page}: {switch['href']}"


def test_every_pilot_page_is_translated_and_every_other_page_says_it_is_in_english(built_book):
    from treaty_toolkit.book.editions import NOTICE as TEXTS

    problems, untranslated = [], []
    for doc in DOCS:
        state = translation_state(built_book, doc)
        if state is None:
            problems.append(f"{doc}: no notice")
            continue
        kind, messages, left, text = state
        if doc in PILOT_PAGES and kind != "translated":
            problems.append(f"{doc} (pilot): {left} of {messages} messages still in English")
        if kind == "translated":
            assert "영어판" in text and re.search(r"\d{4}년 \d{1,2}월 \d{1,2}일", text), text
        else:
            assert text == TEXTS["ko"]["untranslated"], text
            untranslated.append(doc)
    print(f"Korean edition: {len(DOCS) - len(untranslated)} pages translated; shown in English for now: {untranslated}")
    assert not problems, "Korean pages:\n" + "\n".join(problems)


FOLD_TITLE = re.compile(r'<summary>\s*<p class="(?:collapsed|expanded) admonition-title">([^<]*)</p>')


@pytest.mark.parametrize("page", [page for page in PAGES if page.endswith(".html")])
def test_folds_speak_the_article_language(built_book, page):
    """myst-nb's fold titles ("Show the code", "Show the worked answer") are in the language of the page's
    article: the edition's, or English on a Korean page shown in English for now."""
    from treaty_toolkit.book.solutions import FOLD_KEYS
    from treaty_toolkit.book.words import BOOK_WORDS

    FOLD_LABELS = {lang: {key: words[key] for key in FOLD_KEYS} for lang, words in BOOK_WORDS.items()}
    titles = set(FOLD_TITLE.findall((built_book / page).read_text(encoding="utf-8")))
    language = article_language(built_book, page)
    others = {word for lang, words in FOLD_LABELS.items() if lang != language for word in words.values()}
    assert not titles & others, f"{page}: fold titles in another language: {sorted(titles & others)}"
    assert titles <= set(FOLD_LABELS[language].values()), f"{page}: unexpected fold titles {sorted(titles)}"


OBJECTIVES = re.compile(r'<div class="tt-quiz-objectives[^"]*[^>]*>\s*(<p[^>]*>)', re.DOTALL)
AS_OF = re.compile(r'<div class="admonition tt-as-of[^"]*"[^>]*>(.*?)</div>', re.DOTALL)
SITE_TITLE = re.compile(r'<p class="title logo__title">([^<]*)</p>')


def test_every_page_shows_the_site_title_of_its_edition(built_book):
    """The sidebar's title is the root page's heading in the edition's language, on a first build too."""
    import html

    import yaml
    from babel.messages.pofile import read_po

    english = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["title"]
    with (ROOT / "locales" / "ko" / "LC_MESSAGES" / "intro.po").open("rb") as handle:
        korean = read_po(handle)[english].string
    assert korean and korean != english, "intro.po must translate the site title"
    wanted = {"en": english, "ko": korean}
    wrong = [f"{page}: {found}" for page in PAGES
             for found in [SITE_TITLE.findall((built_book / page).read_text(encoding="utf-8"))]
             if [html.unescape(title) for title in found] != [wanted[edition_of(page)]]]
    assert not wrong, "pages with another edition's site title (or none):\n" + "\n".join(wrong[:10])


@pytest.mark.parametrize("page", PAGES)
def test_an_article_says_its_language_and_so_does_what_it_holds_in_another(built_book, page):
    """A Korean page shown in English for now marks its article English; what the Korean edition puts in it
    (the notice, a quiz's words, the as-of sentence) carries its own lang, so a screen reader switches."""
    from treaty_toolkit.book.editions import IN_ENGLISH_CLASS

    page_tags = tags(built_book / page)
    language, article = edition_of(page), article_language(built_book, page)
    wrappers = [attrs for tag, attrs in page_tags if IN_ENGLISH_CLASS in attrs.get("class", "").split()]
    if article == language:
        assert not wrappers, f"{page}: a translated page's article is marked English"
    else:
        assert [w.get("lang") for w in wrappers] == [SOURCE_LANGUAGE], f"{page}: article not marked English: {wrappers}"
    if language != SOURCE_LANGUAGE:
        notices = [attrs for tag, attrs in page_tags if NOTICE_CLASS in attrs.get("class", "").split()]
        assert [n.get("lang") for n in notices] == [language], f"{page}: notice {notices}"
    quizzes = [attrs for tag, attrs in page_tags if tag == "section" and "tt-quiz" in attrs.get("class", "").split()]
    assert all(q.get("lang") == q.get("data-tt-lang") for q in quizzes), f"{page}: quiz without its lang: {quizzes}"
    text = (built_book / page).read_text(encoding="utf-8")
    for box in AS_OF.findall(text):
        assert f'<p lang="{language}">' in box, f"{page}: the as-of sentence does not say its language: {box[:300]}"
    for box in OBJECTIVES.findall(text):
        assert box.startswith(f'<p lang="{language}">'), f"{page}: the objectives label does not say its language: {box[:200]}"


def test_translated_pages_are_saved_without_the_build_environment(built_book):
    """Each translated message is parsed as a document of its own, whose settings hold the whole build
    environment; a saved page must not keep those documents (each copy of the environment is megabytes,
    and a rebuild reads every page back)."""
    import pickle

    from treaty_toolkit.authoring.editions import edition_paths

    doctrees = edition_paths("ko", built_book.parent.parent)["doctrees"]
    kept = {}
    for path in sorted(doctrees.rglob("*.doctree")):
        doctree = pickle.loads(path.read_bytes())
        foreign = {id(node._document) for node in doctree.findall() if getattr(node, "_document", None) not in (None, doctree)}
        if foreign:
            kept[path.relative_to(doctrees).as_posix()] = len(foreign)
    assert not kept, f"pages that keep other documents (and their environment): {kept}"


TRANSLATED_NOTEBOOK_PAGES = sorted(f"{EDITIONS['ko']}/{doc}.html" for doc in PILOT_PAGES if (ROOT / f"{doc}.ipynb").exists())


@pytest.mark.parametrize("page", TRANSLATED_NOTEBOOK_PAGES)
def test_a_translated_notebook_page_shows_its_outputs_in_korean(built_book, page):
    """Computed sentences are paragraphs the catalogs translate (readers.said), not program output left in
    English, and each figure's alt text is the translated sentence printed below it."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((built_book / page).read_text(encoding="utf-8"), "html.parser")
    outputs = soup.select("div.cell_output")
    streams = [area.get_text(" ", strip=True)[:80] for area in outputs for _ in area.select("div.output.stream")]
    assert not streams, f"{page}: program output instead of sentences: {streams}"
    sentences = [p.get_text(" ", strip=True) for area in outputs for p in area.select("p")
                 if not p.find_parent("table") and not p.find_parent(class_="tt-quiz")]
    english = [text[:80] for text in sentences if text and not HANGUL.search(text)]
    assert not english, f"{page}: sentences left in English: {english}"
    alts = [img.get("alt", "") for area in outputs for img in area.select("img")]
    assert all(HANGUL.search(alt) for alt in alts), f"{page}: alt text left in English: {[a[:80] for a in alts]}"
