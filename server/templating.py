"""Jinja2 rendering: full pages, or one named block of a page for an htmx request."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse

from server import i18n, settings
from server.domain.schedules import format_intervals
from server.web import labels

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = ROOT / "templates"
STATIC_DIR = ROOT / "static"


@cache
def static_url(path: str) -> str:
    """A cache-busting URL for a static file: its content hash in the query."""
    content = (STATIC_DIR / path).read_bytes()
    return f"/static/{path}?v={hashlib.sha256(content).hexdigest()[:10]}"


def minutes_to_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def iso_when(value: str, tz: str) -> str:
    """An ISO 8601 instant from a message payload, shown in ``tz`` and the current language."""
    return i18n.format_when(datetime.fromisoformat(value), tz, "short")


def date_label(day: date) -> str:
    """A weekday and date a person reads at a glance: 11月23日 星期一 / Monday, 23 November."""
    language = i18n.get_language()
    return i18n.day_text(day, "MMMd日 EEEE" if language == "zh-CN" else "EEEE, d MMMM", language)


def clock_at(instant: datetime, tz: str) -> str:
    """24-hour HH:MM, as both languages write it here; strftime is far cheaper than Babel."""
    return instant.astimezone(_zone(tz)).strftime("%H:%M")


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def local_text(thing: Any, field: str) -> str:
    """A field in the current language: its ``_en`` twin in English when that is filled in."""
    english = str(getattr(thing, f"{field}_en", None) or "")
    if i18n.get_language() == "en" and english:
        return english
    return str(getattr(thing, field))


def local_name(thing: Any) -> str:
    """A place's name in the current language: the English name in English when there is one."""
    return local_text(thing, "name")


def _make_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        # Templates change only with a deploy, which restarts the processes: no stat() of every
        # template (and each one it includes) on every render.
        auto_reload=False,
    )
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(get_time_zone=lambda: settings.get().time_zone, timedelta=timedelta)
    env.globals.update(static_url=static_url, get_language=i18n.get_language, labels=labels)
    env.globals.update(format_intervals=format_intervals)
    env.filters.update(
        iso_when=iso_when,
        local_name=local_name,
        local_text=local_text,
        date_label=date_label,
        clock_at=clock_at,
        clock=minutes_to_clock,
        when=i18n.format_when,
        day=i18n.format_day,
    )
    return env


env = _make_env()


def page_context(request: Request) -> dict[str, Any]:
    """What every page needs: the request, the user, the CSRF token, language and mode."""
    return {
        "request": request,
        "user": request.scope.get("user"),
        "csrf_token": request.scope.get("csrf_token", ""),
        "language": i18n.get_language(),
        "elderly": request.scope.get("elderly_mode", False),
        "unread": request.scope.get("unread", 0),
    }


def preload() -> None:
    """Compile every template now (at start-up) rather than on the first request that needs it."""
    for name in env.list_templates(extensions=["html"]):
        env.get_template(name)


def render_fragment(name: str, context: dict[str, Any]) -> Markup:
    """A partial template rendered to safe HTML in the current language (for caching)."""
    return Markup(env.get_template(name).render(context))


def render(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    *,
    status: int = 200,
    block: str | None = None,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """Render page ``name``; only its ``block`` when htmx asks and a block is named."""
    template = env.get_template(name)
    ctx = {**page_context(request), **(context or {})}
    if block and request.headers.get("HX-Request") == "true":
        body = "".join(template.blocks[block](template.new_context(ctx)))
    else:
        body = template.render(ctx)
    return HTMLResponse(body, status_code=status, headers=headers)
