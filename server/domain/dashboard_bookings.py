"""Booking figures of the dashboards, defined once; docs/metrics.md says the same in words.

Window: bookings whose ``starts_at`` falls in the period ``[start, end)``, wherever they were
made; a booking belongs to the node of its centre (``centre.node_path``).

- Bookings: every booking of the window that is not cancelled (booked, checked in, done,
  missed); per day of its local start (per week in a quarter) and per service.
- Attended: done or checked in. Cancelled: cancelled (by the resident or the centre).
- No-show rate: no-shows ÷ (done + checked in + no-shows). Cancelled bookings, and bookings
  still "booked" (in the future, or not yet marked at the counter), are in neither count.
- Lead time: the median of the hours from ``created_at`` to ``starts_at``, over bookings of
  the window that are not cancelled and not walk-ins (a walk-in is booked at the counter).
  Rounded half up to 0.1 h; None when there are none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from statistics import median
from typing import Any
from zoneinfo import ZoneInfo

from server.domain.dashboard_period import Period, child_of
from server.domain.need_metrics import Rate
from server.models.bookings import Booking, BookingSource, BookingStatus

S = BookingStatus
TENTH = Decimal("0.1")
FIELDS = (
    "status",
    "source",
    "starts_at",
    "created_at",
    "service_id",
    "service__category",
    "service__name",
    "service__name_en",
    "service__sort_order",
    "centre__node_path",
)


@dataclass(frozen=True)
class ServiceName:
    name: str
    name_en: str
    category: str
    sort_order: int

    @property
    def sort_key(self) -> tuple[str, int, str]:
        return (self.category, self.sort_order, self.name)


@dataclass
class Tally:
    """The bookings of one scope whose start falls in the period."""

    booked: int = 0  # not cancelled
    cancelled: int = 0
    attended: int = 0  # done or checked in
    no_show: int = 0
    lead_hours: list[Decimal] = field(default_factory=list)
    per_bucket: list[int] = field(default_factory=list)
    per_service: dict[int, int] = field(default_factory=dict)
    per_category: dict[str, int] = field(default_factory=dict)

    @classmethod
    def empty(cls, buckets: int = 0) -> Tally:
        return cls(per_bucket=[0] * buckets)

    @property
    def no_show_rate(self) -> Rate:
        """No-shows ÷ (done + checked in + no-shows)."""
        return Rate(Decimal(self.no_show), self.attended + self.no_show)

    @property
    def lead_time(self) -> Decimal | None:
        """The median hours between booking and start (walk-ins left out)."""
        if not self.lead_hours:
            return None
        return Decimal(median(self.lead_hours)).quantize(TENTH, rounding=ROUND_HALF_UP)

    def add(self, row: tuple[Any, ...], bucket: int) -> None:
        status, source, starts_at, created_at, service_id, category = row[:6]
        if status == S.CANCELLED:
            self.cancelled += 1
            return
        self.booked += 1
        self.attended += status in (S.DONE, S.CHECKED_IN)
        self.no_show += status == S.NO_SHOW
        if source != BookingSource.WALK_IN:
            self.lead_hours.append(_hours(starts_at - created_at))
        if 0 <= bucket < len(self.per_bucket):
            self.per_bucket[bucket] += 1
        self.per_service[service_id] = self.per_service.get(service_id, 0) + 1
        self.per_category[str(category)] = self.per_category.get(str(category), 0) + 1


def _hours(delta: timedelta) -> Decimal:
    return Decimal(str(delta.total_seconds())) / 3600


async def tallies(
    path: str, centre_id: int | None, period: Period, tz: ZoneInfo, parent: str | None
) -> tuple[Tally, dict[str, Tally], dict[int, ServiceName]]:
    """The tally of the scope, the tally of each child of ``parent`` (if given) by path, and the
    names of the services counted; one query."""
    start, end = period.window(tz)
    query = Booking.filter(
        starts_at__gte=start, starts_at__lt=end, centre__node_path__startswith=path
    )
    if centre_id is not None:
        query = query.filter(centre_id=centre_id)
    buckets = period.buckets
    total, children = Tally.empty(buckets), dict[str, Tally]()
    names: dict[int, ServiceName] = {}
    for row in await query.values_list(*FIELDS):
        bucket = period.bucket(_local(row[2], tz))
        total.add(row, bucket)
        if parent is not None:
            key = child_of(parent, row[9])
            if key not in children:  # (a city's month is some 50,000 rows: no object per row)
                children[key] = Tally.empty(buckets)
            children[key].add(row, bucket)
        if row[4] not in names:
            names[row[4]] = ServiceName(row[6], row[7], str(row[5]), row[8])
    return total, children, names


def _local(moment: datetime, tz: ZoneInfo) -> date:
    return moment.astimezone(tz).date()
