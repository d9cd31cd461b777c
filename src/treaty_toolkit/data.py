"""The one data loader: validate ``data/`` and return typed pandas DataFrames.

``data/`` is a Frictionless data package (``data/datapackage.json``) whose schemas give column types,
required fields, enums, primary keys and foreign keys. Loading always validates first:

1. Frictionless checks every table against its schema (types, required, enums, patterns, primary and
   foreign keys).
2. This module adds the checks Frictionless cannot express: every ``sources.key`` is a key in
   ``references.bib`` (the file next to ``data/``); every key listed in an ``other_sources`` cell
   (keys joined by ``;``) is a ``sources.key``; and no row rests on aggregators alone (a row whose
   ``source`` and ``other_sources`` are all of kind ``aggregator`` fails: cite the original, or an
   independent source beside the copy).

All problems are collected and raised together as one :class:`DataValidationError` whose message names
the file, the row (row 1 is the CSV header, so row 2 is the first data row) and the field of each.

Where ``data/`` is found when no folder is given (:func:`find_data_dir`): the first ``data/datapackage.json``
found searching upward from the current working directory, so notebooks run from anywhere in the
repository and the package also works when installed non-editable (Binder runs ``pip install .`` and then
the notebooks from the repository). If none is found, the ``data/`` folder of the source checkout this
module lives in is used.

Validation costs seconds (Frictionless), and every notebook of the book loads the package, so the
typed frames of a validated package are remembered (:mod:`treaty_toolkit.cache`), keyed on a hash of
every file they were made from: the descriptor, each table and ``references.bib``. A changed or
malformed file is therefore always validated and reported.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from treaty_toolkit import cache, project
from treaty_toolkit.style import day

PACKAGE_FILE = project.PACKAGE_FILE
BIB_FILE = project.BIB_FILE.name  # lives in the folder that holds data/
LIST_SEPARATOR = ";"
AGGREGATOR = "aggregator"  # sources.kind of a site that republishes others' reporting
CACHE_FORMAT = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located by file, row and field."""

    file: str
    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


class DataValidationError(ValueError):
    """The data package is malformed; ``problems`` lists every problem found."""

    def __init__(self, data_dir: Path, problems: list[Problem]):
        self.problems = problems
        lines = [f"{len(problems)} problem(s) in the data package {data_dir}:"]
        lines += [f"  - {problem}" for problem in problems]
        super().__init__("\n".join(lines))


def find_data_dir(start: Path | str | None = None) -> Path:
    """Return the ``data/`` folder: searched upward from ``start`` (default: the working directory),
    else the one in the source checkout of this package."""
    start = Path.cwd() if start is None else Path(start)
    for folder in (start, *start.resolve().parents):
        if (folder / "data" / PACKAGE_FILE).is_file():
            return folder / "data"
    checkout = project.CHECKOUT / project.DATA_DIR
    if (checkout / PACKAGE_FILE).is_file():
        return checkout
    raise FileNotFoundError(
        f"No data/{PACKAGE_FILE} found above {start} or in {checkout.parent}; pass data_dir explicitly."
    )


bib_keys = project.bib_keys


def load_package(data_dir: Path | str | None = None) -> dict[str, pd.DataFrame]:
    """Validate the whole package and return ``{table name: typed DataFrame}``.

    Raises :class:`DataValidationError` listing every problem if anything is malformed.
    """
    data_dir = find_data_dir() if data_dir is None else Path(data_dir)
    inputs = _inputs(data_dir)
    key = cache.fingerprint("data", inputs, f"{CACHE_FORMAT}:{pd.__version__}") if inputs else None
    tables = cache.remembered("data", key, lambda: _validate_and_type(data_dir))
    # Copies: a notebook that edits a frame must not change what the next caller gets.
    return {name: frame.copy() for name, frame in tables.items()}


def _validate_and_type(data_dir: Path) -> dict[str, pd.DataFrame]:
    import frictionless

    descriptor = data_dir / PACKAGE_FILE
    try:
        package = frictionless.Package(str(descriptor))
    except frictionless.FrictionlessException as error:
        raise DataValidationError(data_dir, [Problem(str(descriptor), None, None, error.error.message)]) from error

    problems = _schema_problems(package, data_dir) + _reference_problems(package, data_dir)
    problems.sort(key=lambda problem: (problem.file, problem.row or 0))
    if problems:
        raise DataValidationError(data_dir, problems)
    tables = {resource.name: _typed_frame(data_dir, resource) for resource in package.resources}
    problems = _currency_problems(data_dir, package, tables)
    if problems:
        raise DataValidationError(data_dir, problems)
    return tables


def _currency_problems(data_dir: Path, package, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """``as_of`` is two ISO dates, and no dated row is later than the account's as-of date."""
    descriptor = str(data_dir / PACKAGE_FILE)
    as_of = json.loads((data_dir / PACKAGE_FILE).read_text(encoding="utf-8")).get("as_of")
    if not isinstance(as_of, dict):
        return [Problem(descriptor, None, "as_of", "missing: give account_current_to and sources_checked (YYYY-MM-DD)")]
    dates = {}
    for key in ("account_current_to", "sources_checked"):
        try:
            dates[key] = pd.Timestamp(str(as_of.get(key)))
        except ValueError:
            return [Problem(descriptor, None, f"as_of.{key}", f"{as_of.get(key)!r} is not a date (expected YYYY-MM-DD)")]
    problems = []
    for resource in package.resources:
        frame = tables[resource.name]
        for field in resource.schema.fields:
            if field.type != "date":
                continue
            late = frame[frame[field.name] > dates["account_current_to"]]
            for index in late.index:
                problems.append(Problem(str(data_dir / resource.path), int(index) + 2, field.name,
                                        f"{late.at[index, field.name]:%Y-%m-%d} is after the as-of date "
                                        f"{dates['account_current_to']:%Y-%m-%d} (as_of.account_current_to in {PACKAGE_FILE})"))
    return problems


def _inputs(data_dir: Path) -> list[Path] | None:
    """Every file the package is made from, or None when the descriptor cannot be read (then the
    full validation reports why)."""
    try:
        resources = json.loads((data_dir / PACKAGE_FILE).read_text(encoding="utf-8"))["resources"]
        tables = [data_dir / resource["path"] for resource in resources]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    # This file too: a change to the loader's conversions must not be answered from the cache.
    return [Path(__file__), data_dir / PACKAGE_FILE, *tables, data_dir.parent / BIB_FILE]


@dataclass(frozen=True)
class Currency:
    """How current the account is (``as_of`` in datapackage.json, held once for the whole book)."""

    account_current_to: pd.Timestamp
    sources_checked: pd.Timestamp

    def sentence(self, language: str = "en") -> str:
        """The as-of sentence in the book's language (the Korean edition's pages say it in Korean)."""
        if language == "ko":
            current, checked = (f"{d.year}년 {d.month}월 {d.day}일" for d in (self.account_current_to, self.sources_checked))
            return (f"이 내용은 {current}까지의 상황을 다루며, 자료는 {checked}에 확인했습니다. "
                    f"{current} 이후의 사건은 다루지 않습니다.")
        return (f"Account current to {day(self.account_current_to)}; sources checked {day(self.sources_checked)}. "
                f"Events after {day(self.account_current_to)} are not covered.")


def currency(data_dir: Path | str | None = None) -> Currency:
    """The as-of dates, validated with the package (every dated row lies on or before the as-of date)."""
    data_dir = find_data_dir() if data_dir is None else Path(data_dir)
    load_package(data_dir)
    as_of = json.loads((data_dir / PACKAGE_FILE).read_text(encoding="utf-8"))["as_of"]
    return Currency(pd.Timestamp(as_of["account_current_to"]), pd.Timestamp(as_of["sources_checked"]))


def load_table(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """Validate the package and return one table (``"events"``, ``"sources"``, ``"shell_estimates"``)."""
    tables = load_package(data_dir)
    if name not in tables:
        raise KeyError(f"No table {name!r} in the data package; tables: {', '.join(sorted(tables))}")
    return tables[name]


def split_sources(cell: object) -> list[str]:
    """The keys in an ``other_sources`` cell (empty list for a missing value)."""
    if cell is None or pd.isna(cell) or not str(cell).strip():
        return []
    return [key.strip() for key in str(cell).split(LIST_SEPARATOR)]


# --- validation ---------------------------------------------------------------------------------


def _schema_problems(package, data_dir: Path) -> list[Problem]:
    """Frictionless validation, translated into file/row/field problems with plain messages."""
    report = package.validate()
    resources = {resource.name: resource for resource in package.resources}
    problems = []
    for task in report.tasks:
        resource = resources.get(task.name)
        file = str(data_dir / resource.path) if resource is not None else str(task.place)
        for error in task.errors:
            problems.append(_translate(error, file, resource))
    return problems


def _translate(error, file: str, resource) -> Problem:
    row = getattr(error, "row_number", None)
    field = getattr(error, "field_name", None) or None
    cell = getattr(error, "cell", None)
    if error.type == "type-error":
        field_type = resource.schema.get_field(field).type
        hint = " (expected YYYY-MM-DD)" if field_type == "date" else ""
        return Problem(file, row, field, f"{cell!r} is not a valid {field_type}{hint}")
    if error.type == "constraint-error":
        constraints = resource.schema.get_field(field).constraints
        if 'constraint "required"' in error.note:
            return Problem(file, row, field, "a value is required but the cell is empty")
        if 'constraint "enum"' in error.note:
            return Problem(file, row, field, f"{cell!r} is not one of {constraints['enum']}")
        return Problem(file, row, field, f"{cell!r} violates {error.note}")
    if error.type == "foreign-key":
        names = error.field_names
        position = [f.name for f in resource.schema.fields].index(names[0])
        value = error.cells[position] if position < len(error.cells) else ""
        target = f"{error.reference_name}.{'/'.join(error.reference_field_names)}"
        return Problem(file, row, ",".join(names), f"{value!r} is not a {target} value")
    if error.type == "primary-key":
        return Problem(file, row, ",".join(resource.schema.primary_key), "duplicate primary key value")
    return Problem(file, row, field, error.message)


def _raw_rows(data_dir: Path, resource) -> list[tuple[int, dict[str, str]]]:
    """(row number, cells as text) for each data row; row 1 is the header."""
    path = data_dir / resource.path
    if not path.is_file():
        return []  # Frictionless already reports the missing file.
    with path.open(encoding="utf-8", newline="") as handle:
        return list(enumerate(csv.DictReader(handle), start=2))


def _reference_problems(package, data_dir: Path) -> list[Problem]:
    """Checks beyond the schema: sources are references.bib keys; other_sources are sources."""
    problems: list[Problem] = []
    if "sources" not in package.resource_names:
        return [Problem(str(data_dir / PACKAGE_FILE), None, None, "the package has no 'sources' table")]
    sources = package.get_resource("sources")
    source_rows = _raw_rows(data_dir, sources)
    known_sources = {cells.get("key", "") for _, cells in source_rows}

    bib_path = data_dir.parent / BIB_FILE
    if not bib_path.is_file():
        problems.append(Problem(str(bib_path), None, None, "references.bib not found next to the data folder"))
    else:
        in_bib = bib_keys(bib_path)
        for row, cells in source_rows:
            key = cells.get("key", "")
            if key and key not in in_bib:
                problems.append(Problem(str(data_dir / sources.path), row, "key", f"{key!r} is not a key in {bib_path}"))

    aggregators = {cells.get("key", "") for _, cells in source_rows if cells.get("kind") == AGGREGATOR}
    for resource in package.resources:
        fields = resource.schema.field_names
        if "source" not in fields or resource.name == "sources":
            continue
        for row, cells in _raw_rows(data_dir, resource):
            others = split_sources(cells.get("other_sources")) if "other_sources" in fields else []
            for key in others:
                if key not in known_sources:
                    problems.append(
                        Problem(str(data_dir / resource.path), row, "other_sources", f"{key!r} is not a sources.key value")
                    )
            cited = [key for key in [cells.get("source", ""), *others] if key]
            if cited and all(key in aggregators for key in cited):
                problems.append(Problem(str(data_dir / resource.path), row, "source",
                                        f"rests on aggregator copies alone ({', '.join(cited)}): cite the original "
                                        "or an independent source"))
    return problems


# --- typed DataFrames ---------------------------------------------------------------------------


def _typed_frame(data_dir: Path, resource) -> pd.DataFrame:
    """The (already validated) CSV as a DataFrame with pandas dtypes from the schema.

    pandas parses the file directly: re-reading it through Frictionless costs seconds per load.
    """
    frame = pd.read_csv(data_dir / resource.path, dtype=str, keep_default_na=False, encoding="utf-8")
    for field in resource.schema.fields:
        column = frame[field.name].replace("", None)
        if field.type == "date":
            frame[field.name] = pd.to_datetime(column, format="%Y-%m-%d")
        elif field.type == "integer":
            frame[field.name] = pd.to_numeric(column).astype("Int64")
        elif field.type == "number":
            frame[field.name] = pd.to_numeric(column).astype("Float64")
        elif field.type == "boolean":
            frame[field.name] = column.map({"true": True, "false": False}).astype("boolean")
        elif field.type != "string":
            raise TypeError(f"{resource.path}, field '{field.name}': the loader has no conversion for type {field.type!r}")
        elif field.constraints.get("enum"):
            # Categories keep the schema's order, so tables and legends sort in a meaningful way.
            frame[field.name] = pd.Categorical(column, categories=field.constraints["enum"])
        else:
            frame[field.name] = column.astype("string")
    return frame
