"""Staff at the counter: the day list, check-in once by code, no-show, done, walk-in, notes."""

from __future__ import annotations

from datetime import UTC, datetime

from server.domain import availability, bookings
from server.models.audit import AuditEntry
from server.models.bookings import Booking, BookingSource, BookingStatus
from tests.cast import PASSWORD, Cast
from tests.conftest import csrf_token, login
from tests.domain.booking_fixtures import make_service


async def _booked(cast: Cast, settings, **kw):  # type: ignore[no-untyped-def]
    service = await make_service(cast)
    days = await availability.upcoming_days(service, datetime.now(UTC))
    slot = days[0][1][0]
    booking = await bookings.book(
        cast.resident, service, slot.starts_at, settings, bookings.Origin(), **kw
    )
    return service, booking, days[0][0]


async def _post(client, path: str, data: dict[str, str] | None = None, htmx: bool = False):  # type: ignore[no-untyped-def]
    token = await csrf_token(client, "/account")
    headers = {"HX-Request": "true", "X-CSRF-Token": token} if htmx else {}
    return await client.post(path, data={"csrf_token": token, **(data or {})}, headers=headers)


async def test_staff_see_their_centres_day_and_only_theirs(client, cast: Cast, settings):
    service, booking, day = await _booked(
        cast, settings, for_name="王奶奶", for_phone="13911112222"
    )
    await login(client, cast.staff_a.phone, PASSWORD)
    assert (await client.get("/staff")).headers["location"] == f"/staff/{cast.centre_a.code}"
    page = await client.get(f"/staff/{cast.centre_a.code}", params={"date": day.isoformat()})
    assert page.status_code == 200 and booking.code in page.text and "王奶奶" in page.text
    assert (await client.get(f"/staff/{cast.centre_b.code}")).status_code == 403


async def test_a_resident_or_staff_of_b_cannot_use_a_counter(client, cast: Cast, settings):
    _, booking, _ = await _booked(cast, settings)
    await login(client, cast.staff_b.phone, PASSWORD)
    response = await _post(client, f"/staff/{cast.centre_a.code}/check-in", {"code": booking.code})
    assert response.status_code == 403
    assert (await Booking.get(id=booking.id)).status == BookingStatus.BOOKED


async def test_a_street_admin_may_run_a_counter_in_the_street(client, cast: Cast, settings):
    await login(client, cast.street_admin.phone, PASSWORD)
    assert (await client.get(f"/staff/{cast.centre_a.code}")).status_code == 200


async def test_a_code_checks_in_once_and_a_second_scan_says_when(client, cast: Cast, settings):
    _, booking, _ = await _booked(cast, settings)
    await login(client, cast.staff_a.phone, PASSWORD)
    first = await _post(
        client,
        f"/staff/{cast.centre_a.code}/check-in",
        {"code": f" {booking.code.lower()} "},
        htmx=True,
    )
    assert first.status_code == 200 and first.text.lstrip().startswith('<div id="counter">')
    assert f"{booking.code} 已签到" in first.text
    again = await _post(client, f"/staff/{cast.centre_a.code}/check-in", {"code": booking.code})
    assert again.status_code == 409 and "该预约码已于" in again.text
    stored = await Booking.get(id=booking.id)
    assert stored.status == BookingStatus.CHECKED_IN and stored.checked_in_by_id == cast.staff_a.id  # type: ignore[attr-defined]
    assert await AuditEntry.filter(action="booking.check_in", actor=cast.staff_a).count() == 1


async def test_an_unknown_code_is_said_clearly(client, cast: Cast, settings):
    await login(client, cast.staff_a.phone, PASSWORD)
    response = await _post(client, f"/staff/{cast.centre_a.code}/check-in", {"code": "ZZZZ2222"})
    assert response.status_code == 404 and "本服务中心没有这个预约码" in response.text


async def test_done_and_no_show_follow_the_order_of_the_day(client, cast: Cast, settings):
    _, booking, _ = await _booked(cast, settings)
    await login(client, cast.staff_a.phone, PASSWORD)
    base = f"/staff/{cast.centre_a.code}/bookings/{booking.code}"
    assert (await _post(client, f"{base}/done")).status_code == 409  # not checked in yet
    assert (await _post(client, f"{base}/no-show")).status_code == 200
    assert (await Booking.get(id=booking.id)).status == BookingStatus.NO_SHOW
    assert (await _post(client, f"{base}/sideways")).status_code == 404


async def test_a_walk_in_joins_the_day_list_checked_in(client, cast: Cast, settings):
    service = await make_service(cast)
    await login(client, cast.staff_a.phone, PASSWORD)
    missing = await _post(
        client, f"/staff/{cast.centre_a.code}/walk-in", {"service": service.code, "name": ""}
    )
    assert missing.status_code == 422
    response = await _post(
        client,
        f"/staff/{cast.centre_a.code}/walk-in",
        {"service": service.code, "name": "李大爷", "phone": "13922223333", "note": "老花镜"},
    )
    assert response.status_code == 200 and "李大爷" in response.text
    walk_in = await Booking.get(source=BookingSource.WALK_IN)
    assert (
        walk_in.status == BookingStatus.CHECKED_IN
        and walk_in.user_id is None
        and walk_in.note == "老花镜"
    )


async def test_a_note_is_saved_and_audited(client, cast: Cast, settings):
    _, booking, _ = await _booked(cast, settings)
    await login(client, cast.staff_a.phone, PASSWORD)
    await _post(
        client, f"/staff/{cast.centre_a.code}/bookings/{booking.code}/note", {"note": "需要轮椅"}
    )
    assert (await Booking.get(id=booking.id)).note == "需要轮椅"
    entry = await AuditEntry.get(action="booking.note")
    assert entry.after == {"note": "需要轮椅"}


async def test_staff_are_warned_on_days_the_holiday_calendar_does_not_cover(client, cast: Cast):
    await login(client, cast.staff_a.phone, PASSWORD)
    covered = await client.get(f"/staff/{cast.centre_a.code}", params={"date": "2026-12-01"})
    assert "节假日数据" not in covered.text
    uncovered = await client.get(f"/staff/{cast.centre_a.code}", params={"date": "2031-01-06"})
    assert "2031 年的节假日数据" in uncovered.text
