"""/api/cases: created by the bot (service token), worked by advisors (role `advisor`)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.ids import RowId
from api.cases import service, workflow
from api.cases.models import Case, CaseEvent, Note
from api.cases.schemas import (Assignee, CaseIn, CaseOut, CasePage, CasePatch, CaseSummary, Created,
                               EventOut, NoteIn, NoteOut, Service, Status, Withdrawal, WithdrawalOut)
from api.db import get_session, utcnow
from api.users.models import Role, User
from api.users.security import require, require_bot

router = APIRouter(prefix="/api/cases", tags=["cases"])
DB = Annotated[Session, Depends(get_session)]
Advisor = Annotated[User, Depends(require(Role.advisor))]
NOT_FOUND = "Ärendet finns inte."


def _summary_fields(case: Case, now) -> dict:  # type: ignore[no-untyped-def]
    person = case.person or {}
    return dict(id=case.id, reference=case.reference, status=case.status,
                overdue=workflow.is_overdue(case, now), created_at=case.created_at,
                contact_deadline=case.contact_deadline, recommended_service=case.recommended_service,
                complete=case.complete, name=person.get("name"), municipality=person.get("municipality"),
                assigned_to=Assignee(id=case.assigned_to.id, email=case.assigned_to.email) if case.assigned_to else None)


def _note(note: Note) -> NoteOut:
    return NoteOut(id=note.id, created_at=note.created_at, author=note.author.email, text=note.text)


def _event(event: CaseEvent, users: dict[int, str]) -> EventOut:
    return EventOut(at=event.at, actor=event.actor, user=users.get(event.user_id) if event.user_id else None,
                    action=event.action, detail=event.detail or {})


def _full(session: Session, case: Case) -> CaseOut:
    now = utcnow()
    events = service.events_of(session, case.id)
    ids = {e.user_id for e in events if e.user_id}
    users = {u.id: u.email for u in session.query(User).filter(User.id.in_(ids))} if ids else {}
    allowed = sorted(workflow.TRANSITIONS.get(case.status, frozenset()))
    return CaseOut(**_summary_fields(case, now), conversation_id=case.conversation_id,
                   updated_at=case.updated_at, assigned_at=case.assigned_at, contacted_at=case.contacted_at,
                   closed_at=case.closed_at, withdrawn_at=case.withdrawn_at, person=case.person or {},
                   situation=case.situation, employer=case.employer, employments=case.employments or [],
                   skippable_periods=case.skippable_periods or [], previous_support=case.previous_support,
                   eligibility=case.eligibility, career=case.career, summary_sv=case.summary_sv,
                   action_plan_draft=case.action_plan_draft, transcript=case.transcript or [],
                   notes=[_note(n) for n in case.notes], audit=[_event(e, users) for e in events],
                   allowed_statuses=allowed)


@router.post("", response_model=Created, status_code=201, dependencies=[Depends(require_bot)],
             responses={200: {"model": Created, "description": "The conversation's existing case"},
                        410: {"description": "The person asked for deletion; no case"}})
def create(body: CaseIn, request: Request, response: Response, session: DB) -> Created:
    try:
        case, created = service.create_case(session, body, utcnow(), request.app.state.settings.contact_days)
    except service.CaseGone:
        raise HTTPException(410, "Personen har bett om att få sina uppgifter raderade; inget ärende skapas.") from None
    session.commit()
    if not created:
        response.status_code = 200
    return Created(id=case.id, reference=case.reference or "")


@router.post("/withdrawals", response_model=WithdrawalOut, dependencies=[Depends(require_bot)])
def withdraw(body: Withdrawal, session: DB) -> WithdrawalOut:
    """The person asked the bot to delete their data."""
    case = service.withdraw(session, body.conversation_id, utcnow())
    session.commit()
    return WithdrawalOut(conversation_id=body.conversation_id, reference=case.reference if case else None,
                         status="withdrawn")


@router.get("", response_model=CasePage)
def list_cases(user: Advisor, session: DB,
               status: Status | None = None, overdue: bool | None = None,
               recommended_service: Service | None = None,
               assigned_to: Annotated[str | None, Query(max_length=20, description="user id, me or none")] = None,
               page: Annotated[int, Query(ge=1, le=100_000)] = 1,
               page_size: Annotated[int, Query(ge=1, le=100)] = 50) -> CasePage:
    now = utcnow()
    try:
        cases, total = service.list_cases(session, user, now, status=status, overdue=overdue,
                                          recommended_service=recommended_service, assigned_to=assigned_to,
                                          page=page, page_size=page_size)
    except service.BadRequest as exc:
        raise HTTPException(422, str(exc)) from None
    session.commit()  # the audit event of the view
    return CasePage(items=[CaseSummary(**_summary_fields(c, now)) for c in cases], total=total,
                    page=page, page_size=page_size)


@router.get("/{case_id}", response_model=CaseOut)
def get_case(case_id: RowId, user: Advisor, session: DB) -> CaseOut:
    case = service.open_case(session, case_id, user)
    if case is None:
        raise HTTPException(404, NOT_FOUND)
    session.commit()
    return _full(session, case)


def _load(session: Session, case_id: int) -> Case:
    # Concurrent edits of one case queue up on PostgreSQL (the row lock, not the joined user's).
    case = session.scalar(select(Case).where(Case.id == case_id).with_for_update(of=Case))
    if case is None:
        raise HTTPException(404, NOT_FOUND)
    return case


@router.patch("/{case_id}", response_model=CaseOut, responses={409: {"description": "Illegal status change"}})
def change(case_id: RowId, body: CasePatch, user: Advisor, session: DB) -> CaseOut:
    case = _load(session, case_id)
    try:
        service.update_case(session, case, body, user, utcnow())
    except workflow.IllegalTransition as exc:
        raise HTTPException(409, str(exc)) from None
    except service.BadRequest as exc:
        raise HTTPException(422, str(exc)) from None
    session.commit()
    return _full(session, service.load_full(session, case_id) or case)


@router.post("/{case_id}/notes", response_model=NoteOut, status_code=201)
def add_note(case_id: RowId, body: NoteIn, user: Advisor, session: DB) -> NoteOut:
    case = _load(session, case_id)
    try:
        note = service.add_note(session, case, body.text.strip(), user, utcnow())
    except workflow.IllegalTransition as exc:
        raise HTTPException(409, str(exc)) from None
    session.commit()
    return _note(note)
