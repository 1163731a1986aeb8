"""Large exports, built by a real arq worker against the suite's real Redis, and swept away."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from arq import create_pool
from arq.worker import Worker

from server.domain import exports
from server.models.jobs import JobRun, JobStatus
from server.settings import Settings
from tests.cast import Cast
from tests.domain.photo_fixtures import with_media
from tests.domain.test_exports import NOV, WEB, seed, sheet
from workers.exports import build_export, sweep_exports
from workers.settings import redis_settings


async def _run_worker(config: Settings) -> None:
    """Run every queued job once with a burst worker, as ``doorstep worker`` would."""
    pool = await create_pool(redis_settings(config))
    worker = Worker(
        functions=[build_export, sweep_exports],
        redis_pool=pool,
        burst=True,
        handle_signals=False,
        ctx={"settings": config},
    )
    try:
        await worker.main()
    finally:
        await worker.close()


async def test_the_worker_builds_a_queued_export_with_its_progress(
    cast: Cast, settings: Settings, tmp_path
):
    config = with_media(settings, tmp_path)
    data = await seed(cast)
    scope = await exports.node_scope(cast.street_admin, "TS", config)
    started = await exports.start(cast.street_admin, "needs", scope, NOV, config, WEB, limit=1)
    assert started.job is not None

    await _run_worker(config)

    job = await JobRun.get(id=started.job.id)
    assert (job.status, job.done, job.total) == (JobStatus.DONE, 3, 3)
    assert job.finished_at is not None and job.params["filename"] == "needs-T-TD-TS-2026-11.xlsx"
    ws, rows = sheet(exports.file_of(job, config).read_bytes())
    assert ws.title == "群众需求" and {r[0] for r in rows[1:]} == data.needs_in_street
    assert "联系电话" not in rows[0]
    assert not list((config.media_dir / "exports").glob("*.part"))


async def test_the_sweep_job_removes_exports_older_than_a_day(
    cast: Cast, settings: Settings, tmp_path
):
    config = with_media(settings, tmp_path)
    await seed(cast)
    scope = await exports.centre_scope(cast.staff_a, "CENTREA")
    started = await exports.start(cast.staff_a, "hours", scope, NOV, config, WEB, limit=0)
    assert started.job is not None
    await _run_worker(config)
    job = await JobRun.get(id=started.job.id)
    path = exports.file_of(job, config)
    assert job.status == JobStatus.DONE and path.is_file()
    await sweep_exports({"settings": config})
    assert path.is_file()  # still within the day
    yesterday = datetime.now(UTC) - timedelta(hours=24, minutes=1)
    await JobRun.filter(id=job.id).update(created_at=yesterday)
    assert await sweep_exports({"settings": config}) == {
        "deleted": 1,
        "failed": 0,
        "requeued": 0,
    }
    assert not path.exists() and not await JobRun.exists(id=job.id)
