"""Loading and validating question banks (``exercises/quizzes/*.yaml``).

A bank is checked twice: against the JSON schema (shape and types), then against the rest of the book
(objectives in ``exercises/objectives.yaml``, sources in ``references.bib``, ids unique across every
bank, at least one correct option). Every error names the file, the question id and the field.

Translations: ``exercises/quizzes/<language>/<bank>.yaml`` holds only the text of a bank in another
language (the ids, keys, tolerances and sources stay in the English bank)::

    title: 서명에서 발효까지          # the bank's title (and its description, if it has one)
    questions:
      ctx-signing-date:             # a question id of the English bank
        prompt: …
        options:                    # as many as the English, in its order: text, and feedback where it has one
          - {text: …, feedback: …}
        explanation: …

``load_library(root, language="ko")`` merges the text by id. A translated question must translate
every text field its English has; a question with no translation keeps its English text (and says
so: ``Question.language``; :func:`untranslated` lists them). Anything else in a translation file is an
error naming the file, the question id and the field.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from treaty_toolkit import cache, project
from treaty_toolkit.project import BIB_FILE, OBJECTIVES_FILE, QUIZ_DIR

SCHEMA_FILE = Path(__file__).resolve().parent / "quiz-bank.schema.json"


class QuizBankError(ValueError):
    """A bank, the objectives file or a quiz reference is invalid; the message says where."""


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    objective: str
    source: str
    prompt: str
    bank: str
    explanation: str = ""
    options: tuple[Option, ...] = ()
    answer: bool | float | None = None
    tolerance: float = 0.0
    unit: str = ""
    items: tuple[str, ...] = ()  # ordering: the correct order
    feedback_true: str = ""
    feedback_false: str = ""
    language: str = "en"  # the language of the text (English when a translation has none)


@dataclass(frozen=True)
class Bank:
    id: str
    title: str
    path: Path
    questions: tuple[Question, ...]
    description: str = ""
    language: str = "en"  # the language asked for (some questions may still be in English)

    def select(self, ids=None) -> list[Question]:
        """The questions with these ids, in the order given (all questions when ids is None)."""
        if ids is None:
            return list(self.questions)
        by_id = {q.id: q for q in self.questions}
        unknown = [i for i in ids if i not in by_id]
        if unknown:
            raise QuizBankError(
                f"{self.path}: bank '{self.id}' has no question(s) {', '.join(map(repr, unknown))}; "
                f"it has {', '.join(by_id)}"
            )
        return [by_id[i] for i in ids]


@dataclass(frozen=True)
class Objective:
    id: str
    chapter: str
    text: str


@dataclass
class Library:
    """Everything the quiz engine reads from a book: banks, objectives and source keys."""

    root: Path
    objectives: dict[str, Objective]
    sources: set[str]
    banks: dict[str, Bank] = field(default_factory=dict)
    language: str = "en"

    @property
    def questions(self) -> dict[str, Question]:
        return {q.id: q for bank in self.banks.values() for q in bank.questions}

    def bank(self, bank_id: str) -> Bank:
        if bank_id not in self.banks:
            raise QuizBankError(
                f"No quiz bank '{bank_id}': expected {self.root / QUIZ_DIR / (bank_id + '.yaml')} "
                f"(known banks: {', '.join(sorted(self.banks)) or 'none'})"
            )
        return self.banks[bank_id]

    def mixed_bank(self, bank_id: str, title: str, refs: list[str]) -> Bank:
        """A bank of questions reused from other banks, for a review quiz (``refs``: ``bank:question-id``).

        Nothing is copied: each question keeps its own bank, objective and source, so counts per
        objective are not inflated by the review.
        """
        if bank_id in self.banks:
            raise QuizBankError(f"A review quiz cannot be named '{bank_id}': a bank of that name exists")
        if not refs:
            raise QuizBankError(f"Review quiz '{bank_id}': give at least one bank:question-id")
        questions = []
        for ref in refs:
            bank_name, sep, question_id = ref.partition(":")
            if not sep or not question_id:
                raise QuizBankError(f"Review quiz '{bank_id}': '{ref}' is not of the form bank:question-id")
            questions.extend(self.bank(bank_name.strip()).select([question_id.strip()]))
        ids = [q.id for q in questions]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise QuizBankError(f"Review quiz '{bank_id}': question(s) {', '.join(repeated)} listed twice")
        return Bank(bank_id, title, self.root / QUIZ_DIR, tuple(questions), language=self.language)


def find_book_root(start: Path | str | None = None) -> Path:
    """The book root at or above ``start`` (see :func:`treaty_toolkit.project.find_book_root`)."""
    try:
        return project.find_book_root(start)
    except project.BookNotFound as exc:
        raise QuizBankError(str(exc)) from None


_SCHEMA = None


def bank_schema() -> dict:
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = json.loads(SCHEMA_FILE.read_text("utf-8"))
    return _SCHEMA


def read_bib_keys(path: Path) -> set[str]:
    """Citation keys in a BibTeX file; a missing file is a bank error (quiz sources must be keys in it)."""
    if not path.is_file():
        raise QuizBankError(f"{path}: bibliography not found (quiz sources must be keys in it)")
    return project.bib_keys(path)


def _read_yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise QuizBankError(f"{path}: not valid YAML: {exc}") from exc


def load_objectives(path: Path) -> dict[str, Objective]:
    data = _read_yaml(path) if path.is_file() else None
    if not isinstance(data, list):
        raise QuizBankError(f"{path}: expected a list of {{id, chapter, text}} objectives")
    objectives: dict[str, Objective] = {}
    for n, entry in enumerate(data, start=1):
        where = f"{path}: objective #{n}"
        if not isinstance(entry, dict):
            raise QuizBankError(f"{where}: expected a mapping with id, chapter, text")
        for key in ("id", "chapter", "text"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise QuizBankError(f"{where} ({entry.get('id', '?')}), field '{key}': missing or empty")
        extra = set(entry) - {"id", "chapter", "text"}
        if extra:
            raise QuizBankError(f"{where} ({entry['id']}), field '{sorted(extra)[0]}': unknown field")
        if entry["id"] in objectives:
            raise QuizBankError(f"{where}, field 'id': duplicate objective id '{entry['id']}'")
        objectives[entry["id"]] = Objective(entry["id"], entry["chapter"], entry["text"])
    return objectives


def _schema_error(path: Path, data, error) -> QuizBankError:
    """Turn a jsonschema error into 'file: question <id>, field <name>: message'."""
    location = list(error.absolute_path)
    where = "top level"
    if len(location) >= 2 and location[0] == "questions" and isinstance(location[1], int):
        question = data["questions"][location[1]]
        qid = question.get("id") if isinstance(question, dict) else None
        where = f"question '{qid}'" if qid else f"question #{location[1] + 1}"
        location = location[2:]
    field_name = ".".join(str(p) for p in location)
    if not field_name and error.validator == "required":
        field_name = re.search(r"'([^']+)' is a required property", error.message).group(1)
    unknown_field = "propertyNames" in error.schema_path
    if not field_name and unknown_field:
        field_name = str(error.instance)
    if not field_name and error.validator == "anyOf" and location == []:
        field_name = "explanation"
    detail = error.message
    if unknown_field:
        detail = "unknown field for this question type"
    elif error.validator == "anyOf":
        detail = "give either an explanation or both feedback_true and feedback_false"
    return QuizBankError(f"{path}: {where}, field '{field_name or '(whole entry)'}': {detail}")


def _best_error(errors):
    import jsonschema

    # Report the deepest, most specific error first (jsonschema's own heuristic).
    return jsonschema.exceptions.best_match(errors)


def _build_question(path: Path, bank_id: str, raw: dict, lib: Library) -> Question:
    qid = raw["id"]

    def fail(field_name, message):
        return QuizBankError(f"{path}: question '{qid}', field '{field_name}': {message}")

    if raw["objective"] not in lib.objectives:
        raise fail("objective", f"unknown objective '{raw['objective']}' (not in {OBJECTIVES_FILE})")
    if raw["source"] not in lib.sources:
        raise fail("source", f"unknown source '{raw['source']}' (not a key in {BIB_FILE})")
    options = tuple(Option(o["text"], o["correct"], o.get("feedback", "")) for o in raw.get("options", []))
    if raw["type"] in ("single", "multiple"):
        n_correct = sum(o.correct for o in options)
        if n_correct == 0:
            raise fail("options", "no option is marked correct: true")
        if raw["type"] == "single" and n_correct > 1:
            raise fail("options", f"{n_correct} options are marked correct; a single-choice question needs one")
        texts = [o.text for o in options]
        if len(set(texts)) != len(texts):
            raise fail("options", "two options have the same text")
    return Question(
        id=qid,
        type=raw["type"],
        objective=raw["objective"],
        source=raw["source"],
        prompt=raw["prompt"],
        bank=bank_id,
        explanation=raw.get("explanation", ""),
        options=options,
        answer=raw.get("answer"),
        tolerance=float(raw.get("tolerance", 0.0)),
        unit=raw.get("unit", ""),
        items=tuple(raw.get("items", ())),
        feedback_true=raw.get("feedback_true", ""),
        feedback_false=raw.get("feedback_false", ""),
    )


def load_bank_file(path: Path, lib: Library) -> Bank:
    """Validate one bank file against the schema and the library; returns the Bank."""
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise QuizBankError(f"{path}: top level, field '(whole file)': expected a mapping with bank, title, questions")
    import jsonschema

    error = _best_error(jsonschema.Draft202012Validator(bank_schema()).iter_errors(data))
    if error is not None:
        raise _schema_error(path, data, error)
    if data["bank"] != path.stem:
        raise QuizBankError(f"{path}: top level, field 'bank': '{data['bank']}' must match the file name '{path.stem}'")
    seen: set[str] = set()
    questions = []
    for raw in data["questions"]:
        if raw["id"] in seen:
            raise QuizBankError(f"{path}: question '{raw['id']}', field 'id': duplicate question id in this bank")
        seen.add(raw["id"])
        questions.append(_build_question(path, data["bank"], raw, lib))
    return Bank(data["bank"], data["title"], path, tuple(questions), data.get("description", ""))


def load_library(root: Path | str | None = None, quiz_dir: Path | None = None, language: str = "en") -> Library:
    """Load and cross-check every bank of the book at ``root`` (ids must be unique across banks), with
    the text in ``language`` where ``<quiz_dir>/<language>/`` translates it (English otherwise).

    A validated library is remembered (:mod:`treaty_toolkit.cache`), keyed on every file it is made
    from, this module included; every notebook with a quiz would otherwise validate all banks again.
    """
    from .texts import LANGUAGES

    if language not in LANGUAGES:
        raise QuizBankError(f"Unknown quiz language '{language}': use one of {', '.join(LANGUAGES)}")
    root = find_book_root(root) if root is None else Path(root)
    folder = Path(quiz_dir) if quiz_dir else root / QUIZ_DIR
    translations = [*sorted((folder / language).glob("*.yaml")),
                    *(path for path in [objectives_translation(root, language)] if path.is_file())] if language != "en" else []
    inputs = [Path(__file__), SCHEMA_FILE, root / OBJECTIVES_FILE, root / BIB_FILE, *sorted(folder.glob("*.yaml")),
              *translations]
    key = cache.fingerprint("quiz", inputs, f"{root.resolve()}:{folder.resolve()}:{language}")
    return cache.remembered("quiz", key, lambda: _load_library(root, folder, language))


def _load_library(root: Path, folder: Path, language: str = "en") -> Library:
    lib = Library(root, load_objectives(root / OBJECTIVES_FILE), read_bib_keys(root / BIB_FILE), language=language)
    owner: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yaml")):
        bank = load_bank_file(path, lib)
        for q in bank.questions:
            if q.id in owner:
                raise QuizBankError(f"{path}: question '{q.id}', field 'id': id already used in {owner[q.id]}")
            owner[q.id] = path
        lib.banks[bank.id] = bank
    if language != "en":
        lib.objectives = translate_objectives(lib.objectives, objectives_translation(root, language))
        for path in sorted((folder / language).glob("*.yaml")):
            if path.stem not in lib.banks:
                raise QuizBankError(f"{path}: top level, field '(whole file)': no English bank '{path.stem}' to translate "
                                    f"(expected {folder / path.name})")
        lib.banks = {bank_id: translate_bank(bank, folder / language / f"{bank_id}.yaml", language)
                     for bank_id, bank in lib.banks.items()}
    return lib


# --- translations ---------------------------------------------------------------------------------

# The text fields of a question a translation may (and, once it translates the question, must) give.
TEXT_FIELDS = ("prompt", "explanation", "unit", "feedback_true", "feedback_false")
OPTION_FIELDS = ("text", "feedback")


def objectives_translation(root: Path, language: str) -> Path:
    """``exercises/objectives.<language>.yaml``: objective id -> its text in that language."""
    objectives = root / OBJECTIVES_FILE
    return objectives.with_name(f"{objectives.stem}.{language}{objectives.suffix}")


def translate_objectives(objectives: dict[str, Objective], path: Path) -> dict[str, Objective]:
    """The objectives with the text of the translation at ``path`` (no file, or an id it leaves out: English)."""
    if not path.is_file():
        return objectives
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise QuizBankError(f"{path}: top level, field '(whole file)': expected a mapping of objective id to text")
    translated = dict(objectives)
    for objective_id, text in data.items():
        if objective_id not in objectives:
            raise QuizBankError(f"{path}: objective '{objective_id}', field 'id': no such objective in {OBJECTIVES_FILE}")
        if not isinstance(text, str) or not text.strip():
            raise QuizBankError(f"{path}: objective '{objective_id}', field 'text': missing or empty")
        translated[objective_id] = replace(objectives[objective_id], text=text.strip())
    return translated


def translate_bank(bank: Bank, path: Path, language: str) -> Bank:
    """``bank`` with the text of the translation file at ``path`` (no file: the English bank, marked as
    wanted in ``language``)."""
    if not path.is_file():
        return replace(bank, language=language)
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise QuizBankError(f"{path}: top level, field '(whole file)': expected a mapping with questions (and title)")
    unknown = sorted(set(data) - {"title", "description", "questions"})
    if unknown:
        raise QuizBankError(f"{path}: top level, field '{unknown[0]}': not translatable (use title, description, questions)")
    for name in ("title", *(["description"] if "description" in data else [])):
        if not _filled(data.get(name)):
            raise QuizBankError(f"{path}: top level, field '{name}': missing or empty translation")
    if "description" in data and not bank.description:
        raise QuizBankError(f"{path}: top level, field 'description': the English bank has no description to translate")
    texts = data.get("questions") or {}
    if not isinstance(texts, dict):
        raise QuizBankError(f"{path}: top level, field 'questions': expected a mapping of question id -> translated text")
    by_id = {q.id: q for q in bank.questions}
    for qid in texts:
        if qid not in by_id:
            raise QuizBankError(f"{path}: question '{qid}', field 'id': no such question in {bank.path} "
                                f"(it has {', '.join(by_id)})")
    questions = tuple(_translate_question(path, q, texts[q.id], language) if q.id in texts else q
                      for q in bank.questions)
    return replace(bank, title=data["title"], description=data.get("description", bank.description),
                   questions=questions, language=language)


def _filled(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _translate_question(path: Path, q: Question, raw, language: str) -> Question:
    def fail(field_name, message):
        return QuizBankError(f"{path}: question '{q.id}', field '{field_name}': {message}")

    if not isinstance(raw, dict):
        raise fail("(whole entry)", "expected a mapping of field -> translated text")
    english = {name: getattr(q, name) for name in TEXT_FIELDS if getattr(q, name)}
    if q.options:
        english["options"] = q.options
    if q.items:
        english["items"] = q.items
    for name in raw:
        if name not in english:
            why = "not translatable" if name not in (*TEXT_FIELDS, "options", "items") else "the English question has none"
            raise fail(name, why)
    for name in english:
        if name not in raw:
            raise fail(name, "missing: a translated question translates every text field of the English")
    changes = {}
    for name in TEXT_FIELDS:
        if name in raw:
            if not _filled(raw[name]):
                raise fail(name, "empty translation")
            changes[name] = raw[name]
    if "items" in raw:
        items = raw["items"]
        if not isinstance(items, list) or len(items) != len(q.items):
            raise fail("items", f"expected a list of {len(q.items)} items, as in the English, in the same order")
        for n, item in enumerate(items, start=1):
            if not _filled(item):
                raise fail(f"items.{n}", "empty translation")
        if len(set(items)) != len(items):
            raise fail("items", "two items have the same text")
        changes["items"] = tuple(items)
    if "options" in raw:
        changes["options"] = _translate_options(fail, q.options, raw["options"])
    return replace(q, **changes, language=language)


def _translate_options(fail, options: tuple[Option, ...], raw) -> tuple[Option, ...]:
    if not isinstance(raw, list) or len(raw) != len(options):
        raise fail("options", f"expected a list of {len(options)} options, as in the English, in the same order")
    translated = []
    for n, (option, given) in enumerate(zip(options, raw), start=1):
        where = f"options.{n}"
        if not isinstance(given, dict):
            raise fail(where, "expected a mapping with text (and feedback where the English has it)")
        for name in given:
            if name not in OPTION_FIELDS:
                raise fail(f"{where}.{name}", "not translatable")
        wanted = ["text", *(["feedback"] if option.feedback else [])]
        for name in wanted:
            if name not in given:
                raise fail(f"{where}.{name}", "missing: a translated option translates every text field of the English")
            if not _filled(given[name]):
                raise fail(f"{where}.{name}", "empty translation")
        if "feedback" in given and not option.feedback:
            raise fail(f"{where}.feedback", "the English option has none")
        translated.append(replace(option, text=given["text"], feedback=given.get("feedback", "")))
    texts = [o.text for o in translated]
    if len(set(texts)) != len(texts):
        raise fail("options", "two options have the same text")
    return tuple(translated)


def untranslated(library: Library) -> dict[str, list[str]]:
    """Per bank, the ids of the questions still in English in a library loaded in another language."""
    if library.language == "en":
        return {}
    gaps = {bank.id: [q.id for q in bank.questions if q.language != library.language] for bank in library.banks.values()}
    return {bank_id: ids for bank_id, ids in gaps.items() if ids}
