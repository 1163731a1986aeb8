"""Benchmark: "for you" for one member among 100,000 open tasks, and candidates for one task
among 200,000 members, on PostgreSQL: p50/p99 ms, split into SQL and scoring.

A city-shaped dataset is written with COPY (16 districts, 300 streets, 3,000 communities with
10 grids each; members with pledges, skills and areas; open tasks with skills; two months of
claims and some invitations), then ``for_you.for_member`` and ``matching.candidates_for`` are
called for random members and tasks, unchanged. The split timer wraps the two ranking functions
(scoring) and the database client's query methods (time in the driver, per query); the rest of
"SQL" is Tortoise building queries and turning rows into dicts. Run once without, then with,
the indexes the migration will add.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_matching \\
        .venv/bin/python -m bench.matching [--calls 200] [--members 200000] [--tasks 100000] [--keep]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import asyncpg

from bench.common import fresh_data_dir

# What the migration will add (it picks its own index names):
MIGRATION_INDEXES = [
    # LIKE 'prefix%' can use a b-tree only with the pattern operator class unless the column's
    # collation is "C"; PostgreSQL 15 treats C.UTF-8 as a real locale. Subtree queries need it.
    'CREATE INDEX IF NOT EXISTS "idx_members_path_pattern" '
    'ON "members" ("node_path" varchar_pattern_ops, "status")',
    'CREATE INDEX IF NOT EXISTS "idx_tasks_open_path_pattern" '
    'ON "tasks" ("status", "node_path" varchar_pattern_ops)',
    'CREATE INDEX IF NOT EXISTS "idx_org_nodes_path_pattern" '
    'ON "org_nodes" ("path" varchar_pattern_ops)',
    # members who pledged to serve a node (candidates living outside the task's street)
    'CREATE INDEX IF NOT EXISTS "idx_pledge_areas_node" ON "pledge_areas" ("node_id", "pledge_id")',
]
TABLES = (  # TRUNCATE ... CASCADE empties what refers to them too
    "invitations, claims, task_skills, tasks, pledge_areas, pledge_skills, pledges, members, "
    "skills, centres, org_nodes, users, audit_entries"
)
WEEKEND = [(5, "09:00", "12:00"), (6, "09:00", "12:00")]
EVENINGS = [(1, "19:00", "21:00"), (3, "19:00", "21:00")]
WINDOWS = [  # the shapes pledges store; [] is "by arrangement"
    [{"weekday": d, "start": a, "end": b} for d, a, b in chosen]
    for chosen in (WEEKEND[:1], [(6, "14:00", "17:00")], WEEKEND, EVENINGS, [])
]
SKILLS = 20
TITLES = ["辅导小学数学作业", "陪老人去医院复查", "楼道灯维修", "社区环境清扫", "帮忙买菜送上门"]
TEXTS = ["周末可以辅导作业", "会修水电，下班后有空", "可以陪老人聊天、读报", "周六上午可参加清扫"]


class City:
    """Ids and paths of the generated tree: community c is in street c // 10; grid g of c."""

    def __init__(self) -> None:
        self.rows: list[tuple[Any, ...]] = []
        self.community_ids: list[int] = []
        self.community_paths: list[str] = []
        self.grid_ids: list[list[int]] = []
        self.grid_paths: list[list[str]] = []


def build_tree(now: datetime) -> City:
    city, next_id = City(), iter(range(1, 10**7))

    def add(code: str, level: str, parent: tuple[int, str] | None) -> tuple[int, str]:
        node_id, path = next(next_id), f"{parent[1] if parent else ''}{code}/"
        row = (node_id, code, code, "", level, path, path.count("/") - 1, 0, now)
        city.rows.append((*row, parent[0] if parent else None))
        return node_id, path

    root = add("BC", "city", None)
    districts = [add(f"BD{d:02d}", "district", root) for d in range(16)]
    for s in range(300):
        street = add(f"BS{s:03d}", "street", districts[s % 16])
        for c in range(10):
            community = add(f"BC{s:03d}{c}", "community", street)
            city.community_ids.append(community[0])
            city.community_paths.append(community[1])
            grids = [add(f"BG{s:03d}{c}{g}", "grid", community) for g in range(10)]
            city.grid_ids.append([g[0] for g in grids])
            city.grid_paths.append([g[1] for g in grids])
    return city


async def _connect(url: str) -> asyncpg.Connection:
    return await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))


async def copy(conn: asyncpg.Connection, table: str, columns: str, rows: Any) -> int:
    records = list(rows)
    await conn.copy_records_to_table(table, records=records, columns=columns.split())
    return len(records)


async def generate(url: str, members: int, tasks: int) -> None:
    rng, now = random.Random(7), datetime.now(UTC)
    today = now.date()
    conn = await _connect(url)
    try:
        await conn.execute(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")
        city = build_tree(now)
        cols = "id code name name_en level path depth sort_order created_at parent_id"
        await copy(conn, "org_nodes", cols, city.rows)
        await copy(
            conn,
            "centres",
            "id code node_path kind name name_en address phone description hours_note "
            "time_zone is_active created_at node_id",
            (
                (i + 1, f"BCE{i:05d}", path, "community", f"中心{i}", "", "-", "", "", "",
                 "Asia/Shanghai", True, now, city.community_ids[i])
                for i, path in enumerate(city.community_paths)
            ),
        )  # fmt: skip
        await copy(
            conn,
            "skills",
            "id code name name_en sort_order",
            ((i, f"skill{i}", f"技能{i}", "", i) for i in range(1, SKILLS + 1)),
        )
        homes = await _people(conn, rng, city, members, now, today)
        await _tasks(conn, rng, city, homes, tasks, now)
        for table in ("org_nodes", "centres", "skills", "users", "members", "pledges", "tasks"):
            await conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"
            )
        await conn.execute("VACUUM ANALYZE")  # as autovacuum would have by now: visibility map
    finally:
        await conn.close()


async def _people(
    conn: asyncpg.Connection, rng: random.Random, city: City, count: int, now: datetime, today: date
) -> list[tuple[int, str]]:
    """Users, members (90% verified, 5% pending, 5% lapsed), pledges, pledge skills and areas;
    returns (member id, status) per member."""
    await copy(
        conn,
        "users",
        "id public_id phone password_hash display_name language elderly_mode notify_email "
        "notify_sms is_active created_at",
        ((i, f"BU{i:020d}", f"17{i:09d}", "-", f"党员{i}", "zh-CN", False, False, False, True, now)
         for i in range(1, count + 1)),
    )  # fmt: skip
    members, pledges, skills, areas, homes = [], [], [], [], []
    for i in range(1, count + 1):
        c = rng.randrange(len(city.community_ids))
        g = rng.randrange(10) if rng.random() < 0.8 else None
        path = city.grid_paths[c][g] if g is not None else city.community_paths[c]
        status = rng.choices(["verified", "pending", "lapsed"], [90, 5, 5])[0]
        until = today + timedelta(days=rng.randint(-30, 182) if status == "lapsed" else 100)
        members.append(
            (i, f"党员{i}", "", path, status, "", now, now, until, rng.randint(0, 12),
             rng.choice([0, 0, 0, 0, 1, 2]), city.community_ids[c],
             city.grid_ids[c][g] if g is not None else None, i)
        )  # fmt: skip
        homes.append((i, status))
        if status == "pending" or rng.random() < 0.1:
            continue
        pledges.append(
            (i, rng.choice(TEXTS), json.dumps(rng.choice(WINDOWS)), rng.randint(1, 4),
             Decimal(rng.choice((2, 4, 6, 8))), today + timedelta(days=rng.randint(30, 365)),
             "active", now, i)
        )  # fmt: skip
        skills += [(i, s) for s in rng.sample(range(1, SKILLS + 1), rng.randint(1, 3))]
        areas.append((i, city.community_ids[c]))
        if g is not None:
            areas.append((i, city.grid_ids[c][g]))
        if rng.random() < 0.1:  # also a neighbouring community of the street
            areas.append((i, city.community_ids[c // 10 * 10 + (c + 1) % 10]))
    await copy(
        conn,
        "members",
        "id real_name member_no node_path status status_reason reported_at verified_at "
        "confirmed_until completed_count no_show_count community_id grid_id user_id",
        members,
    )
    cols = (
        "id text availability monthly_tasks monthly_hours valid_until status created_at member_id"
    )
    await copy(conn, "pledges", cols, pledges)
    await copy(conn, "pledge_skills", "pledge_id skill_id", skills)
    await copy(conn, "pledge_areas", "pledge_id node_id", set(areas))
    return homes


async def _tasks(
    conn: asyncpg.Connection,
    rng: random.Random,
    city: City,
    homes: list[tuple[int, str]],
    count: int,
    now: datetime,
) -> None:
    """``count`` open tasks, 60% with a fixed time in the next 30 days; ``count // 2`` done tasks
    carry 1.5 claims per member over 60 days; some invitations on open tasks."""
    rows, links = [], []
    for i in range(1, count + count // 2 + 1):
        c = rng.randrange(len(city.community_ids))
        g = rng.randrange(10) if rng.random() < 0.7 else None
        node = city.grid_ids[c][g] if g is not None else city.community_ids[c]
        path = city.grid_paths[c][g] if g is not None else city.community_paths[c]
        starts = None
        if rng.random() < 0.6:
            day = now + timedelta(days=rng.randint(1, 30))
            starts = day.replace(hour=rng.choice((1, 6, 11)), minute=0, second=0, microsecond=0)
        hours = rng.choice((1, 2, 3))
        ends = starts + timedelta(hours=hours) if starts else None
        status = "open" if i <= count else "done"
        rows.append(
            (i, f"BT{i:010d}", "other", path, rng.choice(TITLES), "", starts, ends,
             Decimal(hours), rng.choice((1, 1, 2, 3)), 0, 7, status,
             now - timedelta(days=rng.randint(0, 30)), c + 1, node)
        )  # fmt: skip
        links += [(i, s) for s in rng.sample(range(1, SKILLS + 1), rng.choice((0, 1, 1, 2)))]
    await copy(
        conn,
        "tasks",
        "id code source node_path title description starts_at ends_at estimated_hours capacity "
        "taken claim_days status created_at centre_id node_id",
        rows,
    )
    await copy(conn, "task_skills", "task_id skill_id", links)
    verified = [m for m, status in homes if status == "verified"]
    claims = (
        (f"BK{k:010d}", "verified", now - timedelta(days=rng.uniform(0, 60), hours=-1),
         now, "", False, "", "", rng.choice(verified), count + rng.randint(1, count // 2))
        for k in range(len(homes) * 3 // 2)
    )  # fmt: skip
    cols = "code status claimed_at due_at completion_note auto_confirmed dispute_reason "
    await copy(conn, "claims", cols + "ended_reason member_id task_id", claims)
    invited = {(rng.randint(1, count), rng.choice(verified)) for _ in range(count // 5)}
    await copy(
        conn,
        "invitations",
        "code status reason score created_at task_id member_id",
        ((f"BI{k:010d}", rng.choice(("pending", "declined")), "", "{}", now, t, m)
         for k, (t, m) in enumerate(invited)),
    )  # fmt: skip


# Timing -------------------------------------------------------------------------------------


class Split:
    """Time spent in the ranking functions and in the database driver, per call."""

    def __init__(self) -> None:
        self.scoring = self.driver = 0.0
        self.queries = self.scored = 0
        self.by_query: dict[str, list[float]] = defaultdict(list)

    def reset(self) -> None:
        self.scoring = self.driver = 0.0
        self.queries = self.scored = 0

    def wrap_ranking(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(pool: Any, limit: int) -> Any:
            self.scored += len(pool.profiles) if fn.__name__ == "rank_members" else len(pool.jobs)
            t = time.perf_counter()
            try:
                return fn(pool, limit)
            finally:
                self.scoring += time.perf_counter() - t

        return timed

    def wrap_query(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        async def timed(query: str, values: Any = None) -> Any:
            t = time.perf_counter()
            try:
                return await fn(query, values)
            finally:
                spent = time.perf_counter() - t
                self.driver += spent
                self.queries += 1
                self.by_query[_label(query)].append(spent)

        return timed


def _label(query: str) -> str:
    table = query.split(" FROM ", 1)[-1].split()[0].strip('"')
    return f"{table}{' JOIN' if ' JOIN ' in query else ''}"


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def measure(calls: int, split: Split) -> list[dict[str, Any]]:
    from server import cache
    from server.domain import for_you, matching
    from server.models.members import Member, MemberStatus, Task, TaskStatus

    rng, now = random.Random(11), datetime.now(UTC)
    member_ids = await Member.filter(status=MemberStatus.VERIFIED).values_list("id", flat=True)
    task_ids = await Task.filter(status=TaskStatus.OPEN).values_list("id", flat=True)
    cases: list[tuple[str, Callable[[int], Any], list[int]]] = [
        ("for_member", lambda i: Member.get(id=i), list(member_ids)),
        ("candidates_for", lambda i: Task.get(id=i), list(task_ids)),
    ]
    rows = []
    for name, load, ids in cases:
        call = getattr(for_you if name == "for_member" else matching, name)
        split.by_query.clear()
        seen: dict[str, list[float]] = defaultdict(list)
        for n in range(calls + 10):
            thing = await load(rng.choice(ids))
            cache.clear_all()  # every call a first look, as when this was measured (issue 6)
            split.reset()
            t = time.perf_counter()
            found = await call(thing, limit=20, now=now)
            total = time.perf_counter() - t
            if n < 10:  # warm-up
                continue
            for key, value in (
                ("total", total), ("sql", total - split.scoring), ("scoring", split.scoring),
                ("driver", split.driver), ("queries", split.queries), ("scored", split.scored),
                ("empty", float(not found)),
            ):  # fmt: skip
                seen[key].append(value)
        rows.append(
            {
                "call": name,
                "calls": len(seen["total"]),
                "empty": int(sum(seen["empty"])),
                "scored": statistics.median(seen["scored"]),
                "queries": statistics.median(seen["queries"]),
                "p50": _ms(seen["total"], 0.5),
                "p99": _ms(seen["total"], 0.99),
                **{key: _ms(seen[key], 0.5) for key in ("sql", "driver", "scoring")},
            }
        )
        print(f"  {name}: time in the driver per call, by query (ms):")
        for query, spent in sorted(split.by_query.items(), key=lambda kv: -sum(kv[1])):
            print(f"    {query:<24} {1000 * sum(spent) / (calls + 10):6.2f}")
    return rows


def table(rows: list[dict[str, Any]], indexes: str) -> Iterator[str]:
    for r in rows:
        yield (
            f"| {r['call']} | {indexes} | {r['calls']} ({r['empty']} empty) | {r['scored']:,.0f} "
            f"| {r['p50']:.1f} | {r['p99']:.1f} | {r['sql']:.1f} | {r['driver']:.1f} "
            f"| {r['scoring']:.1f} | {r['queries']:.0f} |"
        )


async def explain(url: str) -> None:
    """The plans of the two coarse cuts, for the record."""
    conn = await _connect(url)
    try:
        street = await conn.fetchval("SELECT path FROM org_nodes WHERE level = 'street' LIMIT 1")
        for sql in (
            'SELECT "id" FROM "members" WHERE CAST("node_path" AS VARCHAR) LIKE $1 '
            "AND \"status\" = 'verified'",
            'SELECT "id" FROM "tasks" WHERE CAST("node_path" AS VARCHAR) LIKE $1 '
            "AND \"status\" = 'open'",
        ):
            plan = await conn.fetch(f"EXPLAIN ANALYZE {sql}", f"{street}%")
            shown = [
                plan[0][0],
                *(r[0] for r in plan if "Index Cond" in r[0] or "Rows Rem" in r[0]),
            ]
            print("   ", "\n    ".join(line.strip() for line in shown))
    finally:
        await conn.close()


async def main(args: argparse.Namespace) -> None:
    from tortoise import connections

    from server import db, migrations_tool, settings
    from server.domain import for_you, matching

    config = settings.get()
    if config.is_sqlite:
        raise SystemExit("set DATABASE_URL to a PostgreSQL database of its own (its tables go)")
    await migrations_tool.upgrade(config)
    url = config.database_url
    conn = await _connect(url)
    have = await conn.fetchval("SELECT count(*) FROM members")
    for sql in MIGRATION_INDEXES:
        await conn.execute(f"DROP INDEX IF EXISTS {sql.split()[5]}")
    await conn.close()
    if not (args.keep and have == args.members):
        t = time.perf_counter()
        await generate(url, args.members, args.tasks)
        print(f"dataset written in {time.perf_counter() - t:.0f} s")
    await db.open_db(config)
    split = Split()
    client = connections.get("default")
    client.execute_query = split.wrap_query(client.execute_query)  # type: ignore[method-assign]
    client.execute_query_dict = split.wrap_query(client.execute_query_dict)  # type: ignore[method-assign]
    matching.rank_members = split.wrap_ranking(matching.rank_members)  # type: ignore[assignment]
    for_you.rank_tasks = split.wrap_ranking(for_you.rank_tasks)  # type: ignore[assignment]
    lines = []
    try:
        for label in ("without", "with"):
            if label == "with":
                conn = await _connect(url)
                for sql in MIGRATION_INDEXES:
                    await conn.execute(sql)
                await conn.execute("ANALYZE")
                await conn.close()
            print(f"plans {label} the migration's indexes:")
            await explain(url)
            lines += table(await measure(args.calls, split), label)
    finally:
        await db.close_db()
    print(
        "\n| call | migration's indexes | calls | rows scored (p50) | p50 ms | p99 ms "
        "| SQL p50 ms | in driver p50 ms | scoring p50 ms | queries |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    print("\n".join(lines))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--members", type=int, default=200_000)
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="reuse a dataset of the same size")
    os.environ.setdefault("SECRET_KEY", "bench-secret-key-that-is-long-enough-0123456789")
    fresh_data_dir()
    asyncio.run(main(parser.parse_args()))
