"""Limits per person and per beneficiary: counted in the booking's transaction, so they hold
when several processes book at once (SQLite and PostgreSQL alike).

Run as a module, this file is also the racing process:
    python -m tests.domain.test_booking_limits SERVICE_CODE GO_AT_EPOCH NOW_ISO \\
        USER_ID,START_ISO,FOR_PHONE...
It makes every booking at once and prints one line each: "ok CODE", "limit", "full" or
"conflict".
"""

from __future__ import annotations

import asyncio
import sys
import time
from datetime import datetime, timedelta

import pytest

from server import db
from server import settings as settings_module
from server.domain import bookings
from server.domain.audit import Origin
from server.domain.errors import Conflict
from server.models.accounts import User
from server.models.bookings import Booking, BookingStatus, SlotUsage
from server.models.notifications import Notification
from tests.cast import Cast
from tests.domain.booking_fixtures import NOW, WED_0900, WED_0930, WED_1000, make_service

WEB = Origin(ip="10.0.0.1")
GRANDMA = "13911112222"
PROCESSES = 4
LIMIT_MESSAGES = ("You already have", "This person already has")


async def _book(cast, service, settings, user=None, at=WED_0900, **kw):  # type: ignore[no-untyped-def]
    return await bookings.book(user or cast.resident, service, at, settings, WEB, now=NOW, **kw)


def _wednesday_slots(count: int) -> list[datetime]:
    """The first ``count`` slots of Wednesday morning and afternoon (09:00-12:00, 13:30-17:30)."""
    morning = [WED_0900 + timedelta(minutes=30 * i) for i in range(6)]
    afternoon = [WED_0900 + timedelta(hours=4, minutes=30 + 30 * i) for i in range(8)]
    return (morning + afternoon)[:count]


async def test_a_person_at_the_limit_is_refused_and_nothing_is_written(cast: Cast, settings):
    service = await make_service(cast, max_active_per_person=2, max_active_per_beneficiary=5)
    await _book(cast, service, settings, at=WED_0900)
    await _book(cast, service, settings, at=WED_0930, for_name="王奶奶", for_phone=GRANDMA)
    messages = await Notification.all().count()
    with pytest.raises(Conflict, match="upcoming bookings") as refused:
        await _book(
            cast, service, settings, at=WED_1000, for_name="李爷爷", for_phone="13911113333"
        )
    assert refused.value.params == {"count": 2}
    assert await Booking.filter(user=cast.resident).count() == 2
    assert not await SlotUsage.filter(service_id=service.id, starts_at=WED_1000, taken__gt=0)
    assert await Notification.all().count() == messages


async def test_a_beneficiary_is_one_person_whoever_books_for_them(cast: Cast, settings):
    service = await make_service(cast, max_active_per_beneficiary=1)
    await _book(cast, service, settings, user=cast.member, for_name="王", for_phone=GRANDMA)
    grandma = await User.create(phone=GRANDMA, password_hash="-")
    with pytest.raises(Conflict, match="This person already has"):  # herself, with an account
        await _book(cast, service, settings, user=grandma, at=WED_0930)
    with pytest.raises(Conflict, match="This person already has"):  # a third person for her
        await _book(cast, service, settings, at=WED_1000, for_name="王奶奶", for_phone=GRANDMA)
    await _book(cast, service, settings, at=WED_1000)  # the resident for herself is someone else


async def test_someone_booked_for_themself_cannot_be_booked_for_again(cast: Cast, settings):
    service = await make_service(cast, max_active_per_beneficiary=1)
    await _book(cast, service, settings, user=cast.member)
    with pytest.raises(Conflict, match="This person already has"):
        await _book(
            cast, service, settings, at=WED_0930, for_name="党员", for_phone=cast.member.phone
        )


async def test_cancelled_past_and_other_services_bookings_do_not_count(cast: Cast, settings):
    service = await make_service(cast, max_active_per_person=1)
    other = await make_service(cast, max_active_per_person=1)
    await _book(cast, other, settings)  # another service has its own limits
    first = await _book(cast, service, settings)
    booking = await bookings.booking_for(cast.resident, first.code)
    await bookings.cancel(cast.resident, booking, "", settings, WEB, now=NOW)
    second = await _book(cast, service, settings, at=WED_0930)
    later = WED_1000 + timedelta(days=1)  # Thursday: Wednesday's booking has passed by then
    await bookings.book(
        cast.resident, service, later, settings, WEB, now=WED_0930 + timedelta(hours=2)
    )
    assert second.status == BookingStatus.BOOKED
    assert await Booking.filter(service_id=service.id, status=BookingStatus.BOOKED).count() == 2


async def test_a_booking_at_the_limit_can_still_be_moved(cast: Cast, settings):
    service = await make_service(cast, max_active_per_person=1, max_active_per_beneficiary=1)
    made = await _book(cast, service, settings, for_name="王奶奶", for_phone=GRANDMA)
    old = await bookings.booking_for(cast.resident, made.code)
    new = await bookings.reschedule(cast.resident, old, WED_1000, settings, WEB, now=NOW)
    assert (new.starts_at, new.for_phone) == (WED_1000, GRANDMA)
    assert await Booking.filter(status=BookingStatus.BOOKED).count() == 1


async def _race(service_code: str, groups: list[list[str]]) -> list[str]:
    """One process per group of bookings ("user,start,phone"), all made at the same instant."""
    go_at = str(time.time() + 3)  # time for every process to start and connect first
    racers = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.domain.test_booking_limits",
            service_code,
            go_at,
            NOW.isoformat(),
            *group,
            stdout=asyncio.subprocess.PIPE,
        )
        for group in groups
    ]
    outcomes: list[str] = []
    for racer, group in zip(racers, groups, strict=True):
        out, _ = await asyncio.wait_for(racer.communicate(), timeout=120)
        assert racer.returncode == 0
        outcomes += out.decode().split("\n")[: len(group)]
    return outcomes


async def test_racing_bookers_of_different_slots_for_one_beneficiary_get_one(cast: Cast, settings):
    service = await make_service(cast, max_active_per_beneficiary=1)
    bookers = [
        (await User.create(phone=f"1377700{i:04d}", password_hash="-")).id for i in range(PROCESSES)
    ]
    starts = iter(_wednesday_slots(PROCESSES * 2))
    groups = [[f"{b},{next(starts).isoformat()},{GRANDMA}" for _ in range(2)] for b in bookers]
    outcomes = await _race(service.code, groups)
    assert sum(o.startswith("ok") for o in outcomes) == 1, outcomes
    assert outcomes.count("limit") == PROCESSES * 2 - 1
    assert await Booking.filter(service_id=service.id, for_phone=GRANDMA).count() == 1
    assert sum(u.taken for u in await SlotUsage.filter(service_id=service.id)) == 1


async def test_one_booker_racing_for_many_people_stays_within_their_limit(cast: Cast, settings):
    service = await make_service(cast, max_active_per_person=2, max_active_per_beneficiary=1)
    me = cast.resident.id
    starts = iter(_wednesday_slots(PROCESSES * 2))
    groups = [
        [f"{me},{next(starts).isoformat()},1391111{p}{i:03d}" for i in range(2)]
        for p in range(PROCESSES)
    ]
    outcomes = await _race(service.code, groups)
    assert sum(o.startswith("ok") for o in outcomes) == 2, outcomes
    assert outcomes.count("limit") == PROCESSES * 2 - 2
    assert await Booking.filter(service_id=service.id, user=cast.resident).count() == 2


async def _one(code: str, booking: str, now: datetime) -> str:
    user_id, start, phone = booking.split(",")
    user = await User.get(id=int(user_id))
    service = await bookings.service_by_code(code)
    try:
        made = await bookings.book(
            user,
            service,
            datetime.fromisoformat(start),
            settings_module.get(),
            Origin(via="race"),
            for_name="王奶奶" if phone else "",
            for_phone=phone,
            now=now,
        )
    except bookings.SlotFull:
        return "full"
    except Conflict as refused:
        return "limit" if refused.message.startswith(LIMIT_MESSAGES) else "conflict"
    return f"ok {made.code}"


async def _main(code: str, go_at: float, now: str, wanted: list[str]) -> None:
    await db.open_db(settings_module.get())
    try:
        await asyncio.sleep(max(0.0, go_at - time.time()))  # every process starts together
        results = await asyncio.gather(
            *(_one(code, b, datetime.fromisoformat(now)) for b in wanted)
        )
        print("\n".join(results), flush=True)
    finally:
        await db.close_db()


if __name__ == "__main__":
    asyncio.run(_main(sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4:]))
