"""The embedded Redis: one real server shared by every local process, outliving none of them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import redis

from server import redis_embedded

ATTACH = (
    "import sys, time; from pathlib import Path; from server import redis_embedded as e; "
    "print(e.attach(Path(sys.argv[1])), flush=True); time.sleep(float(sys.argv[2]))"
)


def _server_pids(data_dir: Path) -> list[int]:
    pid_file = data_dir / "redis" / "redis.pid"
    if not pid_file.exists():
        return []
    pid = int(pid_file.read_text())
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return []
    return [pid]


def _wait_for(predicate, seconds: float = 10) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def _user(data_dir: Path, linger: float) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", ATTACH, str(data_dir), str(linger)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().startswith("unix://")
    return process


def _end(process: subprocess.Popen[str], sig: int = signal.SIGKILL) -> None:
    process.send_signal(sig)
    process.wait()
    assert process.stdout is not None
    process.stdout.close()


def test_two_processes_share_one_server_and_it_stops_after_the_last(tmp_path):
    first = _user(tmp_path, 60)
    pids = _server_pids(tmp_path)
    second = _user(tmp_path, 60)
    assert _server_pids(tmp_path) == pids and len(pids) == 1
    client = redis.Redis(unix_socket_path=str(redis_embedded.socket_path(tmp_path)))
    client.set("shared", "yes")
    _end(first, signal.SIGTERM)
    assert client.get("shared") == b"yes"  # the second user still has it
    client.close()
    _end(second)  # even SIGKILL, which runs no clean-up, releases its hold
    assert _wait_for(lambda: not _server_pids(tmp_path)), (
        "redis-server outlived every Doorstep process"
    )
    assert not redis_embedded.is_up(redis_embedded.socket_path(tmp_path))


def test_data_survives_a_restart_of_the_embedded_server(tmp_path):
    user = _user(tmp_path, 60)
    client = redis.Redis(unix_socket_path=str(redis_embedded.socket_path(tmp_path)))
    client.set("kept", "1")
    client.close()
    _end(user)
    assert _wait_for(lambda: not _server_pids(tmp_path))
    again = _user(tmp_path, 60)
    client = redis.Redis(unix_socket_path=str(redis_embedded.socket_path(tmp_path)))
    assert client.get("kept") == b"1"
    client.close()
    _end(again)
    assert _wait_for(lambda: not _server_pids(tmp_path))


def test_a_deep_data_dir_gets_a_short_socket_path(tmp_path):
    deep = tmp_path / ("d" * 120)
    assert len(str(redis_embedded.socket_path(deep))) < 100
