"""Register, log in and out, change password: the happy paths and every kind of bad input."""

from __future__ import annotations

import dataclasses

from server.models.accounts import ApiToken, Session, User
from server.models.audit import AuditEntry
from tests.cast import PASSWORD, Cast
from tests.conftest import csrf_token, login


async def test_a_resident_registers_and_is_logged_in(client):
    token = await csrf_token(client, "/register")
    response = await client.post(
        "/register",
        data={
            "csrf_token": token,
            "phone": "138 1234 5678",
            "display_name": "王芳",
            "password": "secret-pass",
            "password2": "secret-pass",
        },
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/account?welcome=1"
    page = await client.get("/account")
    assert "13812345678" in page.text and "王芳" in page.text
    assert await AuditEntry.filter(action="user.register").count() == 1


async def test_registration_refuses_a_short_password_and_writes_nothing(client):
    token = await csrf_token(client, "/register")
    response = await client.post(
        "/register",
        data={
            "csrf_token": token,
            "phone": "13812345678",
            "password": "short",
            "password2": "short",
        },
    )
    assert response.status_code == 422
    assert "密码至少需要 8 个字符" in response.text
    assert await User.all().count() == 0 and await AuditEntry.all().count() == 0


async def test_registration_refuses_a_phone_already_registered(client, cast: Cast):
    token = await csrf_token(client, "/register")
    response = await client.post(
        "/register",
        data={
            "csrf_token": token,
            "phone": cast.resident.phone,
            "password": "secret-pass",
            "password2": "secret-pass",
        },
    )
    assert response.status_code == 422
    assert "已注册" in response.text
    assert await User.filter(phone=cast.resident.phone).count() == 1


async def test_login_then_logout(client, cast: Cast):
    response = await login(client, cast.resident.phone, PASSWORD)
    assert response.status_code == 303 and response.headers["location"] == "/"
    assert await Session.filter(user=cast.resident).count() == 1
    token = await csrf_token(client, "/account")
    response = await client.post("/logout", data={"csrf_token": token})
    assert response.status_code == 303
    assert await Session.filter(user=cast.resident).count() == 0
    assert (await client.get("/account")).status_code == 303  # back to the login form


async def test_login_goes_back_to_a_local_next_page_only(client, cast: Cast):
    token = await csrf_token(client)
    data = {
        "csrf_token": token,
        "phone": cast.resident.phone,
        "password": PASSWORD,
        "next": "//evil.example/x",
    }
    response = await client.post("/login", data=data)
    assert response.headers["location"] == "/"


async def test_unknown_phone_and_wrong_password_get_the_same_401(client, cast: Cast):
    token = await csrf_token(client)
    unknown = await client.post(
        "/login", data={"csrf_token": token, "phone": "13999999999", "password": PASSWORD}
    )
    wrong = await client.post(
        "/login", data={"csrf_token": token, "phone": cast.resident.phone, "password": "nope-nope"}
    )
    for response in (unknown, wrong):
        assert response.status_code == 401
        assert "手机号或密码不正确" in response.text
    assert await Session.all().count() == 0
    assert await AuditEntry.filter(action="user.login").count() == 0


async def test_a_malformed_phone_gets_422_with_the_field_marked(client):
    token = await csrf_token(client)
    response = await client.post(
        "/login", data={"csrf_token": token, "phone": "12345", "password": PASSWORD}
    )
    assert response.status_code == 422
    assert 'aria-invalid="true"' in response.text
    assert "请输入 11 位大陆手机号码" in response.text


async def test_messages_follow_the_chosen_language(client, cast: Cast):
    client.cookies.set("ds_lang", "en")
    token = await csrf_token(client)
    response = await client.post(
        "/login", data={"csrf_token": token, "phone": "13999999999", "password": PASSWORD}
    )
    assert response.status_code == 401
    assert "The phone number or password is not correct." in response.text
    assert '<html lang="en">' in response.text


async def test_a_post_without_csrf_token_is_refused_and_writes_nothing(client):
    await client.get("/register")
    response = await client.post(
        "/register",
        data={
            "phone": "13812345678",
            "password": "secret-pass",
            "password2": "secret-pass",
        },
    )
    assert response.status_code == 403
    assert "表单已过期" in response.text
    assert await User.all().count() == 0


async def test_a_csrf_token_from_another_browser_is_refused(client, cast: Cast):
    token = await csrf_token(client)
    client.cookies.set("ds_csrf", "x" * 43)
    response = await client.post(
        "/login", data={"csrf_token": token, "phone": cast.resident.phone, "password": PASSWORD}
    )
    assert response.status_code == 403
    assert await Session.all().count() == 0


async def test_a_cross_site_post_is_refused_even_with_the_token(client, cast: Cast):
    token = await csrf_token(client)
    response = await client.post(
        "/login",
        data={"csrf_token": token, "phone": cast.resident.phone, "password": PASSWORD},
        headers={"Origin": "https://evil.example"},
    )
    assert response.status_code == 403


async def test_a_multipart_form_is_checked_by_its_token_first(client, cast: Cast):
    token = await csrf_token(client)
    fields = {"csrf_token": token, "phone": cast.resident.phone, "password": PASSWORD}
    boundary = "doorstep-test-boundary"
    body = "".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    )
    kind = f"multipart/form-data; boundary={boundary}"
    response = await client.post(
        "/login", content=f"{body}--{boundary}--\r\n", headers={"Content-Type": kind}
    )
    assert response.status_code == 303  # the token, then the rest of the form, as read before


async def test_a_multipart_token_behind_a_big_file_is_refused_unread(client, cast: Cast):
    token = await csrf_token(client)
    boundary = "doorstep-test-boundary"
    pulled: list[int] = []

    async def body():  # type: ignore[no-untyped-def]
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n"
        ).encode()
        for i in range(64):  # 4 MiB of photo before the token
            pulled.append(i)
            yield b"x" * 65536
        yield (
            f'\r\n--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
            f"{token}\r\n--{boundary}--\r\n"
        ).encode()

    kind = f"multipart/form-data; boundary={boundary}"
    response = await client.post("/login", content=body(), headers={"Content-Type": kind})
    assert response.status_code == 403
    assert len(pulled) <= 2  # refused after 64 KiB, not after reading the 4 MiB


def test_every_multipart_form_sends_its_token_first():
    """The check reads a multipart body only as far as its token (context.TOKEN_WITHIN)."""
    import re

    from server.templating import TEMPLATES_DIR

    forms = 0
    for path in TEMPLATES_DIR.rglob("*.html"):
        text = path.read_text()
        for match in re.finditer(r"<form[^>]*multipart/form-data[^>]*>", text):
            rest = text[match.end() :]
            first = re.search(r"<(input|select|textarea)\b[^>]*>", rest)
            assert first and 'name="csrf_token"' in first.group(0), path
            forms += 1
    assert forms >= 3


async def test_htmx_requests_carry_the_token_in_a_header(client, cast: Cast):
    token = await csrf_token(client)
    response = await client.post(
        "/login",
        data={"phone": cast.resident.phone, "password": PASSWORD},
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert response.status_code == 200
    assert response.headers["HX-Redirect"] == "/"


async def test_an_htmx_login_failure_returns_only_the_form(client, cast: Cast):
    token = await csrf_token(client)
    response = await client.post(
        "/login",
        data={"phone": cast.resident.phone, "password": "wrong-one"},
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert response.status_code == 401
    assert response.text.lstrip().startswith('<form method="post" action="/login" id="login-form"')
    assert "<html" not in response.text


async def test_a_tampered_session_cookie_is_refused_with_401(client, cast: Cast):
    await login(client, cast.resident.phone, PASSWORD)
    signed = client.cookies.get("ds_session")
    client.cookies.set("ds_session", signed[:-3] + ("aaa" if not signed.endswith("aaa") else "bbb"))
    response = await client.get("/account")
    assert response.status_code == 401
    assert "登录已失效" in response.text
    assert "ds_session=;" in response.headers["set-cookie"]


async def test_failed_logins_are_limited_per_phone(client, cast: Cast):
    token = await csrf_token(client)
    data = {"csrf_token": token, "phone": cast.resident.phone, "password": "wrong-pass"}
    codes = [(await client.post("/login", data=data)).status_code for _ in range(6)]
    assert codes == [401] * 5 + [429]
    right = await client.post("/login", data={**data, "password": PASSWORD})
    assert right.status_code == 429
    assert "尝试次数过多" in right.text
    assert await Session.all().count() == 0


async def test_failed_logins_are_limited_per_ip(client, cast: Cast, settings, monkeypatch):
    strict = dataclasses.replace(settings, login_limit_per_ip=3)
    monkeypatch.setattr("server.web.accounts.get_settings", lambda: strict)
    token = await csrf_token(client)
    for i in range(3):
        await client.post(
            "/login", data={"csrf_token": token, "phone": f"1391111000{i}", "password": "x" * 8}
        )
    response = await client.post(
        "/login", data={"csrf_token": token, "phone": cast.member.phone, "password": PASSWORD}
    )
    assert response.status_code == 429


async def test_changing_the_password_ends_other_sessions_and_tokens(client, app, cast: Cast):
    await login(client, cast.resident.phone, PASSWORD)
    other = await _other_browser_session(app, cast)
    await client.post(
        "/api/v1/auth/token", json={"phone": cast.resident.phone, "password": PASSWORD}
    )
    token = await csrf_token(client, "/account/password")
    response = await client.post(
        "/account/password",
        data={
            "csrf_token": token,
            "current_password": PASSWORD,
            "new_password": "a-new-password",
        },
    )
    assert response.status_code == 200 and "密码已修改" in response.text
    assert await Session.filter(user=cast.resident).count() == 1
    assert (await other.get("/account")).status_code == 401
    assert await ApiToken.filter(user=cast.resident, revoked_at=None).count() == 0
    await other.aclose()


async def test_changing_the_password_needs_the_current_one(client, cast: Cast):
    await login(client, cast.resident.phone, PASSWORD)
    token = await csrf_token(client, "/account/password")
    response = await client.post(
        "/account/password",
        data={
            "csrf_token": token,
            "current_password": "not-it-at-all",
            "new_password": "a-new-password",
        },
    )
    assert response.status_code == 422
    user = await User.get(id=cast.resident.id)
    assert user.password_hash == cast.resident.password_hash


async def test_the_account_page_lists_roles(client, cast: Cast):
    await login(client, cast.staff_a.phone, PASSWORD)
    page = await client.get("/account")
    assert "甲社区党群服务站工作人员" in page.text


async def _other_browser_session(app, cast: Cast):
    import httpx

    other = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")
    await login(other, cast.resident.phone, PASSWORD)
    assert (await other.get("/account")).status_code == 200
    return other
