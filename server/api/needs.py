"""API: post a need or small wish (with photos), list mine, read one, confirm, reopen, rate."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from tortoise.expressions import Q

from server.api.common import api_user, json_body, posted_form, text_of
from server.domain import directory, need_deadlines, need_posting, needs
from server.domain.codes import fits
from server.domain.errors import NotFound, ValidationFailed
from server.i18n import N_
from server.models.accounts import User
from server.models.needs import Need, NeedEvent, NeedStatus, Photo
from server.redis_client import get_redis
from server.settings import get as get_settings
from server.web.auth import origin_of

PAGE = 50
NO_NEED = N_("No need has this code.")
BAD_CURSOR = N_("Unknown cursor: start again from the first page.")
FIELDS = frozenset(
    {
        "kind",
        "category",
        "title",
        "description",
        "place",
        "address",
        "urgency",
        "preferred_time",
        "wish_item",
        "budget_cap",
        "on_behalf",
        "contact_name",
        "contact_phone",
    }
)
S = NeedStatus
# The centre's note on the need is public once it explains where the need stands.
REASON_SHOWN = frozenset({S.REJECTED, S.DUPLICATE, S.RESOLVED, S.REOPENED, S.CONFIRMED, S.CLOSED})


def _time(value: datetime | None, zone: ZoneInfo) -> str | None:
    return value.astimezone(zone).isoformat() if value else None


def need_summary(need: Need) -> dict[str, Any]:
    """What a list shows of a need; expects its centre, category and node fetched."""
    zone = ZoneInfo(need.centre.time_zone)
    category = need.category
    return {
        "code": need.code,
        "kind": need.kind.value,
        "status": need.status.value,
        "centre": need.centre.code,
        "centre_name": need.centre.name,
        "category": category.code if category else None,
        "category_name": category.name if category else "",
        "category_name_en": category.name_en if category else "",
        "title": need.title,
        "urgency": need.urgency.value,
        "place": need.node.code,
        "place_name": need.node.name,
        "created_at": _time(need.created_at, zone),
    }


def _actor(event: NeedEvent, need: Need) -> str:
    """Who acted, as a role: never a name or a phone."""
    actor_id = event.actor_id  # type: ignore[attr-defined]
    if actor_id is None:
        return "system"
    for label, holder in (
        ("requester", need.requester_id),  # type: ignore[attr-defined]
        ("poster", need.posted_by_id),  # type: ignore[attr-defined]
        ("assignee", need.assigned_to_id),  # type: ignore[attr-defined]
    ):
        if actor_id == holder:
            return label
    return "staff"


def _event(event: NeedEvent, need: Need, zone: ZoneInfo) -> dict[str, Any]:
    return {
        "action": event.action,
        "from": event.from_status or None,
        "to": event.to_status,
        "at": _time(event.created_at, zone),
        "note": event.note,
        "actor": _actor(event, need),
    }


def _photo(photo: Photo, need: Need, originals: bool) -> dict[str, Any]:
    url = f"{get_settings().public_base_url}/needs/{need.code}/photos/{photo.public_id}"
    return {
        "id": photo.public_id,
        "stage": photo.stage.value,
        "width": photo.width,
        "height": photo.height,
        "url": url if originals else None,
        "thumb_url": f"{url}/thumb" if photo.thumb_path else None,
    }


def _rating(need: Need, zone: ZoneInfo) -> dict[str, Any] | None:
    if need.rating is None:
        return None
    return {
        "value": need.rating.value,
        "comment": need.rating_comment,
        "at": _time(need.rated_at, zone),
    }


async def need_detail(request: Request, user: User, need: Need) -> dict[str, Any]:
    """The need as ``user`` may see it; a showing of the private fields is audited."""
    await need.fetch_related("node")
    zone = ZoneInfo(need.centre.time_zone)
    inner = await needs.may_see_original(user, need)
    body = need_summary(need) | {
        "description": need.description,
        "preferred_time": need.preferred_time,
        "wish_item": need.wish_item,
        "budget_cap": str(need.budget_cap) if need.budget_cap is not None else None,
        "assigned_department": need.assigned_department,
        "status_reason": need.status_reason if need.status in REASON_SHOWN else "",
        "deadlines": {
            "response_due": _time(need.response_due_at, zone),
            "resolution_due": _time(need.resolution_due_at, zone),
            "due": _time(need_deadlines.due_of(need), zone),
        },
        "rating": _rating(need, zone),
        "photos": [_photo(p, need, inner) for p in await needs.visible_photos(user, need)],
        "events": [_event(e, need, zone) for e in await needs.history(need)] if inner else [],
    }
    if await needs.show_private(user, need, origin_of(request, via="api")):
        body |= {
            "contact_name": need.contact_name,
            "contact_phone": need.contact_phone,
            "address": need.address_private,
        }
    return body


async def create(request: Request) -> Response:
    user = await api_user(request)
    values, uploads = await posted_form(request)
    centre = await directory.centre_by_code(values.get("centre", ""))
    settings = get_settings()
    need = await need_posting.post(
        user,
        centre,
        {k: v for k, v in values.items() if k in FIELDS},
        settings,
        origin_of(request, via="api"),
        get_redis(settings),
        uploads=uploads,
    )
    need = await needs.need_by_code(need.code)
    location = str(request.url_for("api_need", code=need.code))
    body = await need_detail(request, user, need)
    return JSONResponse(body, status_code=201, headers={"Location": location})


async def mine(request: Request) -> Response:
    """My needs, newest first, a page at a time: ``next`` is the cursor of the following page."""
    user = await api_user(request)
    found = Need.filter(Q(requester_id=user.id) | Q(posted_by_id=user.id))  # as needs.mine
    if cursor := request.query_params.get("cursor", "").strip().upper():
        last = await found.filter(code=cursor).first() if fits(Need, cursor) else None
        if last is None:
            raise ValidationFailed(BAD_CURSOR, fields={"cursor": BAD_CURSOR})
        found = found.filter(
            Q(created_at__lt=last.created_at) | Q(created_at=last.created_at, id__lt=last.id)
        )
    page = (
        await found.select_related("centre", "category", "node")
        .order_by("-created_at", "-id")
        .limit(PAGE + 1)
    )
    items = [need_summary(n) for n in page[:PAGE]]
    return JSONResponse({"items": items, "next": page[PAGE - 1].code if len(page) > PAGE else None})


async def _visible(user: User, code: str) -> Need:
    """The need if ``user`` may see it; otherwise "not found", so codes reveal nothing."""
    need = await needs.need_by_code(code)
    if not await needs.may_see_need(user, need):
        raise NotFound(NO_NEED)
    return need


async def read(request: Request) -> Response:
    user = await api_user(request)
    need = await _visible(user, request.path_params["code"])
    return JSONResponse(await need_detail(request, user, need))


async def _act(request: Request, action: str) -> Response:
    user = await api_user(request)
    need = await _visible(user, request.path_params["code"])
    body = await json_body(request) if await request.body() else {}
    need = await needs.act(
        user,
        need,
        action,
        get_settings(),
        origin_of(request, via="api"),
        note=text_of(body.get("note")),
    )
    return JSONResponse(await need_detail(request, user, need))


async def confirm(request: Request) -> Response:
    return await _act(request, "confirm")


async def reopen(request: Request) -> Response:
    return await _act(request, "reopen")


async def rate(request: Request) -> Response:
    user = await api_user(request)
    need = await _visible(user, request.path_params["code"])
    body = await json_body(request)
    need = await needs.rate(
        user,
        need,
        text_of(body.get("rating")),
        text_of(body.get("comment")),
        get_settings(),
        origin_of(request, via="api"),
    )
    return JSONResponse(await need_detail(request, user, need))


routes = [
    Route("/api/v1/needs", create, methods=["POST"], name="api_post_need"),
    Route("/api/v1/needs", mine, methods=["GET"], name="api_my_needs"),
    Route("/api/v1/needs/{code}", read, methods=["GET"], name="api_need"),
    Route("/api/v1/needs/{code}/confirm", confirm, methods=["POST"], name="api_need_confirm"),
    Route("/api/v1/needs/{code}/reopen", reopen, methods=["POST"], name="api_need_reopen"),
    Route("/api/v1/needs/{code}/rate", rate, methods=["POST"], name="api_need_rate"),
]
