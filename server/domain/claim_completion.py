"""Completion (践诺): the member records the work with evidence, the resident confirms or
disputes it (or it confirms itself after ``AUTO_CONFIRM_DAYS``), staff verify it and the
hours are credited to the ledger.

A task that fulfils a need moves the need with it: resolved when the work is recorded (the
resident is asked to confirm), confirmed or reopened by the resident's answer, closed when its
task is done. The need's moves are written here, in the claim's transaction, from the same
``needs.TRANSITIONS`` (``needs.act`` cannot run inside another transaction). A project task
has no resident: its completions wait for staff directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from server.domain import claims, counter, for_you, hours, needs, outbox, photos
from server.domain.audit import JOB, Origin, record
from server.domain.errors import Conflict, PermissionDenied, ValidationFailed
from server.i18n import N_
from server.models.accounts import User
from server.models.members import Claim, ClaimStatus, Member, Task, TaskStatus
from server.models.needs import Need, NeedStatus, PhotoStage
from server.settings import Settings

C = ClaimStatus
AUTO_CONFIRM_DAYS = 7
MAX_WORK = timedelta(hours=12)  # one claim records at most this much work
EARLY_START = timedelta(days=1)  # work may have begun a little before the claim was made
HALF = Decimal("0.5")
CONFIRM, REOPEN = needs.TRANSITIONS["confirm"], needs.TRANSITIONS["reopen"]
NEED_DONE = frozenset({NeedStatus.RESOLVED, NeedStatus.CONFIRMED, NeedStatus.CLOSED})


def _check_work(
    claim: Claim, note: str, started_at: datetime | None, ended_at: datetime | None, now: datetime
) -> None:
    """Every problem with the record at once, by field."""
    fields: dict[str, str] = {}
    if not note:
        fields["note"] = N_("Say what you did.")
    if started_at is None or ended_at is None:
        missing = "ended_at" if started_at else "started_at"
        fields[missing] = N_("Give when the work began and ended.")
    elif ended_at <= started_at:
        fields["ended_at"] = N_("The end must be after the start.")
    elif ended_at > now:
        fields["ended_at"] = N_("The end cannot be in the future.")
    elif ended_at - started_at > MAX_WORK:
        fields["ended_at"] = N_("One claim can record at most 12 hours of work.")
    elif started_at < claim.claimed_at - EARLY_START:
        fields["started_at"] = N_("The work cannot have begun long before you claimed the task.")
    if fields:
        raise ValidationFailed(next(iter(fields.values())), fields=fields)


async def complete(
    user: User,
    claim: Claim,
    note: str,
    started_at: datetime | None,
    ended_at: datetime | None,
    uploads: Sequence[photos.Upload],
    settings: Settings,
    origin: Origin,
    *,
    now: datetime | None = None,
) -> Claim:
    """The member records what was done and when, with evidence photos, in one transaction."""
    now = now or datetime.now(UTC)
    claim = await claims.fresh(claim)
    claims.own(user, claim)
    note = note.strip()
    _check_work(claim, note, started_at, ended_at, now)
    changes: dict[str, Any] = {
        "status": C.COMPLETED,
        "work_started_at": started_at,
        "work_ended_at": ended_at,
        "completion_note": note,
        "completed_at": now,
    }
    async with photos.batch(uploads, settings) as pending, in_transaction():
        moved = await Claim.filter(id=claim.id, status__in=list(claims.WORKING)).update(**changes)
        if moved != 1:
            raise Conflict(N_("This claim has moved on meanwhile; reload to see where it stands."))
        for key, value in changes.items():
            setattr(claim, key, value)
        if uploads:
            await pending.attach(claim=claim, stage=PhotoStage.EVIDENCE, uploaded_by=user)
        await outbox.cancel("claim", claim.id, ["claim.reminder"])
        data = {"claim": claim.code, "photos": len(uploads)}
        need = await claims.settle_need(claim.task, "resolve", user, now, note=note, data=data)
        await _audit(user, claim, "claim.complete", origin, photos=len(uploads))
        sent = await _ask_requester(need, claim, settings, now) if need else []
    await outbox.dispatch(sent, settings)
    return claim


async def _ask_requester(need: Need, claim: Claim, settings: Settings, now: datetime) -> list[int]:
    """Whoever speaks for the requester is asked to confirm (or dispute) the work."""
    who = need.requester_id or need.posted_by_id  # type: ignore[attr-defined]
    user = await User.get_or_none(id=who) if who else None
    if user is None:
        return []
    text = {
        "task": claim.task.title,
        "code": need.code,
        "title": need.title,
        "note": claim.completion_note,
        "url": f"{settings.public_base_url}/needs/{need.code}",
    }
    key = f"complete:{int(now.timestamp())}"  # a second completion after a dispute asks again
    return await outbox.notify(
        user, "claim.completed", text, settings, subject=("claim", claim.id), key=key
    )


async def _audit(user: User | None, claim: Claim, action: str, origin: Origin, **more: Any) -> None:
    await record(
        user,
        action,
        origin,
        object_type="claim",
        object_id=claim.code,
        node_path=claim.task.node_path,
        after={"status": claim.status.value, **more},
    )


# The resident's answer ------------------------------------------------------------------------


async def _answerable(user: User, claim: Claim) -> Need:
    need = await Need.get_or_none(id=claim.task.need_id)  # type: ignore[attr-defined]
    if need is None or not needs.speaks_for_requester(user, need):
        raise PermissionDenied(N_("Only the person who asked for this help may confirm it."))
    return need


async def _move_claim(claim: Claim, source: ClaimStatus, **changes: Any) -> None:
    if await Claim.filter(id=claim.id, status=source).update(**changes) != 1:
        raise Conflict(N_("This work is not waiting for confirmation."))
    for key, value in changes.items():
        setattr(claim, key, value)


async def confirm(
    user: User, claim: Claim, settings: Settings, origin: Origin, *, now: datetime | None = None
) -> Claim:
    """The requester confirms the work was done; the need is confirmed, as ``needs.act`` would."""
    now = now or datetime.now(UTC)
    claim = await claims.fresh(claim)
    await _answerable(user, claim)
    async with in_transaction():
        await _move_claim(claim, C.COMPLETED, status=C.CONFIRMED, confirmed_at=now)
        need = await claims.locked_need(claim.task)
        if need is not None:
            await claims.move_need(
                need,
                "confirm",
                user,
                CONFIRM.target,
                now,
                sources=CONFIRM.sources,
                changes={"confirmed_at": now},
                data={"claim": claim.code},
            )
        await _audit(user, claim, "claim.confirm", origin)
    return claim


async def dispute(
    user: User,
    claim: Claim,
    reason: str,
    settings: Settings,
    origin: Origin,
    *,
    now: datetime | None = None,
) -> Claim:
    """The requester says the work is not done: the need is reopened and the member has
    ``claim_days`` again to finish it (or give it back) before the worker releases it."""
    now = now or datetime.now(UTC)
    claim = await claims.fresh(claim)
    await _answerable(user, claim)
    reason = reason.strip()
    if not reason:
        message = N_("Please say what is not done.")
        raise ValidationFailed(message, fields={"reason": message})
    due = now + timedelta(days=claim.task.claim_days)
    async with in_transaction():
        await _move_claim(
            claim, C.COMPLETED, status=C.DISPUTED, dispute_reason=reason[:500], due_at=due
        )
        need = await claims.locked_need(claim.task)
        if need is not None and need.status in REOPEN.sources:
            again = await needs.reopening(need, now)
            due_again = again["resolution_due_at"].isoformat()
            data = {"claim": claim.code, "resolution_due_at": due_again}
            await claims.move_need(
                need,
                "reopen",
                user,
                REOPEN.target,
                now,
                sources=REOPEN.sources,
                changes={**again, "status_reason": reason[:500]},
                note=reason,
                data=data,
            )
        await _audit(user, claim, "claim.dispute", origin, reason=claim.dispute_reason)
    return claim


async def auto_confirm(
    settings: Settings, now: datetime | None = None, after_days: int = AUTO_CONFIRM_DAYS
) -> int:
    """Confirm completions nobody answered within ``after_days``, noted as automatic on the
    claim, the need's event and the audit log; each once. Returns how many."""
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(days=after_days)
    rows = await Claim.filter(status=C.COMPLETED, completed_at__lte=cutoff).select_related("task")
    done = 0
    for row in rows:
        async with in_transaction():
            unanswered = Claim.filter(id=row.id, status=C.COMPLETED, completed_at__lte=cutoff)
            changes = {"status": C.CONFIRMED, "confirmed_at": now, "auto_confirmed": True}
            if await unanswered.update(**changes) != 1:
                continue  # the resident answered, or another worker was first
            row.status, row.confirmed_at, row.auto_confirmed = C.CONFIRMED, now, True
            need = await claims.locked_need(row.task)
            if need is not None:
                await claims.move_need(
                    need,
                    "confirm",
                    None,
                    CONFIRM.target,
                    now,
                    sources=CONFIRM.sources,
                    changes={"confirmed_at": now},
                    data={"claim": row.code, "auto_confirmed": True, "after_days": after_days},
                )
            await _audit(None, row, "claim.auto_confirm", JOB, auto_confirmed=True)
        done += 1
    return done


# Staff verify; hours are credited ---------------------------------------------------------------


def recorded_hours(claim: Claim) -> Decimal:
    """The recorded work rounded to the nearest half hour (at least half an hour)."""
    if claim.work_started_at is None or claim.work_ended_at is None:
        return max(HALF, Decimal(str(claim.task.estimated_hours)))
    seconds = Decimal((claim.work_ended_at - claim.work_started_at).total_seconds())
    halves = (seconds / 1800).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return max(HALF, halves * HALF)


def _credited(claim: Claim, given: object, note: str) -> Decimal:
    """The hours to credit: the recorded ones, or staff's in half hours, with a note if they
    differ from the record."""
    recorded = recorded_hours(claim)
    if given is None or str(given).strip() == "":
        return recorded
    value = hours.parse_hours(given)
    if value < HALF or value % HALF:
        message = N_("Credit whole or half hours, from 0.5 to 12.")
        raise ValidationFailed(message, fields={"hours": message})
    if value != recorded and not note.strip():
        message = N_("Say why the hours differ from the recorded time.")
        raise ValidationFailed(message, fields={"note": message})
    return value


def _verification(claim: Claim) -> str:
    """How the work was confirmed before staff verified it, as the ledger records it."""
    if claim.auto_confirmed:
        return "auto_confirmed+staff"
    return "resident+staff" if claim.confirmed_at else "staff"


async def verify(
    staff: User,
    claim: Claim,
    credit_hours: object,
    settings: Settings,
    origin: Origin,
    *,
    note: str = "",
    now: datetime | None = None,
) -> Claim:
    """Staff verify confirmed work (or a project task's completed work) and credit its hours
    (``credit_hours`` None: the recorded time, rounded to half hours); once only."""
    now = now or datetime.now(UTC)
    claim = await claims.fresh(claim)
    task = claim.task
    if task.centre_id not in {c.id for c in await counter.centres_of(staff)}:  # type: ignore[attr-defined]
        raise PermissionDenied(N_("Only staff of the task's centre may verify its work."))
    ready = [C.CONFIRMED] if task.need_id else [C.CONFIRMED, C.COMPLETED]  # type: ignore[attr-defined]
    value = _credited(claim, credit_hours, note)
    async with in_transaction():
        changes = {"status": C.VERIFIED, "verified_at": now, "verified_by": staff}
        moved = await Claim.filter(id=claim.id, status__in=ready).update(active_key=None, **changes)
        if moved != 1:
            raise Conflict(N_("This work is verified already, or not ready to verify."))
        claim = await Claim.get(id=claim.id).select_related("task", "task__centre", "member__user")
        entry = await hours.credit(
            claim.member,
            claim,
            value,
            service_date=(claim.work_started_at or now).astimezone(settings.tz).date(),
            description=task.title,
            node_path=task.node_path,
            verified_by=staff,
            verification=_verification(claim),
        )
        await Member.filter(id=claim.member.id).update(completed_count=F("completed_count") + 1)
        sent = await _finish_task(claim.task, staff, now, settings)
        more = {"hours": str(value), "entry": entry.id, "note": note.strip()[:200]}
        await _audit(staff, claim, "claim.verify", origin, **more)
        sent += await _tell_credited(claim, entry.hours, settings)
    await outbox.dispatch(sent, settings)
    return claim


async def _finish_task(task: Task, staff: User, now: datetime, settings: Settings) -> list[int]:
    """The task is done when no claim on it is still open and nothing is left to claim: every
    place taken, its need resolved, or its time over. Its confirmed need is closed."""
    if await Claim.filter(task_id=task.id, status__in=list(claims.ACTIVE)).exists():
        return []
    current = await Task.select_for_update().get(id=task.id)  # tasks before needs, as claims do
    need = await claims.locked_need(task)
    over = (
        current.taken >= current.capacity
        or (need is not None and need.status in NEED_DONE)
        or (current.ends_at is not None and current.ends_at <= now)
    )
    if not over:
        return []
    await Task.filter(id=task.id, status__in=[TaskStatus.OPEN, TaskStatus.FULL]).update(
        status=TaskStatus.DONE
    )
    await for_you.bump_street(task.node_path)
    closing = frozenset({NeedStatus.CONFIRMED})
    if need is not None and await claims.move_need(
        need, "close", staff, NeedStatus.CLOSED, now, sources=closing, changes={"closed_at": now}
    ):
        return await needs.tell_requester(need, "close", "", settings)
    return []


async def _tell_credited(claim: Claim, credited: Decimal, settings: Settings) -> list[int]:
    text = {
        "hours": f"{credited.normalize():f}",
        "task": claim.task.title,
        "total": f"{(await hours.total(claim.member)).normalize():f}",
        "url": f"{settings.public_base_url}/me/hours",
    }
    return await outbox.notify(
        claim.member.user, "hours.credited", text, settings, subject=("claim", claim.id)
    )
