"""Row ids as the outside may send them: whole numbers within the databases' INTEGER (PostgreSQL's
is 32-bit), so an id of 10**30 is a 422, not a database error."""
from __future__ import annotations

from typing import Annotated

from fastapi import Path

ROW_ID_MAX = 2**31 - 1
RowId = Annotated[int, Path(ge=1, le=ROW_ID_MAX)]


def parse_row_id(text: str) -> int | None:
    """'123' → 123; anything else (other digits, too large) → None."""
    if text.isascii() and text.isdigit() and 1 <= int(text) <= ROW_ID_MAX:
        return int(text)
    return None
