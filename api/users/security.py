"""Password hashing (Argon2 via pwdlib), short-lived JWT bearer tokens, role dependencies."""
from __future__ import annotations

import hmac
from datetime import timedelta
from typing import Annotated

import jwt
from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer, OAuth2PasswordBearer
from pwdlib import PasswordHash
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.db import get_session, utcnow
from api.users.models import Role, User

hasher = PasswordHash.recommended()
oauth2 = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=False)
bearer = HTTPBearer(auto_error=False)
ALGORITHM = "HS256"
# Verifying against this keeps a login for an unknown e-mail as slow as for a known one.
_DUMMY_HASH = hasher.hash("not-a-real-password")

NOT_LOGGED_IN = "Du är inte inloggad, eller inloggningen har gått ut. Logga in igen."
FORBIDDEN = "Din roll ger inte tillgång till det här."


def hash_password(password: str) -> str:
    return hasher.hash(password)


def authenticate(session: Session, email: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None or not user.active:
        hasher.verify(password, _DUMMY_HASH)
        return None
    return user if hasher.verify(password, user.password_hash) else None


def issue_token(user: User, secret: str, minutes: int) -> str:
    now = utcnow()
    claims = {"sub": str(user.id), "role": user.role, "iat": now, "exp": now + timedelta(minutes=minutes)}
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def current_user(request: Request, token: Annotated[str | None, Depends(oauth2)],
                 session: Annotated[Session, Depends(get_session)]) -> User:
    unauthorized = HTTPException(401, NOT_LOGGED_IN, headers={"WWW-Authenticate": "Bearer"})
    if not token:
        raise unauthorized
    try:
        claims = jwt.decode(token, request.app.state.settings.jwt_secret, algorithms=[ALGORITHM],
                            options={"require": ["exp", "sub"]})
        user = session.get(User, int(claims["sub"]))
    except (jwt.PyJWTError, ValueError):
        raise unauthorized from None
    if user is None or not user.active:
        raise unauthorized
    return user


def require(*roles: Role):  # type: ignore[no-untyped-def]
    """A dependency admitting only users with one of `roles` (403 for the others)."""
    def dependency(user: Annotated[User, Depends(current_user)]) -> User:
        if user.role not in roles:
            raise HTTPException(403, FORBIDDEN)
        return user
    return dependency


def require_bot(request: Request,
                credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """The bot's action server, identified by BOT_SERVICE_TOKEN (constant-time comparison)."""
    expected = request.app.state.settings.bot_service_token
    given = credentials.credentials if credentials else ""
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "Fel eller saknad servicenyckel.", headers={"WWW-Authenticate": "Bearer"})
