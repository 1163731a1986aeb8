"""Database set-up: the Tortoise config, start/stop, and migrations per SQL dialect."""

from __future__ import annotations

import asyncio
import copy
import importlib
import logging
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
from tortoise import Tortoise
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.backends.base.config_generator import expand_db_url

from server import cache, sql
from server.models import MODEL_MODULES
from server.settings import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
T = TypeVar("T")
log = logging.getLogger(__name__)

# What a query raises when the database cannot be reached or cuts the connection, e.g. while
# PostgreSQL restarts: refused (OSError), "shutting down" or "starting up", a connection
# terminated mid-query, or one asyncpg left half-way through that operation.
UNAVAILABLE: tuple[type[Exception], ...] = (
    OSError,
    asyncpg.PostgresConnectionError,
    asyncpg.OperatorInterventionError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
)


def dialect(database_url: str) -> str:
    """``sqlite`` or ``postgres``: aerich writes SQL per dialect, so each has its own folder."""
    return "sqlite" if database_url.startswith("sqlite") else "postgres"


async def _keep_session(connection: asyncpg.Connection) -> None:
    """What the pool does to a connection given back, after asyncpg has rolled back any open
    transaction: nothing more. asyncpg's default sends a "reset" round trip (unlock advisory
    locks, close cursors, UNLISTEN, RESET ALL) on every release, and Tortoise acquires and
    releases a connection for every statement outside a transaction: that doubled the round
    trips of a page. Doorstep leaves no session state to reset: its advisory locks are all
    transaction-scoped (``pg_advisory_xact_lock``), settings are given only when a connection
    opens (``server_settings``), and it neither listens nor keeps cursors."""


# Connections a process may hold at once (``?maxsize=N`` on ``DATABASE_URL`` overrides it). A
# web process has as many requests in flight as it has busy clients, and a request that has its
# statement's answer holds the connection until the event loop gets back to it, behind every
# page then rendering: with Tortoise's default of 5, pages queued for a connection behind
# requests queued for the CPU, and a centre page's p99 at 32 clients was 110-220 ms where its
# p50 was 20 (bench/RESULTS.md, fourth session); with 20 it is 43-47. A worker runs short
# jobs and keeps the default.
WEB_POOL = 20
WORKER_POOL = 5


def tortoise_config(settings: Settings, pool: int = WORKER_POOL) -> dict[str, Any]:
    url = settings.database_url
    if dialect(url) == "sqlite":
        connection: dict[str, Any] | str = {
            "engine": "server.sqlite_backend",
            "credentials": {
                "file_path": url[len("sqlite://") :],
                # WAL lets readers go on while one writer writes; several processes share it.
                "journal_mode": "WAL",
                # Safe with WAL: a crash of Doorstep loses nothing; only a power cut may lose
                # the last commits. FULL would fsync every commit: a few dozen writes a second.
                "synchronous": "NORMAL",
                "journal_size_limit": 16 * 1024 * 1024,
                "foreign_keys": "ON",
                "busy_timeout": 10000,
            },
        }
    else:
        connection = expand_db_url(url)
        # asyncpg prepares every statement, and after five runs PostgreSQL may keep one generic
        # plan for it, made once with no values and the table sizes of that moment. A subtree
        # filter `node_path LIKE $1` can use its pattern index only when the planner sees the
        # prefix (with a generic plan a street's dashboard read every need event of the city:
        # 350 ms instead of 15), and a plan made while a table was small stays a scan of it
        # after it has grown (the outbox's `id IN (...)` read took 7 ms on 80,000 rows until
        # the next ANALYZE). Planning every statement with its values costs pages of many small
        # statements about a tenth of their time; it is worth never meeting either.
        settings_ = connection["credentials"].setdefault("server_settings", {})
        settings_.setdefault("plan_cache_mode", "force_custom_plan")
        connection["credentials"].setdefault("reset", _keep_session)
        connection["credentials"].setdefault("maxsize", pool)
    return {
        "connections": {"default": connection},
        "apps": {"models": {"models": [*MODEL_MODULES, "aerich.models"]}},
        "use_tz": True,
        "timezone": "UTC",
    }


async def open_db(settings: Settings, pool: int = WORKER_POOL) -> None:
    """Connect this process to the database (one global context for all tasks), with at most
    ``pool`` connections on PostgreSQL (``WEB_POOL`` for a web process), and half as many
    again for the lookups by key (``sql.keep_plans``)."""
    cache.clear_all()  # what was cached came from whichever database was open before
    config = tortoise_config(settings, pool)
    await Tortoise.init(config=config, _enable_global_fallback=True)
    if dialect(settings.database_url) == "postgres":
        sql.keep_plans(_planned_once_pool(config["connections"]["default"]))


def _planned_once_pool(default: dict[str, Any]) -> BaseDBAsyncClient:
    """A client like the default one, planning as PostgreSQL does by default; its pool opens
    on first use."""
    credentials = copy.deepcopy(default["credentials"])
    credentials["server_settings"]["plan_cache_mode"] = "auto"
    credentials["maxsize"] = max(2, int(credentials["maxsize"]) // 2)
    client_class = importlib.import_module(default["engine"]).client_class
    return client_class(connection_name="planned_once", **credentials)  # type: ignore[no-any-return]


async def close_db() -> None:
    cache.clear_all()
    planned = sql.planned_once()
    if planned is not None:
        sql.keep_plans(None)
        await planned.close()
    await Tortoise.close_connections()


def migrations_location(settings: Settings) -> str:
    return str(MIGRATIONS_DIR / dialect(settings.database_url))


async def patiently(operation: Callable[[], Awaitable[T]], seconds: float, what: str) -> T:
    """``operation()``, tried again while the database is unavailable, for up to ``seconds``."""
    deadline = time.monotonic() + seconds
    pause = 0.5
    while True:
        try:
            return await operation()
        except UNAVAILABLE as error:
            if time.monotonic() + pause > deadline:
                raise
            log.warning("%s waits for the database: %s", what, error)
            await asyncio.sleep(pause)
            pause = min(pause * 2, 5.0)
