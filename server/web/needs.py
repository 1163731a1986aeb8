"""Residents' needs and small wishes: post one with photos, follow it, confirm, reopen, rate
it and each volunteer's help; a centre's public list; photos served only to those allowed."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from server import i18n
from server.api.common import api_user
from server.domain import claim_completion, directory, feedback, need_posting, needs, photos
from server.domain.errors import DomainError, NotFound
from server.i18n import N_
from server.models.accounts import User
from server.models.members import Claim, ClaimStatus
from server.models.needs import Need, NeedKind, NeedStatus, Photo, Urgency
from server.models.places import Centre, Level, OrgNode
from server.redis_client import get_redis
from server.settings import get as get_settings
from server.templating import render
from server.web.auth import current_user, origin_of, require_user
from server.web.forms import checked_form, form_fields

NO_NEED = N_("No need has this code.")
DONE = {
    "new": N_("Thank you. Your need has been sent to the centre; you will hear back here."),
    "confirm": N_("Thank you for confirming. You can now rate how it was handled."),
    "reopen": N_("Reopened. The centre has been told it is not fixed yet."),
    "rate": N_("Thank you for your rating."),
    "help_rated": N_("Thank you for rating the volunteer's help."),
}
HELP_SCORES = {
    5: N_("5 — excellent"),
    4: N_("4 — good"),
    3: N_("3 — all right"),
    2: N_("2 — poor"),
    1: N_("1 — very poor"),
}


async def places_of(centre: Centre) -> list[OrgNode]:
    """The communities and grids a need to ``centre`` may be placed on, in tree order."""
    rows = await OrgNode.filter(
        path__startswith=centre.node_path, level__in=[Level.COMMUNITY, Level.GRID]
    ).order_by("path")
    return list(rows)


async def _form_context(
    request: Request, centre: Centre, user: User, values: dict[str, str]
) -> dict[str, Any]:
    categories = await need_posting.categories_for(centre)
    kind = values.get("kind") or NeedKind.NEED.value
    may_post_for_others = await need_posting.may_post_for_others(user, centre)
    return {
        "centre": centre,
        "categories": [c for c in categories if c.kind.value == kind],
        "kind": kind,
        "places": await places_of(centre),
        "urgencies": [u.value for u in Urgency],
        "values": values,
        "fields": {},
        "error": None,
        "for_others": may_post_for_others,
        "max_photos": photos.MAX_PHOTOS,
        "photos_dropped": False,
    }


async def new_page(request: Request) -> Response:
    user = require_user(request)
    centre = await directory.centre_by_code(request.path_params["code"])
    values = {"kind": request.query_params.get("kind", NeedKind.NEED.value)}
    if values["kind"] not in (NeedKind.NEED.value, NeedKind.SMALL_WISH.value):
        values["kind"] = NeedKind.NEED.value
    context = await _form_context(request, centre, user, values)
    return render(request, "needs/new.html", context)


async def new_submit(request: Request) -> Response:
    user = require_user(request)
    centre = await directory.centre_by_code(request.path_params["code"])
    form = await checked_form(request)
    values = {k: v.strip() for k, v in form.items() if isinstance(v, str)}
    files = [f for f in form.getlist(photos.FIELD) if isinstance(f, UploadFile)]
    try:
        uploads = await photos.read_uploads(files)
        need = await need_posting.post(
            user,
            centre,
            values,
            get_settings(),
            origin_of(request),
            get_redis(get_settings()),
            uploads=uploads,
        )
    except DomainError as error:
        context = await _form_context(request, centre, user, values)
        context["fields"] = error.fields
        context["error"] = i18n.gettext(error.message, **error.params)
        context["photos_dropped"] = bool(files)
        return render(request, "needs/new.html", context, status=error.status)
    finally:
        await form.close()
    return RedirectResponse(f"/needs/{need.code}?done=new", status_code=303)


async def mine(request: Request) -> Response:
    rows = await needs.mine(require_user(request))
    return render(request, "needs/mine.html", {"needs": rows})


async def _visible(request: Request) -> tuple[Need, User | None]:
    """The need if the asker may see it; otherwise "not found", so codes reveal nothing."""
    user = current_user(request)
    need = await needs.need_by_code(request.path_params["code"])
    if not await needs.may_see_need(user, need):
        raise NotFound(NO_NEED)
    return need, user


async def need_context(
    request: Request, need: Need, user: User | None, *, error: str = "", fields: Any = None
) -> dict[str, Any]:
    """What the need page shows this user (the staff page adds its actions)."""
    roles = await needs.roles_for(user, need)
    private = await needs.show_private(user, need, origin_of(request))
    await need.fetch_related("node")
    done = DONE.get(request.query_params.get("done", ""), "")
    originals = await needs.may_see_original(user, need)
    return {
        "need": need,
        "roles": roles,
        "private": private,
        "photos": await needs.visible_photos(user, need),
        "originals": originals,
        "events": await needs.history(need) if originals else [],
        "is_requester": needs.Actor.REQUESTER in roles,
        "ratings": ["satisfied", "basically_satisfied", "dissatisfied"],
        "help": await feedback.help_to_rate(user, need),
        "help_scores": HELP_SCORES,
        "help_claim": "",  # the claim whose rating form was refused, with its fields and values
        "done": i18n.gettext(done) if done else "",
        "error": error,
        "fields": fields or {},
        "values": {},
    }


async def show(request: Request) -> Response:
    need, user = await _visible(request)
    context = await need_context(request, need, user)
    return render(request, "needs/show.html", context)


async def _resident_action(request: Request, action: str) -> Response:
    user = require_user(request)
    need, _ = await _visible(request)
    form = await checked_form(request)
    values = {k: str(v).strip() for k, v in form.items() if isinstance(v, str)}
    try:
        if action == "rate":
            await needs.rate(
                user,
                need,
                values.get("rating", ""),
                values.get("comment", ""),
                get_settings(),
                origin_of(request),
            )
        else:
            await _confirm_or_reopen(user, need, action, values.get("note", ""), request)
    except DomainError as error:
        need = await needs.need_by_code(need.code)
        text = i18n.gettext(error.message, **error.params)
        fields = {("note" if k == "reason" else k): v for k, v in error.fields.items()}
        context = await need_context(request, need, user, error=text, fields=fields)
        context["values"] = values
        return render(request, "needs/show.html", context, status=error.status)
    return RedirectResponse(f"/needs/{need.code}?done={action}", status_code=303)


async def _confirm_or_reopen(
    user: User, need: Need, action: str, note: str, request: Request
) -> None:
    """When volunteers recorded the work, the answer goes to their claims (confirming credits
    them, reopening disputes them), which move the need too; otherwise to the need itself."""
    done = await Claim.filter(task__need_id=need.id, status=ClaimStatus.COMPLETED).order_by("id")
    if not done:
        await needs.act(user, need, action, get_settings(), origin_of(request), note=note)
        return
    for claim in done:
        if action == "confirm":
            await claim_completion.confirm(user, claim, get_settings(), origin_of(request))
        else:
            await claim_completion.dispute(user, claim, note, get_settings(), origin_of(request))


async def confirm(request: Request) -> Response:
    return await _resident_action(request, "confirm")


async def reopen(request: Request) -> Response:
    return await _resident_action(request, "reopen")


async def rate(request: Request) -> Response:
    return await _resident_action(request, "rate")


async def rate_help(request: Request) -> Response:
    """The requester rates one volunteer's confirmed work on the need, once per claim."""
    user = require_user(request)
    need, _ = await _visible(request)
    claim = await feedback.claim_on(need, request.path_params["claim"])
    form = await form_fields(request)
    score, comment = form.get("score", ""), form.get("comment", "")
    try:
        await feedback.rate_help(user, claim, score, comment, origin_of(request))
    except DomainError as error:
        need = await needs.need_by_code(need.code)
        text = i18n.gettext(error.message, **error.params)
        context = await need_context(request, need, user, error=text, fields=error.fields)
        context["help_claim"] = claim.code
        context["values"] = {"help_score": score, "help_comment": comment}
        return render(request, "needs/show.html", context, status=error.status)
    return RedirectResponse(f"/needs/{need.code}?done=help_rated#help-{claim.code}", 303)


async def _photo(request: Request) -> tuple[Need, Photo, User | None]:
    """The photo, if the asker may see it: a browser's session, or an API client's bearer token
    (the JSON API links to these same addresses)."""
    if current_user(request) is None and request.headers.get("authorization"):
        request.scope["user"] = await api_user(request)
    need, user = await _visible(request)
    wanted = request.path_params["photo"]
    photo = next((p for p in await needs.visible_photos(user, need) if p.public_id == wanted), None)
    if photo is None:
        raise NotFound(photos.NOT_AVAILABLE)
    return need, photo, user


async def photo_original(request: Request) -> Response:
    """The full photo: only for those who may see the need privately (never public lists)."""
    need, photo, user = await _photo(request)
    if not await needs.may_see_original(user, need):
        raise NotFound(photos.NOT_AVAILABLE)
    path = photos.open_original(photo, get_settings())
    return FileResponse(path, media_type="image/jpeg", headers={"Cache-Control": "private"})


async def photo_thumb(request: Request) -> Response:
    need, photo, _ = await _photo(request)
    path = photos.open_thumbnail(photo, get_settings())
    # Approved photos of public needs are public; the rest only to those allowed: private.
    cache = "public, max-age=3600" if photo.approved and needs.is_public(need) else "private"
    return FileResponse(path, media_type="image/jpeg", headers={"Cache-Control": cache})


PUBLIC_LIMIT = 50


async def centre_list(request: Request) -> Response:
    """A centre's public needs and small wishes: no personal data, only approved photos."""
    centre = await directory.centre_by_code(request.path_params["code"])
    rows = (
        await Need.filter(centre_id=centre.id, status__in=list(needs.PUBLIC), unreasonable=False)
        .select_related("category", "node")
        .order_by("-created_at", "-id")
        .limit(PUBLIC_LIMIT)
    )
    shown = await Photo.filter(
        need_id__in=[n.id for n in rows], approved=True, thumb_path__not=""
    ).order_by("id")
    thumbs: dict[int, list[Photo]] = {}
    for photo in shown:
        thumbs.setdefault(photo.need_id, []).append(photo)  # type: ignore[attr-defined]
    context = {
        "centre": centre,
        "needs": rows,
        "thumbs": thumbs,
        "open_statuses": {NeedStatus.OPEN_FOR_CLAIM.value},
    }
    return render(request, "needs/centre.html", context)


routes = [
    Route("/centres/{code}/needs", centre_list, methods=["GET"], name="centre_needs"),
    Route("/centres/{code}/needs/new", new_page, methods=["GET"], name="need_new"),
    Route("/centres/{code}/needs/new", new_submit, methods=["POST"], name="need_submit"),
    Route("/needs", mine, methods=["GET"], name="my_needs"),
    Route("/needs/{code}", show, methods=["GET"], name="need"),
    Route("/needs/{code}/confirm", confirm, methods=["POST"], name="need_confirm"),
    Route("/needs/{code}/reopen", reopen, methods=["POST"], name="need_reopen"),
    Route("/needs/{code}/rate", rate, methods=["POST"], name="need_rate"),
    Route("/needs/{code}/claims/{claim}/rate", rate_help, methods=["POST"], name="need_rate_help"),
    Route("/needs/{code}/photos/{photo}", photo_original, methods=["GET"], name="need_photo"),
    Route("/needs/{code}/photos/{photo}/thumb", photo_thumb, methods=["GET"], name="need_thumb"),
]
