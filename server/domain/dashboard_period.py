"""Periods of the dashboards (a calendar month or quarter of local dates) and the drill-down's
grouping of rows by the child node they lie under."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

PERIOD = re.compile(r"^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$")


@dataclass(frozen=True)
class Period:
    """A calendar month, or quarter when ``quarter``, of local dates ``[first, after)``."""

    year: int
    number: int  # the month 1..12, or the quarter 1..4
    quarter: bool = False

    @classmethod
    def parse(cls, text: str) -> Period | None:
        """``2026-11`` or ``2026-Q4``; None for anything else."""
        match = PERIOD.match(text.strip())
        if match is None or not 2000 <= int(match[1]) <= 2100:
            return None
        if match[3]:
            return cls(int(match[1]), int(match[3]), quarter=True)
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def month_of(cls, day: date) -> Period:
        return cls(day.year, day.month)

    @property
    def key(self) -> str:
        return f"{self.year}-Q{self.number}" if self.quarter else f"{self.year}-{self.number:02d}"

    @property
    def first(self) -> date:
        return date(self.year, 3 * self.number - 2 if self.quarter else self.number, 1)

    @property
    def after(self) -> date:
        """The first day of the next period."""
        return self.next().first

    def next(self) -> Period:
        last = 4 if self.quarter else 12
        if self.number == last:
            return Period(self.year + 1, 1, self.quarter)
        return Period(self.year, self.number + 1, self.quarter)

    def previous(self) -> Period:
        if self.number == 1:
            return Period(self.year - 1, 4 if self.quarter else 12, self.quarter)
        return Period(self.year, self.number - 1, self.quarter)

    def window(self, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """The period as UTC instants ``[start, end)``, local midnight to local midnight."""
        start = datetime.combine(self.first, time(), tzinfo=tz).astimezone(UTC)
        return start, datetime.combine(self.after, time(), tzinfo=tz).astimezone(UTC)

    @property
    def bucket_days(self) -> int:
        """Charts count a month by day and a quarter by week (from its first day)."""
        return 7 if self.quarter else 1

    @property
    def buckets(self) -> int:
        return -(-(self.after - self.first).days // self.bucket_days)

    def bucket(self, day: date) -> int:
        return (day - self.first).days // self.bucket_days


def recent_periods(today: date, months: int = 13, quarters: int = 5) -> list[Period]:
    """The periods a filter offers: this month and the ones before, then the quarters."""
    found = [Period.month_of(today)]
    while len(found) < months:
        found.append(found[-1].previous())
    quarter = Period(today.year, (today.month - 1) // 3 + 1, quarter=True)
    for _ in range(quarters):
        found.append(quarter)
        quarter = quarter.previous()
    return found


def child_of(parent: str, path: str) -> str:
    """The path of the child of ``parent`` that ``path`` lies under, or ``parent`` itself."""
    below = path[len(parent) :]
    return f"{parent}{below.split('/')[0]}/" if below else parent
