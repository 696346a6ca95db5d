"""The engine's modules compiled with mypyc, from the very same source, for speed (issue #3).

    python -m rules_bridge.build_native    # make rules-native; needs mypy and a C compiler

The Python source is the engine; the compiled modules are a faster way to run it. They go to
`rules_bridge/_native/<python>/` with the SHA-256 of the source they were built from, and the
package uses them only while that digest matches the source beside it: an edited rule is never
shadowed by an old build. `RULES_BRIDGE_PURE=1` runs the plain Python whatever is built, which is
how the tests compare the two decision by decision (tests/rules_bridge/test_native.py).
"""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The modules a decision runs through. explain, the command line and this file stay Python.
COMPILED = ("engine", "model", "months", "params", "rules", "texts_sv", "work")
STAMP = "SOURCE_SHA256"
GROUP = "rules_bridge_native"


def source_digest() -> str:
    digest = hashlib.sha256()
    for name in COMPILED:
        digest.update(name.encode() + b"\0" + (HERE / f"{name}.py").read_bytes())
    return digest.hexdigest()


def build_dir() -> Path:
    return HERE / "_native" / sys.implementation.cache_tag


def activate(package_path: list[str]) -> bool:
    """Put an up-to-date compiled build first on the package's path; False runs plain Python."""
    if os.environ.get("RULES_BRIDGE_PURE"):
        return False
    where = build_dir()
    try:
        built_from = (where / STAMP).read_text().strip()
    except OSError:
        return False
    if built_from != source_digest():
        return False
    package_path.insert(0, str(where / "rules_bridge"))
    if str(where) not in sys.path:
        sys.path.append(str(where))  # the group's shared library is a top-level module
    return True
