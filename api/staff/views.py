"""/api/staff: for role `staff`. Staff never read real people's cases; they may read the cases
their own flow tests created (conversation ids starting with `flowtest-`). They run the flows
of tests/flows against the running bot and read the latest NLU evaluation (make nlu-report)."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.cases import service
from api.cases.models import Case
from api.cases.schemas import CaseOut
from api.cases.views import _full
from api.db import get_session
from api.flows.model import FlowError, load_all
from api.flows.runner import PREFIX, Bot, run_flow
from api.users.models import Role, User
from api.users.security import require

router = APIRouter(prefix="/api/staff", tags=["staff"])
Staff = Annotated[User, Depends(require(Role.staff))]
DB = Annotated[Session, Depends(get_session)]
ROOT = Path(__file__).resolve().parents[2]


def _flows_dir(request: Request) -> Path:
    return Path(request.app.state.settings.flows_dir)


def _nlu_dir(request: Request) -> Path:
    return Path(request.app.state.settings.reports_dir) / "nlu"


def _flow_case(session: Session, conversation_id: str, user: User) -> CaseOut | None:
    case_id = session.scalar(select(Case.id).where(Case.conversation_id == conversation_id))
    if not conversation_id.startswith(PREFIX) or case_id is None:
        return None
    case = service.open_case(session, case_id, user)
    session.commit()
    return _full(session, case) if case else None


@router.get("/flow-cases/{conversation_id}", response_model=CaseOut)
def flow_case(conversation_id: str, user: Staff, session: DB) -> CaseOut:
    case = _flow_case(session, conversation_id, user)
    if case is None:
        raise HTTPException(404, "Inget testärende för det samtalet.")
    return case


class FlowInfo(BaseModel):
    file: str
    name: str
    description: str | None
    turns: int


class RunIn(BaseModel):
    names: list[str] | None = Field(None, description="the flows to run; all when left out")


def _load(request: Request) -> list[tuple[Path, Any]]:
    try:
        return load_all([_flows_dir(request)])
    except (FlowError, OSError) as exc:
        raise HTTPException(500, f"Flödesfilerna kunde inte läsas: {exc}") from None


@router.get("/flows", response_model=list[FlowInfo])
def list_flows(request: Request, _: Staff) -> list[FlowInfo]:
    return [FlowInfo(file=path.name, name=flow.name, description=flow.description, turns=len(flow.turns))
            for path, flow in _load(request)]


@router.post("/flows/run")
def run_flows(body: RunIn, request: Request, user: Staff, session: DB) -> dict[str, Any]:
    flows = [flow for _, flow in _load(request) if body.names is None or flow.name in body.names]
    unknown = set(body.names or []) - {flow.name for flow in flows}
    if unknown:
        raise HTTPException(422, f"Okänt flöde: {', '.join(sorted(unknown))}")
    settings = request.app.state.settings

    def read_case(conversation_id: str) -> dict[str, Any] | None:
        case = _flow_case(session, conversation_id, user)
        return case.model_dump(mode="json") if case else None

    bot = Bot(settings.rasa_url, settings.rasa_token, case_reader=read_case, timeout=settings.upstream_timeout_s)
    results = [run_flow(flow, bot) for flow in flows]
    return {"passed": sum(r.ok for r in results), "failed": sum(not r.ok for r in results),
            "results": [{**asdict(r), "ok": r.ok, "turns": [{**asdict(t), "ok": t.ok} for t in r.turns]}
                        for r in results]}


@router.get("/nlu")
def nlu_summary(request: Request, _: Staff) -> dict[str, Any]:
    summary = _nlu_dir(request) / "summary.json"
    if not summary.exists():
        return {"available": False}
    data = json.loads(summary.read_text())
    return {"available": True, **data,
            "confusion_matrix": (_nlu_dir(request) / "intent_confusion_matrix.png").exists()}


@router.get("/nlu/confusion-matrix.png", response_class=FileResponse)
def confusion_matrix(request: Request, _: Staff) -> FileResponse:
    picture = _nlu_dir(request) / "intent_confusion_matrix.png"
    if not picture.exists():
        raise HTTPException(404, "Ingen NLU-utvärdering ännu. Kör make nlu-report.")
    return FileResponse(picture, media_type="image/png")
