"""Residents' needs and small wishes, their photos and the event rows of their lifecycle."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from server.models.base import new_code, new_token


class NeedKind(StrEnum):
    NEED = "need"  # 群众需求 / 诉求
    SMALL_WISH = "small_wish"  # 微心愿


class Urgency(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class NeedStatus(StrEnum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    DUPLICATE = "duplicate"
    ASSIGNED = "assigned"
    OPEN_FOR_CLAIM = "open_for_claim"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    REOPENED = "reopened"
    CONFIRMED = "confirmed"
    CLOSED = "closed"


class Rating(StrEnum):
    SATISFIED = "satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    DISSATISFIED = "dissatisfied"


class NeedCategory(Model):
    """A kind of need with its promised response and resolution times; per centre or node."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=16, unique=True, default=new_code)
    centre = fields.ForeignKeyField(
        "models.Centre", related_name="need_categories", null=True, on_delete=fields.CASCADE
    )
    node = fields.ForeignKeyField(  # a node-wide category applies to every centre below it
        "models.OrgNode", related_name="need_categories", null=True, on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(NeedKind, max_length=16, default=NeedKind.NEED)
    name = fields.CharField(max_length=50)
    name_en = fields.CharField(max_length=100, default="")
    response_hours = fields.IntField(default=24)
    resolution_hours = fields.IntField(default=120)
    is_active = fields.BooleanField(default=True)
    sort_order = fields.SmallIntField(default=0)

    class Meta:
        table = "need_categories"


class Need(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=12, unique=True, default=new_code)  # public, in URLs
    kind = fields.CharEnumField(NeedKind, max_length=16, default=NeedKind.NEED)
    centre = fields.ForeignKeyField(  # the owning centre
        "models.Centre", related_name="needs", on_delete=fields.RESTRICT
    )
    node = fields.ForeignKeyField(  # community or grid
        "models.OrgNode", related_name="needs", on_delete=fields.RESTRICT
    )
    node_path = fields.CharField(max_length=255)  # copy of node.path: needs in a subtree
    category = fields.ForeignKeyField(
        "models.NeedCategory", related_name="needs", null=True, on_delete=fields.SET_NULL
    )
    title = fields.CharField(max_length=100)
    description = fields.TextField(default="")
    urgency = fields.CharEnumField(Urgency, max_length=16, default=Urgency.NORMAL)
    preferred_time = fields.CharField(max_length=100, default="")
    wish_item = fields.CharField(max_length=100, default="")  # small wishes: the concrete thing
    budget_cap = fields.DecimalField(max_digits=10, decimal_places=2, null=True)
    # Private: shown only to the owning centre's staff and the assignee, each view audited.
    address_private = fields.CharField(max_length=200, default="")
    contact_name = fields.CharField(max_length=50, default="")
    contact_phone = fields.CharField(max_length=11, default="")
    requester = fields.ForeignKeyField(
        "models.User", related_name="needs", null=True, on_delete=fields.SET_NULL
    )
    posted_by = fields.ForeignKeyField(  # a grid worker or staff posting on someone's behalf
        "models.User", related_name="needs_posted", null=True, on_delete=fields.SET_NULL
    )
    status = fields.CharEnumField(NeedStatus, max_length=16, default=NeedStatus.SUBMITTED)
    assigned_to = fields.ForeignKeyField(
        "models.User", related_name="needs_assigned", null=True, on_delete=fields.SET_NULL
    )
    assigned_department = fields.CharField(max_length=100, default="")
    duplicate_of = fields.ForeignKeyField(
        "models.Need", related_name="duplicates", null=True, on_delete=fields.SET_NULL
    )
    status_reason = fields.CharField(max_length=500, default="")  # rejection, reopening, ...
    unreasonable = fields.BooleanField(default=False)  # excluded from the three rates
    unreasonable_reason = fields.CharField(max_length=500, default="")
    response_due_at = fields.DatetimeField(null=True)
    resolution_due_at = fields.DatetimeField(null=True)
    responded_at = fields.DatetimeField(null=True)
    resolved_at = fields.DatetimeField(null=True)
    confirmed_at = fields.DatetimeField(null=True)
    closed_at = fields.DatetimeField(null=True)
    escalation_level = fields.SmallIntField(default=0)  # 0 none, 1 centre staff, 2 parent node
    rating = fields.CharEnumField(Rating, max_length=24, null=True)
    rating_comment = fields.CharField(max_length=500, default="")
    rated_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "needs"
        indexes = (
            ("centre_id", "status", "created_at"),  # triage board of a centre
            ("node_path", "created_at"),  # rates and lists per subtree and period
            ("requester_id", "created_at"),  # "my needs"
            ("status", "response_due_at"),  # deadline sweep
        )


class PhotoStage(StrEnum):
    REQUEST = "request"  # posted with the need
    RESOLUTION = "resolution"  # staff's proof of the fix
    EVIDENCE = "evidence"  # a member's proof of completion


class Photo(Model):
    """A re-encoded, metadata-free image; files live under the media directory."""

    id = fields.IntField(primary_key=True)
    public_id = fields.CharField(max_length=24, unique=True, default=new_token)
    need = fields.ForeignKeyField(
        "models.Need", related_name="photos", null=True, on_delete=fields.CASCADE
    )
    claim = fields.ForeignKeyField(
        "models.Claim", related_name="photos", null=True, on_delete=fields.CASCADE
    )
    stage = fields.CharEnumField(PhotoStage, max_length=16, default=PhotoStage.REQUEST)
    path = fields.CharField(max_length=255)  # relative to the media directory
    thumb_path = fields.CharField(max_length=255, default="")  # filled by the thumbnail job
    width = fields.IntField()
    height = fields.IntField()
    bytes = fields.IntField()
    approved = fields.BooleanField(default=False)  # only approved photos appear in public lists
    uploaded_by = fields.ForeignKeyField(
        "models.User", related_name="photos", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "photos"
        indexes = (("need_id", "stage"), ("claim_id", "stage"), ("thumb_path", "created_at"))


class NeedEvent(Model):
    """One transition of a need; the rates are recomputed from these rows."""

    id = fields.IntField(primary_key=True)
    need = fields.ForeignKeyField("models.Need", related_name="events", on_delete=fields.CASCADE)
    action = fields.CharField(max_length=32)
    from_status = fields.CharField(max_length=16, default="")
    to_status = fields.CharField(max_length=16, default="")
    actor = fields.ForeignKeyField(
        "models.User", related_name="need_events", null=True, on_delete=fields.SET_NULL
    )
    note = fields.CharField(max_length=500, default="")
    data = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "need_events"
        # history of one need, in order; a period's submissions and ratings (need_metrics)
        indexes = (("need_id", "created_at"), ("action", "created_at"))
