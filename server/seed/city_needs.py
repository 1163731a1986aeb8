"""Two years of residents' needs and small wishes, each with the events of its path.

The need rows and their events are the demo's (``demo_need_rows``): the same timestamps, event
data (``response_due_at`` on submit, ``resolution_due_at`` on accept, ratings) and actors that
the three rates read. What differs is the spread: needs are posted over two years, more lately,
and how far each has got depends on its age — old ones are mostly closed.
"""

from __future__ import annotations

import bisect
from datetime import datetime, timedelta
from decimal import Decimal

from server.models.needs import Need, NeedCategory, NeedEvent, NeedKind
from server.models.needs import NeedStatus as S
from server.seed import demo_data as data
from server.seed import demo_need_rows as rows
from server.seed.city_context import CityContext
from server.seed.demo_context import Resident
from server.seed.demo_need_rows import CATEGORIES, Plan
from server.seed.demo_needs import NEED_SKILL
from server.seed.demo_needs import _chain as chain_of
from server.seed.demo_needs import _timeline as demo_timeline
from server.seed.demo_texts import DEMO_NEEDS, NEEDS, WISHES

NEED_COLUMNS = [
    "id", "code", "kind", "centre_id", "node_id", "node_path", "category_id", "title",
    "description", "urgency", "preferred_time", "wish_item", "budget_cap", "address_private",
    "contact_name", "contact_phone", "requester_id", "posted_by_id", "status", "assigned_to_id",
    "assigned_department", "status_reason", "unreasonable", "unreasonable_reason",
    "response_due_at", "resolution_due_at", "responded_at", "resolved_at", "confirmed_at",
    "closed_at", "escalation_level", "rating", "rating_comment", "rated_at", "created_at",
    "updated_at",
]  # fmt: skip
EVENT_COLUMNS = [
    "need_id", "action", "from_status", "to_status", "actor_id", "note", "data", "created_at",
]  # fmt: skip
DAYS = 730
WISH_SHARE = 0.18
# How far needs have got by their age in days: (younger than, mix).
NEED_AGES = (
    (1.5, {S.SUBMITTED: 35, S.ACCEPTED: 25, S.ASSIGNED: 15, S.OPEN_FOR_CLAIM: 8,
           S.IN_PROGRESS: 10, S.REJECTED: 5, S.RESOLVED: 2}),
    (14, {S.ACCEPTED: 6, S.ASSIGNED: 8, S.OPEN_FOR_CLAIM: 6, S.IN_PROGRESS: 18, S.RESOLVED: 14,
          S.CONFIRMED: 18, S.CLOSED: 20, S.REJECTED: 6, S.REOPENED: 4}),
    (DAYS + 1, {S.CLOSED: 820, S.CONFIRMED: 60, S.REJECTED: 60, S.REOPENED: 20, S.RESOLVED: 20,
                S.IN_PROGRESS: 15, S.SUBMITTED: 3}),
)  # fmt: skip
WISH_AGES = (
    (1.5, {S.SUBMITTED: 50, S.OPEN_FOR_CLAIM: 35, S.IN_PROGRESS: 10, S.REJECTED: 5}),
    (14, {S.OPEN_FOR_CLAIM: 30, S.IN_PROGRESS: 25, S.RESOLVED: 15, S.CONFIRMED: 15,
          S.CLOSED: 10, S.REJECTED: 5}),
    (DAYS + 1, {S.CLOSED: 80, S.CONFIRMED: 5, S.REJECTED: 8, S.OPEN_FOR_CLAIM: 4, S.RESOLVED: 3}),
)  # fmt: skip
CLAIMED = (S.IN_PROGRESS, S.RESOLVED, S.CONFIRMED, S.CLOSED)
CHUNK = 20_000


async def seed_needs(city: CityContext) -> list[Plan]:
    """Write categories, needs and their events; return the plans that become tasks."""
    await _categories(city)
    kept: list[Plan] = []
    plans = _demo_plans(city)
    while True:
        for plan in plans:
            plan.need_id = city.next_id("needs")
        await _write(city, plans)
        kept += [p for p in plans if _becomes_task(p)]
        left = city.sizes.needs - city.sink.rows.get("needs", 0)
        if left <= 0:
            return kept
        plans = [_plan(city) for _ in range(min(CHUNK, left))]


def _becomes_task(plan: Plan) -> bool:
    if plan.kind == NeedKind.SMALL_WISH:
        return plan.status in (S.OPEN_FOR_CLAIM, *CLAIMED)
    return plan.status == S.OPEN_FOR_CLAIM


async def _write(city: CityContext, plans: list[Plan]) -> None:
    needs, events = [], []
    for plan in plans:
        needs.append(_need_row(city, plan))
        events += _event_rows(city, plan)
    await city.sink.write(Need, NEED_COLUMNS, needs)
    await city.sink.write(NeedEvent, EVENT_COLUMNS, events)


def _need_row(city: CityContext, plan: Plan) -> tuple[object, ...]:
    """demo_need_rows.need_row as a tuple: a model instance per row costs too much here."""
    created, category = plan.steps[0][2], CATEGORIES[plan.category]
    rows._decide(city, plan)
    who = plan.requester
    assert who is not None
    resolved = plan.at("resolve") if plan.status in (S.RESOLVED, S.CONFIRMED, S.CLOSED) else None
    urgency = rows._urgency(city, plan)
    preferred = city.rng.choice(("", "工作日白天", "周末上午", "晚上7点以后"))
    budget = Decimal(plan.budget) if plan.budget else None
    address = rows._address(city, plan)
    assigned = city.staff_of[plan.centre.id] if plan.at("assign") else None
    escalated = int(rows._overdue(city, plan, category.response_hours))
    rated = rows._rated_at(plan)
    updated = max(rated or created, plan.steps[-1][2])
    return (plan.need_id, plan.code, plan.kind, plan.centre.id, plan.node.id, plan.node.path,
            city.categories[plan.category], plan.title, plan.description, urgency, preferred,
            plan.wish_item, budget, address, who.name, who.phone, who.user_id, plan.posted_by,
            plan.status, assigned, plan.department, plan.reason, False, "",
            created + timedelta(hours=category.response_hours),
            rows._resolution_due(plan, category.resolution_hours),
            plan.steps[1][2] if len(plan.steps) > 1 else None, resolved, plan.at("confirm"),
            plan.at("close"), escalated, plan.rating, rows._comment(city, plan), rated, created,
            updated)  # fmt: skip


def _event_rows(city: CityContext, plan: Plan) -> list[tuple[object, ...]]:
    """demo_need_rows.need_events as tuples: one per step, from the status before it."""
    steps = list(plan.steps)
    rated = rows._after_confirm(plan) if plan.rating and not plan.at("rate") else None
    if rated is not None:  # a separate "rate" event, as the site writes it
        steps.append(("rate", S.CONFIRMED, rated))
        steps.sort(key=lambda step: step[2])
    events: list[tuple[object, ...]] = []
    previous = ""
    for action, to, when in steps:
        actor = rows._actor(city, plan, action)
        note, data_ = rows._note(plan, action), rows._data(city, plan, action)
        events.append((plan.need_id, action, previous, to, actor, note, data_, when))
        previous = to
    return events


async def _categories(city: CityContext) -> None:
    """As the demo: city-wide categories, one of a district, one of centre A only."""
    root = city.nodes[data.CITY[0]]
    district, a = city.nodes[data.DISTRICT_CATEGORY[0]], city.centres[data.CENTRE_A_CODE]
    scoped: list[tuple[data.CategoryRow, int | None, int | None]]
    scoped = [(row, root.id, None) for row in data.NEED_CATEGORIES]
    scoped += [(data.DISTRICT_CATEGORY[1], district.id, None), (data.CENTRE_A_CATEGORY, None, a.id)]
    rows = []
    for i, (row, node_id, centre_id) in enumerate(scoped, 1):
        city.categories[row.key] = i
        code = city.code_of("need_categories")
        hours = (row.response_hours, row.resolution_hours)
        rows.append(
            (i, code, centre_id, node_id, row.kind, row.name, row.name_en, *hours, True, i - 1)
        )
    columns = [
        "id", "code", "centre_id", "node_id", "kind", "name", "name_en", "response_hours",
        "resolution_hours", "is_active", "sort_order",
    ]  # fmt: skip
    await city.sink.write(NeedCategory, columns, rows)


def _demo_plans(city: CityContext) -> list[Plan]:
    """The demo resident's needs and wish, and a neighbour's wish the demo member can claim."""
    wj = next(i for i, c in enumerate(city.communities) if c.code == "WJ")
    people = {
        "resident": Resident(
            1, data.RESIDENT.phone, data.RESIDENT.name, "WJ", city.grids_of["WJ"][0]
        ),
        "neighbour": city.resident_of(city.resident(wj), wj),
    }
    city.residents = [people["resident"]]  # need_row gives her ratings their own weights
    plans = []
    for who, kind, status, category, title, text, wish in DEMO_NEEDS:
        plan = _new_plan(city, people[who], kind, status, category, title, text)
        if wish:
            plan.wish_item, plan.budget, plan.skill = wish
        plan.steps = demo_timeline(city, plan)
        plans.append(plan)
    return plans


def _new_plan(
    city: CityContext,
    who: Resident,
    kind: NeedKind,
    status: S,
    category: str,
    title: str,
    text: str,
) -> Plan:
    node, centre = city.nodes[who.grid], city.community_centre[who.community]
    plan = Plan(city.code_of("needs"), kind, status, node, centre, category, title, text, who)
    plan.skill = NEED_SKILL.get(category)
    return plan


def _plan(city: CityContext) -> Plan:
    rng = city.rng
    uid = rng.randrange(city.resident_start[0], city.resident_start[-1])
    c = bisect.bisect_right(city.resident_start, uid) - 1
    who = city.resident_of(uid, c)
    age = _age(city)
    if rng.random() < WISH_SHARE:
        key, title, item, budget, skill = rng.choice(WISHES)
        text = f"{title}。家里情况比较困难，谢谢好心人！"
        plan = _new_plan(
            city, who, NeedKind.SMALL_WISH, _status(city, WISH_AGES, age), key, title, text
        )
        plan.wish_item, plan.budget, plan.skill = item, budget, skill
    else:
        plan = _need(city, who, c, age)
    if rng.random() < 0.15 and plan.kind == NeedKind.NEED:
        plan.node = city.communities[c]  # about the whole community, not one grid
    plan.posted_by = _poster(city, c, plan)
    plan.steps = _timeline(city, plan, city.now - timedelta(days=age))
    if plan.kind == NeedKind.SMALL_WISH and plan.status in CLAIMED:
        _claim(city, plan, c)
    return plan


def _need(city: CityContext, who: Resident, c: int, age: float) -> Plan:
    rng = city.rng
    keys = [r.key for r in data.NEED_CATEGORIES if r.kind == NeedKind.NEED]
    if city.communities[c].path.startswith(f"{data.CITY[0]}/{data.DISTRICT_CATEGORY[0]}/"):
        keys.append("property")
    if who.community == "WJ":
        keys.append(data.CENTRE_A_CATEGORY.key)
    key = rng.choice(keys)
    title, text = rng.choice(NEEDS[key])
    b, u = rng.randint(1, 18), rng.randint(1, 4)
    status = _status(city, NEED_AGES, age)
    if status == S.OPEN_FOR_CLAIM and key not in NEED_SKILL:
        status = S.ASSIGNED
    title, text = title.format(b=b, u=u), text.format(b=b, u=u)
    return _new_plan(city, who, NeedKind.NEED, status, key, title, text)


def _age(city: CityContext) -> float:
    """Days since posting: any time in the two years, more often lately (use grows)."""
    while True:
        age = city.rng.uniform(0.02, DAYS)
        if city.rng.random() < 0.4 + 0.6 * (1 - age / DAYS):
            return age


def _status(city: CityContext, ages: tuple[tuple[float, dict[S, int]], ...], age: float) -> S:
    mix = next(m for younger, m in ages if age < younger)
    return city.rng.choices(list(mix), weights=list(mix.values()))[0]


def _poster(city: CityContext, c: int, plan: Plan) -> int | None:
    """Grid workers and counter staff post some needs on behalf of residents."""
    draw = city.rng.random()
    if plan.kind == NeedKind.NEED and draw < 0.05:
        return city.grid_worker[c]
    return city.staff_of[plan.centre.id] if draw > 0.9 else None


def _timeline(city: CityContext, plan: Plan, start: datetime) -> list[tuple[str, S, datetime]]:
    """As the demo's: a response after a while, then gaps squeezed to end before now."""
    chain = chain_of(plan)
    response = CATEGORIES[plan.category].response_hours * city.rng.uniform(0.2, 1.3)
    gaps = [0.0, response] + [city.rng.uniform(2, 48) for _ in chain[2:]]
    span = (city.now - start).total_seconds() / 3600 - 0.1
    scale = min(1.0, span / sum(gaps)) if sum(gaps) else 1.0
    steps, t = [], start
    for (action, to), gap in zip(chain, gaps, strict=False):
        t += timedelta(hours=gap * scale)
        steps.append((action, to, t))
    return steps


def _claim(city: CityContext, plan: Plan, c: int) -> None:
    """A member of the community verified before the claim, one with the skill if any is."""
    claimed = plan.at("claim")
    assert claimed is not None
    found = city.eligible(c, claimed)
    if not found:  # nobody could have claimed it yet: it is still open
        plan.status = S.OPEN_FOR_CLAIM
        plan.steps = _timeline(city, plan, plan.steps[0][2])
        return
    drawn = [city.verified[c][city.rng.randrange(found)][1] for _ in range(8)]
    skilled = [m for m in drawn if plan.skill in city.member_skills.get(m, ())]
    plan.member_id = (skilled or drawn)[0]
