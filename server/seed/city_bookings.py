"""Two years of bookings and the coming fortnight's, with slot counters that match them.

Each service gets its share of the bookings (a few services are far busier than most) on days
drawn with more weight on recent ones, in slots its calendar opens (``schedules.day_plan``, the
rules the site books by). A draw that would overfill a slot or break a person's limits is drawn
again. The slot counters are written per service from what was drawn, so ``taken`` is the
number of active bookings and no slot holds more than its capacity.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from server.domain.schedules import day_plan
from server.domain.slots import at_local
from server.domain.slots import slot_starts as starts_of
from server.models.bookings import (
    ACTIVE_BOOKING_STATUSES,
    Booking,
    BookingSource,
    BookingStatus,
    SlotUsage,
)
from server.models.places import CentreKind
from server.seed import demo_data as data
from server.seed.city_context import CityContext, ServiceInfo
from server.seed.city_names import person
from server.seed.demo_bookings import FUTURE_MIX, PAST_MIX, SOURCE_MIX
from server.seed.demo_services import SERVICES
from server.seed.demo_texts import CANCEL_REASONS

PAST_DAYS, FUTURE_DAYS = 730, 14
COLUMNS = [
    "code", "service_id", "centre_id", "user_id", "for_name", "for_phone", "starts_at", "ends_at",
    "status", "source", "holder_key", "note", "checked_in_at", "checked_in_by_id", "cancelled_at",
    "cancel_reason", "rating", "created_at",
]  # fmt: skip
BUSY = {CentreKind.STREET: 3.0, CentreKind.CITY: 2.0, CentreKind.DISTRICT: 2.0}
QUIET = 0.5  # regional centres; community centres count 1
FLUSH = 100_000
Row = tuple[Any, ...]


@dataclass
class Calendar:
    """The days bookings fall on, their weights, and slot starts per (week, duration, day)."""

    city: CityContext
    first: datetime = field(init=False)
    midnights: list[datetime] = field(default_factory=list)
    cumulative: list[float] = field(default_factory=list)
    cache: dict[tuple[int, int, int], list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        total = 0.0
        for n in range(-PAST_DAYS, FUTURE_DAYS + 1):
            day = self.city.today + timedelta(days=n)
            self.midnights.append(at_local(day, 0, "Asia/Shanghai"))
            # Use grows over the two years; ahead, fewer have booked yet the further it is.
            weight = 0.4 + 0.6 * (n + PAST_DAYS) / PAST_DAYS if n <= 0 else 1 - n / 16
            total += weight
            self.cumulative.append(total)

    def day(self) -> int:
        rng = self.city.rng
        return bisect.bisect_left(self.cumulative, rng.random() * self.cumulative[-1])

    def starts(self, service: ServiceInfo, d: int) -> list[int]:
        ordinal = self.city.today.toordinal() - PAST_DAYS + d
        if (service.centre_id, ordinal) in self.city.closed_days:
            return []
        key = (service.week, service.duration, d)
        if key not in self.cache:
            centre_week, own_week = self.city.weeks[service.week]
            day = self.city.today + timedelta(days=d - PAST_DAYS)
            self.cache[key] = starts_of(day_plan(day, centre_week, own_week), service.duration)
        return self.cache[key]


@dataclass
class Slots:
    """One service's slots drawn so far: places held, active bookings, and active holders."""

    held: dict[tuple[int, int], list[int]] = field(default_factory=dict)  # -> [held, active]
    holders: set[str] = field(default_factory=set)  # one active booking per beneficiary
    per_user: dict[int, int] = field(default_factory=dict)  # active bookings per user


async def seed_bookings(city: CityContext) -> None:
    """Write the share of bookings of every bookable service and its slot counters."""
    calendar = Calendar(city)
    bookable = [s for s in city.service_info if s.bookable]
    wanted = _shares(city, bookable)
    forced = _demo_visits(city, calendar, bookable)
    rows: list[Row] = []
    usages: list[Row] = []
    owed = 0
    for service, count in zip(bookable, wanted, strict=True):
        due = count + owed
        owed = due - _service(
            city, calendar, service, due, forced.get(service.id, []), rows, usages
        )
        if len(rows) >= FLUSH:
            await _flush(city, rows, usages)
    await _flush(city, rows, usages)
    if owed:  # what a full service leaves goes to the next one; the last had no room left
        raise RuntimeError(f"{owed} bookings found no free slot")


async def _flush(city: CityContext, rows: list[Row], usages: list[Row]) -> None:
    await city.sink.write(Booking, COLUMNS, rows)
    await city.sink.write(SlotUsage, ["service_id", "starts_at", "capacity", "taken"], usages)
    rows.clear()
    usages.clear()


def _shares(city: CityContext, services: list[ServiceInfo]) -> list[int]:
    """Bookings per service: heavy-tailed popularity, busier at street and district centres."""
    kinds = {c.id: c.kind for c in city.centres.values()}
    weights = []
    for s in services:
        kind = kinds[s.centre_id]
        factor = BUSY.get(kind, 1.0 if kind == CentreKind.COMMUNITY else QUIET)
        weights.append(min(50.0, city.rng.paretovariate(1.2)) * factor * s.capacity**0.5)
    total, goal = sum(weights), city.sizes.bookings
    counts = [int(goal * w / total) for w in weights]
    for i in city.rng.sample(range(len(counts)), goal - sum(counts)):
        counts[i] += 1
    return counts


def _service(
    city: CityContext,
    calendar: Calendar,
    service: ServiceInfo,
    count: int,
    forced: list[tuple[int, int, BookingStatus, bool]],
    rows: list[Row],
    usages: list[Row],
) -> int:
    """Append up to ``count`` bookings of one service and its counters; returns how many."""
    slots, made, tries = Slots(), 0, 0
    for d, minute, status, behalf in forced:
        row = _booking(city, calendar, service, slots, d, minute, (1, status, behalf))
        assert row is not None, "the demo resident's visits fit their slots"
        rows.append(row)
        made += 1
    while made < count and tries < 20 * count + 50:
        tries += 1
        d = calendar.day()
        starts = calendar.starts(service, d)
        if starts:
            row = _booking(city, calendar, service, slots, d, city.rng.choice(starts))
            if row is not None:
                rows.append(row)
                made += 1
    for (d, minute), (_, active) in slots.held.items():
        starts_at = calendar.midnights[d] + timedelta(minutes=minute)
        usages.append((service.id, starts_at, service.capacity, active))
    return made


def _booking(
    city: CityContext,
    calendar: Calendar,
    service: ServiceInfo,
    slots: Slots,
    d: int,
    minute: int,
    demo: tuple[int, BookingStatus, bool] | None = None,
) -> Row | None:
    rng, now = city.rng, city.now
    starts = calendar.midnights[d] + timedelta(minutes=minute)
    ends = starts + timedelta(minutes=service.duration)
    status = demo[1] if demo else _status(city, starts, ends)
    walk_in = not demo and ends <= now and rng.random() < 0.08
    behalf = demo[2] if demo else not walk_in and rng.random() < 0.12
    slot = slots.held.get((d, minute), [0, 0])
    holds, active = status != BookingStatus.CANCELLED, status in ACTIVE_BOOKING_STATUSES
    if holds and slot[0] >= service.capacity:
        return None
    user = None if walk_in else (demo[0] if demo else _neighbour(city, service))
    for_name, for_phone = "", ""
    if walk_in:
        for_name, for_phone = person(rng.randrange(1 << 30)), f"1350715{rng.randint(0, 9999):04d}"
    elif behalf:
        for_name, for_phone = person(rng.randrange(1 << 30)), f"1390715{rng.randint(0, 9999):04d}"
        if demo:
            for_name, for_phone = data.RESIDENT_MOTHER
    holder = f"{user}:{for_phone or 'self'}" if active else None
    if holder is not None and user is not None:
        if holder in slots.holders or slots.per_user.get(user, 0) >= 3:
            return None
        slots.holders.add(holder)
        slots.per_user[user] = slots.per_user.get(user, 0) + 1
    slot[0] += holds
    slot[1] += active
    slots.held[(d, minute)] = slot
    created = starts - timedelta(minutes=5) if walk_in else _created(city, starts)
    source = BookingSource.WALK_IN if walk_in else _source(city)
    visit = _visit(city, service, status, starts, created)
    return (city.code_of("bookings"), service.id, service.centre_id, user, for_name, for_phone,
            starts, ends, status, source, holder, "", *visit, created)  # fmt: skip


def _status(city: CityContext, starts: datetime, ends: datetime) -> BookingStatus:
    if starts <= city.now < ends:
        return BookingStatus.CHECKED_IN
    statuses, cumulative = _PAST if ends <= city.now else _FUTURE
    return city.rng.choices(statuses, cum_weights=cumulative)[0]


def _source(city: CityContext) -> BookingSource:
    return city.rng.choices(_SOURCES[0], cum_weights=_SOURCES[1])[0]


def _cumulative(mix: dict[Any, int]) -> tuple[list[Any], list[int]]:
    return list(mix), list(itertools.accumulate(mix.values()))


_PAST, _FUTURE, _SOURCES = _cumulative(PAST_MIX), _cumulative(FUTURE_MIX), _cumulative(SOURCE_MIX)


def _neighbour(city: CityContext, service: ServiceInfo) -> int:
    """A resident of the communities the centre serves."""
    low, high = city.centre_span[service.centre_id]
    return city.resident(city.rng.randrange(low, high))


def _created(city: CityContext, starts: datetime) -> datetime:
    created = starts - timedelta(hours=city.rng.uniform(3, 216))
    return created if created < city.now else city.now - timedelta(hours=city.rng.uniform(0.1, 72))


def _visit(
    city: CityContext,
    service: ServiceInfo,
    status: BookingStatus,
    starts: datetime,
    created: datetime,
) -> tuple[Any, ...]:
    """checked_in_at, checked_in_by_id, cancelled_at, cancel_reason, rating — as the demo's."""
    rng = city.rng
    if status == BookingStatus.CANCELLED:
        until = min(starts, city.now)
        cancelled = created + (until - created) * rng.uniform(0.2, 0.9)
        return None, None, cancelled, rng.choice(CANCEL_REASONS), None
    if status in (BookingStatus.DONE, BookingStatus.CHECKED_IN):
        checked_in = min(starts - timedelta(minutes=rng.uniform(0, 10)), city.now)
        rated = status == BookingStatus.DONE and rng.random() < 0.3
        rating = rng.choice((5, 5, 5, 4, 4, 3)) if rated else None
        return max(checked_in, created), city.staff_of[service.centre_id], None, "", rating
    return None, None, None, "", None


def _demo_visits(
    city: CityContext, calendar: Calendar, services: list[ServiceInfo]
) -> dict[int, list[tuple[int, int, BookingStatus, bool]]]:
    """张丽华's visits at centre A and her street's centre, as in the demo city."""
    a = city.centres[data.CENTRE_A_CODE]
    street_path = a.node_path.rsplit("/", 2)[0] + "/"
    street = next(
        c for c in city.centres.values() if c.node_path == street_path and c.kind == "street"
    )
    by_name = {SERVICES[s.key].name: s for s in services if s.centre_id in (a.id, street.id)}
    plan = [
        ("居住证明开具", -20, -1, BookingStatus.DONE, False),
        ("养老金领取资格认证", -9, -1, BookingStatus.CANCELLED, True),
        ("法律咨询（律师值班）", 2, 1, BookingStatus.BOOKED, False),
        ("老年人免费健康体检", 3, 1, BookingStatus.BOOKED, True),
        ("城乡居民医保参保登记", 4, 1, BookingStatus.BOOKED, False),
    ]
    forced: dict[int, list[tuple[int, int, BookingStatus, bool]]] = {}
    for name, offset, step, status, behalf in plan:
        service = by_name[name]
        d = PAST_DAYS + offset
        while not calendar.starts(service, d):
            d += step
        starts = calendar.starts(service, d)
        forced.setdefault(service.id, []).append(
            (d, starts[min(1, len(starts) - 1)], status, behalf)
        )
    return forced
