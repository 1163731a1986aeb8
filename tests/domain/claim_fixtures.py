"""Members, tasks and small wishes for the claim and hours tests, and the claim race's helper.

    python -m tests.domain.claim_fixtures TASK_CODE GO_AT_EPOCH NOW_ISO USER_ID...
claims one task for several users at a given instant and prints one line per user:
"ok CODE", "full" or "conflict".
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from server import db, settings
from server.domain import claim_completion, claims
from server.domain.audit import Origin
from server.domain.errors import Conflict
from server.domain.photos import Upload
from server.models.accounts import User
from server.models.members import Claim, Member, MemberStatus, Pledge, Task, TaskSource
from server.models.needs import Need, NeedEvent, NeedKind, NeedStatus
from server.models.notifications import Notification
from server.models.places import OrgNode
from server.settings import Settings
from tests.cast import Cast

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # Tuesday 1 December 2026, 10:00 in Shanghai
WEB = Origin(ip="10.0.0.4")


async def member_user(
    cast: Cast,
    phone: str,
    *,
    node: OrgNode | None = None,
    status: MemberStatus = MemberStatus.VERIFIED,
    confirmed_until: date | None = None,
) -> User:
    """A user with a report-in (verified unless told otherwise) to a grid of community A."""
    node = node or cast.grid_a
    user = await User.create(phone=phone, password_hash="-", display_name=f"党员{phone[-4:]}")
    await Member.create(
        user=user,
        real_name=f"党员{phone[-4:]}",
        community=cast.community_a,
        grid=node if node.id != cast.community_a.id else None,
        node_path=node.path,
        status=status,
        confirmed_until=confirmed_until or (NOW + timedelta(days=100)).date(),
    )
    return user


async def member_of(user: User) -> Member:
    return await Member.get(user_id=user.id)


async def pledge(user: User, monthly_tasks: int | None, *, valid_days: int = 90) -> Pledge:
    return await Pledge.create(
        member=await member_of(user),
        text="周末辅导",
        monthly_tasks=monthly_tasks,
        valid_until=(NOW + timedelta(days=valid_days)).date(),
    )


async def make_task(
    cast: Cast,
    *,
    capacity: int = 1,
    need: Need | None = None,
    claim_days: int = 7,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    hours: str = "2.0",
) -> Task:
    """A project task at centre A (or the task of ``need``), open for claims."""
    task = await Task.create(
        source=TaskSource.SMALL_WISH if need else TaskSource.PROJECT,
        need=need,
        centre=cast.centre_a,
        node=cast.grid_a,
        node_path=cast.grid_a.path,
        title=need.title if need else "周六作业辅导",
        capacity=capacity,
        claim_days=claim_days,
        starts_at=starts_at,
        ends_at=ends_at,
        estimated_hours=hours,
        created_by=cast.staff_a,
    )
    return await Task.get(id=task.id).select_related("centre")


async def small_wish(
    cast: Cast, *, requester: User | None = None, posted_by: User | None = None
) -> Need:
    """A resident's small wish, published for members to claim."""
    return await Need.create(
        kind=NeedKind.SMALL_WISH,
        centre=cast.centre_a,
        node=cast.grid_a,
        node_path=cast.grid_a.path,
        title="想要一副老花镜",
        wish_item="老花镜",
        requester=requester if requester or posted_by else cast.resident,
        posted_by=posted_by,
        status=NeedStatus.OPEN_FOR_CLAIM,
    )


async def wish_task(cast: Cast, *, capacity: int = 1, **need_args: User | None) -> Task:
    return await make_task(cast, capacity=capacity, need=await small_wish(cast, **need_args))


# Short ways through a claim for the tests ------------------------------------------------------

DAY, HOUR = timedelta(days=1), timedelta(hours=1)


async def claim_at(
    cast: Cast, settings: Settings, task: Task, user: User | None = None, at: datetime = NOW
) -> Claim:
    """``user`` (the cast's member unless told) claims ``task`` at ``at``."""
    return await claims.claim(user or cast.member, task, settings, WEB, now=at)


async def complete_at(
    cast: Cast,
    settings: Settings,
    claim: Claim,
    *,
    at: datetime = NOW + 2 * HOUR,
    minutes: int = 80,
    uploads: Sequence[Upload] = (),
) -> Claim:
    """The cast's member records ``minutes`` of work that ended ten minutes before ``at``."""
    end = at - timedelta(minutes=10)
    start = end - timedelta(minutes=minutes)
    return await claim_completion.complete(
        cast.member, claim, "陪老人去配了眼镜", start, end, list(uploads), settings, WEB, now=at
    )


async def need_history(need_id: int) -> list[tuple[str, str, str]]:
    rows = await NeedEvent.filter(need_id=need_id).order_by("id")
    return [(e.action, e.from_status, e.to_status) for e in rows]


async def recipients(event: str) -> list[int]:
    rows = await Notification.filter(event=event).order_by("id")
    return [n.user_id for n in rows]  # type: ignore[attr-defined]


# The race's helper process ----------------------------------------------------------------------


async def _one(user_id: int, code: str, now: datetime) -> str:
    user = await User.get(id=user_id)
    task = await claims.task_by_code(code)
    try:
        claim = await claims.claim(user, task, settings.get(), Origin(via="race"), now=now)
    except claims.TaskFull:
        return "full"
    except Conflict:
        return "conflict"
    return f"ok {claim.code}"


async def _main(code: str, go_at: float, now: str, user_ids: list[int]) -> None:
    await db.open_db(settings.get())
    try:
        await asyncio.sleep(max(0.0, go_at - time.time()))  # every process starts together
        at = datetime.fromisoformat(now)
        results = await asyncio.gather(*(_one(u, code, at) for u in user_ids))
        print("\n".join(results), flush=True)
    finally:
        await db.close_db()


if __name__ == "__main__":
    asyncio.run(_main(sys.argv[1], float(sys.argv[2]), sys.argv[3], [int(u) for u in sys.argv[4:]]))
