"""The FastAPI application."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from . import chat, health
from .db import make_engine
from .settings import Settings, get_settings

WEB = Path(__file__).with_name("web")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(title="Vägvisaren", version="0.1.0")
    app.state.settings = settings
    app.state.engine = make_engine(settings.database_url)
    templates = Jinja2Templates(directory=WEB / "templates")

    app.include_router(health.router)
    app.include_router(chat.router)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def chat_page(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "chat.html", {})

    return app
