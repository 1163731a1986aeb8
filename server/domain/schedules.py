"""Opening hours: a centre's week, a service's own week, dated exceptions, China's holidays.

The rules, in order, for one service on one date:
1. Exceptions for that date (the service's own, else the centre's) decide alone: a "closed"
   row closes the day; otherwise their intervals are the day's hours.
2. A statutory holiday (法定节假日, from chinese_calendar) closes the centre, weekends of the
   holiday period included. An adjusted working day (调休, a weekend declared a working day)
   opens with the regular weekday hours: those of the first of Monday to Friday that has hours.
3. Otherwise the weekly plan: the service's own week if it has one (it then replaces the
   centre's entirely, so "lawyers on Wednesday afternoons" can be said), else the centre's.
Where the holiday calendar has no data for a year, step 2 is skipped and staff are warned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache

import chinese_calendar

from server.domain.errors import ValidationFailed
from server.i18n import N_

Interval = tuple[int, int]  # minutes after local midnight: [opens, closes)
Week = dict[int, list[Interval]]  # weekday (0 = Monday) -> intervals


class DayKind(StrEnum):
    REGULAR = "regular"
    EXCEPTION = "exception"
    HOLIDAY = "holiday"
    ADJUSTED_WORKDAY = "adjusted_workday"
    UNKNOWN_CALENDAR = "unknown_calendar"  # no holiday data for the year: weekly plan applies


@dataclass(frozen=True)
class Exception_:
    closed: bool
    opens: int | None
    closes: int | None
    reason: str = ""


@dataclass(frozen=True)
class DayPlan:
    day: date
    intervals: tuple[Interval, ...]
    kind: DayKind
    note: str = ""  # the holiday's name or the exception's reason

    @property
    def is_open(self) -> bool:
        return bool(self.intervals)


@dataclass(frozen=True)
class Holiday:
    known: bool  # False: the calendar has no data for this year
    closed: bool  # a statutory holiday (weekend days of the holiday period included)
    adjusted_workday: bool  # 调休: a weekend day declared a working day
    name: str = ""


@cache
def holiday(day: date) -> Holiday:
    try:
        is_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return Holiday(known=False, closed=False, adjusted_workday=False)
    weekend = day.weekday() >= 5
    return Holiday(
        known=True,
        closed=bool(is_holiday and name),
        adjusted_workday=weekend and not is_holiday,
        name=name or "",
    )


def regular_weekday(week: Week) -> list[Interval]:
    """The hours an adjusted working day takes: the first of Monday to Friday with any."""
    return next((week[d] for d in range(5) if week.get(d)), [])


def day_plan(
    day: date,
    centre_week: Week,
    service_week: Week | None = None,
    service_exceptions: list[Exception_] | None = None,
    centre_exceptions: list[Exception_] | None = None,
) -> DayPlan:
    """When a service (or, without a service week, the centre) is open on ``day``."""
    exceptions = service_exceptions or centre_exceptions
    if exceptions:
        intervals = (
            ()
            if any(e.closed for e in exceptions)
            else _merge(
                (e.opens, e.closes)
                for e in exceptions
                if e.opens is not None and e.closes is not None
            )
        )
        return DayPlan(day, intervals, DayKind.EXCEPTION, exceptions[0].reason)
    week = service_week if service_week else centre_week
    info = holiday(day)
    if info.closed:
        return DayPlan(day, (), DayKind.HOLIDAY, info.name)
    if info.adjusted_workday:
        return DayPlan(day, tuple(regular_weekday(week)), DayKind.ADJUSTED_WORKDAY, info.name)
    kind = DayKind.REGULAR if info.known else DayKind.UNKNOWN_CALENDAR
    return DayPlan(day, tuple(sorted(week.get(day.weekday(), []))), kind)


def _merge(intervals: object) -> tuple[Interval, ...]:
    ordered = sorted(i for i in intervals if i[0] < i[1])  # type: ignore[attr-defined]
    merged: list[Interval] = []
    for opens, closes in ordered:
        if merged and opens <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], closes))
        else:
            merged.append((opens, closes))
    return tuple(merged)


def is_open_at(plan: DayPlan, minute: int) -> bool:
    return any(opens <= minute < closes for opens, closes in plan.intervals)


# Opening hours as staff type them: "09:00-12:00, 13:30-17:00" (the gap is the lunch break).
# Any dash, tilde or 至/到 separates the ends; commas, semicolons, 、 or spaces separate intervals.
_INTERVAL = re.compile(r"(\d{1,2})[:：.](\d{2})\s*(?:-|–|—|~|～|至|到)\s*(\d{1,2})[:：.](\d{2})")
_SEPARATORS = re.compile(r"[\s,，;；、]+")


def parse_intervals(text: str, field: str) -> list[Interval]:
    """The intervals written in ``text`` (empty: closed), sorted; ValidationFailed if unclear."""
    remainder = _INTERVAL.sub(" ", text)
    if _SEPARATORS.sub("", remainder):
        message = N_("Write hours like 09:00-12:00, 13:30-17:00.")
        raise ValidationFailed(message, fields={field: message})
    intervals = []
    for h1, m1, h2, m2 in _INTERVAL.findall(text):
        opens, closes = int(h1) * 60 + int(m1), int(h2) * 60 + int(m2)
        if int(m1) > 59 or int(m2) > 59 or closes > 24 * 60 or opens >= closes:
            message = N_("Each interval must open before it closes, within one day.")
            raise ValidationFailed(message, fields={field: message})
        intervals.append((opens, closes))
    intervals.sort()
    for (_, first_closes), (second_opens, _) in zip(intervals, intervals[1:], strict=False):
        if second_opens < first_closes:
            message = N_("The intervals overlap.")
            raise ValidationFailed(message, fields={field: message})
    return intervals


def format_intervals(intervals: list[Interval] | tuple[Interval, ...]) -> str:
    return ", ".join(f"{_clock(a)}-{_clock(b)}" for a, b in sorted(intervals))


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"
