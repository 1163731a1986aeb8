"""The audit page in the browser: an admin sees their subtree with who, what, before/after,
when and from where; filters work with and without htmx; another street and everyone else are
refused and shown nothing; no request writes to the log."""

from __future__ import annotations

import httpx

from server.domain import needs
from server.domain.audit import CLI, Origin, record
from server.domain.roles import grant
from server.models.accounts import Role, User
from server.models.audit import AuditEntry
from server.models.needs import Need
from server.models.places import Level, OrgNode
from tests.cast import PASSWORD, Cast, node, user
from tests.conftest import csrf_token, login

PAGE = "/admin/TS/audit"
WEB = Origin(ip="10.9.8.7", user_agent="Mozilla/5.0 (test)")


async def _as(client: httpx.AsyncClient, phone: str) -> None:
    client.cookies.clear()
    await login(client, phone, PASSWORD)


async def _second_street(cast: Cast) -> tuple[OrgNode, User]:
    street = await node("TS2", "第二街道", Level.STREET, cast.district)
    admin = await user("13700000006", "二街管理员")
    await grant(admin, Role.ADMIN, street.code, None, CLI)
    return street, admin


async def _a_viewed_need(cast: Cast) -> Need:
    need = await Need.create(
        centre=cast.centre_a,
        node=cast.grid_a,
        node_path=cast.grid_a.path,
        title="楼道灯坏了",
        requester=cast.resident,
        contact_phone=cast.resident.phone,
    )
    await needs.show_private(cast.staff_a, need, WEB)
    return need


async def test_a_street_admin_sees_who_did_what_when_and_from_where(client, cast: Cast):
    await record(
        cast.staff_a,
        "booking.cancel",
        WEB,
        object_type="booking",
        object_id="BK2345",
        node_path=cast.community_a.path,
        before={"status": "booked", "for_phone": "13912345678"},
        after={"status": "cancelled", "for_phone": "13912345678"},
    )
    await _as(client, cast.street_admin.phone)
    page = await client.get(PAGE)
    assert page.status_code == 200
    assert 'aria-current="page"' in page.text and "/admin/TS/people" in page.text  # the nav
    assert "甲站工作人员 · 137****0003" in page.text
    assert "booking.cancel" in page.text and "BK2345" in page.text
    assert "booked → cancelled" in page.text
    assert "10.9.8.7" in page.text and "Mozilla/5.0 (test)" in page.text
    assert "13912345678" not in page.text and "13700000003" not in page.text


async def test_filters_narrow_the_list_and_htmx_gets_only_the_list(client, cast: Cast):
    await _a_viewed_need(cast)
    await record(cast.staff_b, "booking.check_in", WEB, node_path=cast.community_b.path)
    await _as(client, cast.street_admin.phone)
    full = await client.get(PAGE, params={"private": "1"})
    assert "need.view_private" in full.text and "booking.check_in" not in full.text
    assert "<html" in full.text
    part = await client.get(
        PAGE, params={"actor": cast.staff_b.phone}, headers={"HX-Request": "true"}
    )
    assert part.status_code == 200 and "<html" not in part.text
    assert part.text.lstrip().startswith('<div id="entries">')
    assert "booking.check_in" in part.text and "need.view_private" not in part.text


async def test_bad_dates_are_shown_with_the_list_not_a_failure(client, cast: Cast):
    await _as(client, cast.street_admin.phone)
    page = await client.get(PAGE, params={"since": "2026-03-05", "until": "2026-03-01"})
    assert page.status_code == 200
    assert 'role="alert"' in page.text


async def test_pages_of_older_entries_follow(client, cast: Cast):
    for i in range(55):
        await record(None, f"test.n{i:02d}", CLI, node_path=cast.community_a.path)
    await _as(client, cast.street_admin.phone)
    first = await client.get(PAGE, params={"action": "test."})
    assert "test.n54" in first.text and "test.n05" in first.text and "test.n04" not in first.text
    cursor = first.text.split("before=")[1].split('"')[0]
    older = await client.get(PAGE, params={"action": "test.", "before": cursor})
    assert "test.n04" in older.text and "test.n00" in older.text
    assert "test.n05" not in older.text and "test.n54" not in older.text
    assert "Older" not in older.text and "更早" not in older.text  # the last page


async def test_another_streets_admin_and_everyone_else_are_refused_and_shown_nothing(
    client, cast: Cast
):
    need = await _a_viewed_need(cast)
    _, other_admin = await _second_street(cast)
    for phone in (other_admin.phone, cast.staff_a.phone, cast.resident.phone, cast.member.phone):
        await _as(client, phone)
        refused = await client.get(PAGE)
        assert refused.status_code == 403, phone
        assert need.code not in refused.text and "view_private" not in refused.text
    await _as(client, other_admin.phone)
    assert (await client.get("/admin/NOSUCH/audit")).status_code == 404
    narrowed = await client.get("/admin/TS2/audit", params={"place": cast.community_a.code})
    assert narrowed.status_code == 404 and need.code not in narrowed.text
    client.cookies.clear()
    anonymous = await client.get(PAGE)
    assert anonymous.status_code == 303 and anonymous.headers["location"].startswith("/login")


async def test_the_district_admin_sees_the_streets_entries(client, cast: Cast):
    need = await _a_viewed_need(cast)
    district_admin = await user("13700000007", "区管理员")
    await grant(district_admin, Role.ADMIN, cast.district.code, None, CLI)
    await _as(client, district_admin.phone)
    page = await client.get("/admin/TD/audit", params={"private": "1"})
    assert page.status_code == 200 and need.code in page.text
    page = await client.get(PAGE, params={"private": "1"})
    assert page.status_code == 200 and need.code in page.text


async def test_no_request_writes_to_the_log(client, cast: Cast):
    await _as(client, cast.street_admin.phone)
    before = await AuditEntry.all().count()
    token = await csrf_token(client, PAGE)
    for method in ("POST", "PUT", "DELETE"):
        answer = await client.request(method, PAGE, data={"csrf_token": token})
        assert answer.status_code == 405
    await client.get(PAGE, params={"private": "1"})
    assert await AuditEntry.all().count() == before
