"""Weekly volunteer projects over two years: their sessions are tasks, their claims most hours.

Sessions are planned twice from the same few numbers (project, week): once to count the places
of sessions whose claims staff have verified by now, so the verified claims can be spread over
them to add up to the hours entries asked for; once more, project by project, to write them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import NamedTuple

from server.domain.slots import at_local
from server.models.members import ClaimStatus, TaskSource, TaskStatus
from server.seed.city_context import CityContext
from server.seed.demo_context import TZ
from server.seed.demo_tasks import ClaimPlan, TaskPlan
from server.seed.demo_tasks import _session_claim as session_claim
from server.seed.demo_texts import PROJECTS

WEEKS = 104  # two years of weekly sessions
AHEAD = timedelta(days=14)
VERIFIED_AFTER = timedelta(days=2)  # as demo_tasks._session_claim: staff verify two days on
CLAIMED_BEFORE = timedelta(days=5)
# Projects besides the demo's: (title, description, skill, weekday, start minute, hours, places).
TEMPLATES = (
    *(p[1:] for p in PROJECTS),
    ("四点半课堂", "放学后为双职工家庭的孩子辅导作业。", "tutoring", 2, 990, 2, 4),
    ("银龄陪伴", "上门陪伴独居老人聊天、读报。", "elderly_care", 3, 900, 2, 3),
    ("社区义诊", "测血压血糖，讲解慢病用药知识。", "clinic", 5, 540, 3, 4),
    ("法律明白人", "在党群服务中心值班，解答法律问题。", "legal", 4, 840, 2, 2),
    ("智能手机课堂", "教老年人用手机挂号、付款、视频通话。", "digital_help", 1, 870, 2, 3),
    ("便民维修日", "为居民免费维修小家电、更换灯泡。", "repair", 6, 540, 3, 4),
    ("文艺排练", "带领居民排练广场舞和合唱节目。", "arts", 3, 1140, 2, 5),
    ("心理驿站", "为有需要的居民提供心理疏导。", "counselling", 5, 870, 2, 2),
)
DEMO_PROJECT = "周末课业辅导"  # the demo member's: she comes to some of its sessions


class Project(NamedTuple):
    id: int
    community: int
    title: str
    description: str
    skill: str
    weekday: int
    minute: int
    hours: int
    places: int
    first_week: int  # weeks before now of its first session


class Session(NamedTuple):
    starts: datetime
    ends: datetime
    places: int  # room for claims: its places, or fewer if fewer members could come


@dataclass
class Spread:
    """Verified claims per verifiable session, in the order ``sessions`` yields them."""

    counts: list[int]
    at: int = 0

    def next(self) -> int:
        self.at += 1
        return self.counts[self.at - 1]


def plan_projects(city: CityContext) -> list[Project]:
    """The demo's three projects where their communities exist, then projects drawn at random."""
    index = {c.code: i for i, c in enumerate(city.communities)}
    chosen = [(index[p[0]], p[1:]) for p in PROJECTS if p[0] in index]
    while len(chosen) < city.sizes.projects:
        chosen.append((city.rng.randrange(len(index)), city.rng.choice(TEMPLATES)))
    projects = []
    for c, (title, text, skill, weekday, minute, hours, places) in chosen:
        # Most projects ran the whole two years; the others started since.
        first = WEEKS if city.rng.random() < 0.65 else city.rng.randint(1, WEEKS)
        pid = city.next_id("projects")
        projects.append(Project(pid, c, title, text, skill, weekday, minute, hours, places, first))
    return projects


def sessions(city: CityContext, project: Project) -> Iterator[Session]:
    """The project's sessions from its first week to a fortnight ahead, oldest first."""
    today = city.today
    last = today - timedelta(days=(today.weekday() - project.weekday) % 7)
    for week in range(-project.first_week, 3):
        day = last + timedelta(weeks=week)
        starts = at_local(day, project.minute, "Asia/Shanghai")
        if starts > city.now + AHEAD:
            return
        ends = starts + timedelta(hours=project.hours)
        room = city.eligible(project.community, starts - CLAIMED_BEFORE)
        yield Session(starts, ends, min(project.places, room + is_demo(city, project)))


def is_demo(city: CityContext, project: Project) -> bool:
    return project.title == DEMO_PROJECT and city.communities[project.community].code == "WJ"


def verifiable(city: CityContext, session: Session) -> bool:
    return session.ends + VERIFIED_AFTER <= city.now


def spread(city: CityContext, projects: list[Project], claims: int) -> Spread:
    """``claims`` verified claims spread over the verifiable sessions, each within its room."""
    rooms = [s.places for p in projects for s in sessions(city, p) if verifiable(city, s)]
    if sum(rooms) < claims:
        raise RuntimeError("too few members to make the hours asked for; ask for fewer hours")
    mean = claims / max(1, len(rooms))
    counts = [min(r, max(0, round(city.rng.gauss(mean, mean / 2)))) for r in rooms]
    missing = claims - sum(counts)
    while missing:  # even out at random sessions with room (or with claims to spare)
        i = city.rng.randrange(len(counts))
        if missing > 0 and counts[i] < rooms[i]:
            counts[i], missing = counts[i] + 1, missing - 1
        elif missing < 0 and counts[i] > 0:
            counts[i], missing = counts[i] - 1, missing + 1
    return Spread(counts)


def project_tasks(city: CityContext, project: Project, shares: Spread) -> list[TaskPlan]:
    """Every session of the project as a task with its claims."""
    centre = city.centre_of_community[project.community]
    node = city.communities[project.community]
    tasks, first_open = [], True
    for session in sessions(city, project):
        day = session.starts.astimezone(TZ).date()
        done = session.ends <= city.now
        task = TaskPlan(
            TaskSource.PROJECT,
            centre,
            node,
            f"{project.title}（{day.year}年{day.month}月{day.day}日）",
            project.description,
            project.skill,
            Decimal(project.hours),
            project.places,
            TaskStatus.DONE if done else TaskStatus.OPEN,
            min(session.starts - timedelta(days=10), city.now),
            project_id=project.id,
            starts_at=session.starts,
            ends_at=session.ends,
        )
        if verifiable(city, session):
            task.claims = _worked(city, project, session, shares.next())
        elif session.starts <= city.now:
            task.claims = _worked(city, project, session, city.rng.randint(0, session.places))
        else:
            task.claims = _coming(city, project, session, first_open)
            first_open = False
            if len(task.claims) == task.capacity:
                task.status = TaskStatus.FULL
        tasks.append(task)
    return tasks


def _people(city: CityContext, project: Project, session: Session, count: int) -> list[int]:
    """``count`` members who could come; the demo member to some of her project's sessions."""
    room = city.eligible(project.community, session.starts - CLAIMED_BEFORE)
    # She comes to some sessions, and to any that needs her to fill it.
    demo = is_demo(city, project) and count > 0 and (count > room or city.rng.random() < 0.4)
    picked = city.rng.sample(range(room), min(room, count - demo + 1))
    people = [city.verified[project.community][i][1] for i in picked]
    return ([city.demo_member] if demo else []) + people


def _worked(city: CityContext, project: Project, session: Session, count: int) -> list[ClaimPlan]:
    """Claims of a past session; now and then one more member who gave the task back."""
    people = _people(city, project, session, count)
    claims = [session_claim(city, m, session.starts, session.ends) for m in people[:count]]
    if len(people) > count and city.rng.random() < 0.05:
        claimed = session.starts - CLAIMED_BEFORE  # and given back a day or two later
        claims.append(ClaimPlan(people[count], ClaimStatus.RETURNED, claimed))
    return claims


def _coming(city: CityContext, project: Project, session: Session, first: bool) -> list[ClaimPlan]:
    """Claims on a coming session; the demo project's first has one and the next none."""
    if is_demo(city, project):
        count = 1 if first else 0
    else:
        count = city.rng.randint(0, max(0, session.places - 1))
    claimed = city.now - timedelta(days=city.rng.uniform(0.1, 5))
    room = city.eligible(project.community, claimed)
    picked = city.rng.sample(range(room), min(room, count))
    members = [city.verified[project.community][i][1] for i in picked]
    return [ClaimPlan(m, ClaimStatus.CLAIMED, claimed) for m in members]
