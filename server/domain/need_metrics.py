"""The three rates of needs (三率), defined once, here; docs/metrics.md says the same in words.

Everything is recomputed from ``need_events`` rows and the need's placement (``centre_id``,
``node_path``, fixed at posting), never from the mutable columns of ``needs``. Only events
stamped at or before ``at`` count, so the figures "as of" an instant can be reproduced later.

- Period ``[start, end)``; the cohort is the needs whose "submit" event falls in it.
- Excluded: needs with an "unreasonable" event at or before ``at``, from all three rates.
- Response: cohort needs whose first accept/reject/duplicate came at or before the submit
  event's ``response_due_at`` ÷ cohort needs answered, or unanswered past that deadline.
- Resolution: cohort needs with a "confirm" event that stands (no later "reopen" or
  dissatisfied "rate") ÷ accepted cohort needs past the latest accept's ``resolution_due_at``
  or confirmed; a late confirmation counts, and ``resolved_on_time`` counts the punctual ones.
- Satisfaction: (satisfied + ½ basically satisfied) ÷ ratings whose "rate" event falls in the
  period (the needs may have been posted earlier).
- A deadline has passed once ``due < at``: answering at the deadline itself is on time, as in
  ``need_deadlines.escalate_late``. A rate with nothing to count is None, never 0 % or 100 %.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from tortoise.expressions import Q, Subquery

from server.domain.dashboard_period import child_of
from server.models.needs import NeedEvent, Rating
from server.models.places import Centre, OrgNode

K = TypeVar("K", bound=Hashable)
PLACES = Decimal("0.0001")  # rates are fractions rounded half up to 0.01 percentage point
ANSWERS = frozenset({"accept", "reject", "duplicate"})
COHORT_ACTIONS = ["submit", *sorted(ANSWERS), "confirm", "reopen", "rate", "unreasonable"]
RATED_ACTIONS = frozenset({"rate", "unreasonable"})
WEIGHTS = {
    Rating.SATISFIED.value: Decimal(1),
    Rating.BASICALLY_SATISFIED.value: Decimal("0.5"),
    Rating.DISSATISFIED.value: Decimal(0),
}
Row = dict[str, Any]


@dataclass(frozen=True)
class Rate:
    """``numerator`` ÷ ``denominator``; ``value`` is None when there was nothing to count."""

    numerator: Decimal
    denominator: int

    @property
    def value(self) -> Decimal | None:
        if self.denominator == 0:
            return None
        return (self.numerator / self.denominator).quantize(PLACES, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Rates:
    """The three rates of one scope and period, with the counts beside them."""

    response: Rate
    resolution: Rate
    satisfaction: Rate
    resolved_on_time: int  # of resolution.numerator: confirmed by the resolution deadline
    received: int  # needs submitted in the period, not excluded
    excluded: int  # needs submitted in the period and marked unreasonable by ``at``


NOTHING = Rate(Decimal(0), 0)
EMPTY = Rates(NOTHING, NOTHING, NOTHING, resolved_on_time=0, received=0, excluded=0)


def month_window(year: int, month: int, tz: str = "Asia/Shanghai") -> tuple[datetime, datetime]:
    """The calendar month in ``tz`` as a UTC period ``[start, end)``."""
    zone = ZoneInfo(tz)
    after = (year + 1, 1) if month == 12 else (year, month + 1)
    start = datetime(year, month, 1, tzinfo=zone)
    end = datetime(*after, 1, tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def previous_month(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


async def rates(
    *,
    start: datetime,
    end: datetime,
    at: datetime | None = None,
    centre_id: int | None = None,
    node_path: str | None = None,
) -> Rates:
    """The rates of one centre, one node's subtree, both (the two filters combine) or all."""
    found = await read(start=start, end=end, at=at, centre_id=centre_id, node_path=node_path)
    return total(found)


async def rates_by_centre(
    *, start: datetime, end: datetime, at: datetime | None = None, node_path: str | None = None
) -> dict[int, Rates]:
    """The rates of every centre (under ``node_path`` if given) by centre id, in one pass."""
    found = await read(start=start, end=end, at=at, node_path=node_path)
    by_centre = count(found, lambda row: int(row["need__centre_id"]))
    centres = await Centre.filter(node_path__startswith=node_path or "").values("id")
    return {int(c["id"]): EMPTY for c in centres} | by_centre


async def rates_by_child_node(
    parent_path: str, *, start: datetime, end: datetime, at: datetime | None = None
) -> dict[str, Rates]:
    """The rates of each child of the node at ``parent_path`` by the child's path, in one pass;
    needs placed at the parent itself are under ``parent_path``."""
    found = await read(start=start, end=end, at=at, node_path=parent_path)
    children = await OrgNode.filter(parent__path=parent_path).values("path")
    return {str(c["path"]): EMPTY for c in children} | by_child_node(found, parent_path)


@dataclass(frozen=True)
class Reading:
    """The events that one scope's rates for one period are counted from, read once (one
    query), so that the scope's figures, its groups' and the dashboard's need times are all
    counted from the same rows. Instants are in UTC."""

    start: datetime
    end: datetime
    at: datetime
    cohort: list[list[Row]]  # the events of each need submitted in the period, in order
    rated: list[list[Row]]  # the "rate" and "unreasonable" events of each need rated in it


async def read(
    *,
    start: datetime,
    end: datetime,
    at: datetime | None = None,
    centre_id: int | None = None,
    node_path: str | None = None,
) -> Reading:
    """The events of one centre, one node's subtree, both or all, for ``[start, end)`` as of
    ``at`` (default: now)."""
    at = at or datetime.now(UTC)
    if None in (start.tzinfo, end.tzinfo, at.tzinfo):
        raise ValueError("the period and the instant must be aware datetimes")
    start, end, at = (moment.astimezone(UTC) for moment in (start, end, at))
    # One query for both: every event the cohort's stories need, of the needs submitted or
    # rated in the period; which of the two each need is comes from its own rows.
    rows = await _events(_scope(centre_id, node_path), ["submit", "rate"], start, end, at)
    cohort, rated = [], []
    for events in _by_need(rows):
        if _happened(events, "submit", start, end):
            cohort.append(events)
        if _happened(events, "rate", start, end):
            rated.append([e for e in events if e["action"] in RATED_ACTIONS])
    return Reading(start, end, at, cohort, rated)


def total(reading: Reading) -> Rates:
    """The rates of everything read."""
    return count(reading, lambda row: 0).get(0, EMPTY)


def by_child_node(reading: Reading, parent_path: str) -> dict[str, Rates]:
    """The rates of each child of ``parent_path`` that has needs (read for its subtree) by the
    child's path; needs placed at the parent itself are under ``parent_path``."""
    return count(reading, lambda row: child_of(parent_path, str(row["need__node_path"])))


def count(reading: Reading, key: Callable[[Row], K]) -> dict[K, Rates]:
    """The rates of each group of needs, ``key`` giving a need's group from one of its rows."""
    tallies: dict[K, _Tally] = {}
    for events in reading.cohort:
        tallies.setdefault(key(events[0]), _Tally()).add_story(_Story.of(events), reading.at)
    for events in reading.rated:
        tally = tallies.setdefault(key(events[0]), _Tally())
        if not any(e["action"] == "unreasonable" for e in events):
            tally.add_ratings(e for e in events if reading.start <= e["created_at"] < reading.end)
    return {k: t.rates() for k, t in tallies.items()}


# Reading the events ---------------------------------------------------------------------------


def _scope(centre_id: int | None, node_path: str | None) -> Q:
    scope = Q()
    if centre_id is not None:
        scope &= Q(need__centre_id=centre_id)
    if node_path is not None:
        scope &= Q(need__node_path__startswith=node_path)
    return scope


async def _events(
    scope: Q, markers: list[str], start: datetime, end: datetime, at: datetime
) -> list[Row]:
    """The events up to ``at`` that the rates count (``COHORT_ACTIONS``), in the order they
    happened, of the needs in ``scope`` with one of the ``markers`` events in ``[start, end)``
    by ``at`` (one query, with a subquery)."""
    marked = NeedEvent.filter(
        scope, action__in=markers, created_at__gte=start, created_at__lt=end, created_at__lte=at
    ).values("need_id")
    return (
        await NeedEvent.filter(
            need_id__in=Subquery(marked), action__in=COHORT_ACTIONS, created_at__lte=at
        )
        .order_by("need_id", "created_at", "id")
        .values("need_id", "action", "created_at", "data", "need__centre_id", "need__node_path")
    )


def _happened(events: list[Row], action: str, start: datetime, end: datetime) -> bool:
    return any(e["action"] == action and start <= e["created_at"] < end for e in events)


def _by_need(rows: list[Row]) -> list[list[Row]]:
    groups: dict[int, list[Row]] = {}
    for row in rows:
        groups.setdefault(row["need_id"], []).append(row)
    return list(groups.values())


def _when(data: Any, name: str) -> datetime | None:
    raw = data.get(name) if isinstance(data, dict) else None
    if not raw:
        return None
    moment = datetime.fromisoformat(raw)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# Counting -------------------------------------------------------------------------------------


@dataclass
class _Story:
    """What one need's events say as of the instant they were read up to."""

    response_due: datetime | None = None
    answered_at: datetime | None = None
    accepted: bool = False
    resolution_due: datetime | None = None
    confirmed_at: datetime | None = None  # the confirmation that stands
    unreasonable: bool = False

    @classmethod
    def of(cls, events: list[Row]) -> _Story:
        story = cls()
        for e in events:
            action, data, moment = e["action"], e["data"], e["created_at"]
            if action == "submit":
                story.response_due = _when(data, "response_due_at")
            elif action in ANSWERS and story.answered_at is None:
                story.answered_at = moment
            if action == "accept":
                story.accepted, story.resolution_due = True, _when(data, "resolution_due_at")
            elif action == "confirm":
                story.confirmed_at = moment
            elif action == "reopen" or (action == "rate" and data.get("rating") == "dissatisfied"):
                story.confirmed_at = None
            elif action == "unreasonable":
                story.unreasonable = True
        return story


@dataclass
class _Tally:
    answered_on_time: int = 0
    answerable: int = 0
    resolved: int = 0
    resolved_on_time: int = 0
    resolvable: int = 0
    satisfaction: Decimal = Decimal(0)
    rated: int = 0
    received: int = 0
    excluded: int = 0

    def add_story(self, story: _Story, at: datetime) -> None:
        if story.unreasonable:
            self.excluded += 1
            return
        self.received += 1
        self._response(story.answered_at, story.response_due, at)
        if story.accepted:
            self._resolution(story.confirmed_at, story.resolution_due, at)

    def _response(self, answered: datetime | None, due: datetime | None, at: datetime) -> None:
        # No deadline recorded (never so since posting writes one): nothing to be late for.
        if answered is not None or (due is not None and due < at):
            self.answerable += 1
        if answered is not None and (due is None or answered <= due):
            self.answered_on_time += 1

    def _resolution(self, confirmed: datetime | None, due: datetime | None, at: datetime) -> None:
        if confirmed is not None or (due is not None and due < at):
            self.resolvable += 1
        if confirmed is not None:
            self.resolved += 1
            if due is None or confirmed <= due:
                self.resolved_on_time += 1

    def add_ratings(self, events: Iterable[Row]) -> None:
        for e in events:
            weight = WEIGHTS.get(e["data"].get("rating"))
            if weight is not None:
                self.satisfaction += weight
                self.rated += 1

    def rates(self) -> Rates:
        return Rates(
            response=Rate(Decimal(self.answered_on_time), self.answerable),
            resolution=Rate(Decimal(self.resolved), self.resolvable),
            satisfaction=Rate(self.satisfaction, self.rated),
            resolved_on_time=self.resolved_on_time,
            received=self.received,
            excluded=self.excluded,
        )
