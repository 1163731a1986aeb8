"""What the ``doorstep`` commands do; ``server.cli`` only parses arguments."""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import subprocess
import sys
import time

from tortoise.transactions import in_transaction

from server import cache, db, migrations_tool
from server.domain import accounts, roles
from server.domain.audit import CLI
from server.domain.errors import DomainError
from server.models.accounts import Role
from server.redis_client import redis_url
from server.settings import Settings

log = logging.getLogger("doorstep")
STOP_GRACE_SECONDS = 15


async def migrate(config: Settings) -> int:
    applied = await migrations_tool.upgrade(config)
    print(f"migrations applied: {len(applied)}" + (f" ({', '.join(applied)})" if applied else ""))
    return 0


def makemigrations(config: Settings, name: str) -> int:
    for dialect, written in migrations_tool.make(config, name).items():
        print(f"{dialect}: {written or 'no changes'}")
    return 0


async def seed_demo(
    config: Settings, if_empty: bool, scale: str = "demo", fraction: float = 1.0
) -> int:
    if scale == "city":
        return await seed_city(config, if_empty, fraction)
    if fraction != 1.0:
        print("doorstep: --fraction goes with --scale city", file=sys.stderr)
        return 2
    from server.seed import demo

    await db.open_db(config)
    try:
        if not await demo.is_empty():
            print("the database already has data; demo city not seeded")
            return 0 if if_empty else 1
        counts = await demo.seed_demo()
        await cache.bump(cache.PLACES)  # a site already running shows the new places at once
    finally:
        await db.close_db()
    print("demo city seeded: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


async def seed_city(config: Settings, if_empty: bool, fraction: float) -> int:
    from server.seed import city, demo

    problem = city.refusal(config, fraction)
    if problem:
        print(f"doorstep: {problem}", file=sys.stderr)
        return 2
    await db.open_db(config)
    try:
        if not await demo.is_empty():
            print("the database already has data; city not seeded")
            return 0 if if_empty else 1
        share = "" if fraction == 1 else f" ({fraction:g} of it)"
        print(f"seeding the city{share} ...")
        report = await city.seed_city(config, fraction, progress=print)
        await cache.bump(cache.PLACES)
    finally:
        await db.close_db()
    print("\n".join(report.table()))
    print(f"city seeded in {report.total:.0f} s: {sum(report.rows.values()):,} rows")
    return 0


async def user_add(
    config: Settings, phone: str, password: str, name: str, role: str, scope: str
) -> int:
    from server.domain.members import enrol_verified

    await db.open_db(config)
    try:
        async with in_transaction():  # a user whose role fails is not left behind
            user = await accounts.register(phone, password, name, "zh-CN", CLI, config)
            if role == Role.MEMBER:
                await enrol_verified(user, scope, name or phone, CLI)
            elif role != Role.RESIDENT:
                await roles.grant(user, Role(role), scope, None, CLI)
    except DomainError as error:
        print(
            f"doorstep: {error.message % error.params if error.params else error.message}",
            file=sys.stderr,
        )
        return 1
    finally:
        await db.close_db()
    print(f"user {user.phone} added as {role}{' of ' + scope if scope else ''}")
    return 0


def serve(config: Settings, host: str, port: int, workers: int) -> int:
    import uvicorn

    redis_url(config)  # start or join the embedded Redis once, before the web processes
    uvicorn.run(
        "server.asgi:app",
        host=host,
        port=port,
        workers=max(1, workers),
        proxy_headers=True,
        forwarded_allow_ips=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        log_level="info",
        access_log=False,
    )
    return 0


def worker(config: Settings) -> int:
    from arq.worker import run_worker

    from workers.settings import WorkerSettings

    run_worker(WorkerSettings.configure())  # type: ignore[arg-type]
    return 0


def _die_with_parent() -> None:
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _spawn(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "server.cli", *args], preexec_fn=_die_with_parent
    )


def up(config: Settings, host: str, port: int) -> int:
    """Everything for a demo or a small site: migrate, seed when empty, web + worker."""
    import asyncio

    from server.seed.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

    asyncio.run(migrate(config))
    asyncio.run(seed_demo(config, if_empty=True))
    redis_url(config)  # hold the embedded Redis for the life of this command
    children = [_spawn("serve", "--host", host, "--port", str(port)), _spawn("worker")]
    print(f"\nDoorstep is running at http://{host}:{port}/  (Ctrl-C stops everything)")
    print(
        f"demo accounts (password {DEMO_PASSWORD}): "
        + ", ".join(f"{p} {en}" for p, _zh, en, _ in DEMO_ACCOUNTS)
    )
    return _supervise(children)


def _supervise(children: list[subprocess.Popen[bytes]]) -> int:
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    while not stopping and all(child.poll() is None for child in children):
        time.sleep(0.2)
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
    codes = [child.returncode for child in children]
    return 0 if stopping else (max(abs(c) for c in codes) or 1)
