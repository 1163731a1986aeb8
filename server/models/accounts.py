"""People and what they may do: users, role grants, sessions, API tokens."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from server.models.base import new_token


class Role(StrEnum):
    RESIDENT = "resident"  # every user; never stored as a grant
    MEMBER = "member"  # held through a Member record (report-in), not a grant
    STAFF = "staff"  # scoped to a centre
    ADMIN = "admin"  # scoped to an org node and its subtree
    GRID_WORKER = "grid_worker"  # scoped to a grid node


class Language(StrEnum):
    ZH_CN = "zh-CN"
    EN = "en"


class User(Model):
    id = fields.IntField(primary_key=True)
    public_id = fields.CharField(max_length=24, unique=True, default=new_token)
    phone = fields.CharField(max_length=11, unique=True)  # login: mainland mobile number
    password_hash = fields.CharField(max_length=255)
    display_name = fields.CharField(max_length=50, default="")
    email = fields.CharField(max_length=254, null=True)
    language = fields.CharEnumField(Language, default=Language.ZH_CN)
    elderly_mode = fields.BooleanField(default=False)
    notify_email = fields.BooleanField(default=True)
    notify_sms = fields.BooleanField(default=True)
    # Minutes after local midnight; None: the default quiet hours (21:00-08:00) apply.
    quiet_start = fields.SmallIntField(null=True)
    quiet_end = fields.SmallIntField(null=True)
    is_active = fields.BooleanField(default=True)
    deactivated_at = fields.DatetimeField(null=True)
    password_changed_at = fields.DatetimeField(null=True)
    last_login_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "users"

    def __str__(self) -> str:
        return self.display_name or self.phone


class RoleGrant(Model):
    """A user may act as staff of one centre, or as admin or grid worker of one org node."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="grants", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(Role, max_length=16)
    centre = fields.ForeignKeyField(
        "models.Centre", related_name="grants", null=True, on_delete=fields.CASCADE
    )
    node = fields.ForeignKeyField(
        "models.OrgNode", related_name="grants", null=True, on_delete=fields.CASCADE
    )
    granted_by = fields.ForeignKeyField(
        "models.User", related_name="grants_given", null=True, on_delete=fields.SET_NULL
    )
    # "centre:<id>" or "node:<id>": unique with user and role. A constraint on the two nullable
    # columns would never fire, since one of them is always NULL and NULLs never clash.
    scope = fields.CharField(max_length=24)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "role_grants"
        unique_together = (("user", "role", "scope"),)

    @staticmethod
    def scope_of(centre_id: int | None = None, node_id: int | None = None) -> str:
        return f"centre:{centre_id}" if centre_id is not None else f"node:{node_id}"


class Session(Model):
    """A browser login; the cookie holds the key, the table only its hash."""

    id = fields.IntField(primary_key=True)
    key_hash = fields.CharField(max_length=64, unique=True)  # lookup on every request
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField(db_index=True)  # purge of expired sessions
    last_seen_at = fields.DatetimeField(null=True)
    ip = fields.CharField(max_length=45, default="")
    user_agent = fields.CharField(max_length=255, default="")

    class Meta:
        table = "sessions"


class ApiToken(Model):
    """A bearer token for the JSON API; only its hash is stored."""

    id = fields.IntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)  # lookup on every API call
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="api_tokens", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField(db_index=True)  # purge of expired tokens
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_tokens"
