"""API: centres and their services, and a service's slots on a date."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from server.domain import availability, booking_messages, bookings, directory, slots
from server.domain.codes import fits
from server.domain.errors import ValidationFailed
from server.i18n import N_
from server.models.places import Centre, CentreKind, MaterialItem, OrgNode, Service

PAGE = 50
BAD_CURSOR = N_("Unknown cursor: start again from the first page.")


def centre_json(centre: Centre, distance: float | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": centre.code,
        "name": centre.name,
        "name_en": centre.name_en,
        "kind": centre.kind.value,
        "address": centre.address,
        "phone": centre.phone,
        "lat": centre.lat,
        "lng": centre.lng,
        "time_zone": centre.time_zone,
    }
    if distance is not None:
        body["distance_km"] = round(distance, 2)
    return body


def service_json(service: Service, materials: list[MaterialItem]) -> dict[str, Any]:
    return {
        "id": service.code,
        "centre": service.centre.code,
        "name": service.name,
        "name_en": service.name_en,
        "category": service.category.value,
        "description": service.description,
        "fee": service.fee,
        "eligibility": service.eligibility,
        "bookable": service.bookable,
        "duration_minutes": service.duration_minutes,
        "capacity_per_slot": service.capacity_per_slot,
        "materials": [booking_messages.material_json(m) for m in materials],
    }


def _near(raw: str) -> tuple[float, float]:
    try:
        lat, lng = (float(part) for part in raw.split(","))
    except ValueError:
        raise ValidationFailed(N_("near must be lat,lng."), fields={"near": "lat,lng"}) from None
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        raise ValidationFailed(N_("near must be lat,lng."), fields={"near": "lat,lng"})
    return lat, lng


async def centres(request: Request) -> Response:
    params = request.query_params
    if params.get("near"):
        ranked = await directory.nearest_centres(*_near(params["near"]), limit=PAGE)
        return JSONResponse({"items": [centre_json(c, d) for c, d in ranked], "next": None})
    found = Centre.filter(is_active=True)
    if params.get("node"):
        code = params["node"]
        node = await OrgNode.get_or_none(code=code) if fits(OrgNode, code) else None
        # An unknown node has no centres (PostgreSQL refuses a NUL as a path to match none).
        found = found.filter(node_path__startswith=node.path) if node else found.filter(id__in=[])
    if params.get("kind"):
        if params["kind"] not in CentreKind._value2member_map_:
            raise ValidationFailed(
                N_("Unknown centre kind."), fields={"kind": ", ".join(k.value for k in CentreKind)}
            )
        found = found.filter(kind=params["kind"])
    if params.get("q"):
        found = found.filter(name__icontains=params["q"].replace("\x00", "")[:50])
    if params.get("cursor"):
        if not fits(Centre, params["cursor"]):  # never a next of ours
            raise ValidationFailed(BAD_CURSOR, fields={"cursor": BAD_CURSOR})
        found = found.filter(code__gt=params["cursor"])
    page = await found.order_by("code").limit(PAGE + 1)
    items = [centre_json(c) for c in page[:PAGE]]
    return JSONResponse({"items": items, "next": page[PAGE - 1].code if len(page) > PAGE else None})


async def centre(request: Request) -> Response:
    found = await directory.centre_by_code(request.path_params["code"])
    return JSONResponse(centre_json(found))


async def centre_services(request: Request) -> Response:
    found = await directory.centre_by_code(request.path_params["code"])
    rows = (
        await Service.filter(centre_id=found.id, is_active=True)
        .select_related("centre")
        .order_by("sort_order")
    )
    materials: dict[int, list[MaterialItem]] = {}
    for m in await MaterialItem.filter(service_id__in=[s.id for s in rows]).order_by("sort_order"):
        materials.setdefault(m.service_id, []).append(m)
    return JSONResponse(
        {"items": [service_json(s, materials.get(s.id, [])) for s in rows], "next": None}
    )


def slot_json(slot: slots.Slot, tz: str) -> dict[str, Any]:
    zone = ZoneInfo(tz)
    return {
        "start": slot.starts_at.astimezone(zone).isoformat(),
        "end": slot.ends_at.astimezone(zone).isoformat(),
        "capacity": slot.capacity,
        "remaining": slot.remaining,
    }


async def service_slots(request: Request) -> Response:
    service = await bookings.service_by_code(request.path_params["code"])
    try:
        day = date.fromisoformat(request.query_params.get("date", ""))
    except ValueError:
        raise ValidationFailed(
            N_("date must be YYYY-MM-DD."), fields={"date": "YYYY-MM-DD"}
        ) from None
    found = (
        await availability.bookable_slots(service, day, datetime.now(UTC))
        if service.bookable
        else []
    )
    tz = service.centre.time_zone
    return JSONResponse({"date": day.isoformat(), "slots": [slot_json(s, tz) for s in found]})


routes = [
    Route("/api/v1/centres", centres, methods=["GET"], name="api_centres"),
    Route("/api/v1/centres/{code}", centre, methods=["GET"], name="api_centre"),
    Route(
        "/api/v1/centres/{code}/services",
        centre_services,
        methods=["GET"],
        name="api_centre_services",
    ),
    Route(
        "/api/v1/services/{code}/slots", service_slots, methods=["GET"], name="api_service_slots"
    ),
]
