"""Where service happens: the org tree, centres, their services, materials and schedules."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from server.models.base import new_code


class Level(StrEnum):
    CITY = "city"
    DISTRICT = "district"
    STREET = "street"
    COMMUNITY = "community"
    GRID = "grid"


LEVEL_DEPTH = {Level.CITY: 0, Level.DISTRICT: 1, Level.STREET: 2, Level.COMMUNITY: 3, Level.GRID: 4}


class OrgNode(Model):
    """A node of the four-level tree (plus grids). ``path`` makes subtree queries one prefix match.

    ``path`` is the codes from the root down, each followed by "/", e.g. ``SH/HP/HP01/``; a node's
    subtree is every node whose path starts with its own.
    """

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True)  # public; used in URLs and --scope
    name = fields.CharField(max_length=100)
    name_en = fields.CharField(max_length=150, default="")
    level = fields.CharEnumField(Level, max_length=16)
    parent: fields.ForeignKeyNullableRelation[OrgNode] = fields.ForeignKeyField(
        "models.OrgNode", related_name="children", null=True, on_delete=fields.RESTRICT
    )
    parent_id: int | None  # foreign-key column, for type checkers
    path = fields.CharField(max_length=255, unique=True)  # subtree: path LIKE 'SH/HP/%'
    depth = fields.SmallIntField()
    sort_order = fields.IntField(default=0)
    households = fields.IntField(null=True)  # grids and communities: for coverage figures
    lat = fields.FloatField(null=True)
    lng = fields.FloatField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "org_nodes"
        # children of a node in display order (tree browsing)
        indexes = (("parent_id", "sort_order"),)

    def __str__(self) -> str:
        return self.name


class CentreKind(StrEnum):
    CITY = "city"
    DISTRICT = "district"
    STREET = "street"
    COMMUNITY = "community"
    BUILDING = "building"  # 楼宇
    PARK = "park"  # 园区
    BUSINESS_DISTRICT = "business_district"  # 商圈
    MARKET = "market"  # 市场


REGIONAL_KINDS = frozenset(
    {CentreKind.BUILDING, CentreKind.PARK, CentreKind.BUSINESS_DISTRICT, CentreKind.MARKET}
)


class Centre(Model):
    """A Party-mass service centre or station; regional ones still belong to a node."""

    id = fields.IntField(primary_key=True)
    node_id: int  # foreign-key column, for type checkers
    code = fields.CharField(max_length=16, unique=True, default=new_code)  # public, in URLs
    node: fields.ForeignKeyRelation[OrgNode] = fields.ForeignKeyField(
        "models.OrgNode", related_name="centres", on_delete=fields.RESTRICT
    )
    node_path = fields.CharField(max_length=255)  # copy of node.path: centres in a subtree
    kind = fields.CharEnumField(CentreKind, max_length=24)
    name = fields.CharField(max_length=100)
    name_en = fields.CharField(max_length=150, default="")
    address = fields.CharField(max_length=200)
    lat = fields.FloatField(null=True)
    lng = fields.FloatField(null=True)
    phone = fields.CharField(max_length=20, default="")
    description = fields.TextField(default="")
    hours_note = fields.CharField(max_length=200, default="")  # e.g. "节假日另行通知"
    time_zone = fields.CharField(max_length=40, default="Asia/Shanghai")
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "centres"
        # centres under a node of the tree (directory browsing, scopes)
        indexes = (("node_path", "name"),)

    def __str__(self) -> str:
        return self.name


class CentreNotice(Model):
    id = fields.IntField(primary_key=True)
    centre: fields.ForeignKeyRelation[Centre] = fields.ForeignKeyField(
        "models.Centre", related_name="notices", on_delete=fields.CASCADE
    )
    title = fields.CharField(max_length=100)
    body = fields.TextField(default="")
    published_at = fields.DatetimeField()
    expires_at = fields.DatetimeField(null=True)
    created_by = fields.ForeignKeyField(
        "models.User", related_name="notices", null=True, on_delete=fields.SET_NULL
    )

    class Meta:
        table = "centre_notices"
        # current notices of a centre page
        indexes = (("centre_id", "published_at"),)


class ServiceCategory(StrEnum):
    CERTIFICATES = "certificates"  # 证明开具
    SOCIAL_SECURITY = "social_security"  # 社保医保
    HOUSING = "housing"  # 住房
    ELDERLY = "elderly"  # 为老服务
    LEGAL = "legal"  # 法律服务
    HEALTH = "health"  # 健康
    EMPLOYMENT = "employment"  # 就业
    PARTY = "party"  # 党务
    VENUE = "venue"  # 场地预约
    FAMILY = "family"  # 婚育家庭
    OTHER = "other"


class Service(Model):
    """Something a centre does, with the rules for booking it."""

    id = fields.IntField(primary_key=True)
    centre_id: int  # foreign-key column, for type checkers
    code = fields.CharField(max_length=16, unique=True, default=new_code)  # public, in URLs
    centre: fields.ForeignKeyRelation[Centre] = fields.ForeignKeyField(
        "models.Centre", related_name="services", on_delete=fields.RESTRICT
    )
    category = fields.CharEnumField(ServiceCategory, max_length=24)
    name = fields.CharField(max_length=100)
    name_en = fields.CharField(max_length=150, default="")
    keywords = fields.CharField(max_length=200, default="")  # search terms beside the name
    description = fields.TextField(default="")
    fee = fields.CharField(max_length=100, default="")  # shown as written; empty means free
    eligibility = fields.CharField(max_length=200, default="")  # who may book, as written
    bookable = fields.BooleanField(default=True)  # False: walk in only
    duration_minutes = fields.SmallIntField(default=30)
    capacity_per_slot = fields.SmallIntField(default=1)
    min_lead_minutes = fields.IntField(default=60)
    max_days_ahead = fields.SmallIntField(default=14)
    cancel_cutoff_minutes = fields.IntField(default=120)
    max_active_per_person = fields.SmallIntField(default=3)
    max_active_per_beneficiary = fields.SmallIntField(default=1)
    reminder_offsets_minutes = fields.JSONField(default=lambda: [1440, 120])
    sort_order = fields.IntField(default=0)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "services"
        # a centre's services in display order (centre page)
        indexes = (("centre_id", "sort_order"),)

    def __str__(self) -> str:
        return self.name


class MaterialForm(StrEnum):
    ORIGINAL = "original"
    COPY = "copy"
    ORIGINAL_AND_COPY = "original_and_copy"
    ELECTRONIC = "electronic"


class MaterialItem(Model):
    """One line of the one-time notice (一次性告知清单): what to bring."""

    id = fields.IntField(primary_key=True)
    service_id: int  # foreign-key column, for type checkers
    service: fields.ForeignKeyRelation[Service] = fields.ForeignKeyField(
        "models.Service", related_name="materials", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=100)
    name_en = fields.CharField(max_length=150, default="")
    form = fields.CharEnumField(MaterialForm, max_length=24, default=MaterialForm.ORIGINAL)
    count = fields.SmallIntField(default=1)
    note = fields.CharField(max_length=200, default="")
    note_en = fields.CharField(max_length=250, default="")
    condition = fields.CharField(max_length=200, default="")  # "only if ..."; empty: always
    condition_en = fields.CharField(max_length=250, default="")
    sort_order = fields.SmallIntField(default=0)

    class Meta:
        table = "material_items"
        # a service's checklist in order
        indexes = (("service_id", "sort_order"),)


class WeeklyHours(Model):
    """An opening interval on a weekday; several per day leave the breaks between them.

    Rows with a service override the centre's rows for that service on that weekday.
    """

    id = fields.IntField(primary_key=True)
    centre_id: int  # foreign-key columns, for type checkers
    service_id: int | None
    centre: fields.ForeignKeyRelation[Centre] = fields.ForeignKeyField(
        "models.Centre", related_name="weekly_hours", on_delete=fields.CASCADE
    )
    service = fields.ForeignKeyField(
        "models.Service", related_name="weekly_hours", null=True, on_delete=fields.CASCADE
    )
    weekday = fields.SmallIntField()  # 0 = Monday
    # Minutes after local midnight in the centre's time zone: 9:00 is 540. Plain integers keep
    # SQLite and PostgreSQL alike (PostgreSQL would store a TimeField as TIMETZ).
    opens = fields.SmallIntField()
    closes = fields.SmallIntField()

    class Meta:
        table = "weekly_hours"
        # a centre's (or service's) week plan
        indexes = (("centre_id", "service_id", "weekday"),)


class ScheduleException(Model):
    """A date that differs from the weekly plan: closed, or open with special intervals."""

    id = fields.IntField(primary_key=True)
    centre_id: int  # foreign-key columns, for type checkers
    service_id: int | None
    centre: fields.ForeignKeyRelation[Centre] = fields.ForeignKeyField(
        "models.Centre", related_name="exceptions", on_delete=fields.CASCADE
    )
    service = fields.ForeignKeyField(
        "models.Service", related_name="exceptions", null=True, on_delete=fields.CASCADE
    )
    date = fields.DateField()
    closed = fields.BooleanField(default=False)
    opens = fields.SmallIntField(null=True)  # minutes after local midnight
    closes = fields.SmallIntField(null=True)
    reason = fields.CharField(max_length=200, default="")
    created_by = fields.ForeignKeyField(
        "models.User", related_name="schedule_exceptions", null=True, on_delete=fields.SET_NULL
    )

    class Meta:
        table = "schedule_exceptions"
        # exceptions of a centre in a date range (slot computation)
        indexes = (("centre_id", "date"),)
