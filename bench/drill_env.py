"""Private servers and Doorstep processes for the resilience drills (``bench/drills.py``).

Each drill gets its own PostgreSQL cluster and Redis server on free ports, so it can stop and
restart them without touching the shared servers others use. Everything started here is
stopped by the context managers, also when a drill fails.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench.common import free_port

PG_USER = "postgres"  # initdb refuses to run as root; the cluster runs as this user then


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} not found under /usr/lib/postgresql")
    return found[-1]


def _as_pg_user(args: list[str]) -> list[str]:
    return ["runuser", "-u", PG_USER, "--", *args] if os.geteuid() == 0 else args


class PrivatePostgres:
    """A PostgreSQL cluster of our own in a temporary directory, on a free port."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data"
        self.port = free_port()

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.root, PG_USER)
        args = [_pg_bin("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust"]
        subprocess.run(_as_pg_user([*args, "-E", "UTF8", "--locale=C.UTF-8"]), **_quiet())

    def start(self) -> None:
        args = [_pg_bin("pg_ctl"), "-D", str(self.data), "-o", self._options(), "-w", "-t", "60"]
        log = str(self.root / "postgres.log")
        subprocess.run(_as_pg_user([*args, "-l", log, "start"]), **_quiet())

    def _options(self) -> str:
        # Commit timestamps let drill 3 measure when a "sent" mark became durable.
        return (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
            " -c track_commit_timestamp=on"
        )

    def stop(self, mode: str = "fast") -> None:
        args = [_pg_bin("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"]
        subprocess.run(_as_pg_user(args), **_quiet())

    def restart(self, mode: str = "fast") -> None:
        """``pg_ctl restart``: every connection is cut, then the server comes back."""
        args = [_pg_bin("pg_ctl"), "-D", str(self.data), "-m", mode, "-o", self._options(), "-w"]
        log = str(self.root / "postgres.log")
        subprocess.run(_as_pg_user([*args, "-l", log, "restart"]), **_quiet())

    def running(self) -> bool:
        args = [_pg_bin("pg_ctl"), "-D", str(self.data), "status"]
        return subprocess.run(_as_pg_user(args), capture_output=True).returncode == 0

    def create_database(self, name: str) -> str:
        psql = [_pg_bin("psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
        subprocess.run([*psql, "-c", f"CREATE DATABASE {name}"], **_quiet())
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"


def _quiet() -> dict[str, Any]:
    return {"check": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE}


@contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    root = Path(tempfile.mkdtemp(prefix="doorstep-drill-pg-"))
    server = PrivatePostgres(root)
    try:
        server.init()
        server.start()
        yield server
    finally:
        if server.data.exists() and server.running():
            server.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)


class PrivateRedis:
    """A redis-server of our own on a free port, without persistence, like a restarted one."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        subprocess.run(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "yes",
                "--dir",
                str(self.root),
                "--pidfile",
                str(self.root / "redis.pid"),
                "--logfile",
                str(self.root / "redis.log"),
            ],
            **_quiet(),
        )
        deadline = time.monotonic() + 10
        while not self.up():
            if time.monotonic() > deadline:
                raise RuntimeError("the private redis-server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        subprocess.run(["redis-cli", "-p", str(self.port), "shutdown", "nosave"], **_quiet())
        while self.up():
            time.sleep(0.05)

    def up(self) -> bool:
        ping = ["redis-cli", "-p", str(self.port), "ping"]
        return subprocess.run(ping, capture_output=True, text=True).stdout.strip() == "PONG"


@contextmanager
def private_redis() -> Iterator[PrivateRedis]:
    root = Path(tempfile.mkdtemp(prefix="doorstep-drill-redis-"))
    server = PrivateRedis(root)
    try:
        server.start()
        yield server
    finally:
        if server.up():
            server.stop()
        shutil.rmtree(root, ignore_errors=True)


class SmtpSink:
    """A local SMTP server's handler: counts accepted messages by Message-ID.

    ``delay`` holds each message before answering 250, like a slow relay; aiosmtpd cancels the
    handler when the client goes away meanwhile, so a message counts only once it is accepted.
    """

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.accepted: Counter[str] = Counter()
        self.accepted_at: dict[str, list[float]] = {}  # time.time() of each acceptance
        self.in_flight = 0  # messages received, not yet answered
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        import asyncio

        with self.lock:
            self.in_flight += 1
        try:
            if self.delay:
                await asyncio.sleep(self.delay)
        finally:
            with self.lock:
                self.in_flight -= 1
        message_id = ""
        for line in envelope.content.split(b"\r\n"):
            if line.lower().startswith(b"message-id:"):
                message_id = line.split(b":", 1)[1].strip().decode()
                break
            if not line:
                break
        with self.lock:
            self.accepted[message_id] += 1
            self.accepted_at.setdefault(message_id, []).append(time.time())
        return "250 OK"

    def counts(self) -> Counter[str]:
        with self.lock:
            return Counter(self.accepted)


@contextmanager
def smtp_sink(delay: float = 0.0) -> Iterator[tuple[SmtpSink, int]]:
    from aiosmtpd.controller import Controller

    sink, port = SmtpSink(delay), free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()


@dataclass
class Fleet:
    """``doorstep`` processes of one drill, with their output in log files."""

    env: dict[str, str]
    logs: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def run(self, *args: str) -> None:
        """A command to completion (migrate, seed-demo); its output goes to a log."""
        with open(self.logs / f"{args[0]}.log", "ab") as log:
            subprocess.run(
                [sys.executable, "-m", "server.cli", *args],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                check=True,
            )

    def start(self, *args: str, name: str) -> subprocess.Popen[bytes]:
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 - open for the process's life
        process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", *args],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        self.processes.append(process)
        return process

    def serve(self, workers: int = 2) -> tuple[str, subprocess.Popen[bytes]]:
        port = free_port()
        process = self.start("serve", "--port", str(port), "--workers", str(workers), name="serve")
        url = f"http://127.0.0.1:{port}"
        wait_until_serving(url, process)
        return url, process

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=60)  # workers finish their running jobs first
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_serving(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"doorstep serve exited with {process.returncode}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError("doorstep serve did not start")
        time.sleep(0.2)


@dataclass
class Stack:
    """One drill's private world: PostgreSQL, Redis, SMTP, a data directory, the processes."""

    postgres: PrivatePostgres
    redis: PrivateRedis
    sink: SmtpSink
    data_dir: Path
    fleet: Fleet

    @property
    def env(self) -> dict[str, str]:
        return self.fleet.env


@contextmanager
def stack(smtp_delay: float = 0.0, **settings: str) -> Iterator[Stack]:
    """Private PostgreSQL + Redis + SMTP, a migrated database with the demo city, no processes.

    The drill's own process talks to the same database (``os.environ`` is pointed at it)."""
    with ExitStack() as stop:
        postgres = stop.enter_context(private_postgres())
        redis = stop.enter_context(private_redis())
        sink, smtp_port = stop.enter_context(smtp_sink(smtp_delay))
        data_dir = Path(tempfile.mkdtemp(prefix="doorstep-drill-data-"))
        stop.callback(shutil.rmtree, data_dir, True)
        logs = Path(tempfile.mkdtemp(prefix="doorstep-drill-logs-"))
        env = {
            **os.environ,
            "DATABASE_URL": postgres.create_database("drill"),
            "REDIS_URL": redis.url,
            "DOORSTEP_DATA_DIR": str(data_dir),
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": str(smtp_port),
            **settings,
        }
        _point_this_process_at(env)
        fleet = Fleet(env, logs)
        stop.callback(fleet.stop_all)
        print(f"(the processes' logs: {logs})", file=sys.stderr)
        fleet.run("migrate")
        fleet.run("seed-demo")
        yield Stack(postgres, redis, sink, data_dir, fleet)


def _point_this_process_at(env: dict[str, str]) -> None:
    from server import settings as settings_module

    os.environ.update(env)
    settings_module.get.cache_clear()


def logs_tail(stack_: Stack, name: str, lines: int = 20) -> str:
    path = stack_.fleet.logs / f"{name}.log"
    return (
        "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""
    )
