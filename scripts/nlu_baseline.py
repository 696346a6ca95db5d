"""A plain linear baseline for the intent data: what the examples allow without DIET.

    python scripts/nlu_baseline.py [data/nlu] [--pairs N] [--errors INTENT PREDICTED]

Tf-idf of character 2-4-grams and words, a linear SVM, the same 5-fold split idea as
`make nlu-report` (stratified, shuffled, fixed seed). Prints macro-F1: when this baseline and
DIET land close together, more or different examples help more than tuning DIET.

`--pairs N` also prints the per-intent F1 and the N most frequent (written, predicted) pairs;
`--errors A B` lists the examples written as A and predicted as B (use `*` for any), which is
where a data writer looks for examples that say two things or are labelled against the rule.
Both take seconds, so they can be run after every change to the examples.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from rasa.shared.nlu.training_data.loading import load_data
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the model's bot/ components
from bot.intent_blend import text_features  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", nargs="?", default="data/nlu")
    parser.add_argument("--pairs", type=int, default=0, metavar="N")
    parser.add_argument("--errors", nargs=2, metavar=("INTENT", "PREDICTED"))
    args = parser.parse_args()

    data = load_data(args.data)
    examples = [m for m in data.intent_examples if m.get("text")]
    texts = [m.get("text").lower() for m in examples]
    intents = [m.get("intent").split("/")[0] for m in examples]
    # The blend's own features, so a comparison with it is about the classifier alone.
    model = make_pipeline(text_features(), LinearSVC(C=0.5))
    predicted = cross_val_predict(model, texts, intents,
                                  cv=StratifiedKFold(5, shuffle=True, random_state=0))
    print(f"linear baseline, 5-fold: intent macro-F1 {f1_score(intents, predicted, average='macro'):.3f} "
          f"over {len(texts)} examples, {len(set(intents))} intents")

    if args.pairs:
        labels = sorted(set(intents))
        for label, score in sorted(zip(labels, f1_score(intents, predicted, labels=labels,
                                                         average=None)), key=lambda p: p[1]):
            print(f"  {score:.2f}  {label}")
        pairs = Counter((a, b) for a, b in zip(intents, predicted) if a != b)
        print(f"most frequent confusions (written → predicted), {sum(pairs.values())} in all:")
        for (a, b), count in pairs.most_common(args.pairs):
            print(f"  {count:3d}  {a} → {b}")
    if args.errors:
        want, got = args.errors
        for text, a, b, example in zip(texts, intents, predicted, examples):
            if a != b and want in ("*", a) and got in ("*", b):
                written = example.get("intent_response_key") or example.get("intent")
                print(f"  [{written} → {b}] {example.get('text')}")


if __name__ == "__main__":
    main()
