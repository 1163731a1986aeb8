"""A person's copy of their data (the right of access): everything about them, nothing of others.

``export(user)`` is a JSON-ready dict; ``export_json`` its bytes; ``export_zip`` the JSON with
the photos the person uploaded. Password hashes, session keys and token hashes are never in it;
where a row also concerns someone else (a need posted on another's behalf, what staff did to
the account) only the person's own part is included.
"""

from __future__ import annotations

import asyncio
import io
import json
import zipfile
from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from tortoise.expressions import Q
from tortoise.models import Model

from server.domain.audit import Origin, record
from server.models.accounts import ApiToken, RoleGrant, Session, User
from server.models.audit import AuditEntry
from server.models.bookings import Booking
from server.models.members import (
    Certificate,
    Claim,
    Feedback,
    HoursEntry,
    Invitation,
    Member,
    Pledge,
)
from server.models.needs import Need, NeedEvent, Photo
from server.models.notifications import Notification
from server.settings import Settings

FORMAT = "doorstep.personal-data/1"
ACCOUNT = """public_id phone display_name email language elderly_mode notify_email notify_sms
    quiet_start quiet_end is_active created_at last_login_at password_changed_at deactivated_at"""
NEEDS = """id code kind centre__name node__name category__name title description urgency
    preferred_time wish_item budget_cap address_private contact_name contact_phone status
    status_reason rating rating_comment created_at responded_at resolved_at confirmed_at
    closed_at"""
MEMBER = """real_name member_no unit__name community__name grid__name status status_reason
    reported_at verified_at confirmed_until"""
BOOKINGS = """code service__name centre__name starts_at ends_at status source for_name
    for_phone note cancel_reason rating checked_in_at cancelled_at created_at"""
PLEDGES = """text availability date_from date_to monthly_tasks monthly_hours valid_until
    status created_at"""
CLAIMS = """code task__title status claimed_at due_at work_started_at work_ended_at
    completion_note completed_at confirmed_at dispute_reason verified_at ended_reason ended_at"""
FEEDBACK = "kind score comment claim__code created_at"

# name: (model, the column that makes a row the user's, the columns exported)
EXPORTED: dict[str, tuple[type[Model], str, str]] = {
    "roles": (RoleGrant, "user_id", "role centre__name node__name created_at"),
    "sessions": (Session, "user_id", "created_at last_seen_at expires_at ip user_agent"),
    "api_tokens": (ApiToken, "user_id", "created_at expires_at last_used_at revoked_at"),
    "bookings": (Booking, "user_id", BOOKINGS),
    "photos": (Photo, "uploaded_by_id", "public_id stage need__code claim__code created_at"),
    "pledges": (Pledge, "member__user_id", PLEDGES),
    "claims": (Claim, "member__user_id", CLAIMS),
    "hours": (HoursEntry, "member__user_id", "service_date hours kind description verification"),
    "certificates": (Certificate, "member__user_id", "number period_from period_to total_hours"),
    "invitations": (Invitation, "member__user_id", "code task__title status reason created_at"),
    "feedback_given": (Feedback, "author_id", FEEDBACK),
    "feedback_received": (Feedback, "member__user_id", FEEDBACK),
    "notifications": (Notification, "user_id", "event channel status to_address payload sent_at"),
}


async def export(user: User) -> dict[str, Any]:
    """Everything Doorstep holds about ``user`` and nothing about anyone else."""
    own_needs = await Need.filter(requester_id=user.id).order_by("id").values(*NEEDS.split())
    own_ids = [n.pop("id") for n in own_needs]
    data: dict[str, Any] = {
        "format": FORMAT,
        "exported_at": datetime.now(UTC),
        "account": {name: getattr(user, name) for name in ACCOUNT.split()},
        "member": await Member.filter(user_id=user.id).first().values(*MEMBER.split()),
        "needs": own_needs,
        "need_history": await _history(user, own_ids),
        "needs_posted_for_others": await _posted_for_others(user),
        "audit": await _audit_about(user),
    }
    for name, (model, owner, fields) in EXPORTED.items():
        rows = model.filter(**{owner: user.id}).order_by("id")
        data[name] = await rows.values(*fields.split())
    return data


async def _history(user: User, own_ids: list[int]) -> list[dict[str, Any]]:
    """The events of the user's own needs (whoever made them), and the events the user made on
    other needs without their notes (those are about someone else)."""
    fields = "need_id need__code action from_status to_status note actor_id created_at"
    rows = NeedEvent.filter(Q(need_id__in=own_ids) | Q(actor_id=user.id)).order_by("id")
    found = await rows.values(*fields.split())
    for row in found:
        own = row.pop("need_id") in own_ids
        row["by_you"] = row.pop("actor_id") == user.id
        if not own:
            row["note"] = ""
    return found


async def _posted_for_others(user: User) -> list[dict[str, Any]]:
    """Needs the user posted on someone's behalf, without that person's details."""
    rows = await Need.filter(posted_by_id=user.id).values(
        "code", "title", "status", "created_at", "requester_id"
    )
    return [r for r in rows if r.pop("requester_id") != user.id]


async def _audit_about(user: User) -> list[dict[str, Any]]:
    """What the user did (without before/after: those may hold someone else's details), and
    what was done to their account (without who did it)."""
    done = AuditEntry.filter(actor_id=user.id).order_by("id")
    about = AuditEntry.filter(object_type__in=["user", "member"], object_id=user.public_id)
    # Not exclude(actor_id=...): NOT (actor_id = x) is never true where actor_id is NULL (a job).
    to_them = about.filter(Q(actor_id__isnull=True) | Q(actor_id__not=user.id)).order_by("id")
    return [
        *await done.values("action", "object_type", "object_id", "ip", "user_agent", "created_at"),
        *await to_them.values("action", "before", "after", "created_at"),
    ]


def _plain(value: Any) -> Any:
    """JSON for what the database returns: times, dates, decimals and enums as text."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot export {type(value).__name__}")


def export_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_plain).encode()


async def export_zip(user: User, settings: Settings) -> bytes:
    """The copy as ``data.json`` with the user's photos beside it, in a zip archive."""
    data = export_json(await export(user))
    photos = await Photo.filter(uploaded_by_id=user.id).values_list("public_id", "path")
    return await asyncio.to_thread(_zip, data, photos, settings)


def _zip(data: bytes, photos: Iterable[tuple[str, str]], settings: Settings) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", data)
        for public_id, path in photos:
            source = settings.media_dir / path
            if source.is_file():
                archive.write(source, f"photos/{public_id}.jpg")
    return buffer.getvalue()


async def copy_for(user: User, settings: Settings, origin: Origin, *, with_photos: bool) -> bytes:
    """The user's copy (zip with photos, or JSON), its download written to the audit log."""
    data = await export_zip(user, settings) if with_photos else export_json(await export(user))
    kind = "zip" if with_photos else "json"
    await record(
        user,
        "user.data_export",
        origin,
        object_type="user",
        object_id=user.public_id,
        after={"format": kind},
    )
    return data
