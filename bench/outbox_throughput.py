"""Benchmark: 10,000 queued email notifications delivered to a local SMTP sink by 1 and 2 workers.

Prints a table: messages/s, delivered, duplicates. Uses DATABASE_URL / REDIS_URL when set
(PostgreSQL + Redis is the production shape), else a fresh SQLite file and embedded Redis.

    .venv/bin/python -m bench.outbox_throughput [--messages 10000] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from typing import Any

from bench.common import due_emails, free_port

MESSAGE_ID = re.compile(rb"^Message-ID: (<[^>]+>)", re.MULTILINE | re.IGNORECASE)


class Sink:
    def __init__(self) -> None:
        self.ids: list[str] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        # A regex, not a full parse: the sink shares the machine's two cores with what is measured.
        found = MESSAGE_ID.search(envelope.content)
        message_id = found.group(1).decode() if found else ""
        with self.lock:
            self.ids.append(message_id)
        return "250 OK"


async def fill(count: int) -> list[int]:
    """Reset the tables, then write ``count`` due email rows and enqueue one job each."""
    from server import db, migrations_tool, queue, settings
    from server.models.accounts import User
    from server.models.notifications import Notification

    config = settings.get()
    await migrations_tool.upgrade(config)
    await db.open_db(config)
    await Notification.all().delete()
    await User.filter(phone="13000000000").delete()
    user = await User.create(phone="13000000000", password_hash="-", email="bench@example.com")
    ids = await due_emails(user, "bench", count)
    await queue.close()
    await db.close_db()
    return ids


async def count_rows(*statuses: str) -> int:
    from server.models.notifications import Notification

    return await Notification.filter(dedupe_key__startswith="bench:", status__in=statuses).count()


async def wait_all_settled(count: int, limit_seconds: float) -> tuple[float, int]:
    """Seconds until every row is sent or failed for good, and how many failed."""
    from server import db, settings

    await db.open_db(settings.get())
    start = time.monotonic()
    try:
        while await count_rows("sent", "failed") < count:
            if time.monotonic() - start > limit_seconds:
                raise TimeoutError(f"not all {count} settled in {limit_seconds}s")
            await asyncio.sleep(0.25)
        return time.monotonic() - start, await count_rows("failed")
    finally:
        await db.close_db()


def run(count: int, workers: int, smtp_port: int, sink: Sink) -> dict[str, Any]:
    with sink.lock:
        sink.ids.clear()
    asyncio.run(fill(count))
    env = {**os.environ, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp_port)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "server.cli", "worker"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(workers)
    ]
    try:
        elapsed, failed = asyncio.run(wait_all_settled(count, 1800))
    finally:
        for p in procs:
            p.send_signal(signal.SIGINT)
        for p in procs:
            p.wait(timeout=60)
    time.sleep(0.5)
    with sink.lock:
        delivered = len(sink.ids)
        unique = len(set(sink.ids))
    return {
        "workers": workers,
        "messages": count,
        "seconds": elapsed,
        "per_second": count / elapsed,
        "delivered": delivered,
        "duplicates": delivered - unique,
        "failed": failed,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    os.environ.setdefault("DOORSTEP_DATA_DIR", tempfile.mkdtemp(prefix="doorstep-bench-"))
    from aiosmtpd.controller import Controller

    sink, port = Sink(), free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        results = [run(args.messages, n, port, sink) for n in args.workers]
    finally:
        controller.stop()
    backend = (
        "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    )
    redis = "Redis" if os.environ.get("REDIS_URL") else "embedded Redis"
    print(f"\nOutbox throughput, {backend} + {redis}, email to a local aiosmtpd sink\n")
    print("| workers | messages | seconds | messages/s | delivered | duplicates | failed |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['workers']} | {r['messages']:,} | {r['seconds']:.1f} | {r['per_second']:.0f} | "
            f"{r['delivered']:,} | {r['duplicates']} | {r['failed']} |"
        )


if __name__ == "__main__":
    main()
