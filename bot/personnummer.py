"""Personnummer and samordningsnummer masking. Standard library only: the Rasa channel, the
action server and the API (case fields, advisors' notes) all use this one definition."""
from __future__ import annotations

import re

MASK = "[personnummer borttaget]"
_PNR_RE = re.compile(
    r"(?<![\d])(?P<century>19|20)?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    r"(?P<sep>[-+ ]?)(?P<last>\d{4})(?![\d])")


def _luhn_ok(ten_digits: str) -> bool:
    total = 0
    for i, ch in enumerate(ten_digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _plausible_date(mm: str, dd: str) -> bool:
    month, day = int(mm), int(dd)
    if day > 60:  # samordningsnummer: day + 60
        day -= 60
    return 1 <= month <= 12 and 1 <= day <= 31


def looks_like_personnummer(match: re.Match[str]) -> bool:
    if not _plausible_date(match["mm"], match["dd"]):
        return False
    ten = match["yy"] + match["mm"] + match["dd"] + match["last"]
    explicit = bool(match["century"]) or match["sep"] in ("-", "+")
    # Written like a personnummer (12 digits or YYMMDD-XXXX): mask even with a typo in it.
    # A bare 10-digit number may be a phone number: mask it only when its check digit fits.
    return explicit or _luhn_ok(ten)


def mask_personnummer(text: str) -> str:
    """Replace every personnummer- or samordningsnummer-like string with a marker."""
    return _PNR_RE.sub(lambda m: MASK if looks_like_personnummer(m) else m.group(0), text)


def contains_personnummer(text: str) -> bool:
    return any(looks_like_personnummer(m) for m in _PNR_RE.finditer(text))
