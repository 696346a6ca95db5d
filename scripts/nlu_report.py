"""Summarise `make nlu-report`: intent macro-F1 of the 5-fold cross-validation and of the trained
model on the held-out messages (tests/nlu/holdout.yml), the weakest intents, FAQ selection, and
how the forms would read the same predictions (an answer taken for a digression, or the reverse).
Reads the *_report.json files of `rasa test nlu`, prints the figures and writes
reports/nlu/summary.json (the /staff page shows it).

    python scripts/nlu_report.py reports/nlu [reports/nlu-holdout]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from actions.parsing import DIGRESSIONS, Answer  # noqa: E402

AVERAGES = ("macro avg", "weighted avg", "micro avg", "accuracy")
# What a person says when a form asks them something; the other intents that are not
# digressions (career_guidance, check_eligibility) can be either and are left out.
ANSWERS = {"inform", "inform_employed", "inform_terminated", "inform_fixed_term_ended",
           "inform_self_employed", "inform_sick", "affirm", "deny", "dont_know"}


def form_reading(directory: Path) -> dict | None:
    """In a form the intent only decides "answer or digression" (actions/parsing.py): count the
    messages the forms would misread with these predictions. `correct` is left out: the forms
    handle it themselves."""
    files = [directory / "intent_errors.json", directory / "intent_successes.json"]
    if not files[1].exists():
        return None
    predictions = [p for f in files if f.exists() for p in json.loads(f.read_text())]
    answers = [p for p in predictions if p["intent"] in ANSWERS]
    digressions = [p for p in predictions if p["intent"].split("/")[0] in DIGRESSIONS - {"correct"}]

    def digresses(p: dict) -> bool:
        guess = p["intent_prediction"]
        return Answer(p["text"], guess["name"], guess["confidence"] or 0.0).is_digression

    lost = [p["text"] for p in answers if digresses(p)]
    ignored = [p["text"] for p in digressions if not digresses(p)]
    print(f"  in a form: {len(lost)} of {len(answers)} answers taken for a digression, "
          f"{len(ignored)} of {len(digressions)} digressions taken for an answer")
    for text in lost[:5]:
        print(f"    answer taken for a digression: {text}")
    for text in ignored[:5]:
        print(f"    digression taken for an answer: {text}")
    return {"answers": len(answers), "answers_taken_for_digressions": len(lost),
            "digressions": len(digressions), "digressions_taken_for_answers": len(ignored)}


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
    reading = form_reading(directory)
    if reading:
        out["form_reading"] = reading
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
