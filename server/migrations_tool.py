"""Generate and apply aerich migrations; SQL differs per dialect, so each has its own folder."""

from __future__ import annotations

import dataclasses

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


async def make(settings: Settings, name: str) -> dict[str, str]:
    """Write the next migration for both dialects, offline; returns the file per dialect."""
    written: dict[str, str] = {}
    for dialect, url in OFFLINE_URLS.items():
        offline_settings = dataclasses.replace(settings, database_url=url)
        command = _command(offline_settings, dialect)
        if not (MIGRATIONS_DIR / dialect / "models").exists():
            await command._do_init(safe=True, offline=True)
            written[dialect] = "initial"
            continue
        await command.init(offline=True)
        written[dialect] = await command.migrate(name, offline=True)
    return written
