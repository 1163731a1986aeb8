"""The directory of centres along the org tree."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tortoise.expressions import Q

from server.domain.errors import NotFound
from server.domain.schedules import DayPlan, Exception_, Week, day_plan, holiday, is_open_at
from server.i18n import N_
from server.models.places import (
    REGIONAL_KINDS,
    Centre,
    CentreNotice,
    Level,
    OrgNode,
    ScheduleException,
    Service,
    WeeklyHours,
)


@dataclass
class StreetEntry:
    node: OrgNode
    centres: list[Centre] = field(default_factory=list)  # street, community and regional ones


@dataclass
class DistrictEntry:
    node: OrgNode
    centres: list[Centre] = field(default_factory=list)  # the district's own centres
    streets: list[StreetEntry] = field(default_factory=list)


async def centre_tree() -> list[DistrictEntry]:
    """Every active centre, grouped by district and street, in three queries."""
    nodes = await OrgNode.filter(level__in=[Level.DISTRICT, Level.STREET]).order_by(
        "sort_order", "name"
    )
    centres = await Centre.filter(is_active=True).order_by("node_path", "name")
    districts = {n.path: DistrictEntry(n) for n in nodes if n.level == Level.DISTRICT}
    streets = {n.path: StreetEntry(n) for n in nodes if n.level == Level.STREET}
    for street in streets.values():
        parent = street.node.path.rsplit("/", 2)[0] + "/"
        if parent in districts:
            districts[parent].streets.append(street)
    for centre in centres:
        _place(centre, districts, streets)
    return list(districts.values())


def _place(
    centre: Centre, districts: dict[str, DistrictEntry], streets: dict[str, StreetEntry]
) -> None:
    parts = centre.node_path.split("/")
    street_path = "/".join(parts[:3]) + "/"
    district_path = "/".join(parts[:2]) + "/"
    if street_path in streets:
        streets[street_path].centres.append(centre)
    elif district_path in districts:
        districts[district_path].centres.append(centre)


def is_regional(centre: Centre) -> bool:
    return centre.kind in REGIONAL_KINDS


EARTH_KM = 6371.0


@dataclass
class CentrePage:
    centre: Centre
    node: OrgNode
    week: list[DayPlan]  # today and the six days after, in the centre's zone
    open_now: bool
    services: list[Service]
    notices: list[CentreNotice]
    # The first year of the week China's holiday calendar has no data for: residents are told
    # that holidays and 调休 are not reflected in the hours shown.
    holidays_unknown_for: int | None = None


async def centre_by_code(code: str) -> Centre:
    centre = await Centre.get_or_none(code=code, is_active=True)
    if centre is None:
        raise NotFound(N_("This centre does not exist."))
    return centre


async def centre_page(centre: Centre, now: datetime) -> CentrePage:
    """What a resident needs to know before going: hours this week, open now, services."""
    today = now.astimezone(ZoneInfo(centre.time_zone)).date()
    week_rows = await WeeklyHours.filter(centre_id=centre.id, service_id=None)
    week: Week = {}
    for row in week_rows:
        week.setdefault(row.weekday, []).append((row.opens, row.closes))
    exceptions = await ScheduleException.filter(
        centre_id=centre.id, service_id=None, date__gte=today, date__lte=today + timedelta(days=6)
    )
    by_day: dict[date, list[Exception_]] = {}
    for exc in exceptions:
        by_day.setdefault(exc.date, []).append(
            Exception_(exc.closed, exc.opens, exc.closes, exc.reason)
        )
    days = [today + timedelta(days=i) for i in range(7)]
    plans = [day_plan(d, week, centre_exceptions=by_day.get(d)) for d in days]
    local = now.astimezone(ZoneInfo(centre.time_zone))
    services = await Service.filter(centre_id=centre.id, is_active=True).order_by(
        "sort_order", "name"
    )
    notices = await CentreNotice.filter(
        Q(expires_at=None) | Q(expires_at__gt=now), centre_id=centre.id, published_at__lte=now
    ).order_by("-published_at")
    node = await OrgNode.get(id=centre.node_id)
    open_now = is_open_at(plans[0], local.hour * 60 + local.minute)
    unknown = next((d.year for d in days if not holiday(d).known), None)
    return CentrePage(centre, node, plans, open_now, services, notices, unknown)


async def search_services(query: str, limit: int = 50) -> list[Service]:
    """Active services whose name or keywords contain every word of ``query``, city-wide."""
    words = [w for w in query.replace("，", " ").split() if w][:5]
    if not words:
        return []
    found = Service.filter(is_active=True, centre__is_active=True)
    for word in words:
        found = found.filter(
            Q(name__icontains=word) | Q(name_en__icontains=word) | Q(keywords__icontains=word)
        )
    return await found.select_related("centre").order_by("name", "centre__name").limit(limit)


def distance_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance (haversine); plenty for 'which centre is nearest'."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(a))


async def nearest_centres(lat: float, lng: float, limit: int = 10) -> list[tuple[Centre, float]]:
    centres = await Centre.filter(is_active=True, lat__isnull=False, lng__isnull=False)
    ranked = sorted(
        ((c, distance_km(lat, lng, c.lat or 0.0, c.lng or 0.0)) for c in centres),
        key=lambda cd: cd[1],
    )
    return ranked[:limit]


async def centres_under(node: OrgNode) -> list[Centre]:
    """Active centres in a node's subtree: one prefix match on the materialised path."""
    return await Centre.filter(is_active=True, node_path__startswith=node.path).order_by(
        "node_path", "name"
    )
