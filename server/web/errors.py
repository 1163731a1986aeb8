"""Error pages and JSON errors: a clear message in the page's language, never a stack trace."""

from __future__ import annotations

import logging
import re

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server import i18n
from server.api.common import UNSTORABLE, error_response
from server.domain.errors import DomainError, PermissionDenied
from server.templating import render
from server.web.auth import LoginRequired, login_url

log = logging.getLogger(__name__)

MESSAGES = {
    400: i18n.N_("The request could not be understood."),
    403: i18n.N_("You are not allowed to do that."),
    404: i18n.N_("This page does not exist."),
    405: i18n.N_("This address does not accept that kind of request."),
    413: i18n.N_("What you sent is too large."),
    500: i18n.N_("Something went wrong on our side. Please try again in a moment."),
}
SESSION_PROBLEM = i18n.N_("Your login is no longer valid. Please log in again.")
CSRF_FAILED = i18n.N_(
    "The form has expired or was sent from another site. Reload the page and try again."
)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _page(request: Request, status: int, message: str) -> Response:
    if _is_api(request):
        code = {
            404: "not_found",
            405: "method_not_allowed",
            413: "too_large",
            500: "server_error",
        }.get(status, "error")
        return JSONResponse({"error": code, "message": i18n.gettext(message)}, status_code=status)
    return render(
        request,
        "errors/error.html",
        {"status": status, "message": i18n.gettext(message)},
        status=status,
    )


async def domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DomainError)
    if _is_api(request):
        return error_response(exc)
    if isinstance(exc, LoginRequired):
        problem = request.scope.get("session_problem")
        if problem is None and request.method == "GET":
            return RedirectResponse(login_url(request) + "&why=login", status_code=303)
        context = {
            "values": {"next": request.url.path},
            "fields": {},
            "error": i18n.gettext(SESSION_PROBLEM if problem else exc.message),
        }
        return render(request, "accounts/login.html", context, status=401)
    if isinstance(exc, PermissionDenied):
        return _page(request, 403, exc.message)
    return render(
        request,
        "errors/error.html",
        {"status": exc.status, "message": i18n.gettext(exc.message, **exc.params)},
        status=exc.status,
    )


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return _page(request, exc.status_code, MESSAGES.get(exc.status_code, MESSAGES[400]))


async def server_error(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return _page(request, 500, MESSAGES[500])


async def bad_request(scope: Scope, receive: Receive, send: Send) -> None:
    """400 for what no handler should see: text no database stores in the path or query."""
    await _page(Request(scope, receive), 400, UNSTORABLE)(scope, receive, send)


async def csrf_failure(scope: Scope, receive: Receive, send: Send) -> None:
    request = Request(scope, receive)
    if _is_api(request):
        response: Response = JSONResponse(
            {"error": "csrf", "message": i18n.gettext(CSRF_FAILED)}, status_code=403
        )
    else:
        response = render(
            request,
            "errors/error.html",
            {"status": 403, "message": i18n.gettext(CSRF_FAILED)},
            status=403,
        )
    await response(scope, receive, send)


class LastResort:
    """Answers whatever escaped every handler with the 500 page (or JSON), and stops it there.

    Starlette's ServerErrorMiddleware answers too, but then raises the error again, and uvicorn
    closes the connection after it: a browser or proxy that had sent its next request on that
    connection gets no answer at all. With PostgreSQL restarting under load (drill 2) that was
    one request in three. The outermost middleware, so it also covers the session lookup.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched_send)
        except Exception as exc:
            if started:
                raise  # half an answer is out: only closing the connection can tell the client
            token = i18n.set_language(scope.get("language", i18n.DEFAULT_LANGUAGE))
            try:
                response = await server_error(Request(scope, receive), exc)
            finally:
                i18n._current.reset(token)
            await response(scope, receive, send)


class BodyTooLarge(HTTPException):
    """Raised by BodyLimit when reading a body over the limit; http_error shows it as a 413."""

    def __init__(self) -> None:
        super().__init__(status_code=413)


class BodyLimit:
    """Refuses request bodies over ``max_bytes`` with the 413 page or JSON of the other errors.

    It replaces Starlette's ``max_body_size``, whose responder answers "Content Too Large" as
    plain English text, and overwrites any response at all (our error page included) to a
    request whose Content-Length is over the limit. Here the read raises BodyTooLarge instead:
    in a handler, http_error answers it; in the CSRF check, which reads forms before the
    handlers run, it reaches __call__, which answers it in the language that check chose.
    """

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int,
        upload_bytes: int | None = None,
        upload_paths: re.Pattern[str] | None = None,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.upload_bytes = upload_bytes or max_bytes
        self.upload_paths = upload_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        if self.upload_paths is not None and self.upload_paths.match(scope["path"]):
            limit = self.upload_bytes
        declared = _content_length(scope)
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            if declared is not None and declared > limit:
                raise BodyTooLarge  # before reading any of it
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise BodyTooLarge
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except BodyTooLarge:
            if started:
                raise
            await _too_large(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    try:
        return int(Headers(scope=scope)["content-length"])
    except (KeyError, ValueError):
        return None


async def _too_large(scope: Scope, receive: Receive, send: Send) -> None:
    token = i18n.set_language(scope.get("language", i18n.DEFAULT_LANGUAGE))
    try:
        response = _page(Request(scope, receive), 413, MESSAGES[413])
    finally:
        i18n._current.reset(token)
    await response(scope, receive, send)
