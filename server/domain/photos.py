"""Photos of needs and claims: checked, re-encoded without metadata, stored privately.

- ``Upload(filename, data, content_type)`` is one raw upload (``read_uploads`` makes them from
  Starlette ``UploadFile``s). Only the bytes count: the name and type are never trusted.
- ``store_uploads(uploads, need=|claim=, stage=, uploaded_by=, settings=) -> list[Photo]``
  stores a batch in its own transaction, all or nothing: one refused file keeps no row, no file.
- To save photos in the same transaction as something else (a need), open the batch outside it::

      async with photos.batch(uploads, settings) as pending:  # checks and writes the files
          async with in_transaction():
              need = await Need.create(...)
              await pending.attach(need=need, stage=PhotoStage.REQUEST, uploaded_by=user)

  When the block ends, files whose rows did not commit are deleted; the rest get thumbnails.
- Refusals raise ``ValidationFailed`` with ``fields={"photos": message}`` and ``file=<name>``.
- ``make_thumbnail(photo_id, settings)`` is the (idempotent) thumbnail job's work;
  ``missing_thumbnails(now)`` finds photos whose wake-up Redis lost, for the worker's sweep.
- ``open_original(photo, settings)`` and ``open_thumbnail(photo, settings)`` return the path
  for a ``FileResponse``. They do no authorisation: the caller decides who may see which photo
  (originals only those allowed to see the need; public lists only approved photos).

Files live under ``<media dir>/photos/originals`` and ``photos/thumbs``, never under static/.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import os
import secrets
import tempfile
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError
from tortoise import connections
from tortoise.backends.base.client import TransactionalDBClient
from tortoise.transactions import in_transaction

from server import queue
from server.domain.errors import NotFound, ValidationFailed
from server.i18n import N_
from server.models.accounts import User
from server.models.base import new_token
from server.models.members import Claim
from server.models.needs import Need, Photo, PhotoStage
from server.settings import Settings

if TYPE_CHECKING:
    from starlette.datastructures import UploadFile

try:  # HEIC (iPhone photos) only where the optional pillow-heif package is installed
    from pillow_heif import register_heif_opener
except ImportError:
    HEIC = False
else:
    register_heif_opener()
    HEIC = True

log = logging.getLogger(__name__)

MAX_PHOTOS = 6  # per need (or claim) and stage
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 2560  # originals are shrunk to this long side
THUMB_SIDE = 320
QUALITY = 85
THUMB_QUALITY = 80
THUMBNAIL_GRACE = timedelta(minutes=2)  # a newer photo's own wake-up is probably on its way
FORMATS = ("JPEG", "PNG", "WEBP", *(("HEIF",) if HEIC else ()))
HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"}
FIELD = "photos"
ORIGINALS = "photos/originals"
THUMBS = "photos/thumbs"

TOO_LARGE = N_("Each photo may be at most 10 MB.")
TOO_MANY_PIXELS = N_("A photo may have at most 40 megapixels.")
NOT_AN_IMAGE = N_("This file is not a photo we can read. Please send a JPEG, PNG or WebP photo.")
NO_HEIC = N_(
    "HEIC photos cannot be read here yet. Please send a JPEG, PNG or WebP photo "
    "(on an iPhone: Settings › Camera › Formats › Most Compatible)."
)
DAMAGED = N_("This photo is damaged or incomplete. Please send it again.")
TOO_MANY = N_("You can add at most 6 photos.")
NOT_AVAILABLE = N_("This photo is not available.")


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes
    content_type: str = ""


@dataclass(frozen=True)
class Prepared:
    """An upload re-encoded as a metadata-free JPEG."""

    jpeg: bytes
    width: int
    height: int


async def read_uploads(files: Iterable[UploadFile]) -> list[Upload]:
    """Uploads from form files; an empty file input is skipped, a huge file read only in part."""
    uploads = []
    for file in files:
        data = await file.read(MAX_PHOTO_BYTES + 1)  # one byte past the limit tells "too large"
        if data or file.filename:
            uploads.append(Upload(file.filename or "", data, file.content_type or ""))
    return uploads


def _refuse(message: str, upload: Upload | None = None) -> ValidationFailed:
    name = upload.filename if upload else ""
    return ValidationFailed(message, fields={FIELD: message}, file=name)


def prepare(upload: Upload) -> Prepared:
    """Check one upload is a whole photo within the limits, and re-encode it (CPU-bound)."""
    if len(upload.data) > MAX_PHOTO_BYTES:
        raise _refuse(TOO_LARGE, upload)
    if ImageFile.LOAD_TRUNCATED_IMAGES:  # someone switched it on: truncated files would pass
        raise RuntimeError("photos need PIL.ImageFile.LOAD_TRUNCATED_IMAGES = False")
    image = _open(upload)
    try:
        image.load()  # decode every byte: verify() alone misses truncated or corrupt data
        return _reencode(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse(TOO_MANY_PIXELS, upload) from None
    except Exception:  # any decoder error on untrusted bytes means the file is damaged
        raise _refuse(DAMAGED, upload) from None


def _open(upload: Upload) -> Image.Image:
    """The header, read by an accepted decoder, and its size checked before any decoding."""
    try:
        image = Image.open(io.BytesIO(upload.data), formats=FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow's own limit, far above ours, warns (an error under pytest) or raises.
        raise _refuse(TOO_MANY_PIXELS, upload) from None
    except UnidentifiedImageError:
        heic = upload.data[4:8] == b"ftyp" and upload.data[8:12] in HEIC_BRANDS
        raise _refuse(NO_HEIC if heic else NOT_AN_IMAGE, upload) from None
    except Exception:
        raise _refuse(DAMAGED, upload) from None
    if image.width * image.height > MAX_PIXELS:
        raise _refuse(TOO_MANY_PIXELS, upload)
    return image


def _reencode(image: Image.Image) -> Prepared:
    image = ImageOps.exif_transpose(image) or image  # turned upright before EXIF is dropped
    image = _on_white(image)
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    return Prepared(_jpeg(image, QUALITY), image.width, image.height)


def _on_white(image: Image.Image) -> Image.Image:
    """RGB, with anything transparent laid on white (JPEG has no alpha)."""
    if image.mode in {"RGBA", "LA", "PA", "RGBa", "La"} or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def _jpeg(image: Image.Image, quality: int) -> bytes:
    """A JPEG of the pixels alone: EXIF (GPS included), XMP, ICC and comments stay behind."""
    image.info.clear()  # some encoders fall back to the source's info for what to embed
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True)
    return buffer.getvalue()


def _write(settings: Settings, relative: str, data: bytes) -> None:
    """Write a file whole or not at all: a temporary file in place, then an atomic rename."""
    target = settings.media_dir / relative
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())  # the row that points here may commit right after
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _remove(settings: Settings, relative: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        (settings.media_dir / relative).unlink()


@dataclass(frozen=True)
class Written:
    path: str  # relative to the media directory
    photo: Prepared


def _prepare_and_write(uploads: Sequence[Upload], settings: Settings) -> list[Written]:
    """Check every upload first, then write them all; on any failure none is left."""
    prepared = [prepare(upload) for upload in uploads]
    written: list[Written] = []
    try:
        for photo in prepared:
            name = secrets.token_hex(16)
            written.append(Written(f"{ORIGINALS}/{name[:2]}/{name}.jpg", photo))
            _write(settings, written[-1].path, photo.jpeg)
    except BaseException:
        for item in written:
            _remove(settings, item.path)
        raise
    return written


@dataclass
class Batch:
    """Files written for one batch, waiting for their rows (see ``batch``)."""

    files: list[Written]
    public_ids: list[str] = field(default_factory=list)

    async def attach(
        self,
        *,
        need: Need | None = None,
        claim: Claim | None = None,
        stage: PhotoStage,
        uploaded_by: User | None,
    ) -> list[Photo]:
        """Write the rows, inside the caller's transaction; refuses a batch that does not fit."""
        if (need is None) == (claim is None):
            raise ValueError("a photo belongs to exactly one need or claim")
        if self.public_ids or not _in_transaction():
            raise RuntimeError("attach a batch once, inside a transaction")
        await _check_room(need, claim, stage, len(self.files))
        rows = []
        for item in self.files:
            rows.append(await _create(item, need, claim, stage, uploaded_by))
            self.public_ids.append(rows[-1].public_id)
        return rows


async def _create(
    item: Written, need: Need | None, claim: Claim | None, stage: PhotoStage, by: User | None
) -> Photo:
    return await Photo.create(
        public_id=new_token(),
        need=need,
        claim=claim,
        stage=stage,
        path=item.path,
        width=item.photo.width,
        height=item.photo.height,
        bytes=len(item.photo.jpeg),
        uploaded_by=by,
    )


def _in_transaction() -> bool:
    return isinstance(connections.get("default"), TransactionalDBClient)


async def _check_room(
    need: Need | None, claim: Claim | None, stage: PhotoStage, adding: int
) -> None:
    """Refuse photos past the limit. The owner's row is locked first (PostgreSQL; SQLite write
    transactions are serial anyway) so two batches at once cannot both squeeze in."""
    if need is not None:
        await Need.select_for_update().get(id=need.id)
        present = await Photo.filter(need_id=need.id, stage=stage).count()
    else:
        assert claim is not None
        await Claim.select_for_update().get(id=claim.id)
        present = await Photo.filter(claim_id=claim.id, stage=stage).count()
    if present + adding > MAX_PHOTOS:
        raise _refuse(TOO_MANY)


@contextlib.asynccontextmanager
async def batch(uploads: Sequence[Upload], settings: Settings) -> AsyncIterator[Batch]:
    """Check and write a batch's files; at the end keep only those whose rows committed."""
    if _in_transaction():
        raise RuntimeError("open a photo batch outside the transaction that attaches it")
    if len(uploads) > MAX_PHOTOS:
        raise _refuse(TOO_MANY)
    pending = Batch(await asyncio.to_thread(_prepare_and_write, uploads, settings))
    try:
        yield pending
    finally:
        await _settle(pending, settings)


async def _settle(pending: Batch, settings: Settings) -> None:
    """Delete the files of rows that did not commit; ask for thumbnails of the rest."""
    try:
        rows = await Photo.filter(public_id__in=pending.public_ids).values_list("id", "path")
    except Exception:  # cannot tell what committed: an orphan file beats a row without one
        log.exception("could not check which photos were saved; keeping their files")
        return
    kept = {path for _, path in rows}
    for item in pending.files:
        if item.path not in kept:
            _remove(settings, item.path)
    await wake_thumbnails([photo_id for photo_id, _ in rows], settings)


async def store_uploads(
    uploads: Sequence[Upload],
    *,
    need: Need | None = None,
    claim: Claim | None = None,
    stage: PhotoStage,
    uploaded_by: User | None,
    settings: Settings,
) -> list[Photo]:
    """Store a batch of photos for one need or claim, all or nothing."""
    if not uploads:
        return []
    async with batch(uploads, settings) as pending, in_transaction():
        return await pending.attach(need=need, claim=claim, stage=stage, uploaded_by=uploaded_by)


def thumbnail_job_id(photo_id: int) -> str:
    return f"thumbnail:{photo_id}"


async def wake_thumbnails(photo_ids: Iterable[int], settings: Settings) -> None:
    """Enqueue the thumbnail jobs (after commit); if Redis is away, the sweep finds them later."""
    for photo_id in photo_ids:
        job_id = thumbnail_job_id(photo_id)
        await queue.enqueue(settings, "make_thumbnail", photo_id, job_id=job_id)


def _thumb_path(photo: Photo) -> str:
    name = Path(photo.path).name
    return f"{THUMBS}/{name[:2]}/{name}"


def _thumbnail(source: Path) -> bytes:
    with Image.open(source, formats=["JPEG"]) as image:
        image.draft("RGB", (THUMB_SIDE * 2, THUMB_SIDE * 2))  # decode at a fraction: faster
        image.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
        return _jpeg(image.convert("RGB"), THUMB_QUALITY)


async def make_thumbnail(photo_id: int, settings: Settings) -> str:
    """Make a photo's thumbnail if it has none; safe to run any number of times."""
    photo = await Photo.get_or_none(id=photo_id)
    if photo is None:
        return "gone"
    relative = _thumb_path(photo)
    if photo.thumb_path == relative and (settings.media_dir / relative).is_file():
        return "exists"
    source = settings.media_dir / photo.path
    if not source.is_file():
        log.error("photo %s has no original at %s", photo.id, source)
        return "no original"
    data = await asyncio.to_thread(_thumbnail, source)
    # The name follows the original's, so two runs at once write the same file.
    await asyncio.to_thread(_write, settings, relative, data)
    if not await Photo.filter(id=photo_id).update(thumb_path=relative):
        _remove(settings, relative)  # the photo was deleted meanwhile
        return "gone"
    return "made"


async def missing_thumbnails(now: datetime, limit: int = 500) -> list[int]:
    """Photos still without a thumbnail a while after upload: their wake-up was lost."""
    rows = Photo.filter(thumb_path="", created_at__lte=now - THUMBNAIL_GRACE).order_by("id")
    return [row.id for row in await rows.limit(limit).only("id")]


def _existing(settings: Settings, relative: str) -> Path:
    root = settings.media_dir.resolve()
    path = (root / relative).resolve()
    if not relative or not path.is_relative_to(root) or not path.is_file():
        raise NotFound(NOT_AVAILABLE)
    return path


def open_original(photo: Photo, settings: Settings) -> Path:
    """The original's file for a FileResponse; the caller has checked who may see it."""
    return _existing(settings, photo.path)


def open_thumbnail(photo: Photo, settings: Settings) -> Path:
    """The thumbnail's file (NotFound until the job made it); the caller checks who may see it."""
    return _existing(settings, photo.thumb_path)
