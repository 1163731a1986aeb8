"""Shared set-up for the booking benchmarks: a migrated database, a service, users with tokens,
and `doorstep serve` processes. Uses DATABASE_URL / REDIS_URL when set, else SQLite + embedded."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx


def fresh_data_dir() -> None:
    os.environ.setdefault("DOORSTEP_DATA_DIR", tempfile.mkdtemp(prefix="doorstep-bench-"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class World:
    service_code: str
    tokens: list[str]


async def open_all_day_service(code: str, word: str, *, capacity: int, days: int) -> Any:
    """A community ``code`` with a centre open 08:00-20:00 every day and one 10-minute service
    of ``capacity`` places a slot, bookable ``days`` ahead with no limits per person; named
    with ``word`` (基准, 演练). Returns the service, with its centre."""
    from server.models.places import (
        Centre,
        CentreKind,
        Level,
        OrgNode,
        Service,
        ServiceCategory,
        WeeklyHours,
    )

    node = await OrgNode.create(
        code=code, name=f"{word}社区", level=Level.COMMUNITY, path=f"{code}/", depth=0
    )
    centre = await Centre.create(
        node=node, node_path=node.path, kind=CentreKind.COMMUNITY, name=f"{word}中心", address="-"
    )
    await WeeklyHours.bulk_create(
        [WeeklyHours(centre=centre, weekday=d, opens=480, closes=1200) for d in range(7)]
    )
    service = await Service.create(
        centre=centre,
        category=ServiceCategory.OTHER,
        name=f"{word}事项",
        duration_minutes=10,
        capacity_per_slot=capacity,
        min_lead_minutes=0,
        max_days_ahead=days,
        max_active_per_person=10_000,
        max_active_per_beneficiary=10_000,
        reminder_offsets_minutes=[],
    )
    service.centre = centre
    return service


async def build_world(users: int, capacity: int) -> World:
    """A centre open every day 08:00-20:00, one 10-minute service, ``users`` users with tokens."""
    from server import db, migrations_tool, settings
    from server.domain import accounts
    from server.domain.audit import Origin
    from server.models.accounts import User

    config = settings.get()
    await migrations_tool.upgrade(config)
    await db.open_db(config)
    try:
        suffix = str(int(time.time() * 1000))[-8:]
        service = await open_all_day_service(f"B{suffix}", "基准", capacity=capacity, days=60)
        await User.bulk_create(
            [User(phone=f"17{suffix[-3:]}{i:06d}", password_hash="-") for i in range(users)]
        )
        tokens = []
        for user in await User.filter(phone__startswith=f"17{suffix[-3:]}").order_by("id"):
            token, _ = await accounts.issue_token(user, config, Origin(via="bench"))
            tokens.append(token)
        return World(service.code, tokens)
    finally:
        await db.close_db()


@contextmanager
def serving(workers: int) -> Iterator[str]:
    """``doorstep serve --workers N`` on a free port, until the block ends."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "server.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError("doorstep serve exited; run it by hand to see why")
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("doorstep serve did not start")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


async def due_emails(user: Any, prefix: str, count: int) -> list[int]:
    """``count`` due email rows to ``user`` (dedupe keys ``prefix:i``) written in bulk, then
    one arq job enqueued per row, as ``outbox.dispatch`` does after a commit; their ids."""
    from server import settings
    from server.domain import outbox
    from server.models.notifications import Channel, Notification

    now = datetime.now(UTC)
    rows = [
        Notification(
            user=user,
            to_address=user.email,
            event="account.password_changed",
            channel=Channel.EMAIL,
            payload={"phone": user.phone, "time": f"#{i}"},
            dedupe_key=f"{prefix}:{i}",
            urgent=True,
            send_after=now,
        )
        for i in range(count)
    ]
    await Notification.bulk_create(rows, batch_size=1000)
    found = Notification.filter(dedupe_key__startswith=f"{prefix}:").only("id")
    ids = [n.id for n in await found]
    await outbox.dispatch(ids, settings.get())
    return ids
