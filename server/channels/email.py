"""Email over SMTP with aiosmtplib: plain text and HTML alternatives, over reused connections."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr, formatdate, parseaddr
from urllib.parse import urlparse

import aiosmtplib

from server.channels.errors import ChannelError
from server.messages import Rendered
from server.settings import Settings

POOL_SIZE = 4  # concurrent SMTP conversations per process
IDLE_SECONDS = 20  # servers drop idle clients; older connections are not reused


def build(settings: Settings, to: str, message: Rendered, message_id: str) -> MIMEMultipart:
    # The compat32 MIME classes build a message several times faster than EmailMessage's
    # header registry, which dominated a worker's time in bench/outbox_throughput.py.
    email = MIMEMultipart("alternative")
    name, address = parseaddr(settings.mail_from)
    email["From"] = formataddr((str(Header(name, "utf-8")), address)) if name else address
    email["To"] = to
    email["Subject"] = Header(message.subject, "utf-8").encode()
    email["Date"] = formatdate(localtime=False)
    # A stable Message-ID per outbox row lets receiving systems drop a repeat delivery.
    domain = urlparse(settings.public_base_url).hostname or "doorstep.localhost"
    email["Message-ID"] = f"<{message_id}@{domain}>"
    email.attach(MIMEText(message.text, "plain", "utf-8"))
    html = f"<!doctype html><html><body>{message.html}</body></html>"
    email.attach(MIMEText(html, "html", "utf-8"))
    return email


class _Pool:
    """A few open SMTP connections, so a burst of messages does not connect once per message."""

    def __init__(self) -> None:
        self.idle: list[tuple[aiosmtplib.SMTP, float]] = []
        self.slots = asyncio.Semaphore(POOL_SIZE)

    @asynccontextmanager
    async def connection(self, settings: Settings) -> AsyncIterator[aiosmtplib.SMTP]:
        async with self.slots:
            client = await self._take(settings)
            try:
                yield client
            except BaseException:
                client.close()  # a failed conversation leaves the connection in an unknown state
                raise
            self.idle.append((client, time.monotonic()))

    async def _take(self, settings: Settings) -> aiosmtplib.SMTP:
        while self.idle:
            client, since = self.idle.pop()
            if client.is_connected and time.monotonic() - since < IDLE_SECONDS:
                return client
            client.close()
        client = aiosmtplib.SMTP(
            hostname=settings.smtp_host,
            port=settings.smtp_port,
            start_tls=settings.smtp_starttls,
            timeout=30,
        )
        await client.connect()
        if settings.smtp_user:
            await client.login(settings.smtp_user, settings.smtp_password)
        return client


_pools: dict[tuple[str, int], _Pool] = {}


async def send(settings: Settings, to: str, message: Rendered, message_id: str) -> None:
    if not to:
        raise ChannelError("no email address")
    pool = _pools.setdefault((settings.smtp_host, settings.smtp_port), _Pool())
    try:
        async with pool.connection(settings) as client:
            await client.send_message(build(settings, to, message, message_id))
    except (aiosmtplib.SMTPException, OSError) as error:
        raise ChannelError(f"SMTP {settings.smtp_host}:{settings.smtp_port}: {error}") from error


async def close() -> None:
    """Say goodbye to the SMTP servers (worker shutdown)."""
    for pool in _pools.values():
        for client, _ in pool.idle:
            try:
                await client.quit()
            except (aiosmtplib.SMTPException, OSError):
                client.close()
        pool.idle.clear()
    _pools.clear()
