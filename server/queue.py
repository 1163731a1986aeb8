"""Enqueueing arq jobs from any process. Redis carries only wake-ups: when it is away the job
is not lost, because the database row it concerns is found again by the worker's sweep."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from arq import ArqRedis, create_pool
from arq.connections import RedisSettings
from arq.constants import job_key_prefix, result_key_prefix
from arq.jobs import serialize_job
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
    now = datetime.now(UTC)
    if defer_until is not None and defer_until <= now:
        defer_until = None
    try:
        redis = await pool(settings)
        enqueued_ms = int(now.timestamp() * 1000)
        score = int(defer_until.timestamp() * 1000) if defer_until else enqueued_ms
        job = serialize_job(function, args, {}, None, enqueued_ms, serializer=redis.job_serializer)
        keys = [job_key_prefix + job_id, result_key_prefix + job_id, redis.default_queue_name]
        expires_ms = score - enqueued_ms + redis.expires_extra_ms
        await _enqueue_script(redis)(keys=keys, args=[expires_ms, job, job_id, score])
    except (RedisError, OSError) as error:
        log.warning(
            "could not enqueue %s (%s): %s; the sweep will pick it up", function, job_id, error
        )
        return False
    return True


# What arq's enqueue_job does (this arq, pinned: its job key, result key and queue, and its
# serialized job), in one round trip: arq watches the job key, asks whether it or a result
# exists, then writes in a transaction - three round trips of redis-py on every booking. A
# script runs atomically, so a job id already queued or done is still enqueued once only.
_ENQUEUE = """
if redis.call('exists', KEYS[1], KEYS[2]) > 0 then return 0 end
redis.call('psetex', KEYS[1], ARGV[1], ARGV[2])
redis.call('zadd', KEYS[3], ARGV[4], ARGV[3])
return 1
"""
_scripts: dict[int, Any] = {}


def _enqueue_script(redis: ArqRedis) -> Any:
    if id(redis) not in _scripts:
        _scripts[id(redis)] = redis.register_script(_ENQUEUE)
    return _scripts[id(redis)]


async def close() -> None:
    for redis in _pools.values():
        await redis.aclose()
    _pools.clear()
    _scripts.clear()
