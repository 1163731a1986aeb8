"""Residents' needs and small wishes: posting, the lifecycle, who may see and do what.

Every change of status is one conditional UPDATE (``WHERE status IN (<allowed sources>)``) and
one ``need_events`` row, in one transaction: two staff acting at once cannot both move a need,
and the history is never edited. The rates in ``server.domain.need_metrics`` are recomputed
from those rows.

Privacy: the requester's phone and exact address are shown only to staff of the owning centre
and, once assigned, to the assignee, until the need is closed (``may_see_private``); each such
view is written to the audit log by the page or API that shows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.domain import need_tasks, outbox, photos
from server.domain.audit import Origin, record
from server.domain.codes import fits
from server.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from server.i18n import N_
from server.models.accounts import Role, RoleGrant, User
from server.models.members import (
    Claim,
    ClaimStatus,
)
from server.models.needs import (
    Need,
    NeedCategory,
    NeedEvent,
    NeedStatus,
    Photo,
    PhotoStage,
    Rating,
)
from server.settings import Settings

S = NeedStatus
DEFAULT_RESPONSE_HOURS = 24
DEFAULT_RESOLUTION_HOURS = 120

# Statuses in which the need is still being worked on: the resolution deadline applies.
WORKING = frozenset({S.ACCEPTED, S.ASSIGNED, S.OPEN_FOR_CLAIM, S.IN_PROGRESS, S.REOPENED})
FINISHED = frozenset({S.REJECTED, S.DUPLICATE, S.CLOSED})


class Actor:
    REQUESTER = "requester"
    STAFF = "staff"  # staff of the owning centre, or an admin above it
    ASSIGNEE = "assignee"


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[NeedStatus]
    target: NeedStatus
    actors: frozenset[str]
    needs_note: bool = False  # a reason or a note is required


def _t(
    action: str, sources: set[NeedStatus], target: NeedStatus, *actors: str, note: bool = False
) -> Transition:
    return Transition(action, frozenset(sources), target, frozenset(actors), note)


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        _t("accept", {S.SUBMITTED}, S.ACCEPTED, Actor.STAFF),
        _t("reject", {S.SUBMITTED}, S.REJECTED, Actor.STAFF, note=True),
        _t("duplicate", {S.SUBMITTED}, S.DUPLICATE, Actor.STAFF, note=True),
        _t(
            "assign",
            {S.ACCEPTED, S.REOPENED, S.ASSIGNED, S.OPEN_FOR_CLAIM},
            S.ASSIGNED,
            Actor.STAFF,
        ),
        _t("publish", {S.ACCEPTED, S.REOPENED}, S.OPEN_FOR_CLAIM, Actor.STAFF),
        _t("start", {S.ASSIGNED}, S.IN_PROGRESS, Actor.STAFF, Actor.ASSIGNEE),
        _t(
            "resolve",
            {S.ASSIGNED, S.IN_PROGRESS, S.REOPENED},
            S.RESOLVED,
            Actor.STAFF,
            Actor.ASSIGNEE,
            note=True,
        ),
        _t("confirm", {S.RESOLVED}, S.CONFIRMED, Actor.REQUESTER),
        _t("reopen", {S.RESOLVED}, S.REOPENED, Actor.REQUESTER, note=True),
        _t("close", {S.CONFIRMED, S.REJECTED, S.DUPLICATE, S.RESOLVED}, S.CLOSED, Actor.STAFF),
    )
}


# Who is asking --------------------------------------------------------------------------------


async def _staff_centre_ids(user: User) -> set[int]:
    grants = await RoleGrant.filter(user=user, role=Role.STAFF)
    return {g.centre_id for g in grants if g.centre_id}  # type: ignore[attr-defined]


async def _admin_paths(user: User) -> list[str]:
    grants = await RoleGrant.filter(user=user, role=Role.ADMIN).select_related("node")
    return [g.node.path for g in grants if g.node]


async def is_staff_of(user: User, need: Need) -> bool:
    """Staff of the owning centre (not admins above it)."""
    return need.centre_id in await _staff_centre_ids(user)  # type: ignore[attr-defined]


async def may_supervise(user: User, need: Need) -> bool:
    """Staff of the owning centre, or an admin of a node above it: may triage and act."""
    if await is_staff_of(user, need):
        return True
    return any(need.node_path.startswith(path) for path in await _admin_paths(user))


async def supervised(user: User, rows: Iterable[Need]) -> set[int]:
    """The ids of the ``rows`` that ``user`` may supervise, in two queries for any number."""
    centre_ids, paths = await _staff_centre_ids(user), await _admin_paths(user)
    return {
        n.id
        for n in rows
        if n.centre_id in centre_ids or any(n.node_path.startswith(p) for p in paths)  # type: ignore[attr-defined]
    }


def speaks_for_requester(user: User, need: Need) -> bool:
    """The requester; for a need posted on someone's behalf (no account of their own), the grid
    worker or staff member who posted it confirms, reopens and rates after asking them (回访)."""
    if need.requester_id is not None:  # type: ignore[attr-defined]
        return bool(need.requester_id == user.id)  # type: ignore[attr-defined]
    return bool(need.posted_by_id == user.id)  # type: ignore[attr-defined]


async def roles_for(user: User | None, need: Need) -> set[str]:
    roles: set[str] = set()
    if user is None:
        return roles
    if speaks_for_requester(user, need):
        roles.add(Actor.REQUESTER)
    if need.assigned_to_id == user.id:  # type: ignore[attr-defined]
        roles.add(Actor.ASSIGNEE)
    if await may_supervise(user, need):
        roles.add(Actor.STAFF)
    return roles


async def may_see_private(user: User | None, need: Need) -> bool:
    """The phone and exact address: the requester always; staff of the owning centre, the
    assignee and a member whose claim on its task is under way, until the need is closed;
    nobody else (admins above the centre included)."""
    if user is None:
        return False
    if need.requester_id == user.id or need.posted_by_id == user.id:  # type: ignore[attr-defined]
        return True
    if need.status in FINISHED:
        return False
    if need.assigned_to_id == user.id or await is_claimer(user, need):  # type: ignore[attr-defined]
        return True
    return await is_staff_of(user, need)


async def is_claimer(user: User, need: Need) -> bool:
    """A member with a claim under way (claimed, in progress, completed, disputed) on the
    need's task: the one who goes to help."""
    return await Claim.filter(
        task__need_id=need.id,
        member__user_id=user.id,
        status__in=[
            ClaimStatus.CLAIMED,
            ClaimStatus.IN_PROGRESS,
            ClaimStatus.COMPLETED,
            ClaimStatus.DISPUTED,
        ],
    ).exists()


async def show_private(user: User | None, need: Need, origin: Origin) -> bool:
    """Whether to show ``user`` the phone and exact address; every showing to someone other
    than the person who posted it is written to the audit log."""
    if not await may_see_private(user, need):
        return False
    assert user is not None
    if user.id not in (need.requester_id, need.posted_by_id):  # type: ignore[attr-defined]
        await record(
            user,
            "need.view_private",
            origin,
            object_type="need",
            object_id=need.code,
            node_path=need.node_path,
        )
    return True


async def may_see_need(user: User | None, need: Need) -> bool:
    """The whole need page (without the private fields): the requester and whoever posted it,
    the assignee, the centre's staff and admins above; everyone else sees only public needs."""
    return await may_see_original(user, need) or is_public(need)


PUBLIC = frozenset(
    {S.ACCEPTED, S.OPEN_FOR_CLAIM, S.ASSIGNED, S.IN_PROGRESS, S.RESOLVED, S.CONFIRMED, S.CLOSED}
)


def is_public(need: Need) -> bool:
    """Shown in public lists (title, category, status, approved photos; no personal data):
    accepted by the centre and not marked unreasonable."""
    return need.status in PUBLIC and not need.unreasonable


async def may_see_original(user: User | None, need: Need) -> bool:
    """All photos, full size: the requester, whoever posted it, the assignee and supervising
    staff. Everyone else sees only thumbnails of approved photos of public needs."""
    return user is not None and (
        user.id in (need.requester_id, need.posted_by_id, need.assigned_to_id)  # type: ignore[attr-defined]
        or await may_supervise(user, need)
        or await is_claimer(user, need)
    )


async def visible_photos(user: User | None, need: Need) -> list[Photo]:
    """The need's photos ``user`` may see (see ``may_see_original``)."""
    rows = await Photo.filter(need_id=need.id).order_by("stage", "id")
    if await may_see_original(user, need):
        return rows
    return [p for p in rows if p.approved] if is_public(need) else []


async def set_photo_approved(
    user: User, need: Need, public_id: str, approved: bool, origin: Origin
) -> Photo:
    """Staff choose which photos appear publicly (a face or a door number stays private)."""
    if Actor.STAFF not in await roles_for(user, need):
        raise PermissionDenied(N_("You may not do this to this need."))
    photo = await Photo.get_or_none(need_id=need.id, public_id=public_id)
    if photo is None:
        raise NotFound(photos.NOT_AVAILABLE)
    async with in_transaction():
        await Photo.filter(id=photo.id).update(approved=approved)
        photo.approved = approved
        await log_event(
            need,
            "photo_shown" if approved else "photo_hidden",
            user,
            need.status,
            data={"photo": public_id},
        )
        await record(
            user,
            "need.photo_approved" if approved else "need.photo_hidden",
            origin,
            object_type="need",
            object_id=need.code,
            node_path=need.node_path,
            after={"photo": public_id},
        )
    return photo


async def history(need: Need) -> list[NeedEvent]:
    return (
        await NeedEvent.filter(need_id=need.id).select_related("actor").order_by("created_at", "id")
    )


async def mine(user: User) -> list[Need]:
    """Needs the user asked for or posted for someone else, newest first."""
    return (
        await Need.filter(Q(requester_id=user.id) | Q(posted_by_id=user.id))
        .select_related("centre", "category")
        .order_by("-created_at", "-id")
    )


# Events ---------------------------------------------------------------------------------------


def deadline(start: datetime, hours: int | None, default: int) -> datetime:
    return start + timedelta(hours=hours if hours else default)


async def log_event(
    need: Need,
    action: str,
    actor: User | None,
    before: NeedStatus | None,
    *,
    note: str = "",
    data: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> NeedEvent:
    """One event row, stamped ``at`` (the clock the caller acted by; tests drive it)."""
    return await NeedEvent.create(
        created_at=at or datetime.now(UTC),
        need=need,
        action=action,
        from_status=before.value if before else "",
        to_status=need.status.value,
        actor=actor,
        note=note[:500],
        data=data or {},
    )


# The lifecycle --------------------------------------------------------------------------------


async def need_by_code(code: str) -> Need:
    code = code.strip().upper()
    need = (
        await Need.get_or_none(code=code).select_related("centre", "category")
        if fits(Need, code)
        else None
    )
    if need is None:
        raise NotFound(N_("No need has this code."))
    return need


async def act(
    user: User,
    need: Need,
    action: str,
    settings: Settings,
    origin: Origin,
    *,
    note: str = "",
    assignee: User | None = None,
    department: str = "",
    duplicate_of: Need | None = None,
    uploads: Sequence[photos.Upload] = (),
    task: need_tasks.TaskSpec | None = None,
    now: datetime | None = None,
) -> Need:
    """Move ``need`` by ``action`` if ``user`` may and its status allows; one event row.

    ``uploads``: photos of the fix, with "resolve" only; stored in the same transaction."""
    now = now or datetime.now(UTC)
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise ValidationFailed(N_("Unknown action."))
    if not transition.actors & await roles_for(user, need):
        raise PermissionDenied(N_("You may not do this to this need."))
    note = note.strip()
    if transition.needs_note and not note:
        message = N_("Please give a reason or a note.")
        raise ValidationFailed(message, fields={"note": message})
    changes: dict[str, Any] = {"status": transition.target}
    if note or transition.needs_note:  # a confirmation without words keeps the centre's note
        changes["status_reason"] = note[:500]
    data: dict[str, Any] = {}
    if action in ("accept", "reject", "duplicate") and need.responded_at is None:
        changes["responded_at"] = now
    if action == "accept":
        category = await NeedCategory.get_or_none(id=need.category_id)  # type: ignore[attr-defined]
        hours = category.resolution_hours if category else None
        changes["resolution_due_at"] = deadline(now, hours, DEFAULT_RESOLUTION_HOURS)
        data["resolution_due_at"] = changes["resolution_due_at"].isoformat()
    if action == "duplicate":
        if duplicate_of is None or duplicate_of.id == need.id:
            message = N_("Give the code of the need this one repeats.")
            raise ValidationFailed(message, fields={"duplicate_of": message})
        changes["duplicate_of_id"] = duplicate_of.id
        data["duplicate_of"] = duplicate_of.code
    if action == "assign":
        if assignee is None and not department.strip():
            message = N_("Choose a person or name a department.")
            raise ValidationFailed(message, fields={"assignee": message})
        changes["assigned_to_id"] = assignee.id if assignee else None
        changes["assigned_department"] = department.strip()[:100]
        data = {"assignee": assignee.public_id if assignee else "", "department": department}
    if task is not None:
        if action != "publish":
            raise ValidationFailed(N_("Unknown action."))
        task.check(now)
    if uploads and action != "resolve":
        raise ValidationFailed(N_("Photos can be added when the need is resolved."))
    if action == "resolve":
        changes["resolved_at"] = now
        data["photos"] = len(uploads)
    if action == "confirm":
        changes["confirmed_at"] = now
    if action == "reopen":
        changes.update(await reopening(need, now))
        data["resolution_due_at"] = changes["resolution_due_at"].isoformat()
    if action == "close":
        changes["closed_at"] = now
    before = need.status
    async with photos.batch(uploads, settings) as pending, in_transaction():
        moved = await Need.filter(id=need.id, status__in=list(transition.sources)).update(**changes)
        if moved != 1:
            raise Conflict(N_("This need has moved on meanwhile; reload to see where it stands."))
        for key, value in changes.items():
            setattr(need, key, value)
        if uploads:
            await pending.attach(need=need, stage=PhotoStage.RESOLUTION, uploaded_by=user)
        if action == "publish":  # members claim it as a task, with the need's skills if any
            data["task"] = (await need_tasks.open_task(need, user, now, task)).code
        await log_event(need, action, user, before, note=note, data=data, at=now)
        await record(
            user,
            f"need.{action}",
            origin,
            object_type="need",
            object_id=need.code,
            node_path=need.node_path,
            before={"status": before.value},
            after={"status": need.status.value, **data},
        )
        sent = await tell_requester(need, action, note, settings)
    await outbox.dispatch(sent, settings)
    return need


async def reopening(need: Need, now: datetime) -> dict[str, Any]:
    """A reopened need gets the category's resolution time again, from now, and its
    escalation starts over; the late original is kept in the event rows."""
    category = await NeedCategory.get_or_none(id=need.category_id)  # type: ignore[attr-defined]
    hours = category.resolution_hours if category else None
    return {
        "resolved_at": None,
        "resolution_due_at": deadline(now, hours, DEFAULT_RESOLUTION_HOURS),
        "escalation_level": 0,
    }


async def tell_requester(need: Need, action: str, note: str, settings: Settings) -> list[int]:
    """The requester hears of every step that concerns them (not of internal reassignment)."""
    if action not in ("accept", "reject", "duplicate", "resolve", "close", "publish"):
        return []
    requester = await User.get_or_none(id=need.requester_id) if need.requester_id else None  # type: ignore[attr-defined]
    if requester is None:
        return []
    payload = {
        "code": need.code,
        "title": need.title,
        "status": need.status.value,
        "note": note,
        "url": f"{settings.public_base_url}/needs/{need.code}",
    }
    return await outbox.notify(
        requester, "need.updated", payload, settings, subject=("need", need.id), key=action
    )


async def rate(
    user: User,
    need: Need,
    rating: str,
    comment: str,
    settings: Settings,
    origin: Origin,
    *,
    now: datetime | None = None,
) -> Need:
    """The requester rates a confirmed (or closed) need once; "dissatisfied" reopens it for
    supervision by the centre and the admins above."""
    now = now or datetime.now(UTC)
    if not speaks_for_requester(user, need):
        raise PermissionDenied(N_("Only the person who posted this need may rate it."))
    try:
        value = Rating(rating)
    except ValueError:
        message = N_("Choose how satisfied you are.")
        raise ValidationFailed(message, fields={"rating": message}) from None
    if need.confirmed_at is None or need.status not in (S.CONFIRMED, S.CLOSED):
        raise Conflict(N_("A need is rated after you confirm it was resolved."))
    before = need.status
    changes: dict[str, Any] = {
        "rating": value,
        "rating_comment": comment.strip()[:500],
        "rated_at": now,
    }
    data: dict[str, Any] = {"rating": value.value}
    if value == Rating.DISSATISFIED:  # reopened, with a fresh resolution time
        changes.update(status=S.REOPENED, **await reopening(need, now))
        data["resolution_due_at"] = changes["resolution_due_at"].isoformat()
    target = changes.get("status", before)
    async with in_transaction():
        moved = await Need.filter(id=need.id, rating__isnull=True, status=before).update(**changes)
        if moved != 1:
            raise Conflict(N_("This need has already been rated."))
        for key, item in changes.items():
            setattr(need, key, item)
        await log_event(need, "rate", user, before, note=comment, data=data, at=now)
        await record(
            user,
            "need.rate",
            origin,
            object_type="need",
            object_id=need.code,
            node_path=need.node_path,
            after={"rating": value.value, "status": target.value},
        )
        sent: list[int] = []
        if value == Rating.DISSATISFIED:
            from server.domain.need_deadlines import tell_dissatisfied  # it imports this module

            sent = await tell_dissatisfied(need, comment.strip()[:500], settings)
    await outbox.dispatch(sent, settings)
    return need


async def mark_unreasonable(
    user: User, need: Need, reason: str, origin: Origin, *, now: datetime | None = None
) -> Need:
    """Staff exclude an abusive or unreasonable need from the rates, saying why."""
    if Actor.STAFF not in await roles_for(user, need):
        raise PermissionDenied(N_("You may not do this to this need."))
    if not reason.strip():
        message = N_("Please give a reason or a note.")
        raise ValidationFailed(message, fields={"note": message})
    async with in_transaction():
        await Need.filter(id=need.id).update(
            unreasonable=True, unreasonable_reason=reason.strip()[:500]
        )
        need.unreasonable, need.unreasonable_reason = True, reason.strip()[:500]
        await log_event(need, "unreasonable", user, need.status, note=reason, at=now)
        await record(
            user,
            "need.unreasonable",
            origin,
            object_type="need",
            object_id=need.code,
            node_path=need.node_path,
            after={"reason": need.unreasonable_reason},
        )
    return need
