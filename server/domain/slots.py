"""Bookable time slots of a service: its day plans cut into back-to-back slots of its duration."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from server import sql
from server.domain.schedules import DayPlan, Exception_, Week, day_plan
from server.models.bookings import SlotUsage
from server.models.places import Centre, ScheduleException, Service, WeeklyHours


@dataclass(frozen=True)
class Slot:
    starts_at: datetime  # UTC
    ends_at: datetime
    capacity: int
    taken: int

    @property
    def remaining(self) -> int:
        return max(0, self.capacity - self.taken)


@dataclass
class Calendar:
    """What decides a service's hours, loaded once for a range of days (three queries)."""

    centre: Centre
    service: Service
    centre_week: Week
    service_week: Week
    exceptions: dict[tuple[date, bool], list[Exception_]]  # (day, is the service's own) -> rows

    def plan(self, day: date) -> DayPlan:
        return day_plan(
            day,
            self.centre_week,
            self.service_week or None,
            self.exceptions.get((day, True)),
            self.exceptions.get((day, False)),
        )


async def load_calendar(service: Service, start: date, end: date) -> Calendar:
    """The calendar of one service (three queries)."""
    fetched = service.centre if isinstance(service.centre, Centre) else None  # select_related
    centre = fetched or await Centre.get(id=service.centre_id)
    return (await load_calendars(centre, [service], start, end))[service.id]


async def load_calendars(
    centre: Centre, services: Iterable[Service], start: date, end: date
) -> dict[int, Calendar]:
    """The calendars of services of ``centre``, by service id, in two queries for any number."""
    hours = await WeeklyHours.filter(centre_id=centre.id)
    changes = await ScheduleException.filter(centre_id=centre.id, date__gte=start, date__lte=end)
    return {s.id: calendar_of(centre, s, hours, changes) for s in services}


def calendar_of(
    centre: Centre, service: Service, hours: list[WeeklyHours], changes: list[ScheduleException]
) -> Calendar:
    """The calendar from rows already read (by ``load_calendars``, or from the places cache):
    the centre's weekly hours and its closures and changed hours on the days read."""
    centre_week: Week = defaultdict(list)
    service_week: Week = defaultdict(list)
    for row in hours:
        if row.service_id is None:
            centre_week[row.weekday].append((row.opens, row.closes))
        elif row.service_id == service.id:
            service_week[row.weekday].append((row.opens, row.closes))
    exceptions: dict[tuple[date, bool], list[Exception_]] = defaultdict(list)
    for exc in changes:
        if exc.service_id not in (None, service.id):
            continue
        own = exc.service_id is not None
        exceptions[(exc.date, own)].append(
            Exception_(exc.closed, exc.opens, exc.closes, exc.reason)
        )
    return Calendar(centre, service, dict(centre_week), dict(service_week), dict(exceptions))


def slot_starts(plan: DayPlan, duration: int) -> list[int]:
    """Slot starts in minutes after midnight: back to back from each opening, all fitting."""
    starts = []
    for opens, closes in plan.intervals:
        minute = opens
        while minute + duration <= closes:
            starts.append(minute)
            minute += duration
    return starts


def at_local(day: date, minute: int, tz: str) -> datetime:
    """The UTC instant of ``minute`` after local midnight of ``day`` in ``tz``."""
    local = datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(tz)) + timedelta(minutes=minute)
    return local.astimezone(UTC)


def local_day(instant: datetime, tz: str) -> date:
    return instant.astimezone(ZoneInfo(tz)).date()


def slot_at(calendar: Calendar, starts_at: datetime) -> Slot | None:
    """The slot of the calendar starting at ``starts_at``, if there is one (its counter not
    read: ``capacity`` and ``taken`` are the service's empty slot's)."""
    service, tz = calendar.service, calendar.centre.time_zone
    day = local_day(starts_at, tz)
    for minute in slot_starts(calendar.plan(day), service.duration_minutes):
        start = at_local(day, minute, tz)
        if start == starts_at:
            ends = start + timedelta(minutes=service.duration_minutes)
            return Slot(start, ends, service.capacity_per_slot, 0)
    return None


async def slots_on(calendar: Calendar, day: date) -> list[Slot]:
    """Every slot of the day with how many places are taken (bookable or not)."""
    return await slots_between(calendar, day, day)


_COUNTERS_SQL = (
    'SELECT "starts_at", "capacity", "taken" FROM "slot_usages"'
    ' WHERE "service_id" = $1 AND "starts_at" >= $2 AND "starts_at" <= $3'
)
_COUNTER_START = SlotUsage._meta.fields_map["starts_at"]


async def slots_between(calendar: Calendar, first: date, last: date) -> list[Slot]:
    """Every slot from ``first`` to ``last`` with its places taken, in one counter query."""
    service, tz = calendar.service, calendar.centre.time_zone
    starts: list[datetime] = []
    day = first
    while day <= last:
        minutes = slot_starts(calendar.plan(day), service.duration_minutes)
        starts += [at_local(day, m, tz) for m in minutes]
        day += timedelta(days=1)
    if not starts:
        return []
    # Plain rows: a busy service has hundreds of counters a week, and model objects for each
    # were most of the slot list's cost; a lookup by key, so its plan is kept.
    first_at, last_at = (
        _COUNTER_START.to_db_value(at, SlotUsage) for at in (starts[0], starts[-1])
    )
    rows = await sql.fetch(_COUNTERS_SQL, [service.id, first_at, last_at], plan_once=True)
    at = _COUNTER_START.to_python_value
    usage = {at(r["starts_at"]): (r["capacity"], r["taken"]) for r in rows}
    duration = timedelta(minutes=service.duration_minutes)
    fresh = (service.capacity_per_slot, 0)
    slots = []
    for start in starts:
        capacity, taken = usage.get(start, fresh)
        slots.append(Slot(start, start + duration, capacity, taken))
    return slots


def bookable_window(service: Service, now: datetime) -> tuple[datetime, datetime]:
    """The earliest and latest start a booking may have now (lead time, days ahead)."""
    return now + timedelta(minutes=service.min_lead_minutes), now + timedelta(
        days=service.max_days_ahead
    )
