"""A city-sized dataset (``doorstep seed-demo --scale city``): the demo city grown to 16 districts,
300 streets, 3,000 communities, 5,000 centres, 200,000 members and two years of bookings, needs
and volunteer hours, written in minutes.

Every id is assigned here, so rows of one table can name rows of another without asking the
database; each table is written in dependency order with ``COPY`` on PostgreSQL (into the schema
the migrations made, indexes and constraints included), in one transaction, then analysed.
SQLite gets only a small fraction of the city, through the ORM's ``bulk_create``, so the tests
can check the same rows on both databases. The rows have the shapes the demo seed writes (and
the domain would): paths and their copies, slot counters, need events, claims and the ledger.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

import asyncpg
from tortoise import Tortoise
from tortoise.transactions import in_transaction

from server.security.passwords import hash_password
from server.seed import demo
from server.seed import demo_data as data
from server.seed.city_bookings import seed_bookings
from server.seed.city_context import CityContext, Sizes
from server.seed.city_needs import seed_needs
from server.seed.city_people import seed_people
from server.seed.city_places import seed_places
from server.seed.city_sink import CopySink, OrmSink
from server.seed.city_tasks import seed_tasks
from server.settings import Settings

SQLITE_MAX_FRACTION = 0.01  # 1% of the city through the ORM takes a minute or two
Progress = Callable[[str], None]


@dataclass
class CityReport:
    """What was written: rows and seconds per table, seconds per step, and in all."""

    sizes: Sizes
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # writing each table
    steps: dict[str, float] = field(default_factory=dict)  # drawing and writing each step
    total: float = 0.0

    def table(self) -> list[str]:
        """A Markdown table: rows per table, seconds writing them and rebuilding their indexes."""
        lines = ["| table | rows | writing (s) | indexes and keys (s) |", "|---|---:|---:|---:|"]
        for table in sorted(self.rows):
            keys = self.seconds.get(f"{table}: indexes and keys")
            rebuilt = "–" if keys is None else f"{keys:.1f}"
            lines.append(
                f"| {table} | {self.rows[table]:,} | {self.seconds[table]:.1f} | {rebuilt} |"
            )
        return lines


def refusal(config: Settings, fraction: float) -> str | None:
    """Why the city cannot be seeded here with this fraction, or None when it can."""
    if not 0 < fraction <= 1:
        return "--fraction is more than 0 and at most 1"
    if config.is_sqlite and fraction > SQLITE_MAX_FRACTION:
        return (
            "the city is seeded on PostgreSQL (set DATABASE_URL=postgres://...); "
            f"on SQLite only a small part of it, --fraction {SQLITE_MAX_FRACTION} or less"
        )
    return None


async def seed_city(
    config: Settings,
    fraction: float = 1.0,
    *,
    now: datetime | None = None,
    password: str = demo.DEMO_PASSWORD,
    progress: Progress | None = None,
) -> CityReport:
    """Fill an empty migrated database with the city, or ``fraction`` of it; see ``refusal``."""
    problem = refusal(config, fraction)
    if problem:
        raise ValueError(problem)
    if not await demo.is_empty():
        raise RuntimeError("the database already has org nodes; the city seeds only an empty one")
    started = time.perf_counter()
    report = CityReport(Sizes.of(fraction))
    now = now or datetime.now(UTC)
    # argon2 is slow on purpose: every user of the city shares this one hash, as in the demo.
    context = CityContext(random.Random(data.SEED), now, hash_password(password))
    context.sizes = report.sizes
    if config.is_sqlite:
        async with in_transaction():
            context.sink = OrmSink()
            await _steps(context, report, progress)
    else:
        await _copy(config.database_url, context, report, progress)
    report.rows, report.seconds = context.sink.rows, context.sink.seconds
    report.total = time.perf_counter() - started
    return report


def tables() -> list[str]:
    """Every table of the app's models."""
    models = Tortoise.apps["models"].values()
    return sorted(m._meta.db_table for m in models if m._meta.db_table != "aerich")


async def _copy(
    url: str, context: CityContext, report: CityReport, progress: Progress | None
) -> None:
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        async with conn.transaction():
            context.sink = sink = CopySink(conn)
            await sink.start(tables())
            await _steps(context, report, progress)
        with _timed(report, "analyze", progress):
            await conn.execute("ANALYZE")
    finally:
        await conn.close()


async def _steps(context: CityContext, report: CityReport, progress: Progress | None) -> None:
    with _timed(report, "places", progress):
        await seed_places(context)
    with _timed(report, "people", progress):
        await seed_people(context)
    with _timed(report, "bookings", progress):
        await seed_bookings(context)
    with _timed(report, "needs", progress):
        plans = await seed_needs(context)
    with _timed(report, "tasks", progress):
        await seed_tasks(context, plans)
    with _timed(report, "indexes, keys, sequences", progress):
        await context.sink.finish()


@contextmanager
def _timed(report: CityReport, name: str, progress: Progress | None) -> Iterator[None]:
    started = time.perf_counter()
    yield
    report.steps[name] = time.perf_counter() - started
    if progress:
        progress(f"  {name}: {report.steps[name]:.1f} s")
