"""On-the-job Party members: report-in, pledges, tasks, claims, hours and certificates."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from server.models.base import new_code


class UnitKind(StrEnum):
    GOVERNMENT = "government"
    INSTITUTION = "institution"  # 事业单位
    STATE_ENTERPRISE = "state_enterprise"
    ENTERPRISE = "enterprise"
    SCHOOL = "school"
    HOSPITAL = "hospital"
    OTHER = "other"


class Unit(Model):
    """A member's employer (在职单位); receives reports of its members' service."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=16, unique=True, default=new_code)
    name = fields.CharField(max_length=100, unique=True)
    kind = fields.CharEnumField(UnitKind, max_length=24, default=UnitKind.OTHER)
    contact_name = fields.CharField(max_length=50, default="")
    contact_phone = fields.CharField(max_length=20, default="")
    contact_email = fields.CharField(max_length=254, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "units"


class MemberStatus(StrEnum):
    PENDING = "pending"  # reported in, waiting for community staff
    VERIFIED = "verified"
    DECLINED = "declined"
    LAPSED = "lapsed"  # did not re-confirm within the half year


class Member(Model):
    """A user's report-in (报到) to their home community."""

    id = fields.IntField(primary_key=True)
    user = fields.OneToOneField("models.User", related_name="member", on_delete=fields.CASCADE)
    real_name = fields.CharField(max_length=50)
    member_no = fields.CharField(max_length=32, default="")  # shown masked on certificates
    unit = fields.ForeignKeyField(
        "models.Unit", related_name="members", null=True, on_delete=fields.SET_NULL
    )
    community = fields.ForeignKeyField(
        "models.OrgNode", related_name="members_reported", on_delete=fields.RESTRICT
    )
    grid = fields.ForeignKeyField(
        "models.OrgNode", related_name="members_in_grid", null=True, on_delete=fields.SET_NULL
    )
    node_path = fields.CharField(max_length=255)  # copy of (grid or community).path
    status = fields.CharEnumField(MemberStatus, max_length=16, default=MemberStatus.PENDING)
    status_reason = fields.CharField(max_length=200, default="")
    reported_at = fields.DatetimeField(auto_now_add=True)
    verified_at = fields.DatetimeField(null=True)
    verified_by = fields.ForeignKeyField(
        "models.User", related_name="members_verified", null=True, on_delete=fields.SET_NULL
    )
    confirmed_until = fields.DateField(null=True)  # re-confirm every half year
    completed_count = fields.IntField(default=0)  # reliability, kept with each completion
    no_show_count = fields.IntField(default=0)
    rating_count = fields.IntField(default=0)  # residents' ratings, kept with each rating
    rating_sum = fields.IntField(default=0)

    class Meta:
        table = "members"
        indexes = (
            ("node_path", "status"),  # members of a subtree (staff lists, matching)
            ("unit_id", "status"),  # unit reports
            ("status", "confirmed_until"),  # the half-yearly re-confirmation sweep
        )


class Skill(Model):
    """The managed list of skills members pledge and tasks ask for."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True)
    name = fields.CharField(max_length=50)
    name_en = fields.CharField(max_length=100, default="")
    sort_order = fields.SmallIntField(default=0)

    class Meta:
        table = "skills"


class PledgeStatus(StrEnum):
    ACTIVE = "active"
    WITHDRAWN = "withdrawn"


class Pledge(Model):
    """What a member promises (承诺): skills, where, when, how much, until when."""

    id = fields.IntField(primary_key=True)
    member = fields.ForeignKeyField(
        "models.Member", related_name="pledges", on_delete=fields.RESTRICT
    )
    text = fields.CharField(max_length=500, default="")  # free text beside the skills
    # [{"weekday": 5, "start": "09:00", "end": "12:00"}, ...] in the centre's time zone
    availability = fields.JSONField(default=list)
    date_from = fields.DateField(null=True)
    date_to = fields.DateField(null=True)
    monthly_tasks = fields.SmallIntField(null=True)
    monthly_hours = fields.DecimalField(max_digits=6, decimal_places=1, null=True)
    valid_until = fields.DateField()
    status = fields.CharEnumField(PledgeStatus, max_length=16, default=PledgeStatus.ACTIVE)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "pledges"
        # a member's current pledges
        indexes = (("member_id", "status"),)


class PledgeSkill(Model):
    id = fields.IntField(primary_key=True)
    pledge = fields.ForeignKeyField("models.Pledge", related_name="skill_links")
    skill = fields.ForeignKeyField("models.Skill", related_name="pledge_links")

    class Meta:
        table = "pledge_skills"
        unique_together = (("pledge", "skill"),)


class PledgeArea(Model):
    """A community or grid where a pledge applies."""

    id = fields.IntField(primary_key=True)
    pledge = fields.ForeignKeyField("models.Pledge", related_name="area_links")
    node = fields.ForeignKeyField("models.OrgNode", related_name="pledge_links")

    class Meta:
        table = "pledge_areas"
        unique_together = (("pledge", "node"),)
        indexes = (("node_id", "pledge_id"),)  # who pledged to serve a place (matching)


class Project(Model):
    """A community's pledge project (e.g. Saturday tutoring); its sessions are tasks."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=16, unique=True, default=new_code)
    node = fields.ForeignKeyField(
        "models.OrgNode", related_name="projects", on_delete=fields.RESTRICT
    )
    centre = fields.ForeignKeyField(
        "models.Centre", related_name="projects", null=True, on_delete=fields.SET_NULL
    )
    title = fields.CharField(max_length=100)
    description = fields.TextField(default="")
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "projects"


class TaskSource(StrEnum):
    NEED = "need"
    SMALL_WISH = "small_wish"
    PROJECT = "project"
    OTHER = "other"


class TaskStatus(StrEnum):
    OPEN = "open"
    FULL = "full"
    DONE = "done"
    CANCELLED = "cancelled"


class Task(Model):
    """A piece of volunteer work members can claim, up to ``capacity`` at once."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=12, unique=True, default=new_code)
    source = fields.CharEnumField(TaskSource, max_length=16)
    need = fields.ForeignKeyField(
        "models.Need", related_name="tasks", null=True, on_delete=fields.CASCADE
    )
    project = fields.ForeignKeyField(
        "models.Project", related_name="tasks", null=True, on_delete=fields.CASCADE
    )
    centre = fields.ForeignKeyField(
        "models.Centre", related_name="tasks", on_delete=fields.RESTRICT
    )
    node = fields.ForeignKeyField(  # community or grid
        "models.OrgNode", related_name="tasks", on_delete=fields.RESTRICT
    )
    node_path = fields.CharField(max_length=255)
    title = fields.CharField(max_length=100)
    description = fields.TextField(default="")
    starts_at = fields.DatetimeField(null=True)  # when the work is to happen, if fixed
    ends_at = fields.DatetimeField(null=True)
    estimated_hours = fields.DecimalField(max_digits=5, decimal_places=1, default=1)
    capacity = fields.SmallIntField(default=1)
    taken = fields.SmallIntField(default=0)  # raised only by a conditional UPDATE
    claim_days = fields.SmallIntField(default=7)  # a claim is due this many days after it
    status = fields.CharEnumField(TaskStatus, max_length=16, default=TaskStatus.OPEN)
    created_by = fields.ForeignKeyField(
        "models.User", related_name="tasks_created", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "tasks"
        indexes = (
            ("status", "node_path"),  # open tasks near a member ("for you")
            ("centre_id", "status"),  # a centre's task list
        )


class TaskSkill(Model):
    id = fields.IntField(primary_key=True)
    task = fields.ForeignKeyField("models.Task", related_name="skill_links")
    skill = fields.ForeignKeyField("models.Skill", related_name="task_links")

    class Meta:
        table = "task_skills"
        unique_together = (("task", "skill"),)


class ClaimStatus(StrEnum):
    CLAIMED = "claimed"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"  # recorded by the member, waiting for the resident
    CONFIRMED = "confirmed"  # by the resident, or automatically after N days
    DISPUTED = "disputed"
    VERIFIED = "verified"  # by staff; hours credited
    RELEASED = "released"  # by the worker, past due without progress
    RETURNED = "returned"  # given back by the member


class Claim(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=12, unique=True, default=new_code)
    task = fields.ForeignKeyField("models.Task", related_name="claims", on_delete=fields.RESTRICT)
    member = fields.ForeignKeyField(
        "models.Member", related_name="claims", on_delete=fields.RESTRICT
    )
    status = fields.CharEnumField(ClaimStatus, max_length=16, default=ClaimStatus.CLAIMED)
    active_key = fields.IntField(null=True)  # member id while active: one claim per task
    due_at = fields.DatetimeField()
    claimed_at = fields.DatetimeField(auto_now_add=True)
    work_started_at = fields.DatetimeField(null=True)
    work_ended_at = fields.DatetimeField(null=True)
    completion_note = fields.TextField(default="")
    completed_at = fields.DatetimeField(null=True)
    confirmed_at = fields.DatetimeField(null=True)
    auto_confirmed = fields.BooleanField(default=False)
    dispute_reason = fields.CharField(max_length=500, default="")
    verified_at = fields.DatetimeField(null=True)
    verified_by = fields.ForeignKeyField(
        "models.User", related_name="claims_verified", null=True, on_delete=fields.SET_NULL
    )
    ended_reason = fields.CharField(max_length=500, default="")  # why released or returned
    ended_at = fields.DatetimeField(null=True)

    class Meta:
        table = "claims"
        unique_together = (("task", "active_key"),)
        indexes = (
            ("member_id", "claimed_at"),  # a member's claims; fair spread in matching
            ("status", "due_at"),  # auto-release sweep
            ("status", "completed_at"),  # auto-confirm sweep
        )


class InvitationStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"


class Invitation(Model):
    """Staff dispatching a task to a suggested member; ``score`` keeps the reasons shown."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=12, unique=True, default=new_code)
    task = fields.ForeignKeyField("models.Task", related_name="invitations")
    member = fields.ForeignKeyField("models.Member", related_name="invitations")
    invited_by = fields.ForeignKeyField(
        "models.User", related_name="invitations_sent", null=True, on_delete=fields.SET_NULL
    )
    status = fields.CharEnumField(InvitationStatus, max_length=16, default=InvitationStatus.PENDING)
    reason = fields.CharField(max_length=500, default="")  # why declined
    score = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)
    answered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "invitations"
        unique_together = (("task", "member"),)


class HoursKind(StrEnum):
    CREDIT = "credit"
    CORRECTION = "correction"


class HoursEntry(Model):
    """The volunteer-hours ledger: append-only; a correction is a new row pointing at the old."""

    id = fields.IntField(primary_key=True)
    member = fields.ForeignKeyField(
        "models.Member", related_name="hours", on_delete=fields.RESTRICT
    )
    claim = fields.ForeignKeyField(
        "models.Claim", related_name="hours", null=True, on_delete=fields.RESTRICT
    )
    kind = fields.CharEnumField(HoursKind, max_length=16, default=HoursKind.CREDIT)
    corrects = fields.ForeignKeyField(
        "models.HoursEntry", related_name="corrections", null=True, on_delete=fields.RESTRICT
    )
    service_date = fields.DateField()
    hours = fields.DecimalField(max_digits=6, decimal_places=2)  # negative in corrections
    description = fields.CharField(max_length=200)
    node_path = fields.CharField(max_length=255)  # where the service was given
    verified_by = fields.ForeignKeyField(
        "models.User", related_name="hours_verified", null=True, on_delete=fields.SET_NULL
    )
    verification = fields.CharField(max_length=32)  # "staff", "auto_confirmed+staff", ...
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "hours_entries"
        indexes = (
            ("member_id", "service_date"),  # a member's record and certificate period
            ("node_path", "service_date"),  # hours per subtree and period
        )


class Certificate(Model):
    """A volunteer service certificate (志愿服务证明); ``items`` freezes what it certified."""

    id = fields.IntField(primary_key=True)
    number = fields.CharField(max_length=32, unique=True)  # public; verify page
    verification_code = fields.CharField(max_length=16)
    member = fields.ForeignKeyField(
        "models.Member", related_name="certificates", on_delete=fields.RESTRICT
    )
    period_from = fields.DateField()
    period_to = fields.DateField()
    total_hours = fields.DecimalField(max_digits=8, decimal_places=2)
    items = fields.JSONField(default=list)
    issuing_node = fields.ForeignKeyField(
        "models.OrgNode", related_name="certificates", on_delete=fields.RESTRICT
    )
    issued_by = fields.ForeignKeyField(
        "models.User", related_name="certificates_issued", null=True, on_delete=fields.SET_NULL
    )
    issued_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "certificates"


class FeedbackKind(StrEnum):
    RESIDENT_RATING = "resident_rating"
    NO_SHOW_RESIDENT = "no_show_resident"  # a member could not reach the resident
    MEMBER_NO_SHOW = "member_no_show"  # the member did not come
    UNIT_EVALUATION = "unit_evaluation"  # the community's evaluation for the unit report


class Feedback(Model):
    id = fields.IntField(primary_key=True)
    claim = fields.ForeignKeyField(
        "models.Claim", related_name="feedback", null=True, on_delete=fields.CASCADE
    )
    member = fields.ForeignKeyField(
        "models.Member", related_name="feedback", on_delete=fields.RESTRICT
    )
    kind = fields.CharEnumField(FeedbackKind, max_length=24)
    score = fields.SmallIntField(null=True)  # 1..5
    comment = fields.CharField(max_length=500, default="")
    author = fields.ForeignKeyField(
        "models.User", related_name="feedback_given", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "feedback"
        # a member's reliability history
        indexes = (("member_id", "created_at"),)
