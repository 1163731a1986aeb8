"""Need times and late items of the dashboards, defined once beside the three rates.

The cohort, the exclusions and the reading of the events are those of ``need_metrics``: the
times are counted from the same rows as the rates (a ``need_metrics.Reading``), and its story
of a need is reused, so "answered", "accepted" and "a confirmation that stands" cannot drift
apart. The cohort: the needs whose "submit" event falls in ``[start, end)``, as of ``at``, less
those marked unreasonable by then.

- Response time: the mean hours from "submit" to the first accept/reject/duplicate, over
  cohort needs answered by ``at``.
- Resolution time: the mean hours from "submit" to the confirmation that stands, over cohort
  needs that have one by ``at``.
- Late: cohort needs that missed a deadline as of ``at`` — answered after ``response_due_at``
  or unanswered past it, or accepted and confirmed after ``resolution_due_at`` or unconfirmed
  past it. Each need counts once however many deadlines it missed.
Means are rounded half up to 0.1 h and None when nothing was answered (or confirmed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from server.domain import need_metrics
from server.domain.dashboard_period import child_of
from server.domain.need_metrics import Row

TENTH = Decimal("0.1")


@dataclass
class Times:
    """Response and resolution times and late needs of one scope's cohort."""

    answered: int = 0
    response_hours: Decimal = Decimal(0)
    resolved: int = 0
    resolution_hours: Decimal = Decimal(0)
    late: int = 0

    @property
    def response_time(self) -> Decimal | None:
        return _mean(self.response_hours, self.answered)

    @property
    def resolution_time(self) -> Decimal | None:
        return _mean(self.resolution_hours, self.resolved)

    def add(self, events: list[Row], at: datetime) -> None:
        story = need_metrics._Story.of(events)
        if story.unreasonable:
            return
        submitted = next(e["created_at"] for e in events if e["action"] == "submit")
        if story.answered_at is not None:
            self.answered += 1
            self.response_hours += _hours(story.answered_at - submitted)
        if story.confirmed_at is not None:
            self.resolved += 1
            self.resolution_hours += _hours(story.confirmed_at - submitted)
        late_answer = _missed(story.answered_at, story.response_due, at)
        late_fix = story.accepted and _missed(story.confirmed_at, story.resolution_due, at)
        self.late += int(late_answer or late_fix)


def _missed(done: datetime | None, due: datetime | None, at: datetime) -> bool:
    """Done after the deadline, or not done with the deadline passed (acting at it is on time)."""
    if due is None:
        return False
    return done > due if done is not None else due < at


def _hours(delta: timedelta) -> Decimal:
    return Decimal(str(delta.total_seconds())) / 3600


def _mean(total: Decimal, count: int) -> Decimal | None:
    return (total / count).quantize(TENTH, rounding=ROUND_HALF_UP) if count else None


def times(reading: need_metrics.Reading, parent: str | None) -> tuple[Times, dict[str, Times]]:
    """The times of the needs read (one centre's or a subtree's, ``need_metrics.read``) and of
    each child of ``parent`` (if given) by path; no query of its own."""
    total, children = Times(), dict[str, Times]()
    for events in reading.cohort:
        total.add(events, reading.at)
        if parent is not None:
            key = child_of(parent, str(events[0]["need__node_path"]))
            children.setdefault(key, Times()).add(events, reading.at)
    return total, children
