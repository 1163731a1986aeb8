"""Staff and admins triage a centre's needs: the board, bulk actions with a preview, one need
with every step it can take next, photos shown publicly or kept private."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import i18n
from server.domain import (
    counter,
    need_board,
    need_metrics,
    need_posting,
    need_tasks,
    needs,
    photos,
)
from server.domain.errors import DomainError, NotFound, ValidationFailed
from server.i18n import N_
from server.models.members import Skill, Task
from server.models.needs import Need, NeedKind, Urgency
from server.models.places import Centre
from server.settings import get as get_settings
from server.templating import render
from server.web.auth import origin_of, require_user
from server.web.forms import checked_form, form_fields
from server.web.needs import NO_NEED, need_context, places_of

DONE = {
    "accept": N_("Accepted: the resident has been told."),
    "reject": N_("Not taken up: the resident has been told why."),
    "duplicate": N_("Marked as already reported: the resident has been told."),
    "assign": N_("Assigned."),
    "publish": N_("Opened to volunteers."),
    "start": N_("Marked as in progress."),
    "resolve": N_("Resolved: the resident has been asked to confirm."),
    "close": N_("Closed."),
    "unreasonable": N_("Marked unreasonable: it no longer counts in the rates."),
    "photo": N_("Photo setting saved."),
}


async def _centre(request: Request) -> Centre:
    return await counter.require_counter(require_user(request), request.path_params["centre"])


def _query(request: Request) -> dict[str, str]:
    return {k: v.strip() for k, v in request.query_params.items()}


async def _board_context(request: Request, centre: Centre, raw: dict[str, str]) -> dict[str, Any]:
    filters = need_board.Filters.of(raw)
    now = datetime.now(UTC)
    found = await need_board.board(
        centre, require_user(request), raw.get("tab", "new"), filters, now
    )
    return {
        "centre": centre,
        "board": found,
        "filters": filters,
        "now": now,
        "late": {n.code for n in found.rows if need_board.is_late(n, now)},
        "categories": await need_posting.categories_for(centre),
        "places": await places_of(centre),
        "urgencies": [u.value for u in Urgency],
        "kinds": [k.value for k in NeedKind],
        "assignees": await need_board.assignees(centre),
        "bulk_actions": need_board.BULK_ACTIONS,
        "query": urlencode({k: v for k, v in raw.items() if k != "tab" and v}),
        "done": "",
        "error": "",
        "preview": None,
        "result": None,
        "months": [],
        "chosen": set(),
    }


async def month_rates(centre: Centre, now: datetime) -> list[tuple[str, need_metrics.Rates]]:
    """The centre's three rates this month so far and last month, as of now."""
    local = now.astimezone(ZoneInfo(centre.time_zone))
    this = (local.year, local.month)
    last = need_metrics.previous_month(*this)
    shown = []
    for year, month in (this, last):
        start, end = need_metrics.month_window(year, month, centre.time_zone)
        figures = await need_metrics.rates(start=start, end=end, at=now, centre_id=centre.id)
        shown.append((f"{year}-{month:02d}", figures))
    return shown


async def board_page(request: Request) -> Response:
    centre = await _centre(request)
    context = await _board_context(request, centre, _query(request))
    if request.headers.get("HX-Request") != "true":  # the panel is outside the board fragment
        context["months"] = await month_rates(centre, context["now"])
    return render(request, "staff/needs.html", context, block="board")


async def bulk(request: Request) -> Response:
    """Preview a bulk action (step one) or run exactly what was previewed (``confirm=1``)."""
    user = require_user(request)
    centre = await _centre(request)
    form = await checked_form(request)
    raw = {k: v.strip() for k, v in form.items() if isinstance(v, str)}
    codes = [str(c) for c in form.getlist("need")]
    context = await _board_context(request, centre, raw)
    status = 200
    try:
        if raw.get("confirm") == "1":
            result = await need_board.apply(
                user,
                centre,
                codes,
                raw.get("action", ""),
                get_settings(),
                origin_of(request),
                assignee=raw.get("assignee", ""),
                department=raw.get("department", ""),
            )
            context = await _board_context(request, centre, raw)  # the board after the change
            context["result"] = result
        else:
            context["preview"] = await need_board.preview(
                user,
                centre,
                codes,
                raw.get("action", ""),
                assignee=raw.get("assignee", ""),
                department=raw.get("department", ""),
            )
    except DomainError as error:
        context["error"] = i18n.gettext(error.message, **error.params)
        status = error.status
    context["form"] = raw
    if context["preview"] is not None or context["error"]:  # the ticks stay while deciding
        context["chosen"] = {c.strip().upper() for c in codes}
    return render(request, "staff/needs.html", context, block="board", status=status)


async def _need(request: Request, centre: Centre) -> Need:
    need = await needs.need_by_code(request.path_params["code"])
    if need.centre_id != centre.id:  # type: ignore[attr-defined]
        raise NotFound(NO_NEED)
    return need


async def _need_page(
    request: Request,
    centre: Centre,
    need: Need,
    *,
    error: str = "",
    fields: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    user = require_user(request)
    context = await need_context(request, need, user, error=error, fields=fields)
    await need.fetch_related("assigned_to", "duplicate_of")
    roles = context["roles"]
    possible = [
        name
        for name, t in needs.TRANSITIONS.items()
        if need.status in t.sources and t.actors & roles and needs.Actor.REQUESTER not in t.actors
    ]
    done = DONE.get(request.query_params.get("done", ""), "")
    context.update(
        centre=centre,
        possible=possible,
        assignees=await need_board.assignees(centre),
        values=values or {},
        done=i18n.gettext(done) if done else "",
        late=need_board.is_late(need, datetime.now(UTC)),
        max_photos=photos.MAX_PHOTOS,
        skills=await Skill.all().order_by("sort_order", "name"),
        tasks=await Task.filter(need_id=need.id).order_by("-id"),
    )
    return render(request, "staff/need.html", context, status=status)


async def need_page(request: Request) -> Response:
    centre = await _centre(request)
    return await _need_page(request, centre, await _need(request, centre))


async def act(request: Request) -> Response:
    """One step of one need; "resolve" may carry photos of the fix (multipart)."""
    user = require_user(request)
    centre = await _centre(request)
    need = await _need(request, centre)
    form = await checked_form(request)
    values = {k: v.strip() for k, v in form.items() if isinstance(v, str)}
    files = [f for f in form.getlist(photos.FIELD) if isinstance(f, UploadFile)]
    action = values.get("action", "")
    try:
        uploads = await photos.read_uploads(files)
        if action == "unreasonable":
            await needs.mark_unreasonable(user, need, values.get("note", ""), origin_of(request))
        else:
            duplicate_of = None
            if action == "duplicate" and values.get("duplicate_of"):
                try:
                    duplicate_of = await needs.need_by_code(values["duplicate_of"])
                except NotFound:
                    duplicate_of = None
            await needs.act(
                user,
                need,
                action,
                get_settings(),
                origin_of(request),
                note=values.get("note", ""),
                assignee=await need_board.assignee_by(centre, values.get("assignee", "")),
                department=values.get("department", ""),
                duplicate_of=duplicate_of,
                uploads=uploads,
                task=await _task_spec(centre, form) if action == "publish" else None,
            )
    except DomainError as error:
        need = await needs.need_by_code(need.code)
        text = i18n.gettext(error.message, **error.params)
        return await _need_page(
            request,
            centre,
            need,
            error=text,
            fields={f"{action}-{k}": v for k, v in error.fields.items()},
            values={f"{action}-{k}": v for k, v in values.items()},
            status=error.status,
        )
    finally:
        await form.close()
    return RedirectResponse(
        f"/staff/{centre.code}/needs/{need.code}?done={action}", status_code=303
    )


async def _task_spec(centre: Centre, form: FormData) -> need_tasks.TaskSpec:
    """The skills and time staff give when opening a need to volunteers (all optional)."""
    codes = [str(c) for c in form.getlist("skills")]
    skills = await Skill.filter(code__in=codes) if codes else []
    day, start, end = (
        str(form.get(k, "")).strip() for k in ("task_date", "task_start", "task_end")
    )
    if not (day or start or end):
        return need_tasks.TaskSpec(skills=skills)
    zone = ZoneInfo(centre.time_zone)
    try:
        starts = datetime.fromisoformat(f"{day}T{start}").replace(tzinfo=zone)
        ends = datetime.fromisoformat(f"{day}T{end}").replace(tzinfo=zone)
    except ValueError:
        message = N_("Give the date and the start and end times, e.g. 2026-12-05, 09:00, 11:00.")
        raise ValidationFailed(message, fields={"task_time": message}) from None
    return need_tasks.TaskSpec(
        skills=skills, starts_at=starts.astimezone(UTC), ends_at=ends.astimezone(UTC)
    )


async def photo(request: Request) -> Response:
    user = require_user(request)
    centre = await _centre(request)
    need = await _need(request, centre)
    form = await form_fields(request)
    await needs.set_photo_approved(
        user, need, request.path_params["photo"], form.get("approved") == "1", origin_of(request)
    )
    return RedirectResponse(f"/staff/{centre.code}/needs/{need.code}?done=photo", status_code=303)


routes = [
    Route("/staff/{centre}/needs", board_page, methods=["GET"], name="staff_needs"),
    Route("/staff/{centre}/needs/bulk", bulk, methods=["POST"], name="staff_needs_bulk"),
    Route("/staff/{centre}/needs/{code}", need_page, methods=["GET"], name="staff_need"),
    Route("/staff/{centre}/needs/{code}/act", act, methods=["POST"], name="staff_need_act"),
    Route(
        "/staff/{centre}/needs/{code}/photos/{photo}",
        photo,
        methods=["POST"],
        name="staff_need_photo",
    ),
]
