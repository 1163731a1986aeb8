"""Booking a slot, the confirmation with its code, QR and calendar file, my bookings, changes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlparse

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import i18n
from server.domain import availability, booking_files, bookings, directory, my_bookings
from server.domain.errors import DomainError, ValidationFailed
from server.models.bookings import Booking
from server.models.places import MaterialItem, Service
from server.settings import get as get_settings
from server.templating import render
from server.web.auth import origin_of, require_user
from server.web.forms import form_fields


def _start(raw: str | None) -> datetime:
    try:
        start = datetime.fromisoformat(raw or "")
    except ValueError:
        raise ValidationFailed(i18n.N_("Choose a time from the list.")) from None
    if start.tzinfo is None:
        raise ValidationFailed(i18n.N_("Choose a time from the list."))
    return start.astimezone(UTC)


async def _materials(service: Service) -> list[MaterialItem]:
    return await MaterialItem.filter(service_id=service.id).order_by("sort_order")


async def book_page(request: Request) -> Response:
    require_user(request)
    facts = await directory.service_facts(request.path_params["code"])
    start = _start(request.query_params.get("start"))
    context = {
        "service": facts.service,
        "start": start,
        "values": {},
        "fields": {},
        "error": None,
        "materials": facts.materials,
    }
    return render(request, "bookings/new.html", context)


async def book_submit(request: Request) -> Response:
    user = require_user(request)
    plan = await directory.service_plan(request.path_params["code"])
    service = plan.service
    form = await form_fields(request)
    start = _start(form.get("start"))
    on_behalf = form.get("who") == "other"
    try:
        booking = await bookings.book(
            user,
            service,
            start,
            get_settings(),
            origin_of(request),
            for_name=form.get("for_name", "") if on_behalf else "",
            for_phone=form.get("for_phone", "") if on_behalf else "",
            on_behalf=on_behalf,
            plan=plan,
        )
    except bookings.SlotFull as full:
        context = {"service": service, "start": start, "alternatives": full.alternatives}
        return render(request, "bookings/full.html", context, status=409)
    except DomainError as error:
        context = {
            "service": service,
            "start": start,
            "values": form,
            "fields": error.fields,
            "error": i18n.gettext(error.message, **error.params),
            "materials": plan.materials,
        }
        return render(request, "bookings/new.html", context, status=error.status)
    return RedirectResponse(f"/bookings/{booking.code}?new=1", status_code=303)


async def _own(request: Request) -> Booking:
    return await bookings.booking_for(require_user(request), request.path_params["code"])


async def show(request: Request) -> Response:
    booking = await _own(request)
    context = {
        "booking": booking,
        "materials": await _materials(booking.service),
        "new": request.query_params.get("new") == "1",
        "now": datetime.now(UTC),
    }
    return render(request, "bookings/show.html", context)


async def qr(request: Request) -> Response:
    booking = await _own(request)
    return Response(
        booking_files.qr_png(booking.code),
        media_type="image/png",
        headers={"Cache-Control": "private, max-age=86400"},
    )


async def calendar(request: Request) -> Response:
    booking = await _own(request)
    host = urlparse(get_settings().public_base_url).hostname or "doorstep"
    body = booking_files.ics(booking, await _materials(booking.service), host)
    headers = {"Content-Disposition": f'attachment; filename="doorstep-{booking.code}.ics"'}
    return Response(body, media_type="text/calendar; charset=utf-8", headers=headers)


async def mine(request: Request) -> Response:
    upcoming, past = await my_bookings.mine(require_user(request), datetime.now(UTC))
    return render(request, "bookings/mine.html", {"upcoming": upcoming, "past": past})


async def cancel(request: Request) -> Response:
    user = require_user(request)
    booking = await _own(request)
    form = await form_fields(request)
    try:
        await bookings.cancel(
            user, booking, form.get("reason", ""), get_settings(), origin_of(request)
        )
    except DomainError as error:
        context = {
            "booking": booking,
            "materials": await _materials(booking.service),
            "new": False,
            "now": datetime.now(UTC),
            "error": i18n.gettext(error.message, **error.params),
        }
        return render(request, "bookings/show.html", context, status=error.status)
    return RedirectResponse(f"/bookings/{booking.code}", status_code=303)


def _chosen(request: Request, days: list[Any]) -> Any:
    """The day picked with ?day=, else the first day that has times."""
    wanted = request.query_params.get("day", "")
    return next((d for d in days if d[0].isoformat() == wanted), days[0] if days else None)


async def reschedule_page(request: Request) -> Response:
    booking = await _own(request)
    days = await availability.upcoming_days(booking.service, datetime.now(UTC))
    context = {"booking": booking, "days": days, "chosen": _chosen(request, days), "error": None}
    return render(request, "bookings/reschedule.html", context, block="slots")


async def reschedule_submit(request: Request) -> Response:
    user = require_user(request)
    booking = await _own(request)
    form = await form_fields(request)
    try:
        new = await bookings.reschedule(
            user, booking, _start(form.get("start")), get_settings(), origin_of(request)
        )
    except bookings.SlotFull as full:
        context = {
            "service": booking.service,
            "start": _start(form.get("start")),
            "alternatives": full.alternatives,
            "rescheduling": booking,
        }
        return render(request, "bookings/full.html", context, status=409)
    except DomainError as error:
        days = await availability.upcoming_days(booking.service, datetime.now(UTC))
        context = {
            "booking": booking,
            "days": days,
            "chosen": _chosen(request, days),
            "error": i18n.gettext(error.message, **error.params),
        }
        return render(request, "bookings/reschedule.html", context, status=error.status)
    return RedirectResponse(f"/bookings/{new.code}?new=1", status_code=303)


routes = [
    Route("/services/{code}/book", book_page, methods=["GET"], name="book"),
    Route("/services/{code}/book", book_submit, methods=["POST"], name="book_submit"),
    Route("/bookings", mine, methods=["GET"], name="my_bookings"),
    Route("/bookings/{code}", show, methods=["GET"], name="booking"),
    Route("/bookings/{code}/qr.png", qr, methods=["GET"], name="booking_qr"),
    Route("/bookings/{code}/calendar.ics", calendar, methods=["GET"], name="booking_ics"),
    Route("/bookings/{code}/cancel", cancel, methods=["POST"], name="booking_cancel"),
    Route(
        "/bookings/{code}/reschedule", reschedule_page, methods=["GET"], name="booking_reschedule"
    ),
    Route(
        "/bookings/{code}/reschedule",
        reschedule_submit,
        methods=["POST"],
        name="booking_reschedule_submit",
    ),
]
