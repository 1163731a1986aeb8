"""The admin's tree pages: who may open them, forms that add and edit, errors that keep what
was typed, and centres deactivated only when nothing depends on them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.domain.audit import CLI
from server.domain.roles import grant
from server.models.accounts import Role
from server.models.bookings import Booking
from server.models.places import Centre, Level, OrgNode
from tests.cast import PASSWORD, Cast, node, user
from tests.conftest import csrf_token, login
from tests.domain.booking_fixtures import make_service


async def _post(client, path: str, data: dict[str, str]):  # type: ignore[no-untyped-def]
    token = await csrf_token(client, "/account")
    return await client.post(path, data={"csrf_token": token, **data})


async def test_only_admins_of_the_subtree_open_a_tree_page(client, cast: Cast):
    assert (await client.get("/admin/TS/tree")).status_code in (302, 303)
    await login(client, cast.staff_a.phone, PASSWORD)
    assert (await client.get("/admin/TS/tree")).status_code == 403
    await client.post("/logout", data={"csrf_token": await csrf_token(client, "/account")})
    await login(client, cast.street_admin.phone, PASSWORD)
    page = await client.get("/admin/TS/tree")
    assert page.status_code == 200
    for text in ("甲社区", "乙社区", "甲社区党群服务站", "/admin/TA/tree", 'id="add-child"'):
        assert text in page.text
    assert (await client.get("/admin/TA/tree")).status_code == 200
    assert (await client.get("/admin/TD/tree")).status_code == 403
    assert (await client.get("/admin/NOPE/tree")).status_code == 404
    grid = await client.get("/admin/TA1/tree")
    assert grid.status_code == 200 and 'id="add-child"' not in grid.text  # grids have none


async def test_adding_a_child_redirects_and_a_bad_one_keeps_what_was_typed(client, cast: Cast):
    await login(client, cast.street_admin.phone, PASSWORD)
    added = await _post(client, "/admin/TS/tree/children", {"code": "TC", "name": "丙社区"})
    assert added.status_code == 303 and added.headers["location"] == "/admin/TS/tree?done=child"
    row = await OrgNode.get(code="TC")
    assert row.level == Level.COMMUNITY and row.path == "T/TD/TS/TC/"
    assert "丙社区" in (await client.get("/admin/TS/tree")).text
    bad = await _post(client, "/admin/TS/tree/children", {"code": "TA", "name": "重名社区"})
    assert bad.status_code == 422
    assert 'value="重名社区"' in bad.text and 'aria-invalid="true"' in bad.text
    outside = await _post(client, "/admin/TD/tree/children", {"code": "TS2", "name": "x"})
    assert outside.status_code == 403
    assert (
        not await OrgNode.exists(code="TS2") and await OrgNode.filter(name="重名社区").count() == 0
    )


async def test_editing_a_node_renames_it_and_refuses_a_move(client, cast: Cast):
    await login(client, cast.street_admin.phone, PASSWORD)
    saved = await _post(client, "/admin/TA/tree/edit", {"name": "甲社区新名", "households": "900"})
    assert saved.status_code == 303
    row = await OrgNode.get(code="TA")
    assert (row.name, row.households) == ("甲社区新名", 900)
    moved = await _post(client, "/admin/TA/tree/edit", {"name": "甲社区新名", "parent": "TB"})
    assert moved.status_code == 422
    assert (await OrgNode.get(code="TA")).path == "T/TD/TS/TA/"


async def test_a_centre_is_added_edited_deactivated_and_activated(client, cast: Cast):
    await login(client, cast.street_admin.phone, PASSWORD)
    form = {"node": "TS", "kind": "park", "name": "科创园服务站", "address": "园区路1号"}
    added = await _post(client, "/admin/TS/centres", form)
    assert added.status_code == 303
    centre = await Centre.get(name="科创园服务站")
    assert added.headers["location"] == f"/admin/TS/centres/{centre.code}?done=centre"
    base = f"/admin/TS/centres/{centre.code}"
    page = await client.get(base)
    assert page.status_code == 200 and 'value="园区路1号"' in page.text
    edit = {"kind": "park", "name": "科创园党群服务中心", "address": "园区路2号"}
    assert (await _post(client, base, edit)).status_code == 303
    assert (await Centre.get(id=centre.id)).address == "园区路2号"
    wrong = await _post(client, base, {**edit, "kind": "community"})
    assert wrong.status_code == 422 and (await Centre.get(id=centre.id)).kind.value == "park"
    off = await _post(client, f"{base}/active", {"active": "0"})
    assert off.status_code == 303 and not (await Centre.get(id=centre.id)).is_active
    assert (await client.get(f"/centres/{centre.code}")).status_code == 404
    on = await _post(client, f"{base}/active", {"active": "1"})
    assert on.status_code == 303 and (await Centre.get(id=centre.id)).is_active
    bad = await _post(client, "/admin/TS/centres", {"kind": "grid", "name": "", "address": ""})
    assert bad.status_code == 422 and await Centre.all().count() == 3


async def test_a_centre_still_in_use_is_not_deactivated(client, cast: Cast):
    service = await make_service(cast)
    at = datetime.now(UTC) + timedelta(days=2)
    await Booking.create(
        service=service, centre=cast.centre_a, starts_at=at, ends_at=at + timedelta(minutes=30)
    )
    await login(client, cast.street_admin.phone, PASSWORD)
    refused = await _post(client, "/admin/TS/centres/CENTREA/active", {"active": "0"})
    assert refused.status_code == 409 and 'role="alert"' in refused.text
    assert (await Centre.get(code="CENTREA")).is_active


async def test_an_admin_of_another_street_sees_nothing_of_this_one(client, cast: Cast):
    other_street = await node("TS9", "别的街道", Level.STREET, cast.district)
    other = await user("13700000008", "别的街道管理员")
    await grant(other, Role.ADMIN, other_street.code, None, CLI)
    await login(client, other.phone, PASSWORD)
    assert (await client.get("/admin/TS9/tree")).status_code == 200
    assert (await client.get("/admin/TS/tree")).status_code == 403
    assert (await client.get("/admin/TS/centres/CENTREA")).status_code == 403
    assert (await client.get("/admin/TS9/centres/CENTREA")).status_code == 404
    edit = await _post(client, "/admin/TS9/centres/CENTREA", {"name": "x", "address": "y"})
    assert edit.status_code == 404 and (await Centre.get(code="CENTREA")).name == "甲社区党群服务站"
    off = await _post(client, "/admin/TS/centres/CENTREA/active", {"active": "0"})
    assert off.status_code == 403 and (await Centre.get(code="CENTREA")).is_active
