"""Seed residents' needs and small wishes, each with the event rows of the path to its status."""

from __future__ import annotations

from datetime import datetime, timedelta

from server.models.needs import Need, NeedCategory, NeedEvent, NeedKind
from server.models.needs import NeedStatus as S
from server.models.places import Centre, OrgNode
from server.seed import demo_data as data
from server.seed.demo_context import DemoCity, Resident
from server.seed.demo_need_rows import CATEGORIES, Plan, need_events, need_row
from server.seed.demo_texts import DEMO_NEEDS, NEEDS, WISHES

# The way a need normally travels, and a small wish's way through a member's claim.
NEED_PATH = [
    ("submit", S.SUBMITTED),
    ("accept", S.ACCEPTED),
    ("assign", S.ASSIGNED),
    ("start", S.IN_PROGRESS),
    ("resolve", S.RESOLVED),
    ("confirm", S.CONFIRMED),
    ("close", S.CLOSED),
]
WISH_PATH = [
    ("submit", S.SUBMITTED),
    ("accept", S.ACCEPTED),
    ("publish", S.OPEN_FOR_CLAIM),
    ("claim", S.IN_PROGRESS),
    ("resolve", S.RESOLVED),
    ("confirm", S.CONFIRMED),
    ("close", S.CLOSED),
]
NEED_MIX = {
    S.SUBMITTED: 8,
    S.ACCEPTED: 6,
    S.REJECTED: 3,
    S.ASSIGNED: 6,
    S.OPEN_FOR_CLAIM: 4,
    S.IN_PROGRESS: 8,
    S.RESOLVED: 6,
    S.REOPENED: 2,
    S.CONFIRMED: 10,
    S.CLOSED: 30,
}
WISH_MIX = {
    S.SUBMITTED: 2,
    S.REJECTED: 1,
    S.OPEN_FOR_CLAIM: 6,
    S.IN_PROGRESS: 3,
    S.RESOLVED: 2,
    S.CONFIRMED: 2,
    S.CLOSED: 5,
}
# How old a need in each status is, in days: old enough for its path to have happened.
AGE_DAYS = {
    S.SUBMITTED: (0.05, 1.5),
    S.ACCEPTED: (1, 4),
    S.REJECTED: (2, 60),
    S.ASSIGNED: (1, 6),
    S.OPEN_FOR_CLAIM: (1, 10),
    S.IN_PROGRESS: (2, 12),
    S.RESOLVED: (2, 6),
    S.REOPENED: (5, 25),
    S.CONFIRMED: (4, 30),
    S.CLOSED: (7, 88),
}
# Needs members can help with; the others are handled by staff and departments.
NEED_SKILL = {
    "repair": "repair",
    "environment": "waste_sorting",
    "elderly": "elderly_care",
    "policy": "legal",
}


async def seed_needs(city: DemoCity) -> list[Plan]:
    """Write categories, needs and small wishes with their events; return the plans."""
    await _seed_categories(city)
    plans = _demo_plans(city)
    for community in city.grids_of:
        plans += [_need_plan(city, community) for _ in range(city.rng.randint(6, 10))]
        plans += [_wish_plan(city, community) for _ in range(city.rng.randint(2, 4))]
    for plan in plans:
        plan.steps = _timeline(city, plan)
    await Need.bulk_create(need_row(city, p) for p in plans)
    ids = dict(await Need.all().values_list("code", "id"))
    for plan in plans:
        plan.need_id = ids[plan.code]
    await NeedEvent.bulk_create(e for p in plans for e in need_events(city, p))
    return plans


async def _seed_categories(city: DemoCity) -> None:
    root = city.nodes[data.CITY[0]]
    district, a = city.nodes[data.DISTRICT_CATEGORY[0]], city.centres[data.CENTRE_A_CODE]
    scoped: list[tuple[data.CategoryRow, OrgNode | None, Centre | None]]
    scoped = [(row, root, None) for row in data.NEED_CATEGORIES]
    scoped += [(data.DISTRICT_CATEGORY[1], district, None), (data.CENTRE_A_CATEGORY, None, a)]
    await NeedCategory.bulk_create(
        NeedCategory(
            code=city.code(),
            node=node,
            centre=centre,
            kind=row.kind,
            name=row.name,
            name_en=row.name_en,
            response_hours=row.response_hours,
            resolution_hours=row.resolution_hours,
            sort_order=i,
        )
        for i, (row, node, centre) in enumerate(scoped)
    )
    by_name = dict(await NeedCategory.all().values_list("name", "id"))
    city.categories = {row.key: by_name[row.name] for row, _, _ in scoped}


def _demo_plans(city: DemoCity) -> list[Plan]:
    """The demo resident's own needs and wish, and a neighbour's wish the demo member can claim."""
    people = {"resident": city.residents[0]}
    people["neighbour"] = next(r for r in city.others if r.community == "WJ")
    return [_plan(city, people[who], *rest) for who, *rest in DEMO_NEEDS]


def _plan(
    city: DemoCity,
    requester: Resident,
    kind: NeedKind,
    status: S,
    category: str,
    title: str,
    description: str,
    wish: tuple[str, int | None, str] | None,
) -> Plan:
    plan = Plan(
        city.code(),
        kind,
        status,
        city.nodes[requester.grid],
        city.community_centre[requester.community],
        category,
        title,
        description,
        requester,
    )
    if wish:
        plan.wish_item, plan.budget, plan.skill = wish
    else:
        plan.skill = NEED_SKILL.get(category)
    if status in (S.IN_PROGRESS, S.RESOLVED, S.CONFIRMED, S.CLOSED) and kind == NeedKind.SMALL_WISH:
        plan.member_id = _claimant(city, requester.community, plan.skill)
        if plan.member_id is None:
            plan.status = S.OPEN_FOR_CLAIM
    return plan


def _weighted(city: DemoCity, mix: dict[S, int]) -> S:
    return city.rng.choices(list(mix), weights=list(mix.values()))[0]


def _need_plan(city: DemoCity, community: str) -> Plan:
    keys = [r.key for r in data.NEED_CATEGORIES if r.kind == NeedKind.NEED]
    if city.nodes[community].path.startswith(f"{data.CITY[0]}/{data.DISTRICT_CATEGORY[0]}/"):
        keys.append("property")
    key = city.rng.choice(keys)
    title, text = city.rng.choice(NEEDS[key])
    b, u = city.rng.randint(1, 18), city.rng.randint(1, 4)
    status = _weighted(city, NEED_MIX)
    if status == S.OPEN_FOR_CLAIM and key not in NEED_SKILL:
        status = S.ASSIGNED
    requester = city.rng.choice([r for r in city.others if r.community == community])
    plan = _plan(
        city,
        requester,
        NeedKind.NEED,
        status,
        key,
        title.format(b=b, u=u),
        text.format(b=b, u=u),
        None,
    )
    if city.rng.random() < 0.15:  # some are about the whole community, not one grid
        plan.node = city.nodes[community]
    plan.posted_by = _poster(city, plan)
    return plan


def _wish_plan(city: DemoCity, community: str) -> Plan:
    key, title, item, budget, skill = city.rng.choice(WISHES)
    requester = city.rng.choice([r for r in city.others if r.community == community])
    text = f"{title}。家里情况比较困难，谢谢好心人！"
    return _plan(
        city,
        requester,
        NeedKind.SMALL_WISH,
        _weighted(city, WISH_MIX),
        key,
        title,
        text,
        (item, budget, skill),
    )


def _poster(city: DemoCity, plan: Plan) -> int | None:
    """Grid workers and counter staff post some needs on behalf of residents."""
    if plan.node.code == city.grids_of["WJ"][0] and city.rng.random() < 0.5:
        return city.users[data.GRID_WORKER.phone]
    return city.staff_of[plan.centre.id] if city.rng.random() < 0.1 else None


def _claimant(city: DemoCity, community: str, skill: str | None) -> int | None:
    """A verified member of the community, one with the skill if there is one."""
    members = city.members.get(community, [])
    skilled = [m for m in members if skill in city.member_skills.get(m, set())]
    demo = city.users[data.MEMBER.phone]
    # The demo member's own small wish stays open for her to claim in the demo.
    choices = [m for m in (skilled or members) if city.member_user[m] != demo]
    return city.rng.choice(choices) if choices else None


def _chain(plan: Plan) -> list[tuple[str, S]]:
    path = WISH_PATH if plan.kind == NeedKind.SMALL_WISH else NEED_PATH
    if plan.status == S.REJECTED:
        return [path[0], ("reject", S.REJECTED)]
    if plan.status == S.REOPENED:  # not fixed after all, or a dissatisfied rating
        if plan.code[-1] in "ABCDEFGHJK":
            return path[:5] + [("confirm", S.CONFIRMED), ("rate", S.REOPENED)]
        return path[:5] + [("reopen", S.REOPENED)]
    if plan.status == S.OPEN_FOR_CLAIM and plan.kind == NeedKind.NEED:
        return path[:2] + [("publish", S.OPEN_FOR_CLAIM)]
    return path[: [to for _, to in path].index(plan.status) + 1]


def _timeline(city: DemoCity, plan: Plan) -> list[tuple[str, S, datetime]]:
    """Times for each step: a response after a while, then gaps squeezed to end before now."""
    chain = _chain(plan)
    low, high = AGE_DAYS[plan.status]
    start = city.ago(days=city.rng.uniform(low, high))
    response = CATEGORIES[plan.category].response_hours * city.rng.uniform(0.2, 1.3)
    gaps = [0.0, response] + [city.rng.uniform(2, 48) for _ in chain[2:]]
    span = (city.now - start).total_seconds() / 3600 - 0.1
    scale = min(1.0, span / sum(gaps)) if sum(gaps) else 1.0
    times, t = [], start
    for gap in gaps[: len(chain)]:
        t += timedelta(hours=gap * scale)
        times.append(t)
    return [(action, to, when) for (action, to), when in zip(chain, times, strict=True)]
