"""Benchmark: 200 concurrent clients race for one slot of capacity 3 against `serve --workers 2`,
20 times. Prints, per race, how many bookings were created (must be 3, always).

    .venv/bin/python -m bench.booking_race [--clients 200] [--races 20] [--capacity 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx

from bench.common import build_world, fresh_data_dir, serving


def race_starts(races: int) -> list[str]:
    """One slot per race, tomorrow from 09:00 in Shanghai, ten minutes apart."""
    tomorrow = datetime.now(ZoneInfo("Asia/Shanghai")).date() + timedelta(days=1)
    first = datetime(
        tomorrow.year, tomorrow.month, tomorrow.day, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")
    )
    return [(first + timedelta(minutes=10 * i)).isoformat() for i in range(races)]


async def race(url: str, service: str, start: str, tokens: list[str]) -> dict[str, int]:
    limits = httpx.Limits(max_connections=len(tokens), max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        gate = asyncio.Event()

        async def one(token: str) -> int:
            await gate.wait()
            response = await client.post(
                "/api/v1/bookings",
                json={"service": service, "start": start},
                headers={"Authorization": f"Bearer {token}"},
            )
            return response.status_code

        tasks = [asyncio.create_task(one(t)) for t in tokens]
        await asyncio.sleep(0.2)
        gate.set()
        codes = await asyncio.gather(*tasks)
    return {
        "created": codes.count(201),
        "full": codes.count(409),
        "other": len(codes) - codes.count(201) - codes.count(409),
    }


async def booked_in(service: str, start: str) -> int:
    from server import db, settings
    from server.models.bookings import Booking, BookingStatus

    await db.open_db(settings.get())
    try:
        at = datetime.fromisoformat(start).astimezone(UTC)
        return await Booking.filter(
            service__code=service, starts_at=at, status=BookingStatus.BOOKED
        ).count()
    finally:
        await db.close_db()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--races", type=int, default=20)
    parser.add_argument("--capacity", type=int, default=3)
    args = parser.parse_args()
    fresh_data_dir()
    world = asyncio.run(build_world(args.clients, args.capacity))
    rows = []
    with serving(workers=2) as url:
        for number, start in enumerate(race_starts(args.races), 1):
            result = asyncio.run(race(url, world.service_code, start, world.tokens))
            rows.append((number, result, asyncio.run(booked_in(world.service_code, start))))
    backend = (
        "PostgreSQL + Redis"
        if os.environ.get("DATABASE_URL", "").startswith("postgres")
        else "SQLite + embedded Redis"
    )
    title = f"Booking race, {backend}: {args.clients} clients, capacity {args.capacity}"
    print(f"\n{title}, 2 web processes\n")
    print("| race | 201 created | 409 full | other | bookings in the database |")
    print("|---:|---:|---:|---:|---:|")
    for number, result, stored in rows:
        print(
            f"| {number} | {result['created']} | {result['full']} | {result['other']} | {stored} |"
        )
    always = all(r["created"] == args.capacity and s == args.capacity for _, r, s in rows)
    print(f"\ncreated per race always {args.capacity}: {'yes' if always else 'NO'}")


if __name__ == "__main__":
    main()
