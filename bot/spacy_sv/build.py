"""Build the Swedish spaCy pipeline the bot uses, from what the package registries have.

`sv_core_news_sm` is not installable here, so we assemble `sv_vagvisaren`: spaCy's Swedish
language data (tokenizer exceptions, stop words) plus a lookup lemmatizer whose table comes
from spacy-lookups-data. It is packaged and pip-installed, so `spacy.load("sv_vagvisaren")`
works from any directory, exactly like `sv_core_news_sm` would (config.yml: SpacyNLP.model).

    python -m bot.spacy_sv.build OUTPUT_DIR     # writes OUTPUT_DIR/dist/sv_vagvisaren-<v>.tar.gz
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import spacy

NAME = "vagvisaren"
VERSION = "1.0.0"


def build_pipeline() -> "spacy.Language":
    nlp = spacy.blank("sv")
    # Lookup mode: the rule mode needs part-of-speech tags, which a blank pipeline lacks.
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads sv_lemma_lookup from spacy-lookups-data into the pipeline
    nlp.meta.update({
        "name": NAME, "version": VERSION,
        "description": "Swedish tokenizer and lookup lemmatizer for Vägvisaren (spaCy language data + spacy-lookups-data)",
        "license": "MIT", "author": "Vägvisaren",
    })
    return nlp


def main(output: str) -> None:
    out = Path(output)
    model_dir = out / "pipeline"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    build_pipeline().to_disk(model_dir)
    # The function, not `spacy package`: spaCy 3.4's CLI breaks with newer click releases.
    from spacy.cli.package import package
    package(model_dir, out, name=NAME, version=VERSION, create_sdist=True, create_wheel=False,
            force=True, silent=True)
    dist = next((out / f"sv_{NAME}-{VERSION}" / "dist").glob("*.tar.gz"))
    target = out / "dist"
    target.mkdir(exist_ok=True)
    shutil.copy(dist, target / dist.name)
    print(target / dist.name)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".build/spacy")
