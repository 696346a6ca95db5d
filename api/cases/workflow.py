"""The case status workflow, in one place.

    new ──► assigned ──► contacted ──► closed
     ▲         │
     └─────────┘ (released back to the queue)
    any status except withdrawn ──► withdrawn  (only by erasure, see service.withdraw)

Every other move is illegal (409). Each legal move stamps its time; `overdue` is derived from
the deadline, never stored, so it cannot go stale."""
from __future__ import annotations

from datetime import datetime

from api.cases.models import Case

TRANSITIONS: dict[str, frozenset[str]] = {
    "new": frozenset({"assigned"}),
    "assigned": frozenset({"new", "contacted"}),
    "contacted": frozenset({"closed"}),
    "closed": frozenset(),
    "withdrawn": frozenset(),
}
OPEN = ("new", "assigned")  # not yet contacted: these can be overdue

STATUS_SV = {"new": "ny", "assigned": "tilldelad", "contacted": "kontaktad", "closed": "avslutad",
             "withdrawn": "återkallad"}


class IllegalTransition(Exception):
    def __init__(self, current: str, wanted: str, why: str | None = None):
        self.current, self.wanted = current, wanted
        super().__init__(why or f"Ett ärende som är {STATUS_SV.get(current, current)} kan inte bli "
                               f"{STATUS_SV.get(wanted, wanted)}.")


def is_overdue(case: Case, now: datetime) -> bool:
    return case.status in OPEN and now > case.contact_deadline


def check(current: str, wanted: str) -> None:
    if wanted == "withdrawn":
        raise IllegalTransition(current, wanted, "Ett ärende återkallas bara när personen ber om att "
                                                 "få sina uppgifter raderade.")
    if wanted not in TRANSITIONS.get(current, frozenset()):
        raise IllegalTransition(current, wanted)


def apply(case: Case, wanted: str, now: datetime) -> None:
    """Moves `case` to `wanted` (already checked) and stamps the time."""
    case.status = wanted
    if wanted == "assigned":
        case.assigned_at = now
    elif wanted == "new":
        case.assigned_to_id, case.assigned_at = None, None
    elif wanted == "contacted":
        case.contacted_at = now
    elif wanted == "closed":
        case.closed_at = now
    elif wanted == "withdrawn":
        case.withdrawn_at = now
