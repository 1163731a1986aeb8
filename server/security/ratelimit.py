"""Fixed-window counters in Redis, e.g. failed logins per phone and per IP."""

from __future__ import annotations

import logging

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)


async def is_limited(redis: Redis, key: str, limit: int) -> bool:
    """True when ``key`` has reached ``limit`` in its current window."""
    try:
        count = await redis.get(f"rl:{key}")
    except RedisError:
        # Failing open keeps logins working while Redis is away; the argon2 cost still
        # slows guessing, and the outage is logged.
        log.warning("rate limit check skipped: Redis unavailable")
        return False
    return count is not None and int(count) >= limit


async def hit(redis: Redis, key: str, window_seconds: int) -> None:
    """Count one event for ``key``; the window starts at its first event."""
    try:
        async with redis.pipeline(transaction=True) as pipe:
            # SET NX EX starts the window once; EXPIRE NX would need Redis 7.
            pipe.set(f"rl:{key}", 0, ex=window_seconds, nx=True)
            pipe.incr(f"rl:{key}")
            await pipe.execute()
    except RedisError:
        log.warning("rate limit not counted: Redis unavailable")


async def reset(redis: Redis, key: str) -> None:
    try:
        await redis.delete(f"rl:{key}")
    except RedisError:
        log.warning("rate limit not reset: Redis unavailable")
