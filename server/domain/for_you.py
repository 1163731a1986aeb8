"""Tasks for a member ("for you"): open tasks with room, not started, in the streets of the
member's home and pledged areas, ranked by ``server.domain.match_scores`` with their reasons.

What every member of a street shares, its open tasks, and what changes only when a member
pledges, their pledges, are kept per process under stamps (``server.cache.KeyedCache``); the
member's claims and invitations are read live. Loading and scoring are ``matching``'s.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime

from tortoise.expressions import F, Q

from server import cache, db
from server import settings as settings_module
from server.domain.match_scores import Job, Pool, Profile, Suggestion, rank_tasks
from server.domain.matching import (
    MEMBER_COLUMNS,
    TASK_COLUMNS,
    ClaimRow,
    add_pledges,
    lapsed,
    local_today,
    row_of,
    street_of,
    tally,
    zone,
)
from server.models.members import (
    Claim,
    InvitationStatus,
    Member,
    MemberStatus,
    Task,
    TaskSkill,
    TaskStatus,
)


async def _pledged(keys: list[tuple[int, date]]) -> dict[tuple[int, date], Profile]:
    """For ``member_pledges``: profiles holding only the pledges of (member id, day)."""
    found: dict[tuple[int, date], Profile] = {}
    for member_id, today in keys:
        held = {member_id: Profile(member_id, "")}
        await add_pledges(held, today)
        found[(member_id, today)] = held[member_id]
    return found


# Per process, a member's pledges as of a day, until the member's stamp moves: pledges.create,
# update and withdraw bump it in their transactions (and data_rights when it empties them).
member_pledges: cache.KeyedCache[tuple[int, date], Profile] = cache.KeyedCache(
    lambda key: cache.member_pledges(key[0]), size=20_000
)


def _copy_pledges(p: Profile, held: Profile) -> None:
    """``held``'s pledges into ``p`` (copies: a cached profile is never changed)."""
    p.pledged, p.monthly_tasks, p.monthly_hours = (
        held.pledged,
        held.monthly_tasks,
        held.monthly_hours,
    )
    p.skills, p.texts = set(held.skills), list(held.texts)
    p.areas, p.pledges = list(held.areas), list(held.pledges)


async def for_member(
    member: Member, *, limit: int = 20, now: datetime | None = None
) -> list[Suggestion]:
    """Open tasks with room in or near ``member``'s areas, best first, with their reasons."""
    return (await for_member_with_pool(member, limit=limit, now=now))[0]


async def for_member_with_pool(
    member: Member, *, limit: int = 20, now: datetime | None = None
) -> tuple[list[Suggestion], Pool]:
    """``for_member``, and the pool it ranked (the member's profile: e.g. their monthly cap)."""
    pool = await task_pool(member, now or datetime.now(UTC))
    ranked = rank_tasks(pool, limit)
    for task_id, suggestion in ranked:
        suggestion.task = pool.tasks[task_id]
    return [suggestion for _, suggestion in ranked], pool


@dataclass(frozen=True)
class OpenTask:
    """An open task with room, as matching scores it and as "for you" shows it (read-only)."""

    job: Job
    task: Task  # with its centre and node


async def _open_tasks(streets: list[str]) -> dict[str, tuple[OpenTask, ...]]:
    """The open tasks with room in each street, started or not (the caller drops the started),
    each street's soonest first: three statements for any number of streets."""
    near = Q(*[Q(node_path__startswith=street) for street in streets], join_type="OR")
    rows = await Task.filter(near, status=TaskStatus.OPEN, taken__lt=F("capacity")).select_related(
        "centre", "node"
    )
    skills: dict[int, dict[int, str]] = defaultdict(dict)
    links = TaskSkill.filter(task_id__in=[t.id for t in rows])
    for task_id, skill_id, code in await links.values_list("task_id", "skill_id", "skill__code"):
        skills[task_id][skill_id] = code
    default = settings_module.get().time_zone
    found: dict[str, list[OpenTask]] = {street: [] for street in streets}
    for task in rows:
        tz = zone(task.centre.time_zone or default)
        job = Job(**row_of(task, TASK_COLUMNS), tz=tz, skills=skills.get(task.id, {}))
        found.setdefault(street_of(task.node_path), []).append(OpenTask(job, task))
    return {street: tuple(found[street]) for street in streets}


# Per process, each street's entry valid until that street's stamp moves: every change to a
# task's being open with room (claims.take_place and free_place, need_tasks and projects
# creating tasks, claim_completion closing one) bumps it in its own transaction.
open_tasks: cache.KeyedCache[str, tuple[OpenTask, ...]] = cache.KeyedCache(
    cache.street_tasks, size=1_000
)


async def bump_street(node_path: str) -> None:
    """Call in the transaction of any change to whether a task under ``node_path`` is open
    with room (created, a place taken or given back, done)."""
    await cache.bump(cache.street_tasks(street_of(node_path)))


# Every claim the member made (with its task's hours) and the invitations they have yet to
# answer or declined, in one statement.
_ASKED_SQL = (
    'SELECT c."member_id", c."claimed_at", t."estimated_hours", c."status", c."task_id",'
    ' 0 AS "invitation_id" FROM "claims" c JOIN "tasks" t ON t."id" = c."task_id"'
    ' WHERE c."member_id" = $1 UNION ALL'
    ' SELECT i."member_id", NULL, NULL, i."status", i."task_id", i."id" FROM "invitations" i'
    ' WHERE i."member_id" = $1 AND i."status" IN ($2, $3)'
)
_CLAIMED_AT = Claim._meta.fields_map["claimed_at"]
_HOURS = Task._meta.fields_map["estimated_hours"]


async def _asked(member_id: int) -> tuple[list[ClaimRow], list[int], set[int]]:
    """The member's claims (as ``matching.tally`` adds them up), the ids of the invitations
    waiting for their answer, and the tasks of those they declined."""
    statuses = [InvitationStatus.PENDING.value, InvitationStatus.DECLINED.value]
    claims: list[ClaimRow] = []
    pending, declined = [], set()
    for r in await db.fetch(_ASKED_SQL, [member_id, *statuses]):
        if not r["invitation_id"]:
            at, hours = _CLAIMED_AT.to_python_value(r["claimed_at"]), r["estimated_hours"]
            claims.append((member_id, at, _HOURS.to_python_value(hours), r["status"], r["task_id"]))
        elif r["status"] == InvitationStatus.PENDING:
            pending.append(r["invitation_id"])
        else:
            declined.add(r["task_id"])
    return claims, pending, declined


_MEMBER_SQL = 'SELECT * FROM "members" WHERE "user_id" = $1 LIMIT 1'


async def member_for(user_id: int) -> Member | None:
    """The user's report-in, if any, alone: "for you" asks on every look."""
    found = await db.fetch_models(Member, _MEMBER_SQL, [user_id])
    return found[0] if found else None


async def task_pool(member: Member, now: datetime) -> Pool:
    """Open tasks with room, not started, in the streets of the member's home and pledged areas,
    minus those the member claimed or declined; empty for a member who is not current."""
    if member.status != MemberStatus.VERIFIED or lapsed(member, now):
        return Pool([], [])
    # One statement reads the stamps of the member's pledges and of their home street (most
    # members pledge there too); the pledges' entry is per day, as pledges end by the date.
    home, day = street_of(member.node_path), local_today(now)
    known = await cache.stamps([cache.member_pledges(member.id), cache.street_tasks(home)])
    held = await member_pledges.get_many([(member.id, day)], _pledged, known)
    profile = Profile(**row_of(member, MEMBER_COLUMNS))
    _copy_pledges(profile, held[(member.id, day)])
    claims, pending, declined = await _asked(member.id)
    tally({member.id: profile}, claims, now)
    if profile.monthly_tasks is not None and profile.month_tasks >= profile.monthly_tasks:
        return Pool([], [profile])  # at the monthly pledge: nothing to offer this month
    streets = sorted({home, *map(street_of, profile.areas)})
    by_street = await open_tasks.get_many(streets, _open_tasks, known)
    done_with = profile.claimed | declined
    found = {
        each.job.id: each
        for street in streets
        for each in by_street[street]
        if each.job.id not in done_with and (each.job.starts_at is None or each.job.starts_at > now)
    }
    return Pool(
        [each.job for each in found.values()],
        [profile],
        {task_id: each.task for task_id, each in found.items()},
        invited=pending,
    )
