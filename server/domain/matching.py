"""Matching members and tasks: ranked suggestions, each with the parts of its score.

``candidates_for(task)`` ranks members for staff to dispatch; ``for_member(member)`` ranks open
tasks for a member ("for you"). SQL makes the coarse cut: current members who live in the task's
street or pledged to serve its community; open tasks with room, not yet started, in the streets
of the member's home and pledged areas.
It fetches only the columns scoring needs (``.values()``), each related table in one query, and
Python scores (``server.domain.match_scores``, where the points are) and keeps the top with heapq.
Left out: the unverified, the lapsed, members at their monthly pledge, and those who claimed the
task or were invited to it (a member does not see tasks they claimed or declined).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.expressions import F, Q

from server import cache
from server import settings as settings_module
from server.domain.match_scores import (
    RECENT_DAYS,
    Availability,
    Excluded,
    Job,
    Part,
    Pool,
    Profile,
    Suggestion,
    rank_members,
    rank_tasks,
    score,
)
from server.i18n import N_
from server.models.members import (
    Claim,
    ClaimStatus,
    Invitation,
    InvitationStatus,
    Member,
    MemberStatus,
    Pledge,
    PledgeArea,
    PledgeSkill,
    PledgeStatus,
    Task,
    TaskSkill,
    TaskStatus,
)
from server.models.places import Centre

__all__ = ["Excluded", "Part", "Suggestion", "candidates_for", "explain", "for_member"]

STREET_SEGMENTS = 3  # city/district/street/
GIVEN_BACK = [ClaimStatus.RETURNED, ClaimStatus.RELEASED]  # neither a task done nor a load
MEMBER_COLUMNS = [
    "id",
    "node_path",
    "completed_count",
    "no_show_count",
    "rating_count",
    "rating_sum",
]
TASK_COLUMNS = [
    "id",
    "node_path",
    "title",
    "starts_at",
    "ends_at",
    "estimated_hours",
    "centre_id",
    "created_at",
]
PLEDGE_COLUMNS = [
    "id",
    "member_id",
    "text",
    "availability",
    "date_from",
    "date_to",
    "monthly_tasks",
    "monthly_hours",
]


# Loading: one query per table ----------------------------------------------------------------


def street_of(path: str) -> str:
    return "".join(f"{code}/" for code in path.split("/")[:STREET_SEGMENTS] if code)


def community_of(path: str) -> str:
    return "".join(f"{code}/" for code in path.split("/")[: STREET_SEGMENTS + 1] if code)


def local_today(now: datetime) -> date:
    return now.astimezone(settings_module.get().tz).date()


@functools.cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


async def _members(where: Q, today: date) -> list[dict[str, Any]]:
    """Verified members (matching ``where``) whose report-in has not lapsed."""
    fresh = Q(confirmed_until__isnull=True) | Q(confirmed_until__gte=today)
    current = Member.filter(where, fresh, status=MemberStatus.VERIFIED, user__is_active=True)
    return await current.values(*MEMBER_COLUMNS)


async def profiles(
    rows: list[dict[str, Any]], now: datetime, *, areas_in: str = "", all_claims: bool = False
) -> dict[int, Profile]:
    """Profiles for member rows (MEMBER_COLUMNS): current pledges, skills, load, and the
    pledged areas (those under the path ``areas_in`` only, when given). ``all_claims`` also
    fills in every task each member ever claimed (for one member: "for you")."""
    found = {r["id"]: Profile(**r) for r in rows}
    if not found:
        return found
    await _add_pledges(found, local_today(now), areas_in)
    await _add_load(found, now, all_claims)
    return found


async def _add_pledges(found: dict[int, Profile], today: date, areas_in: str = "") -> None:
    """The members' current pledges: caps, skills, words, weekly windows and areas."""
    pledges = await Pledge.filter(
        member_id__in=list(found), status=PledgeStatus.ACTIVE, valid_until__gte=today
    ).values(*PLEDGE_COLUMNS)
    for row in pledges:
        found[row["member_id"]].pledged = True
    pledges = [row for row in pledges if row["date_to"] is None or row["date_to"] >= today]
    owner = {row["id"]: found[row["member_id"]] for row in pledges}
    for row in pledges:
        _add_pledge(owner[row["id"]], row)
    if owner:
        links = PledgeSkill.filter(pledge_id__in=list(owner)).values_list("pledge_id", "skill_id")
        for pledge_id, skill_id in await links:
            owner[pledge_id].skills.add(skill_id)
        areas = PledgeArea.filter(pledge_id__in=list(owner))
        areas = areas.filter(node__path__startswith=areas_in) if areas_in else areas
        for pledge_id, path in await areas.values_list("pledge_id", "node__path"):
            owner[pledge_id].areas.append(path)


async def _pledged(keys: list[tuple[int, date]]) -> dict[tuple[int, date], Profile]:
    """For ``member_pledges``: profiles holding only the pledges of (member id, day)."""
    found: dict[tuple[int, date], Profile] = {}
    for member_id, today in keys:
        held = {member_id: Profile(member_id, "")}
        await _add_pledges(held, today)
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


def _add_pledge(p: Profile, row: dict[str, Any]) -> None:
    windows = tuple(w for w in map(_window, row["availability"] or []) if w)
    p.pledges.append(Availability(windows, row["date_from"], row["date_to"]))
    p.texts.append(row["text"].lower())
    p.monthly_tasks = _plus(p.monthly_tasks, row["monthly_tasks"])
    p.monthly_hours = _plus(p.monthly_hours, row["monthly_hours"])


def _plus(a: Any, b: Any) -> Any:
    """Caps of pledges add up; None where none gives one (as ``claims.monthly_cap`` counts)."""
    return b if a is None else a if b is None else a + b


def _window(raw: Any) -> tuple[int, int, int] | None:
    """{"weekday": 5, "start": "09:00", "end": "12:00"} as (5, 540, 720); None if malformed."""
    try:
        (sh, sm), (eh, em) = (map(int, raw[key].split(":")) for key in ("start", "end"))
        return int(raw["weekday"]), sh * 60 + sm, eh * 60 + em
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


async def _add_load(found: dict[int, Profile], now: datetime, all_claims: bool) -> None:
    """Claims of the last 30 days (fair spread) and of this calendar month (the pledged cap);
    with ``all_claims``, every claim's task too, read in the same statement."""
    local = now.astimezone(settings_module.get().tz)
    month = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    recent = now - timedelta(days=RECENT_DAYS)
    columns = ("member_id", "claimed_at", "task__estimated_hours", "status", "task_id")
    claims = Claim.filter(member_id__in=list(found))
    if not all_claims:
        claims = claims.filter(claimed_at__gte=min(month, recent)).exclude(status__in=GIVEN_BACK)
    for member_id, claimed_at, hours, status, task_id in await claims.values_list(*columns):
        p = found[member_id]
        p.claimed.add(task_id)
        if status in GIVEN_BACK:
            continue
        if claimed_at >= recent:
            p.recent += 1
            p.last_claimed = max(p.last_claimed or claimed_at, claimed_at)
        if claimed_at >= month:
            p.month_tasks += 1
            p.month_hours += hours


async def jobs(rows: list[dict[str, Any]]) -> list[Job]:
    """Jobs for task rows (TASK_COLUMNS), with their skills and their centres' time zones."""
    if not rows:
        return []
    skills: dict[int, dict[int, str]] = defaultdict(dict)
    links = TaskSkill.filter(task_id__in=[r["id"] for r in rows])
    for task_id, skill_id, code in await links.values_list("task_id", "skill_id", "skill__code"):
        skills[task_id][skill_id] = code
    centres = Centre.filter(id__in={r["centre_id"] for r in rows})
    zones = dict(await centres.values_list("id", "time_zone"))
    default = settings_module.get().time_zone
    return [
        Job(**r, tz=_zone(zones.get(r["centre_id"]) or default), skills=skills.get(r["id"], {}))
        for r in rows
    ]


def _lapsed(member: Member, now: datetime) -> bool:
    late = member.confirmed_until is not None and member.confirmed_until < local_today(now)
    return member.status == MemberStatus.LAPSED or late


def _row(thing: Member | Task, columns: list[str]) -> dict[str, Any]:
    return {column: getattr(thing, column) for column in columns}


# Members for a task ---------------------------------------------------------------------------


async def candidates_for(
    task: Task, *, limit: int = 20, now: datetime | None = None
) -> list[Suggestion]:
    """The best members for ``task``, best first, each with the parts of its score."""
    pool = await candidate_pool(task, now or datetime.now(UTC))
    ranked = rank_members(pool, limit)
    found = {m.id: m for m in await Member.filter(id__in=[i for i, _ in ranked])}
    for member_id, suggestion in ranked:
        suggestion.member = found[member_id]
    return [suggestion for _, suggestion in ranked]


async def candidate_pool(task: Task, now: datetime) -> Pool:
    """Current members living in the task's street or pledged to serve its community, minus
    those who claimed it or were invited to it. Pledged areas elsewhere in the street are not
    loaded: they cannot place anyone nearer than living in the street does."""
    today, street, community = (
        local_today(now),
        street_of(task.node_path),
        community_of(task.node_path),
    )
    rows = await _members(Q(node_path__startswith=street), today)
    pledged = PledgeArea.filter(
        node__path__startswith=community,
        pledge__status=PledgeStatus.ACTIVE,
        pledge__valid_until__gte=today,
    ).values_list("pledge__member_id", flat=True)
    elsewhere = set(await pledged) - {r["id"] for r in rows}
    if elsewhere:
        rows += await _members(Q(id__in=list(elsewhere)), today)
    claimed = await Claim.filter(task_id=task.id).values_list("member_id", flat=True)
    invited = await Invitation.filter(task_id=task.id).values_list("member_id", flat=True)
    asked = {*claimed, *invited}
    found = await profiles([r for r in rows if r["id"] not in asked], now, areas_in=community)
    return Pool(await jobs([_row(task, TASK_COLUMNS)]), list(found.values()))


async def explain(
    task: Task, member: Member, *, now: datetime | None = None
) -> Suggestion | Excluded:
    """The score of ``member`` for ``task``, or why the member is not suggested."""
    now = now or datetime.now(UTC)
    if _lapsed(member, now):
        return Excluded(N_("The report-in has lapsed: it is due to be re-confirmed"))
    if member.status != MemberStatus.VERIFIED:
        return Excluded(N_("Not a verified member"))
    if await Claim.exists(task_id=task.id, member_id=member.id):
        return Excluded(N_("Already claimed this task"))
    invitation = await Invitation.get_or_none(task_id=task.id, member_id=member.id)
    if invitation is not None and invitation.status == InvitationStatus.DECLINED:
        return Excluded(N_("Declined this task: %(reason)s"), {"reason": invitation.reason})
    if invitation is not None:
        return Excluded(N_("Already invited to this task"))
    found = await profiles(
        [_row(member, MEMBER_COLUMNS)], now, areas_in=community_of(task.node_path)
    )
    result = score((await jobs([_row(task, TASK_COLUMNS)]))[0], found[member.id])
    if isinstance(result, Suggestion):
        result.member = member
    return result


# Tasks for a member ---------------------------------------------------------------------------


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
        tz = _zone(task.centre.time_zone or default)
        job = Job(**_row(task, TASK_COLUMNS), tz=tz, skills=skills.get(task.id, {}))
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


async def task_pool(member: Member, now: datetime) -> Pool:
    """Open tasks with room, not started, in the streets of the member's home and pledged areas,
    minus those the member claimed or declined; empty for a member who is not current."""
    if member.status != MemberStatus.VERIFIED or _lapsed(member, now):
        return Pool([], [])
    # One statement reads the stamps of the member's pledges and of their home street (most
    # members pledge there too); the pledges' entry is per day, as pledges end by the date.
    home, day = street_of(member.node_path), local_today(now)
    known = await cache.stamps([cache.member_pledges(member.id), cache.street_tasks(home)])
    held = await member_pledges.get_many([(member.id, day)], _pledged, known)
    profile = Profile(**_row(member, MEMBER_COLUMNS))
    _copy_pledges(profile, held[(member.id, day)])
    await _add_load({member.id: profile}, now, all_claims=True)
    if profile.monthly_tasks is not None and profile.month_tasks >= profile.monthly_tasks:
        return Pool([], [profile])  # at the monthly pledge: nothing to offer this month
    streets = sorted({home, *map(street_of, profile.areas)})
    by_street = await open_tasks.get_many(streets, _open_tasks, known)
    asked = Invitation.filter(
        member_id=member.id, status__in=[InvitationStatus.PENDING, InvitationStatus.DECLINED]
    )
    declined, pending = set(), []
    for invitation_id, task_id, status in await asked.values_list("id", "task_id", "status"):
        (
            pending.append(invitation_id)
            if status == InvitationStatus.PENDING
            else declined.add(task_id)
        )
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
