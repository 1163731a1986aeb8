"""A batch of outbox emails for drill 3 (a worker killed mid-batch), and what became of it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

import asyncpg


async def fill(count: int) -> list[int]:
    """``count`` due email rows written in bulk, one arq job enqueued per row (as after commit)."""
    from server import db, queue, settings
    from server.domain import outbox
    from server.models.accounts import User
    from server.models.notifications import Channel, Notification

    config = settings.get()
    await db.open_db(config)
    try:
        user = await User.create(
            phone="13900000000", password_hash="-", email="batch@drill.example"
        )
        now = datetime.now(UTC)
        rows = [
            Notification(
                user=user,
                to_address=user.email,
                event="account.password_changed",
                channel=Channel.EMAIL,
                payload={"phone": user.phone, "time": f"#{i}"},
                dedupe_key=f"drill:{i}",
                urgent=True,
                send_after=now,
            )
            for i in range(count)
        ]
        await Notification.bulk_create(rows, batch_size=1000)
        ids = [n.id for n in await Notification.filter(dedupe_key__startswith="drill:").only("id")]
        await outbox.dispatch(ids, config)
        return ids
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
