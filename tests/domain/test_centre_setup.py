"""Staff set up their centre: services, rules, materials, hours and exceptions; changes that
take slots away list the bookings they hit, and cancel them only once confirmed."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from server.domain import (
    availability,
    bookings,
    centre_hours,
    centre_materials,
    centre_setup,
    directory,
)
from server.domain.audit import Origin
from server.domain.centre_setup import Change
from server.domain.errors import NotFound, ValidationFailed
from server.domain.schedules import format_intervals, parse_intervals
from server.models.audit import AuditEntry
from server.models.bookings import Booking, BookingStatus, SlotUsage
from server.models.notifications import Notification, NotificationStatus
from server.models.places import MaterialItem, ScheduleException, Service, WeeklyHours
from tests.cast import Cast
from tests.domain.booking_fixtures import NOW, WED_0900, WED_0930, WED_1000, make_service

WEB = Origin(ip="10.0.0.2")
WED = date(2026, 12, 2)
WED_1400 = datetime(2026, 12, 2, 6, 0, tzinfo=NOW.tzinfo)  # 14:00 in Shanghai
WEEK = {f"day{d}": "09:00-12:00, 13:30-17:30" for d in range(7)}


def _change(cast: Cast, settings, **kw) -> Change:  # type: ignore[no-untyped-def]
    return Change(
        staff=cast.staff_a, centre=cast.centre_a, settings=settings, origin=WEB, now=NOW, **kw
    )


async def _book(cast, service, settings, at, user=None):  # type: ignore[no-untyped-def]
    return await bookings.book(user or cast.resident, service, at, settings, WEB, now=NOW)


async def _service(cast: Cast, **rules: object) -> Service:
    return await make_service(cast, **{"max_active_per_beneficiary": 5, **rules})


def _closure(**kw: str) -> dict[str, str]:
    return {"first": WED.isoformat(), "closed": "1", "exception_reason": "设备检修", **kw}


# Hours as staff type them ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intervals"),
    [
        ("09:00-12:00, 13:30-17:00", [(540, 720), (810, 1020)]),
        ("13:30～17:00；9:00至12:00", [(540, 720), (810, 1020)]),
        ("8:30 - 11:45", [(510, 705)]),
        ("", []),
        ("00:00-24:00", [(0, 1440)]),
    ],
)
def test_hours_are_read_as_staff_write_them(text: str, intervals: list[tuple[int, int]]):
    assert parse_intervals(text, "day0") == intervals
    assert parse_intervals(format_intervals(intervals), "day0") == intervals


@pytest.mark.parametrize(
    "text",
    ["9-12", "12:00-09:00", "09:00-12:00, 11:00-13:00", "09:00-25:00", "09:70-10:00", "早上"],
)
def test_unclear_hours_are_refused_on_their_field(text: str):
    with pytest.raises(ValidationFailed) as refused:
        parse_intervals(text, "day3")
    assert set(refused.value.fields) == {"day3"}


# Changes that take slots away -------------------------------------------------------------------


async def test_closing_a_day_lists_its_bookings_and_saves_nothing_until_confirmed(
    cast: Cast, settings
):
    service = await _service(cast)
    first = await _book(cast, service, settings, WED_0900)
    second = await _book(cast, service, settings, WED_1000, user=cast.member)
    audits = await AuditEntry.all().count()
    outcome = await centre_hours.add_exception(_change(cast, settings), _closure(), NOW.date())
    assert not outcome.applied
    assert [b.code for b in outcome.affected] == [first.code, second.code]
    assert not await ScheduleException.exists()
    assert await Booking.filter(status=BookingStatus.BOOKED).count() == 2
    assert await AuditEntry.all().count() == audits  # the preview left no trace


async def test_confirmed_closure_cancels_the_bookings_frees_places_and_tells_people(
    cast: Cast, settings
):
    service = await _service(cast)
    booking = await _book(cast, service, settings, WED_0900)
    change = _change(cast, settings, confirmed=frozenset({booking.code}), reason="设备检修")
    outcome = await centre_hours.add_exception(change, _closure(), NOW.date())
    assert outcome.applied and [b.code for b in outcome.affected] == [booking.code]
    row = await ScheduleException.get(centre_id=cast.centre_a.id, date=WED)
    assert row.closed and row.reason == "设备检修" and row.service_id is None
    cancelled = await Booking.get(id=booking.id)
    assert cancelled.status == BookingStatus.CANCELLED and cancelled.cancel_reason == "设备检修"
    assert (await SlotUsage.get(service_id=service.id, starts_at=WED_0900)).taken == 0
    notice = await Notification.get(event="booking.cancelled_by_centre", subject_id=booking.id)
    assert notice.payload["reason"] == "设备检修"
    assert notice.payload["rebook_url"].endswith(f"/services/{service.code}")
    reminders = await Notification.filter(event="booking.reminder", subject_id=booking.id)
    assert reminders and all(r.status == NotificationStatus.CANCELLED for r in reminders)
    assert await AuditEntry.filter(action="exception.add", object_id=cast.centre_a.code).exists()
    assert await AuditEntry.filter(action="booking.cancel", actor=cast.staff_a).exists()
    assert not await availability.bookable_slots(service, WED, NOW)


async def test_a_booking_made_after_the_review_sends_staff_back_to_review(cast: Cast, settings):
    service = await _service(cast)
    seen = await _book(cast, service, settings, WED_0900)
    late = await _book(cast, service, settings, WED_0930, user=cast.member)
    change = _change(cast, settings, confirmed=frozenset({seen.code}), reason="停电")
    outcome = await centre_hours.add_exception(change, _closure(), NOW.date())
    assert not outcome.applied and {b.code for b in outcome.affected} == {seen.code, late.code}
    assert await Booking.filter(status=BookingStatus.BOOKED).count() == 2


async def test_confirming_without_a_reason_is_asked_again(cast: Cast, settings):
    service = await _service(cast)
    booking = await _book(cast, service, settings, WED_0900)
    change = _change(cast, settings, confirmed=frozenset({booking.code}), reason="  ")
    outcome = await centre_hours.add_exception(change, _closure(), NOW.date())
    assert not outcome.applied and outcome.needs_reason
    assert not await ScheduleException.exists()
    assert (await Booking.get(id=booking.id)).status == BookingStatus.BOOKED


async def test_shorter_weekly_hours_hit_only_the_bookings_outside_them(cast: Cast, settings):
    service = await _service(cast)
    morning = await _book(cast, service, settings, WED_0900)
    afternoon = await _book(cast, service, settings, WED_1400)
    mornings_only = {**WEEK, "day2": "09:00-12:00"}
    outcome = await centre_hours.set_week(_change(cast, settings), None, mornings_only)
    assert [b.code for b in outcome.affected] == [afternoon.code]
    confirmed = _change(cast, settings, confirmed=frozenset({afternoon.code}), reason="改为半天")
    assert (await centre_hours.set_week(confirmed, None, mornings_only)).applied
    assert (await Booking.get(id=morning.id)).status == BookingStatus.BOOKED
    assert (await Booking.get(id=afternoon.id)).status == BookingStatus.CANCELLED
    week = await centre_hours.week_of(cast.centre_a, None)
    assert week[2] == [(540, 720)] and week[3] == [(540, 720), (810, 1050)]


async def test_hours_that_keep_every_booking_are_saved_at_once(cast: Cast, settings):
    service = await _service(cast)
    await _book(cast, service, settings, WED_0900)
    longer = {f"day{d}": "08:30-12:00, 13:30-18:00" for d in range(7)}
    outcome = await centre_hours.set_week(_change(cast, settings), None, longer)
    assert outcome.applied and outcome.affected == []
    assert await WeeklyHours.filter(centre_id=cast.centre_a.id, service_id=None).count() == 14
    audit = await AuditEntry.get(action="hours.update")
    assert audit.before["2"] == "09:00-12:00, 13:30-17:30"
    assert audit.after["2"] == "08:30-12:00, 13:30-18:00"


async def test_a_services_own_week_hits_only_that_service_and_can_be_dropped(cast: Cast, settings):
    lawyer = await _service(cast, name="法律咨询")
    other = await _service(cast)
    await _book(cast, other, settings, WED_1400)
    hit = await _book(cast, lawyer, settings, WED_0900)
    afternoons = {"day2": "14:00-17:00"}
    outcome = await centre_hours.set_week(_change(cast, settings), lawyer, afternoons)
    assert [b.code for b in outcome.affected] == [hit.code]
    confirmed = _change(cast, settings, confirmed=frozenset({hit.code}), reason="律师改为下午")
    assert (await centre_hours.set_week(confirmed, lawyer, afternoons)).applied
    slots = await availability.bookable_slots(lawyer, WED, NOW)
    assert slots and slots[0].starts_at == WED_1400
    assert not await availability.bookable_slots(lawyer, WED + timedelta(days=1), NOW)
    assert (await centre_hours.set_week(_change(cast, settings), lawyer, {})).applied
    assert await availability.bookable_slots(lawyer, WED + timedelta(days=1), NOW)


async def test_special_hours_keep_bookings_inside_and_removing_them_restores_the_week(
    cast: Cast, settings
):
    service = await _service(cast)
    inside = await _book(cast, service, settings, WED_0900)
    special = {
        "first": WED.isoformat(),
        "closed": "0",
        "hours": "09:00-10:00",
        "exception_reason": "上午活动",
    }
    outcome = await centre_hours.add_exception(_change(cast, settings), special, NOW.date())
    assert outcome.applied and outcome.affected == []
    slots = await availability.bookable_slots(service, WED, NOW)
    assert [s.starts_at for s in slots] == [WED_0900, WED_0930]
    exceptions = await centre_hours.exceptions_from(cast.centre_a, NOW.date())
    assert [(e.day, e.closed, e.intervals) for e in exceptions] == [(WED, False, [(540, 600)])]
    removed = await centre_hours.remove_exception(_change(cast, settings), {"day": WED.isoformat()})
    assert removed.applied and not await ScheduleException.exists()
    assert (await Booking.get(id=inside.id)).status == BookingStatus.BOOKED
    assert len(await availability.bookable_slots(service, WED, NOW)) > 10


async def test_a_closure_for_one_service_leaves_the_others_open(cast: Cast, settings):
    closed = await _service(cast, name="法律咨询")
    open_ = await _service(cast)
    outcome = await centre_hours.add_exception(
        _change(cast, settings), _closure(service=closed.code), NOW.date()
    )
    assert outcome.applied
    assert not await availability.bookable_slots(closed, WED, NOW)
    assert await availability.bookable_slots(open_, WED, NOW)


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"first": "2026-11-30"}, "first"),  # before today
        ({"first": "2026-12-05", "last": "2026-12-04"}, "last"),
        ({"first": "2026-12-01", "last": "2027-03-15"}, "last"),
        ({"first": "明天"}, "first"),
        ({"exception_reason": ""}, "exception_reason"),
        ({"closed": "0", "hours": ""}, "hours"),
        ({"closed": "0", "hours": "9-12"}, "hours"),
    ],
)
async def test_a_bad_exception_is_refused_on_its_field(cast: Cast, settings, form, field):
    await _service(cast)
    with pytest.raises(ValidationFailed) as refused:
        await centre_hours.add_exception(_change(cast, settings), _closure(**form), NOW.date())
    assert field in refused.value.fields
    assert not await ScheduleException.exists()


async def test_a_range_closes_every_day_in_it(cast: Cast, settings):
    service = await _service(cast)
    form = _closure(first="2026-12-07", last="2026-12-09")
    assert (await centre_hours.add_exception(_change(cast, settings), form, NOW.date())).applied
    assert await ScheduleException.filter(closed=True).count() == 3
    for day in (7, 8, 9):
        assert not await availability.bookable_slots(service, date(2026, 12, day), NOW)
    assert await availability.bookable_slots(service, date(2026, 12, 10), NOW)


# Services and rules -----------------------------------------------------------------------------


def _service_form(service: Service, **changes: str) -> dict[str, str]:
    form = {
        name: str(getattr(service, name)) for name in (*centre_setup.TEXTS, *centre_setup.RULES)
    }
    form.update(category=service.category.value, bookable="on", is_active="on")
    form["reminder_hours"] = "24, 2"
    return {**form, **changes}


async def test_a_new_capacity_applies_to_future_slots_and_keeps_taken_places(cast: Cast, settings):
    service = await _service(cast, capacity_per_slot=2)
    await _book(cast, service, settings, WED_0900)
    await _book(cast, service, settings, WED_0900, user=cast.member)
    await _book(cast, service, settings, WED_1000)
    outcome = await centre_setup.update_service(
        _change(cast, settings), service, _service_form(service, capacity_per_slot="1")
    )
    assert outcome.applied and outcome.affected == []
    full = await SlotUsage.get(service_id=service.id, starts_at=WED_0900)
    assert (full.capacity, full.taken) == (1, 2)
    assert await centre_setup.overfull_slots(service, NOW) == 1
    assert (await SlotUsage.get(service_id=service.id, starts_at=WED_1000)).capacity == 1
    with pytest.raises(bookings.SlotFull):
        await _book(cast, service, settings, WED_1000, user=cast.member)
    raised = _service_form(service, capacity_per_slot="3")
    assert (await centre_setup.update_service(_change(cast, settings), service, raised)).applied
    assert (await SlotUsage.get(service_id=service.id, starts_at=WED_1000)).capacity == 3
    assert await _book(cast, service, settings, WED_1000, user=cast.member)


async def test_a_new_slot_length_hits_bookings_whose_start_is_gone(cast: Cast, settings):
    service = await _service(cast)
    kept = await _book(cast, service, settings, WED_0900)
    gone = await _book(cast, service, settings, WED_0930)
    form = _service_form(service, duration_minutes="60")
    outcome = await centre_setup.update_service(_change(cast, settings), service, form)
    assert [b.code for b in outcome.affected] == [gone.code]
    assert (await Service.get(id=service.id)).duration_minutes == 30  # nothing saved yet
    assert service.duration_minutes == 30
    confirmed = _change(cast, settings, confirmed=frozenset({gone.code}), reason="改为一小时")
    assert (await centre_setup.update_service(confirmed, service, form)).applied
    assert (await Service.get(id=service.id)).duration_minutes == 60
    assert (await Booking.get(id=kept.id)).status == BookingStatus.BOOKED


async def test_withdrawing_a_service_hits_all_its_coming_bookings(cast: Cast, settings):
    service = await _service(cast)
    one = await _book(cast, service, settings, WED_0900)
    two = await _book(cast, service, settings, WED_1400)
    form = _service_form(service, is_active="")
    outcome = await centre_setup.update_service(_change(cast, settings), service, form)
    assert {b.code for b in outcome.affected} == {one.code, two.code}
    confirmed = _change(cast, settings, confirmed=frozenset({one.code, two.code}), reason="停办")
    assert (await centre_setup.update_service(confirmed, service, form)).applied
    assert not (await Service.get(id=service.id)).is_active
    assert await Booking.filter(status=BookingStatus.CANCELLED).count() == 2
    audit = await AuditEntry.get(action="service.update", object_id=service.code)
    assert audit.before["is_active"] is True and audit.after["is_active"] is False


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"category": "nonsense"}, "category"),
        ({"duration_minutes": "0"}, "duration_minutes"),
        ({"capacity_per_slot": "many"}, "capacity_per_slot"),
        ({"max_days_ahead": "365"}, "max_days_ahead"),
        ({"reminder_hours": "24, soon"}, "reminder_hours"),
        ({"reminder_hours": "200"}, "reminder_hours"),
    ],
)
async def test_bad_service_fields_are_refused_and_nothing_changes(
    cast: Cast, settings, changes, field
):
    service = await _service(cast)
    with pytest.raises(ValidationFailed) as refused:
        await centre_setup.update_service(
            _change(cast, settings), service, _service_form(service, **changes)
        )
    assert field in refused.value.fields
    assert (await Service.get(id=service.id)).name == "居住证明开具"


async def test_reminders_are_read_in_hours(cast: Cast, settings):
    service = await _service(cast)
    form = _service_form(service, reminder_hours="2，48 0.5")
    assert (await centre_setup.update_service(_change(cast, settings), service, form)).applied
    assert (await Service.get(id=service.id)).reminder_offsets_minutes == [2880, 120, 30]


async def test_staff_add_a_service_with_usual_rules(cast: Cast, settings):
    service = await centre_setup.create_service(
        cast.staff_a,
        cast.centre_a,
        {"name": "老年人优待证办理", "category": "elderly", "capacity_per_slot": "2"},
        WEB,
    )
    saved = await Service.get(id=service.id)
    assert (saved.centre_id, saved.capacity_per_slot, saved.duration_minutes) == (
        cast.centre_a.id,
        2,
        30,
    )
    assert saved.reminder_offsets_minutes == [1440, 120] and saved.bookable and saved.is_active
    assert await AuditEntry.filter(action="service.create", object_id=service.code).exists()


# Materials --------------------------------------------------------------------------------------


async def test_materials_are_added_edited_moved_and_removed_with_an_audit_trail(
    cast: Cast, settings
):
    service = await _service(cast)
    item = await centre_materials.add_material(
        cast.staff_a,
        cast.centre_a,
        service,
        {"name": "户口本", "name_en": "Household register", "form": "original", "count": "1"},
        WEB,
    )
    names = lambda: MaterialItem.filter(service_id=service.id).order_by("sort_order", "id")  # noqa: E731
    assert [m.name for m in await names()] == ["居民身份证", "授权委托书", "户口本"]
    await centre_materials.edit_material(
        cast.staff_a, cast.centre_a, service, str(item.id), "up", {}, WEB
    )
    assert [m.name for m in await names()] == ["居民身份证", "户口本", "授权委托书"]
    await centre_materials.edit_material(
        cast.staff_a,
        cast.centre_a,
        service,
        str(item.id),
        "save",
        {"name": "户口簿", "form": "copy", "count": "2", "condition": "本市户籍"},
        WEB,
    )
    saved = await MaterialItem.get(id=item.id)
    assert (saved.name, saved.form.value, saved.count, saved.condition) == (
        "户口簿",
        "copy",
        2,
        "本市户籍",
    )
    await centre_materials.edit_material(
        cast.staff_a, cast.centre_a, service, str(item.id), "remove", {}, WEB
    )
    assert [m.name for m in await names()] == ["居民身份证", "授权委托书"]
    actions = await AuditEntry.filter(object_id=service.code).values_list("action", flat=True)
    assert sorted(actions) == ["material.add", "material.remove", "material.update"]


async def test_a_material_of_another_service_cannot_be_touched(cast: Cast, settings):
    service = await _service(cast)
    other = await _service(cast, name="其他")
    item = await MaterialItem.create(service_id=other.id, name="照片", form="copy")
    with pytest.raises(NotFound):
        await centre_materials.edit_material(
            cast.staff_a, cast.centre_a, service, str(item.id), "remove", {}, WEB
        )
    assert await MaterialItem.filter(id=item.id).exists()


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"name": "", "form": "copy", "count": "1"}, "name"),
        ({"name": "照片", "form": "photo", "count": "1"}, "form"),
        ({"name": "照片", "form": "copy", "count": "0"}, "count"),
    ],
)
async def test_a_bad_material_is_refused(cast: Cast, settings, form, field):
    service = await _service(cast)
    with pytest.raises(ValidationFailed) as refused:
        await centre_materials.add_material(cast.staff_a, cast.centre_a, service, form, WEB)
    assert field in refused.value.fields
    assert await MaterialItem.filter(service_id=service.id).count() == 2


async def test_a_booking_already_outside_the_plan_is_not_blamed_on_a_new_change(
    cast: Cast, settings
):
    service = await _service(cast)
    stray = await _book(cast, service, settings, WED_0900)
    await ScheduleException.create(centre_id=cast.centre_a.id, date=WED, closed=True)
    longer = {f"day{d}": "08:30-12:00, 13:30-18:00" for d in range(7)}
    outcome = await centre_hours.set_week(_change(cast, settings), None, longer)
    assert outcome.applied and outcome.affected == []
    assert (await Booking.get(id=stray.id)).status == BookingStatus.BOOKED


async def test_a_closure_committed_after_a_booking_checked_its_slot_still_wins(
    cast: Cast, settings, monkeypatch
):
    service = await _service(cast)
    plan_of = directory.service_plan
    calls = 0

    async def look_then_close(*args):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        plan = await plan_of(*args)  # the booking's first look: the hours as they are now
        change = _change(cast, settings)  # the staff's closure commits just after it
        assert (await centre_hours.add_exception(change, _closure(), NOW.date())).applied
        return plan

    monkeypatch.setattr(directory, "service_plan", look_then_close)
    with pytest.raises(ValidationFailed):
        await _book(cast, service, settings, WED_0900)
    assert calls == 1 and not await Booking.exists()
    assert not await SlotUsage.filter(taken__gt=0).exists()
