"""Test fixtures: a real database (SQLite file or PostgreSQL) and a real Redis for every test.

``DATABASE_URL`` and ``REDIS_URL`` pick real servers (the database name must contain "test":
its tables are dropped); without them the suite uses a SQLite file and Doorstep's embedded
Redis in a temporary data directory.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

_DATA_DIR = Path(tempfile.mkdtemp(prefix="doorstep-test-"))
os.environ["DOORSTEP_DATA_DIR"] = str(_DATA_DIR)
os.environ.setdefault("SECRET_KEY", "test-secret-key-that-is-long-enough-0123456789")
os.environ["PUBLIC_BASE_URL"] = "http://testserver"

import asyncpg  # noqa: E402
import httpx  # noqa: E402
import pytest  # noqa: E402
from tortoise import Tortoise, connections  # noqa: E402

from server import cache, migrations_tool, queue  # noqa: E402
from server import db as db_module  # noqa: E402
from server import settings as settings_module  # noqa: E402
from server.app import create_app  # noqa: E402
from server.redis_client import close_redis, get_redis  # noqa: E402
from tests.cast import Cast, make_cast  # noqa: E402

if "test" not in os.environ.get("DATABASE_URL", "sqlite-test"):
    raise SystemExit(
        "refusing to run: DATABASE_URL must name a test database (its tables are dropped)"
    )


@pytest.fixture(scope="session")
def settings() -> settings_module.Settings:
    return settings_module.get()


async def _reset_postgres(url: str) -> None:
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    finally:
        await conn.close()


@pytest.fixture(scope="session")
async def database(settings: settings_module.Settings) -> AsyncIterator[list[str]]:
    """A freshly migrated database, open for the whole session; yields its table names."""
    if not settings.is_sqlite:
        await _reset_postgres(settings.database_url)
    await migrations_tool.upgrade(settings)
    await db_module.open_db(settings)
    tables = [
        m._meta.db_table for m in Tortoise.apps["models"].values() if m._meta.db_table != "aerich"
    ]
    yield tables
    await queue.close()
    await close_redis()
    await db_module.close_db()


@pytest.fixture
async def db_clean(database: list[str], settings: settings_module.Settings) -> None:
    """Empty every table and the Redis database before a test."""
    conn = connections.get("default")
    if settings.is_sqlite:
        statements = "".join(f'DELETE FROM "{t}";' for t in database)
        await conn.execute_script(f"PRAGMA foreign_keys=OFF;{statements}PRAGMA foreign_keys=ON;")
    else:
        quoted = ", ".join(f'"{t}"' for t in database)
        await conn.execute_script(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE;")
    await get_redis(settings).flushdb()
    cache.clear_all()  # the stamps start again from 0 in the emptied database


@pytest.fixture
async def db(db_clean: None) -> None:
    """An empty migrated database (and an empty Redis) for one test."""


@pytest.fixture(scope="session")
def app(database: list[str]):  # type: ignore[no-untyped-def]
    return create_app()


@pytest.fixture
async def client(app, db: None) -> AsyncIterator[httpx.AsyncClient]:  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=app, client=("10.1.2.3", 5000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
async def cast(db: None) -> Cast:
    """A small tree with two community centres and the usual people, for permission tests."""
    return await make_cast()


CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


async def csrf_token(client: httpx.AsyncClient, path: str = "/login") -> str:
    """The CSRF token a page hands this client (also setting the client's CSRF cookie)."""
    response = await client.get(path)
    match = CSRF_INPUT.search(response.text)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


async def login(client: httpx.AsyncClient, phone: str, password: str) -> httpx.Response:
    token = await csrf_token(client)
    return await client.post(
        "/login", data={"csrf_token": token, "phone": phone, "password": password}
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_serving(url: str, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"server at {url} did not start")


@contextlib.contextmanager
def running(*args: str, env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[bytes]]:
    """A ``doorstep`` subprocess with the suite's settings, stopped (and reaped) afterwards."""
    process = subprocess.Popen(
        [sys.executable, "-m", "server.cli", *args], env={**os.environ, **(env or {})}
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def live_server(database: list[str]) -> Iterator[str]:
    """``doorstep serve`` in its own process, on the suite's database and Redis."""
    port = free_port()
    with running("serve", "--port", str(port)) as process:
        url = f"http://127.0.0.1:{port}"
        wait_until_serving(url, process)
        yield url
