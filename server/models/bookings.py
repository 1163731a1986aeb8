"""Bookings of a service's time slots, and the per-slot counters that keep capacity."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from server.models.base import new_code


class SlotUsage(Model):
    """How many places of one slot are taken; raised only by a conditional UPDATE.

    ``taken < capacity`` is checked in the same statement that raises ``taken``, so two
    processes can never both take the last place.
    """

    id = fields.IntField(primary_key=True)
    service_id: int
    service = fields.ForeignKeyField(
        "models.Service", related_name="slot_usages", on_delete=fields.RESTRICT
    )
    starts_at = fields.DatetimeField()  # UTC
    capacity = fields.SmallIntField()
    taken = fields.SmallIntField(default=0)

    class Meta:
        table = "slot_usages"
        unique_together = (("service", "starts_at"),)  # one counter per slot; slot list lookup


class BookingStatus(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    DONE = "done"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


ACTIVE_BOOKING_STATUSES = (BookingStatus.BOOKED, BookingStatus.CHECKED_IN)


class BookingSource(StrEnum):
    WEB = "web"
    API = "api"
    WALK_IN = "walk_in"
    STAFF = "staff"


class Booking(Model):
    id = fields.IntField(primary_key=True)
    # Foreign-key columns, declared for type checkers (Tortoise adds them at run time).
    service_id: int
    centre_id: int
    user_id: int | None
    rescheduled_from_id: int | None
    code = fields.CharField(max_length=12, unique=True, default=new_code)  # counter, QR, URLs
    service = fields.ForeignKeyField(
        "models.Service", related_name="bookings", on_delete=fields.RESTRICT
    )
    centre = fields.ForeignKeyField(  # copy of service.centre: the staff day view
        "models.Centre", related_name="bookings", on_delete=fields.RESTRICT
    )
    user = fields.ForeignKeyField(  # who booked; None for a walk-in without an account
        "models.User", related_name="bookings", null=True, on_delete=fields.SET_NULL
    )
    for_name = fields.CharField(max_length=50, default="")  # on behalf of: beneficiary
    for_phone = fields.CharField(max_length=11, default="")
    starts_at = fields.DatetimeField()  # UTC
    ends_at = fields.DatetimeField()
    status = fields.CharEnumField(BookingStatus, max_length=16, default=BookingStatus.BOOKED)
    source = fields.CharEnumField(BookingSource, max_length=16, default=BookingSource.WEB)
    # "<user id>:<beneficiary phone or 'self'>" while active, NULL after: with the unique
    # constraint below one person cannot hold two places in one slot (NULLs never clash).
    holder_key = fields.CharField(max_length=40, null=True)
    note = fields.CharField(max_length=500, default="")  # staff notes at the counter
    checked_in_at = fields.DatetimeField(null=True)
    checked_in_by = fields.ForeignKeyField(
        "models.User", related_name="checkins", null=True, on_delete=fields.SET_NULL
    )
    cancelled_at = fields.DatetimeField(null=True)
    cancel_reason = fields.CharField(max_length=200, default="")
    rescheduled_from = fields.ForeignKeyField(
        "models.Booking", related_name="rescheduled_to", null=True, on_delete=fields.SET_NULL
    )
    rating = fields.SmallIntField(null=True)  # 1..5 after the visit
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "bookings"
        unique_together = (("service", "starts_at", "holder_key"),)
        indexes = (
            ("centre_id", "starts_at"),  # staff day view; dashboards per centre and period
            ("user_id", "starts_at"),  # "my bookings"
            ("service_id", "starts_at"),  # bookings of a slot (affected by a schedule change)
        )
