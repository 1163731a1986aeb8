"""Matching members and tasks: ranked suggestions, each with the parts of its score.

``candidates_for(task)`` ranks members for staff to dispatch; ``for_you.for_member(member)``
ranks open tasks for a member with the loading here. SQL makes the coarse cut: current members
who live in the task's street or pledged to serve its community; open tasks with room, not yet
started, in the streets of the member's home and pledged areas.
It fetches only the columns scoring needs (``.values()``), each related table in one query, and
Python scores (``server.domain.match_scores``, where the points are) and keeps the top with heapq.
Left out: the unverified, the lapsed, members at their monthly pledge, and those who claimed the
task or were invited to it (a member does not see tasks they claimed or declined).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.expressions import Q

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
)
from server.models.places import Centre

__all__ = ["Excluded", "Part", "Suggestion", "candidates_for", "explain"]

STREET_SEGMENTS = 3  # city/district/street/
GIVEN_BACK = [ClaimStatus.RETURNED, ClaimStatus.RELEASED]  # neither a task done nor a load
ClaimRow = tuple[int, datetime, Decimal, str, int]
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
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


async def _members(where: Q, today: date) -> list[dict[str, Any]]:
    """Verified members (matching ``where``) whose report-in has not lapsed."""
    fresh = Q(confirmed_until__isnull=True) | Q(confirmed_until__gte=today)
    current = Member.filter(where, fresh, status=MemberStatus.VERIFIED, user__is_active=True)
    return await current.values(*MEMBER_COLUMNS)


async def profiles(
    rows: list[dict[str, Any]], now: datetime, *, areas_in: str = ""
) -> dict[int, Profile]:
    """Profiles for member rows (MEMBER_COLUMNS): current pledges, skills, load, and the
    pledged areas (those under the path ``areas_in`` only, when given)."""
    found = {r["id"]: Profile(**r) for r in rows}
    if not found:
        return found
    await add_pledges(found, local_today(now), areas_in)
    await add_load(found, now)
    return found


async def add_pledges(found: dict[int, Profile], today: date, areas_in: str = "") -> None:
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


async def add_load(found: dict[int, Profile], now: datetime) -> None:
    """Claims of the last 30 days (fair spread) and of this calendar month (the pledged cap)."""
    since = min(load_since(now))
    claims = Claim.filter(member_id__in=list(found), claimed_at__gte=since)
    columns = ("member_id", "claimed_at", "task__estimated_hours", "status", "task_id")
    tally(found, await claims.exclude(status__in=GIVEN_BACK).values_list(*columns), now)


def load_since(now: datetime) -> tuple[datetime, datetime]:
    """The start of this calendar month (local) and of the last 30 days."""
    local = now.astimezone(settings_module.get().tz)
    month = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return month, now - timedelta(days=RECENT_DAYS)


def tally(found: dict[int, Profile], claims: Iterable[ClaimRow], now: datetime) -> None:
    """Add claims (member id, claimed at, the task's hours, status, task id) to the members'
    load; each claim's task, given back or not, to what they ``claimed``."""
    month, recent = load_since(now)
    for member_id, claimed_at, hours, status, task_id in claims:
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
        Job(**r, tz=zone(zones.get(r["centre_id"]) or default), skills=skills.get(r["id"], {}))
        for r in rows
    ]


def lapsed(member: Member, now: datetime) -> bool:
    late = member.confirmed_until is not None and member.confirmed_until < local_today(now)
    return member.status == MemberStatus.LAPSED or late


def row_of(thing: Member | Task, columns: list[str]) -> dict[str, Any]:
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
    return Pool(await jobs([row_of(task, TASK_COLUMNS)]), list(found.values()))


async def explain(
    task: Task, member: Member, *, now: datetime | None = None
) -> Suggestion | Excluded:
    """The score of ``member`` for ``task``, or why the member is not suggested."""
    now = now or datetime.now(UTC)
    if lapsed(member, now):
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
        [row_of(member, MEMBER_COLUMNS)], now, areas_in=community_of(task.node_path)
    )
    result = score((await jobs([row_of(task, TASK_COLUMNS)]))[0], found[member.id])
    if isinstance(result, Suggestion):
        result.member = member
    return result
