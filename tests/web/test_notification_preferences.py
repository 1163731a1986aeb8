"""People choose how they are contacted: email, SMS, quiet hours; bad input changes nothing."""

from __future__ import annotations

from server.models.accounts import User
from server.models.audit import AuditEntry
from tests.cast import PASSWORD, Cast
from tests.conftest import csrf_token, login


async def _submit(client, **fields: str):  # type: ignore[no-untyped-def]
    token = await csrf_token(client, "/account/notifications")
    return await client.post("/account/notifications", data={"csrf_token": token, **fields})


async def test_a_resident_sets_email_and_quiet_hours(client, cast: Cast):
    await login(client, cast.resident.phone, PASSWORD)
    response = await _submit(
        client, email="li@example.com", by_email="1", quiet_start="22:00", quiet_end="07:30"
    )
    assert response.status_code == 303
    user = await User.get(id=cast.resident.id)
    assert (user.email, user.notify_email, user.notify_sms) == ("li@example.com", True, False)
    assert (user.quiet_start, user.quiet_end) == (22 * 60, 7 * 60 + 30)
    entry = await AuditEntry.get(action="user.notification_preferences")
    assert entry.after is not None and entry.after["email"] == "li@example.com"
    page = await client.get("/account/notifications?saved=1")
    assert 'value="22:00"' in page.text and "已保存" in page.text


async def test_a_bad_email_or_half_a_quiet_window_is_refused(client, cast: Cast):
    await login(client, cast.resident.phone, PASSWORD)
    bad_email = await _submit(client, email="not-an-address", by_email="1")
    assert bad_email.status_code == 422 and "请输入电子邮箱地址" in bad_email.text
    half = await _submit(client, email="", quiet_start="22:00")
    assert half.status_code == 422 and "免打扰" in half.text
    bad_time = await _submit(client, email="", quiet_start="25:00", quiet_end="07:00")
    assert bad_time.status_code == 422
    user = await User.get(id=cast.resident.id)
    assert user.email is None and user.quiet_start is None
    assert not await AuditEntry.filter(action="user.notification_preferences").exists()


async def test_the_page_needs_a_login(client):
    response = await client.get("/account/notifications")
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
