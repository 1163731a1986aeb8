"""Scheduled jobs: run once when due, never when cancelled, retried then failed on errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server.domain import scheduler
from server.models.jobs import ScheduledJob, ScheduledStatus
from workers import scheduled
from workers.outbox import sweep
from workers.scheduled import run_scheduled

S = ScheduledStatus
calls: list[tuple[int, str]] = []


@pytest.fixture(autouse=True)
def _registered():  # type: ignore[no-untyped-def]
    async def remember(number: int, word: str) -> None:
        calls.append((number, word))

    async def explode(number: int) -> None:
        raise RuntimeError(f"cannot do {number}")

    calls.clear()
    scheduled.REGISTRY.update({"test.remember": remember, "test.explode": explode})
    yield
    scheduled.REGISTRY.pop("test.remember")
    scheduled.REGISTRY.pop("test.explode")


async def _due(job_id: int) -> None:
    await ScheduledJob.filter(id=job_id).update(run_at=datetime.now(UTC) - timedelta(seconds=1))


async def test_a_job_runs_once_when_due_and_not_before(db, settings):
    later = datetime.now(UTC) + timedelta(hours=1)
    job = await scheduler.schedule(
        "test.remember", [7, "seven"], later, key="remember:7", subject=("thing", 7)
    )
    assert await scheduler.schedule("test.remember", [7, "seven"], later, key="remember:7") == job
    assert await run_scheduled({"settings": settings}, job) == "not claimable"  # not due yet
    await _due(job)
    assert await run_scheduled({"settings": settings}, job) == "done"
    assert await run_scheduled({"settings": settings}, job) == "not claimable"
    assert calls == [(7, "seven")]
    assert (await ScheduledJob.get(id=job)).status == S.DONE


async def test_a_cancelled_job_never_runs(db, settings):
    job = await scheduler.schedule(
        "test.remember",
        [1, "one"],
        datetime.now(UTC) + timedelta(minutes=5),
        key="remember:1",
        subject=("thing", 1),
    )
    other = await scheduler.schedule(
        "test.remember",
        [2, "two"],
        datetime.now(UTC) + timedelta(minutes=5),
        key="remember:2",
        subject=("thing", 2),
    )
    assert await scheduler.cancel("thing", 1) == 1
    await _due(job)
    await _due(other)
    assert await sweep({"settings": settings}) == {"messages": 0, "jobs": 1}
    assert await run_scheduled({"settings": settings}, job) == "not claimable"
    assert await run_scheduled({"settings": settings}, other) == "done"
    assert calls == [(2, "two")]


async def test_a_failing_job_is_retried_then_marked_failed_with_the_error(db, settings):
    job = await scheduler.schedule("test.explode", [3], datetime.now(UTC), key="explode:3")
    outcomes = []
    for _ in range(settings.outbox_max_attempts):
        outcomes.append(await run_scheduled({"settings": settings}, job))
        await _due(job)
    assert outcomes == ["retrying"] * (settings.outbox_max_attempts - 1) + ["failed"]
    row = await ScheduledJob.get(id=job)
    assert row.status == S.FAILED and "cannot do 3" in row.last_error


async def test_a_job_whose_worker_died_runs_again_after_its_lease(db, settings):
    job = await scheduler.schedule(
        "test.remember", [5, "five"], datetime.now(UTC), key="remember:5"
    )
    claimed = await scheduler.claim(job, datetime.now(UTC), settings)
    assert claimed is not None  # ...and then the worker died
    assert await run_scheduled({"settings": settings}, job) == "not claimable"
    await ScheduledJob.filter(id=job).update(claimed_until=datetime.now(UTC) - timedelta(seconds=1))
    assert await run_scheduled({"settings": settings}, job) == "done"
    assert calls == [(5, "five")]
