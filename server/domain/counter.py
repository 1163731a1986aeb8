"""The centre's counter: the day's bookings, check-in by code, no-shows, walk-ins, notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.domain import bookings
from server.domain.accounts import normalize_phone
from server.domain.audit import Origin, record
from server.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from server.domain.schedules import holiday
from server.domain.slots import at_local
from server.i18n import N_
from server.models.accounts import Role, RoleGrant, User
from server.models.bookings import Booking, BookingSource, BookingStatus
from server.models.places import Centre, Service

S = BookingStatus


async def _grants(user: User) -> tuple[set[int], list[str]]:
    """The centre ids of ``user``'s staff and admin grants, and the paths of their nodes."""
    grants = await RoleGrant.filter(user=user, role__in=[Role.STAFF, Role.ADMIN]).select_related(
        "node"
    )
    ids = {g.centre_id for g in grants if g.centre_id}  # type: ignore[attr-defined]
    return ids, [g.node.path for g in grants if g.node is not None]


async def centres_of(user: User) -> list[Centre]:
    """The centres ``user`` works at: staff grants, and every centre under an admin's node."""
    ids, paths = await _grants(user)
    wanted = [Q(node_path__startswith=path) for path in paths]
    if ids:
        wanted.append(Q(id__in=ids))
    if not wanted:
        return []
    found = await Centre.filter(Q(*wanted, join_type="OR"), is_active=True)
    return sorted({c.id: c for c in found}.values(), key=lambda c: (c.node_path, c.name))


async def works_at(user: User, centre: Centre) -> bool:
    """Whether ``centres_of(user)`` holds the (active) ``centre``, without listing them all."""
    ids, paths = await _grants(user)
    return centre.id in ids or any(centre.node_path.startswith(p) for p in paths)


async def require_counter(user: User, centre_code: str) -> Centre:
    """The centre if ``user`` may run its counter; staff of another centre get PermissionDenied."""
    centre = await Centre.get_or_none(code=centre_code, is_active=True)
    if centre is None:
        raise NotFound(N_("This centre does not exist."))
    if not await works_at(user, centre):
        raise PermissionDenied(N_("You are not staff of this centre."))
    return centre


@dataclass
class ServiceDay:
    service: Service
    bookings: list[Booking] = field(default_factory=list)


async def day_list(centre: Centre, day: date) -> list[ServiceDay]:
    """The day's bookings per service, in time order; cancelled ones are left out."""
    start = at_local(day, 0, centre.time_zone)
    rows = (
        await Booking.filter(
            centre_id=centre.id, starts_at__gte=start, starts_at__lt=start + timedelta(days=1)
        )
        .exclude(status=S.CANCELLED)
        .select_related("service", "user")
        .order_by("starts_at", "id")
    )
    grouped: dict[int, ServiceDay] = {}
    for row in rows:
        grouped.setdefault(row.service_id, ServiceDay(row.service)).bookings.append(row)
    return sorted(grouped.values(), key=lambda g: (g.service.sort_order, g.service.name))


async def _at_counter(centre: Centre, code: str) -> Booking:
    booking = await Booking.get_or_none(
        code=code.strip().upper(), centre_id=centre.id
    ).select_related("service", "service__centre", "user")
    if booking is None:
        raise NotFound(N_("No booking with this code at this centre."))
    return booking


async def check_in(
    staff: User, centre: Centre, code: str, now: datetime, origin: Origin
) -> Booking:
    """Check a booking in by its code, once; a second scan says when it was used."""
    booking = await _at_counter(centre, code)
    async with in_transaction():
        changed = await Booking.filter(id=booking.id, status=S.BOOKED).update(
            status=S.CHECKED_IN, checked_in_at=now, checked_in_by=staff
        )
        if changed != 1:
            await _explain_refusal(booking, centre)
        await record(
            staff,
            "booking.check_in",
            origin,
            object_type="booking",
            object_id=booking.code,
            node_path=centre.node_path,
            after={"status": S.CHECKED_IN.value},
        )
    booking.status, booking.checked_in_at = S.CHECKED_IN, now
    return booking


async def _explain_refusal(booking: Booking, centre: Centre) -> None:
    fresh = await Booking.get(id=booking.id)
    if fresh.status in (S.CHECKED_IN, S.DONE) and fresh.checked_in_at:
        local = fresh.checked_in_at.astimezone(bookings.slots.ZoneInfo(centre.time_zone))
        raise Conflict(N_("This code was already used at %(time)s."), time=local.strftime("%H:%M"))
    raise Conflict(
        N_("This booking is %(status)s and cannot be checked in."), status=fresh.status.value
    )


async def set_status(
    staff: User, centre: Centre, code: str, to: BookingStatus, origin: Origin
) -> Booking:
    """Mark a booking done (after check-in) or a no-show (still booked)."""
    allowed = {S.DONE: S.CHECKED_IN, S.NO_SHOW: S.BOOKED}
    booking = await _at_counter(centre, code)
    async with in_transaction():
        changed = await Booking.filter(id=booking.id, status=allowed[to]).update(
            status=to, holder_key=None
        )
        if changed != 1:
            raise Conflict(N_("This booking can no longer be changed."))
        await record(
            staff,
            f"booking.{to.value}",
            origin,
            object_type="booking",
            object_id=booking.code,
            node_path=centre.node_path,
            before={"status": booking.status.value},
            after={"status": to.value},
        )
    booking.status = to
    return booking


async def set_note(staff: User, centre: Centre, code: str, note: str, origin: Origin) -> Booking:
    booking = await _at_counter(centre, code)
    async with in_transaction():
        await Booking.filter(id=booking.id).update(note=note.strip()[:500])
        await record(
            staff,
            "booking.note",
            origin,
            object_type="booking",
            object_id=booking.code,
            node_path=centre.node_path,
            before={"note": booking.note},
            after={"note": note.strip()[:500]},
        )
    booking.note = note.strip()[:500]
    return booking


async def walk_in(
    staff: User,
    centre: Centre,
    service_code: str,
    name: str,
    phone: str,
    note: str,
    now: datetime,
    origin: Origin,
) -> Booking:
    """Register someone who came without booking, checked in at once, in the same day list."""
    service = await Service.get_or_none(code=service_code, centre_id=centre.id, is_active=True)
    if service is None:
        raise NotFound(N_("This service does not exist."))
    if not name.strip():
        message = N_("Give the name of the person at the counter.")
        raise ValidationFailed(message, fields={"name": message})
    number = normalize_phone(phone, field="phone") if phone.strip() else ""
    async with in_transaction():
        booking = await Booking.create(
            service=service,
            centre=centre,
            user=None,
            for_name=name.strip()[:50],
            for_phone=number,
            starts_at=now,
            ends_at=now + timedelta(minutes=service.duration_minutes),
            status=S.CHECKED_IN,
            source=BookingSource.WALK_IN,
            checked_in_at=now,
            checked_in_by=staff,
            note=note.strip()[:500],
        )
        await record(
            staff,
            "booking.walk_in",
            origin,
            object_type="booking",
            object_id=booking.code,
            node_path=centre.node_path,
            after={"service": service.code},
        )
    return booking


def calendar_known(day: date) -> bool:
    """False when China's holiday calendar has no data for the day's year: staff are warned."""
    return holiday(day).known
