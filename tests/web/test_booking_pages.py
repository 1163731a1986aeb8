"""Journey 1 over HTTP: find a service, see what to bring, book, get the code, QR and calendar."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import quote

from server.domain import availability, booking_messages, bookings
from server.messages import render
from server.models.bookings import Booking, BookingStatus, SlotUsage
from server.models.places import MaterialItem
from server.web import directory as directory_pages
from tests.cast import PASSWORD, Cast
from tests.conftest import csrf_token, login
from tests.domain.booking_fixtures import make_service


async def _first_slot(service):  # type: ignore[no-untyped-def]
    days = await availability.upcoming_days(service, datetime.now(UTC))
    return days[0][1][0]


async def _book(client, service, start, **extra):  # type: ignore[no-untyped-def]
    token = await csrf_token(
        client, f"/services/{service.code}/book?start={quote(start.isoformat())}"
    )
    data = {"csrf_token": token, "start": start.isoformat(), "who": "self", **extra}
    return await client.post(f"/services/{service.code}/book", data=data)


async def test_search_finds_a_service_by_its_chinese_name(client, cast: Cast):
    service = await make_service(cast)
    page = await client.get("/", params={"q": "居住"})
    assert page.status_code == 200 and f'href="/services/{service.code}"' in page.text
    fragment = await client.get("/", params={"q": "居住"}, headers={"HX-Request": "true"})
    assert fragment.text.lstrip().startswith('<div id="results">')
    none = await client.get("/", params={"q": "火箭发射"})
    assert "没有找到匹配的服务" in none.text


async def test_the_nearest_centres_come_first(client, cast: Cast):
    cast.centre_a.lat, cast.centre_a.lng = 30.58, 114.30
    await cast.centre_a.save(update_fields=["lat", "lng"])
    cast.centre_b.lat, cast.centre_b.lng = 30.70, 114.50
    await cast.centre_b.save(update_fields=["lat", "lng"])
    page = await client.get("/", params={"lat": "30.69", "lng": "114.49"})
    assert page.text.index("乙社区党群服务站") < page.text.index("甲社区党群服务站")


async def test_the_nearest_search_widens_until_it_has_enough(cast: Cast):
    from server.domain import directory

    cast.centre_a.lat, cast.centre_a.lng = 30.58, 114.30  # ~1 km away
    await cast.centre_a.save(update_fields=["lat", "lng"])
    cast.centre_b.lat, cast.centre_b.lng = 31.58, 114.30  # ~110 km away: outside every box
    await cast.centre_b.save(update_fields=["lat", "lng"])
    near = await directory.nearest_centres(30.59, 114.30, limit=1)
    assert [c.code for c, _ in near] == [cast.centre_a.code]
    both = await directory.nearest_centres(30.59, 114.30, limit=2)
    assert [c.code for c, _ in both] == [cast.centre_a.code, cast.centre_b.code]
    assert both[1][1] > 100


async def test_home_links_streets_and_a_street_lists_its_centres(client, cast: Cast):
    from server.models.places import Centre, CentreKind

    own = await Centre.create(
        node=cast.district, node_path=cast.district.path, kind=CentreKind.DISTRICT,
        name="测试区党群服务中心", address="区路1号",
    )  # fmt: skip
    home = await client.get("/")
    assert f'href="/places/{cast.street.code}"' in home.text
    assert f'href="/centres/{own.code}"' in home.text  # a district's own centre, at the top
    assert cast.centre_a.name not in home.text  # community centres are one tap further
    street = await client.get(f"/places/{cast.street.code}")
    assert cast.centre_a.name in street.text and cast.centre_b.name in street.text
    district = await client.get(f"/places/{cast.district.code}")
    assert f'href="/places/{cast.street.code}"' in district.text
    assert own.name in district.text and cast.centre_a.name not in district.text
    assert (await client.get("/places/NOPE")).status_code == 404


async def test_the_centre_page_shows_hours_status_and_services(client, cast: Cast):
    service = await make_service(cast)
    page = await client.get(f"/centres/{cast.centre_a.code}")
    assert page.status_code == 200
    assert '>09:00–12:00</span>, <span class="iv">13:30–17:30<' in page.text
    assert ("现在营业" in page.text) or ("现在休息" in page.text)
    assert f'href="/services/{service.code}"' in page.text
    assert (await client.get("/centres/NOPE")).status_code == 404


async def test_the_service_page_lists_materials_and_free_times(client, cast: Cast):
    service = await make_service(cast)
    page = await client.get(f"/services/{service.code}")
    assert "居民身份证" in page.text and "原件及复印件" in page.text and "代办时提供" in page.text
    assert f"/services/{service.code}/book?start=" in page.text


async def test_booking_needs_a_login(client, cast: Cast):
    service = await make_service(cast)
    slot = await _first_slot(service)
    response = await client.get(
        f"/services/{service.code}/book?start={quote(slot.starts_at.isoformat())}"
    )
    assert response.status_code == 303 and response.headers["location"].startswith("/login?next=")
    assert "请先登录" in (await client.get(response.headers["location"])).text


async def test_a_resident_books_and_gets_code_qr_and_calendar(client, cast: Cast):
    service = await make_service(cast)
    slot = await _first_slot(service)
    await login(client, cast.resident.phone, PASSWORD)
    response = await _book(client, service, slot.starts_at)
    assert response.status_code == 303
    code = re.match(r"/bookings/(\w+)\?new=1", response.headers["location"]).group(1)  # type: ignore[union-attr]
    page = await client.get(f"/bookings/{code}?new=1")
    assert (
        code in page.text and f"/bookings/{code}/qr.png" in page.text and "居民身份证" in page.text
    )
    qr = await client.get(f"/bookings/{code}/qr.png")
    assert qr.headers["content-type"] == "image/png" and qr.content[:8] == b"\x89PNG\r\n\x1a\n"
    ics = await client.get(f"/bookings/{code}/calendar.ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert f"DTSTART:{slot.starts_at.strftime('%Y%m%dT%H%M%SZ')}" in ics.text
    mine = await client.get("/bookings")
    assert code in mine.text


async def test_booking_for_a_parent_records_their_name(client, cast: Cast):
    service = await make_service(cast)
    slot = await _first_slot(service)
    await login(client, cast.resident.phone, PASSWORD)
    missing = await _book(client, service, slot.starts_at, who="other", for_phone="13911112222")
    assert missing.status_code == 422 and "请填写办事人的姓名" in missing.text
    empty = await _book(client, service, slot.starts_at, who="other")
    assert empty.status_code == 422 and "请填写办事人的姓名" in empty.text
    bad_phone = await _book(
        client, service, slot.starts_at, who="other", for_name="王奶奶", for_phone="123"
    )
    assert bad_phone.status_code == 422
    assert re.search(r'id="f-for_phone"[^>]*aria-invalid="true"', bad_phone.text)
    assert await Booking.all().count() == 0
    response = await _book(
        client, service, slot.starts_at, who="other", for_name="王奶奶", for_phone="13911112222"
    )
    assert response.status_code == 303
    booking = await Booking.get(user=cast.resident)
    assert (booking.for_name, booking.for_phone) == ("王奶奶", "13911112222")


async def test_a_full_slot_answers_409_with_free_times(client, cast: Cast, settings):
    service = await make_service(cast, capacity_per_slot=1)
    slot = await _first_slot(service)
    await bookings.book(cast.member, service, slot.starts_at, settings, bookings.Origin())
    await login(client, cast.resident.phone, PASSWORD)
    response = await _book(client, service, slot.starts_at)
    assert response.status_code == 409 and "该时段已约满" in response.text
    assert f"/services/{service.code}/book?start=" in response.text
    assert await Booking.filter(user=cast.resident).count() == 0


async def test_cancel_and_reschedule_from_the_booking_page(client, cast: Cast):
    service = await make_service(cast)
    days = await availability.upcoming_days(service, datetime.now(UTC))
    first, second = days[-1][1][0], days[-1][1][1]
    await login(client, cast.resident.phone, PASSWORD)
    code = (
        (await _book(client, service, first.starts_at))
        .headers["location"]
        .split("/")[2]
        .split("?")[0]
    )
    token = await csrf_token(client, f"/bookings/{code}")
    moved = await client.post(
        f"/bookings/{code}/reschedule",
        data={"csrf_token": token, "start": second.starts_at.isoformat()},
    )
    assert moved.status_code == 303
    new_code = moved.headers["location"].split("/")[2].split("?")[0]
    assert (await Booking.get(code=code)).status == BookingStatus.CANCELLED
    cancelled = await client.post(f"/bookings/{new_code}/cancel", data={"csrf_token": token})
    assert cancelled.status_code == 303
    assert (await Booking.get(code=new_code)).status == BookingStatus.CANCELLED
    assert all(u.taken == 0 for u in await SlotUsage.filter(service_id=service.id))


async def test_nobody_else_sees_or_cancels_my_booking(client, cast: Cast, settings):
    service = await make_service(cast)
    slot = await _first_slot(service)
    booking = await bookings.book(
        cast.resident, service, slot.starts_at, settings, bookings.Origin()
    )
    await login(client, cast.member.phone, PASSWORD)
    assert (await client.get(f"/bookings/{booking.code}")).status_code == 404
    assert (await client.get(f"/bookings/{booking.code}/qr.png")).status_code == 404
    token = await csrf_token(client, "/bookings")
    assert (
        await client.post(f"/bookings/{booking.code}/cancel", data={"csrf_token": token})
    ).status_code == 404
    assert (await Booking.get(id=booking.id)).status == BookingStatus.BOOKED


async def test_rescheduling_offers_days_then_their_times(client, cast: Cast, settings):
    service = await make_service(cast)
    slot = await _first_slot(service)
    booking = await bookings.book(
        cast.resident, service, slot.starts_at, settings, bookings.Origin()
    )
    await login(client, cast.resident.phone, PASSWORD)
    days = await availability.upcoming_days(service, datetime.now(UTC))
    page = await client.get(f"/bookings/{booking.code}/reschedule")
    assert page.text.count('class="slot"') <= 30 and f"?day={days[1][0].isoformat()}" in page.text
    fragment = await client.get(
        f"/bookings/{booking.code}/reschedule?day={days[1][0].isoformat()}",
        headers={"HX-Request": "true"},
    )
    assert (
        fragment.text.lstrip().startswith('<div id="slots">')
        and 'aria-current="date"' in fragment.text
    )


async def test_english_readers_see_a_materials_note_and_condition_in_english(
    client, cast: Cast, settings
):
    service = await make_service(cast)
    await MaterialItem.filter(service_id=service.id, name="授权委托书").update(
        note="须本人签字", note_en="Signed by the applicant", condition_en="someone applies for you"
    )
    await MaterialItem.filter(service_id=service.id, name="居民身份证").update(
        note="学生可持学生证"
    )
    chinese = await client.get(f"/services/{service.code}")
    assert "适用情形：代办时提供" in chinese.text and "须本人签字" in chinese.text
    client.cookies.set("ds_lang", "en")
    english = await client.get(f"/services/{service.code}")
    assert "Only if: someone applies for you" in english.text and "代办时提供" not in english.text
    assert "Signed by the applicant" in english.text and "须本人签字" not in english.text
    assert "学生可持学生证" in english.text  # no English written yet: the Chinese, not nothing
    slot = await _first_slot(service)
    booking = await bookings.book(
        cast.resident, service, slot.starts_at, settings, bookings.Origin()
    )
    message = render(
        "booking.confirmed", "en", await booking_messages.message_payload(booking, service)
    )
    assert (
        "Letter of authorisation (original) — someone applies for you; Signed by the applicant"
        in message.text
    )


def _clock_at(monkeypatch, instant: datetime) -> None:  # type: ignore[no-untyped-def]
    """Pages ask datetime.now(); make the directory pages' clock read ``instant``."""

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def,override]
            return instant.astimezone(tz)

    monkeypatch.setattr(directory_pages, "datetime", Clock)


async def test_the_centre_page_says_when_the_weeks_holidays_are_not_known(
    client, cast: Cast, monkeypatch
):
    await make_service(cast)
    client.cookies.set("ds_lang", "en")
    _clock_at(monkeypatch, datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    known = await client.get(f"/centres/{cast.centre_a.code}")
    assert known.status_code == 200 and "Holiday arrangements" not in known.text
    _clock_at(monkeypatch, datetime(2026, 12, 30, 2, 0, tzinfo=UTC))  # the week runs into 2027
    unknown = await client.get(f"/centres/{cast.centre_a.code}")
    assert "Holiday arrangements for 2027 are not published here yet" in unknown.text


async def test_the_service_page_days_and_slots_are_those_of_upcoming_days(cast: Cast):
    from datetime import timedelta

    from server.domain import directory

    service = await make_service(cast)
    calendar = (await directory.service_plan(service.code)).calendar
    for hours in (0, 9, 13, 23):  # before, during and after the day's opening hours
        now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(hours=hours)
        every = await availability.upcoming_days(service, now)
        for wanted in ("", every[-1][0].isoformat(), "2001-01-01"):
            days, chosen = await availability.day_view(service, now, wanted, calendar)
            assert days == [day for day, _ in every]
            expected = next((d for d in every if d[0].isoformat() == wanted), every[0])
            assert chosen == expected
