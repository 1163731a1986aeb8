"""The city's people: the demo cast, staff and admins, residents, units, skills and members."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import datetime, timedelta
from decimal import Decimal

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
    UnitKind,
)
from server.models.places import Level
from server.seed import demo_data as data
from server.seed.city_context import CityContext
from server.seed.city_names import person, phone, stems, token
from server.seed.demo_people import (
    AVAILABILITY,
    DEMO_AVAILABILITY,
    DEMO_CAST,
    DEMO_PLEDGE,
    MEMBER_STATUSES,
)
from server.seed.demo_people import _status_reason as status_reason
from server.seed.demo_texts import PLEDGE_TEXTS

USER_COLUMNS = [
    "id", "public_id", "phone", "password_hash", "display_name", "language", "elderly_mode",
    "notify_email", "notify_sms", "is_active", "created_at",
]  # fmt: skip
MEMBER_COLUMNS = [
    "id", "user_id", "real_name", "member_no", "unit_id", "community_id", "grid_id", "node_path",
    "status", "status_reason", "reported_at", "verified_at", "verified_by_id", "confirmed_until",
    "completed_count", "no_show_count", "rating_count", "rating_sum",
]  # fmt: skip
PLEDGE_COLUMNS = [
    "id", "member_id", "text", "availability", "date_from", "monthly_tasks", "monthly_hours",
    "valid_until", "status", "created_at",
]  # fmt: skip
UNIT_COLUMNS = [
    "id", "code", "name", "kind", "contact_name", "contact_phone", "contact_email", "created_at",
]  # fmt: skip
UNIT_KINDS = (  # how generated units' names end, and what they are
    ("科技有限公司", UnitKind.ENTERPRISE), ("实验小学", UnitKind.SCHOOL),
    ("中学", UnitKind.SCHOOL), ("社区卫生服务中心", UnitKind.HOSPITAL),
    ("街道办事处", UnitKind.GOVERNMENT), ("供水有限公司", UnitKind.STATE_ENTERPRISE),
    ("文化馆", UnitKind.INSTITUTION), ("商贸有限公司", UnitKind.ENTERPRISE),
)  # fmt: skip
CHUNK = 50_000


async def seed_people(city: CityContext) -> None:
    """Write every user with their grants, then units, skills, members and their pledges."""
    await city.sink.write(User, USER_COLUMNS, _cast(city))
    city.ids["users"] = iter(range(len(DEMO_CAST) + 1, 1 << 31))
    await _staff_and_admins(city)
    for chunk in _chunks(_residents(city)):
        await city.sink.write(User, USER_COLUMNS, chunk)
    await _units_and_skills(city)
    await _members(city)


def _chunks(rows: Iterator[tuple[object, ...]]) -> Iterator[list[tuple[object, ...]]]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _user(
    city: CityContext, uid: int, number: str, name: str, elderly: bool = False
) -> tuple[object, ...]:
    joined = city.ago(days=city.rng.uniform(1100, 1400))
    return (uid, token("user", uid), number, city.password_hash, name, "zh-CN", elderly,
            True, True, True, joined)  # fmt: skip


def _cast(city: CityContext) -> list[tuple[object, ...]]:
    city.users = {p.phone: i for i, p in enumerate(DEMO_CAST, 1)}
    return [_user(city, i, p.phone, p.name) for i, p in enumerate(DEMO_CAST, 1)]


async def _staff_and_admins(city: CityContext) -> None:
    """One staff member per centre, an admin per street and district, a grid worker each."""
    users, grants = [], []
    fixed = {data.CENTRE_A_CODE: data.STAFF_A, data.CENTRE_B_CODE: data.STAFF_B}
    for code, centre in city.centres.items():
        uid = city.users[fixed[code].phone] if code in fixed else city.next_id("users")
        if code not in fixed:
            users.append(_user(city, uid, phone(uid), person(uid)))
        city.staff_of[centre.id] = uid
        grants.append(_grant(city, uid, Role.STAFF, centre_id=centre.id))
    demo = {"JC": data.CITY_ADMIN, "LJ": data.DISTRICT_ADMIN, "BJ": data.STREET_ADMIN}
    admins = [n for n in city.nodes.values() if n.level in (Level.CITY, Level.DISTRICT)]
    for node in admins + city.streets:
        uid = city.users[demo[node.code].phone] if node.code in demo else city.next_id("users")
        if node.code not in demo:
            users.append(_user(city, uid, phone(uid), person(uid)))
        grants.append(_grant(city, uid, Role.ADMIN, node_id=node.id))
    for c, grids in enumerate(city.community_grids):
        demo_grid = city.communities[c].code == "WJ"
        uid = city.users[data.GRID_WORKER.phone] if demo_grid else city.next_id("users")
        if not demo_grid:
            users.append(_user(city, uid, phone(uid), person(uid)))
        city.grid_worker[c] = uid
        grants.append(_grant(city, uid, Role.GRID_WORKER, node_id=grids[0].id))
    await city.sink.write(User, USER_COLUMNS, users)
    columns = ["user_id", "role", "centre_id", "node_id", "scope", "created_at"]
    await city.sink.write(RoleGrant, columns, grants)


def _grant(
    city: CityContext,
    uid: int,
    role: Role,
    centre_id: int | None = None,
    node_id: int | None = None,
) -> tuple[object, ...]:
    scope = RoleGrant.scope_of(centre_id=centre_id, node_id=node_id)
    return (uid, role, centre_id, node_id, scope, city.ago(days=1000))


def _residents(city: CityContext) -> Iterator[tuple[object, ...]]:
    """Residents by community, each community's a run of ids: drawing one is one randrange."""
    households = [c.households or 1 for c in city.communities]
    first = city.next_id("users")
    for count in _shares(city.sizes.residents - 2, households, least=3):
        city.resident_start.append(first)
        for uid in range(first, first + count):
            yield _user(city, uid, phone(uid), person(uid), city.rng.random() < 0.05)
        first += count
    city.resident_start.append(first)
    city.ids["users"] = itertools.count(first)


def _shares(total: int, weights: list[int], least: int) -> list[int]:
    """``total`` split in proportion to ``weights``, each at least ``least``; adds up exactly."""
    whole = sum(weights)
    counts = [max(least, total * w // whole) for w in weights]
    for i in range(total - sum(counts)):
        counts[i % len(counts)] += 1
    return counts


async def _units_and_skills(city: CityContext) -> None:
    rows = [(city.code_of("units"), *u) for u in data.UNITS]
    names = {u.name for u in data.UNITS}
    for stem, _ in stems(city.rng):
        if len(rows) >= city.sizes.units:
            break
        ending, kind = UNIT_KINDS[len(rows) % len(UNIT_KINDS)]
        if stem + ending not in names:
            rows.append((city.code_of("units"), stem + ending, kind, "", "", ""))
    city.units = list(range(1, len(rows) + 1))
    created = city.ago(days=1200)
    await city.sink.write(Unit, UNIT_COLUMNS, ((i, *row, created) for i, row in enumerate(rows, 1)))
    city.skills = {code: i for i, (code, _, _) in enumerate(data.SKILLS, 1)}
    await city.sink.write(
        Skill,
        ["id", "code", "name", "name_en", "sort_order"],
        ((i, code, name, en, i - 1) for i, (code, name, en) in enumerate(data.SKILLS, 1)),
    )


async def _members(city: CityContext) -> None:
    """Members among each community's residents, verified ones with a pledge, skills, areas."""
    city.verified = [[] for _ in city.communities]
    counts = _shares(city.sizes.members - 1, [c.households or 1 for c in city.communities], 1)
    wj = next(i for i, c in enumerate(city.communities) if c.code == "WJ")
    demo = [(wj, city.users[data.MEMBER.phone])]
    planned = demo + [
        (c, city.resident_start[c] + k)
        for c, count in enumerate(counts)
        for k in range(min(count, city.resident_start[c + 1] - city.resident_start[c]))
    ]
    for start in range(0, len(planned), CHUNK):
        rows, pledges, skills, areas = [], [], [], []
        for c, uid in planned[start : start + CHUNK]:
            member = _member(city, c, uid, demo=uid == demo[0][1])
            rows.append(member)
            mid, status, reported = member[0], member[8], member[10]
            assert isinstance(mid, int) and isinstance(reported, datetime)
            pledge = _pledge(city, mid, MemberStatus(str(status)), reported, demo=uid == demo[0][1])
            if pledge is not None:
                pledges.append(pledge)
                skills += [(pledge[0], city.skills[s]) for s in city.member_skills[mid]]
                areas += [(pledge[0], node) for node in (member[5], member[6]) if node]
        await city.sink.write(Member, MEMBER_COLUMNS, rows)
        await city.sink.write(Pledge, PLEDGE_COLUMNS, pledges)
        await city.sink.write(PledgeSkill, ["pledge_id", "skill_id"], skills)
        await city.sink.write(PledgeArea, ["pledge_id", "node_id"], areas)
    for found in city.verified:
        found.sort()


def _member(city: CityContext, c: int, uid: int, demo: bool) -> tuple[object, ...]:
    rng, mid = city.rng, city.next_id("members")
    status = MemberStatus.VERIFIED if demo else rng.choice(MEMBER_STATUSES)
    grids = city.community_grids[c]
    grid = grids[1] if demo else (rng.choice(grids) if rng.random() < 0.8 else None)
    reported = _reported(city, status, demo)
    verified = None
    if status in (MemberStatus.VERIFIED, MemberStatus.LAPSED):
        verified = min(reported + timedelta(days=rng.uniform(0.2, 5)), city.ago(hours=1))
    until = city.today + timedelta(days=rng.randint(10, 182))
    if status == MemberStatus.LAPSED:
        until = city.today - timedelta(days=rng.randint(5, 60))
    city.member_user[mid] = uid
    if demo:
        city.demo_member = mid
    elif status == MemberStatus.VERIFIED and verified is not None:
        city.verified[c].append((verified, mid))
    node = grid or city.communities[c]
    staff = city.staff_of[city.centre_of_community[c].id] if verified else None
    return (mid, uid, person(uid) if not demo else data.MEMBER.name, f"JC{10**7 + mid}",
            city.units[3] if demo else rng.choice(city.units), city.communities[c].id,
            grid.id if grid else None, node.path, status, status_reason(status), reported,
            verified, staff, until if verified else None, 0, 0, 0, 0)  # fmt: skip


def _reported(city: CityContext, status: MemberStatus, demo: bool) -> datetime:
    """Most members reported in before the two years; the rest since, and pending ones lately."""
    if demo:  # before the two years: she has come to her project's sessions all along
        return city.ago(days=800)
    if status == MemberStatus.PENDING:
        return city.ago(days=city.rng.uniform(0.5, 30))
    low, high = (730, 1300) if city.rng.random() < 0.55 else (1, 730)
    return city.ago(days=city.rng.uniform(low, high))


def _pledge(
    city: CityContext, mid: int, status: MemberStatus, reported: datetime, demo: bool
) -> tuple[object, ...] | None:
    if status not in (MemberStatus.VERIFIED, MemberStatus.LAPSED):
        return None
    rng, active = city.rng, status == MemberStatus.VERIFIED
    codes = [s[0] for s in data.SKILLS]
    skills = ["tutoring"] if demo else rng.sample(codes, rng.randint(1, 3))
    city.member_skills[mid] = set(skills)
    valid = city.today + timedelta(days=rng.randint(60, 365))
    return (city.next_id("pledges"), mid, DEMO_PLEDGE if demo else PLEDGE_TEXTS[skills[0]],
            DEMO_AVAILABILITY if demo else rng.choice(AVAILABILITY), reported.date(),
            6 if demo else rng.randint(1, 4), Decimal(20 if demo else rng.choice((2, 4, 6, 8))),
            valid if active else city.today - timedelta(days=30),
            PledgeStatus.ACTIVE if active else PledgeStatus.WITHDRAWN, reported)  # fmt: skip
