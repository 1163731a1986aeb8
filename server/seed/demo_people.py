"""Seed the people: demo accounts and their grants, residents, units, skills, members, pledges."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from server.models.accounts import Role, RoleGrant, User
from server.models.members import (
    Member,
    MemberStatus,
    Pledge,
    PledgeArea,
    PledgeSkill,
    PledgeStatus,
    Skill,
    Unit,
)
from server.seed import demo_data as data
from server.seed.demo_context import DemoCity, Resident
from server.seed.demo_texts import GIVEN, PLEDGE_TEXTS, SURNAMES

DEMO_CAST = (
    data.RESIDENT,
    data.MEMBER,
    data.STAFF_A,
    data.STAFF_B,
    data.GRID_WORKER,
    data.STREET_ADMIN,
    data.DISTRICT_ADMIN,
    data.CITY_ADMIN,
)
MEMBER_STATUSES = (
    [MemberStatus.VERIFIED] * 16
    + [MemberStatus.PENDING] * 3
    + [MemberStatus.LAPSED, MemberStatus.DECLINED]
)


def _window(weekday: int, start: str, end: str) -> dict[str, Any]:
    return {"weekday": weekday, "start": start, "end": end}


AVAILABILITY = (
    [_window(5, "09:00", "12:00")],
    [_window(6, "14:00", "17:00")],
    [_window(5, "09:00", "12:00"), _window(6, "09:00", "12:00")],
    [_window(1, "19:00", "21:00"), _window(3, "19:00", "21:00")],
)
DEMO_PLEDGE = "辅导作业，周末：周六上午、周日下午可辅导小学数学、语文作业"
DEMO_AVAILABILITY = [_window(5, "09:00", "12:00"), _window(6, "14:00", "17:00")]


def phone_of(index: int) -> str:
    """The deterministic mobile number of the ``index``-th generated user."""
    return f"1392715{index:04d}"


def full_name(city: DemoCity) -> str:
    return city.rng.choice(SURNAMES) + city.rng.choice(GIVEN)


async def seed_people(city: DemoCity) -> None:
    """Write every user, the grants, units, skills, and the members with their pledges."""
    staff_phones, homes = _plan_users(city)
    in_homes = {home[0] for home in homes}  # the demo resident and member live in 望江社区
    await User.bulk_create(
        User(phone=phone, password_hash=city.password_hash, display_name=name)
        for phone, name, *_ in [p for p in DEMO_CAST if p.phone not in in_homes]
        + homes
        + staff_phones
    )
    city.users = dict(await User.all().values_list("phone", "id"))
    city.residents = [Resident(city.users[phone], phone, *rest) for phone, *rest in homes]
    await _seed_grants(city, {code: city.users[phone] for phone, _, code in staff_phones})
    await Unit.bulk_create(Unit(code=city.code(), **row._asdict()) for row in data.UNITS)
    city.units = [unit.id for unit in await Unit.all().order_by("id")]
    await Skill.bulk_create(
        Skill(code=code, name=name, name_en=name_en, sort_order=i)
        for i, (code, name, name_en) in enumerate(data.SKILLS)
    )
    city.skills = dict(await Skill.all().values_list("code", "id"))
    await _seed_members(city)


def _plan_users(city: DemoCity) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Staff phones per centre (besides A and B) and residents: (phone, name, community, grid)."""
    fixed = {data.CENTRE_A_CODE, data.CENTRE_B_CODE}
    staff = [
        (code, phone_of(i)) for i, code in enumerate(c for c in city.centres if c not in fixed)
    ]
    wj_grids = city.grids_of["WJ"]
    homes: list[tuple[str, ...]] = [
        (*data.RESIDENT, "WJ", wj_grids[0]),
        (*data.MEMBER, "WJ", wj_grids[1]),
    ]
    index = len(staff)
    for community, grids in city.grids_of.items():
        for _ in range(city.rng.randint(10, 14)):
            homes.append((phone_of(index), full_name(city), community, city.rng.choice(grids)))
            index += 1
    return [(phone, full_name(city), code) for code, phone in staff], homes


async def _seed_grants(city: DemoCity, staff: dict[str, int]) -> None:
    a, b = city.centres[data.CENTRE_A_CODE], city.centres[data.CENTRE_B_CODE]
    staff[a.code], staff[b.code] = city.users[data.STAFF_A.phone], city.users[data.STAFF_B.phone]
    city.staff_of = {city.centres[code].id: uid for code, uid in staff.items()}
    grants = [
        RoleGrant(user_id=u, role=Role.STAFF, centre_id=c, scope=RoleGrant.scope_of(centre_id=c))
        for c, u in city.staff_of.items()
    ]
    root, district, street = a.node_path.split("/")[:3]
    for person, role, node_code in (
        (data.GRID_WORKER, Role.GRID_WORKER, city.grids_of["WJ"][0]),
        (data.STREET_ADMIN, Role.ADMIN, street),
        (data.DISTRICT_ADMIN, Role.ADMIN, district),
        (data.CITY_ADMIN, Role.ADMIN, root),
    ):
        node_id = city.nodes[node_code].id
        scope = RoleGrant.scope_of(node_id=node_id)
        grants.append(
            RoleGrant(user_id=city.users[person.phone], role=role, node_id=node_id, scope=scope)
        )
    await RoleGrant.bulk_create(grants)


async def _seed_members(city: DemoCity) -> None:
    demo_user = city.users[data.MEMBER.phone]
    demo = next(r for r in city.residents if r.user_id == demo_user)
    rows = [_member(city, demo, MemberStatus.VERIFIED, demo=True)]
    rows[0].unit_id = city.units[3]  # 江城市第一中学: a teacher who tutors at weekends
    for community in city.grids_of:
        people = [r for r in city.others if r.community == community]
        for resident in city.rng.sample(people, city.rng.randint(4, 7)):
            rows.append(_member(city, resident, city.rng.choice(MEMBER_STATUSES)))
    await Member.bulk_create(rows)
    saved = await Member.all().values("id", "user_id", "status", "node_path", "reported_at")
    pledges = [_pledge(city, m, m["user_id"] == demo_user) for m in saved]
    await Pledge.bulk_create(p for p in pledges if p is not None)
    await _seed_pledge_links(city, saved)


def _member(city: DemoCity, resident: Resident, status: MemberStatus, demo: bool = False) -> Member:
    community = city.nodes[resident.community]
    # Most members name their grid too; some only know their community.
    grid = city.nodes[resident.grid] if demo or city.rng.random() < 0.8 else None
    reported = city.ago(days=city.rng.randint(20, 400))
    verified = status in (MemberStatus.VERIFIED, MemberStatus.LAPSED)
    confirmed_until = city.today + timedelta(days=city.rng.randint(10, 182))
    if status == MemberStatus.LAPSED:
        confirmed_until = city.today - timedelta(days=city.rng.randint(5, 60))
    return Member(
        user_id=resident.user_id,
        real_name=resident.name,
        member_no=f"JC{city.rng.randint(10**7, 10**8 - 1)}",
        unit_id=city.rng.choice(city.units),
        community_id=community.id,
        grid_id=grid.id if grid else None,
        node_path=(grid or community).path,
        status=status,
        status_reason=_status_reason(status),
        reported_at=reported,
        verified_at=reported + timedelta(days=2) if verified else None,
        verified_by_id=_staff(city, resident.community) if verified else None,
        confirmed_until=confirmed_until if verified else None,
    )


def _staff(city: DemoCity, community: str) -> int:
    return city.staff_of[city.community_centre[community].id]


def _status_reason(status: MemberStatus) -> str:
    return {
        MemberStatus.DECLINED: "未查到该党员的组织关系，请核实后重新报到",
        MemberStatus.LAPSED: "超过半年未重新确认报到信息",
    }.get(status, "")


def _pledge(city: DemoCity, member: dict[str, Any], demo: bool) -> Pledge | None:
    status = member["status"]
    if status not in (MemberStatus.VERIFIED, MemberStatus.LAPSED):
        return None
    active = status == MemberStatus.VERIFIED
    codes = [s[0] for s in data.SKILLS]
    skills = ["tutoring"] if demo else city.rng.sample(codes, city.rng.randint(1, 3))
    city.member_skills[member["id"]] = set(skills)
    valid = city.today + timedelta(days=city.rng.randint(60, 365))
    return Pledge(
        member_id=member["id"],
        text=DEMO_PLEDGE if demo else PLEDGE_TEXTS[skills[0]],
        availability=DEMO_AVAILABILITY if demo else city.rng.choice(AVAILABILITY),
        date_from=member["reported_at"].date(),
        monthly_tasks=6 if demo else city.rng.randint(1, 4),  # the demo member has room to claim
        monthly_hours=Decimal(20 if demo else city.rng.choice((2, 4, 6, 8))),
        valid_until=valid if active else city.today - timedelta(days=30),
        status=PledgeStatus.ACTIVE if active else PledgeStatus.WITHDRAWN,
    )


async def _seed_pledge_links(city: DemoCity, members: list[dict[str, Any]]) -> None:
    pledge_of = dict(await Pledge.all().values_list("member_id", "id"))
    skill_links, area_links = [], []
    for m in members:
        city.member_user[m["id"]] = m["user_id"]
        if m["id"] not in pledge_of:
            continue
        pid, path = pledge_of[m["id"]], m["node_path"]
        skills = city.member_skills[m["id"]]
        skill_links += [PledgeSkill(pledge_id=pid, skill_id=city.skills[s]) for s in skills]
        codes = path.strip("/").split("/")[3:]  # the community, and the grid if there is one
        area_links += [PledgeArea(pledge_id=pid, node_id=city.nodes[c].id) for c in codes]
        if m["status"] == MemberStatus.VERIFIED:
            city.members.setdefault(codes[0], []).append(m["id"])
    await PledgeSkill.bulk_create(skill_links)
    await PledgeArea.bulk_create(area_links)
