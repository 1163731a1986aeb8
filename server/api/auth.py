"""API authentication: exchange a phone and password for a bearer token."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from server.api.common import api_user, json_body
from server.domain import accounts
from server.redis_client import get_redis
from server.settings import get as get_settings
from server.web.auth import origin_of
from server.web.context import client_ip


async def issue_token(request: Request) -> Response:
    settings = get_settings()
    body = await json_body(request)
    user = await accounts.authenticate(
        get_redis(settings),
        settings,
        str(body.get("phone", "")),
        str(body.get("password", "")),
        client_ip(request.scope),
    )
    token, expires_at = await accounts.issue_token(user, settings, origin_of(request, via="api"))
    return JSONResponse({"token": token, "expires_at": expires_at.isoformat()}, status_code=201)


async def me(request: Request) -> Response:
    user = await api_user(request)
    return JSONResponse(
        {
            "id": user.public_id,
            "phone": user.phone,
            "display_name": user.display_name,
            "language": user.language.value,
        }
    )


routes = [
    Route("/api/v1/auth/token", issue_token, methods=["POST"], name="api_token"),
    Route("/api/v1/me", me, methods=["GET"], name="api_me"),
]
