"""Their bookings as a resident's "my bookings" lists them: one narrow read of what it shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from server import sql
from server.models.accounts import User
from server.models.bookings import ACTIVE_BOOKING_STATUSES, Booking, BookingStatus


@dataclass(frozen=True)
class Named:
    """A service or centre as a booking list shows it."""

    name: str
    name_en: str
    time_zone: str = ""


@dataclass(frozen=True)
class BookingRow:
    """One line of "my bookings": what the list shows of a booking, read-only."""

    code: str
    status: BookingStatus
    starts_at: datetime
    ends_at: datetime
    for_name: str
    service: Named
    centre: Named


_MINE_SQL = (
    'SELECT b."code", b."status", b."starts_at", b."ends_at", b."for_name",'
    ' s."name" AS s_name, s."name_en" AS s_name_en,'
    ' c."name" AS c_name, c."name_en" AS c_name_en, c."time_zone" AS c_tz'
    ' FROM "bookings" b JOIN "services" s ON s."id" = b."service_id"'
    ' JOIN "centres" c ON c."id" = b."centre_id"'
    ' WHERE b."user_id" = $1 ORDER BY b."starts_at", b."id"'
)
_STARTS, _ENDS = (Booking._meta.fields_map[f] for f in ("starts_at", "ends_at"))


async def mine(user: User, now: datetime) -> tuple[list[BookingRow], list[BookingRow]]:
    """The user's upcoming bookings (soonest first) and past or ended ones (latest first, the
    last 50): one narrow statement, written by hand because building the three-table query
    and its model objects cost more than running it (the page is a resident's most visited)."""
    rows = [
        BookingRow(
            r["code"],
            BookingStatus(r["status"]),
            _STARTS.to_python_value(r["starts_at"]),
            _ENDS.to_python_value(r["ends_at"]),
            r["for_name"],
            Named(r["s_name"], r["s_name_en"]),
            Named(r["c_name"], r["c_name_en"], r["c_tz"]),
        )
        for r in await sql.fetch(_MINE_SQL, [user.id], plan_once=True)
    ]
    upcoming = [b for b in rows if b.status in ACTIVE_BOOKING_STATUSES and b.ends_at > now]
    shown = {b.code for b in upcoming}
    past = [b for b in reversed(rows) if b.code not in shown]
    return upcoming, past[:50]
