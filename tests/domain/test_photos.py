"""Photos: what is accepted, what is refused, and that nothing personal survives storing."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageFile
from starlette.datastructures import Headers, UploadFile
from tortoise.transactions import in_transaction

from server.domain import photos
from server.domain.errors import NotFound, ValidationFailed
from server.domain.photos import Upload
from server.models.needs import Photo, PhotoStage
from server.settings import Settings
from tests.cast import Cast
from tests.domain.photo_fixtures import (
    BLUE,
    RED,
    a_need,
    bomb_png,
    encoded,
    files_under,
    noisy_jpeg,
    palette_png_with_transparency,
    phone_jpeg,
    plain_jpeg,
    transparent_png,
    webp,
    with_media,
)


async def _store(cast: Cast, config: Settings, *uploads: Upload, need=None) -> list[Photo]:  # type: ignore[no-untyped-def]
    return await photos.store_uploads(
        list(uploads),
        need=need or await a_need(cast),
        stage=PhotoStage.REQUEST,
        uploaded_by=cast.resident,
        settings=config,
    )


def _read_back(config: Settings, relative: str) -> tuple[Image.Image, bytes]:
    raw = (config.media_dir / relative).read_bytes()
    image = Image.open(io.BytesIO(raw))
    image.load()
    return image, raw


def assert_no_metadata(image: Image.Image, raw: bytes) -> None:
    assert image.format == "JPEG"
    assert len(image.getexif()) == 0
    assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert not {"exif", "xmp", "icc_profile", "comment"} & set(image.info)
    for trace in (b"Exif", b"PhoneMaker", b"xmpmeta", b"secret place", b"not-a-real-profile"):
        assert trace not in raw


async def test_a_phone_photo_is_stored_upright_and_without_any_metadata(
    cast: Cast, settings, tmp_path
):
    config = with_media(settings, tmp_path)
    [photo] = await _store(cast, config, Upload("IMG_0001.jpg", phone_jpeg(), "image/jpeg"))

    image, raw = _read_back(config, photo.path)
    assert_no_metadata(image, raw)
    assert image.size == (20, 40)  # Orientation=6 applied: the sideways 40x20 now stands upright
    assert _near(image.getpixel((10, 5)), RED) and _near(image.getpixel((10, 35)), BLUE)
    row = await Photo.get(id=photo.id)
    assert (row.width, row.height, row.bytes) == (20, 40, len(raw))
    assert row.stage == PhotoStage.REQUEST and row.uploaded_by_id == cast.resident.id
    assert row.thumb_path == "" and not row.approved
    assert row.path.startswith("photos/originals/") and "IMG_0001" not in row.path
    assert (config.media_dir / row.path).stat().st_mode & 0o077 == 0  # private to Doorstep


def _near(pixel: object, colour: tuple[int, int, int]) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) < 40 for a, b in zip(pixel, colour, strict=True))


async def test_transparent_pngs_are_laid_on_white(cast: Cast, settings, tmp_path):
    config = with_media(settings, tmp_path)
    alpha, palette = await _store(
        cast,
        config,
        Upload("a.png", transparent_png()),
        Upload("p.png", palette_png_with_transparency()),
    )
    image, raw = _read_back(config, alpha.path)
    assert_no_metadata(image, raw)
    assert image.mode == "RGB"
    assert _near(image.getpixel((2, 5)), (255, 255, 255))
    assert _near(image.getpixel((17, 5)), BLUE)
    image, _ = _read_back(config, palette.path)
    assert _near(image.getpixel((1, 5)), (255, 255, 255))
    assert _near(image.getpixel((8, 5)), RED)


async def test_a_webp_is_accepted_and_stored_as_jpeg(cast: Cast, settings, tmp_path):
    config = with_media(settings, tmp_path)
    [photo] = await _store(cast, config, Upload("x.webp", webp(), "image/webp"))
    image, raw = _read_back(config, photo.path)
    assert_no_metadata(image, raw)
    assert image.size == (30, 20)


async def test_the_name_and_declared_type_do_not_matter_only_the_bytes(
    cast: Cast, settings, tmp_path
):
    config = with_media(settings, tmp_path)
    [photo] = await _store(cast, config, Upload("notes.txt", webp(), "text/plain"))
    assert (photo.width, photo.height) == (30, 20)


async def test_a_big_photo_is_shrunk_to_the_long_side_limit(cast: Cast, settings, tmp_path):
    config = with_media(settings, tmp_path)
    [photo] = await _store(cast, config, Upload("wide.jpg", plain_jpeg((3000, 1000))))
    image, _ = _read_back(config, photo.path)
    assert image.size == (photos.MAX_SIDE, 853) == (photo.width, photo.height)


def _truncated() -> bytes:
    data = noisy_jpeg()
    return data[: len(data) // 2]


def _oversized() -> bytes:
    """A valid photo padded past the limit: decoders ignore trailing bytes, the limit does not."""
    data = plain_jpeg()
    return data + b"\0" * (photos.MAX_PHOTO_BYTES + 1 - len(data))


BAD_UPLOADS: dict[str, tuple[Callable[[], bytes], str]] = {
    "a PNG bomb of 400 megapixels": (lambda: bomb_png(20000), photos.TOO_MANY_PIXELS),
    "a PNG of 100 megapixels, past pillow's warning": (
        lambda: bomb_png(10000),
        photos.TOO_MANY_PIXELS,
    ),
    "a PNG of 49 megapixels, past our limit": (lambda: bomb_png(7000), photos.TOO_MANY_PIXELS),
    "a truncated JPEG": (_truncated, photos.DAMAGED),
    "a text file renamed .jpg": (lambda: b"just some notes\n" * 20, photos.NOT_AN_IMAGE),
    "zero bytes": (lambda: b"", photos.NOT_AN_IMAGE),
    "an oversized file": (_oversized, photos.TOO_LARGE),
    "a GIF": (lambda: encoded(Image.new("P", (4, 4)), "GIF"), photos.NOT_AN_IMAGE),
    "a BMP": (lambda: encoded(Image.new("RGB", (4, 4)), "BMP"), photos.NOT_AN_IMAGE),
}


@pytest.mark.parametrize("kind", list(BAD_UPLOADS))
async def test_a_bad_upload_is_refused_and_leaves_nothing_behind(
    kind: str, cast: Cast, settings, tmp_path
):
    config = with_media(settings, tmp_path)
    need = await a_need(cast)
    [kept] = await _store(cast, config, Upload("kept.jpg", plain_jpeg()), need=need)
    before = files_under(tmp_path)
    make, message = BAD_UPLOADS[kind]

    with pytest.raises(ValidationFailed) as refused:
        await _store(cast, config, Upload("good.jpg", webp()), Upload("x.jpg", make()), need=need)

    assert refused.value.message == message
    assert refused.value.fields == {"photos": message}
    assert refused.value.params == {"file": "x.jpg"}
    assert [p.id for p in await Photo.all()] == [kept.id]
    assert files_under(tmp_path) == before


async def test_a_seventh_photo_is_refused_and_leaves_nothing_behind(cast: Cast, settings, tmp_path):
    config = with_media(settings, tmp_path)
    need = await a_need(cast)
    four = await _store(
        cast, config, *[Upload(f"{i}.jpg", plain_jpeg()) for i in range(4)], need=need
    )
    before = files_under(tmp_path)

    with pytest.raises(ValidationFailed) as refused:
        await _store(cast, config, *[Upload(f"{i}.jpg", webp()) for i in range(3)], need=need)

    assert refused.value.fields == {"photos": photos.TOO_MANY}
    assert sorted(p.id for p in await Photo.all()) == [p.id for p in four]
    assert files_under(tmp_path) == before
    await _store(cast, config, *[Upload(f"{i}.jpg", webp()) for i in range(2)], need=need)
    assert await Photo.filter(need=need).count() == photos.MAX_PHOTOS


async def test_seven_photos_at_once_are_refused_before_any_is_read(cast: Cast, settings, tmp_path):
    config = with_media(settings, tmp_path)
    with pytest.raises(ValidationFailed) as refused:
        await _store(cast, config, *[Upload(f"{i}.jpg", b"") for i in range(7)])
    assert refused.value.message == photos.TOO_MANY
    assert files_under(tmp_path) == [] and await Photo.all().count() == 0


async def test_the_limit_is_counted_per_stage(cast: Cast, settings, tmp_path):
    config = with_media(settings, tmp_path)
    need = await a_need(cast)
    await _store(cast, config, *[Upload(f"{i}.jpg", plain_jpeg()) for i in range(6)], need=need)
    [fix] = await photos.store_uploads(
        [Upload("fixed.jpg", plain_jpeg())],
        need=need,
        stage=PhotoStage.RESOLUTION,
        uploaded_by=cast.staff_a,
        settings=config,
    )
    assert fix.stage == PhotoStage.RESOLUTION


async def test_photos_and_their_need_are_saved_in_one_transaction(cast: Cast, settings, tmp_path):
    config = with_media(settings, tmp_path)
    async with photos.batch([Upload("a.jpg", phone_jpeg())], config) as pending, in_transaction():
        need = await a_need(cast)
        [photo] = await pending.attach(need=need, stage=PhotoStage.REQUEST, uploaded_by=None)
    assert (await Photo.get(id=photo.id)).need_id == need.id
    assert files_under(config.media_dir) == [photo.path]


async def test_a_rolled_back_transaction_keeps_no_photo_files(cast: Cast, settings, tmp_path):
    config = with_media(settings, tmp_path)
    need = await a_need(cast)
    with pytest.raises(LookupError):
        async with (
            photos.batch([Upload("a.jpg", plain_jpeg())], config) as pending,
            in_transaction(),
        ):
            await pending.attach(need=need, stage=PhotoStage.REQUEST, uploaded_by=None)
            raise LookupError("something after the photos failed")
    assert await Photo.all().count() == 0
    assert files_under(tmp_path) == []


async def test_a_batch_never_attached_keeps_no_files(settings, tmp_path, db):
    config = with_media(settings, tmp_path)
    async with photos.batch([Upload("a.jpg", plain_jpeg())], config):
        assert len(files_under(tmp_path)) == 1
    assert files_under(tmp_path) == []


async def test_a_batch_is_opened_outside_the_transaction_and_attached_inside(
    cast: Cast, settings, tmp_path
):
    config = with_media(settings, tmp_path)
    need = await a_need(cast)
    with pytest.raises(RuntimeError):
        async with in_transaction(), photos.batch([Upload("a.jpg", plain_jpeg())], config):
            pass
    with pytest.raises(RuntimeError):
        async with photos.batch([Upload("a.jpg", plain_jpeg())], config) as pending:
            await pending.attach(need=need, stage=PhotoStage.REQUEST, uploaded_by=None)
    assert files_under(tmp_path) == []


async def test_open_original_gives_the_file_and_open_thumbnail_waits_for_the_job(
    cast: Cast, settings, tmp_path
):
    config = with_media(settings, tmp_path)
    [photo] = await _store(cast, config, Upload("a.jpg", plain_jpeg()))
    path = photos.open_original(photo, config)
    assert path == (config.media_dir / photo.path).resolve() and path.is_file()
    with pytest.raises(NotFound):
        photos.open_thumbnail(photo, config)
    photo.path = "../../../etc/passwd"  # a row tampered with cannot point outside the media dir
    with pytest.raises(NotFound):
        photos.open_original(photo, config)


async def test_form_uploads_skip_empty_inputs_and_read_at_most_past_the_limit():
    def upload(name: str, data: bytes) -> UploadFile:
        headers = Headers({"content-type": "image/jpeg"})
        return UploadFile(io.BytesIO(data), filename=name, headers=headers)

    big = b"x" * (photos.MAX_PHOTO_BYTES + 100)
    uploads = await photos.read_uploads(
        [upload("", b""), upload("a.jpg", b"abc"), upload("b", big)]
    )
    assert [(u.filename, len(u.data), u.content_type) for u in uploads] == [
        ("a.jpg", 3, "image/jpeg"),
        ("b", photos.MAX_PHOTO_BYTES + 1, "image/jpeg"),
    ]


@pytest.mark.skipif(photos.HEIC, reason="pillow-heif is installed: HEIC is accepted")
async def test_heic_is_refused_with_its_own_message_without_pillow_heif(
    cast: Cast, settings, tmp_path
):
    config = with_media(settings, tmp_path)
    heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 100
    with pytest.raises(ValidationFailed) as refused:
        await _store(cast, config, Upload("IMG_0002.HEIC", heic, "image/heic"))
    assert refused.value.message == photos.NO_HEIC
    assert files_under(tmp_path) == []


@pytest.mark.skipif(not photos.HEIC, reason="needs pillow-heif")
async def test_heic_is_accepted_with_pillow_heif(cast: Cast, settings, tmp_path):
    config = with_media(settings, tmp_path)
    heic = encoded(Image.new("RGB", (32, 16), RED), "HEIF", quality=90)
    [photo] = await _store(cast, config, Upload("IMG_0003.HEIC", heic))
    image, raw = _read_back(config, photo.path)
    assert_no_metadata(image, raw)
    assert image.size == (32, 16)


def test_the_limits_in_the_messages_are_the_limits_in_force():
    assert f"{photos.MAX_PHOTOS} photos" in photos.TOO_MANY
    assert f"{photos.MAX_PHOTO_BYTES // 2**20} MB" in photos.TOO_LARGE
    assert f"{photos.MAX_PIXELS // 10**6} megapixels" in photos.TOO_MANY_PIXELS
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_files_under_sees_hidden_temporary_files(tmp_path: Path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / ".x.part").write_bytes(b"")
    assert files_under(tmp_path) == ["d/.x.part"]
