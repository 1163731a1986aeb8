"""Opening hours: weekly plans, service weeks, exceptions, holidays and 调休, time zones."""

from __future__ import annotations

from datetime import UTC, date, datetime

from server.domain.schedules import DayKind, Exception_, day_plan, holiday, is_open_at
from server.domain.slots import at_local, local_day, slot_starts

WEEK = {d: [(540, 720), (810, 1050)] for d in range(5)} | {5: [(540, 720)]}  # Sat mornings
LAWYER = {2: [(840, 1020)]}  # Wednesday afternoons only


def test_a_weekday_has_its_intervals_and_the_lunch_break_between_them():
    plan = day_plan(date(2026, 11, 23), WEEK)  # a Monday
    assert plan.intervals == ((540, 720), (810, 1050)) and plan.kind == DayKind.REGULAR
    assert is_open_at(plan, 600) and not is_open_at(plan, 750) and not is_open_at(plan, 1050)


def test_sunday_is_closed_and_saturday_has_the_morning():
    assert not day_plan(date(2026, 11, 22), WEEK).is_open
    assert day_plan(date(2026, 11, 21), WEEK).intervals == ((540, 720),)


def test_a_service_week_replaces_the_centres_week():
    assert day_plan(date(2026, 11, 25), WEEK, LAWYER).intervals == ((840, 1020),)  # Wednesday
    assert not day_plan(date(2026, 11, 23), WEEK, LAWYER).is_open  # Monday: no lawyer


def test_a_closing_exception_wins_and_special_hours_keep_their_break():
    closed = [Exception_(closed=True, opens=None, closes=None, reason="停电检修")]
    plan = day_plan(date(2026, 11, 23), WEEK, centre_exceptions=closed)
    assert not plan.is_open and plan.kind == DayKind.EXCEPTION and plan.note == "停电检修"
    special = [Exception_(False, 600, 660), Exception_(False, 900, 960)]
    assert day_plan(date(2026, 11, 22), WEEK, centre_exceptions=special).intervals == (
        (600, 660),
        (900, 960),
    )


def test_a_service_exception_is_preferred_to_the_centres():
    own = [Exception_(False, 480, 540)]
    centre = [Exception_(True, None, None)]
    assert day_plan(date(2026, 11, 23), WEEK, None, own, centre).intervals == ((480, 540),)


def test_statutory_holidays_close_weekdays_and_their_weekends():
    national_day = day_plan(date(2026, 10, 1), WEEK)  # a Thursday
    assert not national_day.is_open and national_day.kind == DayKind.HOLIDAY
    assert national_day.note == "National Day"
    assert not day_plan(date(2026, 10, 3), WEEK).is_open  # a Saturday inside the holiday


def test_an_adjusted_working_day_opens_with_weekday_hours():
    plan = day_plan(date(2026, 10, 10), WEEK)  # Saturday, a working day in lieu (调休)
    assert plan.kind == DayKind.ADJUSTED_WORKDAY
    assert plan.intervals == ((540, 720), (810, 1050))


def test_a_year_without_holiday_data_falls_back_to_the_week_and_says_so():
    assert not holiday(date(2027, 1, 1)).known
    plan = day_plan(date(2027, 1, 4), WEEK)  # a Monday
    assert plan.kind == DayKind.UNKNOWN_CALENDAR and plan.intervals == ((540, 720), (810, 1050))


def test_slots_run_back_to_back_and_fit_inside_each_interval():
    plan = day_plan(date(2026, 11, 23), {0: [(540, 640), (810, 870)]})
    assert slot_starts(plan, 30) == [540, 570, 600, 810, 840]


def test_local_times_convert_across_midnight_whatever_the_servers_zone():
    assert at_local(date(2026, 11, 23), 9 * 60, "Asia/Shanghai") == datetime(
        2026, 11, 23, 1, 0, tzinfo=UTC
    )
    early = at_local(date(2026, 11, 23), 30, "Asia/Shanghai")  # 00:30 in Shanghai
    assert early == datetime(2026, 11, 22, 16, 30, tzinfo=UTC)
    assert local_day(early, "Asia/Shanghai") == date(2026, 11, 23)
    assert local_day(early, "UTC") == date(2026, 11, 22)
