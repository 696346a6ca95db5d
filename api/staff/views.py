"""/api/staff: for role `staff`. Staff never read real people's cases; they may read the cases
their own flow tests created (conversation ids starting with `flowtest-`)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.cases import service
from api.cases.models import Case
from api.cases.schemas import CaseOut
from api.cases.views import _full
from api.db import get_session
from api.flows.runner import PREFIX
from api.users.models import Role, User
from api.users.security import require

router = APIRouter(prefix="/api/staff", tags=["staff"])


@router.get("/flow-cases/{conversation_id}", response_model=CaseOut)
def flow_case(conversation_id: str, user: Annotated[User, Depends(require(Role.staff))],
              session: Annotated[Session, Depends(get_session)]) -> CaseOut:
    case_id = session.scalar(select(Case.id).where(Case.conversation_id == conversation_id))
    if not conversation_id.startswith(PREFIX) or case_id is None:
        raise HTTPException(404, "Inget testärende för det samtalet.")
    case = service.open_case(session, case_id, user)
    session.commit()
    return _full(session, case)
