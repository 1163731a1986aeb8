"""Error pages: a body over the size limit gets the usual page or JSON, in the reader's language."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import httpx
import pytest

from server.app import create_app
from tests.conftest import csrf_token

LIMIT = 2048
FORM = {"content-type": "application/x-www-form-urlencoded"}
JSON = {"content-type": "application/json", "accept-language": "en"}


@pytest.fixture
async def small(settings, db: None) -> AsyncIterator[httpx.AsyncClient]:  # type: ignore[no-untyped-def]
    """A client of an app that takes request bodies of at most LIMIT bytes."""
    app = create_app(dataclasses.replace(settings, max_body_bytes=LIMIT))
    transport = httpx.ASGITransport(app=app, client=("10.1.2.3", 5000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


def _too_much(chunked: bool, prefix: bytes = b"note=") -> bytes | AsyncIterator[bytes]:
    """A body over the limit: with a Content-Length, or chunked with none (as scripts send)."""
    body = prefix + b"x" * LIMIT
    if not chunked:
        return body

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 512):
            yield body[start : start + 512]

    return chunks()


HOW = pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])


@HOW
async def test_a_form_over_the_limit_gets_the_error_page_in_the_readers_language(small, chunked):
    chinese = await small.post("/login", content=_too_much(chunked), headers=FORM)
    assert chinese.status_code == 413 and chinese.headers["content-type"].startswith("text/html")
    assert "提交的内容过大。" in chinese.text and "<html" in chinese.text
    small.cookies.set("ds_lang", "en")
    english = await small.post("/login", content=_too_much(chunked), headers=FORM)
    assert english.status_code == 413 and "What you sent is too large." in english.text


@HOW
async def test_a_body_a_handler_reads_over_the_limit_gets_the_error_page(small, chunked):
    token = await csrf_token(
        small
    )  # in a header, so the CSRF check reads no body: the handler does
    headers = {**FORM, "X-CSRF-Token": token}
    response = await small.post("/login", content=_too_much(chunked), headers=headers)
    assert response.status_code == 413 and "提交的内容过大。" in response.text


@HOW
async def test_the_api_answers_a_body_over_the_limit_in_json(small, chunked):
    response = await small.post(
        "/api/v1/auth/token", content=_too_much(chunked, b'{"phone": "'), headers=JSON
    )
    assert response.status_code == 413
    assert response.json() == {"error": "too_large", "message": "What you sent is too large."}
    within = await small.post(
        "/api/v1/auth/token", json={"phone": "13700000001", "password": "x" * 1000}
    )
    assert within.status_code == 401


# Text no database stores: a NUL character (PostgreSQL refuses it) ---------------------------


@pytest.mark.parametrize("path", ["/?q=%00", "/?q=a%00b", "/places/T%00S", "/centres/A%00"])
async def test_a_nul_in_the_address_is_a_clear_400(client, path):
    response = await client.get(path)
    assert response.status_code == 400
    assert "不能包含空字符（NUL）" in response.text


async def test_a_nul_in_a_form_field_is_refused_and_nothing_is_written(client):
    from server.models.accounts import User

    token = await csrf_token(client, "/register")
    form = {"csrf_token": token, "phone": "13812345678", "display_name": "王\x00芳",
            "password": "secret-pass", "password2": "secret-pass"}  # fmt: skip
    response = await client.post("/register", data=form)
    assert response.status_code == 422 and "不能包含空字符（NUL）" in response.text
    assert await User.filter(phone="13812345678").count() == 0
    multipart = await client.post(
        "/register", data=form, files={"unused": ("a.txt", b"\x00binary is fine", "text/plain")}
    )
    assert multipart.status_code == 422
    assert await User.filter(phone="13812345678").count() == 0


# What escapes every handler: the 500 page, and the error stops there ------------------------


async def test_a_database_away_during_the_session_lookup_is_the_500_page(client, monkeypatch):
    from server.web import context

    async def refused(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ConnectionRefusedError("PostgreSQL is restarting")

    client.cookies.set("ds_session", context._signer(context_settings()).sign("k").decode())
    monkeypatch.setattr(context, "_session_user", refused)
    # The ASGI transport raises whatever escapes the app: here nothing does (uvicorn would
    # otherwise close the connection, and the next request sent on it would get no answer).
    response = await client.get("/centres/CENTREA")
    assert response.status_code == 500
    assert "请稍后再试" in response.text


def context_settings():  # type: ignore[no-untyped-def]
    from server import settings

    return settings.get()


async def test_that_500_page_is_in_the_language_the_person_chose(client, monkeypatch):
    from server.web import context

    async def refused(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ConnectionRefusedError("PostgreSQL is restarting")

    client.cookies.set("ds_session", context._signer(context_settings()).sign("k").decode())
    client.cookies.set("ds_lang", "en")
    monkeypatch.setattr(context, "_session_user", refused)
    response = await client.get("/")
    assert response.status_code == 500 and "Please try again in a moment" in response.text
