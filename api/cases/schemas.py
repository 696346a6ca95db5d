"""What the bot sends (CaseIn) and what advisors read (CaseOut, CaseSummary). Sizes are bounded
so a broken or hostile client cannot store megabytes in a case."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from api.ids import ROW_ID_MAX

Service = Literal["radgivning", "forstarkt_stod", "vagledning", "yttrande_csn", "other_organisation", "unclear"]
Status = Literal["new", "assigned", "contacted", "closed", "withdrawn"]
Text = str  # a short free text
# Rasa sender ids as this product makes them (letters, digits, _ - . : @); nothing invisible.
CONVERSATION_ID = r"^[A-Za-z0-9_.:@-]+$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Person(Strict):
    name: str | None = Field(None, max_length=200)
    email: str | None = Field(None, max_length=254)
    phone: str | None = Field(None, max_length=40)
    age: int | None = Field(None, ge=0, le=130)
    municipality: str | None = Field(None, max_length=100)
    meeting_preference: str | None = Field(None, max_length=40)


class Turn(Strict):
    from_: Literal["person", "bot"] = Field(alias="from")
    text: str = Field(max_length=10_000)
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class ActionPlan(Strict):
    goal: str | None = Field(None, max_length=2000)
    activities: list[str] = Field(default_factory=list, max_length=30)
    time_frame: str | None = Field(None, max_length=500)


class CaseIn(Strict):
    conversation_id: str = Field(min_length=1, max_length=64, pattern=CONVERSATION_ID)
    person: Person = Field(default_factory=Person)
    situation: dict[str, Any] | None = None
    employer: dict[str, Any] | None = None
    employments: list[dict[str, Any]] = Field(default_factory=list, max_length=50)
    skippable_periods: list[dict[str, Any]] = Field(default_factory=list, max_length=50)
    previous_support: dict[str, Any] | None = None
    eligibility: dict[str, Any] | None = None
    recommended_service: Service = "unclear"
    career: dict[str, str | None] = Field(default_factory=dict, max_length=20)
    summary_sv: str | None = Field(None, max_length=10_000)
    action_plan_draft: ActionPlan | None = None
    complete: bool = True
    transcript: list[Turn] = Field(default_factory=list, max_length=2000)


class Created(BaseModel):
    id: int
    reference: str


class Withdrawal(Strict):
    conversation_id: str = Field(min_length=1, max_length=64, pattern=CONVERSATION_ID)


class WithdrawalOut(BaseModel):
    conversation_id: str
    reference: str | None
    status: str


class Assignee(BaseModel):
    id: int
    email: str


class CaseSummary(BaseModel):
    id: int
    reference: str
    status: Status
    overdue: bool
    created_at: datetime
    contact_deadline: datetime
    recommended_service: Service
    complete: bool
    name: str | None
    municipality: str | None
    assigned_to: Assignee | None


class CasePage(BaseModel):
    items: list[CaseSummary]
    total: int
    page: int
    page_size: int


class NoteIn(Strict):
    text: str = Field(min_length=1, max_length=5000)


class NoteOut(BaseModel):
    id: int
    created_at: datetime
    author: str
    text: str


class EventOut(BaseModel):
    at: datetime
    actor: str
    user: str | None
    action: str
    detail: dict[str, Any]


class CaseOut(CaseSummary):
    conversation_id: str
    updated_at: datetime
    assigned_at: datetime | None
    contacted_at: datetime | None
    closed_at: datetime | None
    withdrawn_at: datetime | None
    person: dict[str, Any]
    situation: dict[str, Any] | None
    employer: dict[str, Any] | None
    employments: list[dict[str, Any]]
    skippable_periods: list[dict[str, Any]]
    previous_support: dict[str, Any] | None
    eligibility: dict[str, Any] | None
    career: dict[str, Any] | None
    summary_sv: str | None
    action_plan_draft: dict[str, Any] | None
    transcript: list[dict[str, Any]]
    notes: list[NoteOut]
    audit: list[EventOut]
    allowed_statuses: list[str]


class CasePatch(Strict):
    status: Status | None = None
    # A user id; null releases the case. Leave out to keep the assignee.
    assigned_to: int | None = Field(None, ge=1, le=ROW_ID_MAX)
