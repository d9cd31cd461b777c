# Two commands: `make book` builds the HTML book, `make test` runs the whole test suite.
# While editing: `make check` (unit tests, bank/data/schema validation, the grading contract; < 1 min).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BUILD_FLAGS := -W -n --keep-going
# What `make check` leaves out: the browser, the built book, notebook execution, environment builds.
QUICK  := not browser and not book and not kernel and not slow

.PHONY: book translations test check lint serve clean clean-all setup benchmark notebooks student lms worksheets pdf

setup: $(STAMP) node_modules/.package-lock.json

# The virtual environment is rebuilt whenever a requirements file or pyproject.toml changes.
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

# Offline assets (MathJax, widget renderer, axe-core) come from the npm registry, pinned by package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts

# Both editions, warnings as errors: English in _build/html (as `jupyter-book build . $(BUILD_FLAGS)`), then
# Korean in _build/html/ko from the catalogs in locales/ko. Notebooks run on both cores before Sphinx reads
# them, once: unchanged ones, and every one in the Korean build, come from the shared execution cache.
book: setup
	$(BIN)/python -m treaty_toolkit.authoring.editions

# Refresh the translation catalogs from the English sources: the gettext builder into _build/gettext, then
# sphinx-intl into locales/ko/LC_MESSAGES (one .po per page; new or changed messages arrive untranslated).
translations: setup
	$(BIN)/python -m treaty_toolkit.authoring.editions --translations

# The whole book as one PDF, _build/pdf/book.pdf: the single-page build (warnings are errors) printed by
# Debian's Chromium, without worked answers or buttons. The next `make book` links it from the intro.
pdf: setup
	$(BIN)/python -m treaty_toolkit.authoring.book_pdf

# Everything: nbval compares every stored notebook output with a fresh run.
test: book
	$(BIN)/python -m pytest --nbval --nbval-current-env

check: setup
	$(BIN)/python -m pytest tests -m "$(QUICK)"

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/actionlint

serve: book
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory _build/html 8000

clean:
	rm -rf _build

clean-all: clean
	rm -rf $(VENV) node_modules .pytest_cache

# Build and test times for the closing notes (a benchmark: it reports, it does not pass or fail).
benchmark: setup
	$(BIN)/python benchmarks/build_times.py --with-test

# Re-execute every stored notebook under chapters/ and exercises/ and store it normalized (no timestamps,
# widget state or run-dependent counts), so nbval and tests/test_notebooks.py see reproducible files.
notebooks: setup
	$(BIN)/python -m treaty_toolkit.authoring.notebooks

# The quiz banks as Moodle XML, GIFT, Canvas QTI 1.2 and QTI 2.1 files in _build/lms/ (the book build also
# writes them beside the HTML, for the instructor guide's download links).
lms: setup
	$(BIN)/python -m treaty_toolkit.quiz.lms

# A printable student worksheet per chapter (objectives, quiz questions without answers, discussion questions)
# in _build/worksheets/ (the book build also writes them beside the HTML, for the instructor guide's links).
worksheets: setup
	$(BIN)/python -m treaty_toolkit.authoring.worksheets

# Student copies of the exercise notebooks (exercises/student/, committed: Binder, JupyterHub and the download
# button hand them out): worked answers (cells tagged `solution`) blanked, outputs cleared.
student: setup
	$(BIN)/python -m treaty_toolkit.authoring.student_copies
