"""Tools for the people who write the module, run from a source checkout (never imported by notebooks).

- :mod:`.notebooks`: re-execute the stored notebooks and store them normalized (``make notebooks``);
- :mod:`.student_copies`: the exercise notebooks without their worked answers (``make student``);
- :mod:`.worksheets`: a printable worksheet per chapter, without answers (the book writes them too);
- :mod:`.timings`: how long each notebook takes, for the instructors' guide;
- :mod:`.prerun`: execute the book's notebooks on every core into the build's cache before Sphinx runs.
"""
