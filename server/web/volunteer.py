"""The on-the-job member's own pages: report in, pledge, tasks for me, one task and claiming it.

The claims that follow, invitations and the hours ledger are in ``volunteer_claims``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import i18n
from server.domain import claims, matching, members, pledges
from server.domain.errors import DomainError
from server.i18n import N_
from server.models.accounts import User
from server.models.members import (
    Claim,
    Invitation,
    InvitationStatus,
    Member,
    MemberStatus,
    Pledge,
    Skill,
    Task,
    Unit,
)
from server.models.places import Level, OrgNode
from server.settings import get as get_settings
from server.templating import render
from server.web.auth import origin_of, require_user
from server.web.forms import checked_form, form_fields

DONE = {
    "reported": N_("Thank you. Your community will verify your report-in; you will hear back."),
    "reconfirmed": N_("Re-confirmed: your report-in holds for another half year."),
    "pledged": N_("Your pledge is saved. Tasks that fit it are listed under For you."),
    "withdrawn": N_("Your pledge is withdrawn."),
}
MEMBER_STATUS = {
    "pending": N_("Waiting for your community to verify"),
    "verified": N_("Verified"),
    "declined": N_("Not verified"),
    "lapsed": N_("Lapsed: please re-confirm"),
}
UNIT_KIND = {
    "government": N_("Government office"),
    "institution": N_("Public institution"),
    "state_enterprise": N_("State-owned enterprise"),
    "enterprise": N_("Company"),
    "school": N_("School"),
    "hospital": N_("Hospital"),
    "other": N_("Other"),
}
TASK_STATUS = {
    "open": N_("Open for claims"),
    "full": N_("Every place taken"),
    "done": N_("Done"),
    "cancelled": N_("Cancelled"),
}
WORKING = {s.value for s in claims.WORKING}
EXTRA_ROWS = 2  # weekly times beyond one a day, for a second window on some day
MAX_ROWS = 7 + pledges.MAX_WINDOWS
PLEDGE_TEXT = ("text", "date_from", "date_to", "monthly_tasks", "monthly_hours", "valid_until")


def done_message(request: Request, messages: Mapping[str, str]) -> str:
    key = request.query_params.get("done", "")
    return i18n.gettext(messages[key]) if key in messages else ""


def error_text(error: DomainError) -> str:
    return i18n.gettext(error.message, **error.params)


def reasons(parts: Iterable[Any]) -> list[tuple[str, float]]:
    """Each part of a score (a matching Part, or one kept as JSON) as a line and its points."""
    lines = []
    for part in parts:
        if isinstance(part, Mapping):
            reason, params, points = part["reason"], part.get("params") or {}, part["points"]
        else:
            reason, params, points = part.reason, part.params, part.points
        lines.append((i18n.gettext(reason, **params), float(points)))
    return lines


def parent_path(path: str) -> str:
    return path.rstrip("/").rpartition("/")[0] + "/"


async def member_of(user: User) -> Member | None:
    return await Member.get_or_none(user_id=user.id).select_related("unit", "community", "grid")


def today() -> date:
    return members.local_today(datetime.now(UTC), get_settings())


def is_current(member: Member | None) -> bool:
    """Verified and not past the half year: may claim and is matched."""
    return (
        member is not None
        and member.status == MemberStatus.VERIFIED
        and not (member.confirmed_until and member.confirmed_until < today())
    )


# Places ---------------------------------------------------------------------------------------


@dataclass
class PlaceGroup:
    """The communities of one street, each followed by its grids."""

    street: OrgNode | None
    district: OrgNode | None
    places: list[OrgNode] = field(default_factory=list)


async def place_groups(under: str = "") -> list[PlaceGroup]:
    """Communities and grids (below the path ``under``), grouped by street, in tree order."""
    rows = await OrgNode.filter(
        path__startswith=under,
        level__in=[Level.DISTRICT, Level.STREET, Level.COMMUNITY, Level.GRID],
    ).order_by("path")
    by_path = {n.path: n for n in rows}
    groups: dict[str, PlaceGroup] = {}
    for node in rows:
        if node.level not in (Level.COMMUNITY, Level.GRID):
            continue
        community = node.path if node.level == Level.COMMUNITY else parent_path(node.path)
        street = parent_path(community)
        group = groups.setdefault(
            street, PlaceGroup(by_path.get(street), by_path.get(parent_path(street)))
        )
        group.places.append(node)
    return list(groups.values())


# Report in ------------------------------------------------------------------------------------


def _reported_values(member: Member | None, user: User) -> dict[str, str]:
    if member is None:
        return {"real_name": user.display_name}
    home = member.grid or member.community
    return {
        "place": home.code,
        "unit": member.unit.code if member.unit else "",
        "real_name": member.real_name,
        "member_no": member.member_no,
    }


async def _member_context(request: Request, user: User, **more: Any) -> dict[str, Any]:
    member = await member_of(user)
    day, status = today(), member.status.value if member else ""
    until = member.confirmed_until if member else None
    past = status == "verified" and until is not None and until < day  # the sweep comes later
    soon = until is not None and until <= day + timedelta(days=members.REMIND_DAYS)
    context = {
        "member": member,
        "status": "lapsed" if past else status,
        "may_reconfirm": status == "lapsed" or (status == "verified" and soon),
        "may_report": member is None or member.status in members.RESUBMITTABLE,
        "groups": await place_groups(),
        "units": await Unit.all().order_by("name").only("id", "code", "name"),
        "unit_kinds": UNIT_KIND,
        "statuses": MEMBER_STATUS,
        "values": _reported_values(member, user),
        "fields": {},
        "error": "",
        "done": done_message(request, DONE),
    }
    return {**context, **more}


async def member_page(request: Request) -> Response:
    user = require_user(request)
    return render(request, "volunteer/member.html", await _member_context(request, user))


async def member_submit(request: Request) -> Response:
    user = require_user(request)
    form = await form_fields(request)
    try:
        await members.report_in(user, form, origin_of(request))
    except DomainError as error:
        context = await _member_context(
            request, user, values=form, fields=error.fields, error=error_text(error)
        )
        return render(request, "volunteer/member.html", context, status=error.status)
    return RedirectResponse("/me/member?done=reported", status_code=303)


async def reconfirm(request: Request) -> Response:
    user = require_user(request)
    try:
        await members.reconfirm(user, get_settings(), origin_of(request))
    except DomainError as error:
        context = await _member_context(request, user, error=error_text(error))
        return render(request, "volunteer/member.html", context, status=error.status)
    return RedirectResponse("/me/member?done=reconfirmed", status_code=303)


# Pledge ---------------------------------------------------------------------------------------


def _shown(value: Any) -> str:
    """A pledge's column as its form field shows it: 2026-12-31, 4 (not 4.0), "" for None."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return f"{Decimal(value).normalize():f}" if isinstance(value, Decimal | int) else str(value)


def window_rows(windows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A row for each weekday (its first window, or empty), then rows for further windows."""
    days: list[list[Mapping[str, Any]]] = [[] for _ in range(7)]
    for window in windows:
        days[int(window["weekday"])].append(window)
    blank = {"start": "", "end": ""}
    rows = [{"day": d, "fixed": True, **blank, **(w[0] if w else {})} for d, w in enumerate(days)]
    rows += [{"day": w["weekday"], "fixed": False, **w} for day in days for w in day[1:]]
    return rows + [{"day": "", "fixed": False, **blank} for _ in range(EXTRA_ROWS)]


def _posted_rows(form: FormData) -> list[dict[str, Any]]:
    """The weekly-time rows as sent: ``w{i}_day``, ``w{i}_start``, ``w{i}_end``."""
    count = str(form.get("rows", ""))
    rows = []
    for i in range(min(int(count), MAX_ROWS) if count.isdigit() else 0):
        day, start, end = (str(form.get(f"w{i}_{k}", "")).strip() for k in ("day", "start", "end"))
        rows.append(
            {"day": int(day) if day.isdigit() else day, "fixed": i < 7, "start": start, "end": end}
        )
    return rows


def _pledge_form(form: FormData) -> tuple[pledges.PledgeForm, dict[str, Any]]:
    """The pledge as the domain takes it, and what the page shows again after an error."""
    text = {k: str(form.get(k, "")).strip() for k in PLEDGE_TEXT}
    rows = _posted_rows(form)
    windows = [
        {"weekday": r["day"], "start": r["start"], "end": r["end"]}
        for r in rows
        if r["start"] or r["end"]
    ]
    skills = [str(s) for s in form.getlist("skills")]
    areas = [str(a) for a in form.getlist("areas")]
    shown = {"values": text, "rows": rows, "chosen_skills": skills, "chosen_areas": areas}
    return pledges.PledgeForm(skills=skills, areas=areas, availability=windows, **text), shown


def _pledge_values(pledge: Pledge | None) -> dict[str, Any]:
    if pledge is None:  # a half year ahead, when report-ins are re-confirmed too
        suggested = today() + timedelta(days=members.RECONFIRM_DAYS)
        values = {"valid_until": suggested.isoformat()}
        return {"values": values, "rows": window_rows([]), "chosen_skills": [], "chosen_areas": []}
    return {
        "values": {key: _shown(getattr(pledge, key)) for key in PLEDGE_TEXT},
        "rows": window_rows(pledge.availability or []),
        "chosen_skills": [link.skill.code for link in pledge.skill_links],  # type: ignore[attr-defined]
        "chosen_areas": [link.node.code for link in pledge.area_links],  # type: ignore[attr-defined]
    }


async def _pledge_context(
    request: Request, user: User, shown: dict[str, Any] | None = None, **more: Any
) -> dict[str, Any]:
    member = await member_of(user)
    pledge = await pledges.active_pledge(member, today()) if member else None
    street = parent_path(member.community.path) if member else ""
    return {
        "member": member,
        "current": is_current(member),
        "pledge": pledge,
        "skills": await Skill.all().order_by("sort_order", "id"),
        "groups": await place_groups(street) if member else [],
        **(shown or _pledge_values(pledge)),
        "fields": {},
        "error": "",
        "done": done_message(request, DONE),
        "statuses": MEMBER_STATUS,
        **more,
    }


async def pledge_page(request: Request) -> Response:
    user = require_user(request)
    return render(request, "volunteer/pledge.html", await _pledge_context(request, user))


async def pledge_submit(request: Request) -> Response:
    user = require_user(request)
    form = await checked_form(request)
    given, shown = _pledge_form(form)
    member = await member_of(user)
    try:
        has = member is not None and await pledges.active_pledge(member, today()) is not None
        save = pledges.update_pledge if has else pledges.create_pledge
        await save(user, given, get_settings(), origin_of(request))
    except DomainError as error:
        context = await _pledge_context(
            request, user, shown, fields=error.fields, error=error_text(error)
        )
        return render(request, "volunteer/pledge.html", context, status=error.status)
    return RedirectResponse("/me/pledge?done=pledged", status_code=303)


async def pledge_withdraw(request: Request) -> Response:
    user = require_user(request)
    try:
        await pledges.withdraw_pledge(user, get_settings(), origin_of(request))
    except DomainError as error:
        context = await _pledge_context(request, user, error=error_text(error))
        return render(request, "volunteer/pledge.html", context, status=error.status)
    return RedirectResponse("/me/pledge?done=withdrawn", status_code=303)


# One task ------------------------------------------------------------------------


async def task_context(user: User, task: Task, **more: Any) -> dict[str, Any]:
    """The task as a member sees it: details, and why it suits them (or why not)."""
    await task.fetch_related("node")
    member = await member_of(user)
    why: matching.Suggestion | matching.Excluded | None = None
    mine = invited = None
    if member is not None:
        mine = await Claim.get_or_none(task_id=task.id, member_id=member.id, active_key=member.id)
        invited = await Invitation.get_or_none(
            task_id=task.id, member_id=member.id, status=InvitationStatus.PENDING
        )
        why = await matching.explain(task, member)
    not_why = i18n.gettext(why.reason, **why.params) if isinstance(why, matching.Excluded) else ""
    return {
        "task": task,
        "skills": await Skill.filter(task_links__task_id=task.id).order_by("sort_order", "id"),
        "places_left": max(task.capacity - task.taken, 0),
        "member": member,
        "current": is_current(member),
        "mine": mine,
        "invited": invited,
        "due": claims.due_for(task, datetime.now(UTC)),
        "why": reasons(why.parts) if isinstance(why, matching.Suggestion) else [],
        "not_why": not_why,
        "task_statuses": TASK_STATUS,
        "error": "",
        **more,
    }


async def task_page(request: Request) -> Response:
    user = require_user(request)
    task = await claims.task_by_code(request.path_params["code"])
    return render(request, "volunteer/task.html", await task_context(user, task))


async def task_claim(request: Request) -> Response:
    user = require_user(request)
    task = await claims.task_by_code(request.path_params["code"])
    try:
        claim = await claims.claim(user, task, get_settings(), origin_of(request))
    except claims.TaskFull as full:
        context = {"task": task, "message": error_text(full)}
        return render(request, "volunteer/full.html", context, status=full.status)
    except DomainError as error:
        task = await claims.task_by_code(task.code)
        context = await task_context(user, task, error=error_text(error))
        return render(request, "volunteer/task.html", context, status=error.status)
    return RedirectResponse(f"/me/claims/{claim.code}?done=claimed", status_code=303)


routes = [
    Route("/me/member", member_page, methods=["GET"], name="my_member"),
    Route("/me/member", member_submit, methods=["POST"], name="my_member_submit"),
    Route("/me/member/reconfirm", reconfirm, methods=["POST"], name="my_member_reconfirm"),
    Route("/me/pledge", pledge_page, methods=["GET"], name="my_pledge"),
    Route("/me/pledge", pledge_submit, methods=["POST"], name="my_pledge_submit"),
    Route("/me/pledge/withdraw", pledge_withdraw, methods=["POST"], name="my_pledge_withdraw"),
    Route("/tasks/{code}", task_page, methods=["GET"], name="task"),
    Route("/tasks/{code}/claim", task_claim, methods=["POST"], name="task_claim"),
]
