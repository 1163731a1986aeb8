"""JSON API plumbing: bearer authentication, JSON bodies and error shapes."""

from __future__ import annotations

import json
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse

from server import i18n
from server.domain import accounts, photos
from server.domain.errors import AuthenticationFailed, DomainError, ValidationFailed
from server.i18n import N_
from server.models.accounts import User

UNSTORABLE = N_("Text cannot contain NUL characters or unpaired surrogates.")


def error_response(error: DomainError) -> JSONResponse:
    body: dict[str, Any] = {
        "error": error.code,
        "message": i18n.gettext(error.message, **error.params),
    }
    if error.fields:
        body["fields"] = {k: i18n.gettext(v) for k, v in error.fields.items()}
    headers = {"WWW-Authenticate": "Bearer"} if error.status == 401 else None
    return JSONResponse(body, status_code=error.status, headers=headers)


def unstorable(value: object) -> bool:
    """Whether ``value`` holds text no database takes: a NUL (PostgreSQL refuses it) or half a
    surrogate pair (JSON's \\ud800 escapes allow it; UTF-8 does not)."""
    if isinstance(value, str):
        return "\x00" in value or not _encodes(value)
    if isinstance(value, dict):
        return any(unstorable(k) or unstorable(v) for k, v in value.items())
    if isinstance(value, list):
        return any(unstorable(v) for v in value)
    return False


def _encodes(text: str) -> bool:
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True


def refuse_unstorable(values: dict[str, Any]) -> None:
    """A 422 naming each field whose text could not be stored (a bad name itself is not echoed)."""
    bad = [k for k, v in values.items() if unstorable(k) or unstorable(v)]
    if bad:
        fields = {k: UNSTORABLE for k in bad if not unstorable(k)}
        raise ValidationFailed(UNSTORABLE, fields=fields)


async def json_body(request: Request) -> dict[str, Any]:
    """The request's JSON object, or a 422 that says the body is not one (or holds bad text)."""
    try:
        body = json.loads(await request.body() or b"null")
    except (ValueError, UnicodeDecodeError):
        body = None
    if not isinstance(body, dict):
        raise ValidationFailed(i18n.N_("The request body must be a JSON object."))
    refuse_unstorable(body)
    return body


async def api_user(request: Request) -> User:
    """The user of the request's bearer token."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthenticationFailed(i18n.N_("Send an API token: Authorization: Bearer <token>."))
    return await accounts.user_for_token(token.strip())


PHOTOS_AS_FILES = N_("Send photos as multipart/form-data files named photos.")
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


def text_of(value: object) -> str:
    """A JSON value as the form's text: true is "1", numbers as written, anything else ""."""
    if value is True:
        return "1"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


async def posted_form(request: Request) -> tuple[dict[str, str], list[photos.Upload]]:
    """The fields and photos of a multipart (or urlencoded) post, or the fields of a JSON one."""
    if not request.headers.get("content-type", "").startswith(FORM_TYPES):
        body = await json_body(request)
        if body.get(photos.FIELD):
            raise ValidationFailed(PHOTOS_AS_FILES, fields={photos.FIELD: PHOTOS_AS_FILES})
        return {k: text_of(v) for k, v in body.items()}, []
    async with request.form() as form:
        values = {k: v for k, v in form.multi_items() if isinstance(v, str)}
        refuse_unstorable(values)
        files = [f for f in form.getlist(photos.FIELD) if isinstance(f, UploadFile)]
        return values, await photos.read_uploads(files)
