"""A slot's capacity holds when several processes race for it (SQLite and PostgreSQL alike)."""

from __future__ import annotations

import asyncio
import sys
import time

from server.models.accounts import User
from server.models.bookings import Booking, BookingStatus, SlotUsage
from tests.cast import Cast
from tests.domain.booking_fixtures import NOW, WED_0900, make_service

PROCESSES, USERS_EACH = 4, 6


async def _race(service_code: str, groups: list[list[int]]) -> list[str]:
    """One process per group of user ids, all booking WED_0900 at the same instant."""
    go_at = str(time.time() + 3)  # time for every process to start and connect first
    racers = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.race_book",
            service_code,
            WED_0900.isoformat(),
            go_at,
            NOW.isoformat(),
            *map(str, group),
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


async def test_racing_processes_never_oversell_a_slot(cast: Cast, settings):
    service = await make_service(cast, capacity_per_slot=3)
    ids = [
        (await User.create(phone=f"1366600{i:04d}", password_hash="-")).id
        for i in range(PROCESSES * USERS_EACH)
    ]
    outcomes = await _race(
        service.code, [ids[p * USERS_EACH : (p + 1) * USERS_EACH] for p in range(PROCESSES)]
    )
    assert sum(o.startswith("ok") for o in outcomes) == 3
    assert sum(o == "full" for o in outcomes) == PROCESSES * USERS_EACH - 3
    assert await Booking.filter(service_id=service.id, status=BookingStatus.BOOKED).count() == 3
    assert (await SlotUsage.get(service_id=service.id, starts_at=WED_0900)).taken == 3


async def test_one_person_racing_themself_gets_one_place(cast: Cast, settings):
    service = await make_service(cast, capacity_per_slot=5, max_active_per_person=5)
    me = cast.resident.id
    outcomes = await _race(service.code, [[me, me], [me, me], [me, me]])
    assert sum(o.startswith("ok") for o in outcomes) == 1
    assert await Booking.filter(service_id=service.id, user=cast.resident).count() == 1
    assert (await SlotUsage.get(service_id=service.id, starts_at=WED_0900)).taken == 1
