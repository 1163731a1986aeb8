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

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from redis.asyncio import Redis
from tortoise.transactions import in_transaction

from server.domain import outbox
from server.domain.accounts import normalize_phone
from server.domain.audit import Origin, record
from server.domain.errors import Conflict, NotFound, PermissionDenied, Throttled, ValidationFailed
from server.i18n import N_
from server.models.accounts import Role, RoleGrant, User
from server.models.needs import Need, NeedCategory, NeedEvent, NeedKind, NeedStatus, Rating, Urgency
from server.models.places import Centre, Level, OrgNode
from server.security import ratelimit
from server.settings import Settings

S = NeedStatus
DEFAULT_RESPONSE_HOURS = 24
DEFAULT_RESOLUTION_HOURS = 120
POSTS_PER_DAY = 10  # per account: beyond this, posting waits (abuse, runaway scripts)
SUPERVISION_AFTER = timedelta(hours=24)  # late this long past a deadline: the node above hears

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


def _t(action: str, sources: set[NeedStatus], target: NeedStatus, *actors: str, note: bool = False):  # type: ignore[no-untyped-def]
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


async def roles_for(user: User | None, need: Need) -> set[str]:
    roles: set[str] = set()
    if user is None:
        return roles
    if need.requester_id == user.id:  # type: ignore[attr-defined]
        roles.add(Actor.REQUESTER)
    if need.assigned_to_id == user.id:  # type: ignore[attr-defined]
        roles.add(Actor.ASSIGNEE)
    if await may_supervise(user, need):
        roles.add(Actor.STAFF)
    return roles


async def may_see_private(user: User | None, need: Need) -> bool:
    """The phone and exact address: the requester always; staff of the owning centre and the
    assignee until the need is closed; nobody else (admins above the centre included)."""
    if user is None:
        return False
    if need.requester_id == user.id or need.posted_by_id == user.id:  # type: ignore[attr-defined]
        return True
    if need.status in FINISHED:
        return False
    if need.assigned_to_id == user.id:  # type: ignore[attr-defined]
        return True
    return await is_staff_of(user, need)


async def may_see(user: User | None, need: Need) -> bool:
    """Whether ``user`` may open the need's page at all (public lists show less)."""
    return bool(await roles_for(user, need)) or (
        user is not None and need.posted_by_id == user.id  # type: ignore[attr-defined]
    )


# Posting --------------------------------------------------------------------------------------


async def categories_for(centre: Centre) -> list[NeedCategory]:
    """The centre's own categories and those of every node above it, in display order."""
    rows = await NeedCategory.filter(is_active=True).select_related("node", "centre")
    found = [
        c
        for c in rows
        if c.centre_id == centre.id  # type: ignore[attr-defined]
        or (c.node is not None and centre.node_path.startswith(c.node.path))
    ]
    return sorted(found, key=lambda c: (c.sort_order, c.name))


def _deadline(start: datetime, hours: int | None, default: int) -> datetime:
    return start + timedelta(hours=hours if hours else default)


async def log_event(
    need: Need,
    action: str,
    actor: User | None,
    before: NeedStatus | None,
    *,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> NeedEvent:
    return await NeedEvent.create(
        need=need,
        action=action,
        from_status=before.value if before else "",
        to_status=need.status.value,
        actor=actor,
        note=note[:500],
        data=data or {},
    )


async def _may_post_for_others(user: User, centre: Centre, node: OrgNode) -> bool:
    """Grid workers of the need's grid (or a node above it) and staff of the centre."""
    grants = await RoleGrant.filter(
        user=user, role__in=[Role.GRID_WORKER, Role.STAFF]
    ).select_related("node")
    return any(
        (g.role == Role.STAFF and g.centre_id == centre.id)  # type: ignore[attr-defined]
        or (g.role == Role.GRID_WORKER and g.node is not None and node.path.startswith(g.node.path))
        for g in grants
    )


async def post(
    user: User,
    centre: Centre,
    form: dict[str, str],
    settings: Settings,
    origin: Origin,
    redis: Redis,
    *,
    now: datetime | None = None,
) -> Need:
    """Post a need or small wish to ``centre``; every problem with the form is reported at once.

    ``form``: kind, category (code), title, description, place (a community or grid code under
    the centre's node), address, urgency, preferred_time, wish_item, budget_cap; for someone
    else (grid workers, staff): on_behalf="1", contact_name, contact_phone.
    """
    now = now or datetime.now(UTC)
    if await ratelimit.is_limited(redis, f"needs:post:{user.id}", POSTS_PER_DAY):
        raise Throttled(N_("You have posted many needs today. Please wait until tomorrow."))
    errors: dict[str, str] = {}
    kind = NeedKind.SMALL_WISH if form.get("kind") == NeedKind.SMALL_WISH.value else NeedKind.NEED
    categories = {c.code: c for c in await categories_for(centre)}
    category = categories.get(form.get("category", ""))
    if category is None or category.kind != kind:
        errors["category"] = N_("Choose what kind of need this is.")
    title = form.get("title", "").strip()
    if not title:
        errors["title"] = N_("Say in a few words what is needed.")
    node = await OrgNode.get_or_none(code=form.get("place", ""))
    if (
        node is None
        or not node.path.startswith(centre.node_path)
        or node.level
        not in (
            Level.COMMUNITY,
            Level.GRID,
        )
    ):
        node = await OrgNode.get(id=centre.node_id)
    try:
        urgency = Urgency(form.get("urgency") or Urgency.NORMAL.value)
    except ValueError:
        errors["urgency"] = N_("Choose how urgent it is.")
        urgency = Urgency.NORMAL
    wish_item = form.get("wish_item", "").strip()[:100]
    if kind == NeedKind.SMALL_WISH and not wish_item:
        errors["wish_item"] = N_("Name the item or help you wish for.")
    budget = _budget(form.get("budget_cap", ""), errors)
    on_behalf = form.get("on_behalf") == "1"
    contact_name, contact_phone = "", ""
    if on_behalf:
        if not await _may_post_for_others(user, centre, node):
            raise PermissionDenied(N_("Only grid workers and centre staff post for others."))
        contact_name = form.get("contact_name", "").strip()[:50]
        if not contact_name:
            errors["contact_name"] = N_("Give the name of the person who needs help.")
        try:
            contact_phone = normalize_phone(form.get("contact_phone", ""), field="contact_phone")
        except ValidationFailed as problem:
            errors.update(problem.fields)
    if errors:
        raise ValidationFailed(N_("Please correct the marked fields."), fields=errors)
    assert category is not None
    response_due = _deadline(now, category.response_hours, DEFAULT_RESPONSE_HOURS)
    async with in_transaction():
        need = await Need.create(
            kind=kind,
            centre=centre,
            node=node,
            node_path=node.path,
            category=category,
            title=title[:100],
            description=form.get("description", "").strip()[:2000],
            urgency=urgency,
            preferred_time=form.get("preferred_time", "").strip()[:100],
            wish_item=wish_item,
            budget_cap=budget,
            address_private=form.get("address", "").strip()[:200],
            contact_name=contact_name or user.display_name,
            contact_phone=contact_phone or user.phone,
            requester=None if on_behalf else user,
            posted_by=user,
            response_due_at=response_due,
        )
        await log_event(
            need,
            "submit",
            user,
            None,
            data={"response_due_at": response_due.isoformat(), "on_behalf": on_behalf},
        )
        await record(
            user,
            "need.submit",
            origin,
            object_type="need",
            object_id=need.code,
            node_path=need.node_path,
            after={"kind": kind.value, "category": category.code, "on_behalf": on_behalf},
        )
    await ratelimit.hit(redis, f"needs:post:{user.id}", 24 * 3600)
    return need


def _budget(raw: str, errors: dict[str, str]) -> Decimal | None:
    raw = raw.strip().replace("¥", "").replace("元", "")
    if not raw:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = Decimal(-1)
    if not Decimal(0) <= value <= Decimal(100000) or value != value.quantize(Decimal("0.01")):
        errors["budget_cap"] = N_("Give the budget in yuan, e.g. 50 or 49.90.")
        return None
    return value


# The lifecycle --------------------------------------------------------------------------------


async def need_by_code(code: str) -> Need:
    need = await Need.get_or_none(code=code.strip().upper()).select_related("centre", "category")
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
    now: datetime | None = None,
) -> Need:
    """Move ``need`` by ``action`` if ``user`` may and its status allows; one event row."""
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
    changes: dict[str, Any] = {"status": transition.target, "status_reason": note[:500]}
    data: dict[str, Any] = {}
    if action in ("accept", "reject", "duplicate") and need.responded_at is None:
        changes["responded_at"] = now
    if action == "accept":
        hours = need.category.resolution_hours if need.category else None
        changes["resolution_due_at"] = _deadline(now, hours, DEFAULT_RESOLUTION_HOURS)
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
    if action == "resolve":
        changes["resolved_at"] = now
    if action == "confirm":
        changes["confirmed_at"] = now
    if action == "reopen":
        changes["resolved_at"] = None
    if action == "close":
        changes["closed_at"] = now
    before = need.status
    async with in_transaction():
        moved = await Need.filter(id=need.id, status__in=list(transition.sources)).update(**changes)
        if moved != 1:
            raise Conflict(N_("This need has moved on meanwhile; reload to see where it stands."))
        for key, value in changes.items():
            setattr(need, key, value)
        await log_event(need, action, user, before, note=note, data=data)
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
        sent = await _tell_requester(need, action, note, settings)
    await outbox.dispatch(sent, settings)
    return need


async def _tell_requester(need: Need, action: str, note: str, settings: Settings) -> list[int]:
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
    if need.requester_id != user.id:  # type: ignore[attr-defined]
        raise PermissionDenied(N_("Only the person who posted this need may rate it."))
    try:
        value = Rating(rating)
    except ValueError:
        message = N_("Choose how satisfied you are.")
        raise ValidationFailed(message, fields={"rating": message}) from None
    if need.confirmed_at is None or need.status not in (S.CONFIRMED, S.CLOSED):
        raise Conflict(N_("A need is rated after you confirm it was resolved."))
    before = need.status
    target = S.REOPENED if value == Rating.DISSATISFIED else need.status
    async with in_transaction():
        moved = await Need.filter(id=need.id, rating__isnull=True, status=before).update(
            rating=value, rating_comment=comment.strip()[:500], rated_at=now, status=target
        )
        if moved != 1:
            raise Conflict(N_("This need has already been rated."))
        need.rating, need.rating_comment, need.rated_at, need.status = (
            value,
            comment.strip()[:500],
            now,
            target,
        )
        await log_event(need, "rate", user, before, note=comment, data={"rating": value.value})
        await record(
            user,
            "need.rate",
            origin,
            object_type="need",
            object_id=need.code,
            node_path=need.node_path,
            after={"rating": value.value, "status": target.value},
        )
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
        await log_event(need, "unreasonable", user, need.status, note=reason)
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


# Deadlines and escalation ---------------------------------------------------------------------


def due_of(need: Need) -> datetime | None:
    """The deadline that applies now: the response's while submitted, then the resolution's."""
    if need.status == S.SUBMITTED:
        return need.response_due_at
    if need.status in WORKING:
        return need.resolution_due_at
    return None


def is_late(need: Need, now: datetime) -> bool:
    due = due_of(need)
    return due is not None and now > due


async def escalate_late(settings: Settings, now: datetime | None = None) -> int:
    """Tell the centre's staff of each late need (level 1), and the admins of the node above the
    centre once it is late by ``SUPERVISION_AFTER`` more (level 2, 督办). Each level happens once
    per need: the level is raised by a conditional UPDATE before anyone is told."""
    now = now or datetime.now(UTC)
    candidates = await Need.filter(
        escalation_level__lt=2, unreasonable=False, status__in=[S.SUBMITTED, *WORKING]
    ).select_related("centre")
    raised = 0
    for need in candidates:
        due = due_of(need)
        if due is None or now <= due:
            continue
        level = 2 if now > due + SUPERVISION_AFTER else 1
        if level <= need.escalation_level:
            continue
        async with in_transaction():
            moved = await Need.filter(
                id=need.id, escalation_level=need.escalation_level, status=need.status
            ).update(escalation_level=level)
            if moved != 1:
                continue
            before, need.escalation_level = need.escalation_level, level
            await log_event(
                need, "escalate", None, need.status, data={"level": level, "due": due.isoformat()}
            )
            sent = await _tell_supervisors(need, level, due, settings, from_level=before)
        await outbox.dispatch(sent, settings)
        raised += 1
    return raised


async def _tell_supervisors(
    need: Need, level: int, due: datetime, settings: Settings, *, from_level: int
) -> list[int]:
    payload = {
        "code": need.code,
        "title": need.title,
        "centre": need.centre.name,
        "centre_en": need.centre.name_en,
        "due": due.isoformat(),
        "tz": need.centre.time_zone,
        "url": f"{settings.public_base_url}/staff/{need.centre.code}/needs/{need.code}",
    }
    sent: list[int] = []
    if from_level < 1:  # jumping straight to level 2 still tells the centre first
        staff = await RoleGrant.filter(role=Role.STAFF, centre_id=need.centre.id).select_related(
            "user"
        )
        for grant in staff:
            sent += await outbox.notify(
                grant.user, "need.late", payload, settings, subject=("need", need.id), key="1"
            )
    if level >= 2:
        parent_path = need.centre.node_path.rstrip("/").rpartition("/")[0]
        parent = await OrgNode.get_or_none(path=f"{parent_path}/") if parent_path else None
        if parent is not None:
            admins = await RoleGrant.filter(role=Role.ADMIN, node_id=parent.id).select_related(
                "user"
            )
            for grant in admins:
                sent += await outbox.notify(
                    grant.user,
                    "need.supervision",
                    payload,
                    settings,
                    subject=("need", need.id),
                    key="2",
                )
    return sent
