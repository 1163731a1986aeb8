"""Outside edges made real and local: an SMTP server (aiosmtpd) and an HTTP SMS gateway."""

from __future__ import annotations

import asyncio
import dataclasses
import email
import email.policy
import json
import threading
from collections.abc import Iterator
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from server.settings import Settings
from tests.conftest import free_port


class SmtpSink:
    """Records every message the server accepted (answered 250), by Message-ID."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.hold_next = 0.0  # seconds to hold the next message before answering
        self.holding = threading.Event()
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        if self.hold_next:
            delay, self.hold_next = self.hold_next, 0.0
            self.holding.set()
            await asyncio.sleep(delay)  # cancelled if the client goes away meanwhile
        with self.lock:
            self.messages.append(message)
        return "250 Message accepted"

    def ids(self) -> list[str]:
        with self.lock:
            return [m["Message-ID"] for m in self.messages]


@pytest.fixture
def smtp() -> Iterator[tuple[SmtpSink, int]]:
    sink = SmtpSink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()


class Gateway:
    """A local SMS gateway: fails the first ``fail_next`` requests, then accepts."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.fail_next = 0


@pytest.fixture
def sms_gateway() -> Iterator[tuple[Gateway, str]]:
    gateway = Gateway()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if gateway.fail_next:
                gateway.fail_next -= 1
                self.send_response(503)
                self.end_headers()
                self.wfile.write(b"carrier unavailable")
                return
            gateway.requests.append({"body": body, "auth": self.headers.get("Authorization")})
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"ok": true}')

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield gateway, f"http://127.0.0.1:{server.server_address[1]}/send"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def configured(settings: Settings, **changes: Any) -> Settings:
    return dataclasses.replace(settings, **changes)
