"""Volunteer work: tasks from small wishes, needs and projects, claims, the hours ledger,
residents' ratings, invitations, and each member's counters as the domain keeps them.

Rows follow demo_tasks: a verified claim has exactly one credit of its task's hours; a few
credits have a correction (a new entry pointing at the credit, as ``hours.correct`` writes it).
The credits and corrections add up to the hours entries asked for.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from server.models.members import (
    Claim,
    ClaimStatus,
    Feedback,
    FeedbackKind,
    HoursEntry,
    HoursKind,
    Invitation,
    InvitationStatus,
    Project,
    Task,
    TaskSkill,
    TaskStatus,
)
from server.models.needs import NeedKind
from server.seed import city_projects as projects
from server.seed.city_context import CityContext
from server.seed.demo_context import TZ
from server.seed.demo_need_rows import Plan
from server.seed.demo_tasks import (
    ACTIVE_CLAIMS,
    DEMO_INVITATION_SCORE,
    ClaimPlan,
    TaskPlan,
)
from server.seed.demo_tasks import _need_task as need_task
from server.seed.demo_tasks import _verification as verification
from server.seed.demo_tasks import _wish_task as wish_task

TASK_COLUMNS = [
    "id", "code", "source", "need_id", "project_id", "centre_id", "node_id", "node_path", "title",
    "description", "starts_at", "ends_at", "estimated_hours", "capacity", "taken", "claim_days",
    "status", "created_by_id", "created_at",
]  # fmt: skip
CLAIM_COLUMNS = [
    "id", "code", "task_id", "member_id", "status", "active_key", "due_at", "claimed_at",
    "work_started_at", "work_ended_at", "completion_note", "completed_at", "confirmed_at",
    "auto_confirmed", "dispute_reason", "verified_at", "verified_by_id", "ended_reason",
    "ended_at",
]  # fmt: skip
HOURS_COLUMNS = [
    "id", "member_id", "claim_id", "kind", "corrects_id", "service_date", "hours", "description",
    "node_path", "verified_by_id", "verification", "created_at",
]  # fmt: skip
FEEDBACK_COLUMNS = ["claim_id", "member_id", "kind", "score", "comment", "author_id", "created_at"]
INVITATION_COLUMNS = [
    "code", "task_id", "member_id", "invited_by_id", "status", "reason", "score", "created_at",
]  # fmt: skip
CORRECTION_SHARE = 0.005
CORRECTION_REASONS = (
    "核对签到记录后更正服务时长",
    "活动提前结束，按实际时长更正",
    "志愿者当日未到场，撤销时长",
)
BATCH = 200  # projects per write
Row = tuple[Any, ...]


class Ledger:
    """Credits as they are written, and the ones drawn beforehand to get a correction."""

    def __init__(self, city: CityContext, credits: int, corrections: int) -> None:
        self.city = city
        self.corrected = set(city.rng.sample(range(credits), corrections))
        self.written = 0
        self.corrections: list[Row] = []

    def credit(self, task: TaskPlan, claim: ClaimPlan, claim_id: int) -> Row:
        """As demo_tasks._hours_row: the claim's task hours, the day the work was done."""
        worked = claim.started or claim.claimed_at
        staff = self.city.staff_of[task.centre.id]
        assert claim.verified is not None
        row = (self.city.next_id("hours_entries"), claim.member_id, claim_id, HoursKind.CREDIT,
               None, worked.astimezone(TZ).date(), task.hours, task.title[:200], task.node.path,
               staff, verification(task, claim), claim.verified)  # fmt: skip
        if self.written in self.corrected:
            self.corrections.append(self._correction(row))
        self.written += 1
        return row

    def _correction(self, credit: Row) -> Row:
        """A correction to a value from 0 to 12 other than the credit's, a few days later."""
        rng, hours = self.city.rng, credit[6]
        value = Decimal(0) if rng.random() < 0.2 else max(Decimal("0.5"), hours - Decimal("0.5"))
        if value == hours:
            value = hours + Decimal("0.5")
        when = min(credit[11] + timedelta(days=rng.uniform(1, 10)), self.city.ago(hours=1))
        reason = CORRECTION_REASONS[2] if value == 0 else rng.choice(CORRECTION_REASONS[:2])
        return (0, credit[1], credit[2], HoursKind.CORRECTION, credit[0], credit[5],
                value - hours, reason, credit[8], credit[9], "correction", when)  # fmt: skip


async def seed_tasks(city: CityContext, plans: list[Plan]) -> None:
    """Write projects, every task with its claims and hours, ratings and invitations."""
    hours = city.sizes.hours
    corrections = max(1, round(hours * CORRECTION_SHARE))
    early = [
        wish_task(city, p) if p.kind == NeedKind.SMALL_WISH else need_task(city, p) for p in plans
    ]
    from_wishes = sum(c.status == ClaimStatus.VERIFIED for t in early for c in t.claims)
    planned = projects.plan_projects(city)
    shares = projects.spread(city, planned, hours - corrections - from_wishes)
    ledger = Ledger(city, hours - corrections, corrections)
    await _write_projects(city, planned)
    await _write(city, ledger, early)
    demo_project = next(p.id for p in planned if projects.is_demo(city, p))
    demo_sessions: list[TaskPlan] = []
    for start in range(0, len(planned), BATCH):
        batch = [
            t
            for p in planned[start : start + BATCH]
            for t in projects.project_tasks(city, p, shares)
        ]
        await _write(city, ledger, batch)
        demo_sessions += [t for t in batch if t.project_id == demo_project]
    corrections_rows = [(city.next_id("hours_entries"), *row[1:]) for row in ledger.corrections]
    await city.sink.write(HoursEntry, HOURS_COLUMNS, corrections_rows)
    await _invitations(city, early, demo_sessions)
    await _counters(city)


async def _write_projects(city: CityContext, planned: list[projects.Project]) -> None:
    rows = [
        (p.id, city.code_of("projects"), city.communities[p.community].id,
         city.centre_of_community[p.community].id, p.title, p.description, True,
         city.ago(days=7 * p.first_week + 14))
        for p in planned
    ]  # fmt: skip
    columns = [
        "id",
        "code",
        "node_id",
        "centre_id",
        "title",
        "description",
        "is_active",
        "created_at",
    ]
    await city.sink.write(Project, columns, rows)


async def _write(city: CityContext, ledger: Ledger, tasks: list[TaskPlan]) -> None:
    task_rows, skills, claims, credits, ratings = [], [], [], [], []
    for task in tasks:
        task.task_id = city.next_id("tasks")
        task.code = city.code_of("tasks")
        task_rows.append(_task_row(city, task))
        if task.skill:
            skills.append((task.task_id, city.skills[task.skill]))
        for claim in task.claims:
            claim_id = city.next_id("claims")
            claims.append(_claim_row(city, task, claim, claim_id))
            if claim.status == ClaimStatus.VERIFIED:
                credits.append(ledger.credit(task, claim, claim_id))
            if claim.author and claim.confirmed:
                score = city.rng.choice((5, 5, 5, 4))
                ratings.append((claim_id, claim.member_id, FeedbackKind.RESIDENT_RATING, score,
                                "很热心，谢谢！", claim.author, claim.confirmed))  # fmt: skip
    await city.sink.write(Task, TASK_COLUMNS, task_rows)
    await city.sink.write(TaskSkill, ["task_id", "skill_id"], skills)
    await city.sink.write(Claim, CLAIM_COLUMNS, claims)
    await city.sink.write(HoursEntry, HOURS_COLUMNS, credits)
    await city.sink.write(Feedback, FEEDBACK_COLUMNS, ratings)


def _task_row(city: CityContext, task: TaskPlan) -> Row:
    taken = sum(1 for c in task.claims if c.status in ACTIVE_CLAIMS | {ClaimStatus.VERIFIED})
    return (task.task_id, task.code, task.source, task.need_id, task.project_id, task.centre.id,
            task.node.id, task.node.path, task.title, task.description, task.starts_at,
            task.ends_at, task.hours, task.capacity, taken, 7, task.status,
            city.staff_of[task.centre.id], task.created_at)  # fmt: skip


def _claim_row(city: CityContext, task: TaskPlan, claim: ClaimPlan, claim_id: int) -> Row:
    """As demo_tasks._claim_row, and a claim given back (returned) with its reason."""
    week = claim.claimed_at + timedelta(days=7)
    due = task.ends_at + timedelta(days=1) if task.ends_at else week
    active = claim.status in ACTIVE_CLAIMS
    ended_at: datetime | None = None
    if claim.status == ClaimStatus.RETURNED:
        ended_at = claim.claimed_at + timedelta(days=city.rng.uniform(0.5, 3))
    staff = city.staff_of[task.centre.id] if claim.verified else None
    return (claim_id, city.code_of("claims"), task.task_id, claim.member_id, claim.status,
            claim.member_id if active else None, due, claim.claimed_at, claim.started,
            claim.ended, "已完成，照片已上传" if claim.completed else "", claim.completed,
            claim.confirmed, claim.auto_confirmed, "", claim.verified, staff,
            "临时有事，无法参加" if ended_at else "", ended_at)  # fmt: skip


async def _invitations(
    city: CityContext, early: list[TaskPlan], demo_sessions: list[TaskPlan]
) -> None:
    """Staff inviting suggested members to open tasks from needs; and, as in the demo, staff A
    inviting the demo member to the coming sessions of her project nobody has claimed yet."""
    rows = [
        _invitation(city, t, city.demo_member, InvitationStatus.PENDING)
        for t in demo_sessions
        if t.status == TaskStatus.OPEN and not t.claims and t.starts_at and t.starts_at > city.now
    ]
    index = {node.id: i for i, node in enumerate(city.communities)}
    for task in early:
        if task.status != TaskStatus.OPEN or task.claims or city.rng.random() >= 0.3:
            continue
        home = index.get(task.node.id, index.get(task.node.parent_id or 0))
        assert home is not None
        room = city.eligible(home, city.now)
        if room:
            member = city.verified[home][city.rng.randrange(room)][1]
            status = city.rng.choice((InvitationStatus.PENDING, InvitationStatus.DECLINED))
            rows.append(_invitation(city, task, member, status))
    await city.sink.write(Invitation, INVITATION_COLUMNS, rows)


def _invitation(city: CityContext, task: TaskPlan, member: int, status: str) -> Row:
    reason = "这周末要加班，下次再来" if status == InvitationStatus.DECLINED else ""
    staff, sent = city.staff_of[task.centre.id], city.ago(hours=city.rng.uniform(1, 48))
    return (city.code_of("invitations"), task.task_id, member, staff, status, reason,
            DEMO_INVITATION_SCORE, sent)  # fmt: skip


async def _counters(city: CityContext) -> None:
    """As claim_completion.verify and feedback.rate_help keep them: counted from the rows."""
    await city.sink.execute(
        "UPDATE members SET completed_count = v.n FROM (SELECT member_id, count(*) AS n "
        "FROM claims WHERE status = 'verified' GROUP BY member_id) AS v "
        "WHERE members.id = v.member_id"
    )
    await city.sink.execute(
        "UPDATE members SET rating_count = v.n, rating_sum = v.s FROM (SELECT member_id, "
        "count(*) AS n, sum(score) AS s FROM feedback WHERE kind = 'resident_rating' "
        "GROUP BY member_id) AS v WHERE members.id = v.member_id"
    )
