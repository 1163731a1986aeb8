"""On-the-job members: report-in to a home community and its verification."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from tortoise.transactions import in_transaction

from server.domain.audit import Origin, record
from server.domain.errors import NotFound, ValidationFailed
from server.i18n import N_
from server.models.accounts import User
from server.models.members import Member, MemberStatus
from server.models.places import Level, OrgNode

RECONFIRM_DAYS = 182  # members re-confirm their report-in every half year


async def enrol_verified(user: User, node_code: str, real_name: str, origin: Origin) -> Member:
    """Record ``user`` as a verified member of a community (or one of its grids)."""
    node = await OrgNode.get_or_none(code=node_code)
    if node is None:
        raise NotFound(N_("No org node has the code %(code)s."), code=node_code)
    if node.level not in (Level.COMMUNITY, Level.GRID):
        raise ValidationFailed(N_("A member reports in to a community or one of its grids."))
    community = await OrgNode.get(id=node.parent_id) if node.level == Level.GRID else node  # type: ignore[attr-defined]
    async with in_transaction():
        member = await Member.create(
            user=user,
            real_name=real_name,
            community=community,
            grid=node if node.level == Level.GRID else None,
            node_path=node.path,
            status=MemberStatus.VERIFIED,
            verified_at=datetime.now(UTC),
            confirmed_until=date.today() + timedelta(days=RECONFIRM_DAYS),
        )
        await record(
            None,
            "member.enrol",
            origin,
            object_type="member",
            object_id=user.public_id,
            node_path=node.path,
            after={"status": member.status.value},
        )
    return member
