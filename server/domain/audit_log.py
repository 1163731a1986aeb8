"""Reading the audit log: filters, one subtree of the tree, pages by keyset. Nothing here writes.

Entries are listed newest first. The page cursor is the id of the last entry shown (``before``):
ids grow with time, and "id < cursor ORDER BY id DESC" is served by the primary key, also for
the city-wide list, which has no narrower index to use. The cursor only moves through entries
the same filters and scope allow, so it reveals nothing.

Phone numbers are masked wherever an entry is shown (the actor, before/after values): the log
must not become a back door to the contact details whose views it records.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from tortoise.expressions import Q

from server.domain.accounts import MOBILE
from server.domain.errors import NotFound, ValidationFailed
from server.i18n import N_
from server.models.accounts import User
from server.models.audit import AuditEntry
from server.models.places import OrgNode

PRIVATE_VIEWS = ("need.view_private",)  # actions that showed someone private contact details
PAGE_SIZE = 50
VALUE_MAX = 80  # characters of one before/after value shown in the list
PHONE_IN_TEXT = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")
FIELDS_SUMMARY = N_("Please correct the marked fields.")


@dataclass(frozen=True)
class Filters:
    actor: str = ""  # a phone number or a user's public id
    action: str = ""  # a prefix: "booking" or "booking.cancel"
    object_type: str = ""
    object_id: str = ""
    since: date | None = None  # local dates, both inclusive
    until: date | None = None
    private_only: bool = False
    place: str = ""  # a node code inside the scope: narrows the subtree

    def query_string(self) -> str:
        """The filters as URL parameters (for the next page's link)."""
        pairs = {
            "actor": self.actor,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "since": self.since.isoformat() if self.since else "",
            "until": self.until.isoformat() if self.until else "",
            "private": "1" if self.private_only else "",
            "place": self.place,
        }
        return urlencode({k: v for k, v in pairs.items() if v})


@dataclass(frozen=True)
class Change:
    field: str
    before: str | None  # None: the entry has no "before" for this field
    after: str | None


@dataclass(frozen=True)
class Row:
    entry: AuditEntry
    who: str  # the actor's name and masked phone, or what acted without a person (job, cli)
    changes: list[Change] = field(default_factory=list)
    via: str = ""  # web, api, job or cli


@dataclass(frozen=True)
class Page:
    rows: list[Row]
    before: int | None  # cursor of the next (older) page; None on the last page


def _day(raw: str, name: str, errors: dict[str, str]) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors[name] = N_("Enter a date like 2026-03-01.")
        return None


def filters_from(params: Mapping[str, str]) -> Filters:
    """Filters from a submitted form; every problem is reported at once."""
    errors: dict[str, str] = {}
    since = _day(params.get("since", "").strip(), "since", errors)
    until = _day(params.get("until", "").strip(), "until", errors)
    if since and until and since > until:
        errors["until"] = N_("The end date is before the start date.")
    if errors:
        raise ValidationFailed(FIELDS_SUMMARY, fields=errors)
    return Filters(
        actor=params.get("actor", "").strip()[:40],
        action=params.get("action", "").strip()[:48],
        object_type=params.get("object_type", "").strip()[:24],
        object_id=params.get("object_id", "").strip()[:40],
        since=since,
        until=until,
        private_only=params.get("private", "") == "1",
        place=params.get("place", "").strip()[:32],
    )


async def _where(scope: OrgNode, filters: Filters, tz: str) -> Q | None:
    """The conditions for ``filters`` inside ``scope``; None when nothing can match."""
    conditions = [await _subtree(scope, filters.place)]
    if filters.actor:
        actor = await _actor(filters.actor)
        if actor is None:
            return None
        conditions.append(Q(actor_id=actor.id))
    if filters.private_only:
        conditions.append(Q(action__in=list(PRIVATE_VIEWS)))
    if filters.action:
        conditions.append(Q(action__startswith=filters.action))
    if filters.object_type:
        conditions.append(Q(object_type=filters.object_type))
    if filters.object_id:
        conditions.append(Q(object_id=filters.object_id))
    zone = ZoneInfo(tz)
    if filters.since:
        start = datetime.combine(filters.since, time(), zone).astimezone(UTC)
        conditions.append(Q(created_at__gte=start))
    if filters.until:
        end = datetime.combine(filters.until + timedelta(days=1), time(), zone).astimezone(UTC)
        conditions.append(Q(created_at__lt=end))
    return Q(*conditions)


async def _subtree(scope: OrgNode, place: str) -> Q:
    """Entries placed in ``scope``'s subtree (or ``place``'s, a node inside it). A root node
    also sees the entries that have no place (logins, account settings)."""
    if place and place != scope.code:
        node = await OrgNode.get_or_none(code=place)
        if node is None or not node.path.startswith(scope.path):
            raise NotFound(N_("No org node has the code %(code)s."), code=place)
        return Q(node_path__startswith=node.path)
    inside = Q(node_path__startswith=scope.path)
    return inside | Q(node_path="") if scope.depth == 0 else inside


async def _actor(text: str) -> User | None:
    phone = re.sub(r"[\s\-]", "", text)
    if MOBILE.match(phone):
        return await User.get_or_none(phone=phone)
    return await User.get_or_none(public_id=text)


async def query(
    scope: OrgNode,
    filters: Filters,
    tz: str,
    *,
    before: int | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    """One page of entries in ``scope`` matching ``filters``, newest first."""
    where = await _where(scope, filters, tz)
    if where is None:
        return Page([], None)
    rows = AuditEntry.filter(where)
    if before is not None:
        rows = rows.filter(id__lt=before)
    found = await rows.order_by("-id").limit(limit + 1).select_related("actor")
    more = len(found) > limit
    found = found[:limit]
    return Page([_row(e) for e in found], found[-1].id if more else None)


# Showing an entry -----------------------------------------------------------------------------


def mask_phone(text: str) -> str:
    """Every mainland mobile number in ``text`` with its middle four digits hidden."""
    return PHONE_IN_TEXT.sub(r"\1****\3", text)


def _who(entry: AuditEntry) -> str:
    actor: User | None = entry.actor
    if actor is None:
        return mask_phone(entry.actor_label)
    phone = mask_phone(actor.phone)
    return f"{actor.display_name} · {phone}" if actor.display_name else phone


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = mask_phone(text)
    return text if len(text) <= VALUE_MAX else text[: VALUE_MAX - 1] + "…"


def changes(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> list[Change]:
    """The fields that differ between ``before`` and ``after`` (all of them if one is missing)."""
    before, after = before or {}, after or {}
    names = list(dict.fromkeys([*before, *after]))
    return [
        Change(
            name,
            _shown(before[name]) if name in before else None,
            _shown(after[name]) if name in after else None,
        )
        for name in names
        if before.get(name) != after.get(name) or name not in before or name not in after
    ]


def _row(entry: AuditEntry) -> Row:
    before = entry.before if isinstance(entry.before, dict) else None
    after = entry.after if isinstance(entry.after, dict) else None
    # ``via`` is kept on the entry once AuditEntry has its column; until then only for the
    # entries without a person, whose label is the way they came.
    via = entry.via or ("" if entry.actor_id else entry.actor_label)  # type: ignore[attr-defined]
    return Row(entry, _who(entry), changes(before, after), via)
