"""Enqueueing arq jobs from any process. Redis carries only wake-ups: when it is away the job
is not lost, because the database row it concerns is found again by the worker's sweep."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from arq import ArqRedis, create_pool
from arq.connections import RedisSettings
from redis.exceptions import RedisError

from server.redis_client import redis_url
from server.settings import Settings

log = logging.getLogger(__name__)
_pools: dict[str, ArqRedis] = {}


async def pool(settings: Settings) -> ArqRedis:
    url = redis_url(settings)
    if url not in _pools:
        redis_settings = RedisSettings.from_dsn(url)
        redis_settings.conn_retries = 0  # a page must not wait for Redis; the sweep catches up
        redis_settings.conn_timeout = 1
        _pools[url] = await create_pool(redis_settings)
    return _pools[url]


async def enqueue(
    settings: Settings, function: str, *args: Any, job_id: str, defer_until: datetime | None = None
) -> bool:
    """Enqueue ``function(*args)`` once per ``job_id``; False when Redis could not take it.

    A ``defer_until`` already past runs at once: arq sets the job key's expiry from it, and a
    time more than a day back made that expiry negative, which Redis refuses."""
    if defer_until is not None and defer_until <= datetime.now(UTC):
        defer_until = None
    try:
        redis = await pool(settings)
        await redis.enqueue_job(function, *args, _job_id=job_id, _defer_until=defer_until)
    except (RedisError, OSError) as error:
        log.warning(
            "could not enqueue %s (%s): %s; the sweep will pick it up", function, job_id, error
        )
        return False
    return True


async def close() -> None:
    for redis in _pools.values():
        await redis.aclose()
    _pools.clear()
