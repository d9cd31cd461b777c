"""Source files that ``_toc.yml`` does not list are left out of the build, found without a walk of every folder.

Jupyter Book's ``only_build_toc_files: true`` sets sphinx-external-toc's ``external_toc_exclude_missing``.
sphinx-external-toc 1.0.1 then globs the whole book folder once per source suffix, ``node_modules`` and
``_build`` included (about 16,000 files here), although both are excluded: 0.8 s per edition on every
build, a no-change rebuild too. The same list comes here from Sphinx's own file discovery, which does not
enter excluded folders, and the upstream option is switched off before its handler runs.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.matching import get_matching_files, patmatch
from sphinx_external_toc.parsing import parse_toc_yaml


def files_outside_the_toc(srcdir: Path, toc_file: Path, suffixes, exclude_patterns) -> list[str]:
    """Source files (paths relative to ``srcdir``) that are not excluded already and not in the TOC."""
    site_map = parse_toc_yaml(toc_file)
    globs = list(site_map.globs())
    outside = []
    for path in get_matching_files(srcdir, [f"**{suffix}" for suffix in suffixes], exclude_patterns):
        docname = next(path[: -len(suffix)] for suffix in suffixes if path.endswith(suffix))
        if not (path in site_map or docname in site_map or any(patmatch(docname, pattern) for pattern in globs)):
            outside.append(path)
    return outside


def exclude_files_outside_the_toc(app: Sphinx, config) -> None:
    """config-inited, before sphinx-external-toc's handler (priority 900)."""
    if not config.external_toc_exclude_missing:
        return
    toc_file = Path(app.srcdir) / config.external_toc_path
    outside = files_outside_the_toc(Path(app.srcdir), toc_file, list(config.source_suffix), config.exclude_patterns)
    config.exclude_patterns = [*config.exclude_patterns, *outside]
    config.external_toc_exclude_missing = False


def setup(app: Sphinx) -> None:
    app.connect("config-inited", exclude_files_outside_the_toc, priority=800)
