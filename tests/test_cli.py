"""The command line: user add, serve with several processes, and the all-in-one `up`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import httpx
import psutil

from server.models.accounts import Role, RoleGrant, User
from server.models.audit import AuditEntry
from tests.cast import Cast
from tests.conftest import free_port, running, wait_until_serving


def _doorstep(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server.cli", *args], capture_output=True, text=True, timeout=60
    )


async def test_user_add_creates_a_staff_member_of_a_centre(cast: Cast):
    result = _doorstep(
        "user",
        "add",
        "13655550000",
        "--password",
        "pass-word-1",
        "--role",
        "staff",
        "--scope",
        cast.centre_a.code,
    )
    assert result.returncode == 0, result.stderr
    user = await User.get(phone="13655550000")
    grant = await RoleGrant.get(user=user).select_related("centre")
    assert grant.role == Role.STAFF and grant.centre.code == cast.centre_a.code
    assert await AuditEntry.filter(action="role.grant", object_id=user.public_id).count() == 1


async def test_user_add_with_an_unknown_scope_fails_and_leaves_no_user(cast: Cast):
    result = _doorstep(
        "user",
        "add",
        "13655550001",
        "--password",
        "pass-word-1",
        "--role",
        "admin",
        "--scope",
        "NOPE",
    )
    assert result.returncode == 1
    assert "NOPE" in result.stderr
    assert not await User.filter(phone="13655550001").exists()


async def test_serve_with_two_workers_answers_from_two_processes_with_the_same_data(cast: Cast):
    port = free_port()
    with running("serve", "--port", str(port), "--workers", "2") as process:
        url = f"http://127.0.0.1:{port}"
        wait_until_serving(url, process)
        pids, pages = set(), set()
        async with httpx.AsyncClient() as client:
            for _ in range(200):
                # A new connection each time so the kernel may hand it to either process.
                response = await client.get(f"{url}/healthz", headers={"Connection": "close"})
                pids.add(response.json()["pid"])
                home = await client.get(f"{url}/", headers={"Connection": "close"})
                pages.add(home.text.count('href="/places/'))
                if len(pids) == 2:
                    break
        assert len(pids) == 2
        assert pages == {2}  # both processes link the cast's district and street


def test_up_runs_web_and_worker_and_ctrl_c_stops_every_process(tmp_path):
    port = free_port()
    env = {**os.environ, "DOORSTEP_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    log = open(tmp_path / "up.log", "wb")  # noqa: SIM115 - closed in finally
    process = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "up", "--port", str(port)],
        env=env,
        start_new_session=True,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_serving(f"http://127.0.0.1:{port}", process, seconds=90)
        home = httpx.get(f"http://127.0.0.1:{port}/")
        # The demo city: its districts' own centres, and every street linked to its centres.
        assert "党群服务" in home.text and home.text.count('href="/places/') >= 10
        family = _family(process.pid, tmp_path)
        assert any("worker" in " ".join(p.cmdline()) for p in family)
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()
        print((tmp_path / "up.log").read_text())
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(
        p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in family
    ):
        time.sleep(0.2)
    left = [p for p in family if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not left, f"processes outlived doorstep up: {[p.cmdline() for p in left]}"


def _family(pid: int, data_dir) -> list[psutil.Process]:  # type: ignore[no-untyped-def]
    """The process, its descendants, and the embedded Redis guardian and server of ``data_dir``."""
    root = psutil.Process(pid)
    family = [root, *root.children(recursive=True)]
    for p in psutil.process_iter(["cmdline"]):
        if str(data_dir) in " ".join(p.info["cmdline"] or []):
            family.append(p)
    return list({p.pid: p for p in family}.values())
