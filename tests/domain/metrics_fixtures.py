"""Shared by the need-metrics tests: posting and moving needs by a driven clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from server.domain import need_posting, needs
from server.domain.audit import Origin
from server.domain.need_metrics import Rate, month_window
from server.models.needs import Need, NeedCategory, NeedStatus
from server.models.places import Centre
from server.redis_client import get_redis
from server.security import ratelimit
from server.settings import Settings
from tests.cast import Cast

S = NeedStatus
WEB = Origin(ip="10.0.0.3")
H = timedelta(hours=1)
MARCH = month_window(2026, 3)  # [2026-02-28 16:00 UTC, 2026-03-31 16:00 UTC)
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # response due +24 h, resolution +72 h
LATER = datetime(2026, 6, 1, tzinfo=UTC)


def r(numerator: int | str, denominator: int) -> Rate:
    return Rate(Decimal(numerator), denominator)


async def post(
    cast: Cast,
    settings: Settings,
    *,
    at: datetime = NOW,
    centre: Centre | None = None,
    place: str = "",
) -> Need:
    centre = centre or cast.centre_a
    category = await NeedCategory.filter(centre=centre).first() or await NeedCategory.create(
        centre=centre, name="公共设施", response_hours=24, resolution_hours=72
    )
    redis = get_redis(settings)
    await ratelimit.reset(redis, f"needs:post:{cast.resident.id}")  # many posts in one "day"
    form = {"category": category.code, "title": "楼道灯坏了", "place": place}
    return await need_posting.post(cast.resident, centre, form, settings, WEB, redis, now=at)


async def act(
    cast: Cast, settings: Settings, need: Need, action: str, at: datetime, **extra: Any
) -> Need:
    who = cast.resident if action in ("confirm", "reopen") else cast.street_admin
    if action == "assign":
        extra.setdefault("department", "物业")
    return await needs.act(who, need, action, settings, WEB, note="说明", now=at, **extra)


async def walk(cast: Cast, settings: Settings, need: Need, *steps: tuple[str, datetime]) -> Need:
    for action, at in steps:
        if action.startswith("rate:"):
            rating = action.partition(":")[2]
            need = await needs.rate(cast.resident, need, rating, "", settings, WEB, now=at)
        elif action == "unreasonable":
            need = await needs.mark_unreasonable(cast.street_admin, need, "骚扰", WEB, now=at)
        else:
            need = await act(cast, settings, need, action, at)
    return need
