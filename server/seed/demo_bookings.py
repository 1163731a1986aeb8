"""Seed bookings over the last 60 and next 14 days, and the slot counters that match them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from server.models.bookings import (
    ACTIVE_BOOKING_STATUSES,
    Booking,
    BookingSource,
    BookingStatus,
    SlotUsage,
)
from server.models.places import Service
from server.seed import demo_data as data
from server.seed.demo_context import DemoCity, Resident, at_local, opening, slot_starts
from server.seed.demo_people import full_name
from server.seed.demo_texts import CANCEL_REASONS

PAST_DAYS, FUTURE_DAYS = 60, 14
PER_DAY = {0: 60, 1: 25, 2: 9, 3: 4, 4: 2}  # bookings a service gets on an open day: weights
PAST_MIX = {BookingStatus.DONE: 78, BookingStatus.NO_SHOW: 7, BookingStatus.CANCELLED: 15}
FUTURE_MIX = {BookingStatus.BOOKED: 88, BookingStatus.CANCELLED: 12}
SOURCE_MIX = {BookingSource.WEB: 78, BookingSource.API: 12, BookingSource.STAFF: 10}


@dataclass
class SlotState:
    capacity: int
    used: int = 0  # bookings that hold or held a place: all but cancelled ones
    active: int = 0  # booked or checked in: what slot_usages.taken counts
    holders: set[str] = field(default_factory=set)


@dataclass
class Ledger:
    """Places taken so far, so the seed never oversells a slot or breaks a per-person limit."""

    slots: dict[tuple[int, datetime], SlotState] = field(default_factory=dict)
    per_person: dict[tuple[int, str], int] = field(default_factory=dict)  # (service, user)
    beneficiaries: set[tuple[int, str]] = field(default_factory=set)  # (service, holder key)

    def take(self, service: Service, starts: datetime, holder: str, status: BookingStatus) -> bool:
        """Record a booking if the slot and the person's limits allow it; False if not."""
        slot = self.slots.setdefault((service.id, starts), SlotState(service.capacity_per_slot))
        holds = status != BookingStatus.CANCELLED
        active = status in ACTIVE_BOOKING_STATUSES
        user = (service.id, holder.split(":")[0])
        if holder in slot.holders or (holds and slot.used >= slot.capacity):
            return False
        too_many = self.per_person.get(user, 0) >= service.max_active_per_person
        if active and (too_many or (service.id, holder) in self.beneficiaries):
            return False
        slot.holders.add(holder)
        slot.used += holds
        if active:
            slot.active += 1
            self.per_person[user] = self.per_person.get(user, 0) + 1
            self.beneficiaries.add((service.id, holder))
        return True


async def seed_bookings(city: DemoCity) -> None:
    """Write the demo resident's bookings, then a plausible load on every bookable service."""
    ledger = Ledger()
    rows = _demo_bookings(city, ledger)
    days = [city.today + timedelta(days=n) for n in range(-PAST_DAYS, FUTURE_DAYS + 1)]
    for service in (s for s in city.services if s.bookable):
        rows += _load(city, ledger, service, days)
    await Booking.bulk_create(rows)
    await SlotUsage.bulk_create(
        SlotUsage(service_id=sid, starts_at=starts, capacity=s.capacity, taken=s.active)
        for (sid, starts), s in ledger.slots.items()
        if s.holders
    )


def _load(city: DemoCity, ledger: Ledger, service: Service, days: list[date]) -> list[Booking]:
    """A few bookings on each open day; draws that would overbook a slot are dropped."""
    rows, neighbours = [], _neighbours(city, service)
    for day in days:
        starts = slot_starts(opening(city, service, day), service.duration_minutes)
        count = city.rng.choices(list(PER_DAY), weights=list(PER_DAY.values()))[0] if starts else 0
        for minute in (city.rng.choice(starts) for _ in range(count)):
            person = city.rng.choice(neighbours)
            row = _booking(city, ledger, service, at_local(day, minute), person)
            if row is not None:
                rows.append(row)
    return rows


def _neighbours(city: DemoCity, service: Service) -> list[Resident]:
    """Community centres are used by their own residents; the others by everyone."""
    for community, centre in city.community_centre.items():
        if centre.id == service.centre_id:  # type: ignore[attr-defined]
            return [r for r in city.others if r.community == community]
    return city.others


def _status(city: DemoCity, starts: datetime, ends: datetime) -> BookingStatus:
    if starts <= city.now < ends:
        return BookingStatus.CHECKED_IN
    mix = PAST_MIX if ends <= city.now else FUTURE_MIX
    return city.rng.choices(list(mix), weights=list(mix.values()))[0]


def _booking(
    city: DemoCity,
    ledger: Ledger,
    service: Service,
    starts: datetime,
    person: Resident,
    status: BookingStatus | None = None,
    behalf: tuple[str, str] | None = None,
) -> Booking | None:
    ends = starts + timedelta(minutes=service.duration_minutes)
    if status is None:  # generated: draw the status, walk-ins and bookings for someone else
        status = _status(city, starts, ends)
        if ends <= city.now and city.rng.random() < 0.08:
            return _walk_in(city, ledger, service, starts, ends)
        if city.rng.random() < 0.12:  # a son or daughter booking for a parent
            behalf = (full_name(city), f"1390715{city.rng.randint(0, 9999):04d}")
    holder = f"{person.user_id}:{behalf[1] if behalf else 'self'}"
    if not ledger.take(service, starts, holder, status):
        return None
    created = _created(city, starts)
    return Booking(
        code=city.code(),
        service_id=service.id,
        centre_id=service.centre_id,  # type: ignore[attr-defined]
        user_id=person.user_id,
        for_name=behalf[0] if behalf else "",
        for_phone=behalf[1] if behalf else "",
        starts_at=starts,
        ends_at=ends,
        status=status,
        source=city.rng.choices(list(SOURCE_MIX), weights=list(SOURCE_MIX.values()))[0],
        holder_key=holder if status in ACTIVE_BOOKING_STATUSES else None,
        created_at=created,
        **_visit(city, service, status, starts, created),
    )


def _walk_in(
    city: DemoCity, ledger: Ledger, service: Service, starts: datetime, ends: datetime
) -> Booking | None:
    """Someone without an account served at the counter and entered by staff."""
    phone = f"1350715{city.rng.randint(0, 9999):04d}"
    if not ledger.take(service, starts, f"walk-in:{phone}", BookingStatus.DONE):
        return None
    created = starts - timedelta(minutes=5)
    return Booking(
        code=city.code(),
        service_id=service.id,
        centre_id=service.centre_id,  # type: ignore[attr-defined]
        for_name=full_name(city),
        for_phone=phone,
        starts_at=starts,
        ends_at=ends,
        status=BookingStatus.DONE,
        source=BookingSource.WALK_IN,
        created_at=created,
        **_visit(city, service, BookingStatus.DONE, starts, created),
    )


def _created(city: DemoCity, starts: datetime) -> datetime:
    created = starts - timedelta(hours=city.rng.uniform(3, 216))
    return created if created < city.now else city.now - timedelta(hours=city.rng.uniform(0.1, 72))


def _visit(
    city: DemoCity, service: Service, status: BookingStatus, starts: datetime, created: datetime
) -> dict[str, object]:
    """Check-in, cancellation and rating fields that go with ``status``."""
    staff = city.staff_of[service.centre_id]  # type: ignore[attr-defined]
    if status == BookingStatus.CANCELLED:
        until = min(starts, city.now)
        return {
            "cancelled_at": created + (until - created) * city.rng.uniform(0.2, 0.9),
            "cancel_reason": city.rng.choice(CANCEL_REASONS),
        }
    if status in (BookingStatus.DONE, BookingStatus.CHECKED_IN):
        checked_in = min(starts - timedelta(minutes=city.rng.uniform(0, 10)), city.now)
        rated = status == BookingStatus.DONE and city.rng.random() < 0.3
        return {
            "checked_in_at": max(checked_in, created),
            "checked_in_by_id": staff,
            "rating": city.rng.choice((5, 5, 5, 4, 4, 3)) if rated else None,
        }
    return {}


def _first_day(city: DemoCity, service: Service, offset: int, step: int) -> tuple[date, int]:
    """The first day from today+offset (moving by ``step``) the service is open, and its slot."""
    day = city.today + timedelta(days=offset)
    while not (starts := slot_starts(opening(city, service, day), service.duration_minutes)):
        day += timedelta(days=step)
    return day, starts[min(1, len(starts) - 1)]


def _demo_bookings(city: DemoCity, ledger: Ledger) -> list[Booking]:
    """张丽华's visits: past ones, her own coming ones, and one for her mother."""
    a = city.centres[data.CENTRE_A_CODE]
    street_path = a.node_path.rsplit("/", 2)[0] + "/"
    street = next(
        c for c in city.centres.values() if c.node_path == street_path and c.kind == "street"
    )
    services = {s.name: s for s in city.services if s.centre_id in (a.id, street.id)}  # type: ignore[attr-defined]
    resident, mother = city.residents[0], (data.RESIDENT_MOTHER.name, data.RESIDENT_MOTHER.phone)
    plan = [
        ("居住证明开具", -20, -1, BookingStatus.DONE, None),
        ("养老金领取资格认证", -9, -1, BookingStatus.CANCELLED, mother),
        ("法律咨询（律师值班）", 2, 1, BookingStatus.BOOKED, None),
        ("老年人免费健康体检", 3, 1, BookingStatus.BOOKED, mother),
        ("城乡居民医保参保登记", 4, 1, BookingStatus.BOOKED, None),
    ]
    rows = []
    for name, offset, step, status, behalf in plan:
        service = services[name]
        day, minute = _first_day(city, service, offset, step)
        row = _booking(city, ledger, service, at_local(day, minute), resident, status, behalf)
        assert row is not None, name
        rows.append(row)
    return rows
