"""A member's claims (start, give back, record the work with photos, say the resident was not
there), invitations, and the hours ledger with the service record."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from server.domain import (
    certificates,
    claim_completion,
    claims,
    feedback,
    hours,
    invitations,
    needs,
    photos,
)
from server.domain.errors import DomainError, NotFound, PermissionDenied
from server.i18n import N_
from server.models.accounts import User
from server.models.members import Claim, HoursEntry, HoursKind, Invitation
from server.models.needs import Need, Photo, PhotoStage
from server.settings import get as get_settings
from server.templating import render
from server.web.auth import origin_of, require_user
from server.web.forms import checked_form, form_fields
from server.web.volunteer import (
    TASK_STATUS,
    WORKING,
    done_message,
    error_text,
    member_of,
    reasons,
    task_context,
)

NO_CLAIM = N_("No claim has this code.")
NO_INVITATION = N_("No invitation has this code.")
DONE = {
    "claimed": N_("Claimed. Thank you! Below is what to do next."),
    "started": N_("Noted: the work has begun."),
    "returned": N_("You gave the task back; the centre has been told."),
    "completed": N_("Recorded. Thank you! What happens next is shown below."),
    "declined": N_("You declined; staff will ask someone else."),
    "no_show": N_("Noted: the task has gone back to the centre with what you wrote."),
}
CLAIM_STATUS = {
    "claimed": N_("Claimed"),
    "in_progress": N_("Under way"),
    "completed": N_("Recorded"),
    "confirmed": N_("Confirmed, waiting for staff to verify"),
    "disputed": N_("Not done yet, the resident says"),
    "verified": N_("Verified: hours credited"),
    "released": N_("Released: past due"),
    "returned": N_("Given back"),
}
INVITATION_STATUS = {
    "pending": N_("Waiting for your answer"),
    "accepted": N_("Accepted"),
    "declined": N_("Declined"),
    "expired": N_("Expired"),
}
VERIFICATION = {
    "staff": N_("verified by staff"),
    "resident+staff": N_("confirmed by the resident, verified by staff"),
    "auto_confirmed+staff": N_("confirmed automatically, verified by staff"),
    "correction": N_("corrected by staff"),
}
CLOCK_INPUT = "%Y-%m-%dT%H:%M"  # what <input type="datetime-local"> sends and shows


def local_input(instant: datetime | None, tz: ZoneInfo) -> str:
    return instant.astimezone(tz).strftime(CLOCK_INPUT) if instant else ""


def parse_local(raw: str, tz: ZoneInfo) -> datetime | None:
    """A datetime-local value read in the centre's zone, as UTC; None if missing or malformed."""
    try:
        value = datetime.fromisoformat(raw.strip())
    except ValueError:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=tz)).astimezone(UTC)


def _past(instant: datetime | None, now: datetime) -> bool:
    return instant is not None and instant <= now


# Claims ---------------------------------------------------------------------------------------


async def _my_claim(request: Request) -> tuple[User, Claim]:
    """The user's own claim; someone else's is "not found", so codes reveal nothing."""
    user = require_user(request)
    claim = await claims.claim_by_code(request.path_params["code"])
    try:
        claims.own(user, claim)
    except PermissionDenied:
        raise NotFound(NO_CLAIM) from None
    return user, claim


async def mine(request: Request) -> Response:
    user = require_user(request)
    rows = await claims.mine(user)
    waiting = await invitations.waiting(user)
    context = {
        "claims": rows,
        "working": WORKING,
        "invited": waiting,
        "statuses": CLAIM_STATUS,
        "member": await member_of(user),
    }
    return render(request, "volunteer/claims.html", context)


async def claim_context(request: Request, user: User, claim: Claim, **more: Any) -> dict[str, Any]:
    """The claim page: the task, what to do next, the need's private details through
    ``needs.show_private`` (which audits each showing), the evidence sent, the forms."""
    claim = await claims.fresh(claim)  # after an error, as it stands now
    task = claim.task
    await task.fetch_related("node")
    need = await Need.get_or_none(id=task.need_id) if task.need_id else None  # type: ignore[attr-defined]
    tz = ZoneInfo(task.centre.time_zone)
    evidence = await Photo.filter(claim_id=claim.id, stage=PhotoStage.EVIDENCE).order_by("id")
    now = datetime.now(UTC)  # the form starts from the task's own times once they are past
    began = claim.work_started_at or (task.starts_at if _past(task.starts_at, now) else None)
    ended = task.ends_at if _past(task.ends_at, now) else None
    context = {
        "claim": claim,
        "task": task,
        "need": need,
        "private": await needs.show_private(user, need, origin_of(request)) if need else False,
        "evidence": evidence,
        "statuses": CLAIM_STATUS,
        "working": claim.status.value in WORKING,
        "values": {"started_at": local_input(began, tz), "ended_at": local_input(ended, tz)},
        "now_input": local_input(now, tz),
        "fields": {},
        "error": "",
        "form": "",
        "photos_dropped": False,
        "max_photos": photos.MAX_PHOTOS,
        "done": done_message(request, DONE),
    }
    return {**context, **more}


async def show(request: Request) -> Response:
    user, claim = await _my_claim(request)
    return render(request, "volunteer/claim.html", await claim_context(request, user, claim))


async def _refused(
    request: Request, user: User, claim: Claim, error: DomainError, form: str, **more: Any
) -> Response:
    context = await claim_context(
        request, user, claim, fields=error.fields, error=error_text(error), form=form, **more
    )
    return render(request, "volunteer/claim.html", context, status=error.status)


async def start(request: Request) -> Response:
    user, claim = await _my_claim(request)
    try:
        await claims.start(user, claim, get_settings(), origin_of(request))
    except DomainError as error:
        return await _refused(request, user, claim, error, "start")
    return RedirectResponse(f"/me/claims/{claim.code}?done=started", status_code=303)


async def give_back(request: Request) -> Response:
    user, claim = await _my_claim(request)
    form = await form_fields(request)
    try:
        await claims.give_back(
            user, claim, form.get("reason", ""), get_settings(), origin_of(request)
        )
    except DomainError as error:
        values = {"reason": form.get("reason", "")}
        return await _refused(request, user, claim, error, "give_back", values=values)
    return RedirectResponse(f"/me/claims/{claim.code}?done=returned", status_code=303)


async def resident_no_show(request: Request) -> Response:
    """The resident was not there: the claim ends as given back, not held against the member."""
    user, claim = await _my_claim(request)
    form = await form_fields(request)
    comment = form.get("comment", "")
    try:
        await feedback.flag_resident_no_show(user, claim, comment, origin_of(request))
    except DomainError as error:
        values = {"comment": comment}
        return await _refused(request, user, claim, error, "no_show", values=values)
    return RedirectResponse(f"/me/claims/{claim.code}?done=no_show", status_code=303)


async def complete(request: Request) -> Response:
    user, claim = await _my_claim(request)
    tz = ZoneInfo(claim.task.centre.time_zone)
    form = await checked_form(request)
    values = {k: str(form.get(k, "")).strip() for k in ("note", "started_at", "ended_at")}
    files = [f for f in form.getlist(photos.FIELD) if isinstance(f, UploadFile)]
    try:
        uploads = await photos.read_uploads(files)
        await claim_completion.complete(
            user,
            claim,
            values["note"],
            parse_local(values["started_at"], tz),
            parse_local(values["ended_at"], tz),
            uploads,
            get_settings(),
            origin_of(request),
        )
    except DomainError as error:
        dropped = bool(files and any(f.filename for f in files))
        return await _refused(
            request, user, claim, error, "complete", values=values, photos_dropped=dropped
        )
    finally:
        await form.close()
    return RedirectResponse(f"/me/claims/{claim.code}?done=completed", status_code=303)


async def evidence_photo(request: Request) -> Response:
    """A photo the member sent with their record: only to them (staff see it on their pages)."""
    _, claim = await _my_claim(request)
    photo = await Photo.get_or_none(
        claim_id=claim.id, public_id=request.path_params["photo"], stage=PhotoStage.EVIDENCE
    )
    if photo is None:
        raise NotFound(photos.NOT_AVAILABLE)
    path = photos.open_original(photo, get_settings())
    return FileResponse(path, media_type="image/jpeg", headers={"Cache-Control": "private"})


# Invitations ----------------------------------------------------------------------------------


async def _my_invitation(request: Request) -> tuple[User, Invitation]:
    user = require_user(request)
    invitation = await invitations.by_code(request.path_params["code"])
    if invitation.member.user_id != user.id:  # type: ignore[attr-defined]
        raise NotFound(NO_INVITATION)
    return user, invitation


async def _invitation_page(
    request: Request, user: User, invitation: Invitation, status: int = 200, **more: Any
) -> Response:
    invitation = await invitations.by_code(invitation.code)
    task = await claims.task_by_code(invitation.task.code)
    context = await task_context(user, task)
    context |= {
        "invitation": invitation,
        "invited_why": reasons(invitation.score.get("parts", [])),
        "invitation_statuses": INVITATION_STATUS,
        "task_statuses": TASK_STATUS,
        "fields": {},
        "values": {},
        "done": done_message(request, DONE),
        **more,
    }
    return render(request, "volunteer/invitation.html", context, status=status)


async def invitation(request: Request) -> Response:
    user, found = await _my_invitation(request)
    return await _invitation_page(request, user, found)


async def accept(request: Request) -> Response:
    user, found = await _my_invitation(request)
    try:
        await invitations.answer(user, found, True, "", get_settings(), origin_of(request))
    except claims.TaskFull as full:
        context = {"task": found.task, "message": error_text(full)}
        return render(request, "volunteer/full.html", context, status=full.status)
    except DomainError as error:
        return await _invitation_page(request, user, found, error.status, error=error_text(error))
    taken = await Claim.get(
        task_id=found.task.id, member_id=found.member.id, active_key=found.member.id
    )
    return RedirectResponse(f"/me/claims/{taken.code}?done=claimed", status_code=303)


async def decline(request: Request) -> Response:
    user, found = await _my_invitation(request)
    form = await form_fields(request)
    reason = form.get("reason", "")
    try:
        await invitations.answer(user, found, False, reason, get_settings(), origin_of(request))
    except DomainError as error:
        return await _invitation_page(
            request,
            user,
            found,
            error.status,
            error=error_text(error),
            fields=error.fields,
            values={"reason": reason},
        )
    return RedirectResponse(f"/me/invitations/{found.code}?done=declined", status_code=303)


# Hours ----------------------------------------------------------------------------------------


def hours_text(value: Decimal, *, signed: bool = False) -> str:
    """2.50 -> "2.5"; a correction with its sign: "-0.5", "+1"."""
    text = f"{Decimal(value).normalize():f}"
    return f"+{text}" if signed and value > 0 else text


def _ledger(rows: list[HoursEntry]) -> list[dict[str, Any]]:
    """Each entry with the original a correction refers to, and what a corrected original
    counts now (from ``rows``, the member's whole ledger: no query per entry)."""
    by_id = {e.id: e for e in rows}
    corrected = {e.corrects_id for e in rows if e.corrects_id}  # type: ignore[attr-defined]
    effective = hours.effective_of(rows)
    ledger = []
    for e in rows:
        fix = e.kind == HoursKind.CORRECTION
        ledger.append(
            {
                "entry": e,
                "hours": hours_text(e.hours, signed=fix),
                "original": by_id.get(e.corrects_id) if fix else None,  # type: ignore[attr-defined]
                "effective": hours_text(effective[e.id]) if e.id in corrected else "",
            }
        )
    return ledger


async def my_hours(request: Request) -> Response:
    user = require_user(request)
    member = await member_of(user)
    rows = await hours.entries(member) if member else []
    credits = [e for e in rows if e.kind == HoursKind.CREDIT]
    context = {
        "member": member,
        "ledger": _ledger(rows),
        "total": hours_text(hours.total_of(rows)),
        "services": len(credits),
        "first": min((e.service_date for e in credits), default=None),
        "last": max((e.service_date for e in credits), default=None),
        "verification": VERIFICATION,
        "certificates": [
            (c, hours_text(c.total_hours))
            for c in (await certificates.certificates_of(member) if member else [])
        ],
    }
    return render(request, "volunteer/hours.html", context)


routes = [
    Route("/me/claims", mine, methods=["GET"], name="my_claims"),
    Route("/me/claims/{code}", show, methods=["GET"], name="my_claim"),
    Route("/me/claims/{code}/start", start, methods=["POST"], name="my_claim_start"),
    Route("/me/claims/{code}/give-back", give_back, methods=["POST"], name="my_claim_give_back"),
    Route("/me/claims/{code}/complete", complete, methods=["POST"], name="my_claim_complete"),
    Route("/me/claims/{code}/no-show", resident_no_show, methods=["POST"], name="my_claim_no_show"),
    Route(
        "/me/claims/{code}/photos/{photo}", evidence_photo, methods=["GET"], name="my_claim_photo"
    ),
    Route("/me/invitations/{code}", invitation, methods=["GET"], name="my_invitation"),
    Route("/me/invitations/{code}/accept", accept, methods=["POST"], name="my_invitation_accept"),
    Route(
        "/me/invitations/{code}/decline", decline, methods=["POST"], name="my_invitation_decline"
    ),
    Route("/me/hours", my_hours, methods=["GET"], name="my_hours"),
]
