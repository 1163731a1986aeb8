"""Rows for planned needs: the need itself and the event rows of its path, drawn consistently."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from server.models.needs import Need, NeedEvent, NeedKind, Rating, Urgency
from server.models.needs import NeedStatus as S
from server.models.places import Centre, OrgNode
from server.seed import demo_data as data
from server.seed.demo_context import DemoCity, Resident
from server.seed.demo_texts import DEPARTMENTS, RATING_COMMENTS, REJECT_REASONS

CATEGORIES = {
    row.key: row
    for row in (*data.NEED_CATEGORIES, data.DISTRICT_CATEGORY[1], data.CENTRE_A_CATEGORY)
}
# Who acts in each step: the resident these, a small wish's member those, staff the rest.
RESIDENT_ACTIONS = {"submit", "confirm", "reopen", "rate"}
MEMBER_ACTIONS = {"claim", "resolve"}  # on small wishes the member does these


@dataclass
class Plan:
    """A need as planned before it is written; tasks and claims are derived from it."""

    code: str
    kind: NeedKind
    status: S
    node: OrgNode
    centre: Centre
    category: str
    title: str
    description: str
    requester: Resident | None
    skill: str | None = None
    wish_item: str = ""
    budget: int | None = None
    posted_by: int | None = None
    member_id: int | None = None  # the claiming member of a small wish
    steps: list[tuple[str, S, datetime]] = field(default_factory=list)
    need_id: int = 0
    rating: Rating | None = None
    reason: str = ""  # why rejected or reopened
    department: str = ""

    def at(self, action: str) -> datetime | None:
        return next((t for a, _, t in reversed(self.steps) if a == action), None)


def need_row(city: DemoCity, plan: Plan) -> Need:
    """The need's row, its timestamps taken from the planned steps."""
    created, category = plan.steps[0][2], CATEGORIES[plan.category]
    _decide(city, plan)
    who = plan.requester
    resolved = plan.at("resolve") if plan.status in (S.RESOLVED, S.CONFIRMED, S.CLOSED) else None
    return Need(
        code=plan.code,
        kind=plan.kind,
        centre_id=plan.centre.id,
        node_id=plan.node.id,
        node_path=plan.node.path,
        category_id=city.categories[plan.category],
        title=plan.title,
        description=plan.description,
        urgency=_urgency(city, plan),
        preferred_time=city.rng.choice(("", "工作日白天", "周末上午", "晚上7点以后")),
        wish_item=plan.wish_item,
        budget_cap=Decimal(plan.budget) if plan.budget else None,
        address_private=_address(city, plan),
        contact_name=who.name if who else "",
        contact_phone=who.phone if who else "",
        requester_id=who.user_id if who else None,
        posted_by_id=plan.posted_by,
        status=plan.status,
        assigned_to_id=city.staff_of[plan.centre.id] if plan.at("assign") else None,
        assigned_department=plan.department,
        status_reason=plan.reason,
        response_due_at=created + timedelta(hours=category.response_hours),
        resolution_due_at=_resolution_due(plan, category.resolution_hours),
        responded_at=plan.steps[1][2] if len(plan.steps) > 1 else None,
        resolved_at=resolved,
        confirmed_at=plan.at("confirm"),
        closed_at=plan.at("close"),
        escalation_level=1 if _overdue(city, plan, category.response_hours) else 0,
        rating=plan.rating,
        rating_comment=_comment(city, plan),
        rated_at=_rated_at(plan),
        created_at=created,
    )


def _decide(city: DemoCity, plan: Plan) -> None:
    """Draw the outcomes the row and its events both show: rating, reasons, department."""
    if plan.at("rate"):  # rated dissatisfied: the need was reopened (see the chain)
        plan.rating = Rating.DISSATISFIED
    elif plan.at("confirm"):  # a dissatisfied rating would have reopened it
        weights = (85, 15, 0) if plan.requester != city.residents[0] else (1, 0, 0)
        plan.rating = city.rng.choices(list(Rating), weights=weights)[0]
    if plan.status == S.REJECTED:
        plan.reason = city.rng.choice(REJECT_REASONS)
    elif plan.status == S.REOPENED:
        plan.reason = "处理后问题又出现了，请再来看看"
    if plan.at("assign") and city.rng.random() < 0.5:
        plan.department = city.rng.choice(DEPARTMENTS)


def _resolution_due(plan: Plan, hours: int) -> datetime | None:
    accepted = plan.at("accept")
    return accepted + timedelta(hours=hours) if accepted else None


def _rated_at(plan: Plan) -> datetime | None:
    """A rating comes a few minutes after the confirmation (before any later step)."""
    if plan.rating is None:
        return None
    return plan.at("rate") or _after_confirm(plan)


def _after_confirm(plan: Plan) -> datetime | None:
    confirmed = plan.at("confirm")
    if confirmed is None:
        return None
    later = [t for _, _, t in plan.steps if t > confirmed]
    gap = min([timedelta(minutes=5), *((t - confirmed) / 2 for t in later)])
    return confirmed + gap


def _urgency(city: DemoCity, plan: Plan) -> Urgency:
    if plan.category == "safety":
        return city.rng.choice((Urgency.HIGH, Urgency.URGENT))
    return city.rng.choices(list(Urgency), weights=(15, 65, 17, 3))[0]


def _address(city: DemoCity, plan: Plan) -> str:
    community = plan.centre.name.removesuffix("党群服务中心")
    b, u, floor = city.rng.randint(1, 18), city.rng.randint(1, 4), city.rng.randint(1, 18)
    return f"{community}{b}栋{u}单元{floor}0{city.rng.randint(1, 4)}室"


def _overdue(city: DemoCity, plan: Plan, response_hours: int) -> bool:
    """Unanswered past the promised response time: escalated to the centre's staff."""
    return (
        plan.status == S.SUBMITTED and plan.steps[0][2] + timedelta(hours=response_hours) < city.now
    )


def _comment(city: DemoCity, plan: Plan) -> str:
    return city.rng.choice(RATING_COMMENTS) if plan.rating else ""


def need_events(city: DemoCity, plan: Plan) -> list[NeedEvent]:
    """One event per step, each from the status the step before reached."""
    steps = list(plan.steps)
    rated = _after_confirm(plan) if plan.rating and not plan.at("rate") else None
    if rated is not None:  # a separate "rate" event, as the site writes it
        steps.append(("rate", S.CONFIRMED, rated))
        steps.sort(key=lambda step: step[2])
    events, previous = [], ""
    for action, to, when in steps:
        events.append(
            NeedEvent(
                need_id=plan.need_id,
                action=action,
                from_status=previous,
                to_status=to,
                actor_id=_actor(city, plan, action),
                note=_note(plan, action),
                data=_data(city, plan, action),
                created_at=when,
            )
        )
        previous = to
    return events


def _actor(city: DemoCity, plan: Plan, action: str) -> int | None:
    if action == "submit" and plan.posted_by:
        return plan.posted_by
    if action in RESIDENT_ACTIONS:
        return plan.requester.user_id if plan.requester else None
    if action in MEMBER_ACTIONS and plan.member_id:
        return city.member_user[plan.member_id]
    return city.staff_of[plan.centre.id]


def _note(plan: Plan, action: str) -> str:
    notes = {
        "reject": plan.reason,
        "reopen": plan.reason,
        "resolve": "已处理完毕，请确认",
        "accept": "已受理，将尽快安排",
        "publish": "已发布，等待党员认领",
    }
    return notes.get(action, "")


def _data(city: DemoCity, plan: Plan, action: str) -> dict[str, object]:
    if action == "assign":
        given: dict[str, object] = {"assigned_to": city.staff_of[plan.centre.id]}
        return given | {"department": plan.department} if plan.department else given
    if action == "submit":
        hours = CATEGORIES[plan.category].response_hours
        due = plan.steps[0][2] + timedelta(hours=hours)
        return {"response_due_at": due.isoformat(), "on_behalf": plan.posted_by is not None}
    if action == "accept":
        due_at = _resolution_due(plan, CATEGORIES[plan.category].resolution_hours)
        return {"resolution_due_at": due_at.isoformat()} if due_at else {}
    if action == "rate" and plan.rating:
        return {"rating": plan.rating.value}
    if action == "claim" and plan.member_id:
        return {"member_id": plan.member_id}
    return {}
