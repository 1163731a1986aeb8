"""Delivery channels: the in-app inbox, email over SMTP, SMS through an HTTP gateway."""

from __future__ import annotations

from server.channels import email, sms
from server.channels.errors import ChannelError
from server.messages import render
from server.models.notifications import Channel, Notification
from server.settings import Settings

__all__ = ["ChannelError", "send"]


async def send(row: Notification, settings: Settings) -> None:
    """Send one claimed outbox row; raises ChannelError when the channel refused or failed."""
    if row.channel == Channel.INBOX:
        return  # the row itself is the inbox message; marking it sent shows it
    message = render(row.event, row.language, row.payload)
    if row.channel == Channel.EMAIL:
        await email.send(settings, row.to_address, message, message_id=f"notification-{row.id}")
    elif row.channel == Channel.SMS:
        await sms.send(settings, row.to_address, row.event, row.payload, message.sms)
