"""Admins keep their part of the tree: add child nodes, edit nodes, add and edit centres.

Rules (the suggested text for docs/architecture.md is in the report of issue 7):

- An admin acts on their node's subtree (``scopes.require_node_admin``). They add children
  one level down (districts under a city, ..., grids under a community); grids have none.
- Codes never change once created: they are in URLs, in every row's copied ``node_path`` and
  in people's bookmarks. Names, the English name, households and the location may be edited.
- Nodes are never moved to another parent. A move would rewrite the paths of the subtree and
  every copy of them (centres, needs, members, tasks, hours, audit rows); it is refused, and a
  wrong placement is fixed by creating the node in the right place.
- Admins may edit their own node's names, households and location, but not its display order
  among its siblings: that belongs to the admin above, like its code and parent.
- A centre belongs to one node for good (its bookings, needs and staff hang on it). City,
  district, street and community centres sit on a node of their own level; regional centres
  (buildings, parks, business districts, markets) on a street or community. Grids have none.
- A centre is deactivated, never deleted, and only when no future bookings or unfinished
  needs still depend on it.
- Every form reports all its problems at once; every change is written to the audit log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any
from zoneinfo import available_timezones

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.functions import Count
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server.cache import PLACES, bump
from server.domain import scopes
from server.domain.audit import Origin, record
from server.domain.errors import Conflict, NotFound, ValidationFailed
from server.domain.needs import FINISHED
from server.i18n import N_
from server.models.accounts import User
from server.models.bookings import Booking, BookingStatus
from server.models.needs import Need
from server.models.places import (
    LEVEL_DEPTH,
    REGIONAL_KINDS,
    Centre,
    CentreKind,
    Level,
    OrgNode,
)

CHILD_LEVEL = {
    Level.CITY: Level.DISTRICT,
    Level.DISTRICT: Level.STREET,
    Level.STREET: Level.COMMUNITY,
    Level.COMMUNITY: Level.GRID,
}
KINDS_AT = {
    Level.CITY: frozenset({CentreKind.CITY}),
    Level.DISTRICT: frozenset({CentreKind.DISTRICT}),
    Level.STREET: frozenset({CentreKind.STREET}) | REGIONAL_KINDS,
    Level.COMMUNITY: frozenset({CentreKind.COMMUNITY}) | REGIONAL_KINDS,
    Level.GRID: frozenset(),
}
CODE = re.compile(r"^[A-Z0-9]{1,20}$")
PHONE = re.compile(r"^[0-9+\-() ]{0,20}$")
NODE_TEXTS = {"name": 100, "name_en": 150}
CENTRE_TEXTS = {"name": 100, "name_en": 150, "address": 200, "hours_note": 200}
REQUIRED = {"name", "address"}
TAKEN = N_("This code is taken: codes are unique across the whole tree.")


@dataclass
class ChildRow:
    node: OrgNode
    nodes_below: int
    centres: int


@dataclass
class TreeView:
    node: OrgNode
    above: bool  # the admin administers a node above this one (may reorder it)
    crumbs: list[tuple[OrgNode, bool]]  # ancestors, and whether the admin may open each
    children: list[ChildRow] = field(default_factory=list)
    centres: list[Centre] = field(default_factory=list)
    attach_to: list[OrgNode] = field(default_factory=list)  # where a new centre may go


# Reading forms ------------------------------------------------------------------------------


def _texts(form: dict[str, str], limits: dict[str, int], errors: dict[str, str]) -> dict[str, str]:
    values = {}
    for name, limit in limits.items():
        value = form.get(name, "").strip()
        if name in REQUIRED and not value:
            errors[name] = N_("This field is required.")
        elif len(value) > limit:
            errors[name] = N_("This text is too long.")
        values[name] = value[:limit]
    return values


def _optional_int(form: dict[str, str], name: str, errors: dict[str, str]) -> int | None:
    raw = form.get(name, "").strip()
    if not raw:
        return None
    if raw.isdigit() and int(raw) <= 10_000_000:
        return int(raw)
    errors[name] = N_("Enter a whole number of 0 or more.")
    return None


def _location(form: dict[str, str], errors: dict[str, str]) -> dict[str, float | None]:
    """Latitude and longitude, both or neither."""
    found: dict[str, float | None] = {}
    for name, bound in (("lat", 90.0), ("lng", 180.0)):
        raw = form.get(name, "").strip()
        try:
            value = float(raw) if raw else None
        except ValueError:
            value = float("nan")
        if value is not None and not -bound <= value <= bound:
            errors[name] = N_("Enter a latitude and longitude in decimal degrees.")
            value = None
        found[name] = round(value, 6) if value is not None else None
    if (found["lat"] is None) != (found["lng"] is None) and not errors.keys() & {"lat", "lng"}:
        errors["lng" if found["lng"] is None else "lat"] = N_("Give both coordinates or neither.")
    return found


def _fixed(node: OrgNode, parent_code: str, form: dict[str, str], errors: dict[str, str]) -> None:
    """A posted code or parent must be the current one: neither changes after creation."""
    if form.get("code", node.code).strip().upper() != node.code:
        errors["code"] = N_("A code cannot change once created: it is part of links and paths.")
    if form.get("parent", parent_code).strip().upper() != parent_code:
        errors["parent"] = N_(
            "Nodes cannot be moved to another parent; create the node in the right place."
        )


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


# Nodes --------------------------------------------------------------------------------------


async def _code(form: dict[str, str], errors: dict[str, str]) -> str:
    code = form.get("code", "").strip().upper()
    if not CODE.match(code):
        errors["code"] = N_("Use 1 to 20 capital letters and digits, e.g. HP01.")
    elif await OrgNode.exists(code=code):
        errors["code"] = TAKEN
    return code


async def create_child(
    admin: User, parent_code: str, form: dict[str, str], origin: Origin
) -> OrgNode:
    """A new node one level below ``parent_code``, which ``admin`` administers."""
    parent = await scopes.require_node_admin(admin, parent_code)
    level = CHILD_LEVEL.get(parent.level)
    if level is None:
        raise ValidationFailed(N_("Grids are the lowest level: they have no children."))
    errors: dict[str, str] = {}
    code = await _code(form, errors)
    values: dict[str, Any] = {**_texts(form, NODE_TEXTS, errors), **_location(form, errors)}
    values["households"] = _optional_int(form, "households", errors)
    order = _optional_int(form, "sort_order", errors)
    if errors:
        raise ValidationFailed(N_("Please correct the marked fields."), fields=errors)
    if order is None:
        last = await OrgNode.filter(parent_id=parent.id).order_by("-sort_order").first()
        order = last.sort_order + 1 if last else 1
    try:
        async with in_transaction():
            await bump(PLACES)  # the directory caches the tree and centres
            node = await OrgNode.create(
                code=code,
                level=level,
                parent=parent,
                path=f"{parent.path}{code}/",
                depth=LEVEL_DEPTH[level],
                sort_order=order,
                **values,
            )
            after = {"code": code, "level": level.value, "parent": parent.code, **values}
            await _audit(admin, "node.create", origin, node, after=after)
    except IntegrityError:
        raise ValidationFailed(TAKEN, fields={"code": TAKEN}) from None
    return node


async def edit_node(admin: User, code: str, form: dict[str, str], origin: Origin) -> OrgNode:
    """Save a node's names, households, location (and order, for admins above it)."""
    node = await scopes.require_node_admin(admin, code)
    above = await administers_above(admin, node)
    parent = await OrgNode.get_or_none(id=node.parent_id)
    errors: dict[str, str] = {}
    _fixed(node, parent.code if parent else "", form, errors)
    values: dict[str, Any] = {**_texts(form, NODE_TEXTS, errors), **_location(form, errors)}
    values["households"] = _optional_int(form, "households", errors)
    if above and form.get("sort_order", "").strip():
        values["sort_order"] = _optional_int(form, "sort_order", errors)
    if errors:
        raise ValidationFailed(N_("Please correct the marked fields."), fields=errors)
    changed = {k: v for k, v in values.items() if getattr(node, k) != v}
    if changed:
        async with in_transaction():
            await bump(PLACES)  # the directory caches the tree and centres
            before = {k: getattr(node, k) for k in changed}
            await OrgNode.filter(id=node.id).update(**changed)
            await _audit(admin, "node.edit", origin, node, before=before, after=changed)
        for key, value in changed.items():
            setattr(node, key, value)
    return node


async def administers_above(admin: User, node: OrgNode) -> bool:
    """Whether ``admin`` holds a node strictly above ``node`` (not only the node itself)."""
    return any(
        node.path != own.path and node.path.startswith(own.path)
        for own in await scopes.admin_nodes(admin)
    )


async def tree_view(admin: User, code: str) -> TreeView:
    """The node, the way up to it, its children with counts, and the centres on it and them."""
    node = await scopes.require_node_admin(admin, code)
    own = await scopes.admin_nodes(admin)
    codes = node.path.rstrip("/").split("/")[:-1]
    ancestors = sorted(await OrgNode.filter(code__in=codes), key=lambda n: n.depth)
    view = TreeView(
        node=node,
        above=await administers_above(admin, node),
        crumbs=[(a, any(a.path.startswith(o.path) for o in own)) for a in ancestors],
    )
    children = await OrgNode.filter(parent_id=node.id).order_by("sort_order", "code")
    below = await _per_child(OrgNode.filter(path__startswith=node.path), "path", children)
    centres = Centre.filter(node_path__startswith=node.path, is_active=True)
    active = await _per_child(centres, "node_path", children)
    for child in children:
        view.children.append(ChildRow(child, below[child.path] - 1, active[child.path]))
    ids = [node.id, *(c.id for c in children)]
    view.centres = (
        await Centre.filter(node_id__in=ids)
        .select_related("node")
        .order_by("-is_active", "node_path", "name")
    )
    view.attach_to = [n for n in (node, *children) if KINDS_AT[n.level]]
    return view


async def _per_child(rows: QuerySet[Any], path: str, children: list[OrgNode]) -> dict[str, int]:
    """How many of ``rows`` lie in each child's subtree, in one query whatever the children."""
    if not children:
        return {}
    counts = {
        f"c{i}": Count("id", _filter=Q(**{f"{path}__startswith": child.path}))
        for i, child in enumerate(children)
    }
    found = (await rows.annotate(**counts).values(*counts))[0]
    return {child.path: found[f"c{i}"] or 0 for i, child in enumerate(children)}


# Centres ------------------------------------------------------------------------------------


async def centre_in(admin: User, node_code: str, centre_code: str) -> tuple[OrgNode, Centre]:
    """A centre in the subtree of ``node_code``, which ``admin`` administers; else NotFound."""
    node = await scopes.require_node_admin(admin, node_code)
    centre = await Centre.get_or_none(code=centre_code).select_related("node")
    if centre is None or not scopes.within(node, centre.node_path):
        raise NotFound(N_("This centre does not exist."))
    return node, centre


def _centre_values(form: dict[str, str], errors: dict[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {**_texts(form, CENTRE_TEXTS, errors), **_location(form, errors)}
    values["description"] = form.get("description", "").strip()[:2000]
    phone = form.get("phone", "").strip()
    if not PHONE.match(phone):
        errors["phone"] = N_(
            "Enter a phone number of digits, spaces and hyphens, e.g. 027-8888 6666."
        )
    values["phone"] = phone[:20]
    zone = form.get("time_zone", "").strip() or "Asia/Shanghai"
    if zone not in _zones():
        errors["time_zone"] = N_("Choose a time zone such as Asia/Shanghai.")
    values["time_zone"] = zone
    return values


def _kind(form: dict[str, str], level: Level | None, errors: dict[str, str]) -> CentreKind:
    raw = form.get("kind", "")
    kind = next((k for k in CentreKind if k.value == raw), None)
    if kind is None:
        errors["kind"] = N_("Choose the kind of centre.")
        return CentreKind.COMMUNITY
    if level is not None and kind not in KINDS_AT[level]:
        errors["kind"] = N_(
            "This kind of centre cannot sit on this level: city, district, street and "
            "community centres sit on their own level, regional ones on a street or community."
        )
    return kind


async def create_centre(
    admin: User, node_code: str, form: dict[str, str], origin: Origin
) -> Centre:
    """A new centre on a node of ``node_code``'s subtree (the node itself by default)."""
    page = await scopes.require_node_admin(admin, node_code)
    errors: dict[str, str] = {}
    target = await OrgNode.get_or_none(code=form.get("node", "").strip().upper() or page.code)
    if target is None or not scopes.within(page, target.path):
        errors["node"] = N_("Choose a place within this part of the tree.")
    elif not KINDS_AT[target.level]:
        errors["node"] = N_("Grids have no centres; choose their community.")
    kind = _kind(form, target.level if target else None, errors)
    values = _centre_values(form, errors)
    if errors or target is None:
        raise ValidationFailed(N_("Please correct the marked fields."), fields=errors)
    async with in_transaction():
        await bump(PLACES)  # the directory caches the tree and centres
        centre = await Centre.create(node=target, node_path=target.path, kind=kind, **values)
        after = {"node": target.code, "kind": kind.value, **values}
        await _audit(admin, "centre.create", origin, centre, after=after)
    return centre


async def edit_centre(
    admin: User, node_code: str, centre_code: str, form: dict[str, str], origin: Origin
) -> Centre:
    """Save a centre's kind, names, address, contact, description and time zone."""
    _, centre = await centre_in(admin, node_code, centre_code)
    errors: dict[str, str] = {}
    if form.get("node", centre.node.code).strip().upper() != centre.node.code:
        errors["node"] = N_("A centre stays on its node; deactivate it and add a new one instead.")
    values: dict[str, Any] = {"kind": _kind(form, centre.node.level, errors)}
    values.update(_centre_values(form, errors))
    if errors:
        raise ValidationFailed(N_("Please correct the marked fields."), fields=errors)
    changed = {k: v for k, v in values.items() if getattr(centre, k) != v}
    if changed:
        async with in_transaction():
            await bump(PLACES)  # the directory caches the tree and centres
            before = {k: getattr(centre, k) for k in changed}
            await Centre.filter(id=centre.id).update(**changed)
            await _audit(admin, "centre.edit", origin, centre, before=before, after=changed)
        for key, value in changed.items():
            setattr(centre, key, value)
    return centre


async def set_centre_active(
    admin: User,
    node_code: str,
    centre_code: str,
    active: bool,
    origin: Origin,
    now: datetime | None = None,
) -> Centre:
    """Deactivate a centre nothing still depends on, or reactivate one."""
    _, centre = await centre_in(admin, node_code, centre_code)
    if centre.is_active == active:
        return centre
    if not active:
        await _check_unused(centre, now or datetime.now(UTC))
    async with in_transaction():
        await bump(PLACES)  # the directory caches the tree and centres
        changed = await Centre.filter(id=centre.id, is_active=not active).update(is_active=active)
        if changed == 1:
            action = "centre.activate" if active else "centre.deactivate"
            before, after = {"is_active": not active}, {"is_active": active}
            await _audit(admin, action, origin, centre, before=before, after=after)
    centre.is_active = active
    return centre


async def _check_unused(centre: Centre, now: datetime) -> None:
    bookings = await Booking.filter(
        centre_id=centre.id, status=BookingStatus.BOOKED, starts_at__gte=now
    ).count()
    needs = await Need.filter(centre_id=centre.id).exclude(status__in=list(FINISHED)).count()
    if bookings or needs:
        raise Conflict(
            N_(
                "This centre still has %(bookings)s future bookings and %(needs)s unfinished "
                "needs. Its staff must close its days (which cancels and tells the bookings) "
                "and finish or transfer the needs first."
            ),
            bookings=bookings,
            needs=needs,
        )


async def _audit(
    admin: User,
    action: str,
    origin: Origin,
    thing: OrgNode | Centre,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    node = isinstance(thing, OrgNode)
    await record(
        admin,
        action,
        origin,
        object_type="org_node" if node else "centre",
        object_id=thing.code,
        node_path=thing.path if isinstance(thing, OrgNode) else thing.node_path,
        before=_plain(before),
        after=_plain(after),
    )


def _plain(values: dict[str, Any] | None) -> dict[str, Any] | None:
    """JSON-ready audit values (enum members as their values)."""
    if values is None:
        return None
    return {k: getattr(v, "value", v) for k, v in values.items()}
