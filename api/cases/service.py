"""Queries and changes of cases. Every change and every view goes through `log_event`, in the
same transaction as the change itself (nothing here commits; the caller does, once)."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, not_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload, undefer_group

from api.cases import workflow
from api.cases.models import Case, CaseEvent, ErasedConversation, Note
from api.cases.schemas import CaseIn, CasePatch
from api.users.models import Role, User
from api.ids import parse_row_id
from api.text import clean_text
from bot.personnummer import mask_personnummer

PERSONAL_FIELDS = ("situation", "employer", "previous_support", "eligibility", "career", "summary_sv",
                   "action_plan_draft")


def masked(value: Any) -> Any:
    """Every string inside, with personnummer-like strings masked (never stored, whoever sends)
    and control characters removed (api/text.py)."""
    if isinstance(value, str):
        return mask_personnummer(clean_text(value))
    if isinstance(value, list):
        return [masked(v) for v in value]
    if isinstance(value, dict):
        return {clean_text(k): masked(v) for k, v in value.items()}
    return value


class CaseGone(Exception):
    """The person asked for deletion; this conversation gets no case."""


class BadRequest(ValueError):
    """A change that cannot be made as asked; the message is Swedish."""


def log_event(session: Session, case_id: int | None, action: str, *, user: User | None = None,
              actor: str | None = None, detail: dict[str, Any] | None = None) -> None:
    session.add(CaseEvent(case_id=case_id, action=action, actor=actor or ("user" if user else "system"),
                          user_id=user.id if user else None, detail=detail or {}))


def overdue_clause(now: datetime) -> ColumnElement[bool]:
    return and_(Case.status.in_(workflow.OPEN), Case.contact_deadline < now)


def create_case(session: Session, data: CaseIn, now: datetime, contact_days: int) -> tuple[Case, bool]:
    """Idempotent per conversation: returns (case, created)."""
    existing = session.scalar(select(Case).where(Case.conversation_id == data.conversation_id))
    if existing is not None:
        return existing, False
    if session.get(ErasedConversation, data.conversation_id) is not None:
        raise CaseGone(data.conversation_id)
    fields = masked(data.model_dump(mode="json", by_alias=True))
    case = Case(conversation_id=data.conversation_id, status="new", created_at=now, updated_at=now,
                contact_deadline=now + timedelta(days=contact_days), complete=data.complete,
                recommended_service=data.recommended_service, person=fields["person"],
                situation=fields["situation"], employer=fields["employer"],
                employments=fields["employments"], skippable_periods=fields["skippable_periods"],
                previous_support=fields["previous_support"], eligibility=fields["eligibility"],
                career=fields["career"], summary_sv=fields["summary_sv"],
                action_plan_draft=fields["action_plan_draft"], transcript=fields["transcript"])
    try:
        with session.begin_nested():  # two deliveries racing: the second meets the unique key
            session.add(case)
            session.flush()
    except IntegrityError:
        existing = session.scalar(select(Case).where(Case.conversation_id == data.conversation_id))
        if existing is None:
            raise
        return existing, False
    case.reference = f"OMS-{now.year}-{case.id:06d}"
    log_event(session, case.id, "created", actor="bot",
              detail={"recommended_service": case.recommended_service, "complete": case.complete})
    return case, True


def list_cases(session: Session, user: User, now: datetime, *, status: str | None = None,
               overdue: bool | None = None, recommended_service: str | None = None,
               assigned_to: str | None = None, page: int = 1, page_size: int = 50) -> tuple[list[Case], int]:
    where: list[ColumnElement[bool]] = []
    if status:
        where.append(Case.status == status)
    if overdue is True:
        where.append(overdue_clause(now))
    elif overdue is False:
        where.append(not_(overdue_clause(now)))
    if recommended_service:
        where.append(Case.recommended_service == recommended_service)
    if assigned_to == "me":
        where.append(Case.assigned_to_id == user.id)
    elif assigned_to == "none":
        where.append(Case.assigned_to_id.is_(None))
    elif assigned_to:
        user_id = parse_row_id(assigned_to)
        if user_id is None:
            raise BadRequest("assigned_to ska vara ett användar-id, ”me” eller ”none”.")
        where.append(Case.assigned_to_id == user_id)
    total = session.scalar(select(func.count()).select_from(Case).where(*where)) or 0
    # The most urgent first: the nearest (or most passed) contact deadline.
    cases = list(session.scalars(select(Case).where(*where).order_by(Case.contact_deadline, Case.id)
                                 .limit(page_size).offset((page - 1) * page_size)))
    log_event(session, None, "listed", user=user,
              detail={"filters": {"status": status, "overdue": overdue, "recommended_service": recommended_service,
                                  "assigned_to": assigned_to, "page": page},
                      "case_ids": [c.id for c in cases]})
    return cases, total


def load_full(session: Session, case_id: int) -> Case | None:
    return session.scalar(select(Case).where(Case.id == case_id).execution_options(populate_existing=True)
                          .options(undefer_group("detail"), selectinload(Case.notes)))


def open_case(session: Session, case_id: int, user: User) -> Case | None:
    """The case with everything in it; the view is logged."""
    case = load_full(session, case_id)
    if case is None:
        return None
    log_event(session, case.id, "viewed", user=user)
    return case


def events_of(session: Session, case_id: int) -> list[CaseEvent]:
    return list(session.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)))


def _assignee(session: Session, user_id: int) -> User:
    assignee = session.get(User, user_id)
    if assignee is None or not assignee.active or assignee.role != Role.advisor:
        raise BadRequest("Ärendet kan bara tilldelas en aktiv rådgivare.")
    return assignee


def update_case(session: Session, case: Case, patch: CasePatch, user: User, now: datetime) -> None:
    """Status and assignee. Assigning a new case makes it `assigned`; `assigned` without an
    assignee takes the advisor making the change; illegal moves raise IllegalTransition."""
    changes: dict[str, Any] = {}
    wanted = patch.status
    if "assigned_to" in patch.model_fields_set:
        if patch.assigned_to is None:
            if case.status == "assigned" and wanted in (None, "new"):
                wanted = "new"  # releasing the case puts it back in the queue
            elif case.status not in ("new",):
                raise BadRequest("Ett ärende som har kontaktats behåller sin rådgivare.")
        else:
            if case.status in ("closed", "withdrawn"):
                raise workflow.IllegalTransition(case.status, "assigned")
            assignee = _assignee(session, patch.assigned_to)
            if case.assigned_to_id != assignee.id:
                changes["assigned_to"] = [case.assigned_to_id, assignee.id]
                case.assigned_to_id = assignee.id
            if case.status == "new" and wanted in (None, "assigned"):
                wanted = "assigned"
    if wanted and wanted != case.status:
        workflow.check(case.status, wanted)
        if wanted == "assigned" and case.assigned_to_id is None:
            _assignee(session, user.id)  # only an advisor can take a case
            case.assigned_to_id = user.id
            changes["assigned_to"] = [None, user.id]
        changes["status"] = [case.status, wanted]
        workflow.apply(case, wanted, now)
    elif wanted is None and not changes:
        raise BadRequest("Ange status eller rådgivare.")
    if changes:
        case.updated_at = now
        log_event(session, case.id, "changed", user=user, detail=changes)


def add_note(session: Session, case: Case, text: str, user: User, now: datetime) -> Note:
    if case.status == "withdrawn" or case.purged_at is not None:
        raise workflow.IllegalTransition(case.status, case.status,
                                         "Ärendets personuppgifter är raderade; anteckningar går inte att lägga till.")
    note = Note(case_id=case.id, author_id=user.id, created_at=now, text=mask_personnummer(clean_text(text)))
    session.add(note)
    session.flush()
    case.updated_at = now
    log_event(session, case.id, "note_added", user=user, detail={"note_id": note.id})
    return note


def erase(case: Case) -> None:
    """Removes every personal field; keeps reference, status, dates and the service."""
    case.person = {}
    for name in PERSONAL_FIELDS:
        setattr(case, name, None)
    case.employments, case.skippable_periods, case.transcript = [], [], []
    case.notes.clear()


def withdraw(session: Session, conversation_id: str, now: datetime) -> Case | None:
    """The person asked the bot to delete their data: the case (if any) becomes `withdrawn` and
    its personal data is erased; with no case yet, a later one for this conversation is refused."""
    case = session.scalar(select(Case).where(Case.conversation_id == conversation_id))
    if case is None:
        if session.get(ErasedConversation, conversation_id) is None:
            session.add(ErasedConversation(conversation_id=conversation_id, at=now))
        return None
    if case.status != "withdrawn":
        previous = case.status
        workflow.apply(case, "withdrawn", now)
        erase(case)
        case.updated_at = now
        log_event(session, case.id, "withdrawn", actor="bot", detail={"from": previous})
    return case


def purge_closed(session: Session, retention_days: int, now: datetime) -> list[str]:
    """Erases the personal data of cases closed more than `retention_days` ago."""
    cutoff = now - timedelta(days=retention_days)
    cases = list(session.scalars(select(Case).where(Case.status == "closed", Case.closed_at < cutoff,
                                                    Case.purged_at.is_(None))))
    for case in cases:
        erase(case)
        case.purged_at = case.updated_at = now
        log_event(session, case.id, "purged", actor="system", detail={"retention_days": retention_days})
    return [c.reference or "" for c in cases]
