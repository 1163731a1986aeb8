"""Per-process caches of what residents read most and staff change rarely, kept correct across
processes by a stamp in the database.

A change to what a cache holds bumps its stamp inside the change's own transaction
(``bump``). A reader reads the stamp first, then the cache: when the stamp moved since the cache
was filled, the cache is emptied and filled again from the database. The stamp is read before
anything is computed, so a value computed from rows older than a bump is always filed under the
older stamp and never served after it: every process sees a committed change on its next
request, with no time-to-live and no message between processes. Redis is not involved: pages
stay fast and correct while it is away.

What is cached are plain read-only values built for pages; nothing taken from a cache may be
changed or saved.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from tortoise import connections
from tortoise.expressions import F

from server.models.stamps import Stamp

T = TypeVar("T")

# Centres, their nodes, hours, closures, services, materials and notices, and the tree: what
# the directory, the centre pages and the service pages show to anyone.
PLACES = "places"


async def bump(name: str) -> None:
    """Tell every process that what ``name`` caches has changed (call inside the change's
    transaction, so the stamp moves exactly when the change commits)."""
    if not await Stamp.filter(name=name).update(value=F("value") + 1):
        await Stamp.bulk_create([Stamp(name=name, value=1)], ignore_conflicts=True)


async def stamp(name: str) -> int:
    """The stamp's current value, in one small statement (0 before the first bump)."""
    conn = connections.get("default")
    marker = "?" if conn.capabilities.dialect == "sqlite" else "$1"
    rows = await conn.execute_query_dict(
        f'SELECT "value" FROM "stamps" WHERE "name" = {marker}', [name]
    )
    return int(rows[0]["value"]) if rows else 0


class Cache:
    """Values by key, valid for one stamp, at most ``size`` of them (least recently used go)."""

    def __init__(self, name: str, size: int) -> None:
        self.name = name
        self.size = size
        self.at: int | None = None
        self.values: OrderedDict[Any, Any] = OrderedDict()

    async def view(self) -> View:
        """The cache as of the stamp now: read once per request, then ``get`` from it."""
        now = await stamp(self.name)
        if now != self.at:
            self.values.clear()
            self.at = now
        return View(self, now)

    def clear(self) -> None:
        self.values.clear()
        self.at = None


class View:
    def __init__(self, cache: Cache, at: int) -> None:
        self.cache = cache
        self.at = at

    async def get(self, key: Any, compute: Callable[[], Awaitable[T]]) -> T:
        cache = self.cache
        if key in cache.values and cache.at == self.at:
            cache.values.move_to_end(key)
            return cache.values[key]  # type: ignore[no-any-return]
        value = await compute()
        # Not filed under a stamp that moved while computing; and nothing is kept for what was
        # not found, so addresses made up by the thousand cannot push real entries out.
        if value is not None and cache.at == self.at:
            cache.values[key] = value
            if len(cache.values) > cache.size:
                cache.values.popitem(last=False)
        return value


places = Cache(PLACES, size=20_000)


def clear_all() -> None:
    """Forget everything cached (a new database opened, or emptied between tests)."""
    places.clear()
