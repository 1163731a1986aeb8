"""Delivering outbox rows, and the sweep that wakes whatever Redis lost or never got."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from server import db, queue
from server.channels import ChannelError, send
from server.domain import outbox, quiet_hours, scheduler
from server.models.notifications import Channel, Notification
from server.settings import Settings

log = logging.getLogger(__name__)


async def deliver(ctx: dict[str, Any], notification_id: int) -> str:
    """Send one message once. Safe to run any number of times: the claim decides who sends."""
    settings: Settings = ctx["settings"]
    now = datetime.now(UTC)
    row = await outbox.claim(notification_id, now, settings)
    if row is None:
        return "not claimable"
    wake = _quiet_until(row, now, settings)
    if wake is not None:
        await outbox.defer(row, wake)
        await outbox.dispatch([row.id], settings)
        return "deferred"
    try:
        await send(row, settings)
    except ChannelError as error:
        log.warning("notification %s via %s failed: %s", row.id, row.channel, error)
        if await outbox.mark_failed(row, str(error), datetime.now(UTC), settings):
            await outbox.dispatch([row.id], settings)
            return "retrying"
        return "failed"
    await _record_sent(row, settings)
    return "sent"


async def _record_sent(row: Notification, settings: Settings) -> None:
    # The message is out: if the database is away, wait for it (within half the lease), or
    # another worker would send the message again once the lease ends.
    await db.patiently(
        lambda: outbox.mark_sent(row, datetime.now(UTC)),
        settings.outbox_lease_seconds / 2,
        f"recording notification {row.id} as sent",
    )


def _quiet_until(row: Notification, now: datetime, settings: Settings) -> datetime | None:
    """When a due SMS or email lands in quiet hours (e.g. a retry at night): the morning."""
    if row.urgent or row.channel == Channel.INBOX:
        return None
    allowed = quiet_hours.next_allowed(
        now, outbox.quiet_window(row.user, settings), settings.time_zone
    )
    return allowed if allowed > now else None


SWEEP_PAGE = 1000


async def sweep(ctx: dict[str, Any]) -> dict[str, int]:
    """Wake every due or stuck row of the outbox and of the scheduled jobs."""
    settings: Settings = ctx["settings"]
    now = datetime.now(UTC)
    # Page by id through everything due, not one page a sweep: after an outage of Redis the
    # backlog is every message written meanwhile (drill 1: 9,600 in 60 s), and one page of
    # 1,000 a minute took ten minutes to wake them all.
    woken, after = 0, 0
    while rows := await outbox.due_rows(now, after=after, limit=SWEEP_PAGE):
        for row in rows:
            await queue.enqueue(settings, "deliver", row.id, job_id=outbox.job_id(row) + ":sweep")
        woken, after = woken + len(rows), rows[-1].id
    jobs = await scheduler.due_ids(now)
    await scheduler.wake(jobs, settings)
    return {"messages": woken, "jobs": len(jobs)}
