from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.users.models import Role, User
from api.users.security import hash_password

MIN_PASSWORD = 12


class UserError(ValueError):
    """A user that cannot be created as asked; the message is Swedish, for people."""


def normalise_email(email: str) -> str:
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        raise UserError(f"”{email}” är ingen giltig e-postadress.") from None


def create_user(session: Session, email: str, password: str, role: str) -> User:
    email = normalise_email(email)
    if role not in Role.__members__:
        raise UserError(f"Okänd roll ”{role}”. Välj en av: {', '.join(Role.__members__)}.")
    if len(password) < MIN_PASSWORD:
        raise UserError(f"Lösenordet måste ha minst {MIN_PASSWORD} tecken.")
    if session.scalar(select(User.id).where(User.email == email)) is not None:
        raise UserError(f"Det finns redan en användare med e-postadressen {email}.")
    user = User(email=email, password_hash=hash_password(password), role=role, active=True)
    session.add(user)
    session.flush()
    return user
