"""The advisors' service and the public door: chat endpoint and pages, health, cases.

Runs in its own virtualenv (Python 3.11, pydantic 2, SQLAlchemy 2): `uvicorn api.main:app`."""
