"""The engine compiled with mypyc (rules_bridge/native.py) is the one that runs, decides exactly
as the Python source does, and is never used once the source has changed."""
from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import rules_bridge
from rules_bridge import native

ROOT = Path(__file__).resolve().parents[2]


def engine_in(cwd: Path, **env: str) -> str:
    done = subprocess.run([sys.executable, "-c", "import rules_bridge; print(rules_bridge.ENGINE)"],
                          cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_the_compiled_engine_is_built_and_in_use() -> None:
    # `make test-rules` builds it first (make rules-native); without it this fails, by design.
    assert rules_bridge.ENGINE == "mypyc"
    for name in native.COMPILED:
        module = importlib.import_module(f"rules_bridge.{name}")
        assert str(native.build_dir()) in str(module.__spec__.origin), name
        assert module.__spec__.origin.endswith(".so"), name


def test_the_python_source_runs_when_asked() -> None:
    assert engine_in(ROOT, RULES_BRIDGE_PURE="1") == "python"


def test_compiled_and_python_decide_the_same_on_7600_inputs(tmp_path: Path) -> None:
    # The decision table, the benchmark's histories, generated and broken applications: each
    # decision or error must be byte-identical.
    script = str(ROOT / "scripts" / "rules_regression.py")
    baseline = tmp_path / "python.txt"
    pure = subprocess.run([sys.executable, script, "--write", str(baseline)], cwd=ROOT,
                          env={**os.environ, "RULES_BRIDGE_PURE": "1"}, capture_output=True, text=True)
    assert pure.returncode == 0 and "(engine: python)" in pure.stdout, pure.stdout + pure.stderr
    compiled = subprocess.run([sys.executable, script, str(baseline)], cwd=ROOT,
                              capture_output=True, text=True)
    assert "engine: mypyc;" in compiled.stdout and " 0 differ;" in compiled.stdout, compiled.stdout
    assert compiled.returncode == 0


def copy_of_the_package(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "rules_bridge", tmp_path / "rules_bridge",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "rules_bridge"


def test_a_build_of_the_same_source_is_used_wherever_the_package_lies(tmp_path: Path) -> None:
    copy_of_the_package(tmp_path)
    assert engine_in(tmp_path) == "mypyc"


def test_a_build_of_other_source_is_never_used(tmp_path: Path) -> None:
    package = copy_of_the_package(tmp_path)
    rules = package / "rules.py"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# an edited rule\n", encoding="utf-8")
    assert engine_in(tmp_path) == "python"
