"""The staff triage board of a centre: tabs, filters, and bulk actions previewed before they run.

A bulk action is two steps. ``preview`` lists, for each chosen need, whether the action applies
and what it will change (from → to), or why not. ``apply`` is then given exactly the codes the
preview said will change; each is moved by ``needs.act`` (one conditional UPDATE and one event
row each), so a need that moved meanwhile is skipped and reported, never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from tortoise.expressions import Q
from tortoise.functions import Count

from server.domain import needs
from server.domain.audit import Origin
from server.domain.errors import DomainError, NotFound, ValidationFailed
from server.domain.need_deadlines import due_of
from server.i18n import N_
from server.models.accounts import Role, RoleGrant, User
from server.models.needs import Need, NeedCategory, NeedKind, NeedStatus, Urgency
from server.models.places import Centre, OrgNode
from server.settings import Settings

S = NeedStatus
TABS = ("new", "late", "mine", "working", "waiting", "all")
BULK_ACTIONS = ("accept", "assign", "publish", "close")
BULK_MAX = 100
PAGE = 100
NOT_HERE = N_("This need is not at this centre.")


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    category: str = ""  # category code
    urgency: str = ""
    place: str = ""  # node code: that node and below
    q: str = ""  # words of the title, or a code

    @classmethod
    def of(cls, raw: dict[str, str]) -> Filters:
        kind = raw.get("kind", "")
        urgency = raw.get("urgency", "")
        return cls(
            kind=kind if kind in {k.value for k in NeedKind} else "",
            category=raw.get("category", "")[:16],
            urgency=urgency if urgency in {u.value for u in Urgency} else "",
            place=raw.get("place", "")[:32],
            q=raw.get("q", "").strip()[:100],
        )


def _late(now: datetime) -> Q:
    return Q(status=S.SUBMITTED, response_due_at__lt=now) | Q(
        status__in=list(needs.WORKING), resolution_due_at__lt=now
    )


def _tab(tab: str, user: User, now: datetime) -> Q:
    if tab == "new":
        return Q(status=S.SUBMITTED)
    if tab == "late":
        return _late(now)
    if tab == "mine":
        return Q(assigned_to_id=user.id, status__in=[*needs.WORKING, S.RESOLVED])
    if tab == "working":
        return Q(status__in=list(needs.WORKING))
    if tab == "waiting":
        return Q(status=S.RESOLVED)
    return Q()


async def _filters(centre: Centre, filters: Filters) -> Q:
    q = Q(centre_id=centre.id)
    if filters.kind:
        q &= Q(kind=filters.kind)
    if filters.urgency:
        q &= Q(urgency=filters.urgency)
    if filters.category:  # by id, not through a join: the tab counts are one aggregate query
        category = await NeedCategory.get_or_none(code=filters.category)
        q &= Q(category_id=category.id) if category else Q(id=0)
    if filters.place:
        node = await OrgNode.get_or_none(code=filters.place)
        q &= Q(node_path__startswith=node.path) if node else Q(id=0)
    if filters.q:
        q &= Q(title__icontains=filters.q) | Q(code=filters.q.upper())
    return q


@dataclass
class Board:
    tab: str
    rows: list[Need]
    counts: dict[str, int]
    more: bool


async def board(
    centre: Centre, user: User, tab: str, filters: Filters, now: datetime | None = None
) -> Board:
    """One tab of the board (oldest deadline first, so what is most late leads) and the count
    of every tab under the same filters."""
    now = now or datetime.now(UTC)
    tab = tab if tab in TABS else "new"
    base = await _filters(centre, filters)
    order = ("-created_at", "-id") if tab == "all" else ("response_due_at", "created_at", "id")
    if tab in ("late", "working", "mine"):
        order = ("resolution_due_at", "response_due_at", "id")
    rows = (
        await Need.filter(base & _tab(tab, user, now))
        .select_related("category", "node", "assigned_to")
        .order_by(*order)
        .limit(PAGE + 1)
    )
    return Board(tab, rows[:PAGE], await _counts(base, user, now), len(rows) > PAGE)


async def _counts(base: Q, user: User, now: datetime) -> dict[str, int]:
    """How many needs each tab holds under the same filters, in one query."""
    per_tab = {f"n_{t}": Count("id", _filter=_tab(t, user, now)) for t in TABS if t != "all"}
    per_tab["n_all"] = Count("id")
    found = (await Need.filter(base).annotate(**per_tab).values(*per_tab))[0]
    return {name: found[f"n_{name}"] or 0 for name in TABS}


def is_late(need: Need, now: datetime) -> bool:
    due = due_of(need)
    return due is not None and due < now


async def assignees(centre: Centre) -> list[User]:
    """Whom staff can assign a need to: the centre's staff and the grid workers of its area."""
    grants = await RoleGrant.filter(
        Q(role=Role.STAFF, centre_id=centre.id)
        | Q(role=Role.GRID_WORKER, node__path__startswith=centre.node_path)
    ).select_related("user")
    seen: dict[int, User] = {}
    for grant in grants:
        if grant.user.is_active:
            seen.setdefault(grant.user.id, grant.user)
    return sorted(seen.values(), key=lambda u: (u.display_name, u.phone))


async def assignee_by(centre: Centre, public_id: str) -> User | None:
    if not public_id:
        return None
    found = next((u for u in await assignees(centre) if u.public_id == public_id), None)
    if found is None:
        message = N_("Choose a person from the list.")
        raise ValidationFailed(message, fields={"assignee": message})
    return found


@dataclass
class BulkRow:
    need: Need
    applies: bool
    target: NeedStatus | None = None
    why_not: str = ""  # msgid


@dataclass
class Bulk:
    action: str
    rows: list[BulkRow]
    assignee: User | None = None
    department: str = ""

    @property
    def changing(self) -> list[Need]:
        return [r.need for r in self.rows if r.applies]


@dataclass
class BulkResult:
    done: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # code, msgid


async def preview(
    user: User,
    centre: Centre,
    codes: list[str],
    action: str,
    *,
    assignee: str = "",
    department: str = "",
) -> Bulk:
    """What ``action`` would do to each chosen need of ``centre``; nothing is written."""
    if action not in BULK_ACTIONS:
        raise ValidationFailed(N_("Choose what to do with the chosen needs."))
    wanted = list(dict.fromkeys(c.strip().upper() for c in codes if c.strip()))
    if not wanted:
        raise ValidationFailed(N_("Tick at least one need first."))
    if len(wanted) > BULK_MAX:
        raise ValidationFailed(N_("Choose at most 100 needs at a time."))
    person = await assignee_by(centre, assignee)
    if action == "assign" and person is None and not department.strip():
        message = N_("Choose a person or name a department.")
        raise ValidationFailed(message, fields={"assignee": message})
    found = {
        n.code: n
        for n in await Need.filter(code__in=wanted, centre_id=centre.id).select_related(
            "category", "centre"
        )
    }
    transition = needs.TRANSITIONS[action]
    supervised = await needs.supervised(user, found.values())  # roles_for's STAFF, for all
    rows = []
    for code in wanted:
        need = found.get(code)
        if need is None:
            continue  # another centre's code: not shown at all
        if need.id not in supervised:
            rows.append(BulkRow(need, False, why_not=N_("You may not do this to this need.")))
        elif need.status not in transition.sources:
            rows.append(BulkRow(need, False, why_not=N_("Not possible in its present status.")))
        else:
            rows.append(BulkRow(need, True, transition.target))
    if not rows:
        raise NotFound(NOT_HERE)
    return Bulk(action, rows, person, department.strip()[:100])


async def apply(
    user: User,
    centre: Centre,
    codes: list[str],
    action: str,
    settings: Settings,
    origin: Origin,
    *,
    assignee: str = "",
    department: str = "",
    now: datetime | None = None,
) -> BulkResult:
    """Run ``action`` on the needs the preview showed would change (``codes``); each on its own,
    so one that moved meanwhile is skipped and reported while the rest go ahead."""
    plan = await preview(user, centre, codes, action, assignee=assignee, department=department)
    result = BulkResult()
    for row in plan.rows:
        if not row.applies:
            result.skipped.append((row.need.code, row.why_not))
            continue
        try:
            await needs.act(
                user,
                row.need,
                action,
                settings,
                origin,
                assignee=plan.assignee,
                department=plan.department,
                now=now,
            )
        except DomainError as refused:
            result.skipped.append((row.need.code, refused.message))
        else:
            result.done.append(row.need.code)
    return result
