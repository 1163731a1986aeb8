"""A bookable service at centre A, and a fixed 'now', for the booking tests."""

from __future__ import annotations

from datetime import UTC, datetime

from server.models.places import MaterialForm, MaterialItem, Service, ServiceCategory, WeeklyHours
from tests.cast import Cast

NOW = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)  # Tuesday 1 December 2026, 08:00 in Shanghai
WED_0900 = datetime(2026, 12, 2, 1, 0, tzinfo=UTC)  # Wednesday 09:00 in Shanghai
WED_0930 = datetime(2026, 12, 2, 1, 30, tzinfo=UTC)
WED_1000 = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)


async def make_service(cast: Cast, **rules: object) -> Service:
    defaults: dict[str, object] = {
        "duration_minutes": 30,
        "capacity_per_slot": 2,
        "min_lead_minutes": 60,
        "max_days_ahead": 14,
        "cancel_cutoff_minutes": 120,
        "max_active_per_person": 3,
        "max_active_per_beneficiary": 1,
    }
    texts = {"name": "居住证明开具", "name_en": "Proof of residence"}
    service = await Service.create(
        centre=cast.centre_a,
        category=ServiceCategory.CERTIFICATES,
        **{**texts, **defaults, **rules},
    )
    if await WeeklyHours.filter(centre=cast.centre_a).exists():
        return await Service.get(id=service.id).select_related("centre")
    await WeeklyHours.bulk_create(
        [WeeklyHours(centre=cast.centre_a, weekday=d, opens=540, closes=720) for d in range(7)]
        + [WeeklyHours(centre=cast.centre_a, weekday=d, opens=810, closes=1050) for d in range(7)]
    )
    await MaterialItem.create(
        service=service,
        name="居民身份证",
        name_en="Resident ID card",
        form=MaterialForm.ORIGINAL_AND_COPY,
        count=1,
    )
    await MaterialItem.create(
        service=service,
        name="授权委托书",
        name_en="Letter of authorisation",
        condition="代办时提供",
        sort_order=1,
    )
    return await Service.get(id=service.id).select_related("centre")
