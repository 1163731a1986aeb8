"""Database set-up: the Tortoise config, start/stop, and migrations per SQL dialect."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tortoise import Tortoise

from server import cache
from server.models import MODEL_MODULES
from server.settings import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


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
        connection = url
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
