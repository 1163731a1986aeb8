"""The city's places: the tree with its grids, centres, services, materials, hours, notices."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import timedelta

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
    WeeklyHours,
)
from server.seed import demo_data as data
from server.seed import demo_services as svc
from server.seed.city_context import CityContext, ServiceInfo
from server.seed.city_names import GRID_NAMES, MORE_DISTRICTS, stems
from server.seed.city_services import allot, service_keys
from server.seed.demo_context import Week
from server.seed.demo_places import _description as description
from server.seed.demo_texts import NOTICES

NODE_COLUMNS = [
    "id", "code", "name", "name_en", "level", "path", "depth", "sort_order", "households", "lat",
    "lng", "created_at", "parent_id",
]  # fmt: skip
CENTRE_COLUMNS = [
    "id", "code", "node_id", "node_path", "kind", "name", "name_en", "address", "lat", "lng",
    "phone", "description", "hours_note", "time_zone", "is_active", "created_at",
]  # fmt: skip
SERVICE_COLUMNS = [
    "id", "code", "centre_id", "category", "name", "name_en", "keywords", "description", "fee",
    "eligibility", "bookable", "duration_minutes", "capacity_per_slot", "min_lead_minutes",
    "max_days_ahead", "cancel_cutoff_minutes", "max_active_per_person",
    "max_active_per_beneficiary", "reminder_offsets_minutes", "sort_order", "is_active",
    "created_at",
]  # fmt: skip
MATERIAL_COLUMNS = [
    "service_id", "name", "name_en", "form", "count", "note", "note_en", "condition",
    "condition_en", "sort_order",
]  # fmt: skip
REGIONAL_KINDS = {  # kind: (weight, hours, name ending, English ending)
    CentreKind.BUILDING: (40, "building", "大厦楼宇党群服务站", "Tower Party-Mass Service Station"),
    CentreKind.PARK: (
        15,
        "park",
        "产业园党群服务中心",
        "Industrial Park Party-Mass Service Centre",
    ),
    CentreKind.BUSINESS_DISTRICT: (25, "business", "商圈党群服务站", "Shopping Area Station"),
    CentreKind.MARKET: (20, "market", "农贸市场党群服务站", "Market Party-Mass Service Station"),
}
CLOSURES = ("设施改造，暂停对外服务一天", "停电检修，暂停服务", "工作人员集中培训，暂停服务一天")


def spread(total: int, parts: int) -> list[int]:
    """``total`` split into ``parts`` counts that differ by at most one, the larger first."""
    base, extra = divmod(total, parts)
    return [base + (i < extra) for i in range(parts)]


async def seed_places(city: CityContext) -> None:
    """Write the tree, the centres with their services and hours, closures and notices."""
    nodes = _tree(city)
    await city.sink.write(OrgNode, NODE_COLUMNS, (_node_row(n) for n in nodes))
    centres = _centres(city)
    await city.sink.write(Centre, CENTRE_COLUMNS, (_centre_row(c) for c in centres))
    await _services(city, centres)
    await _exceptions(city, centres)
    await city.sink.write(
        CentreNotice,
        ["centre_id", "title", "body", "published_at", "expires_at"],
        _notices(city, centres),
    )


# The tree -------------------------------------------------------------------------------------


def _tree(city: CityContext) -> list[OrgNode]:
    sizes, rng = city.sizes, city.rng
    names = iter(stems(rng))
    code, name, name_en, lat, lng, _ = data.CITY
    root = _node(city, None, code, (name, name_en), Level.CITY, (lat, lng), 0)
    streets_of = spread(sizes.streets, sizes.districts)
    communities_of = iter(spread(sizes.communities, sizes.streets))
    for d, count in enumerate(streets_of):
        known = data.DISTRICTS[d] if d < len(data.DISTRICTS) else None
        angle, reach = 2 * math.pi * d / sizes.districts, 0.06 + 0.1 * (d >= 3)
        spot = (lat + reach * math.sin(angle), lng + reach * math.cos(angle))
        if known:
            spot, names_d, code_d = (known.lat, known.lng), (known.name, known.name_en), known.code
        else:
            names_d, code_d = MORE_DISTRICTS[d - len(data.DISTRICTS)], f"D{d:02d}"
        district = _node(city, root, code_d, names_d, Level.DISTRICT, spot, d)
        first = len(city.communities)
        for j in range(count):
            street_known = known.streets[j] if known and j < len(known.streets) else None
            _street(city, district, street_known, next(communities_of), names, j)
        city.district_span.append((first, len(city.communities)))
    return list(city.nodes.values())


def _street(
    city: CityContext,
    district: OrgNode,
    known: data.Street | None,
    count: int,
    names: Iterator[tuple[str, str]],
    order: int,
) -> None:
    s = len(city.streets)
    if known:
        names_s, code_s = (known.name, known.name_en), known.code
    else:
        stem, pinyin = next(names)
        names_s, code_s = (f"{stem}街道", f"{pinyin} Street"), f"S{s:03d}"
    spot = _near(city, (district.lat or 0, district.lng or 0), 0.03)
    street = _node(city, district, code_s, names_s, Level.STREET, spot, order)
    city.streets.append(street)
    first = len(city.communities)
    for k in range(count):
        community_known = known.communities[k] if known and k < len(known.communities) else None
        if community_known:
            names_c = (community_known.name, community_known.name_en)
            code_c = community_known.code
        else:
            stem, pinyin = next(names)
            names_c, code_c = (
                (f"{stem}社区", f"{pinyin} Community"),
                f"C{len(city.communities):04d}",
            )
        _community(city, street, code_c, names_c, k)
    city.street_span.append((first, len(city.communities)))


def _community(
    city: CityContext, street: OrgNode, code: str, names: tuple[str, str], order: int
) -> None:
    spot = _near(city, (street.lat or 0, street.lng or 0), 0.01)
    node = _node(city, street, code, names, Level.COMMUNITY, spot, order)
    grids = []
    for n in range(city.rng.randint(2, 6)):
        households = city.rng.randint(250, 700)
        names_g = (GRID_NAMES[n], f"Grid {n + 1}")
        where = _near(city, spot, 0.003)
        grids.append(
            _node(city, node, f"{code}G{n + 1}", names_g, Level.GRID, where, n, households)
        )
    node.households = sum(g.households or 0 for g in grids)
    city.communities.append(node)
    city.community_grids.append(grids)
    city.grids_of[code] = [g.code for g in grids]


def _near(city: CityContext, spot: tuple[float, float], spread: float) -> tuple[float, float]:
    rng = city.rng
    return spot[0] + rng.uniform(-spread, spread), spot[1] + rng.uniform(-spread, spread)


def _node(
    city: CityContext,
    parent: OrgNode | None,
    code: str,
    names: tuple[str, str],
    level: Level,
    spot: tuple[float, float],
    order: int,
    households: int | None = None,
) -> OrgNode:
    node = OrgNode(
        id=city.next_id("org_nodes"),
        code=code,
        name=names[0],
        name_en=names[1],
        level=level,
        parent_id=parent.id if parent else None,
        path=(parent.path if parent else "") + code + "/",
        depth=LEVEL_DEPTH[level],
        sort_order=order,
        households=households,
        lat=round(spot[0], 5),
        lng=round(spot[1], 5),
        created_at=city.ago(days=1000),
    )
    city.nodes[code] = node
    return node


def _node_row(n: OrgNode) -> tuple[object, ...]:
    parent_id = n.parent_id
    return (n.id, n.code, n.name, n.name_en, n.level, n.path, n.depth, n.sort_order,
            n.households, n.lat, n.lng, n.created_at, parent_id)  # fmt: skip


# Centres -------------------------------------------------------------------------------------


def _centres(city: CityContext) -> list[Centre]:
    root = next(iter(city.nodes.values()))
    rng = city.rng
    _centre(city, root, CentreKind.CITY, "weekday", (0, len(city.communities)))
    for d, node in enumerate(n for n in city.nodes.values() if n.level == Level.DISTRICT):
        _centre(city, node, CentreKind.DISTRICT, "weekday", city.district_span[d])
    for s, street in enumerate(city.streets):
        saturday = street.code in data.SATURDAY_STREETS or rng.random() < 0.3
        hours = "weekday_sat" if saturday else "weekday"
        _centre(city, street, CentreKind.STREET, hours, city.street_span[s])
    for c, community in enumerate(city.communities):
        saturday = community.code in data.SATURDAY_COMMUNITIES or rng.random() < 0.4
        hours = "weekday_sat" if saturday else "weekday"
        fixed = {"WJ": data.CENTRE_A_CODE, "TY": data.CENTRE_B_CODE}.get(community.code)
        centre = _centre(city, community, CentreKind.COMMUNITY, hours, (c, c + 1), code=fixed)
        city.community_centre[community.code] = centre
        city.centre_of_community.append(centre)
    _regional(city)
    return list(city.centres.values())


def _regional(city: CityContext) -> None:
    street_index = {s.code: i for i, s in enumerate(city.streets)}
    for r in data.REGIONAL_CENTRES:
        if r.node_code in street_index:
            span = city.street_span[street_index[r.node_code]]
            names = (r.name, r.name_en)
            _centre(city, city.nodes[r.node_code], r.kind, r.hours, span, names=names)
    kinds = list(REGIONAL_KINDS)
    weights = [REGIONAL_KINDS[k][0] for k in kinds]
    pool = stems(city.rng)
    structural = 1 + len(city.district_span) + len(city.streets) + len(city.communities)
    while len(city.centres) < max(city.sizes.centres, structural + len(kinds)):
        s = city.rng.randrange(len(city.streets))
        n = len(city.centres) - structural  # the first ones show every kind
        kind = kinds[n] if n < len(kinds) else city.rng.choices(kinds, weights)[0]
        _, hours, ending, ending_en = REGIONAL_KINDS[kind]
        stem, pinyin = pool[len(city.centres) % len(pool)]
        names = (f"{city.streets[s].name[:-2]}{stem}{ending}", f"{pinyin} {ending_en}")
        _centre(city, city.streets[s], kind, hours, city.street_span[s], names=names)


def _centre(
    city: CityContext,
    node: OrgNode,
    kind: CentreKind,
    hours: str,
    span: tuple[int, int],
    code: str | None = None,
    names: tuple[str, str] | None = None,
) -> Centre:
    base = node.name_en.removesuffix(" Community").removesuffix(" Street")
    names = names or (f"{node.name}党群服务中心", f"{base} Party-Mass Service Centre")
    lat, lng = _near(city, (node.lat or 0, node.lng or 0), 0.002)
    stem = node.name[:2]
    centre = Centre(
        id=city.next_id("centres"),
        code=code or city.code_of("centres"),
        node_id=node.id,
        node_path=node.path,
        kind=kind,
        name=names[0],
        name_en=names[1],
        address=f"{data.CITY[1]}{stem}路{city.rng.randint(1, 399)}号",
        lat=round(lat, 5),
        lng=round(lng, 5),
        phone=f"027-8{city.rng.randint(0, 9999999):07d}",
        description=description(kind, names[0]),
        hours_note=data.HOURS_NOTES[hours],
        created_at=city.ago(days=city.rng.uniform(800, 1000)),
    )
    city.centres[centre.code] = centre
    city.centre_week[centre.id] = data.HOURS[hours]
    city.centre_span[centre.id] = span
    return centre


def _centre_row(c: Centre) -> tuple[object, ...]:
    return (c.id, c.code, c.node_id, c.node_path, c.kind, c.name, c.name_en, c.address,
            c.lat, c.lng, c.phone, c.description, c.hours_note, "Asia/Shanghai", True,
            c.created_at)  # fmt: skip


# Services, their checklists and hours -------------------------------------------------------


async def _services(city: CityContext, centres: list[Centre]) -> None:
    keys = service_keys(city, centres, allot(city, centres))
    rows, materials = [], []
    hours: list[tuple[int, int | None, int, int, int]] = []
    week_index: dict[tuple[int, str], int] = {}
    for centre in centres:
        week = city.centre_week[centre.id]
        hours += [(centre.id, None, day, o, c) for day, ivs in sorted(week.items()) for o, c in ivs]
        for order, key in enumerate(keys[centre.id]):
            row, sid = svc.SERVICES[key], city.next_id("services")
            own = _own_week(week, row.hours)
            for day, ivs in sorted(own.items()):
                hours += [(centre.id, sid, day, o, c) for o, c in ivs]
            # Centres share the week dicts of demo_data.HOURS, so their ids tell the plans apart.
            slot = week_index.setdefault((id(week), row.hours), len(city.weeks))
            if slot == len(city.weeks):
                city.weeks.append((week, own or None))
            info = ServiceInfo(sid, centre.id, key, row.duration, row.capacity, row.bookable, slot)
            city.service_info.append(info)
            rows.append(_service_row(city, info, row, order, centre))
            materials += [_material(sid, i, m) for i, m in enumerate(row.materials)]
    await city.sink.write(Service, SERVICE_COLUMNS, rows)
    await city.sink.write(MaterialItem, MATERIAL_COLUMNS, materials)
    columns = ["centre_id", "service_id", "weekday", "opens", "closes"]
    await city.sink.write(WeeklyHours, columns, hours)


def _own_week(centre_week: Week, key: str) -> Week:
    """As the demo: a service's own intervals on the weekdays its centre opens."""
    if not key:
        return {}
    plan = svc.SERVICE_HOURS[key]
    return {day: plan[day] for day in centre_week if day in plan}


def _service_row(
    city: CityContext, info: ServiceInfo, row: svc.ServiceRow, order: int, centre: Centre
) -> tuple[object, ...]:
    return (info.id, city.code_of("services"), info.centre_id, row.category, row.name,
            row.name_en, row.keywords, row.description, row.fee, row.eligibility, row.bookable,
            row.duration, row.capacity, 60, 14, 120, 3, 1, [1440, 120], order, True,
            centre.created_at)  # fmt: skip


def _material(service_id: int, order: int, m: svc.Material) -> tuple[object, ...]:
    name, name_en = svc.MATERIALS[m.key]
    return (service_id, name, name_en, m.form, m.copies, m.note, m.note_en, m.condition,
            m.condition_en, order)  # fmt: skip


# Special days and notices ----------------------------------------------------------------------


async def _exceptions(city: CityContext, centres: list[Centre]) -> None:
    """A closed day at a few centres, somewhere in the two years and the coming fortnight."""
    rows = []
    for centre in centres:
        if city.rng.random() >= 0.04:
            continue
        day = city.today - timedelta(days=city.rng.randint(-14, 730))
        if day.weekday() not in city.centre_week[centre.id]:
            continue
        reason = city.rng.choice(CLOSURES)
        rows.append((centre.id, None, day, True, None, None, reason))
        city.closed_days.add((centre.id, day.toordinal()))
    columns = ["centre_id", "service_id", "date", "closed", "opens", "closes", "reason"]
    await city.sink.write(ScheduleException, columns, rows)


def _notices(city: CityContext, centres: list[Centre]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for centre in centres:
        count = len(NOTICES) if centre.code == data.CENTRE_A_CODE else 0
        if not count and city.rng.random() < 0.1:
            count = city.rng.randint(1, 2)
        for i, (title, body) in enumerate(city.rng.sample(NOTICES, count)):
            rows.append((centre.id, title, body, city.ago(days=3 * i + 1), city.ago(days=-30)))
    return rows
