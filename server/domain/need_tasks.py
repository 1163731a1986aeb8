"""The task members claim when a need or small wish is opened to volunteers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from server.domain import for_you
from server.domain.errors import ValidationFailed
from server.i18n import N_
from server.models.accounts import User
from server.models.members import Skill, Task, TaskSkill, TaskSource, TaskStatus
from server.models.needs import Need, NeedKind
from server.models.places import OrgNode


@dataclass(frozen=True)
class TaskSpec:
    """What volunteers should know when a need is opened to them: the skills that help, and
    when the work is to happen (optional: many small wishes are "whenever suits")."""

    skills: Sequence[Skill] = ()
    starts_at: datetime | None = None
    ends_at: datetime | None = None

    def check(self, now: datetime) -> None:
        if (self.starts_at is None) != (self.ends_at is None):
            message = N_("Give both the start and the end, or neither.")
            raise ValidationFailed(message, fields={"task_time": message})
        longest = timedelta(hours=12)
        if (
            self.starts_at
            and self.ends_at
            and not (now < self.starts_at < self.ends_at <= self.starts_at + longest)
        ):
            message = N_(
                "The time must be in the future, end after it starts, last 12 hours at most."
            )
            raise ValidationFailed(message, fields={"task_time": message})

    @property
    def hours(self) -> Decimal:
        if not (self.starts_at and self.ends_at):
            return Decimal(1)
        half_hours = max(1, round((self.ends_at - self.starts_at).total_seconds() / 1800))
        return Decimal(half_hours) / 2


async def open_task(need: Need, user: User, now: datetime, spec: TaskSpec | None = None) -> Task:
    """The claimable task of a need opened to volunteers: its open task if it has one, else a
    new one (a need published again after a reopening gets a fresh task, so the finished one's
    places and hours stay as they were); inside the caller's transaction."""
    existing = await Task.filter(
        need_id=need.id, status__in=[TaskStatus.OPEN, TaskStatus.FULL]
    ).first()
    if existing is not None:
        return existing
    spec = spec or TaskSpec()
    node = await OrgNode.get(id=need.node_id)  # type: ignore[attr-defined]
    task = await Task.create(
        source=TaskSource.SMALL_WISH if need.kind == NeedKind.SMALL_WISH else TaskSource.NEED,
        need=need,
        centre_id=need.centre_id,  # type: ignore[attr-defined]
        node=node,
        node_path=need.node_path,
        title=need.title,
        description=need.description,
        starts_at=spec.starts_at,
        ends_at=spec.ends_at,
        estimated_hours=spec.hours,
        capacity=1,
        created_by=user,
        created_at=now,
    )
    for skill in spec.skills:
        await TaskSkill.create(task=task, skill=skill)
    await for_you.bump_street(task.node_path)
    return task
