"""Status rows of long background work (exports, reports) that pages poll for progress."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from server.models.base import new_token


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class JobRun(Model):
    id = fields.IntField(primary_key=True)
    public_id = fields.CharField(max_length=24, unique=True, default=new_token)
    kind = fields.CharField(max_length=32)  # e.g. "export.bookings"
    owner = fields.ForeignKeyField(
        "models.User", related_name="job_runs", null=True, on_delete=fields.SET_NULL
    )
    params = fields.JSONField(default=dict)
    status = fields.CharEnumField(JobStatus, max_length=16, default=JobStatus.QUEUED)
    done = fields.IntField(default=0)
    total = fields.IntField(default=0)
    result_path = fields.CharField(max_length=255, default="")  # under the media directory
    error = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "job_runs"
        # a person's recent exports
        indexes = (("owner_id", "created_at"),)


class ScheduledStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    CANCELLED = "cancelled"
    FAILED = "failed"


class ScheduledJob(Model):
    """A job to run at a future time. The row is the truth; Redis only carries the wake-up,
    so it survives restarts of workers and of Redis, and cancelling is one UPDATE."""

    id = fields.IntField(primary_key=True)
    function = fields.CharField(max_length=64)  # a name registered in workers.scheduled
    args = fields.JSONField(default=list)  # ids and primitives only
    run_at = fields.DatetimeField()
    status = fields.CharEnumField(ScheduledStatus, max_length=16, default=ScheduledStatus.PENDING)
    dedupe_key = fields.CharField(max_length=200, unique=True)  # scheduling twice is a no-op
    subject_type = fields.CharField(max_length=24, default="")
    subject_id = fields.IntField(null=True)
    attempts = fields.SmallIntField(default=0)
    last_error = fields.TextField(default="")
    claimed_until = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "scheduled_jobs"
        indexes = (
            ("status", "run_at"),  # the sweep: what is due
            ("subject_type", "subject_id"),  # cancel what concerns one booking/need/claim
        )
