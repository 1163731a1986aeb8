"""Load for the resilience drills: logged-in residents browsing and booking, phase by phase.

``build_world`` writes a drill centre and service and residents with email addresses; ``Load``
keeps ``concurrency`` residents busy with the home page, the centre page, the service page and
booking POSTs (the browser form, CSRF token included) and records every answer by phase.
"""

from __future__ import annotations

import asyncio
import random
import secrets
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import httpx

from bench.booking_throughput import starts
from bench.common import open_all_day_service

TZ = ZoneInfo("Asia/Shanghai")
PASSWORD = "drill-password-1"
KINDS = ("home", "centre", "service", "book", "login")
# The 500 page's message in each language the residents of the drill use.
CLEAR_500 = {
    "zh-CN": "系统出了点问题，请稍后再试。",
    "en": "Something went wrong on our side. Please try again in a moment.",
}


@dataclass
class World:
    centre_code: str
    service_code: str
    phones: list[str]
    starts: list[str]  # bookable slot starts, ISO 8601 in the centre's zone


async def build_world(residents: int, days: int = 365) -> World:
    """A centre open 08:00-20:00 daily, a 10-minute service, residents with email addresses."""
    from server import db, settings
    from server.models.accounts import User
    from server.security.passwords import hash_password

    await db.open_db(settings.get())
    try:
        service = await open_all_day_service("DRILL", "演练", capacity=2, days=days)
        centre = service.centre
        hashed = hash_password(PASSWORD)  # one argon2 hash for all: hashing is slow on purpose
        phones = [f"139{i:08d}" for i in range(residents)]
        await User.bulk_create(
            [
                User(phone=p, password_hash=hashed, email=f"{p}@drill.example", display_name=p)
                for p in phones
            ]
        )
        return World(centre.code, service.code, phones, starts(days - 1))
    finally:
        await db.close_db()


@dataclass
class Sample:
    at: float
    phase: str
    kind: str
    status: int  # 0: no HTTP answer (refused, reset, timed out)
    ms: float
    clear: bool = True  # for 5xx: the page says "try again", with no stack trace
    own_language: bool = True  # ... and says it in the language the person chose
    error: str = ""  # the transport error when there was no answer

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 400


@dataclass
class Resident:
    index: int
    phone: str
    client: httpx.AsyncClient
    csrf: str
    language: str
    booked: int = 0


@dataclass
class Load:
    url: str
    world: World
    concurrency: int = 20
    phase: str = "before"
    samples: list[Sample] = field(default_factory=list)
    booked_codes: list[str] = field(default_factory=list)
    weights: dict[str, int] = field(
        default_factory=lambda: {"home": 3, "centre": 2, "service": 3, "book": 2}
    )
    _stop: asyncio.Event = field(default_factory=asyncio.Event)

    async def login_all(self) -> list[Resident]:
        residents = []
        for index, phone in enumerate(self.world.phones[: self.concurrency]):
            resident = _resident(self.url, index, phone)
            response = await _login(resident)
            if response.status_code != 303:
                raise RuntimeError(f"could not log {phone} in: {response.status_code}")
            residents.append(resident)
        return residents

    async def run(self, residents: list[Resident]) -> None:
        """Until ``stop()``: each resident in a loop, and a fresh login every two seconds."""
        tasks = [asyncio.create_task(self._browse(r)) for r in residents]
        tasks.append(asyncio.create_task(self._logins()))
        await asyncio.gather(*tasks)

    def stop(self) -> None:
        self._stop.set()

    async def _browse(self, resident: Resident) -> None:
        kinds, weights = zip(*self.weights.items(), strict=True)
        while not self._stop.is_set():
            kind = random.choices(kinds, weights)[0]
            if kind == "book":
                await self._book(resident)
            else:
                path = {
                    "home": "/",
                    "centre": f"/centres/{self.world.centre_code}",
                    "service": f"/services/{self.world.service_code}",
                }[kind]
                await self._timed(kind, resident, resident.client.get(path))

    async def _book(self, resident: Resident) -> None:
        # Resident i takes slots i, i+n, i+2n... (n residents booking): no two bookings ever
        # want the same place. A slot is tried again after a 5xx or no answer.
        slot = resident.index + resident.booked * self.concurrency
        if slot >= len(self.world.starts):  # every slot of the year taken: browse instead
            await self._timed("home", resident, resident.client.get("/"))
            return
        form = {"csrf_token": resident.csrf, "start": self.world.starts[slot], "who": "self"}
        path = f"/services/{self.world.service_code}/book"
        response = await self._timed("book", resident, resident.client.post(path, data=form))
        if response is not None and response.status_code < 500:
            resident.booked += 1
        if response is not None and response.status_code == 303:
            self.booked_codes.append(response.headers["location"].split("/")[2].split("?")[0])

    async def _logins(self) -> None:
        while not self._stop.is_set():
            phone = random.choice(self.world.phones)
            resident = _resident(self.url, -1, phone)
            async with resident.client:
                await self._timed("login", resident, _login(resident))
            await asyncio.sleep(2)

    async def _timed(self, kind: str, resident: Resident, request: object) -> httpx.Response | None:
        start = time.monotonic()
        response: httpx.Response | None = None
        error = ""
        try:
            response = await request  # type: ignore[misc]
            status = response.status_code
        except httpx.TransportError as exc:
            status, error = 0, type(exc).__name__
            await asyncio.sleep(0.1)  # a refused connection returns at once: do not spin
        clear = own = True
        if response is not None and status >= 500:
            clear, own = _clear_error(response, resident.language)
        ms = (time.monotonic() - start) * 1000
        # The phase in which the answer (or its absence) came: a request in flight when
        # PostgreSQL stops belongs to the outage.
        self.samples.append(Sample(start, self.phase, kind, status, ms, clear, own, error))
        return response


def _resident(url: str, index: int, phone: str) -> Resident:
    """A browser of its own; every other resident has switched the site to English."""
    csrf = secrets.token_urlsafe(32)
    language = "en" if index % 2 else "zh-CN"
    client = httpx.AsyncClient(
        base_url=url,
        timeout=30,
        cookies={"ds_csrf": csrf, "ds_lang": language},
        follow_redirects=False,
    )
    return Resident(index, phone, client, csrf, language)


async def _login(resident: Resident) -> httpx.Response:
    form = {"csrf_token": resident.csrf, "phone": resident.phone, "password": PASSWORD}
    return await resident.client.post("/login", data={**form, "next": "/"})


def _clear_error(response: httpx.Response, language: str) -> tuple[bool, bool]:
    """Whether this is the 500 page without any stack trace; whether in the person's language."""
    text = response.text
    clear = any(m in text for m in CLEAR_500.values()) and "Traceback" not in text
    return clear, clear and CLEAR_500[language] in text


def by_phase(samples: list[Sample], phases: list[str]) -> list[dict[str, object]]:
    """Per phase and kind: requests, answers by status, p50/p99 of those answered."""
    rows = []
    for phase in phases:
        for kind in KINDS:
            picked = [s for s in samples if s.phase == phase and s.kind == kind]
            if not picked:
                continue
            statuses = Counter(
                str(s.status) if s.status else f"no answer ({s.error})" for s in picked
            )
            answered = sorted(s.ms for s in picked if s.status)
            rows.append(
                {
                    "phase": phase,
                    "kind": kind,
                    "requests": len(picked),
                    "statuses": ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())),
                    "p50": statistics.median(answered) if answered else 0.0,
                    "p99": _p99(answered),
                    "unclear_5xx": sum(1 for s in picked if not s.clear),
                    "other_language": sum(1 for s in picked if s.clear and not s.own_language),
                }
            )
    return rows


def _p99(values: list[float]) -> float:
    if not values:
        return 0.0
    return values[min(len(values) - 1, int(len(values) * 0.99))]


def print_phase_table(rows: list[dict[str, object]]) -> None:
    print(
        "| phase | request | requests | answers by status | p50 ms | p99 ms "
        "| 5xx without the clear page | clear 5xx in the other language |"
    )
    print("|---|---|---:|---|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['phase']} | {r['kind']} | {r['requests']} | {r['statuses']} | "
            f"{r['p50']:.0f} | {r['p99']:.0f} | {r['unclear_5xx']} | {r['other_language']} |"
        )
