"""The outbox in one process: rows, channels, exactly once, cancellation, quiet hours, retries.

Time is driven by writing due times into rows, never by sleeping.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from arq import create_pool

from server.domain import outbox, quiet_hours
from server.models.notifications import Channel, Notification, NotificationStatus
from tests.cast import PASSWORD, Cast
from tests.conftest import csrf_token, login
from tests.querycount import counting
from tests.workers.conftest import configured
from workers import outbox as workers_outbox
from workers.outbox import deliver, sweep
from workers.settings import redis_settings

S = NotificationStatus


async def _ready(cast: Cast, email: str = "resident@example.com"):  # type: ignore[no-untyped-def]
    cast.resident.email = email
    await cast.resident.save(update_fields=["email"])
    return cast.resident


async def queued_deliveries(settings) -> list[int]:  # type: ignore[no-untyped-def]
    """The rows that have a ``deliver`` job waiting in Redis, by id."""
    pool = await create_pool(redis_settings(settings))
    try:
        return sorted(job.args[0] for job in await pool.queued_jobs() if job.function == "deliver")
    finally:
        await pool.aclose()


async def welcome_row(user, key: str, send_after: datetime, **more) -> Notification:  # type: ignore[no-untyped-def]
    """An inbox welcome row written straight to the outbox (``more``: status, lease...)."""
    return await Notification.create(
        user=user,
        event="account.welcome",
        channel=Channel.INBOX,
        dedupe_key=key,
        send_after=send_after,
        **more,
    )


def _settings(settings, smtp_port: int = 1, gateway: str = "", **more):  # type: ignore[no-untyped-def]
    return configured(
        settings,
        smtp_host="127.0.0.1",
        smtp_port=smtp_port,
        sms_gateway_url=gateway,
        sms_templates={"account.password_changed": "SMS_0001"} if gateway else {},
        outbox_retry_seconds=30,
        **more,
    )


async def _password_changed(user, settings, key="k"):  # type: ignore[no-untyped-def]
    payload = {"phone": user.phone, "time": "2026-11-21 10:00"}
    return await outbox.notify(
        user, "account.password_changed", payload, settings, subject=("user", user.id), key=key
    )


async def test_an_event_writes_one_row_per_channel_the_user_takes(
    cast: Cast, settings, sms_gateway
):
    user = await _ready(cast)
    config = _settings(settings, gateway=sms_gateway[1])
    ids = await _password_changed(user, config)
    rows = await Notification.filter(id__in=ids).order_by("channel")
    assert [r.channel for r in rows] == [Channel.EMAIL, Channel.INBOX, Channel.SMS]
    assert [r.to_address for r in rows] == ["resident@example.com", "", user.phone]
    assert await _password_changed(user, config) == ids  # the same event again writes nothing
    assert await Notification.all().count() == 3


async def test_no_email_row_without_an_address_or_consent(cast: Cast, settings):
    ids = await _password_changed(cast.resident, _settings(settings))
    assert [r.channel for r in await Notification.filter(id__in=ids)] == [Channel.INBOX]


async def test_an_email_goes_out_once_in_the_recipients_language(cast: Cast, settings, smtp):
    sink, port = smtp
    user = await _ready(cast)
    config = _settings(settings, smtp_port=port)
    ids = await _password_changed(user, config)
    email_row = await Notification.get(id__in=ids, channel=Channel.EMAIL)
    assert await deliver({"settings": config}, email_row.id) == "sent"
    assert await deliver({"settings": config}, email_row.id) == "not claimable"
    assert len(sink.messages) == 1
    message = sink.messages[0]
    assert message["Subject"] == "您的“家门口”账号密码已修改"
    assert message["Message-ID"] == f"<notification-{email_row.id}@testserver>"
    parts = {
        p.get_content_type(): p.get_payload(decode=True).decode()
        for p in message.walk()
        if not p.is_multipart()
    }
    assert user.phone in parts["text/plain"] and "<p>" in parts["text/html"]
    assert (await Notification.get(id=email_row.id)).status == S.SENT


async def test_a_cancelled_scheduled_message_is_never_sent(cast: Cast, settings, smtp):
    sink, port = smtp
    user = await _ready(cast)
    config = _settings(settings, smtp_port=port)
    later = datetime.now(UTC) + timedelta(hours=2)
    ids = await outbox.notify(
        user, "account.welcome", {"name": "x"}, config, subject=("user", user.id), send_after=later
    )
    assert await outbox.cancel("user", user.id) == 1
    await Notification.filter(id__in=ids).update(
        send_after=datetime.now(UTC) - timedelta(minutes=1)
    )  # time passes
    assert await deliver({"settings": config}, ids[0]) == "not claimable"
    assert await outbox.due_ids(datetime.now(UTC)) == []
    assert (await Notification.get(id=ids[0])).status == S.CANCELLED


async def test_a_message_written_in_quiet_hours_waits_for_the_morning():
    tz = "Asia/Shanghai"
    late = datetime(2026, 11, 21, 22, 30, tzinfo=ZoneInfo(tz)).astimezone(UTC)
    morning = datetime(2026, 11, 22, 8, 0, tzinfo=ZoneInfo(tz)).astimezone(UTC)
    assert quiet_hours.next_allowed(late, (21 * 60, 8 * 60), tz) == morning
    early = datetime(2026, 11, 22, 6, 0, tzinfo=ZoneInfo(tz)).astimezone(UTC)
    assert quiet_hours.next_allowed(early, (21 * 60, 8 * 60), tz) == morning
    noon = datetime(2026, 11, 22, 12, 0, tzinfo=ZoneInfo(tz)).astimezone(UTC)
    assert quiet_hours.next_allowed(noon, (21 * 60, 8 * 60), tz) == noon
    assert quiet_hours.next_allowed(noon, (11 * 60, 13 * 60), tz) == noon + timedelta(hours=1)


async def test_a_due_email_in_quiet_hours_is_deferred_not_dropped(cast: Cast, settings, smtp):
    sink, port = smtp
    user = await _ready(cast)
    local = datetime.now(ZoneInfo(settings.time_zone))
    now_minute = local.hour * 60 + local.minute
    user.quiet_start, user.quiet_end = (now_minute - 60) % 1440, (now_minute + 60) % 1440
    await user.save(update_fields=["quiet_start", "quiet_end"])
    config = _settings(settings, smtp_port=port)
    ids = await outbox.notify(
        user, "account.welcome", {"name": "x"}, config, subject=("user", user.id)
    )
    row = await Notification.get(id__in=ids, channel=Channel.INBOX)
    assert row.send_after <= datetime.now(UTC)  # the inbox ignores quiet hours
    # An email that comes due inside the user's quiet hours (e.g. a retry) waits, unsent.
    email_row = await Notification.create(
        user=user,
        to_address=user.email,
        event="account.welcome",
        channel=Channel.EMAIL,
        payload={"name": "x"},
        dedupe_key="quiet-test",
        send_after=datetime.now(UTC),
    )
    assert await deliver({"settings": config}, email_row.id) == "deferred"
    email_row = await Notification.get(id=email_row.id)
    assert email_row.status == S.PENDING and email_row.attempts == 0
    assert email_row.send_after > datetime.now(UTC) + timedelta(minutes=50)
    assert sink.messages == []
    # The night is over: a quiet window that does not hold now (the default one might).
    user.quiet_start, user.quiet_end = (now_minute + 120) % 1440, (now_minute + 180) % 1440
    await user.save(update_fields=["quiet_start", "quiet_end"])
    await Notification.filter(id=email_row.id).update(send_after=datetime.now(UTC))
    assert await deliver({"settings": config}, email_row.id) == "sent"
    assert len(sink.messages) == 1


async def test_an_urgent_message_ignores_quiet_hours(cast: Cast, settings):
    user = await _ready(cast)
    local = datetime.now(ZoneInfo(settings.time_zone))
    minute = local.hour * 60 + local.minute
    user.quiet_start, user.quiet_end = (minute - 60) % 1440, (minute + 60) % 1440
    ids = await _password_changed(user, _settings(settings))
    for row in await Notification.filter(id__in=ids):
        assert row.send_after <= datetime.now(UTC)


async def test_gateway_failures_retry_then_fail_visibly_and_an_admin_retry_succeeds(
    cast: Cast, settings, sms_gateway, client, monkeypatch
):
    gateway, url = sms_gateway
    config = _settings(settings, gateway=url, outbox_max_attempts=3, sms_gateway_key="secret")
    ids = await _password_changed(cast.resident, config)
    sms = await Notification.get(id__in=ids, channel=Channel.SMS)
    gateway.fail_next = 3
    outcomes = []
    for _ in range(3):
        outcomes.append(await deliver({"settings": config}, sms.id))
        row = await Notification.get(id=sms.id)
        if row.status == S.PENDING:
            assert row.send_after > datetime.now(UTC)  # backing off
            await Notification.filter(id=sms.id).update(send_after=datetime.now(UTC))  # time passes
    assert outcomes == ["retrying", "retrying", "failed"]
    row = await Notification.get(id=sms.id)
    assert row.status == S.FAILED and row.attempts == 3
    assert "503" in row.last_error and "carrier unavailable" in row.last_error

    await _make_city_admin(cast)
    await login(client, cast.street_admin.phone, PASSWORD)
    page = await client.get("/admin/outbox?status=failed")
    assert page.status_code == 200 and "carrier unavailable" in page.text
    monkeypatch.setattr("server.web.admin_outbox.get_settings", lambda: config)
    token = await csrf_token(client, "/admin/outbox")
    response = await client.post(f"/admin/outbox/{row.public_id}/retry", data={"csrf_token": token})
    assert response.status_code == 303
    assert await deliver({"settings": config}, sms.id) == "sent"
    assert len(gateway.requests) == 1
    request = gateway.requests[0]
    assert request["auth"] == "Bearer secret"
    assert (
        request["body"]["template_id"] == "SMS_0001"
        and request["body"]["phone"] == cast.resident.phone
    )
    assert request["body"]["params"] == {"time": "2026-11-21 10:00"}


async def test_only_city_admins_see_and_retry_failed_messages(cast: Cast, client):
    await login(client, cast.staff_a.phone, PASSWORD)
    assert (await client.get("/admin/outbox")).status_code == 403
    row = await welcome_row(cast.resident, "x", datetime.now(UTC), status=S.FAILED)
    token = await csrf_token(client, "/account")
    assert (
        await client.post(f"/admin/outbox/{row.public_id}/retry", data={"csrf_token": token})
    ).status_code == 403
    assert (await Notification.get(id=row.id)).status == S.FAILED


async def test_the_sweep_wakes_due_and_stuck_rows(cast: Cast, settings):
    now = datetime.now(UTC)
    due = await welcome_row(cast.resident, "due", now - timedelta(seconds=1))
    stuck = await welcome_row(
        cast.resident,
        "stuck",
        now - timedelta(minutes=10),
        status=S.SENDING,
        claimed_until=now - timedelta(seconds=1),
    )
    await welcome_row(cast.resident, "later", now + timedelta(hours=1))
    assert await sweep({"settings": settings}) == {"messages": 2, "jobs": 0}
    assert await queued_deliveries(settings) == sorted([due.id, stuck.id])
    assert await deliver({"settings": settings}, stuck.id) == "sent"  # its lease ran out


async def test_one_sweep_wakes_a_backlog_longer_than_its_page(cast: Cast, settings, monkeypatch):
    monkeypatch.setattr(workers_outbox, "SWEEP_PAGE", 2)  # e.g. what Redis lost while away
    now = datetime.now(UTC)
    rows = [
        await welcome_row(cast.resident, f"backlog{i}", now - timedelta(minutes=1))
        for i in range(5)
    ]
    assert await sweep({"settings": settings}) == {"messages": 5, "jobs": 0}
    assert await queued_deliveries(settings) == [row.id for row in rows]


async def test_only_messages_due_before_the_next_sweep_wait_in_redis(cast: Cast, settings):
    now = datetime.now(UTC)
    rows = [
        await welcome_row(cast.resident, key, now + ahead)
        for key, ahead in (("now", timedelta(0)), ("soon", timedelta(seconds=30)),
                           ("tomorrow", timedelta(days=1)))
    ]  # fmt: skip
    await outbox.dispatch([row.id for row in rows], settings)
    queued = await queued_deliveries(settings)
    assert queued == sorted(row.id for row in rows[:2])  # a reminder a day ahead: not yet
    await Notification.filter(id=rows[2].id).update(send_after=now - timedelta(seconds=1))
    assert (await sweep({"settings": settings}))["messages"] == 2  # now due: the sweep
    assert rows[2].id in await queued_deliveries(settings)


async def test_rows_just_written_are_woken_without_reading_them_back(cast: Cast, settings):
    now = datetime.now(UTC)
    rows = [
        Notification(user=cast.resident, event="account.welcome", channel=Channel.INBOX,
                     dedupe_key=key, send_after=now + ahead)
        for key, ahead in (("new-now", timedelta(0)), ("new-tomorrow", timedelta(days=1)))
    ]  # fmt: skip
    ids = await outbox.write(rows)
    assert all(isinstance(i, outbox.Written) for i in ids)
    with counting() as queries:
        await outbox.dispatch(ids, settings)
    assert queries.count == 0
    assert await queued_deliveries(settings) == [ids[0]]  # a reminder a day ahead: not yet
    # Written again (a retried change): the ids are read back, and woken after a read
    again = await outbox.write([Notification(user=cast.resident, event="account.welcome",
                                             channel=Channel.INBOX, dedupe_key="new-now",
                                             send_after=now)])  # fmt: skip
    assert again == [ids[0]] and not isinstance(again[0], outbox.Written)
    with counting() as queries:
        await outbox.dispatch(again, settings)
    assert queries.count == 1


async def test_a_new_resident_finds_the_welcome_in_the_inbox(client, settings):
    token = await csrf_token(client, "/register")
    data = {
        "csrf_token": token,
        "phone": "13912345678",
        "password": "long-enough",
        "password2": "long-enough",
    }
    await client.post("/register", data=data)
    row = await Notification.get(channel=Channel.INBOX, event="account.welcome")
    assert await deliver({"settings": settings}, row.id) == "sent"
    page = await client.get("/inbox")
    assert "欢迎使用“家门口”" in page.text
    assert '<span class="badge"' in page.text
    assert "查看</a>" not in page.text  # a welcome leads nowhere in particular
    token = await csrf_token(client, "/inbox")
    response = await client.post(
        f"/inbox/{row.public_id}/read", headers={"HX-Request": "true", "X-CSRF-Token": token}
    )
    assert response.text.lstrip().startswith(f'<li class="message card" id="m-{row.public_id}">')
    assert 'id="inbox-link" hx-swap-oob="true"' in response.text and "badge" not in response.text
    assert (await Notification.get(id=row.id)).read_at is not None


async def test_one_cannot_mark_someone_elses_message_read(cast: Cast, client):
    row = await welcome_row(cast.member, "m", datetime.now(UTC), status=S.SENT)
    await login(client, cast.resident.phone, PASSWORD)
    token = await csrf_token(client, "/inbox")
    response = await client.post(f"/inbox/{row.public_id}/read", data={"csrf_token": token})
    assert response.status_code == 404
    assert (await Notification.get(id=row.id)).read_at is None


async def _make_city_admin(cast: Cast) -> None:
    from server.domain.audit import CLI
    from server.domain.roles import grant
    from server.models.accounts import Role

    await grant(cast.street_admin, Role.ADMIN, cast.city.code, None, CLI)


async def test_a_wake_up_for_a_time_long_past_is_enqueued_to_run_now(settings, db):
    from datetime import UTC, datetime, timedelta

    from server import queue

    long_ago = datetime.now(UTC) - timedelta(days=3)
    assert await queue.enqueue(settings, "deliver", 0, job_id="deliver:past", defer_until=long_ago)


async def test_a_wake_up_is_an_arq_job_enqueued_once_per_id(settings, db):
    from server import queue

    later = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=5)
    for _ in range(2):  # the same wake-up again is no second job
        assert await queue.enqueue(settings, "deliver", 42, job_id="deliver:42", defer_until=later)
    pool = await create_pool(redis_settings(settings))
    try:
        [job] = [j for j in await pool.queued_jobs() if j.function == "deliver"]
        assert job.args == (42,) and job.job_id == "deliver:42"
        assert job.score == int(later.timestamp() * 1000)  # arq runs it then, not before
        assert 0 < await pool.pttl("arq:job:deliver:42") <= (5 * 60 + 86_400) * 1000
    finally:
        await pool.aclose()


def test_an_inbox_message_leads_to_the_page_it_is_about():
    from server.web.inbox import _link

    def row(payload, subject_type=""):  # type: ignore[no-untyped-def]
        return Notification(payload=payload, subject_type=subject_type)

    assert _link(row({"url": "https://doorstep.example/me/invitations/AB12"})) == (
        "/me/invitations/AB12"
    )  # whatever host the message was written for: this site's page
    assert _link(row({"url": "/me/hours"})) == "/me/hours"
    assert _link(row({"url": "//elsewhere.example/x"})) is None
    assert _link(row({"code": "B7K2"}, "booking")) == "/bookings/B7K2"
    assert _link(row({"name": "王"}, "user")) is None
