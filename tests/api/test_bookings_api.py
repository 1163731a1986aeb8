"""The JSON API for platforms that link with Doorstep: directory, slots and bookings."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from server.domain import availability, bookings
from server.models.bookings import Booking, BookingStatus
from server.models.places import MaterialItem
from tests.cast import PASSWORD, Cast
from tests.domain.booking_fixtures import make_service


async def _token(client, user) -> dict[str, str]:  # type: ignore[no-untyped-def]
    response = await client.post(
        "/api/v1/auth/token", json={"phone": user.phone, "password": PASSWORD}
    )
    return {"Authorization": f"Bearer {response.json()['token']}"}


async def _free_day(service):  # type: ignore[no-untyped-def]
    """The last bookable day shown: its times are past the change cut-off whatever the hour the
    suite runs (the first day's earliest slot may be bookable yet too near to reschedule)."""
    days = await availability.upcoming_days(service, datetime.now(UTC))
    return days[-1][0]


async def _first_start(service) -> str:  # type: ignore[no-untyped-def]
    """The first bookable start, as the API writes it (whatever the time of day the suite runs)."""
    days = await availability.upcoming_days(service, datetime.now(UTC))
    return days[0][1][0].starts_at.astimezone(ZoneInfo("Asia/Shanghai")).isoformat()


async def test_centres_filter_by_node_kind_and_name_and_page_by_cursor(
    client, cast: Cast, monkeypatch
):
    monkeypatch.setattr("server.api.places.PAGE", 1)
    first = (await client.get("/api/v1/centres")).json()
    assert len(first["items"]) == 1 and first["next"] == first["items"][0]["id"]
    second = (await client.get("/api/v1/centres", params={"cursor": first["next"]})).json()
    assert second["next"] is None and second["items"][0]["id"] != first["items"][0]["id"]
    by_node = (await client.get("/api/v1/centres", params={"node": cast.community_b.code})).json()
    assert [c["id"] for c in by_node["items"]] == [cast.centre_b.code]
    bad = await client.get("/api/v1/centres", params={"kind": "spaceport"})
    assert bad.status_code == 422 and "kind" in bad.json()["fields"]


async def test_centres_near_a_point_come_with_their_distance(client, cast: Cast):
    cast.centre_a.lat, cast.centre_a.lng = 30.58, 114.30
    await cast.centre_a.save(update_fields=["lat", "lng"])
    body = (await client.get("/api/v1/centres", params={"near": "30.58,114.31"})).json()
    assert (
        body["items"][0]["id"] == cast.centre_a.code and 0.5 < body["items"][0]["distance_km"] < 1.5
    )
    assert (await client.get("/api/v1/centres", params={"near": "north"})).status_code == 422


async def test_a_centres_services_list_their_materials(client, cast: Cast):
    service = await make_service(cast)
    body = (await client.get(f"/api/v1/centres/{cast.centre_a.code}/services")).json()
    assert body["items"][0]["id"] == service.code
    assert [m["name"] for m in body["items"][0]["materials"]] == ["居民身份证", "授权委托书"]
    assert (await client.get("/api/v1/centres/NOPE")).status_code == 404


async def test_a_materials_english_note_and_condition_are_in_the_api(client, cast: Cast):
    service = await make_service(cast)
    await MaterialItem.filter(service_id=service.id, name="授权委托书").update(
        note="须本人签字", note_en="Signed by the applicant", condition_en="someone applies for you"
    )
    body = (await client.get(f"/api/v1/centres/{cast.centre_a.code}/services")).json()
    assert body["items"][0]["materials"][1] == {
        "name": "授权委托书",
        "name_en": "Letter of authorisation",
        "form": "original",
        "count": 1,
        "note": "须本人签字",
        "note_en": "Signed by the applicant",
        "condition": "代办时提供",
        "condition_en": "someone applies for you",
    }


async def test_slots_carry_their_offset(client, cast: Cast):
    service = await make_service(cast)
    day = await _free_day(service)
    body = (
        await client.get(f"/api/v1/services/{service.code}/slots", params={"date": day.isoformat()})
    ).json()
    assert body["date"] == day.isoformat()
    assert body["slots"][0]["start"].endswith("+08:00") and body["slots"][0]["remaining"] == 2
    bad = await client.get(f"/api/v1/services/{service.code}/slots", params={"date": "23/11/2026"})
    assert bad.status_code == 422


async def test_book_read_reschedule_and_cancel_through_the_api(client, cast: Cast):
    service = await make_service(cast)
    day = await _free_day(service)
    slots = (
        await client.get(f"/api/v1/services/{service.code}/slots", params={"date": day.isoformat()})
    ).json()["slots"]
    auth = await _token(client, cast.resident)
    created = await client.post(
        "/api/v1/bookings", json={"service": service.code, "start": slots[0]["start"]}, headers=auth
    )
    assert created.status_code == 201
    booking = created.json()
    assert (
        booking["status"] == "booked"
        and booking["start"] == slots[0]["start"]
        and len(booking["code"]) == 8
    )
    assert (await client.get(f"/api/v1/bookings/{booking['code']}", headers=auth)).json()[
        "code"
    ] == booking["code"]
    assert [
        b["code"] for b in (await client.get("/api/v1/bookings", headers=auth)).json()["items"]
    ] == [booking["code"]]
    moved = await client.post(
        f"/api/v1/bookings/{booking['code']}/reschedule",
        json={"start": slots[1]["start"]},
        headers=auth,
    )
    assert moved.status_code == 200 and moved.json()["start"] == slots[1]["start"]
    cancelled = await client.post(f"/api/v1/bookings/{moved.json()['code']}/cancel", headers=auth)
    assert cancelled.json()["status"] == "cancelled"
    assert await Booking.filter(status=BookingStatus.BOOKED).count() == 0


async def test_a_full_slot_answers_409_with_alternatives(client, cast: Cast, settings):
    service = await make_service(cast, capacity_per_slot=1)
    day = await _free_day(service)
    slots = (
        await client.get(f"/api/v1/services/{service.code}/slots", params={"date": day.isoformat()})
    ).json()["slots"]
    await bookings.book(
        cast.member, service, datetime.fromisoformat(slots[0]["start"]), settings, bookings.Origin()
    )
    auth = await _token(client, cast.resident)
    response = await client.post(
        "/api/v1/bookings", json={"service": service.code, "start": slots[0]["start"]}, headers=auth
    )
    assert response.status_code == 409
    body = response.json()
    assert (
        body["error"] == "slot_full"
        and body["alternatives"]
        and body["alternatives"][0]["remaining"] >= 1
    )


async def test_bad_booking_input_gets_422_with_fields_and_writes_nothing(client, cast: Cast):
    service = await make_service(cast)
    auth = await _token(client, cast.resident)
    no_offset = await client.post(
        "/api/v1/bookings",
        json={"service": service.code, "start": "2026-12-02T09:00"},
        headers=auth,
    )
    assert no_offset.status_code == 422 and "start" in no_offset.json()["fields"]
    start = await _first_start(service)
    no_name = await client.post(
        "/api/v1/bookings",
        json={"service": service.code, "start": start, "for_phone": "13911112222"},
        headers=auth,
    )
    assert no_name.status_code == 422 and "for_name" in no_name.json()["fields"]
    unknown = await client.post(
        "/api/v1/bookings", json={"service": "NOPE", "start": start}, headers=auth
    )
    assert unknown.status_code == 404
    assert await Booking.all().count() == 0


async def test_bookings_need_a_token_and_stay_private(client, cast: Cast, settings):
    service = await make_service(cast)
    start = await _first_start(service)
    assert (
        await client.post("/api/v1/bookings", json={"service": service.code, "start": start})
    ).status_code == 401
    booking = await bookings.book(
        cast.resident, service, datetime.fromisoformat(start), settings, bookings.Origin()
    )
    other = await _token(client, cast.member)
    assert (await client.get(f"/api/v1/bookings/{booking.code}", headers=other)).status_code == 404
    assert (
        await client.post(f"/api/v1/bookings/{booking.code}/cancel", headers=other)
    ).status_code == 404
