"""Staff set up their centre: services and their rules, materials, the week's hours, exceptions.

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
from datetime import date, datetime, timedelta
from typing import Any

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from server.domain import bookings, outbox, slots
from server.domain.audit import Origin, record
from server.domain.errors import NotFound, ValidationFailed
from server.domain.schedules import Interval, format_intervals, parse_intervals
from server.i18n import N_
from server.models.accounts import User
from server.models.bookings import Booking, BookingStatus, SlotUsage
from server.models.places import (
    Centre,
    MaterialForm,
    MaterialItem,
    ScheduleException,
    Service,
    ServiceCategory,
    WeeklyHours,
)
from server.settings import Settings

MAX_EXCEPTION_DAYS = 92  # one closure form covers at most a season


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


async def _apply(change: Change, writes: Callable[[], Awaitable[None]]) -> Outcome:
    try:
        async with in_transaction() as conn:
            await bookings.lock_plan(conn, change.centre.id, change=True)
            outside_before = {b.id for b in await affected_bookings(change.centre, change.now)}
            await writes()
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
    for group in by_service.values():
        service = group[0].service
        if not service.is_active:
            affected += group
            continue
        first, last = (
            slots.local_day(group[0].starts_at, tz),
            slots.local_day(group[-1].starts_at, tz),
        )
        calendar = await slots.load_calendar(service, first, last)
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


def _number(form: dict[str, str], name: str, low: int, high: int, errors: dict[str, str]) -> int:
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
        values[name] = _number(form, name, low, high, errors)
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

    outcome = await _apply(change, writes)
    if not outcome.applied:
        await service.refresh_from_db()
    return outcome


async def overfull_slots(service: Service, now: datetime) -> int:
    """Future slots holding more people than the capacity now allows (after it was lowered)."""
    return await SlotUsage.filter(
        service_id=service.id, starts_at__gte=now, taken__gt=F("capacity")
    ).count()


# Materials: the one-time notice of what to bring ---------------------------------------------

MATERIAL_TEXTS = {
    "name": 100,
    "name_en": 150,
    "note": 200,
    "note_en": 250,
    "condition": 200,
    "condition_en": 250,
}


def read_material_form(form: dict[str, str]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {
        name: form.get(name, "").strip()[:size] for name, size in MATERIAL_TEXTS.items()
    }
    if not values["name"]:
        errors["name"] = N_("Name the item to bring.")
    try:
        values["form"] = MaterialForm(form.get("form", ""))
    except ValueError:
        errors["form"] = N_("Choose original, copy or both.")
    values["count"] = _number(form, "count", 1, 20, errors)
    if errors:
        raise ValidationFailed(N_("Please correct the marked fields."), fields=errors)
    return values


def _material_state(item: MaterialItem) -> dict[str, Any]:
    state = {name: getattr(item, name, "") for name in MATERIAL_TEXTS}
    return {**state, "form": item.form.value, "count": item.count}


async def add_material(
    staff: User, centre: Centre, service: Service, form: dict[str, str], origin: Origin
) -> MaterialItem:
    values = read_material_form(form)
    last = await MaterialItem.filter(service_id=service.id).order_by("-sort_order").first()
    async with in_transaction():
        item = await MaterialItem.create(
            service_id=service.id, sort_order=(last.sort_order + 1) if last else 0, **values
        )
        await _record_material(staff, centre, service, "material.add", origin, None, item)
    return item


async def _material(service: Service, item_id: str) -> MaterialItem:
    item = (
        await MaterialItem.get_or_none(id=int(item_id), service_id=service.id)
        if item_id.isdigit()
        else None
    )
    if item is None:
        raise NotFound(N_("This item is no longer on the list."))
    return item


async def edit_material(
    staff: User,
    centre: Centre,
    service: Service,
    item_id: str,
    action: str,
    form: dict[str, str],
    origin: Origin,
) -> None:
    """Save, remove or move one line of a service's materials list."""
    item = await _material(service, item_id)
    before = _material_state(item)
    async with in_transaction():
        if action == "save":
            await MaterialItem.filter(id=item.id).update(**read_material_form(form))
            await item.refresh_from_db()
            await _record_material(staff, centre, service, "material.update", origin, before, item)
        elif action == "remove":
            await item.delete()
            await _record_material(staff, centre, service, "material.remove", origin, before, None)
        elif action in ("up", "down"):
            await _move(service, item, -1 if action == "up" else 1)
        else:
            raise ValidationFailed(N_("Unknown action."))


async def _move(service: Service, item: MaterialItem, step: int) -> None:
    """Swap an item with its neighbour; positions are renumbered 0..n-1 on the way."""
    items = await MaterialItem.filter(service_id=service.id).order_by("sort_order", "id")
    at = next(i for i, row in enumerate(items) if row.id == item.id)
    other = at + step
    if not 0 <= other < len(items):
        return
    items[at], items[other] = items[other], items[at]
    for position, row in enumerate(items):
        if row.sort_order != position:
            await MaterialItem.filter(id=row.id).update(sort_order=position)


async def _record_material(
    staff: User,
    centre: Centre,
    service: Service,
    action: str,
    origin: Origin,
    before: dict[str, Any] | None,
    item: MaterialItem | None,
) -> None:
    await record(
        staff,
        action,
        origin,
        object_type="service",
        object_id=service.code,
        node_path=centre.node_path,
        before=before,
        after=_material_state(item) if item else None,
    )


# The week's hours --------------------------------------------------------------------------

WEEKDAYS = range(7)


async def week_of(centre: Centre, service: Service | None) -> dict[int, list[Interval]]:
    """The centre's weekly plan, or a service's own one (empty: it follows the centre's)."""
    rows = await WeeklyHours.filter(
        centre_id=centre.id, service_id=service.id if service else None
    ).order_by("weekday", "opens")
    week: dict[int, list[Interval]] = {d: [] for d in WEEKDAYS}
    for row in rows:
        week[row.weekday].append((row.opens, row.closes))
    return week


def read_week_form(form: dict[str, str]) -> dict[int, list[Interval]]:
    errors: dict[str, str] = {}
    week: dict[int, list[Interval]] = {}
    for day in WEEKDAYS:
        try:
            week[day] = parse_intervals(form.get(f"day{day}", ""), f"day{day}")
        except ValidationFailed as problem:
            errors.update(problem.fields)
    if errors:
        raise ValidationFailed(N_("Please correct the marked fields."), fields=errors)
    return week


def _week_text(week: dict[int, list[Interval]]) -> dict[str, str]:
    return {str(day): format_intervals(week[day]) for day in WEEKDAYS if week[day]}


async def set_week(change: Change, service: Service | None, form: dict[str, str]) -> Outcome:
    """Replace the centre's weekly plan (or a service's own: all empty makes it follow the
    centre's again). Bookings outside the new hours are listed for review first."""
    week = read_week_form(form)
    centre = change.centre
    before = await week_of(centre, service)

    async def writes() -> None:
        await WeeklyHours.filter(
            centre_id=centre.id, service_id=service.id if service else None
        ).delete()
        await WeeklyHours.bulk_create(
            [
                WeeklyHours(
                    centre_id=centre.id,
                    service_id=service.id if service else None,
                    weekday=day,
                    opens=opens,
                    closes=closes,
                )
                for day in WEEKDAYS
                for opens, closes in week[day]
            ]
        )
        await record(
            change.staff,
            "hours.update",
            change.origin,
            object_type="service" if service else "centre",
            object_id=service.code if service else centre.code,
            node_path=centre.node_path,
            before=_week_text(before),
            after=_week_text(week),
        )

    return await _apply(change, writes)


# Dated exceptions: closed days and special hours -------------------------------------------


@dataclass
class ExceptionDay:
    day: date
    service: Service | None
    closed: bool
    intervals: list[Interval]
    reason: str


async def exceptions_from(centre: Centre, first: date) -> list[ExceptionDay]:
    """The centre's exceptions from ``first`` on, one entry per date and service."""
    rows = (
        await ScheduleException.filter(centre_id=centre.id, date__gte=first)
        .select_related("service")
        .order_by("date", "service_id", "opens")
    )
    days: dict[tuple[date, int | None], ExceptionDay] = {}
    for row in rows:
        entry = days.setdefault(
            (row.date, row.service_id),
            ExceptionDay(row.date, row.service, False, [], row.reason),
        )
        entry.closed = entry.closed or row.closed
        if row.opens is not None and row.closes is not None:
            entry.intervals.append((row.opens, row.closes))
    return list(days.values())


def _date(form: dict[str, str], name: str, errors: dict[str, str]) -> date | None:
    try:
        return date.fromisoformat(form.get(name, "").strip())
    except ValueError:
        errors[name] = N_("Choose a date.")
        return None


async def add_exception(change: Change, form: dict[str, str], today: date) -> Outcome:
    """Close the centre (or one service) on a date or range, or give it special hours there.
    A date that already has an exception for the same service gets the new one instead."""
    errors: dict[str, str] = {}
    first = _date(form, "first", errors)
    last = _date(form, "last", errors) if form.get("last") else first
    closed = form.get("closed") == "1"
    intervals: list[Interval] = []
    if not closed:
        try:
            intervals = parse_intervals(form.get("hours", ""), "hours")
        except ValidationFailed as problem:
            errors.update(problem.fields)
        if not intervals and "hours" not in errors:
            errors["hours"] = N_("Give the special hours, or choose closed.")
    reason = form.get("exception_reason", "").strip()[:200]
    if not reason:
        errors["exception_reason"] = N_("Say why: residents see it on the centre page.")
    if first and last:
        if first < today:
            errors["first"] = N_("Choose today or a later date.")
        elif last < first:
            errors["last"] = N_("The last day comes before the first.")
        elif (last - first).days >= MAX_EXCEPTION_DAYS:
            errors["last"] = N_("That range is too long: enter up to three months at a time.")
    service = await service_at(change.centre, form["service"]) if form.get("service") else None
    if errors:
        raise ValidationFailed(N_("Please correct the marked fields."), fields=errors)
    assert first is not None and last is not None
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    centre = change.centre

    async def writes() -> None:
        await ScheduleException.filter(
            centre_id=centre.id, service_id=service.id if service else None, date__in=days
        ).delete()
        rows = [
            ScheduleException(
                centre_id=centre.id,
                service_id=service.id if service else None,
                date=day,
                closed=closed,
                opens=opens,
                closes=closes,
                reason=reason,
                created_by=change.staff,
            )
            for day in days
            for opens, closes in ([(None, None)] if closed else intervals)
        ]
        await ScheduleException.bulk_create(rows)
        await record(
            change.staff,
            "exception.add",
            change.origin,
            object_type="service" if service else "centre",
            object_id=service.code if service else centre.code,
            node_path=centre.node_path,
            after={
                "first": first.isoformat(),
                "last": last.isoformat(),
                "closed": closed,
                "hours": format_intervals(intervals),
                "reason": reason,
            },
        )

    return await _apply(change, writes)


async def remove_exception(change: Change, form: dict[str, str]) -> Outcome:
    """Take a date's exception away: the weekly plan and holidays apply again that day."""
    errors: dict[str, str] = {}
    day = _date(form, "day", errors)
    if day is None:
        raise ValidationFailed(N_("Choose a date."), fields=errors)
    service = await service_at(change.centre, form["service"]) if form.get("service") else None
    centre = change.centre
    rows = ScheduleException.filter(
        centre_id=centre.id, service_id=service.id if service else None, date=day
    )
    if not await rows.exists():
        raise NotFound(N_("This exception no longer exists."))

    async def writes() -> None:
        before = [(r.closed, r.opens, r.closes, r.reason) for r in await rows]
        await rows.delete()
        await record(
            change.staff,
            "exception.remove",
            change.origin,
            object_type="service" if service else "centre",
            object_id=service.code if service else centre.code,
            node_path=centre.node_path,
            before={"day": day.isoformat(), "rows": before},
        )

    return await _apply(change, writes)
