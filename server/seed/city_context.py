"""What the city seed's steps share: its sizes, the places and people written so far, and ids."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from server.models.places import Centre, OrgNode
from server.seed.city_names import Codes, person, phone
from server.seed.city_sink import Sink
from server.seed.demo_context import DemoCity, Resident, Week


@dataclass(frozen=True)
class Sizes:
    """How much of everything; ``of(fraction)`` scales the whole city down, keeping its shape."""

    districts: int = 16
    streets: int = 300
    communities: int = 3_000
    centres: int = 5_000
    services: int = 50_000
    bookings: int = 1_000_000
    residents: int = 600_000  # users who are residents (members among them)
    members: int = 200_000
    needs: int = 300_000
    hours: int = 1_000_000  # hours entries: credits and a few corrections
    projects: int = 6_000  # weekly volunteer projects; their sessions carry most claims
    units: int = 500

    @classmethod
    def of(cls, fraction: float) -> Sizes:
        if not 0 < fraction <= 1:
            raise ValueError("the fraction of the city is more than 0 and at most 1")
        full = cls()
        # The demo's places need two districts, the first with two streets, each a community.
        least = {"districts": 2, "streets": 3, "communities": 6, "projects": 3, "units": 14}
        return cls(
            **{
                name: max(least.get(name, 1), round(getattr(full, name) * fraction))
                for name in cls.__dataclass_fields__
            }
        )


class ServiceInfo(NamedTuple):
    """What bookings need of a service, without a model instance per service."""

    id: int
    centre_id: int
    key: str  # key of demo_services.SERVICES
    duration: int
    capacity: int
    bookable: bool
    week: int  # index into CityContext.weeks: the week this service's slots follow


@dataclass
class CityContext(DemoCity):
    """The demo's context (so its row builders can be reused) plus the city's larger parts."""

    sizes: Sizes = field(default_factory=Sizes)
    sink: Sink = field(default_factory=Sink)
    communities: list[OrgNode] = field(default_factory=list)  # in tree order
    community_grids: list[list[OrgNode]] = field(default_factory=list)
    streets: list[OrgNode] = field(default_factory=list)
    street_span: list[tuple[int, int]] = field(default_factory=list)  # its communities
    district_span: list[tuple[int, int]] = field(default_factory=list)
    centre_span: dict[int, tuple[int, int]] = field(default_factory=dict)  # whose residents
    centre_of_community: list[Centre] = field(default_factory=list)
    service_info: list[ServiceInfo] = field(default_factory=list)
    weeks: list[tuple[Week, Week | None]] = field(default_factory=list)  # (centre, service)
    closed_days: set[tuple[int, int]] = field(default_factory=set)  # (centre id, date ordinal)
    resident_start: list[int] = field(default_factory=list)  # community -> first user id (+end)
    grid_worker: dict[int, int] = field(default_factory=dict)  # community index -> user id
    # Verified members of each community as (verified at, member id), oldest first.
    verified: list[list[tuple[datetime, int]]] = field(default_factory=list)
    demo_member: int = 0  # member id of the demo member
    codes: dict[str, Codes] = field(default_factory=dict)
    ids: dict[str, Iterator[int]] = field(default_factory=dict)

    def code_of(self, table: str) -> str:
        if table not in self.codes:
            self.codes[table] = Codes(len(self.codes) + 1)
        return self.codes[table].next()

    def next_id(self, table: str) -> int:
        return next(self.ids.setdefault(table, itertools.count(1)))

    def resident(self, community: int) -> int:
        """A random generated resident (user id) of the community."""
        return self.rng.randrange(
            self.resident_start[community], self.resident_start[community + 1]
        )

    def eligible(self, community: int, moment: datetime) -> int:
        """How many of the community's verified members were verified by ``moment``."""
        return bisect.bisect_right(self.verified[community], (moment, 1 << 62))

    def resident_of(self, user_id: int, community: int) -> Resident:
        """A generated resident as the demo's need rows expect one."""
        grid = self.rng.choice(self.community_grids[community]).code
        home = self.communities[community].code
        return Resident(user_id, phone(user_id), person(user_id), home, grid)
