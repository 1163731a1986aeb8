"""One-stop booking: take a place in a slot (never oversold), cancel, reschedule, remind."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from server import cache, sql
from server.domain import availability, booking_messages, directory, outbox, slots, turns
from server.domain.accounts import normalize_phone
from server.domain.audit import Origin, record
from server.domain.codes import fits
from server.domain.errors import Conflict, NotFound, ValidationFailed
from server.i18n import N_
from server.models.accounts import User
from server.models.bookings import (
    ACTIVE_BOOKING_STATUSES,
    Booking,
    BookingSource,
    BookingStatus,
    SlotUsage,
)
from server.models.places import Service
from server.settings import Settings


class _Full(Exception):
    """Raised inside the booking transaction; the alternatives are found after it ends,
    so the write lock is not held while the calendar is read."""


class SlotFull(Conflict):
    code = "slot_full"

    def __init__(self, alternatives: list[slots.Slot]) -> None:
        super().__init__(
            N_("This time is fully booked. Please choose one of the nearest free times.")
        )
        self.alternatives = alternatives


async def service_by_code(code: str) -> Service:
    """An active service with its centre, by its code: the places cache's, shared and
    read-only (nothing may change or save it)."""
    return (await directory.service_facts(code)).service


def _check_slot(
    service: Service, calendar: slots.Calendar, starts_at: datetime, now: datetime
) -> slots.Slot:
    """The slot starting at ``starts_at``, if the service has one there that may be booked now."""
    if not service.bookable:
        raise ValidationFailed(
            N_("This service is not booked in advance: come during opening hours.")
        )
    earliest, latest = slots.bookable_window(service, now)
    if starts_at < earliest:
        raise ValidationFailed(
            N_("This time is too soon to book. Choose a later time."), fields={"start": "too_soon"}
        )
    if starts_at > latest:
        raise ValidationFailed(
            N_("Bookings open %(days)s days ahead. Choose an earlier date."),
            days=service.max_days_ahead,
        )
    slot = slots.slot_at(calendar, starts_at)
    if slot is None:
        raise ValidationFailed(
            N_("The centre offers no slot at this time."), fields={"start": "no_slot"}
        )
    return slot


def _beneficiary(user: User, for_name: str, for_phone: str, on_behalf: bool) -> tuple[str, str]:
    """(name, phone) of the person the booking is for; both empty when it is for the booker."""
    for_name, for_phone = for_name.strip()[:50], for_phone.strip()
    if not on_behalf and not for_name and not for_phone:
        return "", ""
    if not for_name:
        message = N_("Give the name of the person you are booking for.")
        raise ValidationFailed(message, fields={"for_name": message})
    phone = normalize_phone(for_phone, field="for_phone")
    return ("", "") if phone == user.phone else (for_name, phone)


# The upcoming bookings of one service by the user ($4) or for the person ($5): booked for them
# by anyone, or booked by them for themselves; and, in a row of its own, the places stamp ($7),
# read after the booking's locks like the bookings (see ``_hold``). Written by hand, one
# statement: the booking's busiest read.
_LIMITS_SQL = (
    'SELECT b."user_id", b."for_phone", u."phone", NULL AS "stamp" FROM "bookings" b'
    ' JOIN "users" u ON u."id" = b."user_id"'
    ' WHERE b."service_id" = $1 AND b."status" IN ($2, $3) AND b."starts_at" >= $6'
    ' AND (b."user_id" = $4 OR b."for_phone" = $5 OR (b."for_phone" = \'\' AND u."phone" = $5))'
    ' UNION ALL SELECT NULL, NULL, NULL, "value" FROM "stamps" WHERE "name" = $7'
)
_ACTIVE = [status.value for status in ACTIVE_BOOKING_STATUSES]
_STARTS = Booking._meta.fields_map["starts_at"]


async def _check_limits(user: User, service: Service, phone: str, now: datetime) -> int:
    """Refuse a booking over the service's limits; call in the booking's write transaction,
    after ``turns.booking``. One read: the upcoming bookings of this service by this user or
    for this person (a handful at most, as the limits keep them so), counted here, and the
    places stamp, returned for ``_hold``."""
    values = [service.id, *_ACTIVE, user.id, phone, _STARTS.to_db_value(now, Booking)]
    found = await sql.fetch(_LIMITS_SQL, [*values, cache.PLACES])
    stamps = [int(r["stamp"]) for r in found if r["stamp"] is not None]
    rows = [(r["user_id"], r["for_phone"], r["phone"]) for r in found if r["stamp"] is None]
    if sum(1 for by, _, _ in rows if by == user.id) >= service.max_active_per_person:
        raise Conflict(
            N_("You already have %(count)s upcoming bookings for this service."),
            count=service.max_active_per_person,
        )
    # The person's own: booked for their phone, or by them with no one else named.
    theirs = [r for r in rows if r[1] == phone or (r[1] == "" and r[2] == phone)]
    if len(theirs) >= service.max_active_per_beneficiary:
        raise Conflict(N_("This person already has an upcoming booking for this service."))
    return stamps[0] if stamps else 0  # 0 before the first bump, as ``cache.stamp``


_SLOT_START = SlotUsage._meta.fields_map["starts_at"]


async def take_place(service: Service, slot: slots.Slot) -> bool:
    """Take one place of a slot in one statement: its counter is written with this place
    taken, or counts one more while below its capacity; False when it is full."""
    if service.capacity_per_slot < 1:
        return False
    starts = _SLOT_START.to_db_value(slot.starts_at, SlotUsage)
    return bool(await sql.fetch(_TAKE_PLACE_SQL, [service.id, starts, service.capacity_per_slot]))


_TAKE_PLACE_SQL = (
    'INSERT INTO "slot_usages" ("service_id", "starts_at", "capacity", "taken")'
    " VALUES ($1, $2, $3, 1)"
    ' ON CONFLICT ("service_id", "starts_at") DO UPDATE SET "taken" = "slot_usages"."taken" + 1'
    ' WHERE "slot_usages"."taken" < "slot_usages"."capacity" RETURNING "id"'
)


async def release_place(booking: Booking) -> None:
    await SlotUsage.filter(
        service_id=booking.service_id,
        starts_at=booking.starts_at,
        taken__gt=0,
    ).update(taken=F("taken") - 1)


async def book(
    user: User,
    service: Service,
    starts_at: datetime,
    settings: Settings,
    origin: Origin,
    *,
    for_name: str = "",
    for_phone: str = "",
    source: BookingSource = BookingSource.WEB,
    on_behalf: bool = False,
    now: datetime | None = None,
    plan: directory.ServicePlan | None = None,
) -> Booking:
    """Book one place for ``user`` (or on behalf of someone), confirm it and plan reminders.
    ``plan``: the service's, if the caller read it (``directory.service_plan``). The booking
    comes back with ``service`` as its service."""
    now = now or datetime.now(UTC)
    name, phone = _beneficiary(user, for_name, for_phone, on_behalf)
    plan = plan or await directory.service_plan(service.code)
    slot = _check_slot(service, plan.calendar, starts_at, now)
    try:
        async with in_transaction() as conn:
            await turns.booking(conn, user.id, phone or user.phone, service.centre_id)
            stamp = await _check_limits(user, service, phone or user.phone, now)
            booking = await _hold(user, service, slot, plan, name, phone, source, now, stamp)
            await record(
                user,
                "booking.create",
                origin,
                object_type="booking",
                object_id=booking.code,
                node_path=service.centre.node_path,
                after=_state(booking),
            )
            sent = await booking_messages.announce(
                user, booking, service, settings, now, "booking.confirmed", plan.materials
            )
    except IntegrityError:
        raise Conflict(N_("You already hold a place at this time.")) from None
    except _Full:
        raise SlotFull(await availability.nearest_free(service, slot.starts_at, now)) from None
    await outbox.dispatch(sent, settings)
    return booking


async def _hold(
    user: User,
    service: Service,
    slot: slots.Slot,
    plan: directory.ServicePlan,
    name: str,
    phone: str,
    source: BookingSource,
    now: datetime,
    stamp: int | None = None,
) -> Booking:
    """Take the place and write the booking, inside a transaction holding the centre's plan
    lock (``turns``); _Full if no place is left. ``stamp``: the places stamp, if the caller
    read it after taking the lock (``_check_limits``)."""
    # The slot was checked against the cached calendar before the transaction; a closure or
    # new hours committed since must win. A schedule change takes the plan lock exclusively and
    # bumps the places stamp before it commits: with the shared lock held, an unchanged stamp
    # means the calendar checked is still the centre's, else it is read afresh and checked.
    if stamp is None:
        stamp = await cache.stamp(cache.PLACES)
    if stamp != plan.stamp:
        day = slots.local_day(slot.starts_at, service.centre.time_zone)
        _check_slot(service, await slots.load_calendar(service, day, day), slot.starts_at, now)
    if not await take_place(service, slot):
        raise _Full()
    booking = Booking(
        service=service,
        centre_id=service.centre_id,
        user=user,
        for_name=name,
        for_phone=phone,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        source=source,
        holder_key=f"{user.id}:{phone or 'self'}",
    )
    return await sql.insert(booking)  # IntegrityError: this holder has this time already


def _state(booking: Booking) -> dict[str, Any]:
    return {
        "status": booking.status.value,
        "starts_at": booking.starts_at.isoformat(),
        "for_phone": booking.for_phone,
    }


async def booking_for(user: User, code: str) -> Booking:
    """The user's own booking with this code (its service and centre loaded), else NotFound."""
    code = code.strip().upper()
    query = Booking.get_or_none(code=code, user_id=user.id).select_related(
        "service", "service__centre"
    )
    booking = await query if fits(Booking, code) else None
    if booking is None:
        raise NotFound(N_("No booking of yours has this code."))
    return booking


def _check_changeable(booking: Booking, now: datetime) -> None:
    if booking.status != BookingStatus.BOOKED:
        raise Conflict(N_("This booking can no longer be changed."))
    cutoff = booking.starts_at - timedelta(minutes=booking.service.cancel_cutoff_minutes)
    if now > cutoff:
        raise Conflict(
            N_("Changes close %(minutes)s minutes before the appointment. Please call the centre."),
            minutes=booking.service.cancel_cutoff_minutes,
        )


async def cancel(
    user: User,
    booking: Booking,
    reason: str,
    settings: Settings,
    origin: Origin,
    *,
    now: datetime | None = None,
    by_staff: bool = False,
) -> None:
    """Cancel a booking: free its place, stop its reminders, tell the booker."""
    now = now or datetime.now(UTC)
    if not by_staff:
        _check_changeable(booking, now)
    async with in_transaction():
        sent = await cancel_in_transaction(user, booking, reason, settings, origin, now=now)
    await outbox.dispatch(sent, settings)


async def cancel_in_transaction(
    actor: User,
    booking: Booking,
    reason: str,
    settings: Settings,
    origin: Origin,
    *,
    now: datetime,
    event: str = "booking.cancelled",
) -> list[int]:
    """The writes of a cancellation, inside the caller's transaction; returns the messages to
    dispatch once it commits. ``event`` is the notice sent (e.g. the centre cancelled it)."""
    before = _state(booking)
    changed = await Booking.filter(id=booking.id, status=BookingStatus.BOOKED).update(
        status=BookingStatus.CANCELLED,
        cancelled_at=now,
        cancel_reason=reason[:200],
        holder_key=None,
    )
    if changed != 1:
        raise Conflict(N_("This booking can no longer be changed."))
    await release_place(booking)
    await outbox.cancel("booking", booking.id, ["booking.reminder", "booking.confirmed"])
    booking.status, booking.cancelled_at = BookingStatus.CANCELLED, now
    booking.cancel_reason = reason[:200]
    await record(
        actor,
        "booking.cancel",
        origin,
        object_type="booking",
        object_id=booking.code,
        node_path=booking.service.centre.node_path,
        before=before,
        after={**_state(booking), "reason": booking.cancel_reason},
    )
    owner = await User.get_or_none(id=booking.user_id) if booking.user_id else None
    rebook_url = f"{settings.public_base_url}/services/{booking.service.code}"
    return await booking_messages.announce(
        owner,
        booking,
        booking.service,
        settings,
        now,
        event,
        extra={"reason": reason, "rebook_url": rebook_url},
    )


async def reschedule(
    user: User,
    booking: Booking,
    starts_at: datetime,
    settings: Settings,
    origin: Origin,
    *,
    now: datetime | None = None,
) -> Booking:
    """Move a booking: hold the new place first, then let the old one go, in one transaction."""
    now = now or datetime.now(UTC)
    _check_changeable(booking, now)
    service = booking.service
    plan = await directory.service_plan(service.code)
    slot = _check_slot(service, plan.calendar, starts_at, now)
    if slot.starts_at == booking.starts_at:
        raise ValidationFailed(N_("Choose a different time from the one you have."))
    try:
        async with in_transaction() as conn:
            await turns.centre_plan(conn, service.centre_id)
            new = await _hold(
                user,
                service,
                slot,
                plan,
                booking.for_name,
                booking.for_phone,
                BookingSource(booking.source),
                now,
            )
            new.rescheduled_from_id = booking.id
            await new.save(update_fields=["rescheduled_from_id"])
            await Booking.filter(id=booking.id, status=BookingStatus.BOOKED).update(
                status=BookingStatus.CANCELLED,
                cancelled_at=now,
                cancel_reason="rescheduled",
                holder_key=None,
            )
            await release_place(booking)
            await outbox.cancel("booking", booking.id, ["booking.reminder"])
            await record(
                user,
                "booking.reschedule",
                origin,
                object_type="booking",
                object_id=new.code,
                node_path=service.centre.node_path,
                before=_state(booking),
                after=_state(new),
            )
            sent = await booking_messages.announce(
                user, new, service, settings, now, "booking.rescheduled", plan.materials
            )
    except IntegrityError:
        raise Conflict(N_("You already hold a place at this time.")) from None
    except _Full:
        raise SlotFull(await availability.nearest_free(service, slot.starts_at, now)) from None
    await outbox.dispatch(sent, settings)
    return new
