"""Waiting out a database or Redis that went away (resilience drills 1-3, bench/DRILLS.md)."""

from __future__ import annotations

import asyncio

import pytest

from server import db
from workers.redis_wait import patient_redis


async def test_an_operation_is_tried_again_while_the_database_is_away(monkeypatch):
    monkeypatch.setattr(asyncio, "sleep", _no_sleep)
    calls = []

    async def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise ConnectionRefusedError("database restarting")
        return "done"

    assert await db.patiently(flaky, seconds=60, what="test") == "done"
    assert len(calls) == 3


async def test_past_its_time_the_error_is_raised_and_other_errors_at_once(monkeypatch):
    monkeypatch.setattr(asyncio, "sleep", _no_sleep)

    async def down() -> None:
        raise ConnectionRefusedError("still down")

    with pytest.raises(ConnectionRefusedError):
        await db.patiently(down, seconds=0.1, what="test")
    calls = []

    async def wrong() -> None:
        calls.append(1)
        raise ValueError("a bug, not an outage")

    with pytest.raises(ValueError):
        await db.patiently(wrong, seconds=60, what="test")
    assert calls == [1]


async def test_the_worker_redis_pool_talks_to_the_configured_redis(settings, db):
    # Waiting out an outage is shown by drill 1 (bench/DRILLS.md), with a real stopped server.
    from server.redis_client import redis_url

    redis = patient_redis(redis_url(settings))
    try:
        assert await redis.ping()
    finally:
        await redis.aclose()
        await redis.connection_pool.disconnect()


async def _no_sleep(seconds: float) -> None:
    return None
