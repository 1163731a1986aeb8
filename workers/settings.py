"""arq WorkerSettings: the jobs, the cron table, and opening the database per worker."""

from __future__ import annotations

from typing import Any

from arq import cron
from arq.connections import RedisSettings

from server import db, settings
from server.redis_client import redis_url
from workers.housekeeping import purge_expired_logins


def redis_settings(config: settings.Settings | None = None) -> RedisSettings:
    """arq's connection settings for this install's Redis (configured or embedded)."""
    config = config or settings.get()
    return RedisSettings.from_dsn(redis_url(config))


async def startup(ctx: dict[str, Any]) -> None:
    await db.open_db(settings.get())


async def shutdown(ctx: dict[str, Any]) -> None:
    await db.close_db()


class WorkerSettings:
    functions = [purge_expired_logins]
    cron_jobs = [cron(purge_expired_logins, minute={7}, unique=True)]
    on_startup = startup
    on_shutdown = shutdown
    max_jobs = 20
    job_timeout = 300
    keep_result = 3600

    @classmethod
    def configure(cls) -> type[WorkerSettings]:
        """Resolve Redis now (starting the embedded server if needed) for this process."""
        cls.redis_settings = redis_settings()  # type: ignore[attr-defined]
        return cls
