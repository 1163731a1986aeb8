"""The directory of centres along the org tree."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from tortoise.expressions import Q

from server import cache
from server.domain import slots
from server.domain.codes import fits
from server.domain.errors import NotFound
from server.domain.schedules import DayPlan, Exception_, Week, day_plan, holiday, is_open_at
from server.i18n import N_
from server.models.places import (
    REGIONAL_KINDS,
    Centre,
    CentreNotice,
    Level,
    MaterialItem,
    OrgNode,
    ScheduleException,
    Service,
    WeeklyHours,
)


@dataclass
class DistrictEntry:
    node: OrgNode
    centres: list[Centre] = field(default_factory=list)  # the district's own centres
    streets: list[OrgNode] = field(default_factory=list)  # each links to its centres


@dataclass
class Tree:
    centres: list[Centre]  # the city's own centres
    districts: list[DistrictEntry]


async def centre_tree() -> Tree:
    """The city's and districts' own centres, and each district's streets: two queries.

    A big city has thousands of centres (5,000 in the city dataset): the home page lists the
    few at the top of the tree and links each street to its own list (``centres_at``), so it
    stays small on a phone and cheap to build, whatever the size of the city.
    """
    nodes = await OrgNode.filter(level__in=[Level.CITY, Level.DISTRICT, Level.STREET]).order_by(
        "sort_order", "name"
    )
    upper = {n.id: n for n in nodes if n.level != Level.STREET}
    districts = {n.id: DistrictEntry(n) for n in nodes if n.level == Level.DISTRICT}
    for street in nodes:
        if street.level == Level.STREET and street.parent_id in districts:
            districts[street.parent_id].streets.append(street)
    tree = Tree([], list(districts.values()))
    centres = await Centre.filter(is_active=True, node_id__in=list(upper)).order_by("name")
    for centre in centres:
        home = districts.get(centre.node_id)
        (home.centres if home else tree.centres).append(centre)
    return tree


@dataclass
class Place:
    """A place's page: its own centres, and either its children or every centre below it."""

    node: OrgNode
    centres: list[Centre]
    children: list[OrgNode]  # a city's districts or a district's streets, each with its page


async def place(code: str) -> Place:
    """A place's page by its node's code, from the places cache."""
    view = await cache.places.view()
    found = await view.get(("place", code), lambda: _place(code))
    if found is None:
        raise NotFound(N_("This place does not exist."))
    return found


async def _place(code: str) -> Place | None:
    """Streets and communities list every centre in them; a district or the city lists its
    own centres and links its children, rather than hundreds of centres on one page."""
    node = await OrgNode.get_or_none(code=code) if fits(OrgNode, code) else None
    if node is None:
        return None
    if node.level in (Level.CITY, Level.DISTRICT):
        own = await Centre.filter(is_active=True, node_id=node.id).order_by("name")
        children = await OrgNode.filter(parent_id=node.id).order_by("sort_order", "name")
        return Place(node, own, children)
    return Place(node, await centres_under(node), [])


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
    centre = await Centre.get_or_none(code=code, is_active=True) if fits(Centre, code) else None
    if centre is None:
        raise NotFound(N_("This centre does not exist."))
    return centre


@dataclass(frozen=True)
class CentreFacts:
    """What anyone may see of a centre, as the places cache keeps it: all its page needs but
    the clock. Read-only: shared by every request of this process."""

    centre: Centre
    node: OrgNode
    services: list[Service]  # active, in their order
    notices: list[CentreNotice]  # not expired when read: the page filters by the clock


@dataclass(frozen=True)
class CentreHours:
    """A centre's weekly hours (its own and its services') and its closures and changed hours
    from yesterday on, as the places cache keeps them; callers pick the days they need."""

    hours: list[WeeklyHours]
    changes: list[ScheduleException]


@dataclass(frozen=True)
class ServiceFacts:
    service: Service  # with its centre
    materials: list[MaterialItem]


async def _facts_of_centre(view: cache.View, code: str) -> CentreFacts:
    facts = await view.get(("centre", code), lambda: _centre_facts(code))
    if facts is None:
        raise NotFound(N_("This centre does not exist."))
    return facts


async def _centre_facts(code: str) -> CentreFacts | None:
    centre = await Centre.get_or_none(code=code, is_active=True) if fits(Centre, code) else None
    if centre is None:
        return None
    services = await Service.filter(centre_id=centre.id, is_active=True).order_by(
        "sort_order", "name"
    )
    notices = await CentreNotice.filter(
        Q(expires_at=None) | Q(expires_at__gt=datetime.now(UTC)), centre_id=centre.id
    ).order_by("-published_at")
    node = await OrgNode.get(id=centre.node_id)
    return CentreFacts(centre, node, services, notices)


async def _hours_of_centre(view: cache.View, centre: Centre) -> CentreHours:
    return await view.get(("hours", centre.id), lambda: _centre_hours(centre.id))


async def _centre_hours(centre_id: int) -> CentreHours:
    since = datetime.now(UTC).date() - timedelta(days=1)  # on or before today in any zone
    hours = await WeeklyHours.filter(centre_id=centre_id)
    changes = await ScheduleException.filter(centre_id=centre_id, date__gte=since)
    return CentreHours(hours, changes)


async def service_facts(code: str) -> ServiceFacts:
    """An active service with its centre and materials, from the places cache (shared and
    read-only: nothing may change or save it)."""
    return await _facts_of_service(await cache.places.view(), code)


async def _facts_of_service(view: cache.View, code: str) -> ServiceFacts:
    facts = await view.get(("service", code), lambda: _service_facts(code))
    if facts is None:
        raise NotFound(N_("This service does not exist."))
    return facts


@dataclass
class ServicePlan:
    """An active service as its page shows it and a booking checks its time against: the
    service, its materials and calendar from the places cache, and the places stamp they are
    valid for (a booking checks it again inside its transaction). Shared and read-only."""

    service: Service  # with its centre
    calendar: slots.Calendar
    materials: list[MaterialItem]
    stamp: int


async def service_plan(code: str) -> ServicePlan:
    """The service ``code`` as the places cache holds it now: one small query when cached (the
    slots' counters are the caller's, always live)."""
    view = await cache.places.view()
    facts = await _facts_of_service(view, code)
    service = facts.service
    known = await _hours_of_centre(view, service.centre)
    calendar = slots.calendar_of(service.centre, service, known.hours, known.changes)
    return ServicePlan(service, calendar, facts.materials, view.at)


async def _service_facts(code: str) -> ServiceFacts | None:
    found = Service.get_or_none(code=code, is_active=True).select_related("centre")
    service = await found if fits(Service, code) else None
    if service is None or not service.centre.is_active:
        return None
    materials = await MaterialItem.filter(service_id=service.id).order_by("sort_order")
    return ServiceFacts(service, materials)


async def centre_page(code: str, now: datetime) -> CentrePage:
    """What a resident needs to know before going: hours this week, open now, services; from
    the places cache (one small query when cached, seven otherwise)."""
    view = await cache.places.view()
    facts = await _facts_of_centre(view, code)
    centre = facts.centre
    zone = ZoneInfo(centre.time_zone)
    today = now.astimezone(zone).date()
    known = await _hours_of_centre(view, centre)
    week: Week = {}
    for row in known.hours:
        if row.service_id is None:
            week.setdefault(row.weekday, []).append((row.opens, row.closes))
    by_day: dict[date, list[Exception_]] = {}
    for exc in known.changes:
        if exc.service_id is None:
            by_day.setdefault(exc.date, []).append(
                Exception_(exc.closed, exc.opens, exc.closes, exc.reason)
            )
    days = [today + timedelta(days=i) for i in range(7)]
    plans = [day_plan(d, week, centre_exceptions=by_day.get(d)) for d in days]
    local = now.astimezone(zone)
    notices = [
        n
        for n in facts.notices
        if n.published_at <= now and (n.expires_at is None or n.expires_at > now)
    ]
    open_now = is_open_at(plans[0], local.hour * 60 + local.minute)
    unknown = next((d.year for d in days if not holiday(d).known), None)
    return CentrePage(centre, facts.node, plans, open_now, list(facts.services), notices, unknown)


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
    """The ``limit`` nearest active centres: looked for in a box around the point that widens
    until it holds enough, so a city of thousands of centres sends back a handful of rows."""
    for km in (3.0, 15.0, 60.0, None):
        found = Centre.filter(is_active=True, lat__isnull=False, lng__isnull=False)
        if km is not None:
            dlat = km / 111.0
            dlng = km / (111.0 * max(math.cos(math.radians(lat)), 0.01))
            found = found.filter(
                lat__gte=lat - dlat, lat__lte=lat + dlat, lng__gte=lng - dlng, lng__lte=lng + dlng
            )
        ranked = sorted(
            ((c, distance_km(lat, lng, c.lat or 0.0, c.lng or 0.0)) for c in await found),
            key=lambda cd: cd[1],
        )
        # Only what lies within the radius is surely nearer than anything outside the box.
        if km is None or sum(1 for _, d in ranked if d <= km) >= limit:
            return ranked[:limit]
    raise AssertionError("unreachable")


async def centres_under(node: OrgNode) -> list[Centre]:
    """Active centres in a node's subtree: one prefix match on the materialised path."""
    return await Centre.filter(is_active=True, node_path__startswith=node.path).order_by(
        "node_path", "name"
    )
