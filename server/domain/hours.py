"""The volunteer-hours ledger (志愿服务时长): append-only; corrections are new entries.

An entry is written once and never updated or deleted: this module has no path that does
either, and the tests compare snapshots of the table. A credit is written when staff verify a
claim; a correction is a new entry whose hours are the difference between the value staff set
and the original's effective value (the original plus every correction of it). A correction of
a correction points at the same original, so an original's story is one flat list. A member's
total is the sum of their entries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation

from tortoise.transactions import in_transaction

from server.domain import counter
from server.domain.audit import Origin, record
from server.domain.errors import PermissionDenied, ValidationFailed
from server.i18n import N_
from server.models.accounts import User
from server.models.members import Claim, HoursEntry, HoursKind, Member

MAX_HOURS = Decimal(12)  # one claim's work at most; also the bound of a corrected value
CENTS = Decimal("0.01")


def parse_hours(raw: object, field: str = "hours") -> Decimal:
    """A number of hours from 0 to 12 with at most two decimals, else ValidationFailed."""
    try:
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or value < 0 or value > MAX_HOURS or value != value.quantize(CENTS):
        message = N_("Give the hours as a number from 0 to 12, e.g. 2.5.")
        raise ValidationFailed(message, fields={field: message})
    return value


async def credit(
    member: Member,
    claim: Claim | None,
    hours: Decimal,
    *,
    service_date: date,
    description: str,
    node_path: str,
    verified_by: User | None,
    verification: str,
) -> HoursEntry:
    """Append a credit (inside the caller's transaction, e.g. staff verifying a claim)."""
    if hours <= 0:
        raise ValueError("a credit is a positive number of hours")
    return await HoursEntry.create(
        member=member,
        claim=claim,
        kind=HoursKind.CREDIT,
        service_date=service_date,
        hours=hours.quantize(CENTS),
        description=description[:200],
        node_path=node_path,
        verified_by=verified_by,
        verification=verification[:32],
    )


def original_id(entry: HoursEntry) -> int:
    """The credit an entry is about: itself, or the original a correction points at."""
    return entry.corrects_id or entry.id  # type: ignore[attr-defined, no-any-return]


async def effective(entry: HoursEntry) -> Decimal:
    """The hours the original behind ``entry`` counts now: it and all its corrections."""
    first = original_id(entry)
    rows = await HoursEntry.filter(id=first).values_list("hours", flat=True)
    rows += await HoursEntry.filter(corrects_id=first).values_list("hours", flat=True)
    return sum((Decimal(str(h)) for h in rows), Decimal(0))


def effective_of(rows: Iterable[HoursEntry]) -> dict[int, Decimal]:
    """What each original counts now, by its id, from rows that hold all its corrections (a
    member's whole ledger does: a correction belongs to the original's member)."""
    totals: dict[int, Decimal] = defaultdict(Decimal)
    for row in rows:
        totals[original_id(row)] += Decimal(str(row.hours))
    return dict(totals)


def total_of(rows: Iterable[HoursEntry]) -> Decimal:
    """The sum of ``rows``: with a member's whole ledger, what ``total`` returns."""
    return sum((Decimal(str(row.hours)) for row in rows), Decimal(0))


async def may_correct(user: User, entry: HoursEntry) -> bool:
    """Staff of the centre where the service was given, or admins above it."""
    return entry.id in await correctable(user, [entry])


async def correctable(user: User, entries: Sequence[HoursEntry]) -> set[int]:
    """The ids of the ``entries`` that ``user`` may correct, in two queries for any number."""
    centres = await counter.centres_of(user)
    ids = {c.id for c in centres}
    claim_ids = [e.claim_id for e in entries if e.claim_id is not None]  # type: ignore[attr-defined]
    claimed = Claim.filter(id__in=claim_ids).values_list("id", "task__centre_id")
    centre_of_claim: dict[int, int] = dict(await claimed) if claim_ids else {}  # type: ignore[arg-type]

    def may(entry: HoursEntry) -> bool:
        claim_id: int | None = entry.claim_id  # type: ignore[attr-defined]
        if claim_id is not None:  # the centre of the claim's task
            return centre_of_claim.get(claim_id, 0) in ids
        return any(entry.node_path.startswith(c.node_path) for c in centres)

    return {e.id for e in entries if may(e)}


async def correct(
    staff: User,
    entry: HoursEntry,
    new_hours: object,
    reason: str,
    origin: Origin,
    *,
    now: datetime | None = None,
) -> HoursEntry:
    """Set the hours of ``entry``'s original to ``new_hours`` by appending a correction."""
    now = now or datetime.now(UTC)
    if not await may_correct(staff, entry):
        raise PermissionDenied(
            N_("Only staff of the centre where the service was given may correct its hours.")
        )
    value = parse_hours(new_hours)
    reason = reason.strip()
    if not reason:
        message = N_("Please give the reason for the correction.")
        raise ValidationFailed(message, fields={"reason": message})
    async with in_transaction():
        # Two corrections at once must not both start from the same effective value.
        original = await HoursEntry.select_for_update().get(id=original_id(entry))
        before = await effective(original)
        if value == before:
            message = N_("The entry already counts this many hours.")
            raise ValidationFailed(message, fields={"hours": message})
        fix = await HoursEntry.create(
            member_id=original.member_id,  # type: ignore[attr-defined]
            claim_id=original.claim_id,  # type: ignore[attr-defined]
            kind=HoursKind.CORRECTION,
            corrects=original,
            service_date=original.service_date,
            hours=value - before,
            description=reason[:200],
            node_path=original.node_path,
            verified_by=staff,
            verification="correction",
            created_at=now,
        )
        await record(
            staff,
            "hours.correct",
            origin,
            object_type="hours_entry",
            object_id=str(original.id),
            node_path=original.node_path,
            before={"hours": str(before)},
            after={"hours": str(value), "correction": fix.id, "reason": reason[:200]},
        )
    return fix


async def entries(member: Member) -> list[HoursEntry]:
    """Every entry of the member, in the order of service, corrections after what they fix."""
    return await HoursEntry.filter(member_id=member.id).order_by("service_date", "id")


async def total(member: Member) -> Decimal:
    """The member's hours: the sum of all their entries."""
    rows = await HoursEntry.filter(member_id=member.id).values_list("hours", flat=True)
    return sum((Decimal(str(h)) for h in rows), Decimal(0))
