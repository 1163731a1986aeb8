"""Thumbnails, made by a real arq worker against the suite's real Redis."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from arq import create_pool
from arq.worker import Worker
from PIL import ExifTags, Image

from server.domain import photos
from server.domain.photos import Upload
from server.models.needs import Photo, PhotoStage
from server.redis_client import get_redis
from server.settings import Settings
from tests.cast import Cast
from tests.domain.photo_fixtures import a_need, files_under, phone_jpeg, plain_jpeg, with_media
from workers.photos import make_thumbnail, sweep_thumbnails
from workers.settings import WorkerSettings, redis_settings


async def _run_worker(config: Settings) -> None:
    """Run every queued job once with a burst worker, as ``doorstep worker`` would."""
    pool = await create_pool(redis_settings(config))
    worker = Worker(
        functions=[make_thumbnail, sweep_thumbnails],
        redis_pool=pool,
        burst=True,
        handle_signals=False,
        ctx={"settings": config},
    )
    try:
        await worker.main()
    finally:
        await worker.close()


async def _store(cast: Cast, config: Settings, data: bytes) -> Photo:
    [photo] = await photos.store_uploads(
        [Upload("IMG.jpg", data)],
        need=await a_need(cast),
        stage=PhotoStage.REQUEST,
        uploaded_by=cast.resident,
        settings=config,
    )
    return photo


async def test_the_worker_makes_a_small_upright_thumbnail_without_metadata(
    cast: Cast, settings, tmp_path
):
    config = with_media(settings, tmp_path)
    photo = await _store(cast, config, phone_jpeg())

    await _run_worker(config)  # the job stored the upload enqueued

    row = await Photo.get(id=photo.id)
    assert row.thumb_path.startswith("photos/thumbs/")
    raw = photos.open_thumbnail(row, config).read_bytes()
    thumb = Image.open(io.BytesIO(raw))
    thumb.load()
    assert thumb.format == "JPEG" and thumb.size == (20, 40)  # upright, like the original
    assert len(thumb.getexif()) == 0 and thumb.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert not {"exif", "xmp", "icc_profile", "comment"} & set(thumb.info)
    assert b"Exif" not in raw and b"PhoneMaker" not in raw


async def test_a_thumbnail_fits_the_thumbnail_size(cast: Cast, settings, tmp_path):
    config = with_media(settings, tmp_path)
    photo = await _store(cast, config, plain_jpeg((2000, 1200)))
    assert await make_thumbnail({"settings": config}, photo.id) == "made"
    row = await Photo.get(id=photo.id)
    with Image.open(photos.open_thumbnail(row, config)) as thumb:
        assert thumb.size == (photos.THUMB_SIDE, 192)


async def test_the_job_may_run_any_number_of_times(cast: Cast, settings, tmp_path):
    config = with_media(settings, tmp_path)
    photo = await _store(cast, config, plain_jpeg())
    ctx = {"settings": config}
    assert await make_thumbnail(ctx, photo.id) == "made"
    files = files_under(tmp_path)
    assert await make_thumbnail(ctx, photo.id) == "exists"
    assert files_under(tmp_path) == files and len(files) == 2

    row = await Photo.get(id=photo.id)
    photos.open_thumbnail(row, config).unlink()  # a lost file is made again
    assert await make_thumbnail(ctx, photo.id) == "made"
    assert files_under(tmp_path) == files


async def test_the_job_of_a_deleted_photo_does_nothing(cast: Cast, settings, tmp_path):
    config = with_media(settings, tmp_path)
    photo = await _store(cast, config, plain_jpeg())
    await Photo.filter(id=photo.id).delete()
    assert await make_thumbnail({"settings": config}, photo.id) == "gone"


async def test_the_sweep_catches_photos_whose_wake_up_redis_lost(cast: Cast, settings, tmp_path):
    config = with_media(settings, tmp_path)
    photo = await _store(cast, config, plain_jpeg())
    await get_redis(config).flushdb()  # the wake-up is lost

    now = datetime.now(UTC)
    assert await photos.missing_thumbnails(now) == []  # too fresh: its own job may be coming
    await Photo.filter(id=photo.id).update(created_at=now - timedelta(minutes=5))
    assert await photos.missing_thumbnails(now) == [photo.id]

    assert await sweep_thumbnails({"settings": config}) == {"photos": 1}
    await _run_worker(config)
    assert (await Photo.get(id=photo.id)).thumb_path
    assert await photos.missing_thumbnails(now) == []


def test_the_worker_settings_list_the_jobs_and_the_sweep_schedule():
    assert make_thumbnail in WorkerSettings.functions
    assert sweep_thumbnails in WorkerSettings.functions
    assert sweep_thumbnails in [c.coroutine for c in WorkerSettings.cron_jobs]
