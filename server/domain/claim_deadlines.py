"""Claims that cannot rot: one reminder a day before a claim is due, and release past due.

A claim still claimed, in progress, or disputed and not fixed by its due date goes back to the
pool: released by a conditional UPDATE (so two sweeps, or the member completing at the same
moment, cannot both win), its place freed, the task and its need open again, the reason kept,
the member and the centre's staff told. A release counts as a no-show in the member's
reliability (``Member.no_show_count``); a task given back with a reason does not.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from server.domain import outbox
from server.domain.audit import JOB, record
from server.domain.claims import RELEASE_REASON, WORKING, about, end, settle_need
from server.domain.errors import Conflict
from server.models.accounts import Role, RoleGrant, User
from server.models.members import Claim, ClaimStatus, Member
from server.settings import Settings

REMIND_BEFORE = timedelta(hours=24)
JUST_CLAIMED = timedelta(hours=12)  # nobody is reminded of what they claimed this recently


def payload(claim: Claim, settings: Settings, **extra: Any) -> dict[str, Any]:
    """What the member's messages about a claim say; ``due`` is local, for SMS templates."""
    tz = claim.task.centre.time_zone
    return {
        "task": claim.task.title,
        "code": claim.code,
        "due": claim.due_at.astimezone(ZoneInfo(tz)).strftime("%m-%d %H:%M"),
        "due_at": claim.due_at.isoformat(),
        "tz": tz,
        "url": f"{settings.public_base_url}/me/claims/{claim.code}",
        **extra,
    }


async def due_reminders(settings: Settings, now: datetime | None = None) -> int:
    """Remind each member once, a day before a claim is due; returns how many were reminded.

    The outbox's dedupe key (claim and due date) makes a second sweep write nothing; a new due
    date (after a dispute) gets its own reminder."""
    now = now or datetime.now(UTC)
    rows = await Claim.filter(
        status__in=list(WORKING),
        due_at__gt=now,
        due_at__lte=now + REMIND_BEFORE,  # index: claims (status, due_at)
        claimed_at__lte=now - JUST_CLAIMED,
    ).select_related("task", "task__centre", "member__user")
    sent: list[int] = []
    for row in rows:
        key = f"due:{int(row.due_at.timestamp())}"
        sent += await outbox.notify(
            row.member.user,
            "claim.reminder",
            payload(row, settings),
            settings,
            subject=("claim", row.id),
            key=key,
        )
    await outbox.dispatch(sent, settings)
    return len(rows)


async def release_overdue(settings: Settings, now: datetime | None = None) -> int:
    """Release every claim past due without progress, each once; returns how many."""
    now = now or datetime.now(UTC)
    late = await Claim.filter(status__in=list(WORKING), due_at__lt=now).select_related(
        "task", "task__centre", "member", "member__user"
    )
    released = 0
    for row in late:
        try:
            async with in_transaction():
                await end(
                    row, ClaimStatus.RELEASED, RELEASE_REASON, now, from_statuses=[row.status]
                )
                await Member.filter(id=row.member.id).update(no_show_count=F("no_show_count") + 1)
                await settle_need(row.task, "release", None, now, data=about(row))
                await record(
                    None,
                    "claim.release",
                    JOB,
                    object_type="claim",
                    object_id=row.code,
                    node_path=row.task.node_path,
                    after={"status": row.status.value, "reason": RELEASE_REASON},
                )
                sent = await _tell_released(row, settings)
        except Conflict:  # completed, given back or released by another worker meanwhile
            continue
        await outbox.dispatch(sent, settings)
        released += 1
    return released


async def _tell_released(claim: Claim, settings: Settings) -> list[int]:
    subject = ("claim", claim.id)
    text = payload(claim, settings, reason=RELEASE_REASON)
    sent = await outbox.notify(
        claim.member.user, "claim.released", text, settings, subject=subject, key="release"
    )
    centre = claim.task.centre
    staff_text = {
        **text,
        "member": claim.member.real_name,
        "centre": centre.name,
        "centre_en": centre.name_en,
        "url": f"{settings.public_base_url}/staff/{centre.code}/claims/{claim.code}",
    }
    for user in await centre_staff(centre.id):
        sent += await outbox.notify(
            user, "claim.released_staff", staff_text, settings, subject=subject, key="release"
        )
    return sent


async def centre_staff(centre_id: int) -> list[User]:
    grants = await RoleGrant.filter(role=Role.STAFF, centre_id=centre_id).select_related("user")
    return [g.user for g in grants]
