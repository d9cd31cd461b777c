"""The Korean edition's pilot pages are translated in full: each has its catalog, with no message left
untranslated or fuzzy (``PILOT_PAGES`` in treaty_toolkit.project; the built pages are checked in
test_editions_book.py)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

from treaty_toolkit.project import PILOT_PAGES, catalog_path

ROOT = Path(__file__).resolve().parent.parent


def catalog_gaps(path: Path) -> list[str]:
    """What keeps a catalog from being complete: it is missing, or messages are untranslated or fuzzy."""
    if not path.is_file():
        return ["no catalog (run `make translations`, then translate it)"]
    with path.open("rb") as handle:
        catalog = read_po(handle)
    gaps = []
    for message in catalog:
        if not message.id:
            continue  # the header
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        first_line = (message.id[0] if isinstance(message.id, tuple) else message.id).splitlines()[0][:60]
        if message.fuzzy:
            gaps.append(f"fuzzy: {first_line!r}")
        elif not all(text and text.strip() for text in texts):
            gaps.append(f"untranslated: {first_line!r}")
    return gaps


def test_every_pilot_page_has_a_complete_catalog():
    problems = {doc: gaps for doc in PILOT_PAGES if (gaps := catalog_gaps(catalog_path(ROOT, "ko", doc)))}
    assert not problems, "pilot pages whose Korean catalog is not complete:\n" + "\n".join(
        f"  {doc}: {len(gaps)} problem(s), e.g. {gaps[:3]}" for doc, gaps in problems.items())


def test_the_checker_finds_untranslated_and_fuzzy_messages(tmp_path):
    po = tmp_path / "page.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Done"\nmsgstr "완료"\n\n'
                  'msgid "Left"\nmsgstr ""\n\n'
                  '#, fuzzy\nmsgid "Changed"\nmsgstr "바뀜"\n', encoding="utf-8")
    assert catalog_gaps(po) == ["untranslated: 'Left'", "fuzzy: 'Changed'"]
    assert catalog_gaps(tmp_path / "none.po") == ["no catalog (run `make translations`, then translate it)"]
