"""JSON API plumbing: bearer authentication, JSON bodies and error shapes."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from server import i18n
from server.domain import accounts
from server.domain.errors import AuthenticationFailed, DomainError, ValidationFailed
from server.models.accounts import User


def error_response(error: DomainError) -> JSONResponse:
    body: dict[str, Any] = {
        "error": error.code,
        "message": i18n.gettext(error.message, **error.params),
    }
    if error.fields:
        body["fields"] = {k: i18n.gettext(v) for k, v in error.fields.items()}
    headers = {"WWW-Authenticate": "Bearer"} if error.status == 401 else None
    return JSONResponse(body, status_code=error.status, headers=headers)


async def json_body(request: Request) -> dict[str, Any]:
    """The request's JSON object, or a 422 that says the body is not one."""
    try:
        body = json.loads(await request.body() or b"null")
    except (ValueError, UnicodeDecodeError):
        body = None
    if not isinstance(body, dict):
        raise ValidationFailed(i18n.N_("The request body must be a JSON object."))
    return body


async def api_user(request: Request) -> User:
    """The user of the request's bearer token."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthenticationFailed(i18n.N_("Send an API token: Authorization: Bearer <token>."))
    return await accounts.user_for_token(token.strip())
