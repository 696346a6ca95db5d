"""Free text from outside, made safe to store and show: Unicode NFC, and no control characters
except tab and newline (a NUL cannot even be stored in PostgreSQL; the others are invisible
tricks). HTML stays as typed: pages always show it as text, never as markup."""
from __future__ import annotations

import re
import unicodedata

# C0 controls except \t and \n, DEL, and the C1 controls; \r\n and \r become \n.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", unicodedata.normalize("NFC", value))
