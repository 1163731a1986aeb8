"""The small cast of the permission tests: a resident, a member, staff of A and B, admins."""

from __future__ import annotations

from dataclasses import dataclass

from server.domain.audit import CLI
from server.domain.members import enrol_verified
from server.domain.roles import grant
from server.models.accounts import Role, User
from server.models.places import Centre, CentreKind, Level, OrgNode
from server.security.passwords import hash_password

PASSWORD = "correct-horse-9"
_HASH: list[str] = []


@dataclass
class Cast:
    city: OrgNode
    district: OrgNode
    street: OrgNode
    community_a: OrgNode
    community_b: OrgNode
    grid_a: OrgNode
    centre_a: Centre
    centre_b: Centre
    resident: User
    member: User
    staff_a: User
    staff_b: User
    street_admin: User


async def node(code: str, name: str, level: Level, parent: OrgNode | None) -> OrgNode:
    path = f"{parent.path if parent else ''}{code}/"
    return await OrgNode.create(
        code=code, name=name, level=level, parent=parent, path=path, depth=path.count("/") - 1
    )


async def user(phone: str, name: str) -> User:
    if not _HASH:
        _HASH.append(hash_password(PASSWORD))  # argon2 is slow on purpose: hash once
    return await User.create(phone=phone, password_hash=_HASH[0], display_name=name)


async def make_cast() -> Cast:
    city = await node("T", "测试市", Level.CITY, None)
    district = await node("TD", "测试区", Level.DISTRICT, city)
    street = await node("TS", "测试街道", Level.STREET, district)
    community_a = await node("TA", "甲社区", Level.COMMUNITY, street)
    community_b = await node("TB", "乙社区", Level.COMMUNITY, street)
    grid_a = await node("TA1", "甲社区第一网格", Level.GRID, community_a)
    centre_a = await Centre.create(
        code="CENTREA",
        node=community_a,
        node_path=community_a.path,
        kind=CentreKind.COMMUNITY,
        name="甲社区党群服务站",
        address="甲路1号",
    )
    centre_b = await Centre.create(
        code="CENTREB",
        node=community_b,
        node_path=community_b.path,
        kind=CentreKind.COMMUNITY,
        name="乙社区党群服务站",
        address="乙路2号",
    )
    people = [
        await user(f"1370000000{i}", name)
        for i, name in enumerate(["居民", "党员", "甲站工作人员", "乙站工作人员", "街道管理员"], 1)
    ]
    resident, member, staff_a, staff_b, street_admin = people
    await enrol_verified(member, grid_a.code, "党员", CLI)
    await grant(staff_a, Role.STAFF, centre_a.code, None, CLI)
    await grant(staff_b, Role.STAFF, centre_b.code, None, CLI)
    await grant(street_admin, Role.ADMIN, street.code, None, CLI)
    return Cast(
        city,
        district,
        street,
        community_a,
        community_b,
        grid_a,
        centre_a,
        centre_b,
        resident,
        member,
        staff_a,
        staff_b,
        street_admin,
    )
