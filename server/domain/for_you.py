"""Tasks for a member ("for you"): open tasks with room, not started, in the streets of the
member's home and pledged areas, ranked by ``server.domain.match_scores`` with their reasons.

Kept per process under stamps (``server.cache``), each entry good until its stamp moves:
- each street's open tasks (``open_tasks``, the street's stamp: ``bump_street``);
- per member and day, what the ranking needs of them (pledges, claims, invitations: the
  member's stamp, ``bump_member``) and their ranked tasks (that stamp and those of the streets
  ranked from).
A look that finds nothing moved reads the stamps (one statement) and drops tasks started since.
Loading and scoring are ``matching``'s.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime

from tortoise.expressions import F, Q

from server import cache, sql
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


async def for_member(
    member: Member, *, limit: int = 20, now: datetime | None = None
) -> list[Suggestion]:
    """Open tasks with room in or near ``member``'s areas, best first, with their reasons."""
    return (await for_member_with_pool(member, limit=limit, now=now))[0]


async def for_member_with_pool(
    member: Member, *, limit: int = 20, now: datetime | None = None
) -> tuple[list[Suggestion], Pool]:
    """``for_member``, and what it knew of the member: ``Pool`` with their profile only (their
    pledges and load: e.g. their monthly cap) and their pending invitations."""
    now = now or datetime.now(UTC)
    if member.status != MemberStatus.VERIFIED or lapsed(member, now):
        return [], Pool([], [])
    held = await ranked_for(member, now)
    pool = Pool([], [held.member.profile], invited=list(held.member.pending))
    return [s for s in held.order if not _started(s, now)][:limit], pool


def _started(suggestion: Suggestion, now: datetime) -> bool:
    starts_at = suggestion.task.starts_at if suggestion.task else None
    return starts_at is not None and starts_at <= now


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
    for r in await sql.fetch(_ASKED_SQL, [member_id, *statuses], plan_once=True):
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
    found = await sql.fetch_models(Member, _MEMBER_SQL, [user_id], plan_once=True)
    return found[0] if found else None


async def bump_member(member_id: int) -> None:
    """Call in the transaction of any change to a member's pledges, claims or invitations."""
    await cache.bump(cache.member(member_id))


@dataclass(frozen=True)
class MemberState:
    """What ranking needs of a member on one day, as of their stamp ``stamp`` (read-only)."""

    stamp: int
    node_path: str
    profile: Profile  # home, record, pledges, claims this month, every task claimed
    pending: tuple[int, ...]  # invitations waiting for an answer
    declined: frozenset[int]  # tasks of invitations declined
    streets: tuple[str, ...]  # of their home and pledged areas


@dataclass(frozen=True)
class Ranked:
    """A member's open tasks, every one not started when ranked, best first (each suggestion
    carries its task), as of the member's state and the streets' stamps ``streets``."""

    member: MemberState
    streets: dict[str, int]
    order: tuple[Suggestion, ...]


# Per member and day (month loads and pledge dates go by the local day), least recent out first.
_ranked: OrderedDict[tuple[int, date], Ranked] = OrderedDict()
RANKED_SIZE = 2_000  # a ranking of ~50 tasks is ~40 kB


async def ranked_for(member: Member, now: datetime) -> Ranked:
    """The member's ranking, from the cache when neither they nor their streets have moved."""
    key = (member.id, local_today(now))
    held = _ranked.get(key)
    if held is not None and held.member.node_path != member.node_path:
        held = None  # moved home: other streets, other place scores
    streets = held.member.streets if held else (street_of(member.node_path),)
    names = {street: cache.street_tasks(street) for street in streets}
    known = await cache.stamps([cache.member(member.id), *names.values()])
    stamp = known[cache.member(member.id)]
    state = held.member if held and held.member.stamp == stamp else None
    if state is None:
        state = await _member_state(member, key[1], now, stamp)
        names = {street: cache.street_tasks(street) for street in state.streets}
        if missing := [name for name in names.values() if name not in known]:
            known |= await cache.stamps(missing)
    seen = {street: known[name] for street, name in names.items()}
    if held is None or held.member is not state or held.streets != seen:
        held = Ranked(state, seen, await _rank(state, known, now))
    _ranked[key] = held
    _ranked.move_to_end(key)
    while len(_ranked) > RANKED_SIZE:
        _ranked.popitem(last=False)
    return held


async def _member_state(member: Member, day: date, now: datetime, stamp: int) -> MemberState:
    profile = Profile(**row_of(member, MEMBER_COLUMNS))
    await add_pledges({member.id: profile}, day)
    claims, pending, declined = await _asked(member.id)
    tally({member.id: profile}, claims, now)
    home = street_of(member.node_path)
    streets = tuple(sorted({home, *map(street_of, profile.areas)}))
    return MemberState(
        stamp, member.node_path, profile, tuple(pending), frozenset(declined), streets
    )


async def _rank(state: MemberState, known: dict[str, int], now: datetime) -> tuple[Suggestion, ...]:
    """Every open task of the member's streets they have not claimed or declined, not started,
    ranked; none at their monthly pledge."""
    profile = state.profile
    if profile.monthly_tasks is not None and profile.month_tasks >= profile.monthly_tasks:
        return ()  # at the monthly pledge: nothing to offer this month
    by_street = await open_tasks.get_many(list(state.streets), _open_tasks, known)
    done_with = profile.claimed | state.declined
    found = {
        each.job.id: each
        for street in state.streets
        for each in by_street[street]
        if each.job.id not in done_with and (each.job.starts_at is None or each.job.starts_at > now)
    }
    pool = Pool([each.job for each in found.values()], [profile])
    order = []
    for task_id, suggestion in rank_tasks(pool, len(pool.jobs)):
        suggestion.task = found[task_id].task
        order.append(suggestion)
    return tuple(order)


cache.forget_on_clear(_ranked.clear)
