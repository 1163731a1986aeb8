"""Staff set up their centre: the review of changes that cancel bookings, and services with
their rules. Materials are in ``centre_materials``, hours and exceptions in ``centre_hours``.

A change that can take slots away (shorter hours, a closed day, a withdrawn service, a new slot
length) is written in a transaction that then lists the future bookings whose time no longer
exists. If there are any and staff have not confirmed exactly those, the transaction is rolled
back and the list comes back for review; once confirmed, the same transaction cancels them and
tells each booker through the outbox. Nothing is half-written either way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from server import cache
from server.domain import bookings, outbox, slots, turns
from server.domain.audit import Origin, record
from server.domain.errors import NotFound, ValidationFailed
from server.i18n import N_
from server.models.accounts import User
from server.models.bookings import Booking, BookingStatus, SlotUsage
from server.models.places import Centre, Service, ServiceCategory
from server.settings import Settings


@dataclass
class Outcome:
    """``applied``: the change is saved and ``affected`` were cancelled; otherwise nothing was
    saved and ``affected`` are the bookings staff must confirm first."""

    applied: bool
    affected: list[Booking] = field(default_factory=list)
    needs_reason: bool = False  # confirmed, but without the reason to tell people


class _Review(Exception):
    def __init__(self, affected: list[Booking], *, needs_reason: bool = False) -> None:
        self.affected, self.needs_reason = affected, needs_reason


@dataclass(frozen=True)
class Change:
    """Who changes what, and what to tell people whose bookings it cancels."""

    staff: User
    centre: Centre
    settings: Settings
    origin: Origin
    now: datetime
    confirmed: frozenset[str] = frozenset()  # booking codes staff saw and agreed to cancel
    reason: str = ""  # told to each person whose booking is cancelled


async def apply_change(change: Change, writes: Callable[[], Awaitable[None]]) -> Outcome:
    try:
        async with in_transaction() as conn:
            await turns.centre_plan(conn, change.centre.id, change=True)
            outside_before = {b.id for b in await affected_bookings(change.centre, change.now)}
            await writes()
            await cache.bump(cache.PLACES)  # hours, closures and services are cached for pages
            affected = [
                b
                for b in await affected_bookings(change.centre, change.now)
                if b.id not in outside_before  # already outside the plan: not this change's doing
            ]
            codes = {b.code for b in affected}
            if codes and not codes <= change.confirmed:
                raise _Review(affected)
            if affected and not change.reason.strip():
                raise _Review(affected, needs_reason=True)
            sent: list[int] = []
            for booking in affected:
                sent += await bookings.cancel_in_transaction(
                    change.staff,
                    booking,
                    change.reason.strip(),
                    change.settings,
                    change.origin,
                    now=change.now,
                    event="booking.cancelled_by_centre",
                )
    except _Review as review:
        return Outcome(False, review.affected, review.needs_reason)
    await outbox.dispatch(sent, change.settings)
    return Outcome(True, affected)


async def affected_bookings(centre: Centre, now: datetime) -> list[Booking]:
    """The centre's future bookings whose slot the current plan does not offer."""
    rows = (
        await Booking.filter(centre_id=centre.id, status=BookingStatus.BOOKED, starts_at__gte=now)
        .select_related("service", "service__centre", "user")
        .order_by("starts_at", "id")
    )
    by_service: dict[int, list[Booking]] = defaultdict(list)
    for row in rows:
        by_service[row.service_id].append(row)
    affected: list[Booking] = []
    tz = centre.time_zone
    if not rows:
        return affected
    services = [g[0].service for g in by_service.values() if g[0].service.is_active]
    span = slots.local_day(rows[0].starts_at, tz), slots.local_day(rows[-1].starts_at, tz)
    calendars = await slots.load_calendars(centre, services, *span)
    for group in by_service.values():
        service = group[0].service
        if not service.is_active:
            affected += group
            continue
        first, last = (
            slots.local_day(group[0].starts_at, tz),
            slots.local_day(group[-1].starts_at, tz),
        )
        calendar = calendars[service.id]
        offered: set[datetime] = set()
        day = first
        while day <= last:
            minutes = slots.slot_starts(calendar.plan(day), service.duration_minutes)
            offered.update(slots.at_local(day, m, tz) for m in minutes)
            day += timedelta(days=1)
        affected += [b for b in group if b.starts_at not in offered]
    return sorted(affected, key=lambda b: (b.starts_at, b.id))


# Services and their rules ------------------------------------------------------------------

TEXTS = {"name": 100, "name_en": 150, "keywords": 200, "fee": 100, "eligibility": 200}
RULES: dict[str, tuple[int, int]] = {  # form field -> allowed range
    "duration_minutes": (5, 480),
    "capacity_per_slot": (1, 500),
    "min_lead_minutes": (0, 30 * 24 * 60),
    "max_days_ahead": (1, 180),
    "cancel_cutoff_minutes": (0, 7 * 24 * 60),
    "max_active_per_person": (1, 50),
    "max_active_per_beneficiary": (1, 50),
}


def read_number(
    form: dict[str, str], name: str, low: int, high: int, errors: dict[str, str]
) -> int:
    raw = form.get(name, "").strip()
    if raw.isdigit() and low <= int(raw) <= high:
        return int(raw)
    errors[name] = N_("Enter a whole number within the range shown.")
    return low


def _reminders(raw: str, errors: dict[str, str]) -> list[int]:
    """Reminder times written in hours before, e.g. "24, 2", as minutes, latest first."""
    parts = [p for p in raw.replace("，", ",").replace(" ", ",").split(",") if p]
    minutes = set()
    for part in parts:
        try:
            hours = float(part)
        except ValueError:
            hours = -1
        if not 0 < hours <= 7 * 24:
            errors["reminder_hours"] = N_("Write hours before the visit, like 24, 2.")
            return []
        minutes.add(round(hours * 60))
    return sorted(minutes, reverse=True)[:4]


def read_service_form(form: dict[str, str]) -> dict[str, Any]:
    """The service fields of a submitted form, every problem reported at once."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {
        name: form.get(name, "").strip()[:size] for name, size in TEXTS.items()
    }
    if not values["name"]:
        errors["name"] = N_("Give the service a name.")
    try:
        values["category"] = ServiceCategory(form.get("category", ""))
    except ValueError:
        errors["category"] = N_("Choose a category.")
    values["description"] = form.get("description", "").strip()[:4000]
    values["bookable"] = form.get("bookable") == "on"
    values["is_active"] = form.get("is_active") == "on"
    for name, (low, high) in RULES.items():
        values[name] = read_number(form, name, low, high, errors)
    values["reminder_offsets_minutes"] = _reminders(form.get("reminder_hours", ""), errors)
    if errors:
        raise ValidationFailed(N_("Please correct the marked fields."), fields=errors)
    return values


def _snapshot(service: Service) -> dict[str, Any]:
    state = {name: getattr(service, name) for name in (*TEXTS, *RULES, "bookable", "is_active")}
    state["category"] = service.category.value
    state["reminder_offsets_minutes"] = list(service.reminder_offsets_minutes)
    return state


async def service_at(centre: Centre, code: str) -> Service:
    """One of the centre's services (withdrawn ones too), else NotFound."""
    service = await Service.get_or_none(code=code, centre_id=centre.id).select_related("centre")
    if service is None:
        raise NotFound(N_("This service does not exist."))
    return service


async def create_service(
    staff: User, centre: Centre, form: dict[str, str], origin: Origin
) -> Service:
    values = read_service_form({**_NEW_SERVICE_DEFAULTS, **form})
    last = await Service.filter(centre_id=centre.id).order_by("-sort_order").first()
    async with in_transaction():
        service = await Service.create(
            centre_id=centre.id, sort_order=(last.sort_order + 10) if last else 0, **values
        )
        await cache.bump(cache.PLACES)
        await record(
            staff,
            "service.create",
            origin,
            object_type="service",
            object_id=service.code,
            node_path=centre.node_path,
            after=_snapshot(service),
        )
    return service


_NEW_SERVICE_DEFAULTS = {
    "bookable": "on",
    "is_active": "on",
    "duration_minutes": "30",
    "capacity_per_slot": "1",
    "min_lead_minutes": "60",
    "max_days_ahead": "14",
    "cancel_cutoff_minutes": "120",
    "max_active_per_person": "3",
    "max_active_per_beneficiary": "1",
    "reminder_hours": "24, 2",
}


async def update_service(change: Change, service: Service, form: dict[str, str]) -> Outcome:
    """Save a service's texts and rules. A new capacity applies to future slots at once
    (places already taken stay taken); a new length or a withdrawal may cancel bookings."""
    values = read_service_form(form)
    before = _snapshot(service)

    async def writes() -> None:
        await Service.filter(id=service.id).update(**values)
        if values["capacity_per_slot"] != service.capacity_per_slot:
            await SlotUsage.filter(service_id=service.id, starts_at__gte=change.now).update(
                capacity=values["capacity_per_slot"]
            )
        for name, value in values.items():
            setattr(service, name, value)
        await record(
            change.staff,
            "service.update",
            change.origin,
            object_type="service",
            object_id=service.code,
            node_path=change.centre.node_path,
            before=before,
            after=_snapshot(service),
        )

    outcome = await apply_change(change, writes)
    if not outcome.applied:
        await service.refresh_from_db()
    return outcome


async def overfull_slots(service: Service, now: datetime) -> int:
    """Future slots holding more people than the capacity now allows (after it was lowered)."""
    return await SlotUsage.filter(
        service_id=service.id, starts_at__gte=now, taken__gt=F("capacity")
    ).count()
