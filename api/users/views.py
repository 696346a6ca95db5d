"""POST /api/auth/token (OAuth2 password flow), who am I, and user management for admins."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.ids import RowId
from api.db import get_session
from api.users.models import Role, User
from api.users.security import authenticate, current_user, issue_token, require
from api.users.service import UserError, create_user

router = APIRouter(tags=["users"])


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int
    role: str


class UserOut(BaseModel):
    id: int
    email: str
    role: str
    active: bool


class UserIn(BaseModel):
    email: str = Field(max_length=254)
    password: str = Field(min_length=1, max_length=256)
    role: Role


class UserPatch(BaseModel):
    active: bool | None = None
    role: Role | None = None


def _out(user: User) -> UserOut:
    return UserOut(id=user.id, email=user.email, role=user.role, active=user.active)


@router.post("/api/auth/token", response_model=TokenOut)
def login(request: Request, form: Annotated[OAuth2PasswordRequestForm, Depends()],
          session: Annotated[Session, Depends(get_session)]) -> TokenOut:
    user = authenticate(session, form.username, form.password)
    if user is None:
        raise HTTPException(401, "Fel e-postadress eller lösenord.", headers={"WWW-Authenticate": "Bearer"})
    settings = request.app.state.settings
    return TokenOut(access_token=issue_token(user, settings.jwt_secret, settings.token_minutes),
                    expires_in=settings.token_minutes * 60, role=user.role)


@router.get("/api/users/me", response_model=UserOut)
def me(user: Annotated[User, Depends(current_user)]) -> UserOut:
    return _out(user)


@router.get("/api/users", response_model=list[UserOut])
def list_users(_: Annotated[User, Depends(require(Role.admin))],
               session: Annotated[Session, Depends(get_session)]) -> list[UserOut]:
    return [_out(u) for u in session.scalars(select(User).order_by(User.email))]


@router.post("/api/users", response_model=UserOut, status_code=201)
def add_user(body: UserIn, _: Annotated[User, Depends(require(Role.admin))],
             session: Annotated[Session, Depends(get_session)]) -> UserOut:
    try:
        user = create_user(session, body.email, body.password, body.role.value)
    except UserError as exc:
        raise HTTPException(422, str(exc)) from None
    session.commit()
    return _out(user)


@router.patch("/api/users/{user_id}", response_model=UserOut)
def change_user(user_id: RowId, body: UserPatch, admin: Annotated[User, Depends(require(Role.admin))],
                session: Annotated[Session, Depends(get_session)]) -> UserOut:
    user = session.get(User, user_id)
    if user is None:
        raise HTTPException(404, "Användaren finns inte.")
    if user.id == admin.id and (body.active is False or (body.role and body.role != Role.admin)):
        raise HTTPException(409, "Du kan inte stänga av eller ta bort adminrollen från dig själv.")
    if body.active is not None:
        user.active = body.active
    if body.role is not None:
        user.role = body.role.value
    session.commit()
    return _out(user)
