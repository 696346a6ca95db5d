"""Compile the engine's modules with mypyc for this Python (see rules_bridge/native.py).

    python -m rules_bridge.build_native    # make rules-native
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from rules_bridge.native import COMPILED, GROUP, HERE, STAMP, build_dir, source_digest

SETUP = """
from setuptools import setup
from mypyc.build import mypycify
setup(name="{group}", ext_modules=mypycify({paths!r}, opt_level="3", group_name="{group}"))
"""


def build() -> Path:
    """Compile in a scratch folder, then replace the build in one rename."""
    target = build_dir()
    with tempfile.TemporaryDirectory() as tmp:
        package = Path(tmp) / "rules_bridge"
        package.mkdir()
        (package / "__init__.py").write_text("")
        for name in COMPILED:
            shutil.copy2(HERE / f"{name}.py", package / f"{name}.py")
        digest = source_digest()
        paths = [f"rules_bridge/{name}.py" for name in COMPILED]
        (Path(tmp) / "setup.py").write_text(SETUP.format(group=GROUP, paths=paths))
        done = subprocess.run([sys.executable, "setup.py", "build_ext", "--inplace"], cwd=tmp,
                              capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"mypyc build failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        staging = target.with_name(target.name + ".new")
        shutil.rmtree(staging, ignore_errors=True)
        (staging / "rules_bridge").mkdir(parents=True)
        for built in Path(tmp).glob(f"{GROUP}__mypyc*.so"):
            shutil.copy2(built, staging / built.name)
        for name in COMPILED:
            [built] = package.glob(f"{name}.*.so")
            shutil.copy2(built, staging / "rules_bridge" / built.name)
        (staging / STAMP).write_text(digest + "\n")
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return target


def main() -> None:
    print(f"rules_bridge: compiled {len(COMPILED)} modules with mypyc into {build_dir()}")
    build()


if __name__ == "__main__":
    main()
