"""Summarise `make nlu-report`: intent macro-F1 of the 5-fold cross-validation and of the trained
model on the held-out messages (tests/nlu/holdout.yml), the weakest intents, FAQ selection.
Reads the *_report.json files of `rasa test nlu`, prints the figures and writes
reports/nlu/summary.json (the /staff page shows it).

    python scripts/nlu_report.py reports/nlu [reports/nlu-holdout]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

AVERAGES = ("macro avg", "weighted avg", "micro avg", "accuracy")


def scores(directory: Path, label: str) -> dict:
    intents = json.loads((directory / "intent_report.json").read_text())
    per_intent = {k: v for k, v in intents.items() if isinstance(v, dict) and "f1-score" in v
                  and k not in AVERAGES}
    macro = intents["macro avg"]["f1-score"]
    weakest = sorted(per_intent.items(), key=lambda kv: kv[1]["f1-score"])[:5]
    print(f"intent macro-F1 ({label}): {macro:.3f} (target >= 0.95)")
    for name, s in weakest:
        print(f"  weakest: {name:28s} F1 {s['f1-score']:.3f}  (support {s['support']})")
    out = {"intent_macro_f1": macro, "examples": int(intents["macro avg"]["support"]),
           "weakest": [{"intent": n, "f1": s["f1-score"]} for n, s in weakest]}
    selector = directory / "response_selection_report.json"
    if selector.exists():
        rs = json.loads(selector.read_text())
        out["faq_macro_f1"] = rs["macro avg"]["f1-score"]
        print(f"  FAQ answer selection macro-F1: {out['faq_macro_f1']:.3f}")
    return out


def main() -> None:
    cv_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "reports/nlu")
    summary = scores(cv_dir, "5-fold cross-validation, config_nlu_testing.yml")
    if len(sys.argv) > 2 and (Path(sys.argv[2]) / "intent_report.json").exists():
        # The product's model, fallback included: a message it sends to the fallback counts as
        # not understood.
        summary["holdout"] = scores(Path(sys.argv[2]), "held-out messages, the trained model")
    (cv_dir / "summary.json").write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
