"""Deadlines of needs and escalation of late ones: the centre's staff first, then the admins
of the node above the centre (督办), each once per need."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.domain import needs, outbox
from server.models.accounts import Role, RoleGrant, User
from server.models.needs import Need, NeedStatus
from server.models.places import OrgNode
from server.settings import Settings

SUPERVISION_AFTER = timedelta(hours=24)  # late this long past a deadline: the node above hears


def due_of(need: Need) -> datetime | None:
    """The deadline that applies now: the response's while submitted, then the resolution's."""
    if need.status == NeedStatus.SUBMITTED:
        return need.response_due_at
    if need.status in needs.WORKING:
        return need.resolution_due_at
    return None


async def escalate_late(settings: Settings, now: datetime | None = None) -> int:
    """Tell the centre's staff of each late need (level 1), and the admins of the node above the
    centre once it is late by ``SUPERVISION_AFTER`` more (level 2, 督办). Each level happens once
    per need: the level is raised by a conditional UPDATE before anyone is told."""
    now = now or datetime.now(UTC)
    late = Q(status=NeedStatus.SUBMITTED, response_due_at__lt=now) | Q(
        status__in=list(needs.WORKING), resolution_due_at__lt=now
    )  # only what is past due is read (index: status, response_due_at)
    candidates = await Need.filter(late, escalation_level__lt=2, unreasonable=False).select_related(
        "centre"
    )
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
            await needs.log_event(
                need,
                "escalate",
                None,
                need.status,
                data={"level": level, "due": due.isoformat()},
                at=now,
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
        for user in await centre_staff(need):
            sent += await outbox.notify(
                user, "need.late", payload, settings, subject=("need", need.id), key="1"
            )
    if level >= 2:
        for user in await parent_admins(need):
            sent += await outbox.notify(
                user, "need.supervision", payload, settings, subject=("need", need.id), key="2"
            )
    return sent


async def centre_staff(need: Need) -> list[User]:
    grants = await RoleGrant.filter(role=Role.STAFF, centre_id=need.centre_id).select_related(  # type: ignore[attr-defined]
        "user"
    )
    return [g.user for g in grants]


async def parent_admins(need: Need) -> list[User]:
    """The admins of the node above the owning centre's (a community centre: the street)."""
    await need.fetch_related("centre")
    parent_path = need.centre.node_path.rstrip("/").rpartition("/")[0]
    parent = await OrgNode.get_or_none(path=f"{parent_path}/") if parent_path else None
    if parent is None:
        return []
    grants = await RoleGrant.filter(role=Role.ADMIN, node_id=parent.id).select_related("user")
    return [g.user for g in grants]


async def tell_dissatisfied(need: Need, comment: str, settings: Settings) -> list[int]:
    """A dissatisfied rating reopens the need: its centre's staff and the admins above hear of
    it at once, with the resident's comment (回访不满意, 重新督办)."""
    await need.fetch_related("centre")
    payload = {
        "code": need.code,
        "title": need.title,
        "centre": need.centre.name,
        "centre_en": need.centre.name_en,
        "comment": comment,
        "url": f"{settings.public_base_url}/staff/{need.centre.code}/needs/{need.code}",
    }
    sent: list[int] = []
    for user in [*await centre_staff(need), *await parent_admins(need)]:
        sent += await outbox.notify(
            user, "need.dissatisfied", payload, settings, subject=("need", need.id), key="rate"
        )
    return sent
