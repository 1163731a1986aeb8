"""Files a booking comes with: a QR code of its code, and an iCalendar event."""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO

import qrcode
from icalendar import Calendar, Event

from server.models.bookings import Booking
from server.models.places import MaterialItem


def qr_png(code: str) -> bytes:
    """A QR image holding only the booking code: nothing personal is in it."""
    image = qrcode.make(code, box_size=10, border=2)
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def ics(booking: Booking, materials: list[MaterialItem], host: str) -> bytes:
    """An iCalendar event in UTC, which every calendar shows in its own zone correctly."""
    service, centre = booking.service, booking.service.centre
    calendar = Calendar()
    calendar.add("prodid", "-//Doorstep//家门口//ZH")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"booking-{booking.code}@{host}")
    event.add("dtstamp", datetime.now(UTC))
    event.add("dtstart", booking.starts_at.astimezone(UTC))
    event.add("dtend", booking.ends_at.astimezone(UTC))
    event.add("summary", f"{service.name} · {centre.name}")
    event.add("location", f"{centre.name}, {centre.address}")
    lines = [f"预约码 / Booking code: {booking.code}"]
    if booking.for_name:
        lines.append(f"办事人 / For: {booking.for_name}")
    lines += ["请携带 / Please bring:"] + [
        f"- {m.name}" + (f"（{m.condition}）" if m.condition else "") for m in materials
    ]
    if centre.phone:
        lines.append(f"电话 / Phone: {centre.phone}")
    event.add("description", "\n".join(lines))
    calendar.add_component(event)
    return calendar.to_ical()
