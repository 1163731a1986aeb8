"""The scores of matching: named parts, each with points and a reason; no database here.

Points (a part worth 0 is left out of the explanation):
- skill: 40 x the share of the task's skills the member pledged; else 10 when the pledge's own
  words match the task's title (a weaker signal)
- place: 30 same grid, 20 same community, 10 same street; home or a pledged area, the nearer
- time: 20 x the share of the task's time inside pledged weekly windows, -10 for none of it,
  -20 outside the pledge's dates; 0 for a task without a fixed time or a pledge without windows
- fair (ranking members only): 15 with no task in the last 30 days, 5 less per task, to -15
- reliability (ranking members only): 50 x (r - 0.8), r = (done + 4) / (done + no-shows + 5),
  so a newcomer scores 0 and only a record with no-shows goes below that; plus 5 x (q - 4),
  q = (sum of residents' ratings + 4 x 2) / (ratings + 2): -15..+5, 0 for a newcomer, and a
  few ratings move it a little (a resident's no-show flagged by the member is neither)
A member at their monthly pledge (tasks, or hours with this task) is left out. Equal totals go
to fewer recent tasks, then the longest since a claim, then a per-task shuffle of member ids:
equally good members take turns at the top.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from server.i18n import N_

if TYPE_CHECKING:
    from server.models.members import Member, Task

RECENT_DAYS = 30
SKILL_POINTS, TEXT_POINTS = 40.0, 10.0
PLACE_POINTS = {5: 30.0, 4: 20.0, 3: 10.0}  # path segments shared: grid, community, street
TIME_POINTS, OFF_TIME_POINTS, OFF_DATES_POINTS = 20.0, -10.0, -20.0
FAIR_POINTS, FAIR_STEP = 15.0, 5.0
RELIABILITY_POINTS, PRIOR_DONE, PRIOR_MISSED = 50.0, 4, 1
RATING_POINTS, PRIOR_RATING, PRIOR_RATINGS = 5.0, 4, 2  # two imagined ratings of 4

HOME = {
    5: N_("Lives in the same grid"),
    4: N_("Lives in the same community"),
    3: N_("Lives in the same street"),
}
PLEDGED = {
    5: N_("Pledged to serve this grid"),
    4: N_("Pledged an area in this community"),
    3: N_("Pledged an area in this street"),
}


@dataclass(frozen=True)
class Part:
    name: str  # skill, place, time, fair, reliability
    points: float
    reason: str  # an English msgid, translated where shown, filled in with ``params``
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Suggestion:
    total: float
    parts: list[Part]
    member: Member | None = None  # in candidates_for
    task: Task | None = None  # in for_member

    def as_json(self) -> dict[str, Any]:
        return {"total": self.total, "parts": [asdict(part) for part in self.parts]}


@dataclass(frozen=True)
class Excluded:
    """Why a member is not suggested for a task."""

    reason: str  # msgid
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Availability:
    windows: tuple[tuple[int, int, int], ...]  # weekday (Monday 0), start and end minute, local
    date_from: date | None
    date_to: date | None


@dataclass
class Profile:
    """What matching knows of a member: home, record, current pledges and this month's load."""

    id: int
    node_path: str
    completed_count: int = 0
    no_show_count: int = 0
    rating_count: int = 0  # residents' ratings of the member's help, 1..5 each
    rating_sum: int = 0
    skills: set[int] = field(default_factory=set)
    texts: list[str] = field(default_factory=list)  # lower case
    areas: list[str] = field(default_factory=list)  # node paths
    pledges: list[Availability] = field(default_factory=list)
    monthly_tasks: int | None = None  # the current pledges' caps added up; None: no cap
    monthly_hours: Decimal | None = None
    recent: int = 0  # claims in the last RECENT_DAYS
    last_claimed: datetime | None = None
    month_tasks: int = 0
    month_hours: Decimal = Decimal(0)
    pledged: bool = False  # has a current pledge (even one whose dates are over)
    claimed: set[int] = field(default_factory=set)  # tasks of the claims read (see matching.tally)


@dataclass
class Job:
    """What matching knows of a task."""

    id: int
    node_path: str
    title: str
    starts_at: datetime | None
    ends_at: datetime | None
    estimated_hours: Decimal
    centre_id: int
    created_at: datetime
    tz: ZoneInfo
    skills: dict[int, str] = field(default_factory=dict)  # id -> code

    @cached_property
    def words(self) -> list[str]:
        return title_words(self.title)

    @cached_property
    def prefixes(self) -> dict[int, str]:
        """The path of the task's street (3), community (4) and grid (5), as far as it goes."""
        codes = self.node_path.split("/")[:-1]
        return {n: "".join(f"{c}/" for c in codes[:n]) for n in (5, 4, 3) if n <= len(codes)}

    @cached_property
    def span(self) -> tuple[datetime, datetime] | None:
        """When the work happens, in naive local time; None if the task has no fixed time."""
        if self.starts_at is None:
            return None
        start = self.starts_at.astimezone(self.tz).replace(tzinfo=None)
        ends_at = self.ends_at or self.starts_at + timedelta(hours=float(self.estimated_hours))
        end = ends_at.astimezone(self.tz).replace(tzinfo=None)
        return start, max(end, start + timedelta(minutes=1))


@dataclass
class Pool:
    """What SQL found, ready to score: one task and its members, or one member and tasks."""

    jobs: list[Job]
    profiles: list[Profile]
    tasks: dict[int, Task] = field(default_factory=dict)  # for_member: the jobs' tasks, by id
    invited: list[int] | None = None  # for_member: the member's pending invitations, if read


def score(job: Job, profile: Profile, *, people: bool = True) -> Suggestion | Excluded:
    """The parts of ``profile`` x ``job``; ``people`` adds the parts that rank members only."""
    if excluded := over_cap(job, profile):
        return excluded
    parts = [skill_part(job, profile), place_part(job, profile), time_part(job, profile)]
    if people:
        parts += [fair_part(profile), reliability_part(profile)]
    kept = [part for part in parts if part is not None and part.points]
    return Suggestion(_round(sum(part.points for part in kept)), kept)


def over_cap(job: Job, p: Profile) -> Excluded | None:
    if p.monthly_tasks is not None and p.month_tasks >= p.monthly_tasks:
        message = N_("Reached the pledge of %(count)d tasks a month")
        return Excluded(message, {"count": p.monthly_tasks})
    if p.monthly_hours is not None and p.month_hours + job.estimated_hours > p.monthly_hours:
        message = N_("This task would go past the pledge of %(hours)s hours a month")
        return Excluded(message, {"hours": str(p.monthly_hours)})
    return None


def title_words(title: str) -> list[str]:
    """Chinese character pairs and English words of four letters or more."""
    found = {
        run[i : i + 2]
        for run in re.findall(r"[\u4e00-\u9fff]+", title)
        for i in range(len(run) - 1)
    }
    return sorted(found | set(re.findall(r"[a-z]{4,}", title.lower())))


def skill_part(job: Job, p: Profile) -> Part | None:
    hit = sorted(code for skill, code in job.skills.items() if skill in p.skills)
    if hit:
        params = {"matched": len(hit), "asked": len(job.skills), "skills": hit}
        points = _round(SKILL_POINTS * len(hit) / len(job.skills))
        return Part("skill", points, N_("Pledged skills asked: %(matched)d of %(asked)d"), params)
    shared = [w for w in job.words if any(w in text for text in p.texts)]
    # One shared Chinese pair (社区, 服务) is too common to mean much; an English word is rarer.
    if sum(2 if w.isascii() else 1 for w in shared) >= 2:
        reason = N_("The pledge's own words match the task")
        return Part("skill", TEXT_POINTS, reason, {"words": shared[:6]})
    return None


def place_part(job: Job, p: Profile) -> Part | None:
    depth, reasons = shared_depth(job, p.node_path), HOME
    for area in p.areas:
        if (shared := shared_depth(job, area)) > depth:
            depth, reasons = shared, PLEDGED
    return Part("place", PLACE_POINTS[depth], reasons[depth]) if depth else None


def shared_depth(job: Job, path: str) -> int:
    """5 if ``path`` is in the task's grid, 4 in its community, 3 in its street, else 0."""
    for depth, prefix in job.prefixes.items():  # the deepest first
        if path.startswith(prefix):
            return depth
    return 0


def time_part(job: Job, p: Profile) -> Part | None:
    if job.span is None or not p.pledges:
        return None
    options = [_pledge_time(pledge, *job.span) for pledge in p.pledges]
    return max(options, key=lambda part: part.points if part else 0.0)


def _pledge_time(pledge: Availability, start: datetime, end: datetime) -> Part | None:
    day = start.date()
    if (pledge.date_from and day < pledge.date_from) or (pledge.date_to and day > pledge.date_to):
        return Part("time", OFF_DATES_POINTS, N_("Outside the pledged dates"))
    if not pledge.windows:
        return None  # "any time"
    share = covered(pledge.windows, start, end)
    if share >= 0.999:
        return Part("time", TIME_POINTS, N_("Within the pledged times"))
    if share > 0:
        reason = N_("Partly within the pledged times (%(percent)d%%)")
        return Part("time", _round(TIME_POINTS * share), reason, {"percent": round(share * 100)})
    return Part("time", OFF_TIME_POINTS, N_("Outside the pledged times"))


@lru_cache(maxsize=4096)  # members pick from few windows: one task meets the same ones again
def covered(windows: tuple[tuple[int, int, int], ...], start: datetime, end: datetime) -> float:
    """The share of [start, end) (naive local times) inside the weekly windows."""
    spans = []
    for offset in range(min((end.date() - start.date()).days + 1, 8)):
        day = start.date() + timedelta(days=offset)
        midnight = datetime.combine(day, time())
        for weekday, first, last in windows:
            if weekday == day.weekday():
                lo = max(midnight + timedelta(minutes=first), start)
                hi = min(midnight + timedelta(minutes=last), end)
                if hi > lo:
                    spans.append((lo, hi))
    seconds, reach = 0.0, start
    for lo, hi in sorted(spans):  # overlapping windows count once
        if hi > max(lo, reach):
            seconds += (hi - max(lo, reach)).total_seconds()
            reach = hi
    return min(seconds / (end - start).total_seconds(), 1.0)


def fair_part(p: Profile) -> Part:
    points = max(FAIR_POINTS - FAIR_STEP * p.recent, -FAIR_POINTS)
    if p.recent == 0:
        return Part("fair", points, N_("No tasks in the last 30 days"))
    return Part("fair", points, N_("Tasks in the last 30 days: %(count)d"), {"count": p.recent})


def reliability_part(p: Profile) -> Part:
    done, missed = p.completed_count, p.no_show_count
    r = (done + PRIOR_DONE) / (done + missed + PRIOR_DONE + PRIOR_MISSED)
    points = RELIABILITY_POINTS * (r - PRIOR_DONE / (PRIOR_DONE + PRIOR_MISSED))
    params: dict[str, Any] = {"done": done, "missed": missed}
    if not p.rating_count:
        return Part(
            "reliability", _round(points), N_("Done: %(done)d, no-shows: %(missed)d"), params
        )
    q = (p.rating_sum + PRIOR_RATING * PRIOR_RATINGS) / (p.rating_count + PRIOR_RATINGS)
    points += RATING_POINTS * (q - PRIOR_RATING)
    params["average"] = f"{p.rating_sum / p.rating_count:.1f}"
    reason = N_("Done: %(done)d, no-shows: %(missed)d, rated %(average)s by residents")
    return Part("reliability", _round(points), reason, params)


def _round(points: float) -> float:
    return round(points, 1) + 0.0  # never -0.0


def _shuffle(task_id: int, member_id: int) -> int:
    """A per-task order of members (multiplicative hashing): who wins a tie differs by task."""
    return ((member_id * 2654435761) ^ (task_id * 2246822519)) & 0xFFFFFFFF


def rank_members(pool: Pool, limit: int) -> list[tuple[int, Suggestion]]:
    """(member id, suggestion) for the best ``limit`` members of the pool's one task."""
    job, ranked = pool.jobs[0], []
    for p in pool.profiles:
        found = score(job, p)
        if isinstance(found, Suggestion):
            last = p.last_claimed.timestamp() if p.last_claimed else 0.0
            ranked.append(((found.total, -p.recent, -last, _shuffle(job.id, p.id), p.id), found))
    top = heapq.nlargest(limit, ranked, key=lambda item: item[0])
    return [(key[-1], found) for key, found in top]


def rank_tasks(pool: Pool, limit: int) -> list[tuple[int, Suggestion]]:
    """(task id, suggestion) for the best ``limit`` tasks of the pool's one member; equal totals
    go to the task that starts sooner, then to the one waiting longer."""
    if not pool.profiles:
        return []
    profile, ranked = pool.profiles[0], []
    for job in pool.jobs:
        found = score(job, profile, people=False)
        if isinstance(found, Suggestion):
            start = job.starts_at.timestamp() if job.starts_at else float("inf")
            ranked.append(((found.total, -start, -job.created_at.timestamp(), -job.id), found))
    top = heapq.nlargest(limit, ranked, key=lambda item: item[0])
    return [(-key[-1], found) for key, found in top]
