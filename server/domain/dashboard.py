"""Dashboards of a node's subtree or one centre for a month or quarter, with the period before.

The figures themselves are defined once, each with its numerator, denominator and window:
bookings in ``dashboard_bookings``, needs in ``need_metrics`` (the three rates) and
``dashboard_needs`` (times and late items), volunteers in ``dashboard_volunteers``;
docs/metrics.md ("Dashboard figures") says the same in words; periods are in
``dashboard_period``. This module holds the scope, the drill-down to child nodes and the
month-over-month comparison.

Each family of figures is read with a bounded number of queries for the whole page (rows are
grouped by child in Python), so a street with forty communities costs what one with two does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from server.domain import dashboard_bookings as bk
from server.domain import dashboard_needs as nd
from server.domain import dashboard_volunteers as vo
from server.domain import need_metrics
from server.domain.dashboard_period import Period
from server.domain.need_metrics import Rate, Rates
from server.models.places import OrgNode


@dataclass(frozen=True)
class Scope:
    """What a dashboard counts: the subtree at ``path``, narrowed to one centre if given."""

    path: str
    centre_id: int | None = None


@dataclass(frozen=True)
class Figure:
    """One number this period and the period before, for its month-over-month change."""

    key: str
    now: Decimal | None
    before: Decimal | None
    unit: str  # "count", "rate" (a fraction), "hours"
    better: str = ""  # "up": a rise is good news; "down": a rise is bad news; "": neither
    rate: Rate | None = None  # this period's numerator and denominator, for rates

    @property
    def change(self) -> Decimal | None:
        """The difference; for rates in percentage points."""
        if self.now is None or self.before is None:
            return None
        return (self.now - self.before) * (100 if self.unit == "rate" else 1)

    @classmethod
    def of_rate(cls, key: str, now: Rate, before: Rate, better: str = "up") -> Figure:
        return cls(key, now.value, before.value, "rate", better, now)

    @classmethod
    def of(
        cls, key: str, now: object, before: object, unit: str = "count", better: str = ""
    ) -> Figure:
        return cls(key, _decimal(now), _decimal(before), unit, better)


def _decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@dataclass
class Child:
    """A row of the drill-down: one child node, or (``node`` None) rows placed at the node."""

    path: str
    node: OrgNode | None
    bookings: bk.Tally
    rates: Rates
    times: nd.Times
    volunteers: vo.Tally
    volunteers_before: vo.Tally = field(default_factory=vo.Tally)


@dataclass
class Dashboard:
    scope: Scope
    period: Period
    at: datetime
    bookings: tuple[bk.Tally, bk.Tally]  # this period, the one before
    rates: tuple[Rates, Rates]
    times: tuple[nd.Times, nd.Times]
    volunteers: tuple[vo.Tally, vo.Tally]
    services: dict[int, bk.ServiceName]
    children: list[Child] = field(default_factory=list)

    def booking_figures(self) -> list[Figure]:
        now, before = self.bookings
        return [
            Figure.of("bookings", now.booked, before.booked),
            Figure.of("attended", now.attended, before.attended, better="up"),
            Figure.of_rate("no_show_rate", now.no_show_rate, before.no_show_rate, "down"),
            Figure.of("lead_time", now.lead_time, before.lead_time, "hours"),
            Figure.of("cancelled", now.cancelled, before.cancelled, better="down"),
        ]

    def need_figures(self) -> list[Figure]:
        (now, before), (t_now, t_before) = self.rates, self.times
        return [
            Figure.of("received", now.received, before.received),
            Figure.of_rate("response_rate", now.response, before.response),
            Figure.of_rate("resolution_rate", now.resolution, before.resolution),
            Figure.of_rate("satisfaction_rate", now.satisfaction, before.satisfaction),
            Figure.of(
                "response_time", t_now.response_time, t_before.response_time, "hours", "down"
            ),
            Figure.of(
                "resolution_time", t_now.resolution_time, t_before.resolution_time, "hours", "down"
            ),
            Figure.of("late", t_now.late, t_before.late, better="down"),
        ]

    def volunteer_figures(self) -> list[Figure]:
        now, before = self.volunteers
        return [
            Figure.of_rate("coverage", now.coverage, before.coverage),
            Figure.of("verified_members", now.verified, before.verified, better="up"),
            Figure.of("active_members", now.active, before.active, better="up"),
            Figure.of_rate("activity", now.activity, before.activity),
            Figure.of("hours", now.hours, before.hours, "hours", "up"),
        ]

    def per_day(self) -> tuple[list[int], list[int]]:
        """Bookings per day (per week for a quarter), this period and the one before."""
        return self.bookings[0].per_bucket, self.bookings[1].per_bucket

    def per_service(self) -> list[tuple[int, int, int]]:
        """(service id, this period, the one before), most booked first."""
        now, before = self.bookings[0].per_service, self.bookings[1].per_service
        rows = [(sid, now.get(sid, 0), before.get(sid, 0)) for sid in now.keys() | before.keys()]
        return sorted(rows, key=lambda r: (-r[1], -r[2], self.services[r[0]].sort_key))

    def per_category(self) -> list[tuple[str, int, int]]:
        """(service category, this period, the one before), most booked first."""
        now, before = self.bookings[0].per_category, self.bookings[1].per_category
        rows = [(c, now.get(c, 0), before.get(c, 0)) for c in now.keys() | before.keys()]
        return sorted(rows, key=lambda r: (-r[1], -r[2], r[0]))

    def hours_by_unit(self) -> list[tuple[str, Decimal, Decimal]]:
        """(employer unit, hours this period, the period before), most hours first; "" is none."""
        now, before = self.volunteers[0].by_unit, self.volunteers[1].by_unit
        rows = [
            (u, now.get(u, Decimal(0)), before.get(u, Decimal(0)))
            for u in now.keys() | before.keys()
        ]
        return sorted(rows, key=lambda r: (-r[1], -r[2], r[0]))


async def build(
    scope: Scope, period: Period, tz: ZoneInfo, at: datetime, *, drill: bool = True
) -> Dashboard:
    """The dashboard of ``scope`` for ``period`` and the period before, as of ``at``."""
    before = period.previous()
    parent = scope.path if drill and scope.centre_id is None else None
    b_now, b_kids, names = await bk.tallies(scope.path, scope.centre_id, period, tz, parent)
    b_before, _, names_before = await bk.tallies(scope.path, scope.centre_id, before, tz, None)
    # Each period's need events are read once; the rates, the children's rates and the times
    # are all counted from them.
    needs_now = await _needs(scope, period, tz, at)
    needs_before = await _needs(scope, before, tz, at)
    t_now, t_kids = nd.times(needs_now, parent)
    t_before, _ = nd.times(needs_before, None)
    v_now, v_kids = await vo.tallies(scope.path, period, tz, parent)
    v_before, v_kids_before = await vo.tallies(scope.path, before, tz, parent)
    board = Dashboard(
        scope=scope,
        period=period,
        at=at,
        bookings=(b_now, b_before),
        rates=(need_metrics.total(needs_now), need_metrics.total(needs_before)),
        times=(t_now, t_before),
        volunteers=(v_now, v_before),
        services={**names_before, **names},
    )
    if parent is not None:
        kid_rates = need_metrics.by_child_node(needs_now, parent)
        board.children = await _children(parent, b_kids, kid_rates, t_kids, v_kids)
        for child in board.children:
            child.volunteers_before = v_kids_before.get(child.path) or vo.Tally()
    return board


async def _needs(scope: Scope, period: Period, tz: ZoneInfo, at: datetime) -> need_metrics.Reading:
    start, end = period.window(tz)
    if scope.centre_id is not None:
        return await need_metrics.read(start=start, end=end, at=at, centre_id=scope.centre_id)
    return await need_metrics.read(start=start, end=end, at=at, node_path=scope.path)


async def _children(
    parent: str,
    bookings: dict[str, bk.Tally],
    rates: dict[str, Rates],
    times: dict[str, nd.Times],
    volunteers: dict[str, vo.Tally],
) -> list[Child]:
    """The child nodes in display order, then a row for what is placed at the node itself."""
    nodes = await OrgNode.filter(parent__path=parent).order_by("sort_order", "name")
    if not nodes:  # a leaf: nothing to drill into
        return []
    rows = [
        Child(
            n.path,
            n,
            bookings.get(n.path) or bk.Tally.empty(),
            rates.get(n.path, need_metrics.EMPTY),
            times.get(n.path) or nd.Times(),
            volunteers.get(n.path) or vo.Tally(),
        )
        for n in nodes
    ]
    own = Child(
        parent,
        None,
        bookings.get(parent) or bk.Tally.empty(),
        rates.get(parent, need_metrics.EMPTY),
        times.get(parent) or nd.Times(),
        volunteers.get(parent) or vo.Tally(),
    )
    counted = (own.bookings.booked, own.bookings.cancelled, own.rates != need_metrics.EMPTY)
    if any(counted) or own.volunteers.verified or own.volunteers.hours:
        rows.append(own)
    return rows
