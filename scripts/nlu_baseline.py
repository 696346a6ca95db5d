"""A plain linear baseline for the intent data: what the examples allow without DIET.

    python scripts/nlu_baseline.py [data/nlu]

Tf-idf of character 2-4-grams and words, a linear SVM, the same 5-fold split idea as
`make nlu-report` (stratified, shuffled, fixed seed). Prints macro-F1: when this baseline and
DIET land close together, more or different examples help more than tuning DIET.
"""
from __future__ import annotations

import sys

from rasa.shared.nlu.training_data.loading import load_data
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline, make_union
from sklearn.svm import LinearSVC


def main() -> None:
    data = load_data(sys.argv[1] if len(sys.argv) > 1 else "data/nlu")
    examples = [m for m in data.intent_examples if m.get("text")]
    texts = [m.get("text").lower() for m in examples]
    intents = [m.get("intent").split("/")[0] for m in examples]
    model = make_pipeline(
        make_union(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True),
                   TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)),
        LinearSVC(C=0.5))
    predicted = cross_val_predict(model, texts, intents,
                                  cv=StratifiedKFold(5, shuffle=True, random_state=0))
    print(f"linear baseline, 5-fold: intent macro-F1 {f1_score(intents, predicted, average='macro'):.3f} "
          f"over {len(texts)} examples, {len(set(intents))} intents")


if __name__ == "__main__":
    main()
