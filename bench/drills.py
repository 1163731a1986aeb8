"""Resilience drills: Redis away under load, PostgreSQL restarted under load, a worker killed
mid-batch, 1 GB of uploads from one abusive client. Each prints what happened as tables and
fails (AssertionError) if anything was lost, doubled or half-written.

    .venv/bin/python -m bench.drills [redis] [postgres] [worker] [uploads]

Every drill runs on its own PostgreSQL cluster and redis-server (free ports, temporary
directories, see bench/drill_env.py) and stops them, and every process it started, at the end.
Recorded outcomes: bench/DRILLS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import signal
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from bench import drill_env
from bench.drill_batch import Outcome, fill, outcome, status_counts
from bench.drill_checks import audit, pending, print_audit, wait_all_sent
from bench.drill_load import Load, Sample, World, build_world, by_phase, print_phase_table
from bench.drill_uploads import (
    Memory,
    MiB,
    Probe,
    Result,
    abuse,
    abusive_shots,
    buffered_shot,
    fire,
    print_report,
    slow_shot,
)

CONCURRENCY = 20
SMTP_DELAY = 0.1  # seconds the local SMTP server takes to accept a message, like a real relay


@dataclass
class Step:
    phase: str
    seconds: float
    action: Callable[[], None] | None = None  # run (in a thread) as the phase begins


async def under_load(url: str, world: World, steps: list[Step]) -> tuple[Load, dict[str, float]]:
    """Residents browse and book through ``steps``; returns the load and when each step began
    and when its action had finished."""
    load = Load(url, world, concurrency=CONCURRENCY)
    residents = await load.login_all()
    runner = asyncio.create_task(load.run(residents))
    marks: dict[str, float] = {}
    try:
        for step in steps:
            load.phase = step.phase
            marks[step.phase] = time.monotonic()
            if step.action is not None:
                await asyncio.to_thread(step.action)
            marks[f"{step.phase}:done"] = time.monotonic()
            await asyncio.sleep(step.seconds)
    finally:
        load.stop()
        await runner
        for resident in residents:
            await resident.client.aclose()
    return load, marks


def first_success_after(samples: list[Sample], since: float, kind: str) -> float | None:
    """Seconds from ``since`` until the first request of ``kind`` sent after it succeeded."""
    ok = [s.at for s in samples if s.kind == kind and s.at >= since and 200 <= s.status < 400]
    return min(ok) - since if ok else None


# 1. Redis down 60 s under load -------------------------------------------------------------


async def _redis_drill(stack: drill_env.Stack, outage: float) -> None:
    world = await build_world(residents=40)
    url, _ = stack.fleet.serve(workers=2)
    stack.fleet.start("worker", name="worker")
    steps = [
        Step("before", 20),
        Step("Redis down", outage, stack.redis.stop),
        Step("after", 30, lambda: _start_and_count(stack, backlog)),
    ]
    backlog: list[int] = []
    load, marks = await under_load(url, world, steps)
    print_phase_table(by_phase(load.samples, [s.phase for s in steps]))
    back = marks["after:done"]
    settle = await wait_all_sent(stack.env["DATABASE_URL"], limit_seconds=300)
    delivered_after = time.monotonic() - back
    result = await audit(
        stack.env["DATABASE_URL"], world.service_code, load.booked_codes, stack.sink.counts()
    )
    print(
        f"\n{backlog[0]:,} messages were waiting when Redis came back; all were sent "
        f"{delivered_after:.0f} s after it was back ({settle:.0f} s after the load stopped)\n"
    )
    print_audit(result)
    during = [s for s in load.samples if s.phase == "Redis down"]
    failed = [s for s in during if not 200 <= s.status < 400]
    booked_during = sum(1 for s in during if s.kind == "book" and s.status == 303)
    print(
        f"\nduring the outage: {len(during)} requests, {len(failed)} failed, {booked_during} bookings made"
    )
    assert not failed, f"requests failed while Redis was away: {failed[:5]}"
    assert booked_during > 0, "no booking was made while Redis was away"
    assert not result.problems(), result.problems()
    assert result.stored_not_told == 0


def _start_and_count(stack: drill_env.Stack, backlog: list[int]) -> None:
    stack.redis.start()
    backlog.append(asyncio.run(pending(stack.env["DATABASE_URL"])))


def drill_redis(outage: float = 60) -> None:
    """Redis stopped for ``outage`` seconds under load: pages and bookings keep working, every
    confirmation is delivered once Redis is back, none twice."""
    print(f"\n## Drill 1: Redis stopped for {outage:.0f} s under load\n")
    with drill_env.stack(smtp_delay=SMTP_DELAY) as stack:
        asyncio.run(_redis_drill(stack, outage))


# 2. PostgreSQL restarted under load --------------------------------------------------------


async def _postgres_drill(stack: drill_env.Stack, down: float) -> None:
    world = await build_world(residents=40)
    url, _ = stack.fleet.serve(workers=2)
    stack.fleet.start("worker", name="worker")
    steps = [
        Step("before", 20),
        Step("PostgreSQL down", down, lambda: _stop_mid_send(stack)),
        Step("after", 40, stack.postgres.start),
    ]
    load, marks = await under_load(url, world, steps)
    print_phase_table(by_phase(load.samples, [s.phase for s in steps]))
    up = marks["after:done"]
    recovered = {k: first_success_after(load.samples, up, k) for k in ("home", "book", "login")}
    late = [s for s in load.samples if s.at >= up + 5 and not 200 <= s.status < 400]
    errors_after = [s.at + s.ms / 1000 - up for s in load.samples if s.at >= up and not s.ok]
    settle = await wait_all_sent(stack.env["DATABASE_URL"], limit_seconds=600)
    result = await audit(
        stack.env["DATABASE_URL"], world.service_code, load.booked_codes, stack.sink.counts()
    )
    print(
        "\nfirst success after PostgreSQL was accepting connections again: "
        + ", ".join(
            f"{k} {v:.1f} s" if v is not None else f"{k} never" for k, v in recovered.items()
        )
    )
    print(
        f"errors after it was back: {len(errors_after)}, the last {max(errors_after, default=0):.1f}"
        f" s after; from 5 s after: {len(late)}"
    )
    print(f"all messages sent {settle:.0f} s after the load stopped\n")
    print_audit(result)
    unclear = [s for s in load.samples if not s.clear]
    assert not unclear, f"5xx answers without the clear error page: {len(unclear)}"
    assert all(v is not None and v < 5 for v in recovered.values()), recovered
    assert not late, f"errors after recovery: {late[:5]}"
    assert not result.problems(), result.problems()


def _stop_mid_send(stack: drill_env.Stack) -> None:
    """Stop PostgreSQL while the SMTP server holds a message: the worker must record it as
    sent once the database is back, or another worker sends it again when the lease ends."""
    _wait(lambda: stack.sink.in_flight > 0, seconds=10)
    stack.postgres.stop("fast")


def drill_postgres(down: float = 15) -> None:
    """PostgreSQL stopped (fast: sessions cut, open transactions rolled back) for ``down``
    seconds and started again under load: clear errors during, full recovery, nothing half-written."""
    print(f"\n## Drill 2: PostgreSQL stopped for {down:.0f} s and started again under load\n")
    with drill_env.stack(smtp_delay=SMTP_DELAY) as stack:
        asyncio.run(_postgres_drill(stack, down))


# 3. A worker killed mid-batch --------------------------------------------------------------


def drill_worker(count: int = 2000, smtp_delay: float = 0.2) -> None:
    """``count`` emails, two workers, one SIGKILLed a third of the way through, a replacement
    started: every message accepted by SMTP exactly once."""
    print(f"\n## Drill 3: a worker killed mid-batch ({count:,} emails, SMTP {smtp_delay} s each)\n")
    _batch_drill(count, smtp_delay, signal.SIGKILL)


def drill_worker_stop(count: int = 2000, smtp_delay: float = 0.2) -> None:
    """As drill 3, but the worker is stopped with SIGTERM, as a deploy or restart does."""
    print(f"\n## Drill 3b: a worker stopped (SIGTERM) mid-batch ({count:,} emails)\n")
    _batch_drill(count, smtp_delay, signal.SIGTERM)


def _batch_drill(count: int, smtp_delay: float, how: signal.Signals) -> None:
    with drill_env.stack(smtp_delay=smtp_delay) as stack:
        database = stack.env["DATABASE_URL"]
        ids = asyncio.run(fill(count))
        victim = stack.fleet.start("worker", name="worker-a")
        stack.fleet.start("worker", name="worker-b")
        started = time.monotonic()
        _wait(lambda: sum(stack.sink.counts().values()) >= count // 3, seconds=600)
        time.sleep(random.uniform(0, 1))  # not just after an acceptance: any moment
        signalled = time.time()
        victim.send_signal(how)
        victim.wait()
        label = f"worker A {how.name}, exited {time.time() - signalled:.1f} s later"
        moments = [(label, time.monotonic(), sum(stack.sink.counts().values()))]
        at_stop = asyncio.run(status_counts(database, ids))
        stack.fleet.start("worker", name="worker-c")
        asyncio.run(wait_all_sent(database, limit_seconds=900))
        moments.append(("last row sent", time.monotonic(), 0))
        time.sleep(2)  # anything still on the wire reaches the sink
        accepted_at = dict(stack.sink.accepted_at)
        result = asyncio.run(outcome(database, ids, stack.sink.counts(), accepted_at))
    _print_batch(started, moments, at_stop, result)
    for message_id, times in sorted((k, v) for k, v in accepted_at.items() if len(v) > 1):
        when = ", ".join(f"{t - signalled:+.3f} s" for t in times)
        print(f"{message_id} accepted at {when} from the signal")
    assert result.rows == count and result.sent == count, result
    assert result.accepted_once == count and not result.doubled and not result.lost, result


def _print_batch(
    started: float, moments: list[tuple[str, float, int]], at_stop: Counter[str], result: Outcome
) -> None:
    (what, stopped, accepted), (_, done, _) = moments
    print("| moment | seconds from start | accepted by SMTP | rows pending / sending / sent |")
    print("|---|---:|---:|---|")
    print(
        f"| {what} | {stopped - started:.1f} | {accepted:,} | "
        f"{at_stop['pending']} / {at_stop['sending']} / {at_stop['sent']} |"
    )
    print(
        f"| last row sent | {done - started:.1f} | {result.accepted_once + result.doubled:,} | "
        f"0 / 0 / {result.sent} |\n"
    )
    print(
        "| rows | sent | failed | accepted exactly once | accepted twice or more | never accepted "
        "| rows by attempts |"
    )
    print("|---:|---:|---:|---:|---:|---:|---|")
    attempts = ", ".join(f"{k}: {v}" for k, v in sorted(result.attempts.items()))
    print(
        f"| {result.rows:,} | {result.sent:,} | {result.failed} | {result.accepted_once:,} | "
        f"{result.doubled} | {result.lost} | {attempts} |"
    )
    w = result.windows_ms
    rate = accepted / (stopped - started)  # two workers, before one went
    print(
        f'\nfrom SMTP acceptance to the commit of "sent", per message: p50 {statistics.median(w):.1f}'
        f" ms, mean {statistics.mean(w):.1f} ms, p99 {w[int(len(w) * 0.99)]:.1f} ms, max {w[-1]:.0f}"
        f" ms. A worker killed inside it leaves a sent message unrecorded, sent again after the"
        f" lease: at {rate / 2:.0f} messages/s per worker, a kill at a random moment doubles one"
        f" with a chance of about {rate / 2 * statistics.mean(w) / 1000:.0%}."
    )


def _wait(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"not reached in {seconds:.0f} s")
        time.sleep(0.05)


# 4. 1 GB of uploads from one abusive client ------------------------------------------------


async def _resident_session(url: str) -> tuple[str, str, str]:
    """The demo resident's session cookie, a CSRF token, and an API token."""
    import httpx

    from server.seed.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

    phone = DEMO_ACCOUNTS[0][0]
    csrf = "c" * 43
    async with httpx.AsyncClient(base_url=url, cookies={"ds_csrf": csrf}) as client:
        form = {"csrf_token": csrf, "phone": phone, "password": DEMO_PASSWORD, "next": "/"}
        login = await client.post("/login", data=form)
        assert login.status_code == 303, login.status_code
        api = await client.post(
            "/api/v1/auth/token", json={"phone": phone, "password": DEMO_PASSWORD}
        )
        return login.cookies["ds_session"], csrf, api.json()["token"]


async def _uploads_drill(stack: drill_env.Stack, slow_connections: int) -> None:
    from server.seed.demo import CENTRE_A_CODE

    world = await build_world(residents=1)
    url, serve = stack.fleet.serve(workers=2)
    session, csrf, token = await _resident_session(url)
    shots = abusive_shots(session, csrf, token, CENTRE_A_CODE, world.service_code)
    probe, memory = Probe(url), Memory(serve.pid)
    watchers = [asyncio.create_task(probe.run()), asyncio.create_task(memory.run())]
    await asyncio.sleep(10)
    probe.phase = memory.phase = "abuse"
    started = time.monotonic()
    slow = slow_shot(session, csrf, CENTRE_A_CODE)
    lorises = [asyncio.create_task(fire(url, slow)) for _ in range(slow_connections)]
    results = await abuse(url, shots, connections=4, seconds=ABUSE_SECONDS)
    seconds = time.monotonic() - started
    held = sum(1 for t in lorises if not t.done())
    for task in lorises:
        task.cancel()
    await asyncio.gather(*lorises, return_exceptions=True)
    burst_results = []
    for phase, in_form in (("burst, token in a header", False), ("burst, token in the form", True)):
        probe.phase = memory.phase = phase
        burst = buffered_shot(session, csrf, CENTRE_A_CODE, in_form)
        burst_results += await asyncio.gather(*(fire(url, burst) for _ in range(BURST)))
    probe.phase = memory.phase = "after"
    await asyncio.sleep(5)
    probe.stop()
    memory.stop()
    await asyncio.gather(*watchers)
    print_report(results, seconds, (held, slow_connections), burst_results, probe, memory)
    _judge_uploads(results + burst_results, probe, memory)


def _judge_uploads(results: list[Result], probe: Probe, memory: Memory) -> None:
    assert all(not 200 <= r.status < 400 for r in results), "an abusive body was accepted"
    assert sum(r.attempted for r in results) >= 1024 * MiB, "less than 1 GiB attempted"
    too_big = [r for r in results if r.attempted > 64 * MiB]
    assert all(r.status in (0, 413) for r in too_big), "an over-limit body was not refused"
    for phase in dict.fromkeys(p for p, _, _ in probe.samples):
        summary = probe.summary(phase)
        assert summary["failed"] == 0, f"the home page failed ({phase})"
        assert summary["p99"] <= RESPONSIVE_P99_MS, (
            f"not responsive during {phase!r}: home page p99 {summary['p99']:.0f} ms, "
            f"server RSS peak {memory.peaks[phase] / MiB:,.0f} MiB"
        )


ABUSE_SECONDS = 30
BURST = 16  # bodies just under the photo limit at once, each read whole by the CSRF check
RESPONSIVE_P99_MS = 1000  # a person waits a second at most for the home page, even under abuse


def drill_uploads(slow_connections: int = 20) -> None:
    """One client pushes over 1 GiB of request bodies as fast as it can (and holds slow ones)
    while another times the home page every 100 ms: every body refused, the page still quick."""
    print("\n## Drill 4: 1 GiB of uploads from one abusive client\n")
    with drill_env.stack() as stack:
        asyncio.run(_uploads_drill(stack, slow_connections))


DRILLS: dict[str, Callable[[], None]] = {
    "redis": drill_redis,
    "postgres": drill_postgres,
    "worker": drill_worker,
    "worker-stop": drill_worker_stop,
    "uploads": drill_uploads,
}


def main() -> None:
    parser = argparse.ArgumentParser(description="Resilience drills (bench/DRILLS.md)")
    parser.add_argument("names", nargs="*", metavar="name", help=", ".join(DRILLS) + " (all)")
    args = parser.parse_args()
    unknown = set(args.names) - set(DRILLS)
    if unknown:
        parser.error(f"unknown drill: {', '.join(sorted(unknown))}")
    for name in args.names or list(DRILLS):
        DRILLS[name]()


if __name__ == "__main__":
    main()
