"""Staff at the counter: the day's bookings, check-in by typed or scanned code, walk-ins, notes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import i18n
from server.domain import counter
from server.domain.errors import DomainError, NotFound
from server.models.bookings import BookingStatus
from server.models.places import Centre, Service
from server.templating import render
from server.web.auth import origin_of, require_user
from server.web.forms import form_fields


async def home(request: Request) -> Response:
    centres = await counter.centres_of(require_user(request))
    if len(centres) == 1:
        return RedirectResponse(f"/staff/{centres[0].code}", status_code=303)
    return render(request, "staff/index.html", {"centres": centres})


def _day(request: Request, centre: Centre) -> date:
    try:
        return date.fromisoformat(request.query_params.get("date", ""))
    except ValueError:
        return datetime.now(UTC).astimezone(ZoneInfo(centre.time_zone)).date()


async def _page(
    request: Request,
    centre: Centre,
    day: date,
    *,
    message: str = "",
    error: str = "",
    status: int = 200,
) -> Response:
    groups = await counter.day_list(centre, day)
    services = await Service.filter(centre_id=centre.id, is_active=True).order_by(
        "sort_order", "name"
    )
    context = {
        "centre": centre,
        "day": day,
        "groups": groups,
        "services": services,
        "message": message,
        "error": error,
        "today": _day(request, centre) == day,
        "calendar_known": counter.calendar_known(day),
    }
    return render(request, "staff/day.html", context, status=status, block="counter")


async def day_view(request: Request) -> Response:
    centre = await counter.require_counter(require_user(request), request.path_params["centre"])
    return await _page(request, centre, _day(request, centre))


async def _act(request: Request, action) -> Response:  # type: ignore[no-untyped-def]
    """Run one counter action and show the day again, with what happened."""
    user = require_user(request)
    centre = await counter.require_counter(user, request.path_params["centre"])
    form = await form_fields(request)
    try:
        booking = await action(user, centre, form)
    except DomainError as refused:
        text = i18n.gettext(refused.message, **refused.params)
        return await _page(
            request, centre, _day(request, centre), error=text, status=refused.status
        )
    message = i18n.gettext(
        DONE[booking.status.value], code=booking.code, name=booking.for_name or ""
    )
    return await _page(
        request,
        centre,
        booking.starts_at.astimezone(ZoneInfo(centre.time_zone)).date(),
        message=message,
    )


DONE = {
    "checked_in": i18n.N_("%(code)s checked in."),
    "done": i18n.N_("%(code)s done."),
    "no_show": i18n.N_("%(code)s marked as not come."),
    "booked": i18n.N_("%(code)s saved."),
}


async def check_in(request: Request) -> Response:
    async def action(user, centre, form):  # type: ignore[no-untyped-def]
        return await counter.check_in(
            user, centre, form.get("code", ""), datetime.now(UTC), origin_of(request)
        )

    return await _act(request, action)


async def set_status(request: Request) -> Response:
    to = {"done": BookingStatus.DONE, "no-show": BookingStatus.NO_SHOW}.get(
        request.path_params["to"]
    )
    if to is None:
        raise NotFound(i18n.N_("This page does not exist."))

    async def action(user, centre, form):  # type: ignore[no-untyped-def]
        return await counter.set_status(
            user, centre, request.path_params["code"], to, origin_of(request)
        )

    return await _act(request, action)


async def note(request: Request) -> Response:
    async def action(user, centre, form):  # type: ignore[no-untyped-def]
        return await counter.set_note(
            user, centre, request.path_params["code"], form.get("note", ""), origin_of(request)
        )

    return await _act(request, action)


async def walk_in(request: Request) -> Response:
    async def action(user, centre, form):  # type: ignore[no-untyped-def]
        return await counter.walk_in(
            user,
            centre,
            form.get("service", ""),
            form.get("name", ""),
            form.get("phone", ""),
            form.get("note", ""),
            datetime.now(UTC),
            origin_of(request),
        )

    return await _act(request, action)


routes = [
    Route("/staff", home, methods=["GET"], name="staff"),
    Route("/staff/{centre}", day_view, methods=["GET"], name="staff_day"),
    Route("/staff/{centre}/check-in", check_in, methods=["POST"], name="staff_check_in"),
    Route("/staff/{centre}/walk-in", walk_in, methods=["POST"], name="staff_walk_in"),
    Route("/staff/{centre}/bookings/{code}/note", note, methods=["POST"], name="staff_note"),
    Route(
        "/staff/{centre}/bookings/{code}/{to:str}",
        set_status,
        methods=["POST"],
        name="staff_status",
    ),
]
