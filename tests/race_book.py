"""Helper process for the booking race: book one slot for several users at a given instant.

    python -m tests.race_book SERVICE_CODE START_ISO GO_AT_EPOCH NOW_ISO USER_ID...
Prints one line per user: "ok CODE", "full" or "conflict".
"""

from __future__ import annotations

import asyncio
import sys
import time
from datetime import datetime

from server import db, settings
from server.domain import bookings
from server.domain.audit import Origin
from server.domain.errors import Conflict
from server.models.accounts import User


async def one(user_id: int, code: str, start: datetime, now: datetime) -> str:
    user = await User.get(id=user_id)
    service = await bookings.service_by_code(code)
    try:
        booking = await bookings.book(
            user, service, start, settings.get(), Origin(via="race"), now=now
        )
    except bookings.SlotFull:
        return "full"
    except Conflict:
        return "conflict"
    return f"ok {booking.code}"


async def main(code: str, start: str, go_at: float, now: str, user_ids: list[int]) -> None:
    await db.open_db(settings.get())
    try:
        await asyncio.sleep(max(0.0, go_at - time.time()))  # every process starts together
        results = await asyncio.gather(
            *(
                one(u, code, datetime.fromisoformat(start), datetime.fromisoformat(now))
                for u in user_ids
            )
        )
        print("\n".join(results), flush=True)
    finally:
        await db.close_db()


if __name__ == "__main__":
    asyncio.run(
        main(
            sys.argv[1],
            sys.argv[2],
            float(sys.argv[3]),
            sys.argv[4],
            [int(u) for u in sys.argv[5:]],
        )
    )
