"""arq WorkerSettings: the jobs, the cron table, and opening the database per worker."""

from __future__ import annotations

from typing import Any

from arq import cron
from arq.connections import RedisSettings
from arq.worker import func

import workers.data_rights  # noqa: F401  (registers the scheduled anonymisation job)
from server import db, queue, settings
from server.channels import email
from server.redis_client import redis_url
from workers.exports import build_export, sweep_exports
from workers.housekeeping import purge_expired_logins
from workers.members import sweep_claims, sweep_members
from workers.needs import escalate_needs
from workers.outbox import deliver, sweep
from workers.photos import make_thumbnail, sweep_thumbnails
from workers.redis_wait import patient_redis
from workers.reports import send_unit_reports
from workers.scheduled import run_scheduled


def redis_settings(config: settings.Settings | None = None) -> RedisSettings:
    """arq's connection settings for this install's Redis (configured or embedded)."""
    config = config or settings.get()
    return RedisSettings.from_dsn(redis_url(config))


def sweep_cron(every_seconds: int) -> Any:
    """The cron entry that runs the sweep about every ``every_seconds``."""
    if every_seconds < 60:
        return cron(sweep, second=set(range(0, 60, every_seconds)), unique=True)
    minutes = set(range(0, 60, max(1, every_seconds // 60)))
    return cron(sweep, minute=minutes, second={0}, unique=True)


async def startup(ctx: dict[str, Any]) -> None:
    ctx["settings"] = settings.get()
    await db.open_db(ctx["settings"])
    await sweep(ctx)  # whatever came due while no worker ran goes out now
    await sweep_thumbnails(ctx)


async def shutdown(ctx: dict[str, Any]) -> None:
    await email.close()
    await queue.close()
    await db.close_db()


class WorkerSettings:
    functions = [
        deliver,
        run_scheduled,
        sweep,
        purge_expired_logins,
        make_thumbnail,
        sweep_thumbnails,
        func(build_export, timeout=1800),
        sweep_exports,
    ]
    cron_jobs = [
        sweep_cron(settings.get().outbox_sweep_seconds),
        cron(purge_expired_logins, minute={7}, second={0}, unique=True),
        cron(escalate_needs, minute=set(range(1, 60, 5)), second={15}, unique=True),
        cron(sweep_thumbnails, minute=set(range(3, 60, 5)), second={30}, unique=True),
        cron(sweep_claims, minute=set(range(2, 60, 5)), second={45}, unique=True),
        cron(sweep_members, hour={1}, minute={17}, second={0}, unique=True),  # UTC: 09:17 local
        cron(send_unit_reports, hour={1}, minute={37}, second={0}, unique=True),
        cron(sweep_exports, minute=set(range(4, 60, 5)), second={50}, unique=True),
    ]
    on_startup = startup
    on_shutdown = shutdown
    max_jobs = 20
    job_timeout = 300
    # On SIGTERM (a deploy), stop taking jobs and let running ones finish before cancelling
    # them: a cancelled delivery leaves its message claimed until the lease ends (5 minutes),
    # or sent but not recorded. Give the process a stop timeout above this.
    job_completion_wait = 20
    keep_result = 60

    @classmethod
    def configure(cls) -> type[WorkerSettings]:
        """Resolve Redis now (starting the embedded server if needed) for this process."""
        url = redis_url(settings.get())
        cls.redis_settings = RedisSettings.from_dsn(url)  # type: ignore[attr-defined]
        # arq uses a pool given here instead of making its own: one that waits out an outage.
        cls.redis_pool = patient_redis(url)  # type: ignore[attr-defined]
        return cls
