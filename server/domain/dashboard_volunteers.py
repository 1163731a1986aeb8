"""Volunteer figures of the dashboards, defined once; docs/metrics.md says the same in words.

Members count where they reported in (``members.node_path``, a community or one of its grids);
hours count where the service was given (``hours_entries.node_path``). The period's window is
its local dates ``[first, after)`` for the ledger's ``service_date`` and the UTC instant of its
end for ``verified_at``.

- Verified members: report-ins verified before the period's end and still verified. The member
  table keeps no status history, so one who has lapsed since is left out of past periods too.
- Report-in coverage (报到覆盖率): communities with at least one verified member ÷ communities
  in the scope; None for a scope without communities (a grid).
- Active members: verified members whose ledger entries for service in the period, wherever
  given, add up to more than 0 hours (a credit corrected to 0 does not make anyone active).
- Activity (活跃率): active members ÷ verified members; the volunteering figure of the
  ranking report (调度通报), a share so that small and large communities compare fairly.
- Verified hours: the sum of the ledger's entries, credits and corrections alike, with a
  service date in the period, given in the scope; also by the member's employer unit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from tortoise.expressions import Subquery
from tortoise.functions import Count
from tortoise.queryset import QuerySet

from server.domain.dashboard_period import Period, child_of
from server.domain.need_metrics import Rate
from server.models.members import HoursEntry, Member, MemberStatus
from server.models.places import Level, OrgNode


@dataclass
class Tally:
    """Volunteering in one scope and period."""

    communities: int = 0
    covered: int = 0  # communities with a verified member
    verified: int = 0
    active: int = 0
    hours: Decimal = Decimal(0)
    by_unit: dict[str, Decimal] = field(default_factory=dict)  # "" for members without a unit

    @property
    def coverage(self) -> Rate:
        """Communities with a verified member ÷ communities."""
        return Rate(Decimal(self.covered), self.communities)

    @property
    def activity(self) -> Rate:
        """Active members ÷ verified members."""
        return Rate(Decimal(self.active), self.verified)

    def add_hours(self, hours: Decimal, unit: str) -> None:
        self.hours += hours
        self.by_unit[unit] = self.by_unit.get(unit, Decimal(0)) + hours


async def tallies(
    path: str, period: Period, tz: ZoneInfo, parent: str | None, *, activity_only: bool = False
) -> tuple[Tally, dict[str, Tally]]:
    """The tally of the subtree at ``path`` and of each child of ``parent`` (if given) by path;
    four queries, or two for ``activity_only`` (verified and active members, no coverage and
    no hours)."""
    groups = _Groups(parent)
    end = period.window(tz)[1]
    members = Member.filter(
        node_path__startswith=path, status=MemberStatus.VERIFIED, verified_at__lt=end
    )
    # Counted per place a member reports in at, not per member: a city has some 150,000
    # verified members but a few thousand such places.
    per_home = members.annotate(count=Count("id")).group_by("node_path")
    homes: list[tuple[str, int]] = await per_home.values_list("node_path", "count")
    for home, count in homes:
        for tally in groups.of(home):
            tally.verified += count
    for home in await _active(members, period):
        for tally in groups.of(home):
            tally.active += 1
    if activity_only:
        return groups.total, groups.children
    await _count_coverage(groups, path, (home for home, _ in homes))
    given = HoursEntry.filter(
        node_path__startswith=path, service_date__gte=period.first, service_date__lt=period.after
    )
    for hours, where, unit in await given.values_list("hours", "node_path", "member__unit__name"):
        for tally in groups.of(where):
            tally.add_hours(Decimal(str(hours)), unit or "")
    return groups.total, groups.children


async def _active(members: QuerySet[Member], period: Period) -> list[str]:
    """Where each of ``members`` whose entries for service in the period add up to more than 0
    reports in (``node_path``), once per member."""
    entries = HoursEntry.filter(
        member_id__in=Subquery(members.values("id")),
        service_date__gte=period.first,
        service_date__lt=period.after,
    )
    net: dict[int, Decimal] = {}
    home: dict[int, str] = {}
    rows = await entries.values_list("member_id", "hours", "member__node_path")
    for member_id, hours, where in rows:
        net[member_id] = net.get(member_id, Decimal(0)) + Decimal(str(hours))
        home[member_id] = where
    return [home[member_id] for member_id, hours in net.items() if hours > 0]


async def _count_coverage(groups: _Groups, path: str, homes: Iterable[str]) -> None:
    # Every node a verified member lives in or under: a community is covered if it is one.
    lived_in = {home[: i + 1] for home in homes for i, c in enumerate(home) if c == "/"}
    communities = OrgNode.filter(path__startswith=path, level=Level.COMMUNITY)
    for community in await communities.values_list("path", flat=True):
        for tally in groups.of(str(community)):
            tally.communities += 1
            tally.covered += community in lived_in


class _Groups:
    """The scope's tally and, when drilling down, one per child of ``parent``."""

    def __init__(self, parent: str | None) -> None:
        self.parent = parent
        self.total = Tally()
        self.children: dict[str, Tally] = {}

    def of(self, path: str) -> list[Tally]:
        """The tallies a row at ``path`` counts in."""
        if self.parent is None:
            return [self.total]
        return [self.total, self.children.setdefault(child_of(self.parent, path), Tally())]
