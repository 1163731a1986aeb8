"""The worker's own Redis connection, which waits while Redis is away instead of failing.

arq's polling loop has no error handling: without this, the first refused connection to a
stopped or restarting Redis ended ``doorstep worker`` (resilience drill 1, bench/DRILLS.md).
"""

from __future__ import annotations

import logging

from arq import ArqRedis
from redis.asyncio import ConnectionPool
from redis.asyncio.connection import AbstractConnection
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError, TimeoutError

log = logging.getLogger(__name__)

# Retries back off to one every 2 s, so 300 of them ride out an outage of about ten minutes.
# Past that the worker exits and its supervisor starts it again; the outbox loses nothing.
RETRIES = 300
BACKOFF = ExponentialBackoff(cap=2.0, base=0.1)


class _PatientPool(ConnectionPool):
    """Hands out a connection even while Redis is down; the command's retry then waits."""

    async def ensure_connection(self, connection: AbstractConnection) -> None:
        try:
            await super().ensure_connection(connection)
        except (ConnectionError, TimeoutError, OSError) as error:
            log.warning("Redis unavailable (%s); the worker waits for it", error)
            await connection.disconnect()


def patient_redis(url: str) -> ArqRedis:
    """An arq connection to ``url`` whose commands retry until Redis answers again."""
    pool = _PatientPool.from_url(
        url,
        socket_connect_timeout=1,
        retry=Retry(BACKOFF, RETRIES),
        retry_on_error=[ConnectionError, TimeoutError],
    )
    return ArqRedis(pool)
