"""Drill 4's abusive client: large request bodies over raw sockets, as fast as it can, plus
slow ones; a probe timing the home page every 100 ms; the server's memory, sampled."""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlparse

import psutil

MiB = 1024 * 1024
BOUNDARY = "drillboundary"
HEAD = (
    f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\n'
    "Content-Type: image/jpeg\r\n\r\n"
).encode()
TAIL = f"\r\n--{BOUNDARY}--\r\n".encode()


@dataclass
class Shot:
    """One abusive request: where, how big, how it says its size, and how it authenticates."""

    name: str
    path: str
    size: int
    chunked: bool  # Transfer-Encoding: chunked instead of a Content-Length
    headers: dict[str, str] = field(default_factory=dict)
    form_token: str = ""  # put the CSRF token in the body, so the server must read it to check
    pause: float = 0.0  # seconds between 1 KiB chunks: a slow body


@dataclass
class Result:
    shot: str
    attempted: int
    pushed: int  # bytes the client got onto the wire before the server answered or closed
    status: int  # 0: closed without an answer
    seconds: float


def _body_start(shot: Shot) -> bytes:
    if not shot.form_token:
        return HEAD
    token = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
        f"{shot.form_token}\r\n"
    ).encode()
    return token + HEAD


def _request_head(url: str, shot: Shot) -> bytes:
    host = urlparse(url).netloc
    lines = [
        f"POST {shot.path} HTTP/1.1",
        f"Host: {host}",
        f"Content-Type: multipart/form-data; boundary={BOUNDARY}",
        *(f"{k}: {v}" for k, v in shot.headers.items()),
        "Transfer-Encoding: chunked" if shot.chunked else f"Content-Length: {shot.size}",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def fire(url: str, shot: Shot) -> Result:
    """Send ``shot`` until the server answers or closes; never reads more than the status line."""
    parsed = urlparse(url)
    start = time.monotonic()
    reader, writer = await asyncio.open_connection(parsed.hostname, parsed.port)
    pushed = 0

    async def send(piece: bytes) -> None:
        nonlocal pushed
        writer.write(b"%x\r\n%s\r\n" % (len(piece), piece) if shot.chunked else piece)
        await writer.drain()
        pushed += len(piece)

    async def write() -> None:
        writer.write(_request_head(url, shot))
        first = _body_start(shot)
        await send(first)
        filler = b"\xff" * (1024 if shot.pause else 256 * 1024)
        left = shot.size - len(first) - len(TAIL)
        while left > 0:
            piece = filler[: min(len(filler), left)]
            await send(piece)
            left -= len(piece)
            if shot.pause:
                await asyncio.sleep(shot.pause)
        await send(TAIL)
        if shot.chunked:
            writer.write(b"0\r\n\r\n")
            await writer.drain()

    writing = asyncio.create_task(write())
    status = 0
    try:
        line = await asyncio.wait_for(reader.readline(), timeout=600)
        status = int(line.split()[1]) if line.startswith(b"HTTP/") else 0
    except (TimeoutError, ConnectionError, IndexError, ValueError):
        status = 0
    finally:
        writing.cancel()
        await asyncio.gather(writing, return_exceptions=True)
        writer.close()
    return Result(shot.name, shot.size, pushed, status, time.monotonic() - start)


async def abuse(url: str, shots: list[Shot], connections: int, seconds: float) -> list[Result]:
    """Fire the shots in turn, ``connections`` at a time, back to back, for ``seconds``."""
    deadline = time.monotonic() + seconds
    turn = iter(range(1 << 62))
    results: list[Result] = []

    async def one() -> None:
        while time.monotonic() < deadline:
            results.append(await fire(url, shots[next(turn) % len(shots)]))

    await asyncio.gather(*(one() for _ in range(connections)))
    return results


@dataclass
class Probe:
    """The home page every ``every`` seconds from a well-behaved client, by phase."""

    url: str
    every: float = 0.1
    phase: str = "before"
    samples: list[tuple[str, int, float]] = field(default_factory=list)  # phase, status, ms
    _stop: asyncio.Event = field(default_factory=asyncio.Event)

    async def run(self) -> None:
        import httpx

        async with httpx.AsyncClient(base_url=self.url, timeout=30) as client:
            while not self._stop.is_set():
                start = time.monotonic()
                try:
                    status = (await client.get("/")).status_code
                except httpx.TransportError:
                    status = 0
                self.samples.append((self.phase, status, (time.monotonic() - start) * 1000))
                await asyncio.sleep(max(0.0, self.every - (time.monotonic() - start)))

    def stop(self) -> None:
        self._stop.set()

    def summary(self, phase: str) -> dict[str, float]:
        picked = [(s, ms) for p, s, ms in self.samples if p == phase]
        times = sorted(ms for _, ms in picked)
        return {
            "probes": len(picked),
            "failed": sum(1 for s, _ in picked if s != 200),
            "p50": statistics.median(times) if times else 0.0,
            "p99": times[min(len(times) - 1, int(len(times) * 0.99))] if times else 0.0,
            "max": times[-1] if times else 0.0,
        }


@dataclass
class Memory:
    """Resident memory of a process and its children (uvicorn's web processes), sampled."""

    pid: int
    phase: str = "before"
    peaks: dict[str, int] = field(default_factory=dict)
    _stop: asyncio.Event = field(default_factory=asyncio.Event)

    def total(self) -> int:
        parent = psutil.Process(self.pid)
        processes = [parent, *parent.children(recursive=True)]
        total = 0
        for process in processes:
            with contextlib.suppress(psutil.NoSuchProcess):  # a process may just have ended
                total += process.memory_info().rss
        return total

    async def run(self) -> None:
        while not self._stop.is_set():
            self.peaks[self.phase] = max(self.peaks.get(self.phase, 0), self.total())
            await asyncio.sleep(0.1)

    def stop(self) -> None:
        self._stop.set()


def abusive_shots(session: str, csrf: str, token: str, centre: str, service: str) -> list[Shot]:
    """Over-limit bodies to every kind of route, declared or chunked, and under-limit junk."""
    browser = {"Cookie": f"ds_session={session}; ds_csrf={csrf}", "X-CSRF-Token": csrf}
    cookies = {"Cookie": f"ds_session={session}; ds_csrf={csrf}"}
    api = {"Authorization": f"Bearer {token}"}
    photos, book = f"/centres/{centre}/needs/new", f"/services/{service}/book"
    plan = [
        (2, Shot("photo form, 200 MiB, Content-Length", photos, 200 * MiB, False, browser)),
        (
            2,
            Shot(
                "photo form, 200 MiB, chunked, token in the form",
                photos,
                200 * MiB,
                True,
                cookies,
                form_token=csrf,
            ),
        ),
        (2, Shot("photo form, 60 MiB (under 64 MiB), chunked", photos, 60 * MiB, True, browser)),
        (1, Shot("API needs, 100 MiB, Content-Length", "/api/v1/needs", 100 * MiB, False, api)),
        (5, Shot("booking form, 20 MiB, chunked", book, 20 * MiB, True, browser)),
        (2, Shot("login form, 20 MiB, Content-Length", "/login", 20 * MiB, False, cookies)),
    ]
    return [shot for times, shot in plan for _ in range(times)]


def slow_shot(session: str, csrf: str, centre: str) -> Shot:
    headers = {"Cookie": f"ds_session={session}; ds_csrf={csrf}", "X-CSRF-Token": csrf}
    return Shot(
        "slow photo form, 1 KiB per 0.5 s",
        f"/centres/{centre}/needs/new",
        64 * MiB,
        True,
        headers,
        pause=0.5,
    )


def buffered_shot(session: str, csrf: str, centre: str, token_in_form: bool) -> Shot:
    """Just under the photo limit. With the CSRF token inside the form, as a browser without
    JavaScript sends it, the server must read the whole body to find the token."""
    cookies = {"Cookie": f"ds_session={session}; ds_csrf={csrf}"}
    path, size = f"/centres/{centre}/needs/new", 63 * MiB
    if token_in_form:
        return Shot("photo form, 63 MiB, token in the form", path, size, True, cookies, csrf)
    headers = {**cookies, "X-CSRF-Token": csrf}
    return Shot("photo form, 63 MiB, token in a header", path, size, True, headers)


def print_report(
    results: list[Result],
    seconds: float,
    slow: tuple[int, int],
    burst: list[Result],
    probe: Probe,
    memory: Memory,
) -> None:
    attempted = sum(r.attempted for r in results)
    pushed = sum(r.pushed for r in results)
    print(
        f"{len(results):,} abusive requests in {seconds:.0f} s on 4 connections: "
        f"{attempted / MiB:,.0f} MiB attempted, {pushed / MiB:,.0f} MiB pushed\n"
    )
    _requests_table(results + burst)
    held, opened = slow
    print(f"\nslow bodies: {held} of {opened} still held open by the server after {seconds:.0f} s")
    print("bursts: 16 bodies of 63 MiB at once, the token in a header, then in the form\n")
    print("| phase | home page probes | failed | p50 ms | p99 ms | max ms | server RSS peak MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for phase in dict.fromkeys(p for p, _, _ in probe.samples):
        s = probe.summary(phase)
        print(
            f"| {phase} | {s['probes']:.0f} | {s['failed']:.0f} | {s['p50']:.0f} | "
            f"{s['p99']:.0f} | {s['max']:.0f} | {memory.peaks.get(phase, 0) / MiB:,.0f} |"
        )


def _requests_table(results: list[Result]) -> None:
    print(
        "| request | count | MiB attempted | MiB pushed before the answer (mean) | answers "
        "| seconds (mean) |"
    )
    print("|---|---:|---:|---:|---|---:|")
    for name in dict.fromkeys(r.shot for r in results):
        mine = [r for r in results if r.shot == name]
        print(
            f"| {name} | {len(mine)} | {sum(r.attempted for r in mine) / MiB:,.0f} | "
            f"{statistics.mean(r.pushed for r in mine) / MiB:,.1f} | {_statuses(mine)} | "
            f"{statistics.mean(r.seconds for r in mine):.2f} |"
        )


def _statuses(results: list[Result]) -> str:
    counts = Counter(str(r.status) if r.status else "closed, no answer" for r in results)
    return ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
