"""Dispatch (派单): staff invite the best candidates to a task; each member accepts or declines.

An invitation keeps the parts of the member's score at the time (``score``), so staff and the
member later see why it was sent. Accepting claims the task through ``claims.claim`` (capacity,
monthly cap and one claim per member are enforced there); declining needs a reason, which
staff see and which keeps the task out of the member's suggestions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.domain import claims, for_you, matching, outbox
from server.domain.audit import Origin, record
from server.domain.counter import centres_of
from server.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from server.i18n import N_
from server.models.accounts import User
from server.models.members import Invitation, InvitationStatus, Member, Task, TaskStatus
from server.models.places import Centre
from server.settings import Settings

MAX_AT_ONCE = 20  # a dispatch round; more is a broken form


async def invite(
    staff: User,
    task: Task,
    members: Sequence[Member],
    settings: Settings,
    origin: Origin,
    *,
    now: datetime | None = None,
) -> list[Invitation]:
    """Invite ``members`` to ``task`` and tell each; all or none (a member left out of
    matching, e.g. at their monthly pledge, refuses the round with the reason)."""
    now = now or datetime.now(UTC)
    if task.centre_id not in {c.id for c in await centres_of(staff)}:  # type: ignore[attr-defined]
        raise PermissionDenied(N_("Only staff of the task's centre can invite members to it."))
    if task.status != TaskStatus.OPEN or task.taken >= task.capacity:
        raise Conflict(N_("This task has no open place to invite anyone to."))
    if not members or len(members) > MAX_AT_ONCE:
        raise ValidationFailed(N_("Choose from 1 to 20 members to invite."))
    scores = []
    for member in members:
        found = await matching.explain(task, member, now=now)
        if isinstance(found, matching.Excluded):
            raise Conflict(found.reason, **found.params, member=member.real_name)
        scores.append(found)
    centre = await Centre.get(id=task.centre_id)  # type: ignore[attr-defined]
    users = {u.id: u for u in await User.filter(id__in=[m.user_id for m in members])}  # type: ignore[attr-defined]
    created, sent = [], []
    try:
        async with in_transaction():
            for member, found in zip(members, scores, strict=True):
                user = users[member.user_id]  # type: ignore[attr-defined]
                invitation = await Invitation.create(
                    task=task, member=member, invited_by=staff, score=found.as_json()
                )
                created.append(invitation)
                await for_you.bump_member(member.id)
                await _record_invite(staff, task, invitation, user, found.total, origin)
                text = payload(task, centre, invitation, found, settings)
                sent += await outbox.notify(
                    user, "task.invited", text, settings,
                    subject=("task", task.id), key=invitation.code,
                )  # fmt: skip
    except IntegrityError:  # invited by another member of staff meanwhile
        raise Conflict(N_("Someone in this round has just been invited to this task.")) from None
    await outbox.dispatch(sent, settings)
    return created


async def _record_invite(
    staff: User, task: Task, invitation: Invitation, user: User, total: float, origin: Origin
) -> None:
    await record(
        staff,
        "invitation.create",
        origin,
        object_type="invitation",
        object_id=invitation.code,
        node_path=task.node_path,
        after={"task": task.code, "member": user.public_id, "score": total},
    )


def payload(
    task: Task,
    centre: Centre,
    invitation: Invitation,
    found: matching.Suggestion,
    settings: Settings,
) -> dict[str, Any]:
    """What the invited member's message says, the reasons included."""
    return {
        "code": task.code,
        "task": task.title,
        "centre": centre.name,
        "centre_en": centre.name_en,
        "start": task.starts_at.isoformat() if task.starts_at else "",
        "tz": centre.time_zone,
        "reasons": [{"reason": part.reason, "params": part.params} for part in found.parts],
        "url": f"{settings.public_base_url}/me/invitations/{invitation.code}",
    }


async def by_code(code: str) -> Invitation:
    """The invitation with its task and member loaded, else NotFound."""
    found = await Invitation.get_or_none(code=code.strip().upper()).select_related("task", "member")
    if found is None:
        raise NotFound(N_("No invitation has this code."))
    return found


async def waiting(user: User, ids: list[int] | None = None) -> list[Invitation]:
    """The user's invitations still to answer, newest first, with their tasks; ``ids``: those
    already known to be pending (``for_you.ranked_for`` reads them), none read if empty."""
    if ids is not None and not ids:
        return []
    rows = Invitation.filter(member__user_id=user.id, status=InvitationStatus.PENDING)
    rows = rows if ids is None else rows.filter(id__in=ids)
    return await rows.select_related("task", "task__centre").order_by("-created_at", "-id")


async def answer(
    user: User,
    invitation: Invitation,
    accept: bool,
    reason: str,
    settings: Settings,
    origin: Origin,
    *,
    now: datetime | None = None,
) -> Invitation:
    """The invited member accepts (and so claims the task) or declines, saying why."""
    now = now or datetime.now(UTC)
    invitation = await by_code(invitation.code)
    if invitation.member.user_id != user.id:  # type: ignore[attr-defined]
        raise PermissionDenied(N_("This invitation is for someone else."))
    if invitation.status != InvitationStatus.PENDING:
        raise Conflict(N_("This invitation has been answered already."))
    reason = reason.strip()[:500]
    if not accept and not reason:
        message = N_("Please say why you decline, so staff can ask someone else.")
        raise ValidationFailed(message, fields={"reason": message})
    if accept:  # takes the place in its own transaction, or says why not (full, at the cap...)
        await claims.claim(user, invitation.task, settings, origin, now=now)
    status = InvitationStatus.ACCEPTED if accept else InvitationStatus.DECLINED
    changes = {"status": status, "reason": "" if accept else reason, "answered_at": now}
    async with in_transaction():
        rows = Invitation.filter(id=invitation.id)
        # Once the claim is taken the acceptance stands; a decline must find it still pending.
        moved = await (rows if accept else rows.filter(status=InvitationStatus.PENDING)).update(
            **changes
        )
        if moved != 1:
            raise Conflict(N_("This invitation has been answered already."))
        for key, value in changes.items():
            setattr(invitation, key, value)
        await for_you.bump_member(invitation.member_id)  # type: ignore[attr-defined]
        await record(
            user,
            f"invitation.{'accept' if accept else 'decline'}",
            origin,
            object_type="invitation",
            object_id=invitation.code,
            node_path=invitation.task.node_path,
            before={"status": InvitationStatus.PENDING.value},
            after={"status": status.value, "reason": invitation.reason},
        )
    return invitation
