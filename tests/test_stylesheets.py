"""The book's own stylesheets parse as written: every rule is closed and none is nested by accident.

An unclosed brace is not an error in CSS: the browser reads every later rule as nested inside the open
one, where it matches nothing, so the fixes below it silently stop applying.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import tinycss2

ROOT = Path(__file__).resolve().parents[1]
STYLESHEETS = sorted((ROOT / "src" / "treaty_toolkit").rglob("*.css"))
# At-rules whose block holds rules rather than declarations.
GROUPING = {"media", "supports", "layer", "container"}
# At-rules whose declarations may sit beside at-rules of their own (@page's margin boxes, @bottom-center …).
WITH_AT_RULES = {"page"}


def problems(css: str) -> list[str]:
    found = []

    def check_rules(rules, where):
        for rule in rules:
            if rule.type == "error":
                found.append(f"{where}: {rule.message} (line {rule.source_line})")
            elif rule.type == "qualified-rule":
                check_declarations(rule, tinycss2.serialize(rule.prelude).strip())
            elif rule.type == "at-rule" and rule.content is not None:
                if rule.lower_at_keyword in GROUPING:
                    check_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
                                f"@{rule.lower_at_keyword}")
                else:
                    check_declarations(rule, f"@{rule.lower_at_keyword}", rule.lower_at_keyword in WITH_AT_RULES)

    def check_declarations(rule, selector, at_rules_allowed=False):
        for item in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
            if item.type == "error":
                found.append(f"{selector} (line {rule.source_line}): {item.message}")
            elif item.type == "at-rule" and at_rules_allowed:
                check_declarations(item, f"{selector} @{item.lower_at_keyword}")
            elif item.type in ("qualified-rule", "at-rule"):
                found.append(f"{selector} (line {rule.source_line}) holds a nested rule at line {item.source_line}: "
                             "is a closing brace missing?")

    check_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), "top level")
    return found


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_stylesheet_parses_with_every_rule_closed(path):
    assert problems(path.read_text(encoding="utf-8")) == [], path


def test_a_missing_closing_brace_is_found():
    css = "a { color: red;\n\n/* later fix */\np { margin: 0; }\n"
    assert any("nested rule" in problem for problem in problems(css))
    assert problems("a { color: red; }\n@media print { p { margin: 0; } }\n") == []
    assert problems("@page { margin: 1cm; @bottom-center { content: counter(page); } }\n") == []
    assert problems("@page { margin: 1cm; p { margin: 0; } }\n") != []


def test_the_stylesheets_are_found():
    names = {path.name for path in STYLESHEETS}
    assert {"platform.css", "print.css", "quiz.css", "figures.css"} <= names
