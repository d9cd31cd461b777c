"""Both editions of the book from one source (``make book``), and the translation catalogs (``make translations``).

The English edition is exactly what ``jupyter-book build . -W -n --keep-going`` makes, in ``_build/html``.
The Korean edition is the same Sphinx build with ``language = "ko"``: the page texts come from the
gettext catalogs in ``locales/ko/LC_MESSAGES/`` (one per page), into ``_build/html/ko``, with warnings
as errors and nitpicky as well. It keeps its own doctrees (``_build/.doctrees-ko``) but shares the
English build's notebook execution cache (``_build/.jupyter_cache``): the English build runs each
changed notebook once, and the Korean build finds every run in the cache.

    python -m treaty_toolkit.authoring.editions                   # both editions (make book)
    python -m treaty_toolkit.authoring.editions --language ko     # one edition
    python -m treaty_toolkit.authoring.editions --path-output DIR # build in DIR/_build (as jupyter-book's option)
    python -m treaty_toolkit.authoring.editions --translations    # refresh the catalogs (make translations)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from treaty_toolkit.project import CONFIG_FILE, EDITIONS, LOCALE_DIR, SOURCE_LANGUAGE, TOC_FILE

ROOT = Path(__file__).resolve().parents[3]


def edition_paths(language: str, path_output: Path) -> dict[str, Path]:
    """Where one edition's HTML and doctrees go, and the execution cache both editions share."""
    build = Path(path_output) / "_build"
    folder = EDITIONS[language]
    suffix = "" if language == SOURCE_LANGUAGE else f"-{language}"
    return {"html": build / "html" / folder if folder else build / "html",
            "doctrees": build / f".doctrees{suffix}",
            "cache": build / ".jupyter_cache"}


def build_edition(root: Path, language: str, path_output: Path | None = None, builder: str = "html") -> int:
    """Build one edition as ``jupyter-book build ROOT -W -n --keep-going`` does (same configuration)."""
    from jupyter_book.sphinx import build_sphinx

    root = Path(root).resolve()
    paths = edition_paths(language, Path(path_output or root).resolve())
    overrides = {"external_toc_path": (root / TOC_FILE).as_posix(), "latex_individualpages": False,
                 "nitpicky": True, "nb_execution_cache_path": str(paths["cache"])}
    if language != SOURCE_LANGUAGE:
        overrides["language"] = language
    outdir, doctrees = paths["html"], paths["doctrees"]
    if builder != "html":  # another builder's environment cannot share the HTML build's doctrees
        outdir, doctrees = doctrees.parent / builder, doctrees.with_name(f"{doctrees.name}-{builder}")
    result = build_sphinx(root, outdir, noconfig=True, path_config=str(root / CONFIG_FILE), confoverrides=overrides,
                          doctreedir=doctrees, builder=builder, warningiserror=True, keep_going=True)
    return result if isinstance(result, int) else 1


def update_catalogs(root: Path, language: str = "ko") -> int:
    """The gettext builder's templates (``_build/gettext``), merged into ``locales/<language>`` by sphinx-intl."""
    root = Path(root).resolve()
    status = build_edition(root, SOURCE_LANGUAGE, root, builder="gettext")
    if status:
        return status
    intl = Path(sys.executable).with_name("sphinx-intl")
    return subprocess.run([str(intl), "update", "-p", str(root / "_build" / "gettext"), "-l", language,
                           "-d", str(root / LOCALE_DIR)], cwd=root).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=sorted(EDITIONS), action="append",
                        help="build only this edition (repeatable; default: all, English first)")
    parser.add_argument("--path-output", type=Path, default=None, help="build in DIR/_build instead of the checkout's")
    parser.add_argument("--translations", action="store_true", help="refresh locales/ko from the English sources")
    args = parser.parse_args(argv)
    if args.translations:
        return update_catalogs(ROOT)
    # English first: it runs the notebooks the Korean edition then reads from the shared cache.
    languages = sorted(args.language or EDITIONS, key=lambda lang: lang != SOURCE_LANGUAGE)
    for language in languages:
        started = time.perf_counter()
        status = build_edition(ROOT, language, args.path_output)
        print(f"[editions] {language}: {'built' if status == 0 else 'FAILED'} in {time.perf_counter() - started:.1f} s",
              flush=True)
        if status:
            return status
    return 0


if __name__ == "__main__":
    sys.exit(main())
