"""Claims (认领): a member takes a place on a task, works on it or gives it back; none rots.

- A place is taken with one conditional UPDATE (``taken < capacity AND status = 'open'``) and
  one active claim per member and task is kept by the unique (task, active_key). A member's
  monthly cap (their pledges' ``monthly_tasks``) is counted inside the transaction, after an
  advisory lock per member on PostgreSQL (SQLite writers are serial already).
- A claim is due ``task.claim_days`` after it, or a day after the task's end if sooner; one
  reminder goes a day before; the worker releases what is past due without progress
  (claimed, in progress, or disputed and not fixed), keeps the reason, tells the member and the
  centre's staff, and counts a no-show for the member's reliability.
- When the task fulfils a need or small wish, the need moves with its claims (see
  ``settle_need``), one ``need_events`` row per step, in the claim's transaction.

Reminders and release past due are in ``server.domain.claim_deadlines``; completion,
confirmation and verification in ``server.domain.claim_completion``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from server.domain import for_you, needs, outbox
from server.domain.audit import Origin, record
from server.domain.codes import fits
from server.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from server.i18n import N_
from server.models.accounts import User
from server.models.members import (
    Claim,
    ClaimStatus,
    Member,
    MemberStatus,
    Pledge,
    PledgeStatus,
    Task,
    TaskStatus,
)
from server.models.needs import Need, NeedStatus
from server.settings import Settings

C = ClaimStatus
WORKING = frozenset({C.CLAIMED, C.IN_PROGRESS, C.DISPUTED})  # still to be done: may be released
ACTIVE = WORKING | {C.COMPLETED, C.CONFIRMED}  # holds active_key: one per member and task
DONE = frozenset({C.COMPLETED, C.CONFIRMED, C.VERIFIED})  # the work is recorded
RECORD_GRACE = timedelta(days=1)  # after a task's end, a day to record the work
RELEASE_REASON = N_("Past due without progress.")  # stored; shown through gettext
NEED_BUSY = frozenset({NeedStatus.IN_PROGRESS, NeedStatus.REOPENED})


class TaskFull(Conflict):
    code = "task_full"


# Finding things -------------------------------------------------------------------------------


async def task_by_code(code: str) -> Task:
    code = code.strip().upper()
    task = await Task.get_or_none(code=code).select_related("centre") if fits(Task, code) else None
    if task is None:
        raise NotFound(N_("No task has this code."))
    return task


async def claim_by_code(code: str) -> Claim:
    """The claim with its task, the task's centre and the member loaded, else NotFound."""
    code = code.strip().upper()
    query = Claim.get_or_none(code=code).select_related("task", "task__centre", "member")
    claim = await query if fits(Claim, code) else None
    if claim is None:
        raise NotFound(N_("No claim has this code."))
    return claim


async def fresh(claim: Claim) -> Claim:
    return await claim_by_code(claim.code)


async def mine(user: User) -> list[Claim]:
    """The user's claims, newest first."""
    return (
        await Claim.filter(member__user_id=user.id)
        .select_related("task", "task__centre")
        .order_by("-claimed_at", "-id")
    )


def local_today(now: datetime, settings: Settings) -> date:
    return now.astimezone(settings.tz).date()


async def active_member(user: User, now: datetime, settings: Settings) -> Member:
    """The user's report-in, if verified and not lapsed; else PermissionDenied."""
    member = await Member.get_or_none(user_id=user.id)
    if member is None or member.status not in (MemberStatus.VERIFIED, MemberStatus.LAPSED):
        raise PermissionDenied(
            N_("Only members whose report-in their community has verified can claim tasks.")
        )
    lapsed = member.confirmed_until and member.confirmed_until < local_today(now, settings)
    if member.status == MemberStatus.LAPSED or lapsed:
        raise PermissionDenied(
            N_("Your report-in has lapsed: please re-confirm it with your community first.")
        )
    return member


def own(user: User, claim: Claim) -> None:
    if claim.member.user_id != user.id:  # type: ignore[attr-defined]
        raise PermissionDenied(N_("This is not your claim."))


# Claiming -------------------------------------------------------------------------------------


def due_for(task: Task, now: datetime) -> datetime:
    """A task at a fixed time: a day after it ends (time to record it; never before the work
    happens, however far ahead). Otherwise ``claim_days`` from now."""
    if task.ends_at:
        return task.ends_at + RECORD_GRACE
    return now + timedelta(days=task.claim_days)


async def claim(
    user: User, task: Task, settings: Settings, origin: Origin, *, now: datetime | None = None
) -> Claim:
    """Take one place on ``task`` for the user's member record; the claim is due per ``due_for``."""
    now = now or datetime.now(UTC)
    member = await active_member(user, now, settings)
    due = due_for(task, now)
    if (task.ends_at and task.ends_at <= now) or due <= now:
        raise Conflict(N_("This task is over."))
    try:
        async with in_transaction() as conn:
            await _one_at_a_time(conn, member.id)
            await _check_monthly_cap(member, now, settings)
            if await Claim.filter(task_id=task.id, member_id=member.id, status=C.VERIFIED).exists():
                raise Conflict(N_("You have already done this task."))
            await _take_place(task)
            taken = await Claim.create(
                task=task, member=member, active_key=member.id, due_at=due, claimed_at=now
            )
            await for_you.bump_member(member.id)
            await _need_claimed(task, taken, member, user, now)
            await record(
                user,
                "claim.create",
                origin,
                object_type="claim",
                object_id=taken.code,
                node_path=task.node_path,
                after={"task": task.code, "status": taken.status.value, "due_at": due.isoformat()},
            )
    except IntegrityError:
        raise Conflict(N_("You have already claimed this task.")) from None
    taken.task, taken.member = task, member
    return taken


async def _one_at_a_time(conn: BaseDBAsyncClient, member_id: int) -> None:
    """PostgreSQL: one claim per member at a time, so the monthly count that follows sees the
    previous one (see server/domain/turns.py). SQLite writers are serial already."""
    if conn.capabilities.dialect == "postgres":
        await conn.execute_query(
            "SELECT pg_advisory_xact_lock(hashtext('doorstep.claimer'), $1)", [member_id]
        )


async def monthly_cap(member: Member, today: date) -> int | None:
    """The tasks a month the member's current pledges offer, summed; None when none says."""
    pledges = await Pledge.filter(
        Q(date_to__isnull=True) | Q(date_to__gte=today),
        member_id=member.id,
        status=PledgeStatus.ACTIVE,
        valid_until__gte=today,
    ).only("id", "monthly_tasks")
    given = [p.monthly_tasks for p in pledges if p.monthly_tasks is not None]
    return sum(given) if given else None


async def _check_monthly_cap(member: Member, now: datetime, settings: Settings) -> None:
    """Claims given back or released do not count: the work was not taken on after all."""
    today = local_today(now, settings)
    cap = await monthly_cap(member, today)
    if cap is None:
        return
    first = datetime(today.year, today.month, 1, tzinfo=settings.tz)
    count = (
        await Claim.filter(member_id=member.id, claimed_at__gte=first.astimezone(UTC))
        .exclude(status__in=[C.RETURNED, C.RELEASED])
        .count()
    )
    if count >= cap:
        raise Conflict(
            N_("You have claimed as many tasks this month as your pledges offer (%(count)s)."),
            count=cap,
        )


async def _take_place(task: Task) -> None:
    """One conditional UPDATE takes the place; the task is full when the last one goes."""
    took = await Task.filter(id=task.id, status=TaskStatus.OPEN, taken__lt=F("capacity")).update(
        taken=F("taken") + 1
    )
    if took != 1:
        current = await Task.get(id=task.id)
        if current.status in (TaskStatus.OPEN, TaskStatus.FULL):
            raise TaskFull(N_("Every place on this task is taken."))
        raise Conflict(N_("This task is no longer open for claims."))
    await Task.filter(id=task.id, status=TaskStatus.OPEN, taken__gte=F("capacity")).update(
        status=TaskStatus.FULL
    )
    await for_you.bump_street(task.node_path)


async def free_place(task: Task, member_id: int) -> None:
    """Give back the place ``member_id`` held; a full task is open again."""
    await Task.filter(id=task.id, taken__gt=0).update(taken=F("taken") - 1)
    await Task.filter(id=task.id, status=TaskStatus.FULL, taken__lt=F("capacity")).update(
        status=TaskStatus.OPEN
    )
    await for_you.bump_street(task.node_path)
    await for_you.bump_member(member_id)


# The task's need ------------------------------------------------------------------------------


async def locked_need(task: Task) -> Need | None:
    """The task's need, locked to this transaction (PostgreSQL) so claims move it in turn."""
    if task.need_id is None:  # type: ignore[attr-defined]
        return None
    return await Need.select_for_update().get(id=task.need_id)  # type: ignore[attr-defined]


async def move_need(
    need: Need,
    action: str,
    actor: User | None,
    target: NeedStatus,
    now: datetime,
    *,
    sources: frozenset[NeedStatus],
    changes: dict[str, Any] | None = None,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> bool:
    """Move the need from one of ``sources`` to ``target`` with one event row; False if it is
    elsewhere (then nothing is written)."""
    if need.status not in sources:
        return False
    before = need.status
    changes = {"status": target, **(changes or {})}
    if await Need.filter(id=need.id, status=before).update(**changes) != 1:
        return False
    for key, value in changes.items():
        setattr(need, key, value)
    await needs.log_event(need, action, actor, before, note=note, data=data, at=now)
    return True


async def _need_claimed(
    task: Task, taken: Claim, member: Member, user: User, now: datetime
) -> None:
    need = await locked_need(task)
    if need is None:
        return
    if need.status not in (NeedStatus.OPEN_FOR_CLAIM, NeedStatus.IN_PROGRESS):
        raise Conflict(N_("This need is no longer open for claims."))
    data = {"member_id": member.id, "claim": taken.code, "task": task.code}
    opened = frozenset({NeedStatus.OPEN_FOR_CLAIM})
    if not await move_need(
        need, "claim", user, NeedStatus.IN_PROGRESS, now, sources=opened, data=data
    ):  # a second place on the same need: the need is in progress already
        await needs.log_event(need, "claim", user, need.status, data=data, at=now)


async def settle_need(
    task: Task, action: str, actor: User | None, now: datetime, *, note: str = "", data: Any = None
) -> Need | None:
    """After a claim was completed ("resolve"), given back or released: the need is resolved
    once nobody still works on it and some work is recorded, or open for claims again when
    nothing is left; while others still work on it, it stays. Returns the need if resolved."""
    need = await locked_need(task)
    if need is None or need.status not in NEED_BUSY:
        return None
    on_task = Claim.filter(task_id=task.id)
    if await on_task.filter(status__in=list(WORKING)).exists():
        target = None
    elif await on_task.filter(status__in=list(DONE)).exists():
        target = NeedStatus.RESOLVED
    else:
        target = NeedStatus.OPEN_FOR_CLAIM
    if target == NeedStatus.OPEN_FOR_CLAIM:
        await move_need(need, action, actor, target, now, sources=NEED_BUSY, note=note, data=data)
        return None
    if action != "resolve":  # the step stays in the need's history even when it moves nothing
        await needs.log_event(need, action, actor, need.status, note=note, data=data, at=now)
        actor, note, data = None, "", {}  # the work others recorded resolves it, not this step
    # The member's own words stay in the event row (seen by the requester and staff), not in
    # status_reason, which public need pages show as the centre's note.
    changes = {"resolved_at": now, "status_reason": ""}
    moved = target == NeedStatus.RESOLVED and await move_need(
        need,
        "resolve",
        actor,
        target,
        now,
        sources=NEED_BUSY,
        changes=changes,
        note=note,
        data=data,
    )
    return need if moved else None


# Giving back, starting ------------------------------------------------------------------------


async def give_back(
    user: User,
    claim: Claim,
    reason: str,
    settings: Settings,
    origin: Origin,
    *,
    now: datetime | None = None,
) -> Claim:
    """The member gives the task back, saying why; the place and the need are open again."""
    now = now or datetime.now(UTC)
    claim = await fresh(claim)
    own(user, claim)
    reason = reason.strip()
    if not reason:
        message = N_("Please say why you are giving this task back.")
        raise ValidationFailed(message, fields={"reason": message})
    async with in_transaction():
        await end(claim, C.RETURNED, reason, now, from_statuses=WORKING)
        await settle_need(claim.task, "give_back", user, now, note=reason, data=about(claim))
        await record(
            user,
            "claim.give_back",
            origin,
            object_type="claim",
            object_id=claim.code,
            node_path=claim.task.node_path,
            after={"status": claim.status.value, "reason": claim.ended_reason},
        )
    return claim


async def end(
    claim: Claim, status: ClaimStatus, reason: str, now: datetime, *, from_statuses: Any
) -> None:
    """End a claim still being worked on (given back, or released past due) and free its place."""
    changes = {"status": status, "active_key": None, "ended_reason": reason[:500], "ended_at": now}
    rows = Claim.filter(id=claim.id, status__in=list(from_statuses))
    if status == C.RELEASED:  # a due date moved on meanwhile (a dispute) is not past
        rows = rows.filter(due_at__lt=now)
    moved = await rows.update(**changes)
    if moved != 1:
        raise Conflict(N_("This claim has moved on meanwhile; reload to see where it stands."))
    for key, value in changes.items():
        setattr(claim, key, value)
    await free_place(claim.task, claim.member_id)  # type: ignore[attr-defined]
    await outbox.cancel("claim", claim.id, ["claim.reminder"])


async def start(
    user: User, claim: Claim, settings: Settings, origin: Origin, *, now: datetime | None = None
) -> Claim:
    """The member says the work has begun (shown to staff; the due date stays)."""
    now = now or datetime.now(UTC)
    claim = await fresh(claim)
    own(user, claim)
    async with in_transaction():
        moved = await Claim.filter(id=claim.id, status=C.CLAIMED).update(
            status=C.IN_PROGRESS, work_started_at=now
        )
        if moved != 1:
            raise Conflict(N_("This claim has moved on meanwhile; reload to see where it stands."))
        claim.status, claim.work_started_at = C.IN_PROGRESS, now
        await record(
            user,
            "claim.start",
            origin,
            object_type="claim",
            object_id=claim.code,
            node_path=claim.task.node_path,
            after={"status": claim.status.value},
        )
    return claim


def about(claim: Claim) -> dict[str, Any]:
    return {"claim": claim.code, "member_id": claim.member_id}  # type: ignore[attr-defined]
