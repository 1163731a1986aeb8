"""Centre staff and volunteer work on offer: the centre's tasks and the claims waiting to be
verified, one task's ranked candidates (with why) and the invitations sent, and the centre's
pledge projects with their sessions. A claim's own page is in ``staff_volunteers``."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from tortoise.expressions import Q
from tortoise.functions import Count

from server import i18n
from server.domain import claim_completion, claims, counter, invitations, matching, projects
from server.domain.errors import DomainError, NotFound, ValidationFailed
from server.domain.slots import at_local
from server.i18n import N_
from server.models.accounts import User
from server.models.members import (
    Claim,
    ClaimStatus,
    Invitation,
    InvitationStatus,
    Member,
    Project,
    Skill,
    Task,
    TaskSkill,
    TaskStatus,
)
from server.models.needs import Need
from server.models.places import Centre
from server.settings import get as get_settings
from server.templating import render
from server.web.auth import origin_of, require_user
from server.web.forms import checked_form, form_fields
from server.web.needs import places_of
from server.web.staff_volunteers import CLAIM_STATUS

TABS = ("open", "full", "done", "verify")
LIMIT = 100
TASK_STATUS = {
    "open": N_("Open for volunteers"),
    "full": N_("All places taken"),
    "done": N_("Finished"),
    "cancelled": N_("Cancelled"),
}
TASK_SOURCE = {
    "need": N_("Need"),
    "small_wish": N_("Small wish"),
    "project": N_("Pledge project"),
    "other": N_("Other"),
}
INVITATION_STATUS = {
    "pending": N_("No answer yet"),
    "accepted": N_("Accepted and claimed"),
    "declined": N_("Declined"),
    "expired": N_("Expired"),
}
DONE = {
    "published": N_("Project published. Now add its sessions."),
    "slot": N_("Session added: members can sign up for it."),
}
NO_PROJECT = N_("This centre has no project with this code.")
GONE = N_("Someone you chose is no longer a member here; reload the page and choose again.")
NOT_INVITED = N_("Nobody was invited. %(member)s: %(reason)s")


async def _centre(request: Request) -> Centre:
    return await counter.require_counter(require_user(request), request.path_params["centre"])


def _done(request: Request) -> str:
    key = request.query_params.get("done", "")
    if key == "invited":
        count = _whole(request.query_params.get("count", "")) or 0
        return i18n.ngettext(
            "%(num)d member invited: each has been sent the task and why it fits them.",
            "%(num)d members invited: each has been sent the task and why it fits them.",
            count,
        ) % {"num": count}
    return i18n.gettext(DONE[key]) if key in DONE else ""


def _whole(text: str) -> int | None:
    """A small whole number written in ASCII digits, else None."""
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 6 else None


def _text(error: DomainError) -> str:
    return i18n.gettext(error.message, **error.params)


async def _task(request: Request, centre: Centre) -> Task:
    task = await claims.task_by_code(request.path_params["code"])
    if task.centre_id != centre.id:  # type: ignore[attr-defined]
        raise NotFound(N_("No task has this code."))
    return task


# The centre's tasks and the claims waiting for staff -----------------------------------------


def waiting(centre: Centre) -> Any:
    """Claims staff may verify now: confirmed ones, and recorded work on tasks without a need."""
    ready = Q(status=ClaimStatus.CONFIRMED) | Q(
        status=ClaimStatus.COMPLETED, task__need_id__isnull=True
    )
    return Claim.filter(ready, task__centre_id=centre.id)


async def _task_counts(centre: Centre) -> dict[str, int]:
    """The centre's tasks per status tab, in one grouped query."""
    found = Task.filter(centre_id=centre.id, status__in=TABS[:3]).annotate(n=Count("id"))
    per_status = await found.group_by("status").values_list("status", "n")
    return {**dict.fromkeys(TABS[:3], 0), **{str(s): n for s, n in per_status}}


async def tasks_page(request: Request) -> Response:
    centre = await _centre(request)
    tab = request.query_params.get("tab", "open")
    tab = tab if tab in TABS else "open"
    counts = await _task_counts(centre)
    counts["verify"] = await waiting(centre).count()
    claims_ready: list[Claim] = []
    tasks: list[Task] = []
    if tab == "verify":
        claims_ready = (
            await waiting(centre).select_related("task", "member").order_by("completed_at")
        )
    else:
        found = Task.filter(centre_id=centre.id, status=tab).select_related("node", "project")
        tasks = await found.order_by("-created_at", "-id").limit(LIMIT)
    context = {
        "centre": centre,
        "tab": tab,
        "rows": claims_ready or tasks,
        "counts": counts,
        "sources": TASK_SOURCE,
        "recorded": {c.code: claim_completion.recorded_hours(c) for c in claims_ready},
    }
    return render(request, "staff/tasks.html", context, block="board")


# One task: its claims, candidates and invitations --------------------------------------------


async def _task_page(
    request: Request,
    task: Task,
    *,
    error: str = "",
    chosen: set[str] | None = None,
    status: int = 200,
) -> Response:
    centre = task.centre
    room = task.status == TaskStatus.OPEN and task.taken < task.capacity
    found = await matching.candidates_for(task) if room else []
    ids = [s.member.user_id for s in found if s.member]  # type: ignore[attr-defined]
    users = {u.id: u.public_id for u in await User.filter(id__in=ids)}
    sent = await Invitation.filter(task_id=task.id).select_related("member").order_by("-id")
    if chosen is None:  # the best for the places no claim or open invitation covers yet
        asked = sum(1 for i in sent if i.status == InvitationStatus.PENDING)
        chosen = {users[i] for i in ids[: max(0, task.capacity - task.taken - asked)]}
    context = {
        "centre": centre,
        "task": task,
        "need": await Need.get_or_none(id=task.need_id) if task.need_id else None,  # type: ignore[attr-defined]
        "room": room,
        "skills": await TaskSkill.filter(task_id=task.id).select_related("skill"),
        "claims": await Claim.filter(task_id=task.id)
        .select_related("member", "member__user")
        .order_by("claimed_at", "id"),
        "invitations": sent,
        "candidates": [(s, users[s.member.user_id]) for s in found if s.member],  # type: ignore[attr-defined]
        "chosen": chosen,
        "error": error,
        "done": _done(request),
        "sources": TASK_SOURCE,
        "task_statuses": TASK_STATUS,
        "statuses": CLAIM_STATUS,
        "invitation_statuses": INVITATION_STATUS,
    }
    return render(request, "staff/tasks_detail.html", context, block="candidates", status=status)


async def task_page(request: Request) -> Response:
    centre = await _centre(request)
    return await _task_page(request, await _task(request, centre))


async def invite(request: Request) -> Response:
    """Invite the ticked candidates (by their public ids), all or none."""
    user = require_user(request)
    centre = await _centre(request)
    task = await _task(request, centre)
    form = await checked_form(request)
    ids = list(dict.fromkeys(str(v).strip() for v in form.getlist("member")))  # ranked order
    many = len(ids) > invitations.MAX_AT_ONCE
    rows = [] if many else await Member.filter(user__public_id__in=ids).select_related("user")
    found = {m.user.public_id: m for m in rows}
    try:
        if many:
            raise ValidationFailed(N_("Choose from 1 to 20 members to invite."))
        if len(found) != len(ids):
            raise ValidationFailed(GONE)
        chosen = [found[i] for i in ids]
        await invitations.invite(user, task, chosen, get_settings(), origin_of(request))
    except DomainError as error:
        text = _text(error)
        if "member" in error.params:  # the round is all or none: say who stopped it, and why
            text = i18n.gettext(NOT_INVITED, member=error.params["member"], reason=text)
        task = await claims.task_by_code(task.code)
        return await _task_page(request, task, error=text, chosen=set(ids), status=error.status)
    target = f"/staff/{centre.code}/tasks/{task.code}"
    return RedirectResponse(f"{target}?done=invited&count={len(ids)}", status_code=303)


# Pledge projects and their sessions -----------------------------------------------------------


async def projects_page(
    request: Request,
    *,
    fields: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    centre = await _centre(request)
    rows = await Project.filter(centre_id=centre.id).select_related("node")
    sessions = Counter(
        await Task.filter(project_id__in=[p.id for p in rows]).values_list("project_id", flat=True)
    )
    context = {
        "centre": centre,
        "projects": sorted(rows, key=lambda p: (not p.is_active, -p.id)),
        "sessions": sessions,
        "places": await places_of(centre),
        "fields": fields or {},
        "values": values or {"place": ""},
    }
    return render(request, "staff/projects.html", context, status=status)


async def publish(request: Request) -> Response:
    centre = await _centre(request)
    form = await form_fields(request)
    try:
        project = await projects.publish_project(
            require_user(request), centre, form, origin_of(request)
        )
    except DomainError as error:
        fields = error.fields or {"title": error.message}
        return await projects_page(request, fields=fields, values=form, status=error.status)
    target = f"/staff/{centre.code}/projects/{project.code}?done=published"
    return RedirectResponse(target, status_code=303)


async def _project(request: Request, centre: Centre) -> Project:
    code = request.path_params["code"].strip().upper()
    project = await Project.get_or_none(code=code, centre_id=centre.id).select_related("node")
    if project is None:
        raise NotFound(NO_PROJECT)
    return project


async def _project_page(
    request: Request,
    centre: Centre,
    project: Project,
    *,
    fields: dict[str, str] | None = None,
    values: dict[str, Any] | None = None,
    status: int = 200,
) -> Response:
    slots = await Task.filter(project_id=project.id).order_by("starts_at", "id")
    links = await TaskSkill.filter(task_id__in=[s.id for s in slots]).select_related("skill")
    slot_skills: dict[int, list[Skill]] = {}
    for link in links:
        slot_skills.setdefault(link.task_id, []).append(link.skill)  # type: ignore[attr-defined]
    context = {
        "centre": centre,
        "project": project,
        "slots": slots,
        "slot_skills": slot_skills,
        "skills": await Skill.all().order_by("sort_order", "code"),
        "task_statuses": TASK_STATUS,
        "fields": fields or {},
        "values": values or {"capacity": "1", "skills": []},
        "done": _done(request),
    }
    return render(request, "staff/projects_detail.html", context, status=status)


async def project_page(request: Request) -> Response:
    centre = await _centre(request)
    return await _project_page(request, centre, await _project(request, centre))


def _clock(text: str) -> int | None:
    """Minutes after midnight of "HH:MM" (up to 24:00), as time inputs send it; else None."""
    text = text.strip()
    hour, minute = _whole(text[:2]), _whole(text[3:])
    if len(text) != 5 or text[2] != ":" or hour is None or minute is None or minute > 59:
        return None
    return hour * 60 + minute if hour * 60 + minute <= 24 * 60 else None


def _session(form: dict[str, str], tz: str) -> tuple[Any, Any, int]:
    """The session's start and end (UTC) and places, from the form's date, times and places."""
    fields: dict[str, str] = {}
    try:
        day = date.fromisoformat(form.get("date", ""))
    except ValueError:
        fields["date"] = N_("Choose the session's date.")
    start, end = _clock(form.get("start", "")), _clock(form.get("end", ""))
    if start is None:
        fields["start"] = N_("Give the time as HH:MM, e.g. 09:00.")
    if end is None:
        fields["end"] = N_("Give the time as HH:MM, e.g. 09:00.")
    places = _whole(form.get("capacity", ""))
    if places is None:
        fields["capacity"] = N_("Places: a whole number from 1 to 200.")
    if fields:
        raise ValidationFailed(N_("Please correct the marked fields."), fields=fields)
    assert start is not None and end is not None and places is not None
    return at_local(day, start, tz), at_local(day, end, tz), places


async def add_slot(request: Request) -> Response:
    user = require_user(request)
    centre = await _centre(request)
    project = await _project(request, centre)
    form = await checked_form(request)
    values: dict[str, Any] = {k: v.strip() for k, v in form.items() if isinstance(v, str)}
    values["skills"] = [str(s) for s in form.getlist("skills")]
    try:
        starts_at, ends_at, places = _session(values, centre.time_zone)
        await projects.add_slot(
            user,
            project,
            starts_at,
            ends_at,
            places,
            origin_of(request),
            skills=values["skills"],
        )
    except DomainError as error:
        named = {"starts_at": "start", "ends_at": "end"}  # the domain's names, the form's
        fields = {named.get(k, k): v for k, v in error.fields.items()} or {"date": error.message}
        return await _project_page(
            request, centre, project, fields=fields, values=values, status=error.status
        )
    target = f"/staff/{centre.code}/projects/{project.code}?done=slot"
    return RedirectResponse(target, status_code=303)


routes = [
    Route("/staff/{centre}/tasks", tasks_page, methods=["GET"], name="staff_tasks"),
    Route("/staff/{centre}/tasks/{code}", task_page, methods=["GET"], name="staff_task"),
    Route(
        "/staff/{centre}/tasks/{code}/invite", invite, methods=["POST"], name="staff_task_invite"
    ),
    Route("/staff/{centre}/projects", projects_page, methods=["GET"], name="staff_projects"),
    Route("/staff/{centre}/projects", publish, methods=["POST"], name="staff_project_publish"),
    Route("/staff/{centre}/projects/{code}", project_page, methods=["GET"], name="staff_project"),
    Route(
        "/staff/{centre}/projects/{code}/slots",
        add_slot,
        methods=["POST"],
        name="staff_project_slot",
    ),
]
