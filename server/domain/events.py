"""Every event that sends a message, in one place: what it means and how it may travel."""

from __future__ import annotations

from dataclasses import dataclass

from server.i18n import N_
from server.models.notifications import Channel

ALL_CHANNELS = (Channel.INBOX, Channel.EMAIL, Channel.SMS)


@dataclass(frozen=True)
class Event:
    name: str  # also the message template: templates/messages/<name>.html
    summary: str  # msgid, for admin pages
    channels: tuple[Channel, ...] = ALL_CHANNELS
    urgent: bool = False  # urgent messages ignore quiet hours
    sms_params: tuple[str, ...] = ()  # payload keys passed to the SMS gateway's template


EVENTS: dict[str, Event] = {
    e.name: e
    for e in (
        Event("account.welcome", N_("Welcome after registration"), channels=(Channel.INBOX,)),
        Event(
            "account.password_changed",
            N_("Password changed (security notice)"),
            urgent=True,
            sms_params=("time",),
        ),
        Event(
            "booking.confirmed",
            N_("Booking confirmed, with the materials to bring"),
            urgent=True,  # an answer to what the person just did
            sms_params=("code", "time", "centre"),
        ),
        Event(
            "booking.reminder",
            N_("Booking reminder (24 h and 2 h before), with the materials to bring"),
            sms_params=("code", "time", "centre"),
        ),
        Event(
            "booking.cancelled",
            N_("Booking cancelled"),
            urgent=True,
            sms_params=("code", "time", "centre"),
        ),
        Event(
            "booking.cancelled_by_centre",
            N_("Booking cancelled by the centre (hours changed or day closed), with the reason"),
            urgent=True,
            sms_params=("code", "time", "centre", "reason"),
        ),
        Event(
            "booking.rescheduled",
            N_("Booking moved to a new time"),
            urgent=True,
            sms_params=("code", "time", "centre"),
        ),
        Event(
            "need.updated",
            N_("Your need moved on: accepted, answered, resolved or closed"),
            sms_params=("code", "status"),
        ),
        Event(
            "need.late",
            N_("A need at your centre is past its promised time"),
            urgent=True,
            sms_params=("code",),
        ),
        Event(
            "need.supervision",
            N_("A need below your node is well past its promised time (督办)"),
            urgent=True,
            sms_params=("code", "centre"),
        ),
        Event(
            "member.reviewed",
            N_("Your report-in to a community was approved or declined"),
            sms_params=("community", "decision"),
        ),
        Event(
            "member.reconfirm",
            N_("Time to re-confirm your report-in (every half year), or it has lapsed"),
            sms_params=("community", "until"),
        ),
        Event(
            "task.invited",
            N_("Community staff invite you to a volunteer task that fits you"),
            sms_params=("task", "code"),
        ),
        Event(
            "claim.reminder",
            N_("A volunteer task you claimed is due soon"),
            sms_params=("task", "due"),
        ),
        Event(
            "claim.released",
            N_("A claimed task went back to the pool: past due without progress"),
            sms_params=("task",),
        ),
        Event(
            "claim.released_staff",
            N_("A volunteer's claim at your centre was released, past due"),
            channels=(Channel.INBOX, Channel.EMAIL),
        ),
        Event(
            "claim.completed",
            N_("A volunteer says your need or wish is done: please confirm"),
            sms_params=("task",),
        ),
        Event(
            "hours.credited",
            N_("Volunteer hours credited to your record"),
            sms_params=("hours", "task"),
        ),
        Event(
            "need.dissatisfied",
            N_("A resident is dissatisfied with how a need was handled: it is reopened"),
            urgent=True,
            sms_params=("code", "centre"),
        ),
    )
}


def get(name: str) -> Event:
    """The event called ``name``; a typo is a programming error, so it raises KeyError."""
    return EVENTS[name]
