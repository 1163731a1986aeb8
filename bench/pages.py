"""Benchmark: the pages of a big city, on the city dataset, beside the bare-Starlette ceiling.

Needs a database seeded with ``doorstep seed-demo --scale city`` (PostgreSQL) and wrk:

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/city REDIS_URL=redis://127.0.0.1:6379/13
    export DOORSTEP_DATA_DIR=/tmp/city
    .venv/bin/python -m bench.pages [--seconds 15] [--connections 32 128] [--only centre ...]

Each page is asked for many different things at random (streets, centres, services and days,
people), as a city's users would, so no one row stays hot in a cache: every request of a page
picks one of the prepared (path, session) pairs. People are logged in with real sessions
(``accounts.start_session``), the booking POST uses API tokens of residents and free slots read
from the database just before. Queries per request are counted in-process (tests/querycount.py)
on the same data, once per page, before the load. The ceiling is ``bench/ceiling.py``, a bare
Starlette app answering each page's own bytes from memory, under the same wrk load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

from bench.booking_throughput import ceiling, wrk
from bench.common import serving

TZ = ZoneInfo("Asia/Shanghai")
SAMPLE = 300  # different things asked for per page
# Before each page is measured, 8 connections ask for it this long, again until a round's
# requests a second are within a tenth of the round before (at most WARM_ROUNDS): the tables show
# pages with their per-process caches filled (first looks are measured in-process, below). One
# round was not always enough: "for you" ranks a member's tasks on their first look, and with
# PostgreSQL's buffers cold (just restarted) its runs went 11, 144 and 594 req/s.
WARM_SECONDS = 10
WARM_ROUNDS = 6
# Booking POSTs prepared: each is sent once, in turn, across the warm-up and every run.
PREPARED_BOOKINGS = 60_000


@dataclass
class Page:
    name: str
    resident: bool  # a resident's page, held to p99 < 100 ms at 32 connections
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, cookie or token)
    method: str = "GET"
    bodies: list[str] = field(default_factory=list)  # POST only, one per request
    queries: int = 0


def _lua_table(values: list[str]) -> str:
    return "{" + ",".join(json.dumps(v, ensure_ascii=True) for v in values) + "}"


def script(folder: Path, page: Page, path_override: str | None = None) -> Path:
    """A wrk Lua script that sends a random one of the page's prepared requests each time; a
    POST's in turn instead, from the one given as the script's argument (each booking once)."""
    lua = (
        folder
        / f"{page.name.replace(' ', '_').replace('/', '_')}{'-bare' if path_override else ''}.lua"
    )
    paths = [path_override or p for p, _ in page.requests]
    auths = [a for _, a in page.requests]
    header = "Authorization" if page.method == "POST" else "Cookie"
    lines = [
        f"paths = {_lua_table(paths)}",
        f"auths = {_lua_table(auths)}",
        f"bodies = {_lua_table(page.bodies or [''])}",
        "init = function(args) math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16)) end",
        "request = function()",
        "  local i = math.random(#paths)",
        f"  local headers = {{['{header}'] = auths[i]}}",
    ]
    if page.method == "POST":  # each prepared booking once: in turn from the run's first
        lines[3:7] = [
            "threads = 0",
            "setup = function(thread) thread:set('id', threads); threads = threads + 1 end",
            "init = function(args) first = tonumber(args[1] or '0'); step = 0 end",
            "request = function()",
            "  local i = (first + id + 2 * step) % #paths + 1",
            "  step = step + 1",
            f"  local headers = {{['{header}'] = auths[i]}}",
        ]
    if page.method == "POST":
        lines += [
            "  headers['Content-Type'] = 'application/json'",
            "  return wrk.format('POST', paths[i], headers, bodies[i])",
        ]
    else:
        lines += ["  return wrk.format('GET', paths[i], headers)"]
    lines += ["end"]
    lua.write_text("\n".join(lines) + "\n")
    return lua


def warm(target: str, lua: Path) -> int:
    """Warm a page's caches in both processes (see WARM_SECONDS); a POST's next prepared
    booking: none is sent twice (until they run out), those in flight when wrk stops neither."""
    cursor, before = 0, 0.0
    for _ in range(WARM_ROUNDS):
        round_ = wrk(target, WARM_SECONDS, 8, lua, [str(cursor)])
        cursor += int(round_["requests"]) + 16
        if before and abs(round_["rps"] - before) <= before / 10:
            break
        before = round_["rps"]
    return cursor


async def prepare() -> list[Page]:
    """Pick what each page asks for from the city, and log the people in."""
    from tortoise import connections

    from server import settings
    from server.domain import accounts, availability
    from server.domain.audit import Origin
    from server.models.accounts import Role, RoleGrant, User
    from server.models.bookings import Booking
    from server.models.members import Member
    from server.models.places import Centre, Level, OrgNode, Service
    from server.web.context import session_cookie

    config = settings.get()
    rng = random.Random(8)
    origin = Origin(via="bench")
    conn = connections.get("default")

    async def cookies_for(users: list[User]) -> dict[int, str]:
        out = {}
        for user in users:
            key = await accounts.start_session(user, config, origin)
            out[user.id] = session_cookie(config, key).split(";", 1)[0]
        return out

    async def random_ids(table: str, where: str = "TRUE", count: int = SAMPLE) -> list[int]:
        rows = await conn.execute_query_dict(
            f"SELECT id FROM {table} WHERE {where} ORDER BY random() LIMIT {count}"
        )
        return [r["id"] for r in rows]

    today = datetime.now(TZ).date()
    streets = await OrgNode.filter(
        id__in=await random_ids("org_nodes", "level = 'street'")
    ).values_list("code", flat=True)
    centres = await Centre.filter(id__in=await random_ids("centres")).values_list("code", flat=True)
    services = await Service.filter(id__in=await random_ids("services", "is_active")).values_list(
        "code", flat=True
    )

    home = Page("home", True, [("/", "")])
    places = Page("a street's centres", True, [(f"/places/{c}", "") for c in streets])
    centre = Page("centre page", True, [(f"/centres/{c}", "") for c in centres])
    slots = Page(
        "slot list (service page)",
        True,
        [
            (f"/services/{c}?day={today + timedelta(days=rng.randrange(1, 8))}", "")
            for c in services
        ],
    )

    booked = await Booking.filter(
        id__in=await random_ids("bookings", "status = 'booked'")
    ).values_list("user_id", flat=True)
    residents = await User.filter(id__in=list(set(booked)))
    cookies = await cookies_for(residents)
    mine = Page("my bookings", True, [("/bookings", cookies[u.id]) for u in residents])

    members = await Member.filter(
        id__in=await random_ids("members", "status = 'verified'")
    ).prefetch_related("user")
    cookies = await cookies_for([m.user for m in members])
    for_you = Page("for you (member)", True, [("/me/tasks", cookies[m.user_id]) for m in members])

    staff = await RoleGrant.filter(
        id__in=await random_ids("role_grants", "role = 'staff'")
    ).prefetch_related("user", "centre")
    cookies = await cookies_for([g.user for g in staff])
    day_view = Page(
        "staff day view", False, [(f"/staff/{g.centre.code}", cookies[g.user_id]) for g in staff]
    )

    admins = [
        g
        for g in await RoleGrant.filter(role=Role.ADMIN)
        .prefetch_related("user", "node")
        .order_by("id")
        if g.node is not None and g.node.level == Level.STREET
    ]
    admins = rng.sample(admins, min(len(admins), 100))
    cookies = await cookies_for([g.user for g in admins])
    dashboard = Page(
        "street dashboard",
        False,
        [(f"/admin/{g.node.code}", cookies[g.user_id]) for g in admins],
    )
    ranking = Page(
        "ranking report (street)",
        False,
        [(f"/admin/{g.node.code}/ranking", cookies[g.user_id]) for g in admins],
    )

    # Booking POST: free slots of random bookable services (all of each one's free places),
    # booked by random residents with API tokens; so many (person, slot) pairs that most
    # requests make a booking rather than meet a full slot or a person's limit.
    booking = Page("booking POST (API)", True, method="POST")
    now = datetime.now(UTC)
    bookable = await Service.filter(
        id__in=await random_ids("services", "is_active AND bookable", 1000)
    ).select_related("centre")
    free: list[tuple[str, str]] = []
    for service in bookable:
        days = await availability.upcoming_days(service, now)
        for _, day in days:
            free += [
                (service.code, s.starts_at.isoformat()) for s in day for _ in range(s.remaining)
            ]
    tokens = []
    for user in await User.filter(id__in=await random_ids("users", "is_active", 3000)):
        tokens.append(f"Bearer {(await accounts.issue_token(user, config, origin))[0]}")
    rng.shuffle(free)
    for code, start in free[:PREPARED_BOOKINGS]:
        booking.requests.append(("/api/v1/bookings", rng.choice(tokens)))
        booking.bodies.append(json.dumps({"service": code, "start": start}))

    return [
        home,
        places,
        centre,
        slots,
        booking,
        mine,
        for_you,
        day_view,
        dashboard,
        ranking,
    ]


async def count_queries(pages: list[Page]) -> dict[str, bytes]:
    """Each page's queries per request (its first prepared request, in-process) and its bytes."""
    from server.app import create_app
    from tests.querycount import counting

    app = create_app()
    bodies: dict[str, bytes] = {}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        for page in pages:
            if page.method == "POST":
                continue  # counted against the running server below, to keep the slot free
            path, cookie = page.requests[0]
            await client.get(path, headers={"Cookie": cookie})  # warm: templates, caches
            with counting() as queries:
                response = await client.get(path, headers={"Cookie": cookie})
            assert response.status_code == 200, (page.name, path, response.status_code)
            page.queries = queries.count
            bodies[page.name] = response.content
    return bodies


async def count_post(page: Page) -> bytes:
    """Statements of a booking of a service this process has booked before (its plan cached,
    as under load), and the body of the booking made."""
    from server.app import create_app
    from tests.querycount import counting

    app = create_app()
    transport = httpx.ASGITransport(app=app)
    by_service: dict[str, list[int]] = {}
    for i, body in enumerate(page.bodies):
        by_service.setdefault(json.loads(body)["service"], []).append(i)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        for tries in by_service.values():
            made = []
            for i in tries[:4]:
                (path, token), body = page.requests[i], page.bodies[i]
                with counting() as queries:
                    response = await client.post(
                        path, content=body, headers={"Authorization": token,
                                                     "Content-Type": "application/json"}
                    )  # fmt: skip
                if response.status_code == 201:
                    made.append(queries.count)
                if len(made) == 2:
                    page.queries = made[1]
                    return response.content
    raise RuntimeError("no two prepared bookings of one service could be made")


async def setup(only: set[str]) -> tuple[list[Page], dict[str, bytes]]:
    from server import db, settings

    await db.open_db(settings.get())
    try:
        pages = await prepare()
        if only:
            pages = [p for p in pages if any(o in p.name for o in only)]
        bodies = await count_queries(pages)
        for page in pages:
            if page.method == "POST":
                bodies[page.name] = await count_post(page)
        return pages, bodies
    finally:
        await db.close_db()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, nargs="+", default=[32, 128])
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--no-ceiling", action="store_true")
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help="runs per page and connection count: the table"
        " shows each figure's median and the range of p99 (this machine's runs differ a lot)",
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("set DATABASE_URL to the PostgreSQL database seeded with --scale city")
    pages, bodies = asyncio.run(setup(set(args.only)))
    folder = Path(tempfile.mkdtemp(prefix="doorstep-pages-"))
    ours: dict[tuple[str, int], dict[str, float]] = {}
    p99s: dict[tuple[str, int], list[float]] = {}
    with serving(workers=2) as url:
        for page in pages:
            lua = script(folder, page)
            target = url + page.requests[0][0]
            cursor = warm(target, lua)
            for c in args.connections:
                runs = []
                for _ in range(args.runs):
                    runs.append(wrk(target, args.seconds, c, lua, [str(cursor)]))
                    cursor += int(runs[-1]["requests"]) + 2 * c
                    print(page.name, c, runs[-1], flush=True)
                ours[(page.name, c)] = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                p99s[(page.name, c)] = sorted(r["p99"] for r in runs)
            if page.method == "POST" and cursor > len(page.requests):
                print(f"{page.name}: {cursor:,} sent of {len(page.requests):,} prepared: reused")
    bare: dict[tuple[str, int], dict[str, float]] = {}
    if not args.no_ceiling:
        for page in pages:
            created = bodies[page.name] if page.method == "POST" else b"{}"
            with ceiling(bodies[page.name], created, folder) as bare_url:
                target = "/book" if page.method == "POST" else "/page"
                lua = script(folder, page, path_override=target)
                for c in args.connections:
                    bare[(page.name, c)] = wrk(bare_url + target, args.seconds, c, lua)
    median = f", median of {args.runs} runs" if args.runs > 1 else ""
    print(
        f"\nCity pages, PostgreSQL + Redis, serve --workers 2, wrk 2 threads, {args.seconds} s"
        f"{median}, {datetime.now(UTC):%Y-%m-%d}\n"
    )
    spread = " p99 range ms |" if args.runs > 1 else ""
    print(
        f"| page | resident | conns | req/s | p50 ms | p99 ms |{spread} non-2xx | queries/request |"
        " ceiling req/s | ratio |"
    )
    print(f"|---|---|---:|---:|---:|---:|{'---:|' if args.runs > 1 else ''}---:|---:|---:|---:|")
    for page in pages:
        for c in args.connections:
            o = ours[(page.name, c)]
            b = bare.get((page.name, c))
            ceiling_rps = f"{b['rps']:,.0f}" if b else "-"
            ratio = f"{o['rps'] / b['rps']:.3f}" if b else "-"
            low, high = p99s[(page.name, c)][0], p99s[(page.name, c)][-1]
            spread = f" {low:.0f}-{high:.0f} |" if args.runs > 1 else ""
            print(
                f"| {page.name} | {'yes' if page.resident else 'staff'} | {c} | {o['rps']:,.0f} |"
                f" {o['p50']:.1f} | {o['p99']:.1f} |{spread} {o['non2xx']:.0f} | {page.queries} |"
                f" {ceiling_rps} | {ratio} |"
            )


if __name__ == "__main__":
    main()
