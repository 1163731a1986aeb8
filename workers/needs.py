"""Timed work on needs: escalating what is past its promised time."""

from __future__ import annotations

from typing import Any

from server import settings
from server.domain import need_deadlines


async def escalate_needs(ctx: dict[str, Any]) -> dict[str, int]:
    """Tell the centre, then the node above, of each late need, once per level."""
    return {"escalated": await need_deadlines.escalate_late(settings.get())}
