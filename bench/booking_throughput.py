"""Benchmark: requests/s, p50 and p99 of the service page (its slot list) and of booking POSTs,
at 32 connections with wrk, each beside a bare Starlette app serving the same bytes from memory.

    .venv/bin/python -m bench.booking_throughput [--seconds 15] [--connections 32]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

from bench.common import build_world, free_port, fresh_data_dir, serving

TZ = ZoneInfo("Asia/Shanghai")


def starts(days: int = 30) -> list[str]:
    today = datetime.now(TZ).date()
    first = datetime(today.year, today.month, today.day, 8, 0, tzinfo=TZ) + timedelta(days=1)
    return [
        (first + timedelta(days=d, minutes=10 * i)).isoformat()
        for d in range(days)
        for i in range(72)
    ]


def post_script(folder: Path, service: str, tokens: list[str], path: str) -> Path:
    """A wrk Lua script: each request books a random slot for a random user."""
    lua = folder / f"post-{abs(hash(path))}.lua"
    lua.write_text(
        "tokens = " + json.dumps(tokens).replace("[", "{").replace("]", "}") + "\n"
        "starts = "
        + json.dumps(random.sample(starts(), 500)).replace("[", "{").replace("]", "}")
        + "\n"
        "math.randomseed(42)\n"
        "request = function()\n"
        '  local body = \'{"service":"'
        + service
        + '","start":"\' .. starts[math.random(#starts)] .. \'"}\'\n'
        "  return wrk.format('POST', '" + path + "', {['Content-Type']='application/json',"
        " ['Authorization']='Bearer ' .. tokens[math.random(#tokens)]}, body)\n"
        "end\n"
    )
    return lua


def wrk(
    url: str,
    seconds: int,
    connections: int,
    script: Path | None = None,
    script_args: list[str] | None = None,
) -> dict[str, float]:
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    args += ["-s", str(script)] if script else []
    tail = ["--", *script_args] if script_args else []
    out = subprocess.run([*args, url, *tail], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    made = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    return {
        "rps": rate,
        "p50": _ms(out, "50%"),
        "p99": _ms(out, "99%"),
        "non2xx": _non2xx(out),
        "requests": made,
    }


def _ms(out: str, label: str) -> float:
    value, unit = re.search(rf"{label}\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def _non2xx(out: str) -> float:
    found = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return float(found.group(1)) if found else 0.0


@contextmanager
def ceiling(page: bytes, created: bytes, folder: Path) -> Iterator[str]:
    (folder / "page.html").write_bytes(page)
    (folder / "created.json").write_bytes(created)
    port = free_port()
    env = {
        **os.environ,
        "DOORSTEP_CEILING_GET": str(folder / "page.html"),
        "DOORSTEP_CEILING_POST": str(folder / "created.json"),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bench.ceiling:app",
            "--port",
            str(port),
            "--workers",
            "2",
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(f"{url}/page", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    fresh_data_dir()
    world = asyncio.run(build_world(users=2000, capacity=30_000))  # capacity is a SMALLINT
    folder = Path(tempfile.mkdtemp(prefix="doorstep-wrk-"))
    results = []
    with serving(workers=2) as url:
        page_url = f"{url}/services/{world.service_code}"
        page = httpx.get(page_url).content
        created = httpx.post(
            f"{url}/api/v1/bookings",
            json={"service": world.service_code, "start": starts()[-1]},
            headers={"Authorization": f"Bearer {world.tokens[0]}"},
        ).content
        doorstep_page = wrk(page_url, args.seconds, args.connections)
        doorstep_post = wrk(
            f"{url}/api/v1/bookings",
            args.seconds,
            args.connections,
            post_script(folder, world.service_code, world.tokens, "/api/v1/bookings"),
        )
    with ceiling(page, created, folder) as bare:
        bare_page = wrk(f"{bare}/page", args.seconds, args.connections)
        bare_post = wrk(
            f"{bare}/book",
            args.seconds,
            args.connections,
            post_script(folder, world.service_code, world.tokens, "/book"),
        )
    results = [
        ("service page (slot list), GET", doorstep_page, bare_page),
        ("booking, POST /api/v1/bookings", doorstep_post, bare_post),
    ]
    backend = (
        "PostgreSQL + Redis"
        if os.environ.get("DATABASE_URL", "").startswith("postgres")
        else "SQLite + embedded Redis"
    )
    print(
        f"\nBooking pages, {backend}, serve --workers 2, wrk {args.connections} connections, {args.seconds} s\n"
    )
    print(
        "| request | req/s | p50 ms | p99 ms | non-2xx | ceiling req/s | ceiling p50 / p99 ms | ratio |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, ours, bare in results:
        print(
            f"| {name} | {ours['rps']:.0f} | {ours['p50']:.1f} | {ours['p99']:.1f} | {ours['non2xx']:.0f} | "
            f"{bare['rps']:.0f} | {bare['p50']:.1f} / {bare['p99']:.1f} | {ours['rps'] / bare['rps']:.2f} |"
        )


if __name__ == "__main__":
    main()
