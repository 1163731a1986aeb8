"""Members with pledges, tasks with skills and claims, for the matching and invitation tests."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from server.models.members import (
    Claim,
    ClaimStatus,
    Member,
    MemberStatus,
    Pledge,
    PledgeArea,
    PledgeSkill,
    Skill,
    Task,
    TaskSkill,
    TaskSource,
    TaskStatus,
)
from server.models.places import Centre, Level, OrgNode
from tests.cast import Cast, node, user

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # Tuesday 1 December 2026, 10:00 in Shanghai
SATURDAY_9 = datetime(2026, 12, 5, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
FRESH = date(2027, 3, 1)  # confirmed until
SAT, SUN = 5, 6


@dataclass
class World:
    cast: Cast
    skills: dict[str, Skill]
    far_street: OrgNode  # another street of the district
    far_grid: OrgNode


async def make_world(cast: Cast) -> World:
    skills = {code: await Skill.create(code=code, name=code) for code in ("tutoring", "repair")}
    street = await node("TS2", "远街道", Level.STREET, cast.district)
    community = await node("TC", "丙社区", Level.COMMUNITY, street)
    grid = await node("TC1", "丙社区第一网格", Level.GRID, community)
    await Member.filter(user_id=cast.member.id).update(confirmed_until=FRESH)
    return World(cast, skills, street, grid)


_phones = iter(range(1, 10_000))


async def person(
    at: OrgNode,
    *,
    status: MemberStatus = MemberStatus.VERIFIED,
    confirmed_until: date | None = FRESH,
    done: int = 0,
    missed: int = 0,
) -> Member:
    """A member living at ``at`` (a community or a grid)."""
    n = next(_phones)
    someone = await user(f"1380000{n:04d}", f"党员{n}")
    community = await OrgNode.get(id=at.parent_id) if at.level == Level.GRID else at  # type: ignore[attr-defined]
    return await Member.create(
        user=someone,
        real_name=f"党员{n}",
        community=community,
        grid=at if at.level == Level.GRID else None,
        node_path=at.path,
        status=status,
        confirmed_until=confirmed_until,
        completed_count=done,
        no_show_count=missed,
    )


async def pledge(
    member: Member,
    *skills: Skill,
    areas: Iterable[OrgNode] = (),
    windows: Iterable[tuple[int, str, str]] = (),
    text: str = "",
    monthly_tasks: int | None = None,
    monthly_hours: str | None = None,
    date_to: date | None = None,
) -> Pledge:
    made = await Pledge.create(
        member=member,
        text=text,
        availability=[{"weekday": d, "start": s, "end": e} for d, s, e in windows],
        date_to=date_to,
        monthly_tasks=monthly_tasks,
        monthly_hours=Decimal(monthly_hours) if monthly_hours else None,
        valid_until=date(2027, 6, 30),
    )
    for skill in skills:
        await PledgeSkill.create(pledge=made, skill=skill)
    for area in areas:
        await PledgeArea.create(pledge=made, node=area)
    return made


async def job(
    world: World,
    at: OrgNode,
    *skills: Skill,
    title: str = "帮忙搬东西",
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    hours: str = "1.0",
    capacity: int = 1,
    centre: Centre | None = None,
) -> Task:
    made = await Task.create(
        source=TaskSource.OTHER,
        centre=centre or world.cast.centre_a,
        node=at,
        node_path=at.path,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        estimated_hours=Decimal(hours),
        capacity=capacity,
        created_by=world.cast.staff_a,
    )
    for skill in skills:
        await TaskSkill.create(task=made, skill=skill)
    return made


async def claimed(
    world: World,
    member: Member,
    at: datetime,
    task: Task | None = None,
    status: ClaimStatus = ClaimStatus.VERIFIED,
    hours: str = "1.0",
) -> Claim:
    """A claim ``member`` made at ``at`` (of a task made for it unless given)."""
    if task is None:
        task = await job(world, world.cast.grid_a, title="以前的任务", hours=hours)
        await Task.filter(id=task.id).update(status=TaskStatus.DONE)
    return await Claim.create(
        task=task,
        member=member,
        status=status,
        active_key=None if status == ClaimStatus.VERIFIED else member.id,
        due_at=at + timedelta(days=7),
        claimed_at=at,
    )
