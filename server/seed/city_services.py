"""Which services each of the city's centres offers, so that they add up to the size asked."""

from __future__ import annotations

from server.models.places import Centre, CentreKind
from server.seed import demo_services as svc
from server.seed.city_context import CityContext

# What a centre may add to its fixed list; a big city's community centres do a lot in one place.
POOLS: dict[CentreKind, tuple[str, ...]] = {
    CentreKind.COMMUNITY: svc.POOL[CentreKind.COMMUNITY]
    + ("jobs", "rental", "elder_pay", "birth_reg", "mediation", "pension", "medical")
    + ("party_move", "veterans", "disab_aid", "welfare"),
    CentreKind.STREET: svc.POOL[CentreKind.STREET]
    + ("jobs", "legal", "legal_aid", "housing", "disab_aid", "party_move", "doctor", "family"),
    CentreKind.CITY: ("mediation", "talent", "welfare", "veterans", "legal", "counsel"),
    CentreKind.DISTRICT: ("housing", "jobs", "mediation", "welfare", "talent", "legal"),
    CentreKind.BUILDING: ("legal", "room", "study", "jobs", "talent", "family"),
    CentreKind.PARK: ("legal", "counsel", "room", "study"),
    CentreKind.BUSINESS_DISTRICT: ("legal", "bp", "jobs", "party_move"),
    CentreKind.MARKET: ("mediation", "jobs", "party_move", "doctor"),
}
WEIGHTS = {CentreKind.COMMUNITY: 4.0, CentreKind.STREET: 6.0}  # the rest: 1


def _fixed(centre: Centre) -> tuple[str, ...]:
    return svc.CENTRE_SERVICES.get(centre.code) or svc.FIXED[centre.kind]


def _pool(centre: Centre) -> list[str]:
    if centre.code in svc.CENTRE_SERVICES:  # centres A and B are described in the docs
        return []
    fixed = _fixed(centre)
    return [key for key in POOLS[centre.kind] if key not in fixed]


def allot(city: CityContext, centres: list[Centre]) -> dict[int, int]:
    """How many services each centre offers: its fixed list, then shares of what is left."""
    counts = {c.id: len(_fixed(c)) for c in centres}
    room = {c.id: len(_pool(c)) for c in centres}
    weight = {c.id: WEIGHTS.get(c.kind, 1.0) * city.rng.uniform(0.3, 1.7) for c in centres}
    extra = city.sizes.services - sum(counts.values())
    while extra > 0:
        open_ = [cid for cid, left in room.items() if left > 0]
        if not open_:
            break
        total = sum(weight[cid] for cid in open_)
        shares = {cid: min(room[cid], int(extra * weight[cid] / total)) for cid in open_}
        if not any(shares.values()):  # the last few, one each to centres drawn at random
            shares = dict.fromkeys(city.rng.sample(open_, min(extra, len(open_))), 1)
        for cid, share in shares.items():
            counts[cid] += share
            room[cid] -= share
            extra -= share
    return counts


def service_keys(
    city: CityContext, centres: list[Centre], counts: dict[int, int]
) -> dict[int, list[str]]:
    """The keys of demo_services.SERVICES each centre offers, fixed ones first."""
    keys = {}
    for centre in centres:
        fixed = list(_fixed(centre))
        keys[centre.id] = fixed + city.rng.sample(_pool(centre), counts[centre.id] - len(fixed))
    return keys
