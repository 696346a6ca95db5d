"""How the trained model holds up when the held-out messages are typed the way people chat:
without å/ä/ö, with one or two typing slips, in capitals, with a question mark. Prints, per kind
of noise, how many messages still get their intent (and FAQ answer), the fallback counted as a
miss, and writes the figures to reports/nlu-holdout/noise.json.

    python scripts/nlu_noise.py MODEL tests/nlu/holdout.yml [--show N]

The slips are drawn with a fixed seed, so two runs on the same model print the same figures.
A slip is one of: a letter left out, two letters swapped, a neighbouring key on a Swedish
keyboard; only in words of four letters or more, never the first or last letter.
"""
from __future__ import annotations

import asyncio
import json
import logging
import random
import sys
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the model's bot/ components
from bot.spelling import fold  # noqa: E402

KEYBOARD = ["qwertyuiopå", "asdfghjklöä", "zxcvbnm"]
NEIGHBOURS = {c: [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
              for row in KEYBOARD for i, c in enumerate(row)}


def without_diacritics(text: str, rng: random.Random) -> str:
    return fold(text)


def one_slip(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not candidates:
        return text
    i = rng.choice(candidates)
    word, k = words[i], rng.randrange(1, len(words[i]) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        word = word[:k] + word[k + 1:]
    elif kind == 1:
        word = word[:k] + word[k + 1] + word[k] + word[k + 2:]
    else:
        word = word[:k] + rng.choice(NEIGHBOURS.get(word[k].lower(), [word[k]])) + word[k + 1:]
    words[i] = word
    return " ".join(words)


def chat_style(text: str, rng: random.Random) -> str:
    text = without_diacritics(text, rng).lower().rstrip("?!. ")
    return one_slip(one_slip(text, rng), rng)


NOISE: dict[str, Callable[[str, random.Random], str]] = {
    "as written": lambda text, rng: text,
    "without å/ä/ö": without_diacritics,
    "one slip": one_slip,
    "two slips, no å/ä/ö, lower case": chat_style,
    "CAPITALS": lambda text, rng: text.upper(),
    "question mark": lambda text, rng: text.rstrip("?!. ") + "?",
}


async def main(model: str, holdout: str, show: int) -> None:
    from rasa.core.agent import Agent
    from rasa.shared.nlu.training_data.loading import load_data

    agent = Agent.load(model)
    examples = [(m.get("text"), m.get_full_intent()) for m in load_data(holdout).intent_examples]
    figures = {}
    for name, noise in NOISE.items():
        rng, misses = random.Random(10), []
        for text, label in examples:
            noisy = noise(text, rng)
            parsed = await agent.parse_message(noisy)
            intent = parsed["intent"]["name"]
            if intent == "faq":
                intent = parsed["response_selector"]["faq"]["response"]["intent_response_key"]
            if intent != label:
                misses.append((noisy, label, intent))
        right = len(examples) - len(misses)
        figures[name] = {"right": right, "messages": len(examples)}
        print(f"  {name:34s} {right:4d} of {len(examples)}  ({right / len(examples):.3f})")
        for noisy, label, intent in misses[:show]:
            print(f"      {noisy!r}: {intent} (meant {label})")
    out = Path("reports/nlu-holdout")
    out.mkdir(parents=True, exist_ok=True)
    (out / "noise.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    logging.disable(logging.WARNING)
    args = sys.argv[1:]
    show = int(args[args.index("--show") + 1]) if "--show" in args else 0
    print("held-out messages typed as people chat (intent and FAQ answer right, fallback a miss):")
    asyncio.run(main(args[0], args[1], show))
