# Two commands: `make book` builds the HTML book, `make test` runs the whole test suite.
# While editing: `make check` (unit tests, bank/data/schema validation, the grading contract; < 1 min).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BUILD_FLAGS := -W -n --keep-going
# What `make check` leaves out: the browser, the built book, notebook execution, environment builds.
QUICK  := not browser and not book and not kernel and not slow

.PHONY: book test check lint serve clean clean-all setup benchmark notebooks student

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

# Notebooks run on both cores before Sphinx reads them; unchanged ones come from the execution cache.
book: setup
	$(BIN)/jupyter-book build . $(BUILD_FLAGS)

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

# Student copies of the exercise notebooks (exercises/student/, committed: Binder, JupyterHub and the download
# button hand them out): worked answers (cells tagged `solution`) blanked, outputs cleared.
student: setup
	$(BIN)/python -m treaty_toolkit.authoring.student_copies
