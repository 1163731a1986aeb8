"""The person a booking is made for (no account, only a phone) is told by SMS as well."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from server.domain import bookings
from server.domain.audit import Origin
from server.models.bookings import Booking
from server.models.notifications import Channel, Notification, NotificationStatus
from server.settings import Settings
from tests.cast import Cast
from tests.domain.booking_fixtures import NOW, WED_0900, WED_1000, make_service
from tests.workers import conftest as worker_edges
from workers.outbox import deliver

sms_gateway = worker_edges.sms_gateway  # the fake HTTP SMS gateway of tests/workers

WEB = Origin(ip="10.0.0.1")
GRANDMA = "13911112222"
TEMPLATES = {
    "booking.confirmed": "SMS_101",
    "booking.reminder": "SMS_102",
    "booking.cancelled": "SMS_103",
    "booking.rescheduled": "SMS_104",
}
S = NotificationStatus


def _with_sms(
    settings: Settings,
    url: str = "http://127.0.0.1:1/send",
    quiet_hours: tuple[int, int] = (21 * 60, 8 * 60),
) -> Settings:
    return worker_edges.configured(
        settings, sms_gateway_url=url, sms_templates=TEMPLATES, quiet_hours=quiet_hours
    )


async def _book_for_grandma(cast: Cast, settings: Settings, at: datetime = WED_0900) -> Booking:
    service = await make_service(cast)
    return await bookings.book(
        cast.resident, service, at, settings, WEB, for_name="王奶奶", for_phone=GRANDMA, now=NOW
    )


async def _to_grandma(booking: Booking) -> list[Notification]:
    rows = Notification.filter(subject_type="booking", subject_id=booking.id, user_id=None)
    return await rows.order_by("send_after")


async def test_booking_for_someone_texts_them_the_confirmation_and_reminders(cast: Cast, settings):
    cast.resident.notify_sms = False  # the booker's own choice does not silence the beneficiary
    await cast.resident.save(update_fields=["notify_sms"])
    booking = await _book_for_grandma(cast, _with_sms(settings))
    rows = await _to_grandma(booking)
    morning = datetime(2026, 12, 2, 8, 0, tzinfo=ZoneInfo("Asia/Shanghai")).astimezone(UTC)
    assert [(r.event, r.send_after) for r in rows] == [
        ("booking.confirmed", rows[0].send_after),
        ("booking.reminder", WED_0900 - timedelta(hours=24)),
        ("booking.reminder", morning),  # 07:00 falls in the install's quiet hours
    ]
    for row in rows:
        assert (row.channel, row.to_address, row.language) == (Channel.SMS, GRANDMA, "zh-CN")
        assert row.status == S.PENDING and row.payload["for_name"] == "王奶奶"
    assert rows[0].urgent and rows[0].send_after <= datetime.now(UTC)
    assert not await Notification.filter(user_id=cast.resident.id, channel=Channel.SMS).exists()
    assert (
        await Notification.filter(user_id=cast.resident.id, event="booking.reminder").count() == 2
    )


async def test_the_booker_and_the_beneficiary_each_get_their_own_sms(cast: Cast, settings):
    booking = await _book_for_grandma(cast, _with_sms(settings))
    texts = await Notification.filter(
        subject_id=booking.id, event="booking.confirmed", channel=Channel.SMS
    )
    assert sorted(t.to_address for t in texts) == sorted([cast.resident.phone, GRANDMA])


async def test_no_sms_to_the_beneficiary_without_a_gateway_or_a_template(cast: Cast, settings):
    booking = await _book_for_grandma(cast, worker_edges.configured(settings, sms_gateway_url=""))
    assert await _to_grandma(booking) == []
    only_confirmations = worker_edges.configured(
        _with_sms(settings), sms_templates={"booking.confirmed": "SMS_101"}
    )
    later = await _book_for_grandma(cast, only_confirmations, at=WED_1000 + timedelta(days=1))
    assert [r.event for r in await _to_grandma(later)] == ["booking.confirmed"]


async def test_booking_for_oneself_texts_nobody_else(cast: Cast, settings):
    service = await make_service(cast)
    await bookings.book(cast.resident, service, WED_0900, _with_sms(settings), WEB, now=NOW)
    assert not await Notification.filter(user_id=None).exists()


async def test_cancelling_stops_the_beneficiarys_reminders_and_tells_them(cast: Cast, settings):
    config = _with_sms(settings)
    made = await _book_for_grandma(cast, config)
    booking = await bookings.booking_for(cast.resident, made.code)
    await bookings.cancel(cast.resident, booking, "有事", config, WEB, now=NOW)
    rows = {(r.event, r.status) for r in await _to_grandma(booking)}
    assert rows == {
        ("booking.confirmed", S.CANCELLED),  # not sent yet in this test: no worker ran
        ("booking.reminder", S.CANCELLED),
        ("booking.cancelled", S.PENDING),
    }


async def test_rescheduling_moves_the_beneficiarys_reminders(cast: Cast, settings):
    config = _with_sms(settings)
    made = await _book_for_grandma(cast, config)
    old = await bookings.booking_for(cast.resident, made.code)
    new = await bookings.reschedule(cast.resident, old, WED_1000, config, WEB, now=NOW)
    old_reminders = [r for r in await _to_grandma(old) if r.event == "booking.reminder"]
    assert len(old_reminders) == 2 and all(r.status == S.CANCELLED for r in old_reminders)
    moved = await _to_grandma(new)
    assert [r.event for r in moved] == [
        "booking.rescheduled",
        "booking.reminder",
        "booking.reminder",
    ]
    assert all(r.status == S.PENDING and r.to_address == GRANDMA for r in moved)


async def test_a_text_to_someone_without_an_account_reaches_the_gateway(
    cast: Cast, settings, sms_gateway
):
    gateway, url = sms_gateway
    centre = cast.centre_a.name
    local = datetime.now(ZoneInfo(settings.time_zone))
    minute = local.hour * 60 + local.minute
    quiet_now = ((minute - 60) % 1440, (minute + 60) % 1440)
    booking = await _book_for_grandma(cast, _with_sms(settings, url))
    confirmation, reminder = (await _to_grandma(booking))[:2]
    assert await deliver({"settings": _with_sms(settings, url)}, confirmation.id) == "sent"
    assert len(gateway.requests) == 1
    body = gateway.requests[0]["body"]
    assert (body["phone"], body["template_id"]) == (GRANDMA, "SMS_101")
    assert body["params"] == {"code": booking.code, "time": "12-02 09:00", "centre": centre}
    assert booking.code in body["content"]
    assert (await Notification.get(id=confirmation.id)).status == S.SENT
    # A reminder that comes due inside the install's quiet hours waits; once they end, it goes.
    await Notification.filter(id=reminder.id).update(send_after=datetime.now(UTC))
    at_night = {"settings": _with_sms(settings, url, quiet_hours=quiet_now)}
    assert await deliver(at_night, reminder.id) == "deferred"
    await Notification.filter(id=reminder.id).update(send_after=datetime.now(UTC))
    never_quiet = {"settings": _with_sms(settings, url, quiet_hours=(0, 0))}
    assert await deliver(never_quiet, reminder.id) == "sent"
    assert [r["body"]["template_id"] for r in gateway.requests] == ["SMS_101", "SMS_102"]
    assert gateway.requests[1]["body"]["phone"] == GRANDMA
