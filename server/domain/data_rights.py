"""A resident's data rights: a copy of everything about them, and deletion by anonymisation.

Deletion waits ``DELETION_GRACE`` (a cooling-off period, 注销冷静期): the request, made with the
password, schedules the anonymisation as a ScheduledJob that the worker runs when it falls due;
until then the owner may log in and keep the account. ``anonymise`` itself (also callable at
once, e.g. by a command) removes or replaces every personal field and keeps the rows that the
figures count (bookings, needs and their events, claims, hours), so booking counts, the three
rates and hours totals do not change. Audit entries stay, with the person's phone, name and
address taken out of them: the one change to the log, made by the anonymisation and logged.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.transactions import in_transaction

from server import cache
from server.domain import bookings, claims, scheduler
from server.domain.audit import Origin, record
from server.domain.errors import Conflict, DomainError, ValidationFailed
from server.domain.people import ANONYMISED_PREFIX, is_anonymised
from server.i18n import N_
from server.models.accounts import ApiToken, RoleGrant, Session, User
from server.models.audit import AuditEntry
from server.models.bookings import Booking, BookingStatus
from server.models.jobs import ScheduledJob, ScheduledStatus
from server.models.members import (
    Certificate,
    Claim,
    Feedback,
    HoursEntry,
    Invitation,
    InvitationStatus,
    Member,
    Pledge,
    PledgeStatus,
)
from server.models.needs import Need, NeedEvent, Photo
from server.models.notifications import Notification
from server.security.passwords import verify_password
from server.settings import Settings

DELETION_GRACE = timedelta(days=7)
JOB = "data_rights.anonymise"
ANONYMOUS_NAME = "已注销用户"
REDACTED = "***"
REASON = "account deleted"
FIELDS_SUMMARY = N_("Please correct the marked fields.")


# The request ----------------------------------------------------------------------------------


async def pending_deletion(user: User) -> datetime | None:
    """When the requested anonymisation will run, or None if none is waiting."""
    row = await ScheduledJob.filter(
        function=JOB,
        subject_type="user",
        subject_id=user.id,
        status__in=[ScheduledStatus.PENDING, ScheduledStatus.RUNNING],
    ).first()
    return row.run_at if row else None


async def request_deletion(
    user: User,
    password: str,
    reason: str,
    origin: Origin,
    settings: Settings,
    *,
    now: datetime | None = None,
) -> datetime:
    """Ask for the account to be deleted; returns when the anonymisation will run."""
    now = now or datetime.now(UTC)
    errors: dict[str, str] = {}
    if not verify_password(user.password_hash, password):
        errors["password"] = N_("The password is not correct.")
    reason = " ".join(reason.split())[:500]
    if not reason:
        errors["reason"] = N_("Tell us in a few words why you are leaving.")
    if await RoleGrant.filter(user_id=user.id).exists():
        errors["roles"] = N_(
            "You still hold a staff, admin or grid worker role; ask your admin to remove it first."
        )
    if errors:
        raise ValidationFailed(FIELDS_SUMMARY, fields=errors)
    if await pending_deletion(user):
        raise Conflict(N_("Your account is already waiting to be deleted."))
    due = now + DELETION_GRACE
    async with in_transaction():
        key = f"{JOB}:{user.id}:{int(now.timestamp())}"
        job = await scheduler.schedule(JOB, [user.id], due, key=key, subject=("user", user.id))
        await record(
            user,
            "user.deletion_request",
            origin,
            object_type="user",
            object_id=user.public_id,
            after={"reason": reason, "due": due.isoformat()},
        )
    await scheduler.wake([job], settings)
    return due


async def cancel_deletion(user: User, origin: Origin) -> None:
    """Keep the account: the waiting anonymisation never runs."""
    async with in_transaction():
        if not await scheduler.cancel("user", user.id, [JOB]):
            raise Conflict(N_("Your account is not waiting to be deleted."))
        await record(
            user, "user.deletion_cancel", origin, object_type="user", object_id=user.public_id
        )


async def run_due(user_id: int, settings: Settings) -> str:
    """The scheduled job's body: anonymise the account unless that is done already."""
    user = await User.get_or_none(id=user_id)
    if user is None or is_anonymised(user):
        return "gone"
    await anonymise(user, None, Origin(via="job"), settings)
    return "anonymised"


# Anonymisation --------------------------------------------------------------------------------


async def anonymise(
    user: User, by: User | None, origin: Origin, settings: Settings, *, now: datetime | None = None
) -> None:
    """Remove or replace ``user``'s personal data; keep every row that a figure counts.

    Upcoming bookings are cancelled and claims in hand given back first (each in its own
    transaction, as the person would have done), so places and tasks open again for others.
    """
    now = now or datetime.now(UTC)
    await _wind_down(user, settings, origin, now)
    theirs = await _theirs(user)
    async with in_transaction():
        await _replace_identity(user, theirs, now)
        await _clean_texts(user, theirs)
        await _forget_messages(user, theirs)
        files = await Photo.filter(uploaded_by_id=user.id).values_list("path", "thumb_path")
        await Photo.filter(uploaded_by_id=user.id).delete()
        await record(
            by,
            "user.anonymise",
            origin,
            object_type="user",
            object_id=user.public_id,
            after={"anonymised": True},
        )
    for path in (p for pair in files for p in pair if p):
        with contextlib.suppress(FileNotFoundError):
            (settings.media_dir / str(path)).unlink()


async def _wind_down(user: User, settings: Settings, origin: Origin, now: datetime) -> None:
    upcoming = Booking.filter(user_id=user.id, status=BookingStatus.BOOKED, starts_at__gt=now)
    for booking in await upcoming.select_related("service", "service__centre"):
        with contextlib.suppress(Conflict):  # changed meanwhile: nothing left to free
            async with in_transaction():
                await bookings.cancel_in_transaction(
                    user, booking, REASON, settings, origin, now=now
                )
    working = Claim.filter(member__user_id=user.id, status__in=list(claims.WORKING))
    for claim in await working:
        with contextlib.suppress(DomainError):
            await claims.give_back(user, claim, REASON, settings, origin, now=now)


@dataclass(frozen=True)
class _Theirs:
    """The rows that are the person's, and their details as they may appear in free text."""

    needs: list[int]  # needs they asked for (not those they posted for someone else)
    bookings: list[int]
    claims: list[int]
    codes: dict[str, list[str]]  # public codes by object type, as the audit log names them
    secrets: list[str]  # longest first, so a name inside an address goes with the address


async def _texts(rows: Any, *names: str) -> set[str]:
    return {str(value) for row in await rows.values_list(*names) for value in row if value}


async def _theirs(user: User) -> _Theirs:
    needs = Need.filter(requester_id=user.id)
    own_bookings = Booking.filter(user_id=user.id)
    own_claims = Claim.filter(member__user_id=user.id)
    found = {user.phone, user.display_name, user.email or ""}
    found |= await _texts(Member.filter(user_id=user.id), "real_name", "member_no")
    found |= await _texts(own_bookings, "for_name", "for_phone")
    found |= await _texts(needs, "contact_name", "contact_phone", "address_private")
    # One character would blank out unrelated words; such a name is left where it is.
    secrets = sorted({s.strip() for s in found if len(s.strip()) >= 2}, key=len, reverse=True)
    kinds: dict[str, Any] = {"need": needs, "booking": own_bookings, "claim": own_claims}
    codes = {kind: sorted(await _texts(rows, "code")) for kind, rows in kinds.items()}
    ids = [list(await rows.values_list("id", flat=True)) for rows in kinds.values()]
    return _Theirs(ids[0], ids[1], ids[2], codes, secrets)


def _clean(value: Any, secrets: list[str]) -> Any:
    """``value`` with every secret replaced, inside strings, lists and dicts alike."""
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, REDACTED)
        return value
    if isinstance(value, list):
        return [_clean(v, secrets) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v, secrets) for k, v in value.items()}
    return value


async def _clean_rows(model: type[Model], where: Q, names: str, secrets: list[str]) -> None:
    """Replace the secrets in the ``names`` columns of the rows ``where`` selects."""
    columns = names.split()
    for row in await model.filter(where).only("id", *columns):
        changed = [n for n in columns if _clean(getattr(row, n), secrets) != getattr(row, n)]
        for name in changed:
            setattr(row, name, _clean(getattr(row, name), secrets))
        if changed:
            await row.save(update_fields=changed)


async def _replace_identity(user: User, theirs: _Theirs, now: datetime) -> None:
    placeholder = f"{ANONYMISED_PREFIX}{user.id:010d}"  # never a mobile number: cannot log in
    await User.filter(id=user.id).update(
        phone=placeholder,
        display_name=ANONYMOUS_NAME,
        email=None,
        password_hash="",
        is_active=False,
        deactivated_at=user.deactivated_at or now,
        quiet_start=None,
        quiet_end=None,
        last_login_at=None,
    )
    await Session.filter(user_id=user.id).delete()
    await ApiToken.filter(user_id=user.id).delete()
    await RoleGrant.filter(user_id=user.id).delete()  # e.g. given during the cooling-off period
    await Need.filter(id__in=theirs.needs).update(
        contact_name="", contact_phone="", address_private=""
    )
    await Booking.filter(id__in=theirs.bookings).update(for_name="", for_phone="")
    held = Booking.filter(id__in=theirs.bookings, holder_key__isnull=False)
    for booking_id in await held.values_list("id", flat=True):  # the key holds a phone
        await Booking.filter(id=booking_id).update(holder_key=f"{user.id}:gone{booking_id}")
    await Member.filter(user_id=user.id).update(real_name="", member_no="")
    await Pledge.filter(member__user_id=user.id).update(text="", status=PledgeStatus.WITHDRAWN)
    await Invitation.filter(member__user_id=user.id, status=InvitationStatus.PENDING).update(
        status=InvitationStatus.EXPIRED, answered_at=now
    )
    for member in await Member.filter(user_id=user.id).only("id"):
        await cache.bump(cache.member(member.id))  # pledges and invitations, for "for you"
    await AuditEntry.filter(actor_id=user.id).update(actor_label=placeholder, ip="", user_agent="")


async def _clean_texts(user: User, theirs: _Theirs) -> None:
    """Free text the person wrote, or others wrote about their things, without their details."""
    mine = Q(member__user_id=user.id)
    audit = Q(actor_id=user.id) | Q(object_type__in=["user", "member"], object_id=user.public_id)
    for kind, codes in theirs.codes.items():
        audit |= Q(object_type=kind, object_id__in=codes)
    texts: list[tuple[type[Model], Q, str]] = [
        (
            Need,
            Q(id__in=theirs.needs),
            "title description preferred_time wish_item status_reason rating_comment",
        ),
        (NeedEvent, Q(need_id__in=theirs.needs) | Q(actor_id=user.id), "note data"),
        (Booking, Q(id__in=theirs.bookings), "note cancel_reason"),
        (Member, Q(user_id=user.id), "status_reason"),
        (Claim, Q(id__in=theirs.claims), "completion_note dispute_reason ended_reason"),
        (Feedback, mine | Q(author_id=user.id), "comment"),
        (HoursEntry, mine, "description"),
        (Certificate, mine, "items"),
        (Invitation, mine, "reason"),
        (AuditEntry, audit, "before after"),
    ]
    for model, where, names in texts:
        await _clean_rows(model, where, names, theirs.secrets)


async def _forget_messages(user: User, theirs: _Theirs) -> None:
    """Delete the person's messages and the SMS to whom they booked for; clean the messages
    others got about their needs, bookings and claims. (Bookings others made for this person
    are those others' and stay as they are.)"""
    await Notification.filter(user_id=user.id).delete()
    await Notification.filter(
        subject_type="booking", subject_id__in=theirs.bookings, user_id__isnull=True
    ).delete()
    about = (
        Q(subject_type="need", subject_id__in=theirs.needs)
        | Q(subject_type="booking", subject_id__in=theirs.bookings)
        | Q(subject_type="claim", subject_id__in=theirs.claims)
    )
    await _clean_rows(Notification, about, "payload", theirs.secrets)
