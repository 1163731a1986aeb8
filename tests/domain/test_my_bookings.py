""" "My bookings": upcoming soonest first, the rest latest first (the last 50), each with what
the list shows, read in one statement."""

from __future__ import annotations

from datetime import timedelta

from server.domain import my_bookings
from server.models.bookings import Booking, BookingSource, BookingStatus
from tests.cast import Cast
from tests.domain.booking_fixtures import NOW, make_service
from tests.querycount import counting

HOUR = timedelta(hours=1)


async def _booking(cast: Cast, service, starts_at, status=BookingStatus.BOOKED, **more) -> Booking:  # type: ignore[no-untyped-def]
    return await Booking.create(
        service=service,
        centre=cast.centre_a,
        user=cast.resident,
        starts_at=starts_at,
        ends_at=starts_at + HOUR / 2,
        status=status,
        source=BookingSource.WEB,
        **more,
    )


async def test_upcoming_soonest_first_and_the_rest_latest_first(cast: Cast):
    service = await make_service(cast)
    later = await _booking(cast, service, NOW + 48 * HOUR)
    soon = await _booking(cast, service, NOW + 2 * HOUR, for_name="王奶奶", for_phone="13911112222")
    cancelled = await _booking(cast, service, NOW + 5 * HOUR, BookingStatus.CANCELLED)
    done = await _booking(cast, service, NOW - 48 * HOUR, BookingStatus.CHECKED_IN)
    ended = await _booking(cast, service, NOW - 5 * HOUR)  # booked, never came: over
    with counting() as queries:
        upcoming, past = await my_bookings.mine(cast.resident, NOW)
    assert queries.count == 1
    assert [b.code for b in upcoming] == [soon.code, later.code]
    assert [b.code for b in past] == [cancelled.code, ended.code, done.code]
    first = upcoming[0]
    assert (first.for_name, first.status, first.starts_at) == (
        "王奶奶",
        BookingStatus.BOOKED,
        soon.starts_at,
    )
    assert (first.service.name, first.service.name_en) == ("居住证明开具", "Proof of residence")
    assert (first.centre.name, first.centre.time_zone) == (
        cast.centre_a.name,
        cast.centre_a.time_zone,
    )


async def test_only_the_last_fifty_past_bookings_and_only_ones_own(cast: Cast):
    service = await make_service(cast)
    for day in range(1, 61):
        await _booking(cast, service, NOW - day * 24 * HOUR)
    await Booking.create(
        service=service,
        centre=cast.centre_a,
        user=cast.staff_a,
        starts_at=NOW + HOUR,
        ends_at=NOW + 2 * HOUR,
        source=BookingSource.WEB,
    )
    upcoming, past = await my_bookings.mine(cast.resident, NOW)
    assert upcoming == [] and len(past) == 50
    assert past[0].starts_at == NOW - 24 * HOUR and past[-1].starts_at == NOW - 50 * 24 * HOUR
