"""A module-level name defined twice silently replaces the first definition: it happened twice
with the word-list regexes of actions/parsing.py (`_OWN_AGE`, `_NOT_A_PLACE_NAME`), each time
switching off what the first one read. Every module of the project is checked."""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
MODULES = sorted(p for folder in ("actions", "bot", "rules_bridge", "api", "scripts")
                 for p in (ROOT / folder).rglob("*.py"))


def defined_twice(source: str) -> list[str]:
    names: Counter[str] = Counter()
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, ast.AnnAssign) else []
        names.update(t.id for t in targets if isinstance(t, ast.Name))
    return sorted(name for name, count in names.items() if count > 1)


def test_the_check_finds_a_shadowed_name() -> None:
    assert defined_twice("import re\n_A = re.compile('a')\ndef f(): pass\n_A = re.compile('b')\n") == ["_A"]
    assert defined_twice("_A = 1\n_B = 2\n") == []


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_level_name_is_defined_twice(module: Path) -> None:
    assert defined_twice(module.read_text(encoding="utf-8")) == []
