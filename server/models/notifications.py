"""The notification outbox: a message is a row first, written with the change that causes it."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from server.models.base import new_token


class Channel(StrEnum):
    INBOX = "inbox"
    EMAIL = "email"
    SMS = "sms"


class NotificationStatus(StrEnum):
    PENDING = "pending"  # due at send_after; the sweep enqueues it
    SENDING = "sending"  # claimed by one worker
    SENT = "sent"
    FAILED = "failed"  # gave up after the last attempt; admins may retry
    CANCELLED = "cancelled"  # e.g. a reminder for a booking that was cancelled


class Notification(Model):
    id = fields.IntField(primary_key=True)
    user_id: int | None  # foreign-key column, for type checkers
    public_id = fields.CharField(max_length=24, unique=True, default=new_token)  # in URLs
    user = fields.ForeignKeyField(
        "models.User", related_name="notifications", null=True, on_delete=fields.CASCADE
    )
    to_address = fields.CharField(max_length=254, default="")  # email or phone when no user
    event = fields.CharField(max_length=48)
    channel = fields.CharEnumField(Channel, max_length=8)
    language = fields.CharField(max_length=8, default="zh-CN")
    payload = fields.JSONField(default=dict)
    subject_type = fields.CharField(max_length=24, default="")  # e.g. "booking"
    subject_id = fields.IntField(null=True)  # cancelling every message about one thing
    dedupe_key = fields.CharField(max_length=200, unique=True)  # exactly once per message
    status = fields.CharEnumField(
        NotificationStatus, max_length=16, default=NotificationStatus.PENDING
    )
    urgent = fields.BooleanField(default=False)  # urgent ones ignore quiet hours
    attempts = fields.SmallIntField(default=0)
    last_error = fields.TextField(default="")
    send_after = fields.DatetimeField()
    claimed_until = fields.DatetimeField(null=True)  # a SENDING row past this is re-claimable
    sent_at = fields.DatetimeField(null=True)
    read_at = fields.DatetimeField(null=True)  # inbox only
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "notifications"
        indexes = (
            ("status", "send_after"),  # the sweep: what is due
            ("user_id", "channel", "read_at"),  # inbox list and unread badge
            ("subject_type", "subject_id"),  # cancel what concerns one booking/need/claim
        )
