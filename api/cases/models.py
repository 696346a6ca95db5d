from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.db import Base, JSONType, UTCDateTime, utcnow
from api.users.models import User

STATUSES = ("new", "assigned", "contacted", "closed", "withdrawn")
SERVICES = ("radgivning", "forstarkt_stod", "vagledning", "yttrande_csn", "other_organisation", "unclear")


class Case(Base):
    """One person's handoff. The personal fields are erased on withdrawal and by retention; the
    row itself (reference, status, dates, service) stays so the audit log keeps its meaning."""
    __tablename__ = "cases"
    __table_args__ = (
        CheckConstraint(f"status IN {STATUSES}", name="status"),
        CheckConstraint(f"recommended_service IN {SERVICES}", name="recommended_service"),
        Index("ix_cases_status_deadline", "status", "contact_deadline"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str | None] = mapped_column(String(20), unique=True)
    conversation_id: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="new")
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    contact_deadline: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    assigned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    contacted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    complete: Mapped[bool] = mapped_column(Boolean, default=True)
    recommended_service: Mapped[str] = mapped_column(String(32), index=True)

    person: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # The big fields are loaded only when one case is opened, not for the list.
    situation: Mapped[dict[str, Any] | None] = mapped_column(JSONType, deferred=True, deferred_group="detail")
    employer: Mapped[dict[str, Any] | None] = mapped_column(JSONType, deferred=True, deferred_group="detail")
    employments: Mapped[list[Any]] = mapped_column(JSONType, default=list, deferred=True, deferred_group="detail")
    skippable_periods: Mapped[list[Any]] = mapped_column(JSONType, default=list, deferred=True, deferred_group="detail")
    previous_support: Mapped[dict[str, Any] | None] = mapped_column(JSONType, deferred=True, deferred_group="detail")
    eligibility: Mapped[dict[str, Any] | None] = mapped_column(JSONType, deferred=True, deferred_group="detail")
    career: Mapped[dict[str, Any] | None] = mapped_column(JSONType, deferred=True, deferred_group="detail")
    summary_sv: Mapped[str | None] = mapped_column(Text, deferred=True, deferred_group="detail")
    action_plan_draft: Mapped[dict[str, Any] | None] = mapped_column(JSONType, deferred=True, deferred_group="detail")
    transcript: Mapped[list[Any]] = mapped_column(JSONType, default=list, deferred=True, deferred_group="detail")

    assigned_to: Mapped[User | None] = relationship(lazy="joined")
    notes: Mapped[list[Note]] = relationship(back_populates="case", order_by="Note.id",
                                             cascade="all, delete-orphan")


class Note(Base):
    __tablename__ = "case_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    text: Mapped[str] = mapped_column(Text)

    case: Mapped[Case] = relationship(back_populates="notes")
    author: Mapped[User] = relationship(lazy="joined")


class CaseEvent(Base):
    """The audit log: append-only (database triggers refuse UPDATE and DELETE), typed actions,
    actors by id, and no personal data in `detail`, so it may outlive the erasure of a case."""
    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor: Mapped[str] = mapped_column(String(16))  # "user", "bot" or "system"
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)


class ErasedConversation(Base):
    """A conversation whose person asked for deletion before any case existed: a case that
    arrives for it later (from the bot's outbox) is refused, never resurrected."""
    __tablename__ = "erased_conversations"

    conversation_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
