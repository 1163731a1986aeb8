"""Appointing, removing and deactivating within one's own part of the tree: allowed below,
refused outside, for oneself and for anyone at or above one's level; all of it audited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server.domain import accounts, people
from server.domain.audit import CLI, Origin
from server.domain.errors import (
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from server.domain.roles import grant
from server.models.accounts import ApiToken, Role, RoleGrant, Session, User
from server.models.audit import AuditEntry
from server.models.needs import Need
from server.models.places import Centre, CentreKind, Level, OrgNode
from server.redis_client import get_redis
from server.security.tokens import digest
from tests.cast import PASSWORD, Cast, node, user

WEB = Origin(ip="10.0.0.8", user_agent="pytest")


async def _admin(phone: str, name: str, scope: OrgNode) -> User:
    person = await user(phone, name)
    await grant(person, Role.ADMIN, scope.code, None, CLI)
    return person


async def _other_street(cast: Cast) -> tuple[OrgNode, Centre, User]:
    street = await node("TS2", "第二街道", Level.STREET, cast.district)
    community = await node("TC", "丙社区", Level.COMMUNITY, street)
    centre = await Centre.create(
        code="CENTREC",
        node=community,
        node_path=community.path,
        kind=CentreKind.COMMUNITY,
        name="丙社区党群服务站",
        address="丙路3号",
    )
    return street, centre, await _admin("13700000006", "二街管理员", street)


def _form(phone: str, role: str, scope: str) -> dict[str, str]:
    return {"phone": phone, "role": role, "scope": scope}


# Appointing -----------------------------------------------------------------------------------


async def test_a_street_admin_appoints_staff_of_a_centre_below_and_it_is_audited(cast: Cast):
    form = _form(cast.resident.phone, "staff", cast.centre_b.code)
    made = await people.appoint(cast.street_admin, cast.street, form, WEB)
    assert (made.user_id, made.role, made.centre_id) == (  # type: ignore[attr-defined]
        cast.resident.id,
        Role.STAFF,
        cast.centre_b.id,
    )
    entry = await AuditEntry.filter(action="role.grant").order_by("-id").first()
    assert entry is not None and entry.actor_id == cast.street_admin.id  # type: ignore[attr-defined]
    assert (entry.object_id, entry.node_path, entry.ip) == (
        cast.resident.public_id,
        cast.community_b.path,
        "10.0.0.8",
    )
    assert entry.after == {"role": "staff", "scope": cast.centre_b.code}


async def test_admins_are_appointed_only_below_so_no_admin_makes_a_co_admin(cast: Cast):
    below = _form(cast.resident.phone, "admin", cast.community_a.code)
    await people.appoint(cast.street_admin, cast.street, below, WEB)
    assert await RoleGrant.filter(user=cast.resident, role=Role.ADMIN).count() == 1
    co_admin = _form(cast.member.phone, "admin", cast.street.code)
    with pytest.raises(ValidationFailed) as refused:
        await people.appoint(cast.street_admin, cast.street, co_admin, WEB)
    assert refused.value.fields == {"scope": people.OWN_LEVEL}
    district_admin = await _admin("13700000007", "区管理员", cast.district)
    await people.appoint(district_admin, cast.street, co_admin, WEB)  # from the level above
    assert await RoleGrant.filter(user=cast.member, node=cast.street, role=Role.ADMIN).exists()


async def test_appointing_outside_ones_area_is_refused(cast: Cast):
    _, centre_c, _ = await _other_street(cast)
    form = _form(cast.resident.phone, "staff", centre_c.code)
    with pytest.raises(ValidationFailed) as refused:
        await people.appoint(cast.street_admin, cast.street, form, WEB)
    assert set(refused.value.fields) == {"scope"}
    # A community's page narrows the area further, even for its street's admin.
    form = _form(cast.resident.phone, "staff", cast.centre_b.code)
    with pytest.raises(ValidationFailed):
        await people.appoint(cast.street_admin, cast.community_a, form, WEB)
    assert not await RoleGrant.filter(user=cast.resident).exists()


async def test_every_problem_of_an_appointment_is_reported_at_once(cast: Cast):
    with pytest.raises(ValidationFailed) as bad:
        await people.appoint(cast.street_admin, cast.street, _form("123", "king", "X"), WEB)
    assert set(bad.value.fields) == {"phone", "role"}
    with pytest.raises(ValidationFailed) as unknown:
        await people.appoint(
            cast.street_admin, cast.street, _form("13911112222", "staff", "NOSUCH"), WEB
        )
    assert set(unknown.value.fields) == {"phone", "scope"}
    with pytest.raises(ValidationFailed) as not_a_grid:
        form = _form(cast.resident.phone, "grid_worker", cast.community_a.code)
        await people.appoint(cast.street_admin, cast.street, form, WEB)
    assert set(not_a_grid.value.fields) == {"scope"}
    form = _form(cast.resident.phone, "grid_worker", cast.grid_a.code)
    await people.appoint(cast.street_admin, cast.street, form, WEB)


async def test_nobody_appoints_themselves_or_a_deactivated_account(cast: Cast):
    with pytest.raises(ValidationFailed) as own:
        form = _form(cast.street_admin.phone, "staff", cast.centre_a.code)
        await people.appoint(cast.street_admin, cast.street, form, WEB)
    assert own.value.fields == {"phone": people.NOT_YOURSELF}
    await User.filter(id=cast.resident.id).update(is_active=False)
    with pytest.raises(ValidationFailed) as closed:
        form = _form(cast.resident.phone, "staff", cast.centre_a.code)
        await people.appoint(cast.street_admin, cast.street, form, WEB)
    assert set(closed.value.fields) == {"phone"}


async def test_the_same_role_twice_is_refused(cast: Cast):
    form = _form(cast.staff_a.phone, "staff", cast.centre_a.code)
    with pytest.raises(ValidationFailed):
        await people.appoint(cast.street_admin, cast.street, form, WEB)


# Removing -------------------------------------------------------------------------------------


async def test_a_street_admin_removes_staff_below_and_it_is_audited(cast: Cast):
    staff = await RoleGrant.get(user=cast.staff_a)
    await people.remove(cast.street_admin, cast.street, staff.id, WEB)
    assert not await RoleGrant.filter(id=staff.id).exists()
    entry = await AuditEntry.get(action="role.revoke")
    assert (entry.object_id, entry.node_path) == (cast.staff_a.public_id, cast.community_a.path)
    assert entry.before == {"role": "staff", "scope": cast.centre_a.code}


async def test_removing_ones_own_a_co_admins_or_another_streets_role_is_refused(cast: Cast):
    own = await RoleGrant.get(user=cast.street_admin)
    with pytest.raises(PermissionDenied):
        await people.remove(cast.street_admin, cast.street, own.id, WEB)
    co_admin = await _admin("13700000008", "街道副管理员", cast.street)
    theirs = await RoleGrant.get(user=co_admin)
    with pytest.raises(PermissionDenied):
        await people.remove(cast.street_admin, cast.street, theirs.id, WEB)
    _, _, other_admin = await _other_street(cast)
    elsewhere = await RoleGrant.get(user=other_admin)
    with pytest.raises(NotFound):
        await people.remove(cast.street_admin, cast.street, elsewhere.id, WEB)
    with pytest.raises(NotFound):
        await people.remove(cast.street_admin, cast.street, 999_999, WEB)
    assert await RoleGrant.filter(id__in=[own.id, theirs.id, elsewhere.id]).count() == 3
    assert not await AuditEntry.filter(action="role.revoke").exists()


# Deactivating ---------------------------------------------------------------------------------


async def test_deactivation_ends_sessions_and_tokens_at_once_and_blocks_login(cast: Cast, settings):
    key = await accounts.start_session(cast.staff_a, settings, WEB)
    token, _ = await accounts.issue_token(cast.staff_a, settings, WEB)
    await people.deactivate(cast.street_admin, cast.street, cast.staff_a.public_id, "离职", WEB)
    assert not await Session.filter(key_hash=digest(key)).exists()
    assert (await ApiToken.get(token_hash=digest(token))).revoked_at is not None
    with pytest.raises(AuthenticationFailed):
        await accounts.user_for_token(token)
    with pytest.raises(AuthenticationFailed):
        await accounts.authenticate(
            get_redis(settings), settings, cast.staff_a.phone, PASSWORD, "10.0.0.8"
        )
    entry = await AuditEntry.get(action="user.deactivate")
    assert (entry.before, entry.after) == (
        {"is_active": True},
        {"is_active": False, "reason": "离职"},
    )
    assert entry.node_path == cast.street.path
    fresh = await User.get(id=cast.staff_a.id)
    assert not fresh.is_active and fresh.deactivated_at is not None
    assert await RoleGrant.filter(user=cast.staff_a).exists()  # kept for a reactivation


async def test_a_reactivated_account_logs_in_again(cast: Cast, settings):
    await people.deactivate(cast.street_admin, cast.street, cast.staff_a.public_id, "调岗", WEB)
    await people.reactivate(cast.street_admin, cast.street, cast.staff_a.public_id, WEB)
    redis = get_redis(settings)
    back = await accounts.authenticate(redis, settings, cast.staff_a.phone, PASSWORD, "10.0.0.8")
    assert back.id == cast.staff_a.id
    with pytest.raises(Conflict):
        await people.reactivate(cast.street_admin, cast.street, cast.staff_a.public_id, WEB)
    assert await AuditEntry.filter(action="user.reactivate").count() == 1


async def test_deactivation_needs_a_reason(cast: Cast):
    with pytest.raises(ValidationFailed) as problem:
        await people.deactivate(cast.street_admin, cast.street, cast.staff_a.public_id, " ", WEB)
    assert set(problem.value.fields) == {"reason"}
    assert (await User.get(id=cast.staff_a.id)).is_active


async def test_nobody_deactivates_themselves_or_anyone_at_or_above_their_level(cast: Cast):
    with pytest.raises(PermissionDenied):
        await people.deactivate(
            cast.street_admin, cast.street, cast.street_admin.public_id, "x", WEB
        )
    co_admin = await _admin("13700000008", "街道副管理员", cast.street)
    with pytest.raises(PermissionDenied):
        await people.deactivate(cast.street_admin, cast.street, co_admin.public_id, "x", WEB)
    district_admin = await _admin("13700000007", "区管理员", cast.district)
    await grant(district_admin, Role.STAFF, cast.centre_a.code, None, CLI)  # present below, too
    with pytest.raises(PermissionDenied):
        await people.deactivate(cast.street_admin, cast.street, district_admin.public_id, "x", WEB)
    await people.deactivate(district_admin, cast.district, co_admin.public_id, "调离", WEB)
    assert await User.filter(is_active=False).count() == 1


async def test_accounts_outside_ones_area_are_not_found_alike(cast: Cast):
    _, centre_c, other_admin = await _other_street(cast)
    staff_c = await user("13700000009", "丙站工作人员")
    await grant(staff_c, Role.STAFF, centre_c.code, None, CLI)
    for who in (staff_c.public_id, other_admin.public_id, cast.resident.public_id, "nobody"):
        with pytest.raises(NotFound) as missing:
            await people.deactivate(cast.street_admin, cast.street, who, "x", WEB)
        assert missing.value.message == people.NOT_HERE
    assert await User.filter(is_active=False).count() == 0


async def test_a_resident_is_in_reach_where_they_asked_for_help_and_anywhere_for_the_city(
    cast: Cast,
):
    await Need.create(
        centre=cast.centre_b,
        node=cast.community_b,
        node_path=cast.community_b.path,
        title="噪音扰民",
        requester=cast.resident,
    )
    found, grants = await people.account_within(cast.street_admin, cast.street, cast.resident.phone)
    assert found.id == cast.resident.id and grants == []
    with pytest.raises(NotFound):
        await people.account_within(cast.street_admin, cast.community_a, cast.resident.phone)
    stranger = await user("13811112222", "路人")
    city_admin = await _admin("13700000010", "市管理员", cast.city)
    await people.deactivate(city_admin, cast.city, stranger.public_id, "冒用号码", WEB)
    assert not (await User.get(id=stranger.id)).is_active


async def test_an_anonymised_account_is_never_reactivated(cast: Cast):
    await User.filter(id=cast.staff_a.id).update(
        phone=f"{people.ANONYMISED_PREFIX}{cast.staff_a.id:010d}",
        is_active=False,
        deactivated_at=datetime.now(UTC) - timedelta(days=1),
    )
    with pytest.raises(Conflict):
        await people.reactivate(cast.street_admin, cast.street, cast.staff_a.public_id, WEB)
