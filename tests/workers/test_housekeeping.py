"""Housekeeping jobs, run by a real arq worker against the suite's real Redis."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from arq import create_pool
from arq.worker import Worker

from server.models.accounts import ApiToken, Session
from tests.cast import Cast
from workers.housekeeping import purge_expired_logins
from workers.settings import WorkerSettings, redis_settings


async def test_the_worker_purges_expired_sessions_and_old_tokens(cast: Cast, settings):
    now = datetime.now(UTC)
    await Session.create(
        key_hash="a" * 64, user=cast.resident, expires_at=now - timedelta(minutes=1)
    )
    await Session.create(key_hash="b" * 64, user=cast.resident, expires_at=now + timedelta(days=1))
    await ApiToken.create(
        token_hash="c" * 64, user=cast.resident, expires_at=now - timedelta(days=31)
    )
    await ApiToken.create(
        token_hash="d" * 64, user=cast.resident, expires_at=now - timedelta(days=1)
    )

    pool = await create_pool(redis_settings(settings))
    job = await pool.enqueue_job("purge_expired_logins", _job_id="purge-test")
    assert job is not None
    assert await pool.enqueue_job("purge_expired_logins", _job_id="purge-test") is None  # deduped
    worker = Worker(
        functions=[purge_expired_logins], redis_pool=pool, burst=True, handle_signals=False
    )
    try:
        await worker.main()
        assert await job.result(timeout=5) == {"sessions": 1, "tokens": 1}
    finally:
        await worker.close()

    assert [s.key_hash[0] for s in await Session.all()] == ["b"]
    assert [t.token_hash[0] for t in await ApiToken.all()] == ["d"]


def test_the_worker_settings_list_the_job_and_its_schedule():
    assert purge_expired_logins in WorkerSettings.functions
    assert purge_expired_logins in [c.coroutine for c in WorkerSettings.cron_jobs]
