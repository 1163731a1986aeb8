"""Dashboard figures equal the same figures recounted here, independently, from the raw rows:
bookings, needs' events, members and the hours ledger (a correction included); the drill-down
adds up to its parent; month-over-month changes; periods and their edges.

``world`` (also used by the ranking and page tests) writes March and February 2026 in
Asia/Shanghai, with rows on both sides of each period's edges."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from tortoise import connections

from server.domain import hours, need_metrics
from server.domain.audit import CLI
from server.domain.dashboard import Dashboard, Figure, Scope, build
from server.domain.dashboard_period import Period, child_of, recent_periods
from server.domain.need_metrics import Rate
from server.domain.roles import grant
from server.models.accounts import Role, User
from server.models.bookings import Booking
from server.models.members import HoursEntry, Member, Unit
from server.models.needs import NeedEvent
from server.models.places import Centre, CentreKind, Level, OrgNode, Service
from server.settings import Settings
from tests.cast import Cast, node, user
from tests.domain.metrics_fixtures import WEB, post, walk

TZ = ZoneInfo("Asia/Shanghai")
MARCH, FEBRUARY = Period(2026, 3), Period(2026, 2)
AT = datetime(2026, 6, 1, tzinfo=UTC)
TS = "T/TD/TS/"


def local(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TZ).astimezone(UTC)


@dataclass
class World:
    cast: Cast
    community_c: OrgNode
    street_2: OrgNode
    centre_s: Centre  # the street's own centre, placed at TS itself
    centre_e: Centre  # in the sibling street
    district_admin: User
    city_admin: User


async def _centre(code: str, at: OrgNode, kind: CentreKind) -> Centre:
    return await Centre.create(
        code=code, node=at, node_path=at.path, kind=kind, name=f"{at.name}中心", address="路1号"
    )


async def _bookings(cast: Cast, s: Centre, e: Centre) -> None:
    services = {
        "A1": await Service.create(centre=cast.centre_a, category="certificates", name="居住证明"),
        "A2": await Service.create(centre=cast.centre_a, category="elderly", name="助老咨询"),
        "B1": await Service.create(centre=cast.centre_b, category="certificates", name="居住证明"),
        "S1": await Service.create(centre=s, category="legal", name="法律咨询"),
        "E1": await Service.create(centre=e, category="other", name="其他"),
    }
    rows = [  # service, local start, status, source, hours booked ahead
        ("A1", local(3, 1, 0, 30), "done", "web", 48),
        ("A1", local(3, 2, 9), "done", "web", 24),
        ("A1", local(3, 2, 10), "no_show", "web", 72),
        ("A2", local(3, 2, 11), "cancelled", "web", 5),
        ("A2", local(3, 15, 14), "checked_in", "staff", 2),
        ("A2", local(3, 31, 23), "booked", "web", 10),
        ("B1", local(3, 10, 9), "done", "walk_in", 0),
        ("B1", local(3, 10, 10), "no_show", "api", 30),
        ("S1", local(3, 20, 9), "done", "web", 100),
        ("E1", local(3, 5, 9), "done", "web", 1),
        ("A1", local(2, 28, 23, 30), "done", "web", 20),
        ("A1", local(2, 10, 9), "no_show", "web", 3),
        ("B1", local(2, 11, 9), "done", "web", 6),
        ("S1", local(2, 20, 9), "cancelled", "web", 1),
        ("A1", local(4, 1, 0), "done", "web", 7),
    ]
    for code, starts, status, source, lead in rows:
        service = services[code]
        await Booking.create(
            service=service,
            centre_id=service.centre_id,
            starts_at=starts,
            ends_at=starts + timedelta(minutes=30),
            status=status,
            source=source,
            created_at=starts - timedelta(hours=lead),
        )


async def _needs(cast: Cast, settings: Settings) -> None:
    a, b = cast.centre_a, cast.centre_b
    n1 = await post(cast, settings, at=local(3, 2, 10), centre=a, place="TA1")
    await walk(cast, settings, n1, ("accept", local(3, 2, 13)), ("assign", local(3, 2, 13)))
    await walk(cast, settings, n1, ("resolve", local(3, 3)), ("confirm", local(3, 4)))
    await walk(cast, settings, n1, ("rate:satisfied", local(3, 4, 10)))
    n2 = await post(cast, settings, at=local(3, 5), centre=a)
    await walk(cast, settings, n2, ("reject", local(3, 6, 15)))  # 30 h: late
    await post(cast, settings, at=local(3, 10), centre=a)  # never answered: late
    n4 = await post(cast, settings, at=local(3, 3), centre=b)
    await walk(cast, settings, n4, ("accept", local(3, 3, 12)), ("assign", local(3, 3, 12)))
    await walk(cast, settings, n4, ("resolve", local(3, 6)), ("confirm", local(3, 8)))  # late
    await walk(cast, settings, n4, ("rate:basically_satisfied", local(3, 8, 12)))
    n5 = await post(cast, settings, at=local(3, 4), centre=b)
    await walk(cast, settings, n5, ("unreasonable", local(3, 4, 11)))
    n6 = await post(cast, settings, at=local(2, 10), centre=a, place="TA1")
    await walk(cast, settings, n6, ("accept", local(2, 10, 12)), ("assign", local(2, 10, 12)))
    await walk(cast, settings, n6, ("resolve", local(2, 11)), ("confirm", local(2, 12)))
    await walk(cast, settings, n6, ("rate:dissatisfied", local(2, 12, 9, 30)))
    n7 = await post(cast, settings, at=local(2, 12), centre=b)
    await walk(cast, settings, n7, ("accept", local(2, 14)))  # 48 h: late


async def _member(
    phone: str, home: OrgNode, status: str, verified: datetime | None, unit: Unit | None
) -> Member:
    person = await user(phone, f"党员{phone[-2:]}")
    community = home if home.level == Level.COMMUNITY else await OrgNode.get(id=home.parent_id)  # type: ignore[attr-defined]
    return await Member.create(
        user=person,
        real_name=person.display_name,
        unit=unit,
        community=community,
        grid=home if home.level == Level.GRID else None,
        node_path=home.path,
        status=status,
        verified_at=verified,
    )


async def _credit(member: Member, value: str, day: date, where: str) -> HoursEntry:
    return await HoursEntry.create(
        member=member,
        kind="credit",
        service_date=day,
        hours=Decimal(value),
        description="入户探访",
        node_path=where,
        verification="staff",
    )


async def _volunteers(w: World) -> None:
    cast = w.cast
    u1 = await Unit.create(name="江城市第一中学")
    u2 = await Unit.create(name="江城大学")
    m1 = await _member("13900000001", cast.grid_a, "verified", local(1, 5), u1)
    m2 = await _member("13900000002", cast.community_b, "verified", local(2, 15), u2)
    m3 = await _member("13900000003", w.community_c, "verified", local(3, 10), None)
    await _member("13900000004", cast.community_b, "pending", None, u1)
    m5 = await _member("13900000005", await OrgNode.get(code="TE"), "verified", local(1, 5), u1)
    await _credit(m1, "3", date(2026, 3, 5), "T/TD/TS/TA/TA1/")
    fixed = await _credit(m1, "2", date(2026, 3, 20), "T/TD/TS/TA/TA1/")
    await hours.correct(cast.staff_a, fixed, "1", "只服务了1小时", WEB)
    await _credit(m2, "2", date(2026, 2, 20), "T/TD/TS/TB/")
    await _credit(m2, "1.5", date(2026, 3, 1), "T/TD/TS/TA/")
    zeroed = await _credit(m3, "2", date(2026, 3, 11), "T/TD/TS/TC/")
    await hours.correct(cast.street_admin, zeroed, "0", "重复登记", WEB)
    await _credit(m5, "5", date(2026, 3, 5), "T/TD/TS2/TE/")
    await _credit(m1, "4", date(2026, 4, 1), "T/TD/TS/TA/TA1/")  # April: in no period here


async def make_world(cast: Cast, settings: Settings) -> World:
    community_c = await node("TC", "丙社区", Level.COMMUNITY, cast.street)
    street_2 = await node("TS2", "第二街道", Level.STREET, cast.district)
    community_e = await node("TE", "戊社区", Level.COMMUNITY, street_2)
    centre_s = await _centre("CENTRES", cast.street, CentreKind.STREET)
    centre_e = await _centre("CENTREE", community_e, CentreKind.COMMUNITY)
    district_admin = await user("13700000006", "区管理员")
    city_admin = await user("13700000007", "市管理员")
    await grant(district_admin, Role.ADMIN, "TD", None, CLI)
    await grant(city_admin, Role.ADMIN, "T", None, CLI)
    w = World(cast, community_c, street_2, centre_s, centre_e, district_admin, city_admin)
    await _bookings(cast, centre_s, centre_e)
    await _needs(cast, settings)
    await _volunteers(w)
    return w


# Independent recounts from the raw rows ------------------------------------------------------


async def recount_bookings(path: str, period: Period, centre_id: int | None = None) -> dict:  # type: ignore[type-arg]
    rows = await Booking.all().select_related("centre", "service")
    mine = [
        b
        for b in rows
        if b.centre.node_path.startswith(path)
        and centre_id in (None, b.centre_id)
        and period.first <= b.starts_at.astimezone(TZ).date() < period.after
    ]
    live = [b for b in mine if b.status != "cancelled"]
    attended = sum(b.status in ("done", "checked_in") for b in live)
    no_show = sum(b.status == "no_show" for b in live)
    leads = [
        Decimal(str((b.starts_at - b.created_at).total_seconds())) / 3600
        for b in live
        if b.source != "walk_in"
    ]
    return {
        "booked": len(live),
        "cancelled": len(mine) - len(live),
        "attended": attended,
        "no_show_rate": Rate(Decimal(no_show), attended + no_show),
        "lead_time": _round(statistics.median(leads)) if leads else None,
        "per_day": Counter(b.starts_at.astimezone(TZ).day for b in live),
        "per_service": Counter(b.service_id for b in live),
        "per_category": Counter(str(b.service.category) for b in live),
    }


def _round(value: Decimal) -> Decimal:
    return Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


async def recount_times(path: str, period: Period) -> dict:  # type: ignore[type-arg]
    """Response and resolution times and late needs, read straight off the event rows."""
    start, end = period.window(TZ)
    events = await NeedEvent.all().select_related("need").order_by("created_at", "id")
    stories: dict[int, list[NeedEvent]] = {}
    for e in events:
        if e.need.node_path.startswith(path) and e.created_at <= AT:
            stories.setdefault(e.need_id, []).append(e)  # type: ignore[attr-defined]
    answered, resolved, late = [], [], 0
    for story in stories.values():
        submit = story[0]
        if not (submit.action == "submit" and start <= submit.created_at < end):
            continue
        if any(e.action == "unreasonable" for e in story):
            continue
        due = datetime.fromisoformat(submit.data["response_due_at"])
        answer = next((e for e in story if e.action in ("accept", "reject", "duplicate")), None)
        confirm = None
        for e in story:
            if e.action == "confirm":
                confirm = e
            elif e.action == "reopen" or (
                e.action == "rate" and e.data["rating"] == "dissatisfied"
            ):
                confirm = None
        accepts = [e for e in story if e.action == "accept"]
        fix_due = datetime.fromisoformat(accepts[-1].data["resolution_due_at"]) if accepts else None
        if answer:
            answered.append(Decimal(str((answer.created_at - submit.created_at).total_seconds())))
        if confirm:
            resolved.append(Decimal(str((confirm.created_at - submit.created_at).total_seconds())))
        late_answer = answer.created_at > due if answer else due < AT
        late_fix = fix_due is not None and (
            confirm.created_at > fix_due if confirm else fix_due < AT
        )
        late += late_answer or late_fix
    mean = lambda xs: _round(sum(xs) / len(xs) / 3600) if xs else None  # noqa: E731
    return {"response_time": mean(answered), "resolution_time": mean(resolved), "late": late}


async def recount_volunteers(path: str, period: Period) -> dict:  # type: ignore[type-arg]
    _, end = period.window(TZ)
    members = [
        m
        for m in await Member.all().select_related("unit")
        if m.node_path.startswith(path) and m.status == "verified" and m.verified_at < end
    ]
    entries = [
        e
        for e in await HoursEntry.all().select_related("member__unit")
        if period.first <= e.service_date < period.after
    ]
    net: Counter[int] = Counter()
    for e in entries:
        net[e.member_id] += e.hours  # type: ignore[attr-defined]
    communities = [n for n in await OrgNode.filter(level="community") if n.path.startswith(path)]
    covered = [c for c in communities if any(m.node_path.startswith(c.path) for m in members)]
    given = [e for e in entries if e.node_path.startswith(path)]
    by_unit: Counter[str] = Counter()
    for e in given:
        by_unit[e.member.unit.name if e.member.unit else ""] += e.hours
    active = [m for m in members if net[m.id] > 0]
    return {
        "verified": len(members),
        "active": len(active),
        "coverage": Rate(Decimal(len(covered)), len(communities)),
        "activity": Rate(Decimal(len(active)), len(members)),
        "hours": sum((e.hours for e in given), Decimal(0)),
        "by_unit": {k: v for k, v in by_unit.items()},
    }


# The figures ---------------------------------------------------------------------------------


async def _board(scope: Scope, period: Period = MARCH, drill: bool = True) -> Dashboard:
    return await build(scope, period, TZ, AT, drill=drill)


async def test_booking_figures_equal_a_recount_of_the_rows(cast: Cast, settings):
    await make_world(cast, settings)
    board = await _board(Scope(TS))
    for tally, period in zip(board.bookings, (MARCH, FEBRUARY), strict=True):
        expected = await recount_bookings(TS, period)
        assert tally.booked == expected["booked"] and tally.cancelled == expected["cancelled"]
        assert tally.attended == expected["attended"]
        assert tally.no_show_rate == expected["no_show_rate"]
        assert tally.lead_time == expected["lead_time"]
        assert tally.per_bucket == [
            expected["per_day"][d] for d in range(1, len(tally.per_bucket) + 1)
        ]
        assert tally.per_service == dict(expected["per_service"])
        assert tally.per_category == dict(expected["per_category"])
    march, february = board.bookings
    # The same by hand: the sibling street, April and the edges of March stay out.
    assert (march.booked, march.cancelled, march.attended) == (8, 1, 5)
    assert march.no_show_rate == Rate(Decimal(2), 7) and march.lead_time == Decimal("30.0")
    assert march.per_bucket[0] == 1 and march.per_bucket[1] == 2 and march.per_bucket[30] == 1
    assert (february.booked, february.no_show_rate, february.lead_time) == (
        3,
        Rate(Decimal(1), 3),
        Decimal("6.0"),
    )


async def test_need_figures_are_the_three_rates_and_a_recount_of_the_events(cast: Cast, settings):
    await make_world(cast, settings)
    board = await _board(Scope(TS))
    for rates, times, period in zip(board.rates, board.times, (MARCH, FEBRUARY), strict=True):
        start, end = period.window(TZ)
        assert rates == await need_metrics.rates(start=start, end=end, at=AT, node_path=TS)
        expected = await recount_times(TS, period)
        assert (times.response_time, times.resolution_time, times.late) == (
            expected["response_time"],
            expected["resolution_time"],
            expected["late"],
        )
    march = board.times[0]
    assert march.late == 3  # n2 answered late, n3 never answered, n4 confirmed late
    assert march.response_time == Decimal("12.0")  # (3 h + 30 h + 3 h) / 3: n1, n2, n4
    assert march.resolution_time == Decimal("83.5")  # (47 h + 120 h) / 2: n1, n4
    assert board.times[1].late == 2  # n6's confirmation undone by a dissatisfied rating; n7
    assert board.rates[0].response == Rate(Decimal(2), 4)


async def test_volunteer_figures_equal_a_recount_of_members_and_the_ledger(cast: Cast, settings):
    await make_world(cast, settings)
    board = await _board(Scope(TS))
    for tally, period in zip(board.volunteers, (MARCH, FEBRUARY), strict=True):
        expected = await recount_volunteers(TS, period)
        assert (tally.verified, tally.active) == (expected["verified"], expected["active"])
        assert tally.coverage == expected["coverage"] and tally.activity == expected["activity"]
        assert tally.hours == expected["hours"] and tally.by_unit == expected["by_unit"]
    march, february = board.volunteers
    # m1 (TA1), m2 (TB), m3 (TC, verified 3-10); the pending one and the cast's member (verified
    # today, after March) are not counted; m3's credit was corrected to 0, so m3 is not active.
    assert (march.verified, march.active, march.hours) == (3, 2, Decimal("5.5"))
    assert march.coverage == Rate(Decimal(3), 3) and february.coverage == Rate(Decimal(2), 3)
    assert march.by_unit == {
        "江城市第一中学": Decimal(4),
        "江城大学": Decimal("1.5"),
        "": Decimal(0),
    }
    assert (february.verified, february.active, february.hours) == (2, 1, Decimal(2))


async def test_the_drill_down_adds_up_to_the_parent(cast: Cast, settings):
    await make_world(cast, settings)
    board = await _board(Scope(TS))
    paths = [c.path for c in board.children]
    assert set(paths[:3]) == {"T/TD/TS/TA/", "T/TD/TS/TB/", "T/TD/TS/TC/"}
    assert paths[3] == TS and board.children[3].node is None  # the street centre's own rows
    bookings, rates, times, volunteers = (
        board.bookings[0],
        board.rates[0],
        board.times[0],
        board.volunteers[0],
    )
    kids = board.children
    assert sum(c.bookings.booked for c in kids) == bookings.booked
    assert sum(c.bookings.no_show for c in kids) == bookings.no_show
    assert sum(c.rates.received for c in kids) == rates.received
    assert sum(c.rates.response.denominator for c in kids) == rates.response.denominator
    assert sum(c.times.late for c in kids) == times.late
    assert sum(c.volunteers.verified for c in kids) == volunteers.verified
    assert sum(c.volunteers.active for c in kids) == volunteers.active
    assert sum(c.volunteers.hours for c in kids) == volunteers.hours
    assert sum(c.volunteers.communities for c in kids) == volunteers.communities
    for child in kids[:3]:  # each child's figures are its own dashboard's
        own = await _board(Scope(child.path), drill=False)
        assert (child.bookings.booked, child.rates, child.times.late) == (
            own.bookings[0].booked,
            own.rates[0],
            own.times[0].late,
        )
        assert child.volunteers.hours == own.volunteers[0].hours
        assert child.volunteers_before.hours == own.volunteers[1].hours


async def test_a_centre_dashboard_counts_that_centre_alone(cast: Cast, settings):
    await make_world(cast, settings)
    centre = cast.centre_a
    board = await _board(Scope(centre.node_path, centre.id), drill=False)
    expected = await recount_bookings(centre.node_path, MARCH, centre.id)
    march = board.bookings[0]
    assert (march.booked, march.no_show_rate, march.lead_time) == (
        expected["booked"],
        expected["no_show_rate"],
        expected["lead_time"],
    )
    assert march.no_show_rate == Rate(Decimal(1), 4) and board.children == []
    start, end = MARCH.window(TZ)
    assert board.rates[0] == await need_metrics.rates(
        start=start, end=end, at=AT, centre_id=centre.id
    )
    assert {board.services[s].name for s in march.per_service} == {"居住证明", "助老咨询"}


async def test_every_figure_has_its_month_over_month_change(cast: Cast, settings):
    await make_world(cast, settings)
    board = await _board(Scope(TS))
    figures = {
        f.key: f for f in board.booking_figures() + board.need_figures() + board.volunteer_figures()
    }
    assert len(figures) == 17
    assert figures["bookings"].change == Decimal(5)  # 8 against 3
    no_show = figures["no_show_rate"]  # 2/7 = 28.57 % against 1/3 = 33.33 %: -4.76 points
    assert no_show.change == Decimal("-4.7600") and no_show.better == "down"
    assert figures["hours"].change == Decimal("3.5")
    assert figures["coverage"].change == Decimal("33.3300")
    assert figures["satisfaction_rate"].rate == Rate(Decimal("1.5"), 2)
    assert Figure.of("late", None, 3).change is None


def test_periods_have_local_edges_and_go_back_across_the_year():
    assert Period.parse("2026-03") == MARCH and Period.parse("2026-Q4") == Period(2026, 4, True)
    assert [Period.parse(t) for t in ("2026-13", "2026-3", "26-03", "2026-Q5", "")] == [None] * 5
    assert MARCH.window(TZ) == (
        datetime(2026, 2, 28, 16, tzinfo=UTC),
        datetime(2026, 3, 31, 16, tzinfo=UTC),
    )
    assert Period(2026, 1).previous() == Period(2025, 12)
    assert Period(2026, 1, True).previous() == Period(2025, 4, True)
    q4 = Period(2026, 4, True)
    assert (q4.first, q4.after, q4.buckets, q4.bucket(date(2026, 10, 8))) == (
        date(2026, 10, 1),
        date(2027, 1, 1),
        14,
        1,
    )
    offered = recent_periods(date(2026, 11, 22))
    assert offered[0] == Period(2026, 11) and offered[12] == Period(2025, 11)
    assert offered[13] == q4 and len(offered) == 18
    assert child_of(TS, "T/TD/TS/TA/TA1/") == "T/TD/TS/TA/" and child_of(TS, TS) == TS


async def test_the_queries_do_not_grow_with_the_children(cast: Cast, settings, monkeypatch):
    await make_world(cast, settings)
    statements: list[str] = []
    client = type(connections.get("default"))
    for name in ("execute_query", "execute_query_dict"):
        original = getattr(client, name)

        async def counted(self, sql, *args, _original=original, **kwargs):  # type: ignore[no-untyped-def]
            statements.append(sql)
            return await _original(self, sql, *args, **kwargs)

        monkeypatch.setattr(client, name, counted)
    await _board(Scope(TS))
    with_three = len(statements)
    assert 0 < with_three <= 20  # two periods of four families of figures, and the children
    for i in range(4):  # four more communities, each with a booking and a verified member
        extra = await node(f"TX{i}", f"新社区{i}", Level.COMMUNITY, cast.street)
        centre = await _centre(f"CENTREX{i}", extra, CentreKind.COMMUNITY)
        service = await Service.create(centre=centre, category="health", name="体检")
        starts = local(3, 9)
        await Booking.create(
            service=service, centre=centre, starts_at=starts, ends_at=starts, status="done"
        )
        await _member(f"1390000010{i}", extra, "verified", local(1, 1), None)
    statements.clear()
    board = await _board(Scope(TS))
    assert len(board.children) == 8 and len(statements) == with_three
