"""Pledges (承诺) of verified members: what, where, when and how much they offer.

- One current pledge per member (active, ``valid_until`` not past), changed or withdrawn in
  place; creating one first locks the member's row, so two at once cannot both pass the check.
- Areas: communities and grids of the member's own street; none given means the home
  community and grid, as the demo seed writes them.
- Availability: weekly windows ``{"weekday": 0-6 (Monday 0), "start": "HH:MM", "end": "HH:MM"}``
  in local time, the seed's shape; none means "by arrangement". How much: tasks or hours a
  month (at least one). ``valid_until``: required, from today up to a year ahead.
- Pledge projects and their slots are in ``server.domain.projects``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from tortoise.transactions import in_transaction

from server import cache
from server.domain.audit import Origin, record
from server.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from server.domain.members import local_today
from server.i18n import N_
from server.models.accounts import User
from server.models.members import (
    Member,
    MemberStatus,
    Pledge,
    PledgeArea,
    PledgeSkill,
    PledgeStatus,
    Skill,
)
from server.models.places import Level, OrgNode
from server.settings import Settings

CLOCK = re.compile(r"^(?:[01]?\d|2[0-3]):[0-5]\d$|^24:00$")  # 24:00 ends a day
MAX_WINDOWS = 21  # three a day is plenty; more is a broken form
MAX_AREAS = 20
INVALID = N_("Please correct the marked fields.")


@dataclass(frozen=True)
class PledgeForm:
    """A pledge as a form or the API sends it; numbers and dates as typed (checked here)."""

    skills: Sequence[str] = ()  # Skill codes
    text: str = ""
    areas: Sequence[str] = ()  # community or grid codes
    availability: Sequence[Mapping[str, Any]] = ()
    date_from: str | date = ""
    date_to: str | date = ""
    monthly_tasks: str | int = ""
    monthly_hours: str | int | Decimal = ""
    valid_until: str | date = ""


@dataclass
class _Clean:
    skills: list[Skill] = field(default_factory=list)
    areas: list[OrgNode] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)  # the Pledge's own columns


# Checking a pledge ----------------------------------------------------------------------------


async def _check(member: Member, form: PledgeForm, today: date) -> _Clean:
    """Every field checked; all problems raised at once."""
    errors: dict[str, str] = {}
    clean = _Clean(skills=await skills_by_code(form.skills, errors))
    text = form.text.strip()
    if len(text) > 500:
        errors["text"] = N_("Keep what you offer within 500 characters.")
    if not clean.skills and not text and "skills" not in errors:
        errors["skills"] = N_("Choose at least one skill, or say what you offer.")
    clean.areas = await _areas(member, form.areas, errors)
    windows = _windows(form.availability, errors)
    date_from = _day(form.date_from, "date_from", errors)
    date_to = _day(form.date_to, "date_to", errors)
    valid_until = _day(form.valid_until, "valid_until", errors)
    if valid_until is None and "valid_until" not in errors:
        errors["valid_until"] = N_("Say until when your pledge holds (at most a year).")
    elif valid_until is not None and not today <= valid_until <= one_year_after(today):
        errors["valid_until"] = N_("Your pledge holds from today up to one year ahead.")
    if date_from and date_to and date_to < date_from:
        errors["date_to"] = N_("The last day cannot come before the first.")
    elif date_to and valid_until and date_to > valid_until:
        errors["date_to"] = N_("The dates cannot run past the day your pledge ends.")
    tasks = _per_month(form.monthly_tasks, "monthly_tasks", errors)
    hours = _per_month(form.monthly_hours, "monthly_hours", errors)
    if tasks is None and hours is None and not {"monthly_tasks", "monthly_hours"} & set(errors):
        errors["monthly_tasks"] = N_("Say how many tasks or hours a month you can give.")
    if errors:
        raise ValidationFailed(INVALID, fields=errors)
    clean.values = {
        "text": text,
        "availability": windows,
        "date_from": date_from,
        "date_to": date_to,
        "monthly_tasks": int(tasks) if tasks is not None else None,
        "monthly_hours": hours,
        "valid_until": valid_until,
    }
    return clean


def one_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


async def skills_by_code(codes: Sequence[str], errors: dict[str, str]) -> list[Skill]:
    wanted = list(dict.fromkeys(c.strip() for c in codes if c.strip()))
    found = {s.code: s for s in await Skill.filter(code__in=wanted)} if wanted else {}
    if len(found) != len(wanted):
        errors["skills"] = N_("Choose skills from the list.")
    return [found[c] for c in wanted if c in found]


async def _areas(member: Member, codes: Sequence[str], errors: dict[str, str]) -> list[OrgNode]:
    """The chosen places of the member's street; none chosen: home community (and grid)."""
    community = await OrgNode.get(id=member.community_id)  # type: ignore[attr-defined]
    wanted = list(dict.fromkeys(c.strip() for c in codes if c.strip()))
    if not wanted:
        grid = await OrgNode.get_or_none(id=member.grid_id) if member.grid_id else None  # type: ignore[attr-defined]
        return [community] + ([grid] if grid else [])
    street = community.path.rstrip("/").rpartition("/")[0] + "/"
    nodes = await OrgNode.filter(code__in=wanted, level__in=[Level.COMMUNITY, Level.GRID])
    found = {n.code: n for n in nodes if n.path.startswith(street)}
    if len(found) != len(wanted) or len(wanted) > MAX_AREAS:
        errors["areas"] = N_("Choose communities or grids of your own street.")
    return [found[c] for c in wanted if c in found]


def _windows(raw: Sequence[Mapping[str, Any]], errors: dict[str, str]) -> list[dict[str, Any]]:
    """Weekly windows in the seed's shape, sorted, duplicates dropped."""
    windows: list[dict[str, Any]] = []
    for item in raw:
        window = _window(item)
        if window is None:
            errors["availability"] = N_(
                "Give each time a day of the week and a start before its end (HH:MM)."
            )
            return []
        if window not in windows:
            windows.append(window)
    if len(windows) > MAX_WINDOWS:
        errors["availability"] = N_("Give at most 21 weekly times.")
    return sorted(windows, key=lambda w: (w["weekday"], w["start"], w["end"]))


def _window(item: Mapping[str, Any]) -> dict[str, Any] | None:
    try:
        weekday = int(item["weekday"])
        start, end = _clock(str(item["start"])), _clock(str(item["end"]))
    except (KeyError, TypeError, ValueError):
        return None
    if not 0 <= weekday <= 6 or start is None or end is None or start >= end:
        return None
    return {"weekday": weekday, "start": start, "end": end}


def _clock(text: str) -> str | None:
    """ "9:00" -> "09:00"; None unless a time of day."""
    text = text.strip()
    return text.zfill(5) if CLOCK.match(text) else None


def _day(value: str | date, name: str, errors: dict[str, str]) -> date | None:
    if isinstance(value, date):
        return value
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        errors[name] = N_("Give a date like 2026-12-31.")
        return None


def _per_month(value: str | int | Decimal, name: str, errors: dict[str, str]) -> Decimal | None:
    """Tasks (a whole number, 1 to 31) or hours (0.5 to 200, to a tenth) a month."""
    text, tasks = str(value).strip(), name == "monthly_tasks"
    try:
        amount = Decimal(text).quantize(Decimal("1" if tasks else "0.1"), ROUND_HALF_UP)
    except InvalidOperation:
        amount = Decimal(-1)
    low, high = (Decimal(1), Decimal(31)) if tasks else (Decimal("0.5"), Decimal(200))
    if text and (not low <= amount <= high or (tasks and amount != Decimal(text))):
        errors[name] = (
            N_("Tasks a month: a whole number from 1 to 31.")
            if tasks
            else N_("Hours a month: a number from 0.5 to 200.")
        )
    return amount if text and name not in errors else None


# Pledging -------------------------------------------------------------------------------------


async def _verified(user: User) -> Member:
    member = await Member.get_or_none(user=user)
    if member is None or member.status != MemberStatus.VERIFIED:
        raise PermissionDenied(N_("Only members verified by their community make pledges."))
    return member


async def has_pledge(member: Member, today: date) -> bool:
    """Whether the member has a current pledge (``active_pledge`` without loading it)."""
    current = Pledge.filter(member_id=member.id, status=PledgeStatus.ACTIVE, valid_until__gte=today)
    return await current.exists()


async def active_pledge(member: Member, today: date) -> Pledge | None:
    """The member's current pledge, with its skills and areas, or None."""
    return (
        await Pledge.filter(member_id=member.id, status=PledgeStatus.ACTIVE, valid_until__gte=today)
        .prefetch_related("skill_links__skill", "area_links__node")
        .order_by("-created_at", "-id")
        .first()
    )


def _audit_view(clean: _Clean) -> dict[str, Any]:
    values = {k: str(v) if isinstance(v, date | Decimal) else v for k, v in clean.values.items()}
    values["skills"] = [s.code for s in clean.skills]
    values["areas"] = [n.code for n in clean.areas]
    return values


async def _current(member: Member, today: date) -> Pledge:
    pledge = await active_pledge(member, today)
    if pledge is None:
        raise NotFound(N_("You have no current pledge."))
    return pledge


async def _link(pledge: Pledge, clean: _Clean) -> None:
    await PledgeSkill.filter(pledge_id=pledge.id).delete()
    await PledgeArea.filter(pledge_id=pledge.id).delete()
    await PledgeSkill.bulk_create(PledgeSkill(pledge=pledge, skill=s) for s in clean.skills)
    await PledgeArea.bulk_create(PledgeArea(pledge=pledge, node=n) for n in clean.areas)


async def create_pledge(
    user: User, form: PledgeForm, settings: Settings, origin: Origin, *, now: datetime | None = None
) -> Pledge:
    """A verified member's new pledge; refused while they have a current one."""
    now = now or datetime.now(UTC)
    today = local_today(now, settings)
    member = await _verified(user)
    clean = await _check(member, form, today)
    async with in_transaction():
        await Member.select_for_update().get(id=member.id)  # one member pledges one at a time
        if await active_pledge(member, today) is not None:
            raise Conflict(N_("You have a pledge already: change it, or withdraw it first."))
        pledge = await Pledge.create(member=member, created_at=now, **clean.values)
        await _link(pledge, clean)
        await cache.bump(cache.member(member.id))
        await record(
            user,
            "pledge.create",
            origin,
            object_type="pledge",
            object_id=str(pledge.id),
            node_path=member.node_path,
            after=_audit_view(clean),
        )
    return pledge


async def update_pledge(
    user: User, form: PledgeForm, settings: Settings, origin: Origin, *, now: datetime | None = None
) -> Pledge:
    """Change the member's current pledge: skills, areas and times are replaced as given."""
    today = local_today(now or datetime.now(UTC), settings)
    member = await _verified(user)
    pledge = await _current(member, today)
    clean = await _check(member, form, today)
    before = {"text": pledge.text, "valid_until": str(pledge.valid_until)}
    async with in_transaction():
        moved = await Pledge.filter(id=pledge.id, status=PledgeStatus.ACTIVE).update(**clean.values)
        if moved != 1:
            raise Conflict(N_("Your pledge changed meanwhile; reload to see it."))
        await _link(pledge, clean)
        await cache.bump(cache.member(member.id))
        await record(
            user,
            "pledge.update",
            origin,
            object_type="pledge",
            object_id=str(pledge.id),
            node_path=member.node_path,
            before=before,
            after=_audit_view(clean),
        )
    return await Pledge.get(id=pledge.id)


async def withdraw_pledge(
    user: User, settings: Settings, origin: Origin, *, now: datetime | None = None
) -> Pledge:
    """Withdraw the current pledge (any member may, verified or not)."""
    member = await Member.get_or_none(user=user)
    if member is None:
        raise NotFound(N_("You have no current pledge."))
    pledge = await _current(member, local_today(now or datetime.now(UTC), settings))
    async with in_transaction():
        moved = await Pledge.filter(id=pledge.id, status=PledgeStatus.ACTIVE).update(
            status=PledgeStatus.WITHDRAWN
        )
        if moved != 1:
            raise Conflict(N_("Your pledge changed meanwhile; reload to see it."))
        pledge.status = PledgeStatus.WITHDRAWN
        await cache.bump(cache.member(member.id))
        await record(
            user,
            "pledge.withdraw",
            origin,
            object_type="pledge",
            object_id=str(pledge.id),
            node_path=member.node_path,
            before={"status": PledgeStatus.ACTIVE.value},
            after={"status": PledgeStatus.WITHDRAWN.value},
        )
    return pledge
