"""Running scheduled jobs by name. Features register their functions here with @scheduled."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from server.domain import scheduler
from server.settings import Settings

log = logging.getLogger(__name__)
Job = Callable[..., Awaitable[Any]]
REGISTRY: dict[str, Job] = {}


def scheduled(name: str) -> Callable[[Job], Job]:
    """Register ``function`` to be run by name from a ScheduledJob row."""

    def register(function: Job) -> Job:
        REGISTRY[name] = function
        return function

    return register


async def run_scheduled(ctx: dict[str, Any], job_id: int) -> str:
    """Run one due scheduled job once; a cancelled, finished or claimed one is left alone."""
    settings: Settings = ctx["settings"]
    row = await scheduler.claim(job_id, datetime.now(UTC), settings)
    if row is None:
        return "not claimable"
    function = REGISTRY.get(row.function)
    try:
        if function is None:
            raise LookupError(f"no scheduled function called {row.function!r}")
        await function(*row.args)
    except Exception as error:  # a job's failure is recorded on its row, then retried
        log.exception("scheduled job %s (%s) failed", row.id, row.function)
        if await scheduler.fail(row, repr(error), datetime.now(UTC), settings):
            await scheduler.wake([row.id], settings)
            return "retrying"
        return "failed"
    await scheduler.finish(row, datetime.now(UTC))
    return "done"
