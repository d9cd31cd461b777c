"""Helper package for the DPRK–Russia treaty module, organised by who uses it.

What notebooks import sits at the top level (notebooks stay thin and call into these):

- :mod:`treaty_toolkit.data`: the one data loader (validates ``data/``, returns typed DataFrames);
- :mod:`treaty_toolkit.timeline`, :mod:`~treaty_toolkit.textcompare`, :mod:`~treaty_toolkit.scenarios`,
  :mod:`~treaty_toolkit.explorer`, :mod:`~treaty_toolkit.alliances`, :mod:`~treaty_toolkit.reactions`,
  :mod:`~treaty_toolkit.estimates`, :mod:`~treaty_toolkit.claims`: each chapter's analysis and figures;
- :mod:`treaty_toolkit.style`: the one figure style (palette, marker names, date axis);
- :mod:`treaty_toolkit.project` and :mod:`treaty_toolkit.cache`: where things are, and what was
  validated already.

The sub-packages each have one lifecycle:

- :mod:`treaty_toolkit.quiz`: the one quiz engine (banks, grading, static HTML and ``quiz.js``, widget);
- :mod:`treaty_toolkit.checks`: exercise auto-checks, one module per chapter;
- :mod:`treaty_toolkit.book`: the Sphinx extension, the only code that imports Sphinx or docutils;
- :mod:`treaty_toolkit.authoring`: authors' tools run from a source checkout, never imported by notebooks.
"""

__version__ = "0.1.0"
