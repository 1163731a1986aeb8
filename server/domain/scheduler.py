"""Jobs scheduled for a future time: a database row each, woken through Redis, cancellable."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.expressions import F, Q

from server import queue
from server.models.jobs import ScheduledJob, ScheduledStatus
from server.settings import Settings

S = ScheduledStatus


async def schedule(
    function: str,
    args: list[Any],
    run_at: datetime,
    *,
    key: str,
    subject: tuple[str, int | None] = ("", None),
) -> int:
    """Plan ``function(*args)`` for ``run_at`` (inside the caller's transaction); returns its id.

    ``key`` names the plan: scheduling the same key again changes nothing.
    """
    dedupe = key if len(key) <= 200 else hashlib.sha256(key.encode()).hexdigest()
    row = ScheduledJob(
        function=function,
        args=args,
        run_at=run_at,
        dedupe_key=dedupe,
        subject_type=subject[0],
        subject_id=subject[1],
    )
    await ScheduledJob.bulk_create([row], ignore_conflicts=True)
    return (await ScheduledJob.get(dedupe_key=dedupe)).id


def job_id(row: ScheduledJob) -> str:
    return f"scheduled:{row.id}:{row.attempts}:{int(row.run_at.timestamp())}"


async def wake(ids: list[int], settings: Settings) -> None:
    """After commit: ask Redis to wake a worker at each job's time (the sweep is the fallback)."""
    for row in await ScheduledJob.filter(id__in=ids, status=S.PENDING):
        await queue.enqueue(
            settings, "run_scheduled", row.id, job_id=job_id(row), defer_until=row.run_at
        )


async def cancel(subject_type: str, subject_id: int, functions: list[str] | None = None) -> int:
    """Cancel every pending job about one subject; a cancelled job never runs."""
    rows = ScheduledJob.filter(subject_type=subject_type, subject_id=subject_id, status=S.PENDING)
    if functions:
        rows = rows.filter(function__in=functions)
    return await rows.update(status=S.CANCELLED)


async def claim(job_id_: int, now: datetime, settings: Settings) -> ScheduledJob | None:
    claimable = Q(status=S.PENDING, run_at__lte=now) | Q(status=S.RUNNING, claimed_until__lt=now)
    taken = await ScheduledJob.filter(claimable, id=job_id_).update(
        status=S.RUNNING,
        claimed_until=now + timedelta(seconds=settings.outbox_lease_seconds),
        attempts=F("attempts") + 1,
    )
    return await ScheduledJob.get(id=job_id_) if taken == 1 else None


async def finish(row: ScheduledJob, now: datetime) -> None:
    await ScheduledJob.filter(id=row.id, status=S.RUNNING).update(
        status=S.DONE, finished_at=now, claimed_until=None
    )


async def fail(row: ScheduledJob, error: str, now: datetime, settings: Settings) -> bool:
    """Record a failed run: back off and retry, or give up. Returns True if it will retry."""
    retry = row.attempts < settings.outbox_max_attempts
    backoff = timedelta(seconds=settings.outbox_retry_seconds * 2 ** (row.attempts - 1))
    await ScheduledJob.filter(id=row.id, status=S.RUNNING).update(
        status=S.PENDING if retry else S.FAILED,
        run_at=now + backoff if retry else row.run_at,
        claimed_until=None,
        last_error=error[:2000],
    )
    return retry


async def due_ids(now: datetime | None = None, limit: int = 1000) -> list[int]:
    now = now or datetime.now(UTC)
    due = Q(status=S.PENDING, run_at__lte=now) | Q(status=S.RUNNING, claimed_until__lt=now)
    rows = ScheduledJob.filter(due).order_by("run_at").limit(limit)
    return [row.id for row in await rows.only("id")]
