"""The directory of centres along the org tree."""

from __future__ import annotations

from dataclasses import dataclass, field

from server.models.places import REGIONAL_KINDS, Centre, Level, OrgNode


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
