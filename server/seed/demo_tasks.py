"""Seed volunteer work: tasks from small wishes, needs and projects, claims, hours and feedback."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from server.models.members import (
    Claim,
    ClaimStatus,
    Feedback,
    FeedbackKind,
    HoursEntry,
    Invitation,
    Member,
    Project,
    Task,
    TaskSkill,
    TaskSource,
    TaskStatus,
)
from server.models.needs import NeedKind
from server.models.needs import NeedStatus as S
from server.models.places import Centre, OrgNode
from server.seed import demo_data as data
from server.seed.demo_context import TZ, DemoCity, at_local
from server.seed.demo_need_rows import Plan
from server.seed.demo_texts import PROJECTS

ACTIVE_CLAIMS = {
    ClaimStatus.CLAIMED,
    ClaimStatus.IN_PROGRESS,
    ClaimStatus.COMPLETED,
    ClaimStatus.CONFIRMED,
    ClaimStatus.DISPUTED,
}
WISH_CLAIM = {
    S.IN_PROGRESS: ClaimStatus.IN_PROGRESS,
    S.RESOLVED: ClaimStatus.COMPLETED,
    S.CONFIRMED: ClaimStatus.CONFIRMED,
    S.CLOSED: ClaimStatus.VERIFIED,
}
WISH_TASK = {
    S.OPEN_FOR_CLAIM: TaskStatus.OPEN,
    S.IN_PROGRESS: TaskStatus.FULL,
    S.RESOLVED: TaskStatus.FULL,
    S.CONFIRMED: TaskStatus.FULL,
    S.CLOSED: TaskStatus.DONE,
}


@dataclass
class ClaimPlan:
    member_id: int
    status: ClaimStatus
    claimed_at: datetime
    started: datetime | None = None
    ended: datetime | None = None
    completed: datetime | None = None
    confirmed: datetime | None = None
    verified: datetime | None = None
    auto_confirmed: bool = False
    author: int | None = None  # the resident who rated the work
    code: str = ""


@dataclass
class TaskPlan:
    source: TaskSource
    centre: Centre
    node: OrgNode
    title: str
    description: str
    skill: str | None
    hours: Decimal
    capacity: int
    status: TaskStatus
    created_at: datetime
    need_id: int | None = None
    project_id: int | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    claims: list[ClaimPlan] = field(default_factory=list)
    code: str = ""
    task_id: int = 0


# The shape matching.Suggestion.as_json stores: the parts with their reasons (English msgids).
DEMO_INVITATION_SCORE = {
    "total": 60.0,
    "parts": [
        {
            "name": "skill",
            "points": 40.0,
            "reason": "Pledged skills asked: %(matched)d of %(asked)d",
            "params": {"matched": 1, "asked": 1, "skills": ["tutoring"]},
        },
        {"name": "place", "points": 20.0, "reason": "Lives in the same community", "params": {}},
    ],
}


async def seed_tasks(city: DemoCity, plans: list[Plan]) -> None:
    """Write tasks, claims, the hours they earned, feedback, and a few invitations."""
    tasks = [
        _wish_task(city, p)
        for p in plans
        if p.status in WISH_TASK and p.kind == NeedKind.SMALL_WISH
    ]
    tasks += [
        _need_task(city, p)
        for p in plans
        if p.status == S.OPEN_FOR_CLAIM and p.kind == NeedKind.NEED
    ]
    tasks += await _project_tasks(city)
    for task in tasks:
        task.code = city.code()
        for claim in task.claims:
            claim.code = city.code()
    await Task.bulk_create(_task_row(city, t) for t in tasks)
    ids = dict(await Task.all().values_list("code", "id"))
    for task in tasks:
        task.task_id = ids[task.code]
    await TaskSkill.bulk_create(
        TaskSkill(task_id=t.task_id, skill_id=city.skills[t.skill]) for t in tasks if t.skill
    )
    await _seed_claims(city, tasks)
    await _seed_invitations(city, tasks)


def _wish_task(city: DemoCity, plan: Plan) -> TaskPlan:
    published = plan.at("publish") or plan.steps[-1][2]
    task = TaskPlan(
        TaskSource.SMALL_WISH,
        plan.centre,
        plan.node,
        plan.title,
        f"心愿：{plan.wish_item}。认领后请与社区联系领取地址。",
        plan.skill,
        Decimal(city.rng.choice(("1.0", "1.5", "2.0", "3.0"))),
        1,
        WISH_TASK[plan.status],
        published,
        need_id=plan.need_id,
    )
    if plan.member_id:
        task.claims.append(_wish_claim(city, plan, plan.member_id))
    return task


def _wish_claim(city: DemoCity, plan: Plan, member_id: int) -> ClaimPlan:
    claimed = plan.at("claim") or plan.steps[-1][2]
    status = WISH_CLAIM[plan.status]
    if status == ClaimStatus.IN_PROGRESS and city.rng.random() < 0.5:
        status = ClaimStatus.CLAIMED
    started = None if status == ClaimStatus.CLAIMED else claimed + (city.now - claimed) / 3
    resolved = plan.at("resolve")
    return ClaimPlan(
        member_id,
        status,
        claimed,
        started=started,
        ended=resolved,
        completed=resolved,
        confirmed=plan.at("confirm"),
        verified=plan.at("close"),
        author=plan.requester.user_id if plan.requester else None,
    )


def _need_task(city: DemoCity, plan: Plan) -> TaskPlan:
    places = 2 if plan.category == "elderly" else 1
    return TaskPlan(
        TaskSource.NEED,
        plan.centre,
        plan.node,
        plan.title,
        plan.description,
        plan.skill,
        Decimal("2.0"),
        places,
        TaskStatus.OPEN,
        plan.steps[-1][2],
        need_id=plan.need_id,
    )


async def _project_tasks(city: DemoCity) -> list[TaskPlan]:
    tasks = []
    for community, title, text, skill, weekday, minute, hours, places in PROJECTS:
        centre = city.community_centre[community]
        project = await Project.create(
            code=city.code(),
            node=city.nodes[community],
            centre=centre,
            title=title,
            description=text,
        )
        # Weekly sessions around the last one before today: three done, two coming.
        last = city.today - timedelta(days=(city.today.weekday() - weekday - 1) % 7 + 1)
        first_open = True
        for offset in (-2, -1, 0, 1, 2):
            day = last + timedelta(weeks=offset)
            starts = at_local(day, minute)
            ends = starts + timedelta(hours=hours)
            task = TaskPlan(
                TaskSource.PROJECT,
                centre,
                city.nodes[community],
                f"{title}（{day:%m月%d日}）",
                text,
                skill,
                Decimal(hours),
                places,
                TaskStatus.DONE if ends <= city.now else TaskStatus.OPEN,
                min(starts - timedelta(days=10), city.now),
                project_id=project.id,
                starts_at=starts,
                ends_at=ends,
            )
            first = task.status == TaskStatus.OPEN and first_open
            task.claims = _session_claims(city, community, task, first)
            first_open = first_open and not first
            tasks.append(task)
    return tasks


def _session_claims(city: DemoCity, community: str, task: TaskPlan, first: bool) -> list[ClaimPlan]:
    """Past sessions were worked and (mostly) verified; the next one has one claim."""
    demo = next(m for m, u in city.member_user.items() if u == city.users[data.MEMBER.phone])
    members = [m for m in city.members.get(community, []) if m != demo]
    if community == "WJ":
        people = [demo] + city.rng.sample(members, min(len(members), task.capacity - 2))
    else:
        people = city.rng.sample(members, min(len(members), city.rng.randint(1, task.capacity)))
    assert task.starts_at and task.ends_at
    if task.status == TaskStatus.OPEN:
        # Only the first coming session has a claim; the one after is still free to claim.
        return [ClaimPlan(m, ClaimStatus.CLAIMED, city.ago(days=1)) for m in people[:1] if first]
    return [_session_claim(city, m, task.starts_at, task.ends_at) for m in people]


def _session_claim(city: DemoCity, member_id: int, starts: datetime, ends: datetime) -> ClaimPlan:
    stages = [
        (ClaimStatus.COMPLETED, ends + timedelta(hours=1)),
        (ClaimStatus.CONFIRMED, ends + timedelta(days=1)),
        (ClaimStatus.VERIFIED, ends + timedelta(days=2)),
    ]
    reached = [(status, t) for status, t in stages if t <= city.now]
    claim = ClaimPlan(member_id, ClaimStatus.CLAIMED, starts - timedelta(days=5), starts, ends)
    claim.status = reached[-1][0] if reached else ClaimStatus.IN_PROGRESS
    times = dict(reached)
    claim.completed = times.get(ClaimStatus.COMPLETED)
    claim.confirmed = times.get(ClaimStatus.CONFIRMED)
    claim.verified = times.get(ClaimStatus.VERIFIED)
    claim.auto_confirmed = claim.confirmed is not None  # sessions have no resident to confirm
    return claim


def _task_row(city: DemoCity, task: TaskPlan) -> Task:
    taken = sum(1 for c in task.claims if c.status in ACTIVE_CLAIMS | {ClaimStatus.VERIFIED})
    return Task(
        code=task.code,
        source=task.source,
        need_id=task.need_id,
        project_id=task.project_id,
        centre_id=task.centre.id,
        node_id=task.node.id,
        node_path=task.node.path,
        title=task.title,
        description=task.description,
        starts_at=task.starts_at,
        ends_at=task.ends_at,
        estimated_hours=task.hours,
        capacity=task.capacity,
        taken=taken,
        status=task.status,
        created_by_id=city.staff_of[task.centre.id],
        created_at=task.created_at,
    )


async def _seed_claims(city: DemoCity, tasks: list[TaskPlan]) -> None:
    await Claim.bulk_create(_claim_row(city, t, c) for t in tasks for c in t.claims)
    ids = dict(await Claim.all().values_list("code", "id"))
    verified = [(t, c) for t in tasks for c in t.claims if c.status == ClaimStatus.VERIFIED]
    await HoursEntry.bulk_create(_hours_row(city, t, c, ids[c.code]) for t, c in verified)
    ratings = [
        Feedback(
            claim_id=ids[c.code],
            member_id=c.member_id,
            kind=FeedbackKind.RESIDENT_RATING,
            score=city.rng.choice((5, 5, 5, 4)),
            comment="很热心，谢谢！",
            author_id=c.author,
            created_at=c.confirmed,
        )
        for t in tasks
        for c in t.claims
        if c.author and c.confirmed
    ]
    await Feedback.bulk_create(ratings)
    done: dict[int, int] = {}
    # As claim_completion.verify: a completion counts once staff verified it.
    for claim in (c for t in tasks for c in t.claims if c.status == ClaimStatus.VERIFIED):
        done[claim.member_id] = done.get(claim.member_id, 0) + 1
    for member_id, count in done.items():
        await Member.filter(id=member_id).update(completed_count=count)
    await _count_ratings(ratings)


async def _count_ratings(ratings: list[Feedback]) -> None:
    """As feedback.rate_help: each resident's rating adds to the member's count and sum."""
    counted: dict[int, tuple[int, int]] = {}
    for row in ratings:
        count, total = counted.get(row.member_id, (0, 0))  # type: ignore[attr-defined]
        counted[row.member_id] = (count + 1, total + (row.score or 0))  # type: ignore[attr-defined]
    for member_id, (count, total) in counted.items():
        await Member.filter(id=member_id).update(rating_count=count, rating_sum=total)


def _claim_row(city: DemoCity, task: TaskPlan, claim: ClaimPlan) -> Claim:
    # As claims.due_for: a day after a fixed-time task ends, else claim days after claiming.
    week = claim.claimed_at + timedelta(days=7)
    due = task.ends_at + timedelta(days=1) if task.ends_at else week
    return Claim(
        code=claim.code,
        task_id=task.task_id,
        member_id=claim.member_id,
        status=claim.status,
        # One active claim per member and task is kept by the unique (task, active_key).
        active_key=claim.member_id if claim.status in ACTIVE_CLAIMS else None,
        due_at=due,
        claimed_at=claim.claimed_at,
        work_started_at=claim.started,
        work_ended_at=claim.ended,
        completion_note="已完成，照片已上传" if claim.completed else "",
        completed_at=claim.completed,
        confirmed_at=claim.confirmed,
        auto_confirmed=claim.auto_confirmed,
        verified_at=claim.verified,
        verified_by_id=city.staff_of[task.centre.id] if claim.verified else None,
    )


def _verification(task: TaskPlan, claim: ClaimPlan) -> str:
    """As claim_completion.verify writes it: who confirmed before staff verified."""
    if claim.auto_confirmed:
        return "auto_confirmed+staff"
    return "resident+staff" if claim.confirmed and task.need_id else "staff"


def _hours_row(city: DemoCity, task: TaskPlan, claim: ClaimPlan, claim_id: int) -> HoursEntry:
    worked = claim.started or claim.claimed_at
    return HoursEntry(
        member_id=claim.member_id,
        claim_id=claim_id,
        service_date=worked.astimezone(TZ).date(),
        hours=task.hours,
        description=task.title,
        node_path=task.node.path,
        verified_by_id=city.staff_of[task.centre.id],
        verification=_verification(task, claim),
        created_at=claim.verified,
    )


async def _seed_invitations(city: DemoCity, tasks: list[TaskPlan]) -> None:
    """Staff A has invited the demo member to the coming session nobody has claimed yet."""
    demo = next(m for m, u in city.member_user.items() if u == city.users[data.MEMBER.phone])
    a = city.centres[data.CENTRE_A_CODE]
    free = [
        t
        for t in tasks
        if t.centre.id == a.id
        and t.status == TaskStatus.OPEN
        and not t.claims
        and t.skill == "tutoring"
    ]
    await Invitation.bulk_create(
        Invitation(
            code=city.code(),
            task_id=t.task_id,
            member_id=demo,
            invited_by_id=city.staff_of[a.id],
            created_at=city.ago(hours=5),
            score=DEMO_INVITATION_SCORE,
        )
        for t in free
    )
