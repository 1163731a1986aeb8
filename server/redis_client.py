"""This process's Redis: the configured server, or the embedded one it shares with its peers."""

from __future__ import annotations

from redis.asyncio import Redis

from server import redis_embedded
from server.settings import Settings

_clients: dict[str, Redis] = {}


def redis_url(settings: Settings) -> str:
    """``REDIS_URL`` if set, else the embedded server (started or joined now)."""
    return settings.redis_url or redis_embedded.attach(settings.data_dir)


def get_redis(settings: Settings) -> Redis:
    url = redis_url(settings)
    client = _clients.get(url)
    if client is None:
        # Short timeouts: Redis carries rate limits and wake-ups, never the truth, so a page
        # must not hang when it is away.
        client = Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)
        _clients[url] = client
    return client


async def close_redis() -> None:
    for client in _clients.values():
        await client.aclose()
    _clients.clear()
