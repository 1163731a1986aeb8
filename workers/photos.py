"""Photo thumbnails: the job, and the sweep that finds photos whose wake-up Redis lost."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from server.domain import photos


async def make_thumbnail(ctx: dict[str, Any], photo_id: int) -> str:
    """Make one photo's thumbnail; a photo that has one, or is gone, is left alone."""
    return await photos.make_thumbnail(photo_id, ctx["settings"])


async def sweep_thumbnails(ctx: dict[str, Any]) -> dict[str, int]:
    """Enqueue a thumbnail job for every photo that still has none a while after upload."""
    ids = await photos.missing_thumbnails(datetime.now(UTC))
    await photos.wake_thumbnails(ids, ctx["settings"])
    return {"photos": len(ids)}
