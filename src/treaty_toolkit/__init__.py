"""Helper package for the DPRK–Russia treaty module.

Notebooks stay thin and call into this package:

- :mod:`treaty_toolkit.data`: the one data loader (validates ``data/`` and returns typed DataFrames);
- :mod:`treaty_toolkit.timeline`: the chronology table and timeline figure;
- :mod:`treaty_toolkit.quiz`: the one quiz engine (static HTML, live widget, ``grade()``);
- :mod:`treaty_toolkit.sphinx_ext`: the Sphinx extension the book loads (offline assets, quiz directive).
"""

__version__ = "0.1.0"
