"""On-the-job members: report-in to a home community, its review by community staff, the
half-yearly re-confirmation, and the lists staff work from.

One Member row per user (the one-to-one column): a declined or lapsed member reports in again
by re-submitting that row, back to pending. Every change of status is one conditional UPDATE on
the statuses it may leave, so two reviewers acting at once cannot both decide.

Who reviews: staff of a centre whose node is the member's home community, and admins of a node
at or above it (a street admin for the street's communities); nobody reviews their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.domain import outbox
from server.domain.audit import JOB, Origin, record
from server.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from server.i18n import N_
from server.models.accounts import Role, RoleGrant, User
from server.models.members import Member, MemberStatus, Unit, UnitKind
from server.models.places import Centre, Level, OrgNode
from server.settings import Settings

M = MemberStatus
RECONFIRM_DAYS = 182  # members re-confirm their report-in every half year
REMIND_DAYS = 14  # the reminder goes this many days before confirmed_until
RESUBMITTABLE = (M.PENDING, M.DECLINED, M.LAPSED)  # report_in may (re)write these
UNREVIEWED: dict[str, Any] = {
    "status": M.PENDING,
    "status_reason": "",
    "verified_at": None,
    "verified_by_id": None,
    "confirmed_until": None,
}


async def enrol_verified(user: User, node_code: str, real_name: str, origin: Origin) -> Member:
    """Record ``user`` as a verified member of a community (or one of its grids)."""
    node = await OrgNode.get_or_none(code=node_code)
    if node is None:
        raise NotFound(N_("No org node has the code %(code)s."), code=node_code)
    if node.level not in (Level.COMMUNITY, Level.GRID):
        raise ValidationFailed(N_("A member reports in to a community or one of its grids."))
    async with in_transaction():
        member = await Member.create(
            user=user,
            real_name=real_name,
            **_home_columns(node),
            status=MemberStatus.VERIFIED,
            verified_at=datetime.now(UTC),
            confirmed_until=date.today() + timedelta(days=RECONFIRM_DAYS),
        )
        await record(
            None,
            "member.enrol",
            origin,
            object_type="member",
            object_id=user.public_id,
            node_path=node.path,
            after={"status": member.status.value},
        )
    return member


def local_today(now: datetime, settings: Settings) -> date:
    return now.astimezone(settings.tz).date()


def _home_columns(node: OrgNode) -> dict[str, Any]:
    """A home at a community, or at one of its grids."""
    grid = node.level == Level.GRID
    community_id = node.parent_id if grid else node.id
    return {
        "community_id": community_id,
        "grid_id": node.id if grid else None,
        "node_path": node.path,
    }


# Report in ------------------------------------------------------------------------------------


async def report_in(
    user: User, form: dict[str, str], origin: Origin, *, now: datetime | None = None
) -> Member:
    """Report in to a home community (or grid) with one's employer; pending until reviewed.

    ``form``: place (a community or grid code), real_name, member_no (optional), and either
    unit (the code of a listed employer) or unit_name (a new one, found by name if listed) with
    unit_kind. Every problem is reported at once.
    """
    now = now or datetime.now(UTC)
    errors: dict[str, str] = {}
    person = _person(form, errors)
    node = await _home(form.get("place", ""), errors)
    listed, unit_name, kind = await _unit_choice(form, errors)
    existing = await Member.get_or_none(user=user)
    if existing is not None and existing.status not in RESUBMITTABLE:
        raise Conflict(N_("You have already reported in and been verified."))
    if errors:
        raise ValidationFailed(N_("Please correct the marked fields."), fields=errors)
    assert node is not None
    changes = {**person, **_home_columns(node), **UNREVIEWED, "reported_at": now}
    try:
        async with in_transaction():
            unit = listed or await _named_unit(user, unit_name, kind, origin)
            changes["unit_id"] = unit.id
            member = await _write_report(user, existing, changes)
            await record(
                user,
                "member.report_in",
                origin,
                object_type="member",
                object_id=user.public_id,
                node_path=node.path,
                before={"status": existing.status.value} if existing else None,
                after={"status": M.PENDING.value, "unit": unit.code, "place": node.code},
            )
    except IntegrityError:  # the same person reporting in twice at once
        raise Conflict(N_("Your report-in changed meanwhile; reload to see it.")) from None
    return member


def _person(form: dict[str, str], errors: dict[str, str]) -> dict[str, str]:
    real_name = " ".join(form.get("real_name", "").split())
    if not real_name or len(real_name) > 50:
        errors["real_name"] = N_("Give your real name (up to 50 characters).")
    member_no = form.get("member_no", "").strip()
    if len(member_no) > 32:
        errors["member_no"] = N_("A member number has at most 32 characters.")
    return {"real_name": real_name, "member_no": member_no}


async def _home(code: str, errors: dict[str, str]) -> OrgNode | None:
    node = await OrgNode.get_or_none(code=code.strip()) if code.strip() else None
    if node is None or node.level not in (Level.COMMUNITY, Level.GRID):
        errors["place"] = N_("Choose the community (or grid) where you live.")
        return None
    return node


async def _unit_choice(
    form: dict[str, str], errors: dict[str, str]
) -> tuple[Unit | None, str, UnitKind]:
    """The listed unit chosen by its code, or the name and kind of one to find or add."""
    code = form.get("unit", "").strip()
    name = " ".join(form.get("unit_name", "").split())
    try:
        kind = UnitKind(form.get("unit_kind") or UnitKind.OTHER.value)
    except ValueError:
        errors["unit_kind"] = N_("Choose what kind of employer it is.")
        kind = UnitKind.OTHER
    listed = await Unit.get_or_none(code=code) if code else None
    if (code and listed is None) or (not code and not name):
        errors["unit"] = N_("Choose your employer, or give its full name.")
    elif not code and len(name) > 100:
        errors["unit_name"] = N_("An employer's name has at most 100 characters.")
    return listed, name, kind


async def _named_unit(user: User, name: str, kind: UnitKind, origin: Origin) -> Unit:
    """The unit with this name, added if new (once, even when two people add it at once)."""
    found = await Unit.get_or_none(name=name)
    if found is not None:
        return found
    await Unit.bulk_create([Unit(name=name, kind=kind)], ignore_conflicts=True)
    unit = await Unit.get(name=name)
    await record(
        user, "unit.create", origin, object_type="unit", object_id=unit.code, after={"name": name}
    )
    return unit


async def _write_report(user: User, existing: Member | None, changes: dict[str, Any]) -> Member:
    if existing is None:
        return await Member.create(user=user, **changes)
    moved = await Member.filter(id=existing.id, status__in=list(RESUBMITTABLE)).update(**changes)
    if moved != 1:
        raise Conflict(N_("Your report-in changed meanwhile; reload to see it."))
    return await Member.get(id=existing.id)


# Review ---------------------------------------------------------------------------------------


async def _review_grants(user: User) -> tuple[set[int], list[str]]:
    """The community node ids ``user`` is staff at, and the paths of the nodes they administer."""
    grants = await RoleGrant.filter(user=user, role__in=[Role.STAFF, Role.ADMIN]).select_related(
        "centre", "node"
    )
    nodes = {g.centre.node_id for g in grants if g.centre is not None and g.centre.is_active}
    paths = [g.node.path for g in grants if g.role == Role.ADMIN and g.node is not None]
    return nodes, paths


async def may_review(user: User, member: Member) -> bool:
    """Staff of a centre at the member's community, or an admin at or above it; not oneself."""
    if member.user_id == user.id:  # type: ignore[attr-defined]
        return False
    nodes, paths = await _review_grants(user)
    return member.community_id in nodes or any(  # type: ignore[attr-defined]
        member.node_path.startswith(path) for path in paths
    )


async def review(
    staff: User,
    member: Member,
    approve: bool,
    reason: str,
    settings: Settings,
    origin: Origin,
    *,
    now: datetime | None = None,
) -> Member:
    """Approve or decline (with a reason) a pending report-in; the member is told."""
    now = now or datetime.now(UTC)
    if not await may_review(staff, member):
        raise PermissionDenied(N_("Only staff of the member's community review a report-in."))
    reason = reason.strip()[:200]
    if not approve and not reason:
        message = N_("Please say why you decline, so the member can put it right.")
        raise ValidationFailed(message, fields={"reason": message})
    until = local_today(now, settings) + timedelta(days=RECONFIRM_DAYS)
    changes: dict[str, Any] = {
        "status": M.VERIFIED if approve else M.DECLINED,
        "status_reason": reason,
        "verified_at": now if approve else None,
        "verified_by_id": staff.id if approve else None,
        "confirmed_until": until if approve else None,
    }
    user = await User.get(id=member.user_id)  # type: ignore[attr-defined]
    async with in_transaction():
        moved = await Member.filter(id=member.id, status=M.PENDING).update(**changes)
        if moved != 1:
            raise Conflict(N_("This report-in has been reviewed meanwhile; reload to see it."))
        for key, value in changes.items():
            setattr(member, key, value)
        await record(
            staff,
            "member.approve" if approve else "member.decline",
            origin,
            object_type="member",
            object_id=user.public_id,
            node_path=member.node_path,
            before={"status": M.PENDING.value},
            after={"status": member.status.value, "reason": reason},
        )
        sent = await _tell_reviewed(member, user, settings)
    await outbox.dispatch(sent, settings)
    return member


def _about(member: Member, community: OrgNode, settings: Settings) -> dict[str, Any]:
    """What every message to a member about their report-in says."""
    return {
        "name": member.real_name,
        "community": community.name,
        "community_en": community.name_en,
        "url": f"{settings.public_base_url}/account",
    }


async def _tell_reviewed(member: Member, user: User, settings: Settings) -> list[int]:
    community = await OrgNode.get(id=member.community_id)  # type: ignore[attr-defined]
    decision = "approved" if member.status == M.VERIFIED else "declined"
    until = member.confirmed_until.isoformat() if member.confirmed_until else ""
    payload = {**_about(member, community, settings), "decision": decision, "until": until}
    payload["reason"] = member.status_reason
    key = f"{decision}:{member.reported_at.isoformat()}"  # once per report-in
    return await outbox.notify(
        user, "member.reviewed", payload, settings, subject=("member", member.id), key=key
    )


# Re-confirmation ------------------------------------------------------------------------------


async def reconfirm(
    user: User, settings: Settings, origin: Origin, *, now: datetime | None = None
) -> Member:
    """A verified or lapsed member says they still live there: another half year, verified."""
    now = now or datetime.now(UTC)
    member = await Member.get_or_none(user=user)
    if member is None:
        raise NotFound(N_("You have not reported in to a community yet."))
    if member.status not in (M.VERIFIED, M.LAPSED):
        raise Conflict(N_("Only a verified member re-confirms; a pending one waits for review."))
    before = member.status
    until = local_today(now, settings) + timedelta(days=RECONFIRM_DAYS)
    async with in_transaction():
        moved = await Member.filter(id=member.id, status=before).update(
            status=M.VERIFIED, confirmed_until=until, status_reason=""
        )
        if moved != 1:
            raise Conflict(N_("Your report-in changed meanwhile; reload to see it."))
        member.status, member.confirmed_until, member.status_reason = M.VERIFIED, until, ""
        await outbox.cancel("member", member.id, ["member.reconfirm"])  # reminders not yet sent
        await record(
            user,
            "member.reconfirm",
            origin,
            object_type="member",
            object_id=user.public_id,
            node_path=member.node_path,
            before={"status": before.value},
            after={"status": M.VERIFIED.value, "confirmed_until": until.isoformat()},
        )
    return member


@dataclass(frozen=True)
class Sweep:
    lapsed: int  # members who lapsed in this sweep
    due_soon: int  # members in the reminder window (the outbox sends each reminder once)


async def lapse_sweep(settings: Settings, now: datetime | None = None) -> Sweep:
    """Lapse verified members past ``confirmed_until`` and remind those within REMIND_DAYS.

    Safe to run any number of times: lapsing is a conditional UPDATE, and a reminder's dedupe
    key is the period it is about (its ``confirmed_until``), so each is written once.
    """
    now = now or datetime.now(UTC)
    today = local_today(now, settings)
    verified = Member.filter(status=M.VERIFIED)
    late = await verified.filter(confirmed_until__lt=today).only("id")
    lapsed = [m.id for m in late if await lapse(m.id, settings, now)]
    window = today, today + timedelta(days=REMIND_DAYS)
    soon = await verified.filter(confirmed_until__range=window).only("id")
    for member in soon:
        await remind(member.id, settings, now)
    return Sweep(len(lapsed), len(soon))


async def lapse(member_id: int, settings: Settings, now: datetime) -> bool:
    """Lapse one member if still verified and past due; tells them. False if nothing changed."""
    today = local_today(now, settings)
    async with in_transaction():
        moved = await Member.filter(
            id=member_id, status=M.VERIFIED, confirmed_until__lt=today
        ).update(status=M.LAPSED)
        if moved != 1:
            return False
        member = await Member.get(id=member_id).select_related("user", "community")
        await record(
            None,
            "member.lapse",
            JOB,
            object_type="member",
            object_id=member.user.public_id,
            node_path=member.node_path,
            before={"status": M.VERIFIED.value},
            after={"status": M.LAPSED.value},
        )
        sent = await _tell_reconfirm(member, settings, lapsed=True)
    await outbox.dispatch(sent, settings)
    return True


async def remind(member_id: int, settings: Settings, now: datetime) -> None:
    """Remind one verified member whose half year ends within REMIND_DAYS (once per period)."""
    member = await Member.get_or_none(id=member_id).select_related("user", "community")
    today = local_today(now, settings)
    if member is None or member.status != M.VERIFIED or member.confirmed_until is None:
        return
    if not today <= member.confirmed_until <= today + timedelta(days=REMIND_DAYS):
        return
    await outbox.dispatch(await _tell_reconfirm(member, settings, lapsed=False), settings)


async def _tell_reconfirm(member: Member, settings: Settings, *, lapsed: bool) -> list[int]:
    assert member.confirmed_until is not None
    until = member.confirmed_until.isoformat()
    payload = {**_about(member, member.community, settings), "until": until, "lapsed": lapsed}
    key = f"{'lapsed' if lapsed else 'due'}:{until}"
    return await outbox.notify(
        member.user, "member.reconfirm", payload, settings, subject=("member", member.id), key=key
    )


# Staff lists ----------------------------------------------------------------------------------


async def pending_for(staff: User) -> list[Member]:
    """Report-ins waiting for ``staff`` to review, oldest first."""
    nodes, paths = await _review_grants(staff)
    if not nodes and not paths:
        return []
    mine = [Q(community_id__in=list(nodes))] if nodes else []
    mine += [Q(node_path__startswith=path) for path in paths]
    rows = Member.filter(Q(*mine, join_type="OR"), status=M.PENDING).exclude(user_id=staff.id)
    return await rows.select_related("user", "unit", "community", "grid").order_by(
        "reported_at", "id"
    )


async def members_of(place: Centre | OrgNode, status: MemberStatus | None = None) -> list[Member]:
    """Members whose home is at or below a centre's node (or a node), by name.

    Lapsed members are listed as lapsed (their own status): staff see who has not re-confirmed.
    """
    path = place.node_path if isinstance(place, Centre) else place.path
    rows = Member.filter(node_path__startswith=path)
    if status is not None:
        rows = rows.filter(status=status)
    return await rows.select_related("user", "unit", "community", "grid").order_by(
        "real_name", "id"
    )


async def member_for_review(staff: User, public_id: str) -> Member:
    """The member behind a user's public id, if ``staff`` may review them (pages link by it)."""
    member = await Member.get_or_none(user__public_id=public_id).select_related(
        "user", "unit", "community", "grid"
    )
    if member is None or not await may_review(staff, member):
        raise NotFound(N_("No member here has reported in under this account."))
    return member
