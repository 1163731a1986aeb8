"""Where a service has room: bookable slots of a day, the next open days, the nearest free times."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from server.domain import slots
from server.models.places import Service

ALTERNATIVES = 5


async def bookable_slots(service: Service, day: Any, now: datetime) -> list[slots.Slot]:
    """The day's slots a person may book now: inside lead time and days ahead."""
    calendar = await slots.load_calendar(service, day, day)
    earliest, latest = slots.bookable_window(service, now)
    return [s for s in await slots.slots_on(calendar, day) if earliest <= s.starts_at <= latest]


async def nearest_free(service: Service, around: datetime, now: datetime) -> list[slots.Slot]:
    """Up to five free slots closest in time to ``around``, within the booking window."""
    earliest, latest = slots.bookable_window(service, now)
    tz = service.centre.time_zone
    first, last = slots.local_day(earliest, tz), slots.local_day(latest, tz)
    calendar = await slots.load_calendar(service, first, last)
    every = await slots.slots_between(calendar, first, last)
    free = [s for s in every if s.remaining and earliest <= s.starts_at <= latest]
    free.sort(key=lambda s: abs((s.starts_at - around).total_seconds()))
    return sorted(free[:ALTERNATIVES], key=lambda s: s.starts_at)


async def day_view(
    service: Service, now: datetime, wanted: str, calendar: slots.Calendar, days: int = 7
) -> tuple[list[Any], tuple[Any, list[slots.Slot]] | None]:
    """The service page's slots: the days ``upcoming_days`` lists, and the slots of the one
    asked for (``wanted``, ISO date; else the first), reading the counters of that day only.
    Which days have bookable slots is arithmetic on the calendar, no query."""
    earliest, latest = slots.bookable_window(service, now)
    tz = service.centre.time_zone
    first, last = slots.local_day(earliest, tz), slots.local_day(latest, tz)
    open_days: list[Any] = []
    day = first
    while day <= last and len(open_days) < days:
        if slots.slot_starts(calendar.plan(day), service.duration_minutes):
            open_days.append(day)
        day += timedelta(days=1)
    shown = [
        d
        for d in open_days
        if any(
            earliest <= slots.at_local(d, m, tz) <= latest
            for m in slots.slot_starts(calendar.plan(d), service.duration_minutes)
        )
    ]
    if not shown:
        return [], None
    chosen = next((d for d in shown if d.isoformat() == wanted), shown[0])
    on_day = await slots.slots_on(calendar, chosen)
    return shown, (chosen, [s for s in on_day if earliest <= s.starts_at <= latest])


async def upcoming_days(
    service: Service, now: datetime, days: int = 7
) -> list[tuple[Any, list[slots.Slot]]]:
    """The next ``days`` days that have bookable slots, each with its slots (free or full)."""
    earliest, latest = slots.bookable_window(service, now)
    tz = service.centre.time_zone
    first, last = slots.local_day(earliest, tz), slots.local_day(latest, tz)
    calendar = await slots.load_calendar(service, first, last)
    open_days: list[Any] = []
    day = first
    while day <= last and len(open_days) < days:  # day plans are cheap; counters are a query
        if slots.slot_starts(calendar.plan(day), service.duration_minutes):
            open_days.append(day)
        day += timedelta(days=1)
    if not open_days:
        return []
    by_day: dict[Any, list[slots.Slot]] = {}
    for slot in await slots.slots_between(calendar, open_days[0], open_days[-1]):
        if earliest <= slot.starts_at <= latest:
            by_day.setdefault(slots.local_day(slot.starts_at, tz), []).append(slot)
    return list(by_day.items())[:days]
