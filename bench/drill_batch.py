"""A batch of outbox emails for drill 3 (a worker killed mid-batch), and what became of it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import asyncpg

from bench.common import due_emails


async def fill(count: int) -> list[int]:
    """``count`` due email rows written in bulk, one arq job enqueued per row (as after commit)."""
    from server import db, queue, settings
    from server.models.accounts import User

    await db.open_db(settings.get())
    try:
        user = await User.create(
            phone="13900000000", password_hash="-", email="batch@drill.example"
        )
        return await due_emails(user, "drill", count)
    finally:
        await queue.close()
        await db.close_db()


@dataclass
class Outcome:
    rows: int
    sent: int
    failed: int
    attempts: Counter[int]  # rows by number of attempts
    accepted_once: int
    doubled: int
    lost: int  # rows never accepted by SMTP
    # Per row, ms from the SMTP server's acceptance to the commit of its "sent" mark: a worker
    # dying inside this window leaves a message sent but not recorded, to be sent again.
    windows_ms: list[float]


async def outcome(
    database_url: str, ids: list[int], smtp: Counter[str], accepted_at: dict[str, list[float]]
) -> Outcome:
    conn = await asyncpg.connect(database_url)
    try:
        rows = await conn.fetch(
            "SELECT id, status, attempts,"
            " extract(epoch FROM pg_xact_commit_timestamp(xmin))::float AS committed"
            " FROM notifications WHERE id = ANY($1::int[])",
            ids,
        )
    finally:
        await conn.close()
    keys = [f"<notification-{r['id']}@127.0.0.1>" for r in rows]
    accepted = [smtp[k] for k in keys]
    windows = [
        (r["committed"] - accepted_at[k][-1]) * 1000
        for r, k in zip(rows, keys, strict=True)
        if r["status"] == "sent" and accepted_at.get(k) and r["committed"]
    ]
    return Outcome(
        rows=len(rows),
        sent=sum(1 for r in rows if r["status"] == "sent"),
        failed=sum(1 for r in rows if r["status"] == "failed"),
        attempts=Counter(r["attempts"] for r in rows),
        accepted_once=accepted.count(1),
        doubled=sum(1 for a in accepted if a > 1),
        lost=accepted.count(0),
        windows_ms=sorted(windows),
    )


async def status_counts(database_url: str, ids: list[int]) -> Counter[str]:
    conn = await asyncpg.connect(database_url)
    try:
        rows = await conn.fetch(
            "SELECT status, count(*) AS n FROM notifications WHERE id = ANY($1::int[])"
            " GROUP BY status",
            ids,
        )
    finally:
        await conn.close()
    return Counter({r["status"]: r["n"] for r in rows})
