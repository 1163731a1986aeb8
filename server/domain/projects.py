"""Pledge projects (e.g. "Saturday tutoring") that centres publish, and their slots: each slot
is a task with source "project" that members sign up for through the claims module."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from tortoise.transactions import in_transaction

from server.domain import for_you
from server.domain.audit import Origin, record
from server.domain.counter import centres_of
from server.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from server.domain.pledges import INVALID, skills_by_code
from server.i18n import N_
from server.models.accounts import User
from server.models.members import Project, Task, TaskSkill, TaskSource
from server.models.places import Centre, Level, OrgNode

# Projects and their slots ---------------------------------------------------------------------


async def _require_centre(user: User, centre: Centre) -> None:
    if centre.id not in {c.id for c in await centres_of(user)}:
        raise PermissionDenied(N_("You are not staff of this centre."))


async def publish_project(
    staff: User, centre: Centre, form: dict[str, str], origin: Origin
) -> Project:
    """A centre's pledge project (e.g. Saturday tutoring): title, description, place.

    ``form``: title, description, place (a community or grid at or below the centre's node;
    default the centre's node).
    """
    await _require_centre(staff, centre)
    errors: dict[str, str] = {}
    title = " ".join(form.get("title", "").split())
    if not title or len(title) > 100:
        errors["title"] = N_("Give the project a title (up to 100 characters).")
    description = form.get("description", "").strip()
    if len(description) > 2000:
        errors["description"] = N_("Keep the description within 2000 characters.")
    place = form.get("place", "").strip()
    node = await OrgNode.get_or_none(code=place) if place else await OrgNode.get(id=centre.node_id)
    inside = node is not None and node.path.startswith(centre.node_path)
    if not inside or node.level not in (Level.COMMUNITY, Level.GRID):  # type: ignore[union-attr]
        errors["place"] = N_("Choose a community or grid in the centre's area.")
    if errors:
        raise ValidationFailed(INVALID, fields=errors)
    assert node is not None
    async with in_transaction():
        project = await Project.create(
            node=node, centre=centre, title=title, description=description
        )
        await record(
            staff,
            "project.publish",
            origin,
            object_type="project",
            object_id=project.code,
            node_path=node.path,
            after={"title": title, "place": node.code},
        )
    return project


async def add_slot(
    staff: User,
    project: Project,
    starts_at: datetime,
    ends_at: datetime,
    capacity: int,
    origin: Origin,
    *,
    skills: Sequence[str] = (),
    now: datetime | None = None,
) -> Task:
    """One session of a project: a task of source "project" that members claim, up to
    ``capacity``; its hours are the session's length, to the half hour."""
    now = now or datetime.now(UTC)
    centre = await Centre.get_or_none(id=project.centre_id) if project.centre_id else None  # type: ignore[attr-defined]
    if centre is None:
        raise NotFound(N_("This project has no centre to run it."))
    await _require_centre(staff, centre)
    if not project.is_active:
        raise Conflict(N_("This project has ended; its sessions cannot be added to."))
    errors: dict[str, str] = {}
    if starts_at <= now:
        errors["starts_at"] = N_("A session starts in the future.")
    if not starts_at < ends_at <= starts_at + timedelta(hours=24):
        errors["ends_at"] = N_("A session ends after it starts, within a day.")
    if not 1 <= capacity <= 200:
        errors["capacity"] = N_("Places: a whole number from 1 to 200.")
    chosen = await skills_by_code(skills, errors)
    if errors:
        raise ValidationFailed(INVALID, fields=errors)
    half_hours = round((ends_at - starts_at).total_seconds() / 1800)
    node = await OrgNode.get(id=project.node_id)  # type: ignore[attr-defined]
    async with in_transaction():
        task = await Task.create(
            source=TaskSource.PROJECT,
            project=project,
            centre=centre,
            node=node,
            node_path=node.path,
            title=project.title,
            description=project.description,
            starts_at=starts_at,
            ends_at=ends_at,
            estimated_hours=Decimal(max(half_hours, 1)) / 2,
            capacity=capacity,
            created_by=staff,
            created_at=now,
        )
        await TaskSkill.bulk_create(TaskSkill(task=task, skill=s) for s in chosen)
        await for_you.bump_street(task.node_path)
        await record(
            staff,
            "project.add_slot",
            origin,
            object_type="task",
            object_id=task.code,
            node_path=node.path,
            after={
                "project": project.code,
                "starts_at": starts_at.isoformat(),
                "ends_at": ends_at.isoformat(),
                "capacity": capacity,
                "skills": [s.code for s in chosen],
            },
        )
    return task
