"""API: book, list, read, cancel and reschedule bookings with a bearer token."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from server import i18n
from server.api.common import api_user, json_body
from server.api.places import slot_json
from server.domain import bookings, directory
from server.domain.errors import ValidationFailed
from server.i18n import N_
from server.models.bookings import Booking, BookingSource
from server.settings import get as get_settings
from server.web.auth import origin_of


def booking_json(booking: Booking) -> dict[str, Any]:
    service = booking.service
    zone = ZoneInfo(service.centre.time_zone)
    return {
        "code": booking.code,
        "status": booking.status.value,
        "service": service.code,
        "service_name": service.name,
        "centre": service.centre.code,
        "centre_name": service.centre.name,
        "start": booking.starts_at.astimezone(zone).isoformat(),
        "end": booking.ends_at.astimezone(zone).isoformat(),
        "for_name": booking.for_name,
        "for_phone": booking.for_phone,
        "created_at": booking.created_at.astimezone(UTC).isoformat(),
    }


def _start(value: object) -> datetime:
    try:
        start = datetime.fromisoformat(str(value))
    except ValueError:
        start = None  # type: ignore[assignment]
    if start is None or start.tzinfo is None:
        message = N_(
            "start must be an ISO 8601 time with its offset, e.g. 2026-12-02T09:00:00+08:00."
        )
        raise ValidationFailed(message, fields={"start": message})
    return start.astimezone(UTC)


def _full(error: bookings.SlotFull, tz: str) -> Response:
    return JSONResponse(
        {
            "error": error.code,
            "message": i18n.gettext(error.message),
            "alternatives": [slot_json(s, tz) for s in error.alternatives],
        },
        status_code=409,
    )


async def create(request: Request) -> Response:
    user = await api_user(request)
    body = await json_body(request)
    plan = await directory.service_plan(str(body.get("service", "")))
    service = plan.service
    start = _start(body.get("start"))
    try:
        booking = await bookings.book(
            user,
            service,
            start,
            get_settings(),
            origin_of(request, via="api"),
            for_name=str(body.get("for_name") or ""),
            for_phone=str(body.get("for_phone") or ""),
            source=BookingSource.API,
            plan=plan,
        )
    except bookings.SlotFull as full:
        return _full(full, service.centre.time_zone)
    return JSONResponse(booking_json(booking), status_code=201)  # with its service and centre


async def mine(request: Request) -> Response:
    user = await api_user(request)
    rows = (
        await Booking.filter(user_id=user.id)
        .select_related("service", "service__centre")
        .order_by("-starts_at")
    )
    return JSONResponse({"items": [booking_json(b) for b in rows[:100]], "next": None})


async def read(request: Request) -> Response:
    booking = await bookings.booking_for(await api_user(request), request.path_params["code"])
    return JSONResponse(booking_json(booking))


async def cancel(request: Request) -> Response:
    user = await api_user(request)
    booking = await bookings.booking_for(user, request.path_params["code"])
    body = await json_body(request) if await request.body() else {}
    await bookings.cancel(
        user, booking, str(body.get("reason", "")), get_settings(), origin_of(request, via="api")
    )
    return JSONResponse(booking_json(await bookings.booking_for(user, booking.code)))


async def reschedule(request: Request) -> Response:
    user = await api_user(request)
    booking = await bookings.booking_for(user, request.path_params["code"])
    start = _start((await json_body(request)).get("start"))
    try:
        new = await bookings.reschedule(
            user, booking, start, get_settings(), origin_of(request, via="api")
        )
    except bookings.SlotFull as full:
        return _full(full, booking.service.centre.time_zone)
    return JSONResponse(booking_json(await bookings.booking_for(user, new.code)))


routes = [
    Route("/api/v1/bookings", create, methods=["POST"], name="api_book"),
    Route("/api/v1/bookings", mine, methods=["GET"], name="api_my_bookings"),
    Route("/api/v1/bookings/{code}", read, methods=["GET"], name="api_booking"),
    Route("/api/v1/bookings/{code}/cancel", cancel, methods=["POST"], name="api_booking_cancel"),
    Route(
        "/api/v1/bookings/{code}/reschedule",
        reschedule,
        methods=["POST"],
        name="api_booking_reschedule",
    ),
]
