"""Each page's SQL statements per request stay the same when its rows triple.

One world is built with N rows of everything a page lists (bookings, needs, tasks, claims,
hours, members, centres, audit entries, messages), every page is asked once and its
statements counted; then 2N more of each are added and every page is asked again. A list
page must send the same number of statements both times: no statement per row. Run with
``-s`` to see the table (bench/RESULTS.md, "Queries per request", holds a copy).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import httpx
import pytest
from tortoise.transactions import in_transaction

from server import cache
from server.domain import centre_setup, need_board
from server.domain.audit import CLI
from server.domain.roles import grant
from server.domain.slots import at_local
from server.models.accounts import Role, User
from server.models.audit import AuditEntry
from server.models.bookings import Booking, BookingStatus, SlotUsage
from server.models.members import (
    Certificate,
    Claim,
    ClaimStatus,
    HoursEntry,
    HoursKind,
    Invitation,
    Member,
    MemberStatus,
    Pledge,
    PledgeSkill,
    Skill,
    Task,
    TaskSkill,
    TaskSource,
)
from server.models.needs import Need, NeedCategory, NeedKind, NeedStatus, Photo
from server.models.notifications import Channel, Notification, NotificationStatus
from server.models.places import Centre, CentreKind, CentreNotice, Level, Service, ServiceCategory
from tests.cast import PASSWORD, Cast, node
from tests.conftest import login
from tests.domain.booking_fixtures import make_service
from tests.domain.claim_fixtures import member_user
from tests.querycount import count_queries, counting

N = 5
CANDIDATE, RELEASED, PENDING = 0, 3000, 5000  # phone number ranges of the members added


@dataclass
class World:
    cast: Cast
    service: Service
    task: Task  # the task whose candidates staff look at
    skill: Skill
    grown: int = 0
    clients: dict[str, httpx.AsyncClient] = field(default_factory=dict)


def pages(w: World) -> list[tuple[str, str, str, str]]:
    """(page, who asks, path, what it shows of the newest row) for every page under test."""
    c, i = w.cast, w.grown - 1
    centre, street, me = c.centre_a.code, c.street.code, c.member.public_id
    day = _local_today(c) + timedelta(days=1)  # a whole day of slots, whatever the hour
    return [
        ("home / directory", "anyone", "/", c.street.name),  # streets link to their centres
        ("a street's centres", "anyone", f"/places/{street}", f"测试{i}社区党群服务站"),
        ("centre page", "anyone", f"/centres/{centre}", f"服务{i}"),
        ("service page with slots", "anyone", f"/services/{w.service.code}?day={day}", "09:00"),
        ("my bookings", "resident", "/bookings", f"来访{i}"),
        ("my needs", "resident", "/needs", f"新需求{i}"),
        ("a centre's public needs", "anyone", f"/centres/{centre}/needs", f"小心愿{i}"),
        ("for you", "member", "/me/tasks", f"开放任务{i}"),
        ("my claims", "member", "/me/claims", f"我的任务{i}"),
        ("my hours", "member", "/me/hours", f"服务{i}"),
        ("staff day view", "staff", f"/staff/{centre}", f"来访{i}"),
        ("needs board", "staff", f"/staff/{centre}/needs", f"新需求{i}"),
        ("volunteers", "staff", f"/staff/{centre}/volunteers", f"党员{PENDING + i}"),
        ("a volunteer's page", "staff", f"/staff/{centre}/volunteers/{me}", f"服务{i}"),
        (
            "a volunteer's certificates",
            "staff",
            f"/staff/{centre}/volunteers/{me}/certificates",
            f"撤销{i}",
        ),
        ("tasks", "staff", f"/staff/{centre}/tasks", f"开放任务{i}"),
        (
            "a task's candidates",
            "staff",
            f"/staff/{centre}/tasks/{w.task.code}",
            f"党员{CANDIDATE + i:04d}",
        ),
        ("street dashboard", "admin", f"/admin/{street}", f"测试{i}社区"),
        ("ranking", "admin", f"/admin/{street}/ranking", f"测试{i}社区"),
        ("audit log", "admin", f"/admin/{street}/audit", f"B{i}<"),
        ("the tree", "admin", f"/admin/{street}/tree", f"测试{i}社区"),
        ("inbox", "resident", "/inbox", f"居民{i}"),
    ]


# The world -------------------------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _local_today(c: Cast) -> date:
    return _now().astimezone(ZoneInfo(c.centre_a.time_zone)).date()


async def _places(w: World, k: int) -> None:
    """k more communities under the street, each with a grid and an active centre."""
    c = w.cast
    for i in range(w.grown, w.grown + k):
        community = await node(f"QC{i}", f"测试{i}社区", Level.COMMUNITY, c.street)
        await node(f"QC{i}G", f"测试{i}社区第一网格", Level.GRID, community)
        await Centre.create(
            code=f"QCENTRE{i}",
            node=community,
            node_path=community.path,
            kind=CentreKind.COMMUNITY,
            name=f"测试{i}社区党群服务站",
            address=f"测试路{i}号",
        )
    await Service.bulk_create(
        [
            Service(centre=c.centre_a, category=ServiceCategory.OTHER, name=f"服务{i}")
            for i in range(w.grown, w.grown + k)
        ]
    )
    await CentreNotice.bulk_create(
        [
            CentreNotice(centre=c.centre_a, title=f"通知{i}", body="", published_at=_now())
            for i in range(w.grown, w.grown + k)
        ]
    )


async def _bookings(w: World, k: int) -> None:
    """Per row: the resident's upcoming, past and cancelled booking, and a walk-in today."""
    c, now, rows = w.cast, _now(), []
    today = _local_today(c)
    for i in range(w.grown, w.grown + k):
        soon = now + timedelta(days=2, minutes=30 * i)
        past = now - timedelta(days=3, minutes=30 * i)
        day = at_local(today, 9 * 60 + 10 * i, c.centre_a.time_zone)  # the day view's day
        for start, status, user in (
            (soon, BookingStatus.BOOKED, c.resident),
            (past, BookingStatus.DONE, c.resident),
            (soon + timedelta(days=1), BookingStatus.CANCELLED, c.resident),
            (day, BookingStatus.BOOKED, None),
        ):
            rows.append(
                Booking(
                    service=w.service,
                    centre=c.centre_a,
                    user=user,
                    for_name=f"来访{i}",
                    starts_at=start,
                    ends_at=start + timedelta(minutes=30),
                    status=status,
                    holder_key=f"{user.id if user else 0}:{i}:{status}",
                )
            )
    await Booking.bulk_create(rows)
    await SlotUsage.bulk_create(
        [
            SlotUsage(service=w.service, starts_at=r.starts_at, capacity=2, taken=1)
            for r in rows
            if r.status == BookingStatus.BOOKED
        ]
    )


async def _needs(w: World, k: int) -> None:
    """Per row: a category, a public need with an approved photo, a new one, a small wish."""
    c = w.cast
    for i in range(w.grown, w.grown + k):
        category = await NeedCategory.create(centre=c.centre_a, name=f"类别{i}")
        common = {"centre": c.centre_a, "node": c.grid_a, "node_path": c.grid_a.path}
        public = await Need.create(
            **common,
            title=f"楼道灯坏了{i}",
            category=category,
            requester=c.resident,
            status=NeedStatus.ACCEPTED,
            assigned_to=c.staff_a,
            response_due_at=_now() + timedelta(hours=i),
        )
        await Need.create(**common, title=f"新需求{i}", category=category, requester=c.resident)
        await Need.create(
            **common,
            kind=NeedKind.SMALL_WISH,
            title=f"小心愿{i}",
            wish_item="书包",
            posted_by=c.staff_a,
            status=NeedStatus.OPEN_FOR_CLAIM,
        )
        await Photo.create(
            need=public,
            path=f"p/{i}.jpg",
            thumb_path=f"t/{i}.jpg",
            width=10,
            height=10,
            bytes=100,
            approved=True,
            uploaded_by=c.resident,
        )


async def _volunteering(w: World, k: int) -> None:
    """Per row: a candidate for the task with a pledge, a member who gave the task back, one
    waiting for review; an open task, a claim, an invitation, a credit with its correction and
    a revoked certificate for the cast's member."""
    c, now = w.cast, _now()
    me = await Member.get(user_id=c.member.id)
    for i in range(w.grown, w.grown + k):
        candidate = await Member.get(user_id=(await member_user(c, _phone(CANDIDATE + i))).id)
        pledge = await Pledge.create(
            member=candidate, text="周末", valid_until=(now + timedelta(days=90)).date()
        )
        await PledgeSkill.create(pledge=pledge, skill=w.skill)
        gave_back = await Member.get(user_id=(await member_user(c, _phone(RELEASED + i))).id)
        await Claim.create(
            task=w.task,
            member=gave_back,
            status=ClaimStatus.RELEASED,
            due_at=now + timedelta(days=3),
            claimed_at=now - timedelta(days=1),
        )
        await member_user(c, _phone(PENDING + i), status=MemberStatus.PENDING)
        open_task = await _task(c, f"开放任务{i}", w.skill)
        done_task = await _task(c, f"我的任务{i}", w.skill)
        claim = await Claim.create(
            task=done_task,
            member=me,
            status=ClaimStatus.VERIFIED if i % 2 else ClaimStatus.CLAIMED,
            active_key=None if i % 2 else me.id,
            due_at=now + timedelta(days=3),
            claimed_at=now - timedelta(hours=i),
        )
        await Invitation.create(task=open_task, member=me, invited_by=c.staff_a)
        await _hours(w, me, claim, i)


def _phone(n: int) -> str:
    return f"1390000{n:04d}"


async def _hours(w: World, me: Member, claim: Claim, i: int) -> None:
    c, day = w.cast, (_now() - timedelta(days=i)).date()
    entry = {"member": me, "claim": claim, "service_date": day, "node_path": c.grid_a.path}
    credit = await HoursEntry.create(
        **entry,
        kind=HoursKind.CREDIT,
        hours=Decimal("2.00"),
        description=f"服务{i}",
        verified_by=c.staff_a,
        verification="staff",
    )
    await HoursEntry.create(
        **entry,
        kind=HoursKind.CORRECTION,
        corrects=credit,
        hours=Decimal("-0.50"),
        description="更正",
        verified_by=c.staff_a,
        verification="correction",
    )
    number = f"QC{i:06d}"
    await Certificate.create(
        number=number,
        verification_code="ABCD",
        member=me,
        period_from=day,
        period_to=day,
        total_hours=Decimal("1.50"),
        issuing_node=c.community_a,
        issued_by=c.staff_a,
        revoked_at=_now(),
    )
    await AuditEntry.create(
        actor=c.staff_a,
        action="certificate.revoke",
        object_type="certificate",
        object_id=number,
        node_path=c.centre_a.node_path,
        after={"reason": f"撤销{i}"},
    )


async def _task(c: Cast, title: str, skill: Skill) -> Task:
    task = await Task.create(
        source=TaskSource.PROJECT,
        centre=c.centre_a,
        node=c.grid_a,
        node_path=c.grid_a.path,
        title=title,
        capacity=3,
        created_by=c.staff_a,
    )
    await TaskSkill.create(task=task, skill=skill)
    return task


async def _messages(w: World, k: int) -> None:
    """Per row: an audit entry under the street and a message in the resident's inbox."""
    c, now = w.cast, _now()
    await AuditEntry.bulk_create(
        [
            AuditEntry(
                actor=c.staff_a,
                actor_label="甲站工作人员",
                action="booking.cancel",
                object_type="booking",
                object_id=f"B{i}",
                node_path=c.centre_a.node_path,
            )
            for i in range(w.grown, w.grown + k)
        ]
    )
    await Notification.bulk_create(
        [
            Notification(
                user=c.resident,
                event="account.welcome",
                channel=Channel.INBOX,
                payload={"name": f"居民{i}"},
                dedupe_key=f"qc:{i}",
                status=NotificationStatus.SENT,
                send_after=now,
                sent_at=now,
            )
            for i in range(w.grown, w.grown + k)
        ]
    )


async def grow(w: World, k: int) -> None:
    for add in (_places, _bookings, _needs, _volunteering, _messages):
        await add(w, k)
    await cache.bump(cache.PLACES)  # rows written straight to the tables, as writers must do
    w.grown += k


# Asking ----------------------------------------------------------------------------------------


@pytest.fixture
async def world(app, cast: Cast) -> AsyncIterator[World]:  # type: ignore[no-untyped-def]
    skill = await Skill.create(code="qc-help", name="帮忙")
    service = await make_service(cast, max_days_ahead=14, min_lead_minutes=0)
    await Member.filter(user_id=cast.member.id).update(
        confirmed_until=(_now() + timedelta(days=100)).date()
    )
    w = World(cast, service, await _task(cast, "周六作业辅导", skill), skill)
    users = {
        "resident": cast.resident,
        "member": cast.member,
        "staff": cast.staff_a,
        "admin": cast.street_admin,
    }
    transport = httpx.ASGITransport(app=app, client=("10.1.2.3", 5000))
    try:
        for who in ("anyone", *users):
            w.clients[who] = httpx.AsyncClient(transport=transport, base_url="http://testserver")
            if who in users:
                response = await login(w.clients[who], users[who].phone, PASSWORD)
                assert response.status_code == 303, response.text
        yield w
    finally:
        for client in w.clients.values():
            await client.aclose()


async def measure(w: World) -> dict[str, int]:
    """Each page's statements on a first look: ``grow`` writes rows directly, not through the
    writers that bump the caches' stamps, and a cold cache is the most a page ever sends."""
    cache.clear_all()
    counts = {}
    for name, who, path, shows in pages(w):
        with counting() as queries:
            response = await w.clients[who].get(path)
        assert response.status_code == 200, (name, path, response.status_code)
        assert shows in response.text, (name, path, shows)  # the page lists the rows
        counts[name] = queries.count
    return counts


def table(w: World, small: dict[str, int], big: dict[str, int]) -> str:
    lines = [
        f"| page | path | queries, N={N} | queries, N={3 * N} |",
        "|---|---|---:|---:|",
    ]
    for name, _, path, _ in pages(w):
        lines.append(f"| {name} | `{path}` | {small[name]} | {big[name]} |")
    return "\n".join(lines)


async def test_no_page_sends_a_query_per_row(world: World) -> None:
    await grow(world, N)
    small = await measure(world)
    await grow(world, 2 * N)
    big = await measure(world)
    print("\n" + table(world, small, big))
    grew = {name: (small[name], big[name]) for name in small if small[name] != big[name]}
    assert not grew, f"pages whose queries grew with their rows: {grew}"


# Domain operations over many rows ----------------------------------------------------------------


async def test_a_bulk_preview_checks_any_number_of_needs_in_the_same_queries(cast: Cast) -> None:
    async def preview(k: int) -> int:
        codes = [
            (
                await Need.create(
                    centre=cast.centre_a,
                    node=cast.grid_a,
                    node_path=cast.grid_a.path,
                    title=f"需求{i}",
                    requester=cast.resident,
                )
            ).code
            for i in range(k)
        ]
        count, plan = await count_queries(
            lambda: need_board.preview(cast.street_admin, cast.centre_a, codes, "accept")
        )
        assert len(plan.rows) == k and all(row.applies for row in plan.rows)
        return count

    assert await preview(N) == await preview(3 * N)


async def test_a_schedule_change_checks_any_number_of_services_in_the_same_queries(
    cast: Cast,
) -> None:
    await make_service(cast)
    start = _now() + timedelta(days=1)

    async def affected(k: int) -> int:
        for i in range(k):
            service = await Service.create(
                centre=cast.centre_a, category=ServiceCategory.OTHER, name=f"服务{i}"
            )
            at = start + timedelta(days=i % 7, minutes=7)  # off the half-hour grid: affected
            await Booking.create(
                service=service,
                centre=cast.centre_a,
                user=cast.resident,
                starts_at=at,
                ends_at=at + timedelta(minutes=30),
                holder_key=f"{service.id}",
            )
        count, rows = await count_queries(
            lambda: centre_setup.affected_bookings(cast.centre_a, _now())
        )
        assert len(rows) == await Booking.filter(centre_id=cast.centre_a.id).count()
        return count

    assert await affected(N) == await affected(2 * N)


# The counter itself ----------------------------------------------------------------------------


async def test_it_counts_statements_inside_a_transaction(cast: Cast) -> None:
    async def work() -> int:
        await User.filter(id=cast.resident.id).first()
        async with in_transaction():
            await User.filter(id=cast.resident.id).update(display_name="居民甲")
            await User.filter(id=cast.member.id).count()
        return 7

    count, result = await count_queries(work)

    assert (count, result) == (3, 7)


async def test_it_stops_counting_after_the_block(cast: Cast) -> None:
    with counting() as queries:
        await grant(cast.resident, Role.STAFF, cast.centre_b.code, None, CLI)
    seen = queries.count
    await User.filter(id=cast.resident.id).first()

    assert seen > 0 and queries.count == seen
