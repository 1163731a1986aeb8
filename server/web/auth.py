"""Who is asking: the logged-in user of a page, or a redirect to the login form."""

from __future__ import annotations

from urllib.parse import quote

from starlette.requests import Request

from server.domain.audit import Origin
from server.domain.errors import AuthenticationFailed
from server.i18n import N_
from server.models.accounts import User
from server.web.context import client_ip


class LoginRequired(AuthenticationFailed):
    """Raised by pages that need a user; answered with the login form or a redirect."""


def current_user(request: Request) -> User | None:
    return request.scope.get("user")


def require_user(request: Request) -> User:
    user = current_user(request)
    if user is None:
        raise LoginRequired(N_("Please log in to continue."))
    return user


def origin_of(request: Request, via: str = "web") -> Origin:
    return Origin(
        ip=client_ip(request.scope), user_agent=request.headers.get("user-agent", ""), via=via
    )


def safe_next(target: str | None, default: str = "/") -> str:
    """A local path to go back to; anything else (another host, a scheme) becomes ``default``."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


def login_url(request: Request) -> str:
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"/login?next={quote(here)}"
