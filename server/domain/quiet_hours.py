"""Quiet hours: non-urgent SMS and email wait until the recipient's morning."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo


def inside(minute: int, start: int, end: int) -> bool:
    """Whether ``minute`` after midnight falls in the window [start, end), which may wrap."""
    if start == end:
        return False
    if start < end:
        return start <= minute < end
    return minute >= start or minute < end


def next_allowed(at: datetime, window: tuple[int, int], tz: str) -> datetime:
    """``at`` itself outside the quiet window, else the window's end (UTC, like ``at``)."""
    start, end = window
    local = at.astimezone(ZoneInfo(tz))
    minute = local.hour * 60 + local.minute
    if not inside(minute, start, end):
        return at
    end_today = local.replace(hour=end // 60, minute=end % 60, second=0, microsecond=0)
    wake = end_today if minute < end else end_today + timedelta(days=1)
    return wake.astimezone(at.tzinfo)
