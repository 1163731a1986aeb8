"""The places cache: pages read it, writers bump its stamp, and no process serves what a
committed change made old (server/cache.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx

from server import cache
from server.domain import centre_setup
from server.domain.audit import CLI
from server.models.places import Centre, Service
from server.models.stamps import Stamp
from tests.cast import Cast
from tests.domain.booking_fixtures import make_service
from tests.querycount import counting


async def test_a_stamp_reads_0_until_bumped_then_counts_up(db):
    assert await cache.stamp(cache.PLACES) == 0
    await cache.bump(cache.PLACES)
    await cache.bump(cache.PLACES)
    assert await cache.stamp(cache.PLACES) == 2
    assert (await Stamp.get(name=cache.PLACES)).value == 2


async def test_a_cached_page_costs_one_statement_and_a_bump_refreshes_it(
    client: httpx.AsyncClient, cast: Cast
):
    page = f"/centres/{cast.centre_a.code}"
    assert cast.centre_a.name in (await client.get(page)).text
    with counting() as warm:
        again = await client.get(page)
    assert again.status_code == 200 and warm.count == 1, str(warm)  # the stamp only

    # Another process renames the centre: without a bump this process keeps its copy (so the
    # cache is really used), with the bump it reads the new name on its next request.
    await Centre.filter(id=cast.centre_a.id).update(name="甲社区新站")
    assert "甲社区新站" not in (await client.get(page)).text
    await cache.bump(cache.PLACES)
    assert "甲社区新站" in (await client.get(page)).text


async def test_what_staff_change_shows_at_once_on_the_service_page(
    client: httpx.AsyncClient, cast: Cast, settings
):
    service = await make_service(cast)
    page = f"/services/{service.code}"
    assert service.name in (await client.get(page)).text
    fresh = await Service.get(id=service.id)
    form = {name: str(getattr(fresh, name)) for name in (*centre_setup.TEXTS, *centre_setup.RULES)}
    form.update(category=fresh.category.value, bookable="on", is_active="on", reminder_hours="24")
    form["name"] = "新名字的事项"
    change = centre_setup.Change(cast.staff_a, cast.centre_a, settings, CLI, datetime.now(UTC))
    outcome = await centre_setup.update_service(change, fresh, form)
    assert outcome.applied
    assert "新名字的事项" in (await client.get(page)).text


async def test_a_value_computed_across_a_bump_is_not_kept(db):
    places = cache.Cache("test", size=10)
    view = await places.view()

    async def compute() -> str:
        await cache.bump("test")  # a change commits while the value is being computed
        await places.view()  # and another request of this process sees the new stamp
        return "old"

    assert await view.get("k", compute) == "old"
    assert "k" not in places.values


async def test_the_least_recently_used_go_first(db):
    small = cache.Cache("lru", size=2)
    view = await small.view()
    for key in ("a", "b", "a", "c"):

        async def value(key: str = key) -> str:
            return key

        await view.get(key, value)
    assert list(small.values) == ["a", "c"]


async def test_an_unknown_or_closed_centre_is_404_even_when_cached(
    client: httpx.AsyncClient, cast: Cast
):
    assert (await client.get("/centres/NOPE")).status_code == 404
    assert (await client.get("/centres/NOPE")).status_code == 404
    await Centre.filter(id=cast.centre_b.id).update(is_active=False)
    await cache.bump(cache.PLACES)
    assert (await client.get(f"/centres/{cast.centre_b.code}")).status_code == 404
