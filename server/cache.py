"""Per-process caches of what residents read most and staff change rarely, kept correct across
processes by a stamp in the database.

A change to what a cache holds bumps its stamp inside the change's own transaction
(``bump``). A reader reads the stamp first, then the cache: when the stamp moved since the cache
was filled, the cache is emptied and filled again from the database. The stamp is read before
anything is computed, so a value computed from rows older than a bump is always filed under the
older stamp and never served after it: every process sees a committed change on its next
request, with no time-to-live and no message between processes. Redis is not involved: pages
stay fast and correct while it is away.

A ``KeyedCache`` keeps one stamp per key instead (the open tasks of each street), read for all
the keys a request needs in one statement.

What is cached are plain read-only values built for pages; nothing taken from a cache may be
changed or saved.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, Generic, TypeVar

from tortoise.expressions import F

from server import sql
from server.models.stamps import Stamp

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

_keyed: list[KeyedCache[Any, Any]] = []  # for clear_all
_clearers: list[Callable[[], None]] = []

# Centres, their nodes, hours, closures, services, materials and notices, and the tree: what
# the directory, the centre pages and the service pages show to anyone.
PLACES = "places"


def street_tasks(street: str) -> str:
    """The stamp of the open tasks of one street (its path, ``a/b/c/``): new tasks, places
    taken or given back, tasks done. A short hash keeps the name within the column; two streets
    sharing one would only empty each other's entry now and then."""
    return f"tasks:{zlib.crc32(street.encode()):08x}"


async def bump(name: str) -> None:
    """Tell every process that what ``name`` caches has changed (call inside the change's
    transaction, so the stamp moves exactly when the change commits)."""
    if not await Stamp.filter(name=name).update(value=F("value") + 1):
        await Stamp.bulk_create([Stamp(name=name, value=1)], ignore_conflicts=True)


async def stamp(name: str) -> int:
    """The stamp's current value, in one small statement (0 before the first bump)."""
    rows = await sql.fetch('SELECT "value" FROM "stamps" WHERE "name" = $1', [name], plan_once=True)
    return int(rows[0]["value"]) if rows else 0


def member(member_id: int) -> str:
    """The stamp of what "for you" keeps of one member: their pledges (made, changed,
    withdrawn), claims (taken, given back) and invitations (sent, answered, expired)."""
    return f"member:{member_id}"


async def stamps(names: list[str]) -> dict[str, int]:
    """Several stamps in one statement (a missing one reads as 0)."""
    if not names:
        return {}
    rows = await sql.fetch(
        f'SELECT "name", "value" FROM "stamps" WHERE "name" IN ({sql.marks(len(names))})', names
    )
    found = {row["name"]: int(row["value"]) for row in rows}
    return {name: found.get(name, 0) for name in names}


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


class KeyedCache(Generic[K, T]):
    """Values by key, each valid for its own stamp (``stamp_of(key)``): a change to one street's
    tasks empties that street's entry only. At most ``size`` keys (least recently used go)."""

    def __init__(self, stamp_of: Callable[[K], str], size: int) -> None:
        self.stamp_of = stamp_of
        self.size = size
        self.values: OrderedDict[K, tuple[int, T]] = OrderedDict()
        _keyed.append(self)

    async def get_many(
        self,
        keys: list[K],
        compute: Callable[[list[K]], Awaitable[dict[K, T]]],
        known: dict[str, int] | None = None,
    ) -> dict[K, T]:
        """The values of ``keys``: one statement reads their stamps (but those in ``known``,
        read by the caller just before), then what is missing or older than its stamp is
        computed in one call and filed under the stamp read before."""
        names = {key: self.stamp_of(key) for key in keys}
        known = known or {}
        now = {name: known[name] for name in names.values() if name in known}
        now |= await stamps(sorted(set(names.values()) - set(now)))
        found: dict[K, T] = {}
        for key in keys:
            held = self.values.get(key)
            if held is not None and held[0] == now[names[key]]:
                self.values.move_to_end(key)
                found[key] = held[1]
        missing = [key for key in keys if key not in found]
        if missing:
            computed = await compute(missing)
            for key in missing:
                found[key] = computed[key]
                self.values[key] = (now[names[key]], computed[key])
                self.values.move_to_end(key)
            while len(self.values) > self.size:
                self.values.popitem(last=False)
        return found

    def clear(self) -> None:
        self.values.clear()


places = Cache(PLACES, size=20_000)


def forget_on_clear(clear: Callable[[], None]) -> None:
    """Have ``clear_all`` call ``clear``: for a cache kept elsewhere under these stamps."""
    _clearers.append(clear)


def clear_all() -> None:
    """Forget everything cached (a new database opened, or emptied between tests)."""
    places.clear()
    for each in _keyed:
        each.clear()
    for clear in _clearers:
        clear()
