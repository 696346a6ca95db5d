"""rules_bridge: the deterministic eligibility engine for the basic transition and competence
support. Pure Python, no Rasa and no web. Contract: shared/spec/eligibility.md section 5.

    from rules_bridge import evaluate, explain, InputError

ENGINE says how it runs: "mypyc" when the modules compiled from this very source are built
(rules_bridge/native.py, `make rules-native`), otherwise "python".
"""
from . import native as _native

ENGINE = "mypyc" if _native.activate(__path__) else "python"

from .engine import evaluate
from .explain import explain
from .model import InputError
from .params import PARAMETERS

RULES_VERSION = PARAMETERS.rules_version

__all__ = ["evaluate", "explain", "InputError", "RULES_VERSION", "ENGINE"]
