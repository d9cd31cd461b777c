"""The Korean catalogs of the pilot pages: markup kept, the term table used, no English left behind.

Treaty wording is never back-translated: where a page quotes an English translation of the treaty, the
Korean text quotes the authentic Korean wording from the data, or keeps the English and says so.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from treaty_toolkit.project import PILOT_PAGES

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = ROOT / "locales" / "ko" / "LC_MESSAGES"
TERMS = ROOT / "locales" / "ko" / "terms.csv"

# {role}`content`; content may be `text <target>`.
ROLE = re.compile(r"\{([\w:.+-]+)\}`([^`]*)`")
TARGET = re.compile(r"^(.*?)\s*<([^<>]+)>$", re.DOTALL)
# Roles whose text is translated but whose target must stay (a missing target is the text itself).
TARGET_ROLES = {"term", "doc", "ref", "numref"}
# Roles whose content is display text only.
TEXT_ROLES = {"book-pdf"}
CODE = re.compile(r"(`+)(.+?)\1", re.DOTALL)
LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")
SUBSTITUTION = re.compile(r"\{\{[^}]*\}\}")
QUOTE = re.compile(r'"([^"]+)"|“([^”]+)”')
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Three or more Latin-alphabet words with nothing but spaces or light punctuation between them.
LATIN_RUN = re.compile(r"[A-Za-z][\w'’.-]*(?:[ ,;:/–→&]+[A-Za-z][\w'’.-]*){2,}")
# Labels that say a kept foreign-language passage is an original or a translation, not left behind.
LABELS = ("모듈 번역", "영어 번역", "영문")
# Korean treaty wording is told apart from other quotations by length (in words, eojeol).
MIN_TREATY_QUOTE_WORDS = 3


@cache
def catalog(docname: str) -> list:
    path = CATALOGS / f"{docname}.po"
    with path.open("rb") as handle:
        return [message for message in read_po(handle) if message.id]


@cache
def terms() -> list[dict]:
    """The term table, with each note's `alt:`, `scope:` and `except:` directives parsed."""
    rows = []
    with TERMS.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            if not row["en"].strip() or not row["ko"].strip():
                raise ValueError(f"{TERMS.name} row {line}: en and ko are both required")
            note = row["note"] or ""

            def directive(name: str, note: str = note) -> list[str]:
                found = re.search(rf"\b{name}:\s*([^;]*)", note)
                return [part.strip() for part in found.group(1).split("|") if part.strip()] if found else []

            rows.append({
                "en": row["en"].strip(),
                "forms": [row["ko"].strip(), *directive("alt")],
                "scope": (directive("scope") or ["all"])[0].split()[0],
                "except": directive("except"),
                "pattern": re.compile(rf"(?<![\w-]){re.escape(row['en'].strip())}(?![\w-])", re.IGNORECASE),
            })
    return rows


def role_tokens(text: str) -> Counter:
    tokens = Counter()
    for name, content in ROLE.findall(text):
        explicit = TARGET.match(content)
        if name in TEXT_ROLES:
            tokens[(name,)] += 1
        elif explicit:
            tokens[(name, explicit.group(2).strip())] += 1
        elif name in TARGET_ROLES:
            tokens[(name, content.strip().lower() if name == "term" else content.strip())] += 1
        else:
            tokens[(name, content)] += 1
    return tokens


@cache
def treaty_sources() -> dict[str, str]:
    """Source key -> article, for every stored rendering of an article (English or Korean)."""
    sources = {}
    with (ROOT / "data" / "treaty_texts.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            sources[row["source"]] = row["article"]
    for row in korean_articles():
        sources[row["source"]] = row["article"]
    return sources


@cache
def korean_articles() -> list[dict]:
    with (ROOT / "data" / "treaty_articles.csv").open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["language"].startswith("Korean")]


@cache
def english_treaty_texts() -> list[str]:
    with (ROOT / "data" / "treaty_texts.csv").open(encoding="utf-8", newline="") as handle:
        return [row["text"] for row in csv.DictReader(handle)]


def cite_key(key: str) -> str:
    """A citation of a treaty rendering stands for its article, so the Korean page may cite the Korean copy."""
    for source, article in treaty_sources().items():
        if key == source or key.endswith("-" + source):
            return f"{key[: len(key) - len(source)]}<article {article}>"
    return key


def markup(text: str) -> Counter:
    tokens = Counter()
    for (name, *rest), count in role_tokens(text).items():
        if name.startswith("cite") and rest:
            keys = ",".join(sorted(cite_key(key.strip()) for key in rest[0].split(",")))
            tokens[(name, keys)] += count
        else:
            tokens[(name, *rest)] += count
    without_roles = ROLE.sub(" ", text)
    tokens.update(("code", code) for _, code in CODE.findall(without_roles))
    # A heading anchor follows the translated heading (index.md#references -> index.md#참고-문헌), so a link keeps
    # its target page and that it has an anchor; the nitpicky build checks the anchor itself.
    tokens.update(("link", url.split("#")[0], "#" in url) for _, url in LINK.findall(without_roles))
    tokens.update(("substitution", sub) for sub in SUBSTITUTION.findall(text))
    return tokens


def plain(text: str) -> str:
    """What a reader sees: role display texts kept, citation keys, code and link targets dropped."""
    def shown(match: re.Match) -> str:
        name, content = match.groups()
        explicit = TARGET.match(content)
        if name in TARGET_ROLES or name in TEXT_ROLES:
            return explicit.group(1) if explicit else content
        return " "

    text = ROLE.sub(shown, text)
    text = CODE.sub(" ", text)
    return LINK.sub(lambda match: match.group(1), text)


def kept_quotations(msgid: str, msgstr: str) -> list[str]:
    """Quotations the translation keeps verbatim in their original language."""
    kept = {quote for pair in QUOTE.findall(msgid) for quote in pair if quote and quote in msgstr}
    return sorted(kept, key=len, reverse=True)  # longest first, so removing one leaves no piece of another


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pilot_messages():
    return [pytest.param(docname, id=docname) for docname in PILOT_PAGES]


def test_every_pilot_page_has_a_catalog():
    missing = [docname for docname in PILOT_PAGES if not (CATALOGS / f"{docname}.po").is_file()]
    assert not missing, f"No Korean catalog under {CATALOGS.relative_to(ROOT)} for: {missing}"


@pytest.mark.parametrize("docname", pilot_messages())
def test_translations_keep_the_markup(docname):
    broken = []
    for message in catalog(docname):
        if message.string and markup(message.id) != markup(message.string):
            lost = markup(message.id) - markup(message.string)
            added = markup(message.string) - markup(message.id)
            broken.append(f"line {message.lineno}: lost {dict(lost)}, added {dict(added)}")
    assert not broken, f"{docname}.po changes roles, code, links or substitutions:\n" + "\n".join(broken)


@pytest.mark.parametrize("docname", pilot_messages())
def test_translations_use_the_term_table(docname):
    wrong = []
    for message in catalog(docname):
        if not message.string:
            continue
        source, target = plain(message.id), plain(message.string)
        for quote in kept_quotations(message.id, message.string):
            source, target = source.replace(quote, " "), target.replace(quote, " ")
        labelled = any(label in message.string for label in LABELS)
        targets = {key.lower() for name, *rest in role_tokens(message.id) if name == "term" for key in rest}
        for term in terms():
            if term["scope"] == "term" and source.strip().lower() != term["en"].lower() \
                    and term["en"].lower() not in targets:
                continue
            if not term["pattern"].search(source) or any(part in message.id for part in term["except"]):
                continue
            # A word kept in English beside a label ("영어 번역", ...) is a quotation, not an untranslated term.
            kept = labelled and term["pattern"].search(target)
            if not kept and not any(squeeze(form) in squeeze(target) for form in term["forms"]):
                wrong.append(f"line {message.lineno}: {term['en']!r} needs one of {term['forms']}")
    assert not wrong, f"{docname}.po departs from locales/ko/terms.csv:\n" + "\n".join(wrong)


@pytest.mark.parametrize("docname", pilot_messages())
def test_no_english_sentence_left_untranslated(docname):
    left = []
    for message in catalog(docname):
        if not message.string:
            continue
        text = plain(message.string)
        labelled = any(label in message.string for label in LABELS)
        for run in LATIN_RUN.findall(text):
            start = text.index(run)
            before = text[:start]
            # An English original given in parentheses beside its Korean rendering.
            glossed = before.rstrip().endswith("(") and run in message.id
            # A quotation or name kept in its original language, with a label saying what it is.
            quoted = labelled and run in message.id and re.search(r"[\"“*(]\s*$", before[-40:] + "") is not None
            quoted = quoted or (labelled and any(run in quote for quote in kept_quotations(message.id, message.string)))
            if not (glossed or quoted):
                left.append(f"line {message.lineno}: {run!r}")
        if HANGUL.search(message.id) is None and LATIN_RUN.search(plain(message.id)) and not HANGUL.search(text) \
                and not labelled:
            left.append(f"line {message.lineno}: no Korean in {message.string[:60]!r}")
    assert not left, f"{docname}.po keeps English text without a label:\n" + "\n".join(sorted(set(left)))


@pytest.mark.parametrize("docname", pilot_messages())
def test_treaty_quotations_are_authentic_korean_or_labelled_english(docname):
    """A msgid quoting an English translation of the treaty gets the data's Korean wording, verbatim, or a label."""
    korean = [row["content"] for row in korean_articles()]
    english = english_treaty_texts()
    wrong = []
    for message in catalog(docname):
        quotes = [quote for pair in QUOTE.findall(message.id) for quote in pair if quote]
        treaty = [q for q in quotes if len(q.split()) >= 4 and any(part.strip() in text for text in english
                                                                   for part in q.split("[…]") if part.strip())]
        if not treaty or not message.string:
            continue
        korean_quotes = [q for pair in QUOTE.findall(message.string) for q in pair
                         if q and HANGUL.search(q) and len(q.split()) >= MIN_TREATY_QUOTE_WORDS]
        invented = [q for q in korean_quotes if not any(q in text for text in korean)]
        if invented:
            wrong.append(f"line {message.lineno}: Korean treaty wording not in the data: {invented}")
        if not korean_quotes and "영어 번역" not in message.string:
            wrong.append(f"line {message.lineno}: quotes {treaty[0][:50]!r}… in English without saying so")
    assert not wrong, f"{docname}.po:\n" + "\n".join(wrong)
