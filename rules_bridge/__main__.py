"""Command line: python -m rules_bridge evaluate FILE | explain FILE  (FILE may be '-').

Exit 0 with the decision (JSON) or the explanation (text) on stdout; exit 2 with a JSON error
naming the field on stderr for anything malformed. Never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys

from .engine import evaluate
from .explain import explain
from .model import InputError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors are JSON too, exit 2
        _fail(f"usage: {message}", None)


def _fail(message: str, field: str | None) -> None:
    sys.stderr.write(json.dumps({"error": message, "field": field}, ensure_ascii=False) + "\n")
    raise SystemExit(2)


def _read(path: str) -> object:
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"cannot read {path}: {exc}", None)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        _fail(f"invalid JSON: {exc}", None)
    except RecursionError:
        _fail("invalid JSON: nested too deeply", None)


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m rules_bridge", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("evaluate", "explain"):
        cmd = sub.add_parser(name)
        cmd.add_argument("file", help="input JSON file, or - for standard input")
    args = parser.parse_args(argv)
    data = _read(args.file)
    try:
        decision = evaluate(data)
    except InputError as exc:
        _fail(exc.message, exc.field)
    if args.command == "evaluate":
        sys.stdout.write(json.dumps(decision, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(explain(decision) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
