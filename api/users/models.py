from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, UTCDateTime, utcnow


class Role(StrEnum):
    advisor = "advisor"  # works cases
    staff = "staff"      # tests conversation flows, sees statistics
    admin = "admin"      # manages users


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
