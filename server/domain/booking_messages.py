"""What a booking tells people: the event's message and reminders, to the booker and, by SMS,
to the person the booking is for; and the JSON every booking message and API answer shows."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from server.domain import outbox, slots
from server.models.accounts import User
from server.models.bookings import Booking
from server.models.places import MaterialItem, Service
from server.settings import Settings


async def announce(
    user: User | None,
    booking: Booking,
    service: Service,
    settings: Settings,
    now: datetime,
    event: str,
    materials: list[MaterialItem] | None = None,
    *,
    extra: dict[str, Any] | None = None,
) -> list[int]:
    """The event's message now, and for a new booking its reminders at the service's offsets,
    to the booker and, by SMS, to the person the booking is for; written in one go.
    ``materials``: the service's, when the caller has them (else they are read)."""
    payload = {**await message_payload(booking, service, materials), **(extra or {})}
    messages: list[tuple[str, dict[str, Any], str, datetime | None]] = [(event, payload, "", None)]
    if event in ("booking.confirmed", "booking.rescheduled"):
        for offset in service.reminder_offsets_minutes:
            at = booking.starts_at - timedelta(minutes=offset)
            if at > now:
                reminder = {**payload, "before_minutes": offset}
                messages.append(("booking.reminder", reminder, str(offset), at))
    subject = ("booking", booking.id)
    rows = []
    for name, body, key, when in messages:
        if user is not None:  # None: the booker's account is gone; the beneficiary still hears
            rows += outbox.rows_for(
                user, name, body, settings, subject=subject, key=key, send_after=when
            )
        if booking.for_phone:  # e.g. an elderly parent: no account, but a phone
            rows += outbox.rows_for_phone(
                booking.for_phone, name, body, settings, subject=subject, key=key, send_after=when
            )
    return await outbox.write(rows)


async def message_payload(
    booking: Booking, service: Service, materials: list[MaterialItem] | None = None
) -> dict[str, Any]:
    """Everything a booking message shows, as JSON: no model objects in the outbox."""
    centre = service.centre
    if materials is None:
        materials = await MaterialItem.filter(service_id=service.id).order_by("sort_order")
    local = booking.starts_at.astimezone(slots.ZoneInfo(centre.time_zone))
    return {
        "code": booking.code,
        "service": service.name,
        "service_en": service.name_en,
        "centre": centre.name,
        "centre_en": centre.name_en,
        "address": centre.address,
        "phone": centre.phone,
        "start": booking.starts_at.isoformat(),
        "tz": centre.time_zone,
        "time": local.strftime("%m-%d %H:%M"),
        "for_name": booking.for_name,
        "materials": [material_json(m) for m in materials],
    }


def material_json(item: MaterialItem) -> dict[str, Any]:
    """One line of the materials checklist as JSON (messages and the API show the same)."""
    return {
        "name": item.name,
        "name_en": item.name_en,
        "form": item.form.value,
        "count": item.count,
        "note": item.note,
        "note_en": item.note_en,
        "condition": item.condition,
        "condition_en": item.condition_en,
    }
