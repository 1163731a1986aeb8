"""Staff pages that set a centre up: who may use them, forms that explain what is wrong, and
the review of affected bookings before a closure is saved."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from server.domain import availability, bookings
from server.models.audit import AuditEntry
from server.models.bookings import Booking, BookingStatus
from server.models.notifications import Notification
from server.models.places import MaterialItem, ScheduleException, Service, WeeklyHours
from tests.cast import PASSWORD, Cast
from tests.conftest import csrf_token, login
from tests.domain.booking_fixtures import make_service


async def _post(client, path: str, data: dict[str, str]):  # type: ignore[no-untyped-def]
    token = await csrf_token(client, "/account")
    return await client.post(path, data={"csrf_token": token, **data})


def _hidden(page: str) -> dict[str, str]:
    """The form fields a review page posts back (its hidden inputs)."""
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))


async def test_staff_see_their_setup_pages_and_others_are_kept_out(client, cast: Cast):
    service = await make_service(cast)
    base = f"/staff/{cast.centre_a.code}"
    assert (await client.get(f"{base}/hours")).status_code in (302, 303)  # log in first
    await login(client, cast.staff_a.phone, PASSWORD)
    services = await client.get(f"{base}/services")
    assert (
        services.status_code == 200
        and "居住证明开具" in services.text
        and "添加服务" in services.text
    )
    page = await client.get(f"{base}/services/{service.code}")
    assert page.status_code == 200 and "居民身份证" in page.text and "预约规则" in page.text
    hours = await client.get(f"{base}/hours")
    assert hours.status_code == 200 and "09:00-12:00, 13:30-17:30" in hours.text
    await client.post("/logout", data={"csrf_token": await csrf_token(client, "/account")})
    await login(client, cast.staff_b.phone, PASSWORD)
    assert (await client.get(f"{base}/hours")).status_code == 403
    refused = await _post(client, f"{base}/hours", {"day0": ""})
    assert refused.status_code == 403
    await client.post("/logout", data={"csrf_token": await csrf_token(client, "/account")})
    await login(client, cast.resident.phone, PASSWORD)
    assert (await client.get(f"{base}/services/{service.code}")).status_code == 403


async def test_a_change_without_the_csrf_token_is_refused(client, cast: Cast):
    service = await make_service(cast)
    await login(client, cast.staff_a.phone, PASSWORD)
    response = await client.post(
        f"/staff/{cast.centre_a.code}/services/{service.code}", data={"name": "改名"}
    )
    assert response.status_code == 403
    assert (await Service.get(id=service.id)).name == "居住证明开具"


async def test_closing_a_booked_day_shows_who_is_affected_then_cancels_on_confirmation(
    client, cast: Cast, settings
):
    service = await make_service(cast)
    days = await availability.upcoming_days(service, datetime.now(UTC))
    day, slots = days[0]
    booking = await bookings.book(
        cast.member,
        service,
        slots[0].starts_at,
        settings,
        bookings.Origin(),
        for_name="王奶奶",
        for_phone="13911112222",
    )
    await login(client, cast.staff_a.phone, PASSWORD)
    form = {"first": day.isoformat(), "closed": "1", "exception_reason": "设备检修"}
    review = await _post(client, f"/staff/{cast.centre_a.code}/exceptions", form)
    assert review.status_code == 200 and "核对受影响的预约" in review.text
    assert booking.code in review.text and "王奶奶" in review.text and "13911112222" in review.text
    assert not await ScheduleException.exists()
    fields = _hidden(review.text)
    assert fields["confirm"] == booking.code and fields["first"] == day.isoformat()
    del fields["csrf_token"]
    empty = await _post(client, f"/staff/{cast.centre_a.code}/exceptions", {**fields, "reason": ""})
    assert empty.status_code == 422 and "请简要说明原因" in empty.text
    done = await _post(
        client, f"/staff/{cast.centre_a.code}/exceptions", {**fields, "reason": "设备检修"}
    )
    assert done.status_code == 303
    after = await client.get(done.headers["location"])
    assert "已保存" in after.text and "1 个预约已取消" in after.text and "设备检修" in after.text
    assert (await Booking.get(id=booking.id)).status == BookingStatus.CANCELLED
    assert await Notification.filter(
        event="booking.cancelled_by_centre", user_id=cast.member.id
    ).exists()


async def test_bad_hours_are_shown_on_their_day_in_chinese_and_english(client, cast: Cast):
    await make_service(cast)
    await login(client, cast.staff_a.phone, PASSWORD)
    week = {f"day{d}": "09:00-12:00" for d in range(7)}
    response = await _post(client, f"/staff/{cast.centre_a.code}/hours", {**week, "day2": "9到12"})
    assert response.status_code == 422
    assert 'id="f-day2"' in response.text and "请按 09:00-12:00" in response.text
    assert 'value="9到12"' in response.text  # what was typed is kept
    client.cookies.set("ds_lang", "en")
    english = await _post(client, f"/staff/{cast.centre_a.code}/hours", {**week, "day2": "9到12"})
    assert "Write hours like 09:00-12:00" in english.text and "Wednesday" in english.text


async def test_staff_add_a_service_then_edit_its_rules_and_materials(client, cast: Cast):
    await make_service(cast)
    await login(client, cast.staff_a.phone, PASSWORD)
    base = f"/staff/{cast.centre_a.code}/services"
    missing = await _post(client, base, {"name": "", "category": "elderly"})
    assert missing.status_code == 422 and "请填写服务名称" in missing.text
    created = await _post(
        client,
        base,
        {
            "name": "老年人优待证",
            "category": "elderly",
            "duration_minutes": "20",
            "capacity_per_slot": "2",
        },
    )
    assert created.status_code == 303
    service = await Service.get(name="老年人优待证")
    assert created.headers["location"].startswith(f"{base}/{service.code}")
    page = await client.get(created.headers["location"])
    assert "服务已添加" in page.text
    bad = await _post(
        client,
        f"{base}/{service.code}",
        {"name": "老年人优待证", "category": "elderly", "duration_minutes": "0"},
    )
    assert bad.status_code == 422 and "请填写范围内的整数" in bad.text
    added = await _post(
        client,
        f"{base}/{service.code}/materials",
        {"name": "一寸照片", "form": "original", "count": "2", "condition_en": ""},
    )
    assert added.status_code == 303
    item = await MaterialItem.get(service_id=service.id)
    removed = await _post(
        client, f"{base}/{service.code}/materials/edit", {"item": str(item.id), "action": "remove"}
    )
    assert removed.status_code == 303
    assert not await MaterialItem.filter(service_id=service.id).exists()
    gone = await _post(
        client, f"{base}/{service.code}/materials/edit", {"item": str(item.id), "action": "save"}
    )
    assert gone.status_code == 422 and "该材料已不在清单中" in gone.text
    assert await AuditEntry.filter(action="material.remove", actor=cast.staff_a).exists()


async def test_a_service_gets_its_own_hours_then_follows_the_centre_again(client, cast: Cast):
    service = await make_service(cast)
    await login(client, cast.staff_a.phone, PASSWORD)
    path = f"/staff/{cast.centre_a.code}/services/{service.code}/hours"
    own = await _post(client, path, {"day2": "14:00-17:00"})
    assert own.status_code == 303
    page = await client.get(own.headers["location"])
    assert 'value="14:00-17:00"' in page.text and "恢复按中心开放时间" in page.text
    back = await _post(client, path, {"day2": "14:00-17:00", "follow_centre": "1"})
    assert back.status_code == 303
    assert not await WeeklyHours.filter(service_id=service.id).exists()
