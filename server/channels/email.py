"""Email over SMTP with aiosmtplib: plain text and HTML alternatives."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate
from urllib.parse import urlparse

import aiosmtplib

from server.channels.errors import ChannelError
from server.messages import Rendered
from server.settings import Settings


def build(settings: Settings, to: str, message: Rendered, message_id: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = settings.mail_from
    email["To"] = to
    email["Subject"] = message.subject
    email["Date"] = formatdate(localtime=False)
    # A stable Message-ID per outbox row lets receiving systems drop a repeat delivery.
    domain = urlparse(settings.public_base_url).hostname or "doorstep.localhost"
    email["Message-ID"] = f"<{message_id}@{domain}>"
    email.set_content(message.text)
    email.add_alternative(
        f"<!doctype html><html><body>{message.html}</body></html>", subtype="html"
    )
    return email


async def send(settings: Settings, to: str, message: Rendered, message_id: str) -> None:
    if not to:
        raise ChannelError("no email address")
    try:
        await aiosmtplib.send(
            build(settings, to, message, message_id),
            hostname=settings.smtp_host,
            port=settings.smtp_port,
            username=settings.smtp_user or None,
            password=settings.smtp_password or None,
            start_tls=settings.smtp_starttls,
            timeout=30,
        )
    except (aiosmtplib.SMTPException, OSError) as error:
        raise ChannelError(f"SMTP {settings.smtp_host}:{settings.smtp_port}: {error}") from error
