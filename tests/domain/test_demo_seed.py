"""The demo city seed: a whole, consistent city that the journeys can be tried on."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import chinese_calendar
import pytest

from server.domain import for_you
from server.models.accounts import Role, RoleGrant, User
from server.models.bookings import ACTIVE_BOOKING_STATUSES, Booking, BookingStatus, SlotUsage
from server.models.members import Claim, HoursEntry, Member, MemberStatus, Pledge, Task
from server.models.needs import Need, NeedEvent, NeedKind, NeedStatus
from server.models.places import (
    REGIONAL_KINDS,
    Centre,
    CentreKind,
    Level,
    MaterialItem,
    OrgNode,
    ScheduleException,
    Service,
    WeeklyHours,
)
from server.security.passwords import verify_password
from server.seed.demo import (
    CENTRE_A_CODE,
    CENTRE_B_CODE,
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    is_empty,
    seed_demo,
)


@pytest.fixture
async def counts(db: None) -> dict[str, int]:
    return await seed_demo()


async def test_it_seeds_a_city_of_the_promised_size(counts: dict[str, int]) -> None:
    levels = Counter(await OrgNode.all().values_list("level", flat=True))
    assert levels[Level.CITY] == 1 and levels[Level.DISTRICT] == 3
    assert levels[Level.STREET] >= 6 and levels[Level.COMMUNITY] >= 18
    kinds = set(await Centre.all().values_list("kind", flat=True))
    assert REGIONAL_KINDS | {CentreKind.DISTRICT, CentreKind.STREET, CentreKind.COMMUNITY} <= kinds
    assert counts["centres"] >= 25 and counts["services"] >= 80
    assert counts["schedule_exceptions"] >= 2 and counts["units"] >= 5 and counts["skills"] >= 10
    for table in ("need_categories", "members", "pledges", "claims", "hours_entries"):
        assert counts[table] > 0, table
    assert await WeeklyHours.filter(service_id__isnull=False).exists()


async def test_it_refuses_a_database_that_already_has_a_tree(db: None) -> None:
    assert await is_empty()
    await seed_demo()
    assert not await is_empty()
    with pytest.raises(RuntimeError):
        await seed_demo()


async def test_the_tree_paths_depths_and_grids_agree(counts: dict[str, int]) -> None:
    nodes = {n.id: n for n in await OrgNode.all()}
    depth = {Level.CITY: 0, Level.DISTRICT: 1, Level.STREET: 2, Level.COMMUNITY: 3, Level.GRID: 4}
    for node in nodes.values():
        parent = nodes.get(node.parent_id)  # type: ignore[attr-defined]
        assert node.path == (parent.path if parent else "") + node.code + "/"
        assert node.depth == depth[node.level]
    grids = Counter(n.parent_id for n in nodes.values() if n.level == Level.GRID)  # type: ignore[attr-defined]
    communities = [n for n in nodes.values() if n.level == Level.COMMUNITY]
    assert all(2 <= grids[c.id] <= 4 for c in communities)
    for centre in await Centre.all():
        assert centre.node_path == nodes[centre.node_id].path  # type: ignore[attr-defined]


async def test_every_material_note_and_condition_has_its_english(counts: dict[str, int]) -> None:
    materials = await MaterialItem.all()
    assert any(m.condition for m in materials) and any(m.note for m in materials)
    for m in materials:
        assert bool(m.condition_en) == bool(m.condition), m.condition
        assert bool(m.note_en) == bool(m.note), m.note


async def test_each_centre_has_hours_and_each_service_a_checklist(counts: dict[str, int]) -> None:
    with_hours = set(await WeeklyHours.filter(service_id=None).values_list("centre_id", flat=True))
    assert with_hours == set(await Centre.all().values_list("id", flat=True))
    listed = set(await MaterialItem.all().values_list("service_id", flat=True))
    assert listed == set(await Service.all().values_list("id", flat=True))
    assert await MaterialItem.filter(condition__not="").exists()  # e.g. 代办时提供
    for row in await WeeklyHours.all():
        assert 0 <= row.weekday <= 6 and 0 <= row.opens < row.closes <= 24 * 60


def _holiday(day: date) -> bool:
    try:
        return day.weekday() < 5 and chinese_calendar.is_holiday(day)
    except NotImplementedError:
        return False


async def _opening_hours() -> tuple[dict, dict]:
    week: dict[tuple[int, int | None, int], list[tuple[int, int]]] = defaultdict(list)
    for row in await WeeklyHours.all():
        week[(row.centre_id, row.service_id, row.weekday)].append((row.opens, row.closes))  # type: ignore[attr-defined]
    special = {
        (e.centre_id, e.service_id, e.date): [] if e.closed else [(e.opens, e.closes)]  # type: ignore[attr-defined]
        for e in await ScheduleException.all()
    }
    return week, special


def _intervals(week: dict, special: dict, service: Service, day: date) -> list[tuple[int, int]]:
    centre_id = service.centre_id  # type: ignore[attr-defined]
    for key in ((centre_id, service.id, day), (centre_id, None, day)):
        if key in special:
            return special[key]
    if _holiday(day):
        return []
    return week.get((centre_id, service.id, day.weekday())) or week.get(
        (centre_id, None, day.weekday()), []
    )


async def test_bookings_sit_inside_their_services_opening_hours(counts: dict[str, int]) -> None:
    week, special = await _opening_hours()
    services = {s.id: s for s in await Service.all()}
    tz = ZoneInfo("Asia/Shanghai")
    for booking in await Booking.all():
        service = services[booking.service_id]  # type: ignore[attr-defined]
        local = booking.starts_at.astimezone(tz)
        minute = local.hour * 60 + local.minute
        duration = (booking.ends_at - booking.starts_at).total_seconds() / 60
        assert duration == service.duration_minutes and service.bookable
        opens = _intervals(week, special, service, local.date())
        assert any(o <= minute and minute + duration <= c for o, c in opens), booking.code


async def test_no_slot_is_oversold_and_taken_counts_active_bookings(counts: dict[str, int]) -> None:
    now = datetime.now(UTC)
    assert await Booking.filter(starts_at__gt=now, status=BookingStatus.BOOKED).exists()
    assert await Booking.filter(starts_at__lt=now, status=BookingStatus.DONE).exists()
    held, active = Counter(), Counter()
    for b in await Booking.all():
        slot = (b.service_id, b.starts_at)  # type: ignore[attr-defined]
        held[slot] += b.status != BookingStatus.CANCELLED
        active[slot] += b.status in ACTIVE_BOOKING_STATUSES
        assert (b.holder_key is not None) == (b.status in ACTIVE_BOOKING_STATUSES)
    usages = {(u.service_id, u.starts_at): u for u in await SlotUsage.all()}  # type: ignore[attr-defined]
    capacity = dict(await Service.all().values_list("id", "capacity_per_slot"))
    assert set(usages) == set(held)
    for slot, usage in usages.items():
        assert usage.capacity == capacity[slot[0]]
        assert usage.taken == active[slot] and held[slot] <= usage.capacity


async def test_need_events_lead_to_each_needs_status(counts: dict[str, int]) -> None:
    events = defaultdict(list)
    for e in await NeedEvent.all().order_by("created_at", "id"):
        events[e.need_id].append(e)  # type: ignore[attr-defined]
    needs, now = await Need.all(), datetime.now(UTC)
    assert {n.kind for n in needs} == {NeedKind.NEED, NeedKind.SMALL_WISH}
    assert len({n.status for n in needs}) >= 8
    for need in needs:
        chain = events[need.id]
        assert chain[0].from_status == "" and chain[0].to_status == NeedStatus.SUBMITTED
        assert all(a.to_status == b.from_status for a, b in zip(chain, chain[1:], strict=False))
        assert chain[-1].to_status == need.status and chain[0].created_at == need.created_at
        assert chain[-1].created_at <= now
        assert (need.responded_at is not None) == (len(chain) > 1)
        rated = need.status in (NeedStatus.CONFIRMED, NeedStatus.CLOSED)
        rates = [e for e in chain if e.action == "rate"]
        assert (need.rating is not None) == (rated or bool(rates))
        if rates:  # the site's shape: a "rate" event after the confirmation, with the rating
            assert need.rating is not None and rates[0].data == {"rating": need.rating.value}
            confirmed = next(e for e in chain if e.action == "confirm")
            assert confirmed.created_at <= rates[0].created_at == need.rated_at
        if need.rating is not None and need.rating.value == "dissatisfied":
            assert need.status == NeedStatus.REOPENED  # a dissatisfied rating reopens it
        assert (need.closed_at is not None) == (need.status == NeedStatus.CLOSED)


async def test_small_wishes_are_open_for_claiming_and_claims_add_up(counts: dict[str, int]) -> None:
    wishes = await Need.filter(kind=NeedKind.SMALL_WISH, status=NeedStatus.OPEN_FOR_CLAIM)
    assert wishes
    for wish in wishes:
        assert await Task.filter(need_id=wish.id, status="open", taken=0).exists()
    for task in await Task.all().prefetch_related("claims"):
        held = [c for c in task.claims if c.status not in ("released", "returned")]
        assert task.taken == len(held) <= task.capacity
    for claim in await Claim.filter(status="verified"):
        assert await HoursEntry.filter(claim_id=claim.id).exists()


async def test_every_demo_account_logs_in_with_its_grants(counts: dict[str, int]) -> None:
    a = await Centre.get(code=CENTRE_A_CODE)
    b = await Centre.get(code=CENTRE_B_CODE)
    assert a.kind == b.kind == CentreKind.COMMUNITY
    assert a.node_path.split("/")[2] != b.node_path.split("/")[2]  # in different streets
    scopes = {}
    for phone, *_ in DEMO_ACCOUNTS:
        user = await User.get(phone=phone)
        assert verify_password(user.password_hash, DEMO_PASSWORD)
        grants = await RoleGrant.filter(user=user).select_related("centre", "node")
        scopes[phone] = [(g.role, g.centre.code if g.centre else g.node.path) for g in grants]
    resident, member, staff_a, staff_b, grid, street, district, city = (
        p for p, *_ in DEMO_ACCOUNTS
    )
    assert scopes[resident] == scopes[member] == []
    assert scopes[staff_a] == [(Role.STAFF, CENTRE_A_CODE)]
    assert scopes[staff_b] == [(Role.STAFF, CENTRE_B_CODE)]
    ((role, path),) = scopes[grid]
    assert role == Role.GRID_WORKER and path.startswith(a.node_path) and path.count("/") == 5
    for phone, depth in ((street, 3), (district, 2), (city, 1)):
        ((role, path),) = scopes[phone]
        assert role == Role.ADMIN and a.node_path.startswith(path) and path.count("/") == depth
    assert not b.node_path.startswith(scopes[street][0][1])
    assert b.node_path.startswith(scopes[district][0][1])


async def test_the_resident_and_member_have_their_stories(counts: dict[str, int]) -> None:
    resident = await User.get(phone=DEMO_ACCOUNTS[0][0])
    mine = await Booking.filter(user=resident, status=BookingStatus.BOOKED)
    assert any(b.for_phone and b.holder_key == f"{resident.id}:{b.for_phone}" for b in mine)
    assert any(b.holder_key == f"{resident.id}:self" for b in mine)
    assert await Need.filter(requester=resident, kind=NeedKind.SMALL_WISH).exists()
    assert await Need.filter(requester=resident, status=NeedStatus.RESOLVED).exists()
    member = await Member.get(user__phone=DEMO_ACCOUNTS[1][0]).prefetch_related("community")
    a = await Centre.get(code=CENTRE_A_CODE)
    assert member.status == MemberStatus.VERIFIED and member.unit_id is not None  # type: ignore[attr-defined]
    assert member.community.path == a.node_path
    pledge = await Pledge.get(member=member).prefetch_related("skill_links__skill")
    assert [link.skill.name for link in pledge.skill_links] == ["辅导作业"]
    assert {w["weekday"] for w in pledge.availability} <= {5, 6}
    assert await HoursEntry.filter(member=member).exists()
    # Journey 4 in the demo: her pledge leaves room this month, so "for you" has tasks.
    suggested = await for_you.for_member(member)
    assert suggested and all(s.parts for s in suggested)
