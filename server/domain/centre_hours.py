"""Staff set a centre's hours: its weekly plan, a service's own week, and dated exceptions
(closed days, special hours). Each change goes through ``centre_setup.apply_change``, so one
that would cancel bookings is reviewed first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from server.domain.audit import record
from server.domain.centre_setup import Change, Outcome, apply_change, service_at
from server.domain.errors import NotFound, ValidationFailed
from server.domain.schedules import Interval, format_intervals, parse_intervals
from server.i18n import N_
from server.models.places import Centre, ScheduleException, Service, WeeklyHours

MAX_EXCEPTION_DAYS = 92  # one closure form covers at most a season

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

    return await apply_change(change, writes)


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

    return await apply_change(change, writes)


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

    return await apply_change(change, writes)
