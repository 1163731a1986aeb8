"""Per-request context as one ASGI middleware: who is asking, in which language, and CSRF.

It resolves the session cookie to a user, picks the language and display mode, and refuses
state-changing browser requests without a valid CSRF token (form field or X-CSRF-Token
header, so htmx requests are covered too). The JSON API under /api/ authenticates by bearer
token only, never by cookie, so it needs no CSRF token.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from itsdangerous import BadSignature, Signer
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server import i18n, sql
from server.models.accounts import Session, User
from server.models.notifications import Channel, NotificationStatus
from server.security.tokens import digest
from server.settings import Settings

SESSION_COOKIE = "ds_session"
CSRF_COOKIE = "ds_csrf"
LANG_COOKIE = "ds_lang"
ELDERLY_COOKIE = "ds_elderly"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
TOUCH_EVERY = timedelta(hours=1)

# Inbox messages delivered and not yet read: the header's badge, served by the notifications
# index (user_id, channel, read_at).
UNREAD_SQL = (
    '(SELECT COUNT(*) FROM "notifications" AS n WHERE n."user_id" = "sessions"."user_id"'
    f" AND n.\"channel\" = '{Channel.INBOX.value}'"
    f' AND n."status" = \'{NotificationStatus.SENT.value}\' AND n."read_at" IS NULL)'
)
Responder = Callable[[Scope, Receive, Send], Awaitable[None]]


class RequestContextMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        settings: Settings,
        on_csrf_failure: Responder,
        on_bad_request: Responder,
    ) -> None:
        self.app = app
        self.settings = settings
        self.signer = _signer(settings)
        self.on_csrf_failure = on_csrf_failure
        self.on_bad_request = on_bad_request

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        conn = HTTPConnection(scope)
        cookies_out: list[str] = []
        # The language switch's cookie first: should the session lookup fail (the database
        # away), the error page is still in the language the person chose.
        scope["language"] = i18n.pick(conn.cookies.get(LANG_COOKIE)) or i18n.DEFAULT_LANGUAGE
        await self._load_session(scope, conn, cookies_out)
        _choose_language(scope, conn)
        csrf = self._csrf_cookie(conn, cookies_out)
        scope["csrf_token"] = csrf
        send = _with_cookies(send, cookies_out)
        if scope["method"] in UNSAFE and not scope["path"].startswith("/api/"):
            receive, ok = await _check_csrf(scope, receive, conn, csrf)
            if not ok:
                token = i18n.set_language(scope["language"])
                try:
                    await self.on_csrf_failure(scope, receive, send)
                finally:
                    i18n._current.reset(token)
                return
        token = i18n.set_language(scope["language"])
        try:
            if _holds_nul(scope):  # PostgreSQL refuses NUL in text: say so, never a 500
                await self.on_bad_request(scope, receive, send)
            else:
                await self.app(scope, receive, send)
        finally:
            i18n._current.reset(token)

    async def _load_session(self, scope: Scope, conn: HTTPConnection, out: list[str]) -> None:
        scope["user"] = None
        scope["session_key"] = None
        scope["unread"] = 0
        scope["session_problem"] = None
        raw = conn.cookies.get(SESSION_COOKIE)
        if not raw:
            return
        try:
            key = self.signer.unsign(raw).decode()
        except BadSignature:
            scope["session_problem"] = "tampered"
            out.append(clear_cookie(SESSION_COOKIE))
            return
        now = datetime.now(UTC)
        user = await _session_user(digest(key), now)
        if user is None or not user.is_active:
            scope["session_problem"] = "expired"
            out.append(clear_cookie(SESSION_COOKIE))
            return
        seen = _LAST_SEEN.to_python_value(user.session_seen)  # type: ignore[attr-defined]
        if seen is None or now - seen > TOUCH_EVERY:
            await Session.filter(id=user.session_id).update(last_seen_at=now)  # type: ignore[attr-defined]
        scope["user"] = user
        scope["session_key"] = key
        scope["unread"] = int(user.session_unread)  # type: ignore[attr-defined]

    def _csrf_cookie(self, conn: HTTPConnection, out: list[str]) -> str:
        token = conn.cookies.get(CSRF_COOKIE, "")
        if len(token) < 32:
            token = secrets.token_urlsafe(32)
            out.append(make_cookie(CSRF_COOKIE, token, self.settings, max_age=None))
        return token


_LAST_SEEN = Session._meta.fields_map["last_seen_at"]
_EXPIRES = Session._meta.fields_map["expires_at"]
_SESSION_FIELDS = ["session_id", "session_seen", "session_unread"]
_SESSION_SQL = (
    'SELECT "users".*, "sessions"."id" AS "session_id",'
    ' "sessions"."last_seen_at" AS "session_seen",'
    f' {UNREAD_SQL} AS "session_unread"'
    ' FROM "sessions" JOIN "users" ON "users"."id" = "sessions"."user_id"'
    ' WHERE "sessions"."key_hash" = $1 AND "sessions"."expires_at" > $2 LIMIT 1'
)


async def _session_user(key_hash: str, now: datetime) -> User | None:
    """The user of a live session, carrying the session's id, when it was last seen and the
    unread badge: one statement on every logged-in page, written by hand because building it
    with the query builder (a select_related of two wide tables and an annotation) cost a
    millisecond of Python on each request, more than running it."""
    values = [key_hash, _EXPIRES.to_db_value(now, Session)]
    found = await sql.fetch_models(
        User, _SESSION_SQL, values, extra=_SESSION_FIELDS, plan_once=True
    )
    return found[0] if found else None


def _holds_nul(scope: Scope) -> bool:
    """A NUL character in a page's path or query string, raw or percent-encoded. (The JSON
    API checks its own: a code no column holds is a 404, a filter a 422, as documented.)"""
    if scope["path"].startswith("/api/"):
        return False
    query = scope.get("query_string", b"").lower()
    return "\x00" in scope["path"] or b"%00" in query or b"\x00" in query


def _signer(settings: Settings) -> Signer:
    return Signer(settings.secret_key, salt="doorstep.session")


def session_cookie(settings: Settings, key: str) -> str:
    """The Set-Cookie value that logs this browser in with session ``key``."""
    signed = _signer(settings).sign(key).decode()
    return make_cookie(SESSION_COOKIE, signed, settings, max_age=settings.session_days * 86400)


def _choose_language(scope: Scope, conn: HTTPConnection) -> None:
    user = scope["user"]
    # Pages are Chinese unless a person chose otherwise (the switch, or their profile): many
    # phones here send an English Accept-Language. API clients have no such switch.
    from_header = None
    if scope["path"].startswith("/api/"):
        from_header = i18n.from_accept_language(conn.headers.get("accept-language", ""))
    language = (
        i18n.pick(conn.cookies.get(LANG_COOKIE))
        or (user.language.value if user else None)
        or from_header
        or i18n.DEFAULT_LANGUAGE
    )
    scope["language"] = language
    elderly = conn.cookies.get(ELDERLY_COOKIE)
    scope["elderly_mode"] = (
        elderly == "1" if elderly is not None else bool(user and user.elderly_mode)
    )


async def _check_csrf(
    scope: Scope, receive: Receive, conn: HTTPConnection, expected: str
) -> tuple[Receive, bool]:
    """Compare the request's token with the cookie's; returns a receive that replays the body."""
    if not _same_origin(conn):
        return receive, False
    sent = conn.headers.get(CSRF_HEADER, "")
    if sent:
        return receive, _equal(sent, expected)
    kind, options = parse_options_header(conn.headers.get("content-type", ""))
    if kind == b"multipart/form-data" and options.get(b"boundary"):
        receive, sent = await _multipart_token(receive, options[b"boundary"])
        return receive, _equal(sent, expected)
    body = await _read_body(receive)
    replay = _replayer(body)
    form_request = Request(scope, _replayer(body))
    try:
        form = await form_request.form()
        sent = str(form.get(CSRF_FIELD, ""))
        await form.close()
    except Exception:  # a malformed body is simply a request without a token
        sent = ""
    return replay, _equal(sent, expected)


def _same_origin(conn: HTTPConnection) -> bool:
    """Refuse what the browser itself says is cross-site (Sec-Fetch-Site, then Origin)."""
    if conn.headers.get("sec-fetch-site", "same-origin") not in {"same-origin", "none"}:
        return False
    origin = conn.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    return origin.split("://", 1)[-1] == conn.headers.get("host", "")


def _equal(sent: str, expected: str) -> bool:
    return bool(sent) and bool(expected) and hmac.compare_digest(sent, expected)


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


# A multipart form's token is looked for this far into its body, and no further: every form
# puts it first, so a photo form is checked without reading its photos (16 bodies of 63 MiB at
# once once took the web processes to 3.4 GiB before the check could refuse them).
TOKEN_WITHIN = 64 * 1024


async def _multipart_token(receive: Receive, boundary: bytes) -> tuple[Receive, str]:
    """The csrf_token field of a multipart body, read only as far as that field (and at most
    ``TOKEN_WITHIN`` bytes); returns a receive that replays what was read, then goes on with
    the rest of the body as it comes."""
    taken: list[Message] = []
    part: dict[str, Any] = {"header": b"", "value": b"", "ours": False}
    found: list[bytes] = []

    def on_header_field(data: bytes, start: int, end: int) -> None:
        part["field"] = part.get("field", b"") + data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        part["header"] += data[start:end]

    def on_header_end() -> None:
        if part.pop("field", b"").lower() == b"content-disposition":
            _, params = parse_options_header(part["header"])
            part["ours"] = params.get(b"name") == CSRF_FIELD.encode()
        part["header"] = b""

    def on_part_data(data: bytes, start: int, end: int) -> None:
        if part["ours"]:
            part["value"] += data[start:end]

    def on_part_end() -> None:
        if part["ours"] and not found:
            found.append(part["value"])
        part.update(ours=False, value=b"")

    callbacks: Any = {
        "on_header_field": on_header_field,
        "on_header_value": on_header_value,
        "on_header_end": on_header_end,
        "on_part_data": on_part_data,
        "on_part_end": on_part_end,
    }
    parser = MultipartParser(boundary, callbacks, max_size=TOKEN_WITHIN)
    read = 0
    while not found and read < TOKEN_WITHIN:
        message = await receive()
        taken.append(message)
        if message["type"] != "http.request":
            break
        body = message.get("body", b"")
        read += len(body)
        try:
            parser.write(body[: max(0, TOKEN_WITHIN - read + len(body))])
        except Exception:  # a malformed body is simply a request without a token
            break
        if not message.get("more_body", False):
            break
    return _replaying(taken, receive), found[0].decode("latin-1") if found else ""


def _replaying(taken: list[Message], receive: Receive) -> Receive:
    """What was read, message by message, then the rest from ``receive``."""
    queued = list(taken)

    async def replay() -> Message:
        return queued.pop(0) if queued else await receive()

    return replay


def _replayer(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def _with_cookies(send: Send, cookies: list[str]) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start" and cookies:
            headers = MutableHeaders(scope=message)
            for cookie in cookies:
                headers.append("set-cookie", cookie)
        await send(message)

    return wrapped


def make_cookie(name: str, value: str, settings: Settings, max_age: int | None) -> str:
    secure = "; Secure" if settings.public_base_url.startswith("https://") else ""
    age = f"; Max-Age={max_age}" if max_age is not None else ""
    return f"{name}={value}; Path=/; HttpOnly; SameSite=Lax{age}{secure}"


def clear_cookie(name: str) -> str:
    return f"{name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"


def client_ip(scope: Scope | Any) -> str:
    client = scope.get("client") if isinstance(scope, dict) else None
    return client[0] if client else ""
