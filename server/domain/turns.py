"""Taking turns where a rule counts or checks before it writes.

On PostgreSQL (READ COMMITTED) two transactions can both count below a limit, or both check a
slot that a third is closing; transaction-scoped advisory locks make them take turns, and the
count or check that follows sees what the previous holder committed. SQLite needs none of
this: its writers begin IMMEDIATE (server/sqlite_backend.py) and run one at a time.
"""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient


async def booking(conn: BaseDBAsyncClient, user_id: int, phone: str, centre_id: int) -> None:
    """Wait until no other transaction is booking by this user or for this person, then take
    the centre's plan lock, shared (see ``centre_plan``); one statement.

    Counting, then inserting, is read-then-write: under READ COMMITTED two transactions would
    both count below a limit. Advisory locks held to the end of the transaction make them take
    turns, and each count after them (a fresh snapshot per statement) sees what the previous
    holder committed. Every booking takes them in one order (booker, beneficiary, plan; each
    in its own key space; a select list is evaluated left to right), so no two bookings wait
    for each other in a cycle, and a schedule change takes only the plan lock.
    SQLite needs none: writers begin IMMEDIATE (server/sqlite_backend.py), one at a time.
    """
    if conn.capabilities.dialect != "postgres":
        return
    await conn.execute_query(
        "SELECT pg_advisory_xact_lock(hashtext('doorstep.booker'), $1),"
        " pg_advisory_xact_lock(hashtext('doorstep.beneficiary'), hashtext($2)),"
        " pg_advisory_xact_lock_shared(hashtext('doorstep.plan'), $3)",
        [user_id, phone, centre_id],
    )


async def centre_plan(conn: BaseDBAsyncClient, centre_id: int, *, change: bool = False) -> None:
    """Bookings (shared) and schedule changes (exclusive) of one centre take turns.

    A change to hours lists the bookings it takes away, then commits; a booking checks its
    slot, then commits. Without this lock a booking could check just before a closure commits
    and land on the closed day unseen. Bookings do not wait for each other. SQLite needs
    none: its writers begin IMMEDIATE and run one at a time.
    """
    if conn.capabilities.dialect != "postgres":
        return
    mode = "pg_advisory_xact_lock" if change else "pg_advisory_xact_lock_shared"
    await conn.execute_query(f"SELECT {mode}(hashtext('doorstep.plan'), $1)", [centre_id])
