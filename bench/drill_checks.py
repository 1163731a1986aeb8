"""What the database and the SMTP server hold after a drill: the "nothing lost, nothing doubled,
nothing half-written" audit, read with plain SQL so that it does not trust the app's own code."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass

import asyncpg


@dataclass
class Audit:
    bookings: int  # rows for the drill service
    answered_303: int  # bookings the clients were told about
    told_not_stored: int  # a 303 the database does not have (must be 0)
    stored_not_told: int  # committed, but the answer did not reach the client
    slots_mismatched: int  # slot_usages.taken != active bookings of that slot (must be 0)
    without_audit: int  # bookings without their booking.create audit entry (must be 0)
    without_messages: int  # bookings without inbox + email confirmation rows (must be 0)
    incomplete_rows: int  # confirmation rows missing an address, payload or user (must be 0)
    rows: int  # confirmation rows (inbox + email)
    rows_sent: int
    emails: int  # email confirmation rows
    emails_accepted_once: int
    emails_doubled: int  # accepted by SMTP more than once (must be 0)
    emails_lost: int  # sent in the database but never accepted by SMTP (must be 0)

    def problems(self) -> list[str]:
        bad = {
            "told but not stored": self.told_not_stored,
            "slot counters wrong": self.slots_mismatched,
            "bookings without audit entry": self.without_audit,
            "bookings without their messages": self.without_messages,
            "incomplete message rows": self.incomplete_rows,
            "messages not sent": self.rows - self.rows_sent,
            "emails doubled": self.emails_doubled,
            "emails lost": self.emails_lost,
        }
        return [f"{name}: {count}" for name, count in bad.items() if count]


async def audit(database_url: str, service_code: str, told: list[str], smtp: Counter[str]) -> Audit:
    conn = await asyncpg.connect(database_url)
    try:
        return await _audit(conn, service_code, told, smtp)
    finally:
        await conn.close()


async def _audit(
    conn: asyncpg.Connection, service_code: str, told: list[str], smtp: Counter[str]
) -> Audit:
    service_id = await conn.fetchval("SELECT id FROM services WHERE code = $1", service_code)
    codes = {
        r["code"]: r["id"]
        for r in await conn.fetch("SELECT id, code FROM bookings WHERE service_id = $1", service_id)
    }
    mismatched = await conn.fetchval(
        """SELECT count(*) FROM slot_usages u WHERE u.service_id = $1 AND u.taken <> (
               SELECT count(*) FROM bookings b WHERE b.service_id = u.service_id
               AND b.starts_at = u.starts_at AND b.status IN ('booked', 'checked_in'))""",
        service_id,
    )
    without_audit = await conn.fetchval(
        """SELECT count(*) FROM bookings b WHERE b.service_id = $1 AND NOT EXISTS (
               SELECT 1 FROM audit_entries a WHERE a.action = 'booking.create'
               AND a.object_id = b.code)""",
        service_id,
    )
    rows = await conn.fetch(
        """SELECT n.id, n.channel, n.status, n.to_address, n.payload, n.user_id, n.subject_id
           FROM notifications n JOIN bookings b ON b.id = n.subject_id
           WHERE n.subject_type = 'booking' AND n.event = 'booking.confirmed'
           AND b.service_id = $1""",
        service_id,
    )
    channels = Counter((r["subject_id"], r["channel"]) for r in rows)
    without = sum(
        1 for i in codes.values() if channels[(i, "inbox")] != 1 or channels[(i, "email")] != 1
    )
    incomplete = sum(
        1
        for r in rows
        if r["user_id"] is None
        or r["payload"] in (None, "", "{}")
        or (r["channel"] == "email" and not r["to_address"])
    )
    emails = [r for r in rows if r["channel"] == "email"]
    accepted = [smtp[_message_id(r["id"])] for r in emails]
    return Audit(
        bookings=len(codes),
        answered_303=len(told),
        told_not_stored=len(set(told) - set(codes)),
        stored_not_told=len(set(codes) - set(told)),
        slots_mismatched=mismatched,
        without_audit=without_audit,
        without_messages=without,
        incomplete_rows=incomplete,
        rows=len(rows),
        rows_sent=sum(1 for r in rows if r["status"] == "sent"),
        emails=len(emails),
        emails_accepted_once=accepted.count(1),
        emails_doubled=sum(1 for a in accepted if a > 1),
        emails_lost=sum(
            1 for r, a in zip(emails, accepted, strict=True) if r["status"] == "sent" and a == 0
        ),
    )


def _message_id(notification_id: int) -> str:
    return f"<notification-{notification_id}@127.0.0.1>"


async def pending(database_url: str) -> int:
    """Messages due and not yet sent."""
    conn = await asyncpg.connect(database_url)
    try:
        return int(await conn.fetchval(_UNSENT))
    finally:
        await conn.close()


_UNSENT = (
    "SELECT count(*) FROM notifications WHERE status IN ('pending', 'sending')"
    " AND send_after <= now()"
)


async def wait_all_sent(database_url: str, limit_seconds: float) -> float:
    """Seconds until no notification is pending or sending (TimeoutError past the limit)."""
    start = time.monotonic()
    conn = await asyncpg.connect(database_url)
    try:
        while True:
            left = await conn.fetchval(_UNSENT)
            if left == 0:
                return time.monotonic() - start
            if time.monotonic() - start > limit_seconds:
                raise TimeoutError(f"{left} messages still not sent after {limit_seconds:.0f} s")
            await asyncio.sleep(1)
    finally:
        await conn.close()


def print_audit(a: Audit) -> None:
    print("| check | count |")
    print("|---|---:|")
    print(f"| bookings stored | {a.bookings} |")
    print(f"| bookings answered 303 to the client | {a.answered_303} |")
    print(f"| answered 303 but not stored | {a.told_not_stored} |")
    print(f"| stored, answer lost on the way (client saw an error) | {a.stored_not_told} |")
    print(f"| slots whose counter differs from their active bookings | {a.slots_mismatched} |")
    print(f"| bookings without their audit entry | {a.without_audit} |")
    print(f"| bookings without exactly one inbox + one email confirmation | {a.without_messages} |")
    print(f"| incomplete confirmation rows | {a.incomplete_rows} |")
    print(f"| confirmation rows sent / written | {a.rows_sent} / {a.rows} |")
    print(
        f"| emails accepted by SMTP exactly once / written | {a.emails_accepted_once} / {a.emails} |"
    )
    print(f"| emails accepted more than once | {a.emails_doubled} |")
    print(f"| emails marked sent but never accepted | {a.emails_lost} |")
