"""Database set-up: the Tortoise config, start/stop, and migrations per SQL dialect."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
from tortoise import Tortoise
from tortoise.backends.base.config_generator import expand_db_url

from server import cache
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


def tortoise_config(settings: Settings) -> dict[str, Any]:
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
        # plan for it. A subtree filter `node_path LIKE $1` can use its pattern index only when
        # the planner sees the prefix: with a generic plan a street's dashboard read every need
        # event of the city (350 ms instead of 15). Planning each time costs far less.
        settings_ = connection["credentials"].setdefault("server_settings", {})
        settings_.setdefault("plan_cache_mode", "force_custom_plan")
    return {
        "connections": {"default": connection},
        "apps": {"models": {"models": [*MODEL_MODULES, "aerich.models"]}},
        "use_tz": True,
        "timezone": "UTC",
    }


async def open_db(settings: Settings) -> None:
    """Connect this process to the database (one global context for all tasks)."""
    cache.clear_all()  # what was cached came from whichever database was open before
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)


async def close_db() -> None:
    cache.clear_all()
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
