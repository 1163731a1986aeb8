"""Booking rules: places, limits, on behalf of someone, cancel, reschedule, and their messages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server.domain import availability, bookings
from server.domain.audit import Origin
from server.domain.errors import Conflict, ValidationFailed
from server.models.audit import AuditEntry
from server.models.bookings import Booking, BookingStatus, SlotUsage
from server.models.notifications import Notification, NotificationStatus
from server.models.places import ScheduleException
from tests.cast import Cast
from tests.domain.booking_fixtures import NOW, WED_0900, WED_0930, WED_1000, make_service
from workers.outbox import deliver

WEB = Origin(ip="10.0.0.1")


async def _book(cast, service, settings, user=None, at=WED_0900, **kw):  # type: ignore[no-untyped-def]
    return await bookings.book(user or cast.resident, service, at, settings, WEB, now=NOW, **kw)


async def test_a_booking_takes_a_place_and_plans_its_messages(cast: Cast, settings):
    service = await make_service(cast)
    booking = await _book(cast, service, settings)
    assert booking.status == BookingStatus.BOOKED and len(booking.code) == 8
    assert (booking.starts_at, booking.ends_at) == (WED_0900, WED_0900 + timedelta(minutes=30))
    assert (await SlotUsage.get(service_id=service.id, starts_at=WED_0900)).taken == 1
    messages = await Notification.filter(subject_type="booking", subject_id=booking.id).order_by(
        "send_after"
    )
    assert [(m.event, m.send_after) for m in messages] == [
        ("booking.confirmed", messages[0].send_after),
        ("booking.reminder", WED_0900 - timedelta(hours=24)),
        ("booking.reminder", WED_0900 - timedelta(hours=2)),
    ]
    assert messages[1].payload["materials"][0]["name"] == "居民身份证"
    assert await AuditEntry.filter(action="booking.create", object_id=booking.code).exists()


async def test_a_full_slot_is_refused_with_the_nearest_free_times_and_nothing_written(
    cast: Cast, settings
):
    service = await make_service(cast)
    await _book(cast, service, settings, user=cast.member)
    await _book(cast, service, settings, user=cast.staff_b)
    before = await Notification.all().count()
    with pytest.raises(bookings.SlotFull) as refused:
        await _book(cast, service, settings)
    starts = [slot.starts_at for slot in refused.value.alternatives]
    assert WED_0930 in starts and WED_0900 not in starts and len(starts) == 5
    assert (await SlotUsage.get(service_id=service.id, starts_at=WED_0900)).taken == 2
    assert await Booking.filter(user=cast.resident).count() == 0
    assert await Notification.all().count() == before


async def test_one_person_cannot_hold_two_places_in_one_slot(cast: Cast, settings):
    service = await make_service(cast)
    await _book(cast, service, settings)
    with pytest.raises(Conflict):
        await _book(cast, service, settings)
    assert (await SlotUsage.get(service_id=service.id, starts_at=WED_0900)).taken == 1


async def test_limits_per_person_and_per_beneficiary(cast: Cast, settings):
    service = await make_service(cast, max_active_per_beneficiary=2, max_active_per_person=2)
    await _book(cast, service, settings, at=WED_0900)
    await _book(cast, service, settings, at=WED_0930)
    with pytest.raises(Conflict, match="upcoming bookings"):
        await _book(cast, service, settings, at=WED_1000)
    strict = await make_service(cast)
    await _book(
        cast, strict, settings, user=cast.resident, for_name="王奶奶", for_phone="13911112222"
    )
    with pytest.raises(Conflict, match="This person already has"):
        await _book(
            cast,
            strict,
            settings,
            user=cast.member,
            at=WED_0930,
            for_name="王奶奶",
            for_phone="139 1111 2222",
        )


async def test_booking_on_behalf_needs_a_name_and_a_real_number(cast: Cast, settings):
    service = await make_service(cast)
    with pytest.raises(ValidationFailed) as missing:
        await _book(cast, service, settings, for_phone="13911112222")
    assert "for_name" in missing.value.fields
    with pytest.raises(ValidationFailed):
        await _book(cast, service, settings, for_name="王奶奶", for_phone="12345")
    booking = await _book(cast, service, settings, for_name="王奶奶", for_phone="+86 139-1111-2222")
    assert (booking.for_name, booking.for_phone) == ("王奶奶", "13911112222")
    assert booking.user_id == cast.resident.id


@pytest.mark.parametrize(
    ("start", "why"),
    [
        (NOW + timedelta(minutes=30), "too soon"),
        (NOW + timedelta(days=20), "days ahead"),
        (WED_0900 + timedelta(minutes=10), "no slot"),
        (datetime(2026, 12, 2, 4, 30, tzinfo=UTC), "no slot"),  # 12:30: the lunch break
    ],
)
async def test_times_outside_the_rules_are_refused(cast: Cast, settings, start, why):
    service = await make_service(cast)
    with pytest.raises(ValidationFailed):
        await _book(cast, service, settings, at=start)
    assert await Booking.all().count() == 0, why


async def test_a_closed_day_has_no_slots(cast: Cast, settings):
    service = await make_service(cast)
    await ScheduleException.create(
        centre=cast.centre_a, date=WED_0900.date(), closed=True, reason="停电"
    )
    with pytest.raises(ValidationFailed):
        await _book(cast, service, settings)
    assert await availability.bookable_slots(service, WED_0900.date(), NOW) == []


async def test_cancelling_frees_the_place_and_stops_the_reminders(cast: Cast, settings):
    service = await make_service(cast)
    booking = await _book(cast, service, settings)
    booking = await bookings.booking_for(cast.resident, booking.code.lower())
    await bookings.cancel(cast.resident, booking, "有事", settings, WEB, now=NOW)
    assert (await Booking.get(id=booking.id)).status == BookingStatus.CANCELLED
    assert (await SlotUsage.get(service_id=service.id, starts_at=WED_0900)).taken == 0
    reminders = await Notification.filter(event="booking.reminder", subject_id=booking.id)
    assert reminders and all(r.status == NotificationStatus.CANCELLED for r in reminders)
    for reminder in reminders:  # even when its time comes, a cancelled reminder is never sent
        await Notification.filter(id=reminder.id).update(
            send_after=datetime.now(UTC) - timedelta(seconds=1)
        )
        assert await deliver({"settings": settings}, reminder.id) == "not claimable"
    assert await Notification.filter(event="booking.cancelled", subject_id=booking.id).exists()
    await _book(cast, service, settings)  # the place can be taken again


async def test_cancelling_closes_before_the_cut_off(cast: Cast, settings):
    service = await make_service(cast)
    booking = await bookings.booking_for(cast.resident, (await _book(cast, service, settings)).code)
    late = WED_0900 - timedelta(minutes=119)
    with pytest.raises(Conflict):
        await bookings.cancel(cast.resident, booking, "", settings, WEB, now=late)
    assert (await Booking.get(id=booking.id)).status == BookingStatus.BOOKED


async def test_rescheduling_holds_the_new_place_before_letting_the_old_go(cast: Cast, settings):
    service = await make_service(cast)
    old = await bookings.booking_for(cast.resident, (await _book(cast, service, settings)).code)
    new = await bookings.reschedule(cast.resident, old, WED_1000, settings, WEB, now=NOW)
    assert new.starts_at == WED_1000 and new.rescheduled_from_id == old.id
    assert (await Booking.get(id=old.id)).status == BookingStatus.CANCELLED
    taken = {u.starts_at: u.taken for u in await SlotUsage.filter(service_id=service.id)}
    assert taken == {WED_0900: 0, WED_1000: 1}
    old_reminders = await Notification.filter(event="booking.reminder", subject_id=old.id)
    assert all(r.status == NotificationStatus.CANCELLED for r in old_reminders)
    assert (
        await Notification.filter(
            event="booking.reminder", subject_id=new.id, status=NotificationStatus.PENDING
        ).count()
        == 2
    )


async def test_rescheduling_to_a_full_slot_keeps_the_old_booking(cast: Cast, settings):
    service = await make_service(cast)
    old = await bookings.booking_for(cast.resident, (await _book(cast, service, settings)).code)
    await _book(cast, service, settings, user=cast.member, at=WED_1000)
    await _book(cast, service, settings, user=cast.staff_b, at=WED_1000)
    with pytest.raises(bookings.SlotFull):
        await bookings.reschedule(cast.resident, old, WED_1000, settings, WEB, now=NOW)
    assert (await Booking.get(id=old.id)).status == BookingStatus.BOOKED
    taken = {u.starts_at: u.taken for u in await SlotUsage.filter(service_id=service.id)}
    assert taken == {WED_0900: 1, WED_1000: 2}


async def test_a_reminder_goes_out_exactly_once(cast: Cast, settings):
    service = await make_service(cast)
    booking = await _book(cast, service, settings)
    reminder = await Notification.filter(event="booking.reminder", subject_id=booking.id).first()
    assert reminder is not None
    await Notification.filter(id=reminder.id).update(
        send_after=datetime.now(UTC) - timedelta(seconds=1), urgent=True
    )
    results = [await deliver({"settings": settings}, reminder.id) for _ in range(3)]
    assert results == ["sent", "not claimable", "not claimable"]


async def test_nobody_else_can_fetch_a_booking_by_its_code(cast: Cast, settings):
    service = await make_service(cast)
    booking = await _book(cast, service, settings)
    with pytest.raises(bookings.NotFound):
        await bookings.booking_for(cast.member, booking.code)
