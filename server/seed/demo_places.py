"""Seed the places: the org tree, centres, services with their materials, hours and exceptions."""

from __future__ import annotations

from datetime import date, timedelta

from server.models.places import (
    LEVEL_DEPTH,
    Centre,
    CentreKind,
    CentreNotice,
    Level,
    MaterialItem,
    OrgNode,
    ScheduleException,
    Service,
    ServiceCategory,
    WeeklyHours,
)
from server.seed import demo_data as data
from server.seed import demo_services as svc
from server.seed.demo_context import DayPlan, DemoCity, Week, is_statutory_holiday
from server.seed.demo_texts import NOTICES

Spot = tuple[float, float]


async def seed_places(city: DemoCity) -> None:
    """Write the tree, every centre with its services, and a few schedule exceptions."""
    await _seed_tree(city)
    await _seed_centres(city)
    for centre in city.centres.values():
        await _seed_services(city, centre)
    await WeeklyHours.bulk_create(_weekly_rows(city))
    await _seed_exceptions(city)
    await _seed_notices(city)


async def _node(
    city: DemoCity,
    parent: OrgNode | None,
    code: str,
    names: tuple[str, str],
    level: Level,
    spot: Spot,
    order: int = 0,
    households: int | None = None,
) -> OrgNode:
    node = await OrgNode.create(
        code=code,
        name=names[0],
        name_en=names[1],
        level=level,
        parent=parent,
        path=(parent.path if parent else "") + code + "/",
        depth=LEVEL_DEPTH[level],
        sort_order=order,
        households=households,
        lat=round(spot[0], 5),
        lng=round(spot[1], 5),
    )
    city.nodes[code] = node
    return node


def _near(city: DemoCity, spot: Spot, spread: float) -> Spot:
    return spot[0] + city.rng.uniform(-spread, spread), spot[1] + city.rng.uniform(-spread, spread)


async def _seed_tree(city: DemoCity) -> None:
    code, name, name_en, lat, lng, _ = data.CITY
    root = await _node(city, None, code, (name, name_en), Level.CITY, (lat, lng))
    for i, district in enumerate(data.DISTRICTS):
        names = (district.name, district.name_en)
        spot = (district.lat, district.lng)
        dnode = await _node(city, root, district.code, names, Level.DISTRICT, spot, i)
        for j, street in enumerate(district.streets):
            sspot = _near(city, spot, 0.03)
            names = (street.name, street.name_en)
            snode = await _node(city, dnode, street.code, names, Level.STREET, sspot, j)
            for k, community in enumerate(street.communities):
                await _seed_community(city, snode, community, _near(city, sspot, 0.01), k)


async def _seed_community(
    city: DemoCity, street: OrgNode, community: data.Community, spot: Spot, order: int
) -> None:
    names = (community.name, community.name_en)
    node = await _node(city, street, community.code, names, Level.COMMUNITY, spot, order)
    grids = []
    for n in range(city.rng.randint(2, 4)):
        # Grid codes carry the community's code: OrgNode.code is unique across the whole tree.
        code = f"{community.code}G{n + 1}"
        names = (data.GRID_NAMES[n], f"Grid {n + 1}")
        households = city.rng.randint(250, 700)
        spot_g = _near(city, spot, 0.003)
        grids.append(await _node(city, node, code, names, Level.GRID, spot_g, n, households))
    node.households = sum(g.households or 0 for g in grids)
    await node.save(update_fields=["households"])
    city.grids_of[community.code] = [g.code for g in grids]


async def _seed_centres(city: DemoCity) -> None:
    code, name, name_en, *_, address = data.CITY
    names = (f"{name}党群服务中心", f"{name_en} Party-Mass Service Centre")
    await _centre(city, code, CentreKind.CITY, names, address)
    for district in data.DISTRICTS:
        names = (f"{district.name}党群服务中心", f"{district.name_en} Party-Mass Service Centre")
        await _centre(city, district.code, CentreKind.DISTRICT, names, district.address)
        for street in district.streets:
            hours = "weekday_sat" if street.code in data.SATURDAY_STREETS else "weekday"
            names = (f"{street.name}党群服务中心", f"{street.name_en} Party-Mass Service Centre")
            await _centre(city, street.code, CentreKind.STREET, names, street.address, hours)
            for community in street.communities:
                await _community_centre(city, community)
    for regional in data.REGIONAL_CENTRES:
        names = (regional.name, regional.name_en)
        await _centre(
            city, regional.node_code, regional.kind, names, regional.address, regional.hours
        )


async def _community_centre(city: DemoCity, community: data.Community) -> None:
    hours = "weekday_sat" if community.code in data.SATURDAY_COMMUNITIES else "weekday"
    names = (f"{community.name}党群服务中心", f"{community.name_en} Party-Mass Service Centre")
    fixed = {"WJ": data.CENTRE_A_CODE, "TY": data.CENTRE_B_CODE}.get(community.code)
    centre = await _centre(
        city, community.code, CentreKind.COMMUNITY, names, community.address, hours, fixed
    )
    city.community_centre[community.code] = centre


async def _centre(
    city: DemoCity,
    node_code: str,
    kind: CentreKind,
    names: tuple[str, str],
    address: str,
    hours: str = "weekday",
    code: str | None = None,
) -> Centre:
    node = city.nodes[node_code]
    lat, lng = _near(city, (node.lat or 0, node.lng or 0), 0.002)
    centre = await Centre.create(
        code=code or city.code(),
        node=node,
        node_path=node.path,
        kind=kind,
        name=names[0],
        name_en=names[1],
        address=f"{data.CITY[1]}{_district_of(node_code)}{address}",
        lat=round(lat, 5),
        lng=round(lng, 5),
        phone=f"027-8{city.rng.randint(0, 9999999):07d}",
        description=_description(kind, names[0]),
        hours_note=data.HOURS_NOTES[hours],
    )
    city.centres[centre.code] = centre
    city.centre_week[centre.id] = data.HOURS[hours]
    return centre


def _district_of(node_code: str) -> str:
    for district in data.DISTRICTS:
        codes = {district.code} | {s.code for s in district.streets}
        codes |= {c.code for s in district.streets for c in s.communities}
        if node_code in codes:
            return district.name
    return ""


def _description(kind: CentreKind, name: str) -> str:
    if kind in (CentreKind.COMMUNITY, CentreKind.STREET):
        return f"{name}设有便民服务窗口、党员活动室、长者食堂和儿童之家，提供“家门口”一站式服务。"
    if kind in (CentreKind.CITY, CentreKind.DISTRICT):
        return f"{name}统筹指导辖区党群服务阵地建设，集中办理法律援助、住房保障等业务。"
    return f"{name}服务辖区“两新”组织、新就业群体和商户，提供党员服务、政策咨询和职工关爱。"


def _service_keys(city: DemoCity, centre: Centre) -> list[str]:
    if centre.code in svc.CENTRE_SERVICES:
        return list(svc.CENTRE_SERVICES[centre.code])
    keys = list(svc.FIXED[centre.kind])
    pool = [k for k in svc.POOL.get(centre.kind, ()) if k not in keys]
    keys += city.rng.sample(pool, svc.EXTRA_FROM_POOL.get(centre.kind, 0))
    return keys


async def _seed_services(city: DemoCity, centre: Centre) -> None:
    materials = []
    for order, key in enumerate(_service_keys(city, centre)):
        row = svc.SERVICES[key]
        service = await Service.create(
            code=city.code(),
            centre=centre,
            category=row.category,
            name=row.name,
            name_en=row.name_en,
            keywords=row.keywords,
            description=row.description,
            fee=row.fee,
            eligibility=row.eligibility,
            bookable=row.bookable,
            duration_minutes=row.duration,
            capacity_per_slot=row.capacity,
            sort_order=order,
        )
        city.services.append(service)
        if row.hours:
            city.service_week[service.id] = _override(city.centre_week[centre.id], row.hours)
        materials += [_material(service, i, m) for i, m in enumerate(row.materials)]
    await MaterialItem.bulk_create(materials)


def _override(centre_week: Week, key: str) -> Week:
    """The service's own intervals on the weekdays where the plan gives some."""
    plan = svc.SERVICE_HOURS[key]
    # Overriding a day the centre is closed would open the service alone, so keep to open days.
    return {day: plan[day] for day in centre_week if day in plan}


def _material(service: Service, order: int, m: svc.Material) -> MaterialItem:
    name, name_en = svc.MATERIALS[m.key]
    return MaterialItem(
        service_id=service.id,
        name=name,
        name_en=name_en,
        form=m.form,
        count=m.copies,
        note=m.note,
        note_en=m.note_en,
        condition=m.condition,
        condition_en=m.condition_en,
        sort_order=order,
    )


def _weekly_rows(city: DemoCity) -> list[WeeklyHours]:
    rows = []
    for centre_id, week in city.centre_week.items():
        rows += _rows(centre_id, None, week)
    for service in city.services:
        if service.id in city.service_week:
            own = city.service_week[service.id]
            rows += _rows(service.centre_id, service.id, own)  # type: ignore[attr-defined]
    return rows


def _rows(centre_id: int, service_id: int | None, week: Week) -> list[WeeklyHours]:
    return [
        WeeklyHours(centre_id=centre_id, service_id=service_id, weekday=day, opens=o, closes=c)
        for day, intervals in sorted(week.items())
        for o, c in intervals
    ]


def _next_open_day(city: DemoCity, centre: Centre, start: date, step: int = 1) -> date:
    day = start
    week = city.centre_week[centre.id]
    # A weekday the centre normally opens, so the exception visibly changes something.
    while day.weekday() >= 5 or day.weekday() not in week or is_statutory_holiday(day):
        day += timedelta(days=step)
    return day


async def _seed_exceptions(city: DemoCity) -> None:
    a, b = city.centres[data.CENTRE_A_CODE], city.centres[data.CENTRE_B_CODE]
    at_a = [s for s in city.services if s.centre_id == a.id]  # type: ignore[attr-defined]
    checkup = next(s for s in at_a if s.category == ServiceCategory.HEALTH and s.bookable)
    closed_a = _next_open_day(city, a, city.today + timedelta(days=5))
    checkup_off = _next_open_day(city, a, city.today + timedelta(days=2))
    closed_b = _next_open_day(city, b, city.today - timedelta(days=12), step=-1)
    street = next(
        c
        for c in city.centres.values()
        if c.kind == CentreKind.STREET and c.node_path.endswith("/HS/")
    )
    saturday = city.today + timedelta(days=(5 - city.today.weekday()) % 7 or 7)
    rows = [
        (a, None, closed_a, True, None, None, "中心设施改造，暂停对外服务一天"),
        (a, checkup, checkup_off, True, None, None, "体检医生外出培训，当日体检暂停"),
        (b, None, closed_b, True, None, None, "停电检修，暂停服务"),
        (street, None, saturday, False, 540, 720, "周六加班：集中办理城乡居民医保参保缴费"),
    ]
    for centre, service, day, closed, opens, closes, reason in rows:
        await ScheduleException.create(
            centre=centre,
            service=service,
            date=day,
            closed=closed,
            opens=opens,
            closes=closes,
            reason=reason,
        )
        city.exceptions[(centre.id, service.id if service else None, day)] = DayPlan(
            closed, opens, closes
        )


async def _seed_notices(city: DemoCity) -> None:
    a = city.centres[data.CENTRE_A_CODE]
    rows = [
        CentreNotice(
            centre_id=a.id,
            title=title,
            body=body,
            published_at=city.ago(days=3 * i + 1),
            expires_at=city.ago(days=-30),
        )
        for i, (title, body) in enumerate(NOTICES)
    ]
    await CentreNotice.bulk_create(rows)
