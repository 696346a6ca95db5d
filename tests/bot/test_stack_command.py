"""The command scripts/stack.py starts Rasa with, read by Rasa's own argument parser."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from rasa.__main__ import create_argument_parser

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "stack.py"


def test_a_random_token_beginning_with_a_dash_still_starts_rasa() -> None:
    spec = importlib.util.spec_from_file_location("stack_script", SCRIPT)
    stack = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stack)  # type: ignore[union-attr]
    token = "-Xq3_secrets.token_urlsafe-can-start-like-this"  # as one CI run's token did
    command = stack.rasa_command(Path("/venv/bin"), "models/m.tar.gz", token, 5005, "endpoints.yml")
    parsed = create_argument_parser().parse_args(command[1:])
    assert parsed.auth_token == token and parsed.port == 5005 and parsed.endpoints == "endpoints.yml"
