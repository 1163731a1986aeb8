"""Admins keep their part of the tree: children one level down, edits within their subtree,
centres on the right level, codes that never change and nodes that never move."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from server.domain import tree_admin
from server.domain.audit import CLI, Origin
from server.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from server.domain.roles import grant
from server.models.accounts import Role
from server.models.audit import AuditEntry
from server.models.bookings import Booking, BookingStatus
from server.models.places import Centre, CentreKind, Level, OrgNode
from tests.cast import Cast, user
from tests.domain.booking_fixtures import NOW, make_service

WEB = Origin(ip="10.0.0.9")


async def _district_admin(cast: Cast):  # type: ignore[no-untyped-def]
    admin = await user("13700000009", "区管理员")
    await grant(admin, Role.ADMIN, cast.district.code, None, CLI)
    return admin


# Nodes ---------------------------------------------------------------------------------------


async def test_a_street_admin_adds_a_community_one_level_down_with_its_path(cast: Cast):
    node = await tree_admin.create_child(
        cast.street_admin, "TS", {"code": "tc", "name": "丙社区", "households": "820"}, WEB
    )
    row = await OrgNode.get(code="TC")
    assert (row.level, row.path, row.depth, row.parent_id) == (  # type: ignore[attr-defined]
        Level.COMMUNITY,
        "T/TD/TS/TC/",
        3,
        cast.street.id,
    )
    assert row.households == 820 and row.sort_order == 1 and node.id == row.id
    entry = await AuditEntry.get(action="node.create")
    assert entry.node_path == "T/TD/TS/TC/" and entry.object_id == "TC"
    assert entry.actor_id == cast.street_admin.id and entry.ip == "10.0.0.9"  # type: ignore[attr-defined]


async def test_grids_go_under_communities_and_have_no_children(cast: Cast):
    grid = await tree_admin.create_child(
        cast.street_admin, "TA", {"code": "TA2", "name": "二"}, WEB
    )
    assert grid.level == Level.GRID and grid.path == "T/TD/TS/TA/TA2/" and grid.sort_order == 1
    with pytest.raises(ValidationFailed):
        await tree_admin.create_child(cast.street_admin, "TA2", {"code": "X1", "name": "x"}, WEB)
    assert not await OrgNode.exists(code="X1")


async def test_an_admin_cannot_add_outside_their_subtree(cast: Cast):
    with pytest.raises(PermissionDenied):
        await tree_admin.create_child(cast.street_admin, "TD", {"code": "TS2", "name": "x"}, WEB)
    with pytest.raises(PermissionDenied):
        await tree_admin.create_child(cast.staff_a, "TA", {"code": "TA9", "name": "x"}, WEB)
    with pytest.raises(NotFound):
        await tree_admin.create_child(cast.street_admin, "NOPE", {"code": "N1", "name": "x"}, WEB)
    assert await OrgNode.filter(code__in=["TS2", "TA9", "N1"]).count() == 0


async def test_every_problem_of_a_new_node_is_reported_at_once(cast: Cast):
    form = {"code": "a-b", "name": "", "lat": "91", "lng": "", "households": "many"}
    with pytest.raises(ValidationFailed) as refused:
        await tree_admin.create_child(cast.street_admin, "TS", form, WEB)
    assert set(refused.value.fields) == {"code", "name", "lat", "households"}
    with pytest.raises(ValidationFailed) as taken:
        await tree_admin.create_child(cast.street_admin, "TS", {"code": "ta1", "name": "x"}, WEB)
    assert set(taken.value.fields) == {"code"}  # TA1 is a grid elsewhere: codes are tree-wide
    with pytest.raises(ValidationFailed) as half:
        await tree_admin.create_child(
            cast.street_admin, "TS", {"code": "TZ", "name": "x", "lat": "30"}, WEB
        )
    assert set(half.value.fields) == {"lng"}
    assert await OrgNode.filter(parent_id=cast.street.id).count() == 2


async def test_two_admins_adding_the_same_code_at_once_get_one_node(cast: Cast):
    district_admin = await _district_admin(cast)
    results = await asyncio.gather(
        tree_admin.create_child(cast.street_admin, "TS", {"code": "TQ", "name": "甲"}, WEB),
        tree_admin.create_child(district_admin, "TS", {"code": "TQ", "name": "乙"}, WEB),
        return_exceptions=True,
    )
    refused = [r for r in results if isinstance(r, ValidationFailed)]
    assert len(refused) == 1 and set(refused[0].fields) == {"code"}
    assert await OrgNode.filter(code="TQ").count() == 1
    assert await AuditEntry.filter(action="node.create").count() == 1


async def test_renaming_a_node_keeps_its_code_and_path_and_is_audited(cast: Cast):
    form = {
        "name": "甲社区（新）",
        "name_en": "Jia",
        "households": "500",
        "lat": "30.5",
        "lng": "114.3",
    }
    await tree_admin.edit_node(cast.street_admin, "TA", form, WEB)
    row = await OrgNode.get(code="TA")
    assert (row.name, row.name_en, row.households, row.lat, row.lng, row.path) == (
        "甲社区（新）",
        "Jia",
        500,
        30.5,
        114.3,
        "T/TD/TS/TA/",
    )
    entry = await AuditEntry.get(action="node.edit")
    assert entry.before == {
        "name": "甲社区",
        "name_en": "",
        "households": None,
        "lat": None,
        "lng": None,
    }
    assert entry.after is not None and entry.after["name"] == "甲社区（新）"
    assert entry.node_path == "T/TD/TS/TA/"


async def test_codes_never_change_and_nodes_never_move(cast: Cast):
    form = {"name": "甲", "code": "TX", "parent": "TB"}
    with pytest.raises(ValidationFailed) as refused:
        await tree_admin.edit_node(cast.street_admin, "TA", form, WEB)
    assert set(refused.value.fields) == {"code", "parent"}
    row = await OrgNode.get(code="TA")
    assert (row.name, row.path, row.parent_id) == ("甲社区", "T/TD/TS/TA/", cast.street.id)  # type: ignore[attr-defined]
    same = {"name": "甲社区", "code": "ta", "parent": "TS"}  # the current values are fine
    await tree_admin.edit_node(cast.street_admin, "TA", same, WEB)


async def test_an_admin_edits_their_own_node_but_only_an_admin_above_reorders_it(cast: Cast):
    await tree_admin.edit_node(cast.street_admin, "TS", {"name": "新街道", "sort_order": "7"}, WEB)
    street = await OrgNode.get(code="TS")
    assert street.name == "新街道" and street.sort_order == 0
    district_admin = await _district_admin(cast)
    await tree_admin.edit_node(district_admin, "TS", {"name": "新街道", "sort_order": "7"}, WEB)
    assert (await OrgNode.get(code="TS")).sort_order == 7
    with pytest.raises(PermissionDenied):
        await tree_admin.edit_node(cast.street_admin, "TD", {"name": "x"}, WEB)


async def test_the_tree_view_counts_what_is_below_each_child(cast: Cast):
    view = await tree_admin.tree_view(cast.street_admin, "TS")
    rows = {r.node.code: (r.nodes_below, r.centres) for r in view.children}
    assert rows == {"TA": (1, 1), "TB": (0, 1)}
    assert {c.code for c in view.centres} == {"CENTREA", "CENTREB"}
    assert [n.code for n in view.attach_to] == ["TS", "TA", "TB"]
    assert [(a.code, allowed) for a, allowed in view.crumbs] == [("T", False), ("TD", False)]
    assert not view.above


# Centres -------------------------------------------------------------------------------------


def _centre_form(**changes: str) -> dict[str, str]:
    form = {"kind": "building", "name": "滨江楼宇党群服务站", "address": "沿江大道1号"}
    return {**form, "phone": "027-8888 6666", **changes}


async def test_a_regional_centre_is_added_on_a_street(cast: Cast):
    centre = await tree_admin.create_centre(cast.street_admin, "TS", _centre_form(), WEB)
    row = await Centre.get(id=centre.id)
    assert (row.node_id, row.node_path, row.kind, row.is_active) == (
        cast.street.id,
        "T/TD/TS/",
        CentreKind.BUILDING,
        True,
    )
    assert row.time_zone == "Asia/Shanghai" and row.phone == "027-8888 6666"
    entry = await AuditEntry.get(action="centre.create")
    assert entry.object_id == row.code and entry.node_path == "T/TD/TS/"


async def test_centres_sit_on_the_right_level_inside_the_scope(cast: Cast):
    wrong = {"kind": "community"}  # a community centre on a street
    with pytest.raises(ValidationFailed) as refused:
        await tree_admin.create_centre(cast.street_admin, "TS", _centre_form(**wrong), WEB)
    assert set(refused.value.fields) == {"kind"}
    with pytest.raises(ValidationFailed) as grid:
        await tree_admin.create_centre(cast.street_admin, "TS", _centre_form(node="TA1"), WEB)
    assert "node" in grid.value.fields
    with pytest.raises(ValidationFailed) as outside:
        await tree_admin.create_centre(cast.street_admin, "TA", _centre_form(node="TB"), WEB)
    assert set(outside.value.fields) == {"node"}  # TB is not below the page's node TA
    bad = _centre_form(name="", address="", time_zone="Mars/Base", phone="call me")
    with pytest.raises(ValidationFailed) as many:
        await tree_admin.create_centre(cast.street_admin, "TS", bad, WEB)
    assert set(many.value.fields) == {"name", "address", "time_zone", "phone"}
    with pytest.raises(PermissionDenied):
        await tree_admin.create_centre(cast.staff_a, "TA", _centre_form(kind="community"), WEB)
    assert await Centre.all().count() == 2


async def test_a_community_centre_goes_on_a_child_community(cast: Cast):
    form = _centre_form(kind="community", node="tb", name="乙社区第二服务站")
    centre = await tree_admin.create_centre(cast.street_admin, "TS", form, WEB)
    assert centre.node_path == "T/TD/TS/TB/"


async def test_editing_a_centre_keeps_its_node_and_level(cast: Cast):
    form = _centre_form(kind="market", name="甲市场服务站", address="甲路9号", node="TA")
    centre = await tree_admin.edit_centre(cast.street_admin, "TS", "CENTREA", form, WEB)
    row = await Centre.get(code="CENTREA")
    assert (row.kind, row.name, row.node_path) == (CentreKind.MARKET, "甲市场服务站", "T/TD/TS/TA/")
    assert centre.name == row.name
    entry = await AuditEntry.get(action="centre.edit")
    assert entry.before is not None and entry.before["kind"] == "community"
    moved = _centre_form(kind="street", node="TB")
    with pytest.raises(ValidationFailed) as refused:
        await tree_admin.edit_centre(cast.street_admin, "TS", "CENTREA", moved, WEB)
    assert set(refused.value.fields) == {"kind", "node"}


async def test_a_centre_outside_the_page_or_scope_is_not_found(cast: Cast):
    with pytest.raises(NotFound):
        await tree_admin.centre_in(cast.street_admin, "TA", "CENTREB")
    with pytest.raises(PermissionDenied):
        await tree_admin.centre_in(cast.staff_b, "TB", "CENTREB")


async def test_a_centre_with_future_bookings_cannot_be_deactivated(cast: Cast):
    service = await make_service(cast)
    at = NOW + timedelta(days=1)
    booking = await Booking.create(
        service=service, centre=cast.centre_a, starts_at=at, ends_at=at + timedelta(minutes=30)
    )
    with pytest.raises(Conflict):
        await tree_admin.set_centre_active(cast.street_admin, "TS", "CENTREA", False, WEB, NOW)
    assert (await Centre.get(code="CENTREA")).is_active
    await Booking.filter(id=booking.id).update(status=BookingStatus.CANCELLED)
    await tree_admin.set_centre_active(cast.street_admin, "TS", "CENTREA", False, WEB, NOW)
    assert not (await Centre.get(code="CENTREA")).is_active
    await tree_admin.set_centre_active(cast.street_admin, "TS", "CENTREA", True, WEB, NOW)
    assert (await Centre.get(code="CENTREA")).is_active
    actions = (
        await AuditEntry.filter(object_id="CENTREA").order_by("id").values_list("action", flat=True)
    )
    assert actions == ["centre.deactivate", "centre.activate"]
