"""The FastAPI application."""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from bot import language

from . import chat, health
from .ids import RowId
from .errors import BodyLimit, install_error_handlers
from .cases import service as case_service
from .cases import views as cases
from .db import make_engine, session_factory, utcnow
from .migrate import upgrade
from .settings import Settings, get_settings
from .staff import views as staff
from .users import views as users

WEB = Path(__file__).with_name("web")
log = logging.getLogger("vagvisaren.api")
PURGE_EVERY_S = 6 * 3600


def purge_now(app: FastAPI) -> list[str]:
    with app.state.sessions() as session:
        purged = case_service.purge_closed(session, app.state.settings.retention_days, utcnow())
        session.commit()
    if purged:
        log.info("retention: personal data purged from %d closed case(s)", len(purged))
    return purged


async def _retention_loop(app: FastAPI) -> None:
    while True:
        try:
            await asyncio.to_thread(purge_now, app)
        except Exception:  # the next round tries again; the database may be restarting
            log.exception("retention purge failed")
        await asyncio.sleep(PURGE_EVERY_S)


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    task = asyncio.create_task(_retention_loop(app))
    # Not awaited: the API answers at once; the first chat message finds the lists loaded.
    warming = asyncio.create_task(asyncio.to_thread(language.warm))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await warming
        client = getattr(app.state, "http", None)
        if client is not None:
            await client.aclose()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(title="Vägvisaren", version="0.2.0", lifespan=lifespan)
    app.state.settings = settings
    app.state.engine = make_engine(settings.database_url)
    upgrade(app.state.engine)
    app.state.sessions = session_factory(app.state.engine)
    templates = Jinja2Templates(directory=WEB / "templates")

    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    install_error_handlers(app)

    app.include_router(health.router)
    app.include_router(chat.router)
    app.include_router(users.router)
    app.include_router(cases.router)
    app.include_router(staff.router)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def chat_page(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "chat.html", {})

    @app.get("/advisor", response_class=HTMLResponse, include_in_schema=False)
    def advisor_list_page(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "advisor.html", {"case_id": None})

    @app.get("/advisor/cases/{case_id}", response_class=HTMLResponse, include_in_schema=False)
    def advisor_case_page(request: Request, case_id: RowId) -> HTMLResponse:
        # Only the page shell: the case itself comes from /api/cases/{id} with the advisor's token.
        return templates.TemplateResponse(request, "advisor.html", {"case_id": case_id})

    @app.get("/staff", response_class=HTMLResponse, include_in_schema=False)
    def staff_page(request: Request) -> HTMLResponse:
        # The page is public; everything on it comes from /api/staff with a staff token.
        return templates.TemplateResponse(request, "staff.html", {})

    return app
