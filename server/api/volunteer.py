"""API for members: tasks for me (with the reasons), claim one, record the work, my hours."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from server import i18n
from server.api.common import api_user, posted_form
from server.domain import claim_completion, claims, for_you, hours
from server.domain.errors import NotFound, PermissionDenied, ValidationFailed
from server.domain.match_scores import Suggestion
from server.i18n import N_
from server.models.accounts import User
from server.models.members import Claim, ClaimStatus, HoursEntry, Member, Skill, Task, TaskSkill
from server.models.needs import Photo, PhotoStage
from server.settings import get as get_settings
from server.web.auth import origin_of

DEFAULT_LIMIT, MAX_LIMIT = 20, 50
BAD_LIMIT = N_("Give the limit as a whole number from 1 to 50.")
BAD_TIME = N_("Give the time in ISO 8601 with its offset, e.g. 2026-12-05T09:00:00+08:00.")
NO_CLAIM = N_("No claim has this code.")  # the domain's words: another's claim is as unknown
NO_RECORD = N_("Only members who have reported in to a community have an hours record.")
TIMES = ("started_at", "ended_at")


def _time(value: datetime | None, zone: ZoneInfo) -> str | None:
    return value.astimezone(zone).isoformat() if value else None


def _hours(value: Decimal) -> str:
    return f"{Decimal(value).quantize(hours.CENTS):f}"


# Tasks for me -----------------------------------------------------------------------------------


def task_json(task: Task, skills: list[Skill]) -> dict[str, Any]:
    """What a member sees of a task; expects its centre and node fetched."""
    zone = ZoneInfo(task.centre.time_zone)
    return {
        "code": task.code,
        "title": task.title,
        "description": task.description,
        "source": task.source.value,
        "centre": task.centre.code,
        "centre_name": task.centre.name,
        "place": task.node.code,
        "place_name": task.node.name,
        "starts_at": _time(task.starts_at, zone),
        "ends_at": _time(task.ends_at, zone),
        "estimated_hours": f"{Decimal(task.estimated_hours):f}",
        "places_left": max(0, task.capacity - task.taken),
        "claim_days": task.claim_days,
        "skills": [{"code": s.code, "name": s.name, "name_en": s.name_en} for s in skills],
    }


async def _shown_tasks(ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """The tasks as task_json shows them: one query for the tasks, one for their skills."""
    ids = list(ids)
    skills: dict[int, list[Skill]] = defaultdict(list)
    for link in await TaskSkill.filter(task_id__in=ids).select_related("skill"):
        skills[link.task_id].append(link.skill)  # type: ignore[attr-defined]
    found = await Task.filter(id__in=ids).select_related("centre", "node")
    return {
        t.id: task_json(t, sorted(skills[t.id], key=lambda s: (s.sort_order, s.code)))
        for t in found
    }


def score_json(suggestion: Suggestion) -> dict[str, Any]:
    """The score and its parts, each reason in the caller's language beside its data."""
    parts = [
        {
            "name": part.name,
            "points": part.points,
            "reason": i18n.gettext(part.reason, **part.params),
            "params": part.params,
        }
        for part in suggestion.parts
    ]
    return {"total": suggestion.total, "parts": parts}


def _limit(raw: str | None) -> int:
    if raw is None or raw.strip() == "":
        return DEFAULT_LIMIT
    try:
        limit = int(raw)
    except ValueError:
        limit = 0
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationFailed(BAD_LIMIT, fields={"limit": BAD_LIMIT})
    return limit


async def for_me(request: Request) -> Response:
    """Open tasks for the caller, best first, with why each is suggested."""
    user = await api_user(request)
    limit = _limit(request.query_params.get("limit"))
    member = await claims.active_member(user, datetime.now(UTC), get_settings())
    found = await for_you.for_member(member, limit=limit)
    tasks = await _shown_tasks(s.task.id for s in found if s.task)
    items = [{"task": tasks[s.task.id], "score": score_json(s)} for s in found if s.task]
    return JSONResponse({"items": items})


# Claiming and recording the work ----------------------------------------------------------------


async def claim_json(claim: Claim) -> dict[str, Any]:
    """The claim as its member sees it; expects its task and the task's centre fetched."""
    zone = ZoneInfo(claim.task.centre.time_zone)
    evidence = await Photo.filter(claim_id=claim.id, stage=PhotoStage.EVIDENCE).order_by("id")
    released = claim.status == ClaimStatus.RELEASED  # the worker's reason is a msgid
    return {
        "code": claim.code,
        "status": claim.status.value,
        "task": claim.task.code,
        "task_title": claim.task.title,
        "claimed_at": _time(claim.claimed_at, zone),
        "due_at": _time(claim.due_at, zone),
        "work_started_at": _time(claim.work_started_at, zone),
        "work_ended_at": _time(claim.work_ended_at, zone),
        "completion_note": claim.completion_note,
        "completed_at": _time(claim.completed_at, zone),
        "confirmed_at": _time(claim.confirmed_at, zone),
        "auto_confirmed": claim.auto_confirmed,
        "dispute_reason": claim.dispute_reason,
        "verified_at": _time(claim.verified_at, zone),
        "ended_reason": i18n.gettext(claim.ended_reason) if released else claim.ended_reason,
        "photos": [{"id": p.public_id, "width": p.width, "height": p.height} for p in evidence],
    }


async def claim(request: Request) -> Response:
    user = await api_user(request)
    task = await claims.task_by_code(request.path_params["code"])
    taken = await claims.claim(user, task, get_settings(), origin_of(request, via="api"))
    return JSONResponse(await claim_json(taken), status_code=201)


async def own_claim(user: User, code: str) -> Claim:
    """The user's claim; someone else's is "not found", as a code that does not exist."""
    found = await claims.claim_by_code(code)
    if found.member.user_id != user.id:  # type: ignore[attr-defined]
        raise NotFound(NO_CLAIM)
    return found


def _times(values: dict[str, str]) -> dict[str, datetime | None]:
    """The start and end as aware datetimes (None when not given); a bad one is a 422."""
    found: dict[str, datetime | None] = {}
    wrong: dict[str, str] = {}
    for name in TIMES:
        raw = values.get(name, "").strip()
        try:
            found[name] = datetime.fromisoformat(raw) if raw else None
        except ValueError:
            found[name] = None
            wrong[name] = BAD_TIME
        value = found[name]
        if value is not None and value.utcoffset() is None:
            wrong[name] = BAD_TIME  # a time without its offset could be anywhere
    if wrong:
        raise ValidationFailed(BAD_TIME, fields=wrong)
    return found


async def complete(request: Request) -> Response:
    """Record what was done and when, with up to 6 evidence photos (multipart) or none (JSON)."""
    user = await api_user(request)
    mine = await own_claim(user, request.path_params["code"])
    values, uploads = await posted_form(request)
    times = _times(values)
    done = await claim_completion.complete(
        user,
        mine,
        values.get("note", ""),
        times["started_at"],
        times["ended_at"],
        uploads,
        get_settings(),
        origin_of(request, via="api"),
    )
    return JSONResponse(await claim_json(done))


# My hours ---------------------------------------------------------------------------------------


def entry_json(
    entry: HoursEntry, effective: Decimal, claim_code: str | None, zone: ZoneInfo
) -> dict[str, Any]:
    """One ledger entry; the verifier shown as a role, never a name."""
    verifier = entry.verified_by_id  # type: ignore[attr-defined]
    return {
        "id": entry.id,
        "date": entry.service_date.isoformat(),
        "hours": _hours(entry.hours),
        "kind": entry.kind.value,
        "corrects": entry.corrects_id,  # type: ignore[attr-defined]
        "effective": _hours(effective),
        "description": entry.description,
        "claim": claim_code,
        "verification": entry.verification,
        "verified_by": "staff" if verifier is not None else None,
        "recorded_at": _time(entry.created_at, zone),
    }


async def my_hours(request: Request) -> Response:
    """Every ledger entry of the caller and the total, which is their sum."""
    user = await api_user(request)
    member = await Member.get_or_none(user_id=user.id)
    if member is None:
        raise PermissionDenied(NO_RECORD)
    entries = await hours.entries(member)
    effective: dict[int, Decimal] = defaultdict(Decimal)
    for entry in entries:
        effective[hours.original_id(entry)] += Decimal(entry.hours)
    claim_ids = {e.claim_id for e in entries if e.claim_id}  # type: ignore[attr-defined]
    codes = dict(await Claim.filter(id__in=claim_ids).values_list("id", "code"))
    zone = get_settings().tz
    items = [
        entry_json(e, effective[hours.original_id(e)], codes.get(e.claim_id), zone)  # type: ignore[attr-defined]
        for e in entries
    ]
    # The total of the entries listed (hours.total's sum), so the answer always adds up.
    total = sum((Decimal(e.hours) for e in entries), Decimal(0))
    return JSONResponse({"total": _hours(total), "entries": items})


routes = [
    Route("/api/v1/tasks/for-me", for_me, methods=["GET"], name="api_tasks_for_me"),
    Route("/api/v1/tasks/{code}/claim", claim, methods=["POST"], name="api_task_claim"),
    Route("/api/v1/claims/{code}/complete", complete, methods=["POST"], name="api_claim_complete"),
    Route("/api/v1/me/hours", my_hours, methods=["GET"], name="api_my_hours"),
]
