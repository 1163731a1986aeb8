"""The audit log: who changed or viewed what, when and from where. Rows are never updated."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class AuditEntry(Model):
    id = fields.IntField(primary_key=True)
    actor = fields.ForeignKeyField(
        "models.User", related_name="audit_entries", null=True, on_delete=fields.SET_NULL
    )
    actor_label = fields.CharField(max_length=60, default="")  # kept if the user is deleted
    action = fields.CharField(max_length=48)  # e.g. "user.login", "booking.cancel"
    object_type = fields.CharField(max_length=24, default="")
    object_id = fields.CharField(max_length=40, default="")  # public code where there is one
    node_path = fields.CharField(max_length=255, default="")  # for scoped viewing
    before = fields.JSONField(null=True)
    after = fields.JSONField(null=True)
    ip = fields.CharField(max_length=45, default="")
    user_agent = fields.CharField(max_length=255, default="")
    via = fields.CharField(max_length=8, default="")  # web, api, cli, job
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "audit_entries"
        indexes = (
            ("node_path", "created_at"),  # audit page of a subtree
            ("actor_id", "created_at"),  # what one person did
            ("object_type", "object_id"),  # history of one object
        )
