"""What the demo seed steps share: the random source, "now", and the rows already written."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

import chinese_calendar

from server.models.base import CODE_ALPHABET
from server.models.places import Centre, OrgNode, Service

Intervals = list[tuple[int, int]]
Week = dict[int, Intervals]


class Resident(NamedTuple):
    """A generated or demo user and where they live, as the later steps need them."""

    user_id: int
    phone: str
    name: str
    community: str  # code of the community they live in
    grid: str  # code of their grid


@dataclass
class DayPlan:
    """A schedule exception as the seed reads it back: closed, or one special interval."""

    closed: bool
    opens: int | None = None
    closes: int | None = None


@dataclass
class DemoCity:
    """The growing picture of the demo city while it is written."""

    rng: random.Random
    now: datetime
    password_hash: str
    nodes: dict[str, OrgNode] = field(default_factory=dict)  # by code
    grids_of: dict[str, list[str]] = field(default_factory=dict)  # community code -> grid codes
    centres: dict[str, Centre] = field(default_factory=dict)  # by code
    community_centre: dict[str, Centre] = field(default_factory=dict)  # community code -> centre
    services: list[Service] = field(default_factory=list)
    centre_week: dict[int, Week] = field(default_factory=dict)  # centre id -> week
    service_week: dict[int, Week] = field(default_factory=dict)  # service id -> overrides
    exceptions: dict[tuple[int, int | None, date], DayPlan] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)  # phone -> user id
    staff_of: dict[int, int] = field(default_factory=dict)  # centre id -> a staff user id
    residents: list[Resident] = field(default_factory=list)
    skills: dict[str, int] = field(default_factory=dict)  # code -> id
    units: list[int] = field(default_factory=list)
    categories: dict[str, int] = field(default_factory=dict)  # key -> id
    members: dict[str, list[int]] = field(default_factory=dict)  # community -> verified ids
    member_skills: dict[int, set[str]] = field(default_factory=dict)
    member_user: dict[int, int] = field(default_factory=dict)  # member id -> user id

    @property
    def others(self) -> list[Resident]:
        """Generated residents: everyone but the demo resident and member, whose stories are set."""
        return self.residents[2:]

    @property
    def today(self) -> date:
        return self.now.astimezone(TZ).date()

    def code(self, length: int = 8) -> str:
        """A public code drawn from the seeded random source, so reruns give the same codes."""
        return "".join(self.rng.choice(CODE_ALPHABET) for _ in range(length))

    def ago(self, days: float = 0, hours: float = 0) -> datetime:
        return self.now - timedelta(days=days, hours=hours)


TZ = ZoneInfo("Asia/Shanghai")


def at_local(day: date, minute: int, tz: ZoneInfo = TZ) -> datetime:
    """The UTC instant of ``minute`` after local midnight on ``day``."""
    local = datetime.combine(day, time(0), tzinfo=tz) + timedelta(minutes=minute)
    return local.astimezone(UTC)


@cache
def is_statutory_holiday(day: date) -> bool:
    """True on a weekday that China's holiday calendar closes; unknown years count as normal."""
    try:
        return day.weekday() < 5 and chinese_calendar.is_holiday(day)
    except NotImplementedError:
        return False


def opening(city: DemoCity, service: Service, day: date) -> Intervals:
    """When a service is open on ``day``: an exception, else its own week, else the centre's."""
    centre_id = service.centre_id  # type: ignore[attr-defined]
    for key in ((centre_id, service.id, day), (centre_id, None, day)):
        exc = city.exceptions.get(key)
        if exc is not None:
            return [] if exc.closed else [(exc.opens or 0, exc.closes or 0)]
    if is_statutory_holiday(day):
        return []
    own = city.service_week.get(service.id, {})
    if day.weekday() in own:
        return own[day.weekday()]
    return city.centre_week[centre_id].get(day.weekday(), [])


def slot_starts(intervals: Intervals, duration: int) -> list[int]:
    """Slot start minutes: each interval cut into whole slots of ``duration`` from its opening."""
    starts: list[int] = []
    for opens, closes in intervals:
        starts.extend(range(opens, closes - duration + 1, duration))
    return starts
