"""A claim's recorded work, seen by the centre's staff: its evidence photos, verification (which
credits the hours, the recorded time unless staff say why), and recording that the member did
not come."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from server import i18n
from server.domain import claim_completion, claims, feedback, photos
from server.domain.errors import DomainError, NotFound
from server.i18n import N_
from server.models.accounts import User
from server.models.members import Claim, ClaimStatus, HoursEntry
from server.models.needs import Photo
from server.models.places import Centre
from server.settings import get as get_settings
from server.templating import render
from server.web.auth import origin_of, require_user
from server.web.forms import form_fields
from server.web.staff_volunteers import (
    CLAIM_STATUS,
    MEMBER_STATUS,
    NO_SHOW_STATUSES,
    centre_of,
    done_text,
)

# Claims: the recorded work, its photos, verification (hours credited) --------------------


async def _claim(request: Request, centre: Centre) -> Claim:
    claim = await claims.claim_by_code(request.path_params["code"])
    if claim.task.centre_id != centre.id:  # type: ignore[attr-defined]
        raise NotFound(N_("No claim has this code."))
    return claim


# A claim: the recorded work, its photos, verification -----------------------------------------


async def _claim_page(
    request: Request,
    centre: Centre,
    claim: Claim,
    *,
    fields: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    no_show_error: str = "",
    status: int = 200,
) -> Response:
    task = claim.task
    given = await feedback.on_claim(claim)
    ready = claim.status == ClaimStatus.CONFIRMED or (
        claim.status == ClaimStatus.COMPLETED and task.need_id is None  # type: ignore[attr-defined]
    )
    context = {
        "centre": centre,
        "claim": claim,
        "task": task,
        "member_user": await User.get(id=claim.member.user_id),  # type: ignore[attr-defined]
        "member_statuses": MEMBER_STATUS,
        "statuses": CLAIM_STATUS,
        "photos": await Photo.filter(claim_id=claim.id).order_by("id"),
        "entries": await HoursEntry.filter(claim_id=claim.id).order_by("id"),
        "ready": ready,
        "recorded": claim_completion.recorded_hours(claim),
        "feedback": given,
        "may_record_no_show": claim.status in NO_SHOW_STATUSES and "member_no_show" not in given,
        "no_show_error": no_show_error,
        "fields": fields or {},
        "values": values or {},
        "done": done_text(request),
    }
    return render(request, "staff/claim.html", context, status=status)


async def claim_page(request: Request) -> Response:
    centre = await centre_of(request)
    return await _claim_page(request, centre, await _claim(request, centre))


async def verify(request: Request) -> Response:
    """Verify the recorded work and credit its hours (the recorded time unless staff say why)."""
    user = require_user(request)
    centre = await centre_of(request)
    claim = await _claim(request, centre)
    form = await form_fields(request)
    try:
        await claim_completion.verify(
            user,
            claim,
            form.get("hours") or None,
            get_settings(),
            origin_of(request),
            note=form.get("note", ""),
        )
    except DomainError as error:
        fields = {k: i18n.gettext(v) for k, v in error.fields.items()} or {
            "form": i18n.gettext(error.message, **error.params)
        }
        claim = await claims.claim_by_code(claim.code)
        return await _claim_page(
            request, centre, claim, fields=fields, values=form, status=error.status
        )
    return RedirectResponse(f"/staff/{centre.code}/claims/{claim.code}?done=verified", 303)


async def member_no_show(request: Request) -> Response:
    """The member did not come: one no-show on their record; a claim still open is released."""
    user = require_user(request)
    centre = await centre_of(request)
    claim = await _claim(request, centre)
    form = await form_fields(request)
    try:
        await feedback.record_member_no_show(
            user, claim, form.get("comment", ""), origin_of(request)
        )
    except DomainError as error:
        fields = {k: i18n.gettext(v) for k, v in error.fields.items()}
        text = "" if fields else i18n.gettext(error.message, **error.params)
        claim = await claims.claim_by_code(claim.code)
        return await _claim_page(
            request,
            centre,
            claim,
            fields=fields,
            values=form,
            no_show_error=text,
            status=error.status,
        )
    return RedirectResponse(f"/staff/{centre.code}/claims/{claim.code}?done=no_show", 303)


async def _claim_photo(request: Request) -> Photo:
    """An evidence photo of a claim at this centre, for its staff (and admins above) only."""
    centre = await centre_of(request)
    claim = await _claim(request, centre)
    photo = await Photo.get_or_none(public_id=request.path_params["photo"], claim_id=claim.id)
    if photo is None:
        raise NotFound(photos.NOT_AVAILABLE)
    return photo


async def claim_photo(request: Request) -> Response:
    path = photos.open_original(await _claim_photo(request), get_settings())
    return FileResponse(path, media_type="image/jpeg", headers={"Cache-Control": "private"})


async def claim_thumb(request: Request) -> Response:
    path = photos.open_thumbnail(await _claim_photo(request), get_settings())
    return FileResponse(path, media_type="image/jpeg", headers={"Cache-Control": "private"})


routes = [
    Route("/staff/{centre}/claims/{code}", claim_page, methods=["GET"], name="staff_claim"),
    Route(
        "/staff/{centre}/claims/{code}/verify", verify, methods=["POST"], name="staff_claim_verify"
    ),
    Route(
        "/staff/{centre}/claims/{code}/no-show",
        member_no_show,
        methods=["POST"],
        name="staff_claim_no_show",
    ),
    Route(
        "/staff/{centre}/claims/{code}/photos/{photo}",
        claim_photo,
        methods=["GET"],
        name="staff_claim_photo",
    ),
    Route(
        "/staff/{centre}/claims/{code}/photos/{photo}/thumb",
        claim_thumb,
        methods=["GET"],
        name="staff_claim_thumb",
    ),
]
