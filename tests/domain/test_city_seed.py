"""The city seed at a thousandth of its size: in proportion, and as consistent as the demo's.

One seeded city is shared by the module's tests (seeding is the slow part); they only read it,
except the last, which seeds it again from the same instant and compares.
"""

from __future__ import annotations

import dataclasses
import hashlib
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import httpx
import pytest
from tortoise import connections

from server.domain import for_you, need_metrics
from server.domain.slots import load_calendar, slot_starts
from server.models.accounts import Role, RoleGrant, User
from server.models.bookings import ACTIVE_BOOKING_STATUSES, Booking, BookingStatus, SlotUsage
from server.models.members import (
    Claim,
    ClaimStatus,
    Feedback,
    HoursEntry,
    HoursKind,
    Member,
    MemberStatus,
    Pledge,
    PledgeArea,
    PledgeSkill,
    Task,
)
from server.models.needs import Need, NeedEvent, NeedKind, NeedStatus
from server.models.places import Centre, Level, OrgNode, Service
from server.redis_client import get_redis
from server.seed.city import CityReport, refusal, seed_city, tables
from server.seed.city_context import Sizes
from server.seed.demo import CENTRE_A_CODE, CENTRE_B_CODE, DEMO_ACCOUNTS, DEMO_PASSWORD
from server.settings import Settings
from tests.conftest import login

FRACTION = 0.001
NOW = datetime(2026, 11, 21, 6, 30, tzinfo=UTC)  # a Saturday morning in Shanghai
TZ = ZoneInfo("Asia/Shanghai")


async def _empty(names: list[str], settings: Settings) -> None:
    """As the ``db`` fixture, for a city shared by the module."""
    conn = connections.get("default")
    if settings.is_sqlite:
        statements = "".join(f'DELETE FROM "{t}";' for t in names)
        await conn.execute_script(f"PRAGMA foreign_keys=OFF;{statements}PRAGMA foreign_keys=ON;")
    else:
        quoted = ", ".join(f'"{t}"' for t in names)
        await conn.execute_script(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE;")
    await get_redis(settings).flushdb()


async def _schema(settings: Settings) -> list[str]:
    """Indexes and constraints as PostgreSQL's catalogue defines them (none on SQLite)."""
    if settings.is_sqlite:
        return []
    rows = await connections.get("default").execute_query_dict(
        "SELECT indexdef AS d FROM pg_indexes WHERE schemaname = current_schema() "
        "UNION ALL SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
        " FROM pg_constraint WHERE connamespace = current_schema()::regnamespace"
    )
    return sorted(row["d"] for row in rows)


@pytest.fixture(scope="module")
async def city(database: list[str], settings: Settings) -> tuple[CityReport, list[str]]:
    """The seeded city's report, and the schema as the migrations left it before the seed."""
    await _empty(database, settings)
    before = await _schema(settings)
    return await seed_city(settings, FRACTION, now=NOW), before


async def test_sizes_scale_every_count_and_keep_room_for_the_demo_places() -> None:
    full = Sizes.of(1.0)
    assert (full.districts, full.streets, full.communities, full.centres) == (16, 300, 3000, 5000)
    assert (full.services, full.bookings, full.members) == (50_000, 1_000_000, 200_000)
    assert (full.needs, full.hours) == (300_000, 1_000_000)
    small = Sizes.of(FRACTION)
    assert (small.bookings, small.members, small.needs, small.hours) == (1000, 200, 300, 1000)
    assert (small.districts, small.streets, small.communities) == (2, 3, 6)
    for wrong in (0, -0.5, 1.5):
        with pytest.raises(ValueError):
            Sizes.of(wrong)


async def test_sqlite_takes_only_a_small_fraction(settings: Settings) -> None:
    sqlite = dataclasses.replace(settings, database_url="sqlite:///tmp/city.sqlite3")
    postgres = dataclasses.replace(settings, database_url="postgres://u@h:5432/city")
    assert "PostgreSQL" in (refusal(sqlite, 1.0) or "")
    assert refusal(sqlite, 0.01) is None and refusal(postgres, 1.0) is None
    assert refusal(postgres, 0) is not None


async def test_the_counts_are_in_proportion_and_all_written(city) -> None:
    report, _ = city
    rows = report.rows
    assert rows["bookings"] == 1000 and rows["members"] == 200 and rows["needs"] == 300
    assert rows["hours_entries"] == 1000 and rows["services"] >= 50 and rows["centres"] >= 16
    assert rows["users"] >= 600 and rows["need_events"] > 3 * rows["needs"]
    assert rows["claims"] > rows["hours_entries"] > 0 and rows["slot_usages"] > 0
    models = {m._meta.db_table: m for m in _models()}
    for table, count in rows.items():
        assert await models[table].all().count() == count, table
    levels = Counter(await OrgNode.all().values_list("level", flat=True))
    assert (levels[Level.DISTRICT], levels[Level.STREET], levels[Level.COMMUNITY]) == (2, 3, 6)


def _models() -> list:  # type: ignore[type-arg]
    from tortoise import Tortoise

    return [m for m in Tortoise.apps["models"].values() if m._meta.db_table in tables()]


async def test_the_schema_is_as_the_migrations_made_it(city, settings: Settings) -> None:
    _, before = city
    assert await _schema(settings) == before  # the load's dropped indexes and keys are back


async def test_paths_depths_grids_and_their_copies_agree(city) -> None:
    nodes = {n.id: n for n in await OrgNode.all()}
    for node in nodes.values():
        parent = nodes.get(node.parent_id)  # type: ignore[attr-defined]
        assert node.path == (parent.path if parent else "") + node.code + "/"
        assert node.depth == node.path.count("/") - 1
    grids = Counter(n.parent_id for n in nodes.values() if n.level == Level.GRID)  # type: ignore[attr-defined]
    assert all(2 <= grids[n.id] <= 6 for n in nodes.values() if n.level == Level.COMMUNITY)
    for model in (Centre, Need, Task):
        for node_id, path in await model.all().values_list("node_id", "node_path"):
            assert nodes[node_id].path == path, model
    for member in await Member.all():
        home = nodes[member.grid_id or member.community_id]  # type: ignore[attr-defined]
        assert member.node_path == home.path and home.path.startswith(
            nodes[member.community_id].path  # type: ignore[attr-defined]
        )
    paths = {n.path for n in nodes.values()}
    assert set(await HoursEntry.all().values_list("node_path", flat=True)) <= paths


async def test_bookings_sit_in_slots_their_services_open(city) -> None:
    by_service = defaultdict(list)
    for booking in await Booking.all():
        by_service[booking.service_id].append(booking)
    first, last = NOW - timedelta(days=731), NOW + timedelta(days=15)
    for service in await Service.filter(id__in=list(by_service)):
        assert service.bookable
        calendar = await load_calendar(service, first.date(), last.date())
        for booking in by_service[service.id]:
            local = booking.starts_at.astimezone(TZ)
            starts = slot_starts(calendar.plan(local.date()), service.duration_minutes)
            assert local.hour * 60 + local.minute in starts, booking.code
            assert booking.ends_at - booking.starts_at == timedelta(
                minutes=service.duration_minutes
            )
            assert first < booking.starts_at < last


async def test_no_slot_is_oversold_and_taken_counts_active_bookings(city) -> None:
    statuses = Counter(await Booking.all().values_list("status", flat=True))
    assert statuses[BookingStatus.DONE] > statuses[BookingStatus.CANCELLED] > 0
    assert statuses[BookingStatus.NO_SHOW] > 0 and statuses[BookingStatus.BOOKED] > 0
    held, active = Counter(), Counter()
    for b in await Booking.all():
        slot = (b.service_id, b.starts_at)
        held[slot] += b.status != BookingStatus.CANCELLED
        active[slot] += b.status in ACTIVE_BOOKING_STATUSES
        assert (b.holder_key is not None) == (b.status in ACTIVE_BOOKING_STATUSES)
        assert b.status != BookingStatus.BOOKED or b.starts_at > NOW
        assert b.status not in (BookingStatus.DONE, BookingStatus.NO_SHOW) or b.ends_at <= NOW
    usages = {(u.service_id, u.starts_at): u for u in await SlotUsage.all()}
    capacity = dict(await Service.all().values_list("id", "capacity_per_slot"))
    assert set(usages) == set(held)
    for slot, usage in usages.items():
        assert usage.capacity == capacity[slot[0]]
        assert usage.taken == active[slot] and held[slot] <= usage.capacity


async def test_need_events_lead_to_each_status_with_what_the_rates_read(city) -> None:
    events = defaultdict(list)
    for e in await NeedEvent.all().order_by("created_at", "id"):
        events[e.need_id].append(e)  # type: ignore[attr-defined]
    needs = await Need.all()
    assert {n.kind for n in needs} == {NeedKind.NEED, NeedKind.SMALL_WISH}
    assert len({n.status for n in needs}) >= 8
    assert min(n.created_at for n in needs) < NOW - timedelta(days=365)
    for need in needs:
        chain = events[need.id]
        assert chain[0].action == "submit" and chain[0].from_status == ""
        assert all(a.to_status == b.from_status for a, b in zip(chain, chain[1:], strict=False))
        assert chain[-1].to_status == need.status and chain[0].created_at == need.created_at
        assert chain[-1].created_at <= NOW and (need.responded_at is not None) == (len(chain) > 1)
        due = datetime.fromisoformat(chain[0].data["response_due_at"])
        assert due == need.response_due_at
        for accepted in (e for e in chain if e.action == "accept"):
            assert datetime.fromisoformat(accepted.data["resolution_due_at"]) == (
                need.resolution_due_at
            )
        rates = [e for e in chain if e.action == "rate"]
        assert (need.rating is not None) == (need.status in ("confirmed", "closed") or bool(rates))
        if rates:
            assert need.rating is not None and rates[0].data == {"rating": need.rating.value}
        assert (need.closed_at is not None) == (need.status == NeedStatus.CLOSED)
    year = await need_metrics.rates(start=NOW - timedelta(days=365), end=NOW, at=NOW)
    assert None not in (year.response.value, year.resolution.value, year.satisfaction.value)


async def test_tasks_claims_and_the_hours_ledger_add_up(city) -> None:
    for task in await Task.all().prefetch_related("claims"):
        held = [c for c in task.claims if c.status not in ("released", "returned")]
        assert task.taken == len(held) <= task.capacity
    tasks = {t.id: t for t in await Task.all()}
    claims = {c.id: c for c in await Claim.all()}
    entries = await HoursEntry.all()
    credits = {e.claim_id: e for e in entries if e.kind == HoursKind.CREDIT}  # type: ignore[attr-defined]
    verified = {i for i, c in claims.items() if c.status == ClaimStatus.VERIFIED}
    assert set(credits) == verified and len(credits) == len(
        [e for e in entries if e.kind == HoursKind.CREDIT]
    )
    for claim_id, credit in credits.items():
        claim = claims[claim_id]
        assert credit.member_id == claim.member_id  # type: ignore[attr-defined]
        assert credit.hours == tasks[claim.task_id].estimated_hours  # type: ignore[attr-defined]
        assert claim.claimed_at <= claim.verified_at <= credit.created_at <= NOW  # type: ignore[operator]
    corrections = [e for e in entries if e.kind == HoursKind.CORRECTION]
    assert corrections
    by_id = {e.id: e for e in entries}
    for fix in corrections:
        original = by_id[fix.corrects_id]  # type: ignore[attr-defined]
        assert original.kind == HoursKind.CREDIT and fix.claim_id == original.claim_id  # type: ignore[attr-defined]
        assert fix.member_id == original.member_id  # type: ignore[attr-defined]
        assert Decimal(0) <= original.hours + fix.hours <= Decimal(12) and fix.hours != 0
    done = Counter(c.member_id for c in claims.values() if c.status == ClaimStatus.VERIFIED)  # type: ignore[attr-defined]
    rated: dict[int, list[int]] = defaultdict(list)
    for row in await Feedback.all():
        rated[row.member_id].append(row.score or 0)  # type: ignore[attr-defined]
    for member in await Member.all():
        assert member.completed_count == done[member.id]
        assert (member.rating_count, member.rating_sum) == (
            len(rated[member.id]),
            sum(rated[member.id]),
        )


async def test_claims_come_from_members_verified_before_they_claimed(city) -> None:
    members = {m.id: m for m in await Member.all()}
    for claim in await Claim.all():
        member = members[claim.member_id]  # type: ignore[attr-defined]
        assert member.status == MemberStatus.VERIFIED
        assert member.verified_at is not None and member.verified_at <= claim.claimed_at


async def test_members_have_pledges_with_skills_and_areas(city) -> None:
    members = {m.id: m for m in await Member.all()}
    statuses = Counter(m.status for m in members.values())
    assert statuses[MemberStatus.VERIFIED] > statuses[MemberStatus.PENDING] > 0
    skills = Counter(await PledgeSkill.all().values_list("pledge_id", flat=True))
    areas = defaultdict(set)
    for pledge_id, node_id in await PledgeArea.all().values_list("pledge_id", "node_id"):
        areas[pledge_id].add(node_id)
    pledged = {p.member_id: p for p in await Pledge.all()}  # type: ignore[attr-defined]
    for member in members.values():
        pledge = pledged.get(member.id)
        has = member.status in (MemberStatus.VERIFIED, MemberStatus.LAPSED)
        assert (pledge is not None) == has
        if pledge:
            assert skills[pledge.id] >= 1
            home = {member.community_id, member.grid_id} - {None}  # type: ignore[attr-defined]
            assert areas[pledge.id] == home


async def test_every_demo_account_logs_in_with_its_grants(city, app) -> None:
    a = await Centre.get(code=CENTRE_A_CODE)
    b = await Centre.get(code=CENTRE_B_CODE)
    assert a.node_path.split("/")[2] != b.node_path.split("/")[2]  # in different streets
    for n, (phone, *_) in enumerate(DEMO_ACCOUNTS):
        transport = httpx.ASGITransport(app=app, client=(f"10.9.8.{n + 1}", 5000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            response = await login(client, phone, DEMO_PASSWORD)
        assert response.status_code == 303, phone
    grants = {}
    for phone, *_ in DEMO_ACCOUNTS:
        rows = await RoleGrant.filter(user__phone=phone).select_related("centre", "node")
        grants[phone] = [(g.role, g.centre.code if g.centre else g.node.path) for g in rows]
    resident, member, staff_a, staff_b, grid, street, district, city_admin = (
        p for p, *_ in DEMO_ACCOUNTS
    )
    assert grants[resident] == grants[member] == []
    assert grants[staff_a] == [(Role.STAFF, CENTRE_A_CODE)]
    assert grants[staff_b] == [(Role.STAFF, CENTRE_B_CODE)]
    ((role, path),) = grants[grid]
    assert role == Role.GRID_WORKER and path.startswith(a.node_path) and path.count("/") == 5
    for phone, depth in ((street, 3), (district, 2), (city_admin, 1)):
        ((role, path),) = grants[phone]
        assert role == Role.ADMIN and a.node_path.startswith(path) and path.count("/") == depth
    assert not b.node_path.startswith(grants[street][0][1])


async def test_the_resident_and_member_have_their_stories(city) -> None:
    resident = await User.get(phone=DEMO_ACCOUNTS[0][0])
    mine = await Booking.filter(user=resident, status=BookingStatus.BOOKED)
    assert any(b.for_phone and b.holder_key == f"{resident.id}:{b.for_phone}" for b in mine)
    assert any(b.holder_key == f"{resident.id}:self" for b in mine)
    assert await Need.filter(requester=resident, kind=NeedKind.SMALL_WISH).exists()
    member = await Member.get(user__phone=DEMO_ACCOUNTS[1][0])
    assert member.status == MemberStatus.VERIFIED
    assert await HoursEntry.filter(member=member).exists()
    suggested = await for_you.for_member(member, now=NOW)
    assert suggested and all(s.parts for s in suggested)


async def test_it_refuses_a_database_with_data(city, settings: Settings) -> None:
    with pytest.raises(RuntimeError):
        await seed_city(settings, FRACTION, now=NOW)
    again = _doorstep("seed-demo", "--scale", "city", "--fraction", "0.001")
    assert again.returncode == 1 and "already has data" in again.stdout
    assert _doorstep("seed-demo", "--fraction", "0.5").returncode == 2  # the demo has one size


def _doorstep(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server.cli", *args], capture_output=True, text=True, timeout=60
    )


async def _digest() -> str:
    """Rows that a different draw would change, boiled down."""
    parts = [
        await Booking.all().order_by("id").values_list("code", "starts_at", "status", "user_id"),
        await Need.all().order_by("id").values_list("code", "status", "created_at"),
        await HoursEntry.all().order_by("id").values_list("member_id", "hours", "service_date"),
        await User.all().order_by("id").values_list("phone", "display_name"),
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


async def test_the_same_instant_gives_the_same_city(city, database, settings) -> None:
    first = await _digest()
    await _empty(database, settings)
    await seed_city(settings, FRACTION, now=NOW)
    assert await _digest() == first
