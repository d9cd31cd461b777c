"""Tools for the people who write the module, run from a source checkout (never imported by notebooks).

- :mod:`.notebooks`: re-execute the stored notebooks and store them normalized (``make notebooks``);
- :mod:`.student_copies`: the exercise notebooks without their worked answers (``make student``);
- :mod:`.worksheets`: a printable worksheet per chapter, without answers (the book writes them too);
- :mod:`.timings`: how long each notebook takes, for the instructors' guide;
- :mod:`.kernels`: kernels with sockets of their own, so that kernels started side by side never collide;
- :mod:`.editions`: build the English and Korean editions (``make book``, ``make translations``);
- :mod:`.book_pdf`: the whole book as one PDF (``make pdf``).
"""
