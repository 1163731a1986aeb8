"""Generate and apply aerich migrations; SQL differs per dialect, so each has its own folder."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

from aerich import Command

from server.db import MIGRATIONS_DIR, tortoise_config
from server.settings import Settings

# URLs used only to pick the SQL dialect when generating migrations offline (nothing connects).
OFFLINE_URLS = {"sqlite": "sqlite://:memory:", "postgres": "postgres://offline@127.0.0.1/offline"}


def _command(settings: Settings, dialect: str) -> Command:
    return Command(
        tortoise_config=tortoise_config(settings),
        app="models",
        location=str(MIGRATIONS_DIR / dialect),
    )


async def upgrade(settings: Settings) -> list[str]:
    """Apply every migration not yet applied to the configured database."""
    dialect = "sqlite" if settings.is_sqlite else "postgres"
    command = _command(settings, dialect)
    async with command:
        if not (MIGRATIONS_DIR / dialect / "models").exists():
            raise RuntimeError(f"no migrations for {dialect}: run scripts/makemigrations")
        return await command.upgrade(run_in_transaction=True)


def make(settings: Settings, name: str) -> dict[str, str]:
    """Write the next migration for both dialects, offline; returns what was written per dialect.

    Each dialect runs in its own process: aerich keeps the pending SQL and the dialect in class
    attributes, so a second run in the same process would mix the first one's SQL in.
    """
    written = {}
    for dialect in OFFLINE_URLS:
        result = subprocess.run(
            [sys.executable, "-m", "server.migrations_tool", dialect, name, str(MIGRATIONS_DIR)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"makemigrations for {dialect} failed:\n{result.stderr}")
        written[dialect] = result.stdout.strip()
    return written


async def _make_one(settings: Settings, dialect: str, name: str, location: Path) -> str:
    offline_settings = dataclasses.replace(settings, database_url=OFFLINE_URLS[dialect])
    command = Command(
        tortoise_config=tortoise_config(offline_settings),
        app="models",
        location=str(location / dialect),
    )
    if not (location / dialect / "models").exists():
        await command._do_init(safe=True, offline=True)
        return "initial"
    await command.init(offline=True)
    return await command.migrate(name, offline=True)


if __name__ == "__main__":
    import asyncio

    from server.settings import get

    _dialect, _name, _location = sys.argv[1:4]
    print(asyncio.run(_make_one(get(), _dialect, _name, Path(_location))))
