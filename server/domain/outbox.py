"""The notification outbox: rows written with the change that causes them, then delivered
exactly once by workers that claim each row with a conditional UPDATE."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple, TypeVar

from tortoise.expressions import F, Q

from server import db, queue, sql
from server.domain import events, quiet_hours
from server.domain.audit import Origin, record
from server.domain.errors import NotFound
from server.i18n import N_
from server.models.accounts import Language, User
from server.models.notifications import Channel, Notification, NotificationStatus
from server.settings import Settings

S = NotificationStatus
T = TypeVar("T")
log = logging.getLogger(__name__)


def _dedupe_key(event: str, subject: str, key: str, recipient: int | str, channel: Channel) -> str:
    """Unique per message; ``recipient`` is a user id, or ``tel:<phone>`` without an account."""
    raw = f"{event}:{subject}:{key}:{recipient}:{channel.value}"
    return raw if len(raw) <= 200 else hashlib.sha256(raw.encode()).hexdigest()


def channels_for(user: User, event: events.Event, settings: Settings) -> list[Channel]:
    """The event's channels that this user takes and this install can send."""
    wanted = {
        Channel.INBOX: True,
        Channel.EMAIL: bool(user.email) and user.notify_email,
        Channel.SMS: user.notify_sms and _can_sms(event, settings),
    }
    return [c for c in event.channels if wanted[c]]


def _can_sms(event: events.Event, settings: Settings) -> bool:
    """Whether this install can send this event by SMS (a gateway and an approved template)."""
    return (
        Channel.SMS in event.channels
        and bool(settings.sms_gateway_url)
        and event.name in settings.sms_templates
    )


def quiet_window(user: User | None, settings: Settings) -> tuple[int, int]:
    if user is not None and user.quiet_start is not None and user.quiet_end is not None:
        return user.quiet_start, user.quiet_end
    return settings.quiet_hours


def _due(
    user: User | None, event: events.Event, channel: Channel, at: datetime, settings: Settings
) -> datetime:
    if event.urgent or channel == Channel.INBOX:
        return at
    return quiet_hours.next_allowed(at, quiet_window(user, settings), settings.time_zone)


async def notify(
    user: User,
    event_name: str,
    payload: dict[str, Any],
    settings: Settings,
    *,
    subject: tuple[str, int | None] = ("", None),
    key: str = "",
    send_after: datetime | None = None,
) -> list[int]:
    """Write the rows for one event to one user (call inside the change's transaction).

    Writing the same event about the same subject and key twice is a no-op: the dedupe key is
    unique. Returns the ids to hand to ``dispatch`` once the transaction has committed.
    """
    rows = rows_for(
        user, event_name, payload, settings, subject=subject, key=key, send_after=send_after
    )
    return await write(rows)


def rows_for(
    user: User,
    event_name: str,
    payload: dict[str, Any],
    settings: Settings,
    *,
    subject: tuple[str, int | None] = ("", None),
    key: str = "",
    send_after: datetime | None = None,
) -> list[Notification]:
    """The rows ``notify`` writes, unwritten: to write several events' rows at once."""
    event = events.get(event_name)
    at = send_after or datetime.now(UTC)
    subject_type, subject_id = subject
    return [
        Notification(
            user=user,
            to_address=user.email
            if channel == Channel.EMAIL
            else user.phone
            if channel == Channel.SMS
            else "",
            event=event.name,
            channel=channel,
            language=user.language.value,
            payload=payload,
            subject_type=subject_type,
            subject_id=subject_id,
            dedupe_key=_dedupe_key(
                event.name, f"{subject_type}:{subject_id}", key, user.id, channel
            ),
            urgent=event.urgent,
            send_after=_due(user, event, channel, at, settings),
        )
        for channel in channels_for(user, event, settings)
    ]


def rows_for_phone(
    phone: str,
    event_name: str,
    payload: dict[str, Any],
    settings: Settings,
    *,
    subject: tuple[str, int | None] = ("", None),
    key: str = "",
    send_after: datetime | None = None,
) -> list[Notification]:
    """The SMS row for one event to a phone with no account behind it (none if the install
    does not send the event by SMS), unwritten, to ``write`` with other rows.

    For the person a booking is for: with no preferences to consult, the SMS is written whenever
    the install can send the event by SMS, in Chinese, keeping the install's quiet hours.
    """
    event = events.get(event_name)
    if not _can_sms(event, settings):
        return []
    subject_type, subject_id = subject
    row = Notification(
        user=None,
        to_address=phone,
        event=event.name,
        channel=Channel.SMS,
        language=Language.ZH_CN.value,
        payload=payload,
        subject_type=subject_type,
        subject_id=subject_id,
        dedupe_key=_dedupe_key(
            event.name, f"{subject_type}:{subject_id}", key, f"tel:{phone}", Channel.SMS
        ),
        urgent=event.urgent,
        send_after=_due(None, event, Channel.SMS, send_after or datetime.now(UTC), settings),
    )
    return [row]


class Written(int):
    """The id of a row ``write`` has just inserted, with its due time: a new row is pending and
    untried, so ``dispatch`` wakes a worker for it without reading it back (a booking's
    messages: one statement fewer). Should a sweep deliver it first, the worker's claim (a
    conditional UPDATE) finds it sent and does nothing."""

    send_after: datetime

    def __new__(cls, row_id: int, send_after: datetime) -> Written:
        written = super().__new__(cls, row_id)
        written.send_after = send_after
        return written


async def write(rows: list[Notification]) -> list[int]:
    """Insert rows not written before (by dedupe key); the ids of all of them, in order
    (``Written`` ids when every row was new)."""
    if not rows:
        return []
    ids = await sql.insert_new(rows, "dedupe_key")
    if len(ids) == len(rows):
        return [Written(i, row.send_after) for i, row in zip(ids, rows, strict=True)]
    if len(ids) < len(rows):  # some were written before: theirs too, in the rows' order
        keys = [row.dedupe_key for row in rows]
        found = Notification.filter(dedupe_key__in=keys).values_list("dedupe_key", "id")
        by_key = dict(await found)
        ids = [by_key[key] for key in keys if key in by_key]
    return ids


class Waking(NamedTuple):
    """What ``dispatch`` reads of a row to wake a worker for it."""

    id: int
    status: str
    attempts: int
    send_after: datetime


_SEND_AFTER = Notification._meta.fields_map["send_after"]


def job_id(row: Notification | Waking) -> str:
    """One arq job per row, attempt and due time: re-enqueueing the same wake-up is a no-op."""
    return f"deliver:{row.id}:{row.attempts}:{int(row.send_after.timestamp())}"


async def dispatch(ids: list[int], settings: Settings) -> None:
    """Wake workers for these rows (after commit) that are due before the next sweep; the sweep
    wakes the others when they come due (a booking's reminders, days ahead), so Redis holds no
    job for a message that is not due yet. If Redis or the database is away, the sweep does it
    later: the change has committed, so its caller must not fail now."""
    soon = datetime.now(UTC) + timedelta(seconds=settings.outbox_sweep_seconds)
    rows = [Waking(int(i), S.PENDING, 0, i.send_after) for i in ids if isinstance(i, Written)]
    unknown = [i for i in ids if not isinstance(i, Written)]
    try:
        rows += [
            row
            for start in range(0, len(unknown), 1000)
            for row in await _waking(unknown[start : start + 1000])
        ]
    except db.UNAVAILABLE as error:
        log.warning("could not wake workers for %d messages: %s; the sweep will", len(ids), error)
        return
    for row in rows:
        if row.status != S.PENDING or row.send_after > soon:
            continue
        await queue.enqueue(
            settings, "deliver", row.id, job_id=job_id(row), defer_until=row.send_after
        )


async def _waking(ids: list[int]) -> list[Waking]:
    """By id alone, the rest in Python: with the status and time in the statement too, stale
    statistics once led PostgreSQL to read every pending row's index entry (7 ms). Written by
    hand: on a booking, building it cost more than running it."""
    if not ids:
        return []
    found = await sql.fetch(
        'SELECT "id", "status", "attempts", "send_after" FROM "notifications"'
        f' WHERE "id" IN ({sql.marks(len(ids))})',
        ids,
    )
    at = _SEND_AFTER.to_python_value
    return [Waking(r["id"], r["status"], r["attempts"], at(r["send_after"])) for r in found]


async def cancel(subject_type: str, subject_id: int, event_names: list[str] | None = None) -> int:
    """Cancel every message not yet sent about one subject; returns how many."""
    rows = Notification.filter(subject_type=subject_type, subject_id=subject_id, status=S.PENDING)
    if event_names:
        rows = rows.filter(event__in=event_names)
    return await rows.update(status=S.CANCELLED)


async def claim(notification_id: int, now: datetime, settings: Settings) -> Notification | None:
    """Take one due row for sending, or None if it is not due, done, or another worker has it.

    A row left in SENDING by a worker that died is claimable again once its lease runs out.
    """
    claimable = Q(status=S.PENDING, send_after__lte=now) | Q(
        status=S.SENDING, claimed_until__lt=now
    )
    until = now + timedelta(seconds=settings.outbox_lease_seconds)
    try:
        taken = await Notification.filter(claimable, id=notification_id).update(
            status=S.SENDING, claimed_until=until, attempts=F("attempts") + 1
        )
    except db.UNAVAILABLE:
        # The connection broke, perhaps after the UPDATE committed: the lease end we wrote
        # tells whether the row is ours. Otherwise it would wait out the whole lease unsent.
        mine = Notification.filter(id=notification_id, status=S.SENDING, claimed_until=until)
        taken = await _patiently(mine.count, settings, f"checking claim {notification_id}")
    if taken != 1:
        return None
    return await _patiently(
        lambda: Notification.get(id=notification_id).select_related("user"),
        settings,
        f"loading claimed {notification_id}",
    )


async def _patiently(operation: Callable[[], Awaitable[T]], settings: Settings, what: str) -> T:
    """While a claimed row is ours (half its lease), wait for a database that went away."""
    return await db.patiently(operation, settings.outbox_lease_seconds / 2, what)


async def defer(row: Notification, until: datetime) -> None:
    """Give a claimed row back unsent, to go at ``until`` (quiet hours); not an attempt."""
    await Notification.filter(id=row.id, status=S.SENDING).update(
        status=S.PENDING, send_after=until, attempts=F("attempts") - 1, claimed_until=None
    )


async def mark_sent(row: Notification, now: datetime) -> None:
    await Notification.filter(id=row.id, status=S.SENDING).update(
        status=S.SENT, sent_at=now, claimed_until=None, last_error=""
    )


async def mark_failed(row: Notification, error: str, now: datetime, settings: Settings) -> bool:
    """Record a failed attempt: back off and retry, or give up. Returns True if it will retry."""
    retry = row.attempts < settings.outbox_max_attempts
    backoff = settings.outbox_retry_seconds * 2 ** (row.attempts - 1)
    await Notification.filter(id=row.id, status=S.SENDING).update(
        status=S.PENDING if retry else S.FAILED,
        send_after=now + timedelta(seconds=backoff) if retry else row.send_after,
        claimed_until=None,
        last_error=error[:2000],
    )
    return retry


async def due_rows(now: datetime, *, after: int = 0, limit: int = 1000) -> list[Notification]:
    """Rows the sweep should wake (pending and due, or stuck with an expired lease), by id
    from ``after``, at most ``limit``; the columns ``job_id`` needs."""
    stuck = Q(status=S.PENDING, send_after__lte=now) | Q(status=S.SENDING, claimed_until__lt=now)
    rows = Notification.filter(stuck, id__gt=after).order_by("id").limit(limit)
    return list(await rows.only("id", "attempts", "send_after"))


async def due_ids(now: datetime, limit: int = 1000) -> list[int]:
    """The first ``limit`` of ``due_rows``' ids."""
    return [row.id for row in await due_rows(now, limit=limit)]


async def retry_failed(
    notification_id: int, actor: User, origin: Origin, settings: Settings
) -> None:
    """An admin sends a failed message again, from the first attempt."""
    now = datetime.now(UTC)
    changed = await Notification.filter(id=notification_id, status=S.FAILED).update(
        status=S.PENDING, attempts=0, send_after=now, last_error=""
    )
    if changed != 1:
        raise NotFound(N_("This message is not waiting for a retry."))
    await record(
        actor,
        "notification.retry",
        origin,
        object_type="notification",
        object_id=str(notification_id),
    )
    await dispatch([notification_id], settings)
