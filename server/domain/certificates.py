"""Volunteer service certificates (志愿服务证明): issued from the hours ledger, checked by anyone
who holds the number and verification code, revocable, printed as an A4 PDF in Chinese.

A certificate freezes what it certifies: ``items`` are the member's ledger credits in the period
with every correction applied (one corrected to zero is left out), ``total_hours`` their sum.
That equals the sum of the member's ledger entries dated in the period, since a correction
carries its original's service date. Numbers read "DS-<year>-<six digits of the row id>", unique
by construction; because they run in sequence, the public check also asks for the random code.

Staff of a centre at the member's community, or admins at or above it, issue and revoke — the
people who review the member's report-in (``members.may_review``); nobody certifies themself.
The PDF's labels are fixed Chinese: the certificate is the document the national rules describe.
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from tortoise.transactions import in_transaction

from server.domain import certificate_pdf, counter, hours, members
from server.domain.audit import Origin, record
from server.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from server.i18n import N_
from server.models.accounts import User
from server.models.audit import AuditEntry
from server.models.base import new_code, new_token
from server.models.members import Certificate, HoursEntry, Member
from server.models.places import Centre, OrgNode
from server.settings import Settings
from server.settings import get as get_settings

PREFIX = "DS"
EARLIEST = date(2000, 1, 1)
NOT_FOUND = N_("No certificate matches this number and verification code.")


# Masking --------------------------------------------------------------------------------------


def mask_number(text: str) -> str:
    """Keep the first two and last two characters: 'DY20190815' -> 'DY******15'."""
    text = text.strip()
    if len(text) <= 4:
        return text[:1] + "*" * (len(text) - 1) if text else ""
    return text[:2] + "*" * (len(text) - 4) + text[-2:]


def mask_name(name: str) -> str:
    """Keep the first and last character: '张小明' -> '张*明', '李四' -> '李*'."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def identity(member: Member, user: User) -> tuple[str, str]:
    """The label and masked value that identify the member on the certificate."""
    if member.member_no:
        return "党员编号", mask_number(member.member_no)
    return "手机号码", mask_number(user.phone)


# Issuing --------------------------------------------------------------------------------------


async def may_issue(user: User, member: Member) -> bool:
    return await members.may_review(user, member)


def local_today(now: datetime) -> date:
    return now.astimezone(get_settings().tz).date()


def _check_period(period_from: date | None, period_to: date | None, today: date) -> None:
    fields: dict[str, str] = {}
    if period_from is None or period_from < EARLIEST:
        fields["period_from"] = N_("Give the first day of the period.")
    if period_to is None:
        fields["period_to"] = N_("Give the last day of the period.")
    elif period_to > today:
        fields["period_to"] = N_("The period cannot end in the future.")
    elif period_from is not None and period_to < period_from:
        fields["period_to"] = N_("The period must end on or after its first day.")
    if fields:
        raise ValidationFailed(next(iter(fields.values())), fields=fields)


async def ledger_items(member: Member, period_from: date, period_to: date) -> list[dict[str, Any]]:
    """The credits dated in the period, each with its corrections applied, in date order."""
    rows = await HoursEntry.filter(
        member_id=member.id, service_date__gte=period_from, service_date__lte=period_to
    ).order_by("service_date", "id")
    counts: dict[int, Decimal] = {}
    for row in rows:
        key = hours.original_id(row)
        counts[key] = counts.get(key, Decimal(0)) + Decimal(str(row.hours))
    paths = {row.node_path for row in rows}
    names = dict(await OrgNode.filter(path__in=list(paths)).values_list("path", "name"))
    return [
        {
            "date": row.service_date.isoformat(),
            "service": row.description,
            "place": names.get(row.node_path, ""),
            "hours": str(counts[row.id].quantize(hours.CENTS)),
            "verification": row.verification,
        }
        for row in rows
        if row.corrects_id is None and counts[row.id] > 0  # type: ignore[attr-defined]
    ]


async def _issuing_node(staff: User, member: Member, centre: Centre | None) -> OrgNode:
    """The centre's node; without a centre, the member's community."""
    if centre is None:
        return await OrgNode.get(id=member.community_id)  # type: ignore[attr-defined]
    if centre.id not in {c.id for c in await counter.centres_of(staff)}:
        raise PermissionDenied(N_("You are not staff of this centre."))
    if not member.node_path.startswith(centre.node_path):
        raise PermissionDenied(N_("This member does not report in to this centre's area."))
    return await OrgNode.get(id=centre.node_id)


async def issue(
    staff: User,
    member: Member,
    period_from: date | None,
    period_to: date | None,
    origin: Origin,
    *,
    centre: Centre | None = None,
    now: datetime | None = None,
) -> Certificate:
    """Certify the member's verified hours in the period, as the ledger holds them now."""
    now = now or datetime.now(UTC)
    if not await may_issue(staff, member):
        raise PermissionDenied(
            N_("Only staff of the member's community may issue their certificates.")
        )
    _check_period(period_from, period_to, local_today(now))
    assert period_from is not None and period_to is not None
    node = await _issuing_node(staff, member, centre)
    items = await ledger_items(member, period_from, period_to)
    if not items:
        raise ValidationFailed(N_("The member has no verified hours in this period."))
    total = sum((Decimal(i["hours"]) for i in items), Decimal(0))
    async with in_transaction():
        cert = await Certificate.create(
            number=f"new:{new_token()}",  # replaced below, once the row has its id
            verification_code=new_code(8),
            member=member,
            period_from=period_from,
            period_to=period_to,
            total_hours=total,
            items=items,
            issuing_node=node,
            issued_by=staff,
            issued_at=now,
        )
        cert.number = f"{PREFIX}-{local_today(now).year}-{cert.id:06d}"
        await cert.save(update_fields=["number"])
        await _audit(staff, cert, member, "certificate.issue", origin, hours=str(total))
    return cert


async def _audit(
    actor: User, cert: Certificate, member: Member, action: str, origin: Origin, **after: Any
) -> None:
    await record(
        actor,
        action,
        origin,
        object_type="certificate",
        object_id=cert.number,
        node_path=member.node_path,
        after=after,
    )


async def revoke(
    staff: User, cert: Certificate, reason: str, origin: Origin, *, now: datetime | None = None
) -> Certificate:
    """Withdraw a certificate, saying why (kept in the audit log); its check shows it revoked."""
    now = now or datetime.now(UTC)
    member = await Member.get(id=cert.member_id)  # type: ignore[attr-defined]
    if not await may_issue(staff, member):
        raise PermissionDenied(
            N_("Only staff of the member's community may revoke their certificates.")
        )
    reason = reason.strip()[:200]
    if not reason:
        message = N_("Please give the reason for revoking the certificate.")
        raise ValidationFailed(message, fields={"reason": message})
    async with in_transaction():
        moved = await Certificate.filter(id=cert.id, revoked_at__isnull=True).update(revoked_at=now)
        if moved != 1:
            raise Conflict(N_("This certificate has been revoked already."))
        cert.revoked_at = now
        await _audit(staff, cert, member, "certificate.revoke", origin, reason=reason)
    return cert


async def revocation_reason(cert: Certificate) -> str:
    return (await revocation_reasons([cert])).get(cert.number, "")


async def revocation_reasons(certs: Iterable[Certificate]) -> dict[str, str]:
    """Why each of ``certs`` was revoked, by number (revoked ones only), in one query."""
    numbers = [c.number for c in certs]
    if not numbers:
        return {}
    entries = await AuditEntry.filter(
        object_type="certificate", object_id__in=numbers, action="certificate.revoke"
    ).order_by("-id")
    return {e.object_id: str((e.after or {}).get("reason", "")) for e in entries}


# Finding and checking -------------------------------------------------------------------------


async def by_number(number: str) -> Certificate | None:
    return await Certificate.get_or_none(number=number.strip().upper()).select_related(
        "member", "member__user", "issuing_node"
    )


async def certificate_for(user: User, number: str) -> Certificate:
    """The certificate if ``user`` is its member or may issue it; otherwise NotFound."""
    cert = await by_number(number)
    if cert is None:
        raise NotFound(N_("No certificate has this number."))
    if cert.member.user_id != user.id and not await may_issue(user, cert.member):  # type: ignore[attr-defined]
        raise NotFound(N_("No certificate has this number."))
    return cert


async def certificates_of(member: Member) -> list[Certificate]:
    """The member's certificates, newest first."""
    return (
        await Certificate.filter(member_id=member.id)
        .select_related("issuing_node", "issued_by")
        .order_by("-issued_at", "-id")
    )


@dataclass(frozen=True)
class Verified:
    """What the public check tells: no more personal data than the masked name."""

    number: str
    name: str
    period_from: date
    period_to: date
    total_hours: Decimal
    issuer: str
    issuer_en: str
    issued_on: date
    revoked_on: date | None

    @property
    def valid(self) -> bool:
        return self.revoked_on is None


async def verify(number: str, code: str) -> Verified:
    """The public facts of the certificate with this number and code, else NotFound."""
    cert = await by_number(number) if number.strip() else None
    given = code.strip().upper().encode()
    if cert is None or not hmac.compare_digest(given, cert.verification_code.encode()):
        raise NotFound(NOT_FOUND)
    revoked = cert.revoked_at
    return Verified(
        number=cert.number,
        name=mask_name(cert.member.real_name),
        period_from=cert.period_from,
        period_to=cert.period_to,
        total_hours=Decimal(str(cert.total_hours)),
        issuer=cert.issuing_node.name,
        issuer_en=cert.issuing_node.name_en,
        issued_on=local_today(cert.issued_at),
        revoked_on=local_today(revoked) if revoked else None,
    )


def verify_url(cert: Certificate, settings: Settings) -> str:
    query = urlencode({"number": cert.number, "code": cert.verification_code})
    return f"{settings.public_base_url}/certificates/verify?{query}"


# The PDF --------------------------------------------------------------------------------------


async def render_pdf(cert: Certificate, settings: Settings) -> bytes:
    """The certificate as an A4 PDF (drawn in a thread: it takes a few tenths of a second)."""
    member = await Member.get(id=cert.member_id).select_related("user")  # type: ignore[attr-defined]
    node = await OrgNode.get(id=cert.issuing_node_id)  # type: ignore[attr-defined]
    label, value = identity(member, member.user)
    sheet = certificate_pdf.Sheet(
        number=cert.number,
        code=cert.verification_code,
        name=member.real_name,
        id_label=label,
        id_value=value,
        period_from=cert.period_from,
        period_to=cert.period_to,
        total=certificate_pdf.hours_text(cert.total_hours),
        items=list(cert.items),
        issuer=node.name,
        issued_on=cert.issued_at.astimezone(settings.tz).date(),
        url=verify_url(cert, settings),
        revoked_on=cert.revoked_at.astimezone(settings.tz).date() if cert.revoked_at else None,
    )
    return await asyncio.to_thread(certificate_pdf.draw, sheet)
