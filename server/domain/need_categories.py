"""Staff keep their centre's need categories: what residents choose from when they post, each
with the hours promised for a reply and for a fix.

Categories set on a node above the centre apply to it as well and are read-only here. A
category is never deleted, only withdrawn: a withdrawn one is no longer offered when posting,
while needs already posted keep it. New hours count only from the change on: a need's reply
deadline is stamped when it is posted and its fix deadline when it is accepted, so deadlines
already stamped stay. Callers check the staff member first with ``counter.require_counter``,
as the centre's other set-up pages do.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from tortoise.transactions import in_transaction

from server.domain.audit import Origin, record
from server.domain.centre_setup import read_number
from server.domain.errors import NotFound, ValidationFailed
from server.i18n import N_
from server.models.accounts import User
from server.models.needs import NeedCategory, NeedKind
from server.models.places import Centre, OrgNode

HOURS = (1, 8760)  # at most a year
ORDER = ("sort_order", "name", "id")  # display order within one kind, as the posting form sorts
OPS = ("save", "up", "down", "deactivate", "reactivate")


@dataclass(frozen=True)
class Listing:
    """A centre's categories: its own (offered, then withdrawn) and those set above it."""

    own: list[NeedCategory]
    withdrawn: list[NeedCategory]
    inherited: list[NeedCategory]  # active ones on the centre's node or above; ``node`` loaded

    def offered(self, kind: str) -> list[NeedCategory]:
        return [c for c in self.own if c.kind == kind]


async def listing(centre: Centre) -> Listing:
    rows = await NeedCategory.filter(centre_id=centre.id).order_by(*ORDER)
    # A node's path is its ancestors' codes, each ending in "/": every prefix up to a "/".
    path = centre.node_path
    above = await OrgNode.filter(path__in=[path[: i + 1] for i, c in enumerate(path) if c == "/"])
    inherited = await NeedCategory.filter(
        node_id__in=[n.id for n in above], is_active=True
    ).select_related("node")
    inherited.sort(key=lambda c: (c.node.depth if c.node else 0, c.kind, c.sort_order, c.name))
    return Listing(
        own=[c for c in rows if c.is_active],
        withdrawn=[c for c in rows if not c.is_active],
        inherited=inherited,
    )


async def category_at(centre: Centre, code: str) -> NeedCategory:
    """One of the centre's own categories; those set on a node are not found through it."""
    category = await NeedCategory.get_or_none(code=code, centre_id=centre.id)
    if category is None:
        raise NotFound(N_("This centre has no such category of its own."))
    return category


def read_form(form: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """The category fields of a form, and every problem with them at once."""
    errors: dict[str, str] = {}
    name, name_en = form.get("name", "").strip(), form.get("name_en", "").strip()
    if not name:
        errors["name"] = N_("Give the category a name.")
    elif len(name) > 50:
        errors["name"] = N_("Keep the name within 50 characters.")
    if len(name_en) > 100:
        errors["name_en"] = N_("Keep the English name within 100 characters.")
    try:
        kind = NeedKind(form.get("kind", ""))
    except ValueError:
        errors["kind"] = N_("Choose a need or a small wish.")
        kind = NeedKind.NEED
    response = read_number(form, "response_hours", *HOURS, errors)
    resolution = read_number(form, "resolution_hours", *HOURS, errors)
    if not {"response_hours", "resolution_hours"} & errors.keys() and resolution < response:
        errors["resolution_hours"] = N_(
            "The time to resolve cannot be shorter than the time to reply."
        )
    values = {
        "name": name,
        "name_en": name_en,
        "kind": kind,
        "response_hours": response,
        "resolution_hours": resolution,
    }
    return values, errors


def _state(category: NeedCategory) -> dict[str, Any]:
    return {
        "name": category.name,
        "name_en": category.name_en,
        "kind": category.kind.value,
        "response_hours": category.response_hours,
        "resolution_hours": category.resolution_hours,
        "is_active": category.is_active,
        "sort_order": category.sort_order,
    }


@asynccontextmanager
async def _turn(centre: Centre) -> AsyncIterator[None]:
    """A transaction in which this centre's category changes take turns.

    Names are checked for clashes before they are written; on PostgreSQL an advisory lock
    makes two such changes wait for each other. SQLite writers begin IMMEDIATE, one at a time.
    """
    async with in_transaction() as conn:
        if conn.capabilities.dialect == "postgres":
            await conn.execute_query(
                "SELECT pg_advisory_xact_lock(hashtext('doorstep.need_categories'), $1)",
                [centre.id],
            )
        yield


async def _check_unique(
    centre: Centre, values: dict[str, Any], errors: dict[str, str], exclude: int | None = None
) -> None:
    if "name" in errors or "kind" in errors:
        return
    clash = NeedCategory.filter(
        centre_id=centre.id, kind=values["kind"], name__iexact=values["name"], is_active=True
    )
    if exclude is not None:
        clash = clash.exclude(id=exclude)
    if await clash.exists():
        errors["name"] = N_("This centre already offers a category with this name.")


def _refuse(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationFailed(N_("Please correct the marked fields."), fields=errors)


async def _last_place(centre: Centre, kind: NeedKind) -> int:
    """A position after every category of this kind the centre has."""
    last = await NeedCategory.filter(centre_id=centre.id, kind=kind).order_by("-sort_order").first()
    return last.sort_order + 1 if last else 0


async def _record(
    staff: User,
    centre: Centre,
    verb: str,
    origin: Origin,
    category: NeedCategory,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    await record(
        staff,
        f"need_category.{verb}",
        origin,
        object_type="need_category",
        object_id=category.code,
        node_path=centre.node_path,
        before=before,
        after=after,
    )


async def create(staff: User, centre: Centre, form: dict[str, str], origin: Origin) -> NeedCategory:
    """Add a category to the centre, offered at the end of its kind's list."""
    values, errors = read_form(form)
    async with _turn(centre):
        await _check_unique(centre, values, errors)
        _refuse(errors)
        position = await _last_place(centre, values["kind"])
        category = await NeedCategory.create(centre_id=centre.id, sort_order=position, **values)
        await _record(staff, centre, "create", origin, category, None, _state(category))
    return category


async def update(
    staff: User, centre: Centre, code: str, form: dict[str, str], origin: Origin
) -> NeedCategory:
    """Save a category's names, kind and hours; new hours apply to deadlines stamped later."""
    values, errors = read_form(form)
    async with _turn(centre):
        category = await category_at(centre, code)
        if category.is_active:
            await _check_unique(centre, values, errors, exclude=category.id)
        _refuse(errors)
        changes = {k: v for k, v in values.items() if getattr(category, k) != v}
        if not changes:
            return category
        if "kind" in changes:  # to the end of the other kind's list
            changes["sort_order"] = await _last_place(centre, values["kind"])
        before = _state(category)
        await NeedCategory.filter(id=category.id).update(**changes)
        await category.refresh_from_db()
        await _record(staff, centre, "update", origin, category, before, _state(category))
    return category


async def move(staff: User, centre: Centre, code: str, step: int, origin: Origin) -> None:
    """Swap an offered category with its neighbour of the same kind (-1 up, 1 down)."""
    async with _turn(centre):
        category = await category_at(centre, code)
        rows = await NeedCategory.filter(
            centre_id=centre.id, kind=category.kind, is_active=True
        ).order_by(*ORDER)
        at = next((i for i, row in enumerate(rows) if row.id == category.id), None)
        if at is None or not 0 <= at + step < len(rows):
            return  # withdrawn, or already first or last
        rows[at], rows[at + step] = rows[at + step], rows[at]
        for position, row in enumerate(rows):  # renumbered 0..n-1 on the way
            if row.sort_order != position:
                await NeedCategory.filter(id=row.id).update(sort_order=position)
        before = {"position": at, "sort_order": category.sort_order}
        await _record(staff, centre, "move", origin, category, before, {"position": at + step})


async def deactivate(staff: User, centre: Centre, code: str, origin: Origin) -> None:
    """Withdraw a category: no longer offered when posting; needs that have it keep it."""
    await _set_active(staff, centre, code, False, origin)


async def reactivate(staff: User, centre: Centre, code: str, origin: Origin) -> None:
    """Offer a withdrawn category again, at the end of its kind's list."""
    await _set_active(staff, centre, code, True, origin)


async def _set_active(staff: User, centre: Centre, code: str, active: bool, origin: Origin) -> None:
    async with _turn(centre):
        category = await category_at(centre, code)
        if category.is_active == active:
            return
        changes: dict[str, Any] = {"is_active": active}
        if active:
            errors: dict[str, str] = {}
            await _check_unique(centre, _state(category), errors, exclude=category.id)
            _refuse(errors)
            changes["sort_order"] = await _last_place(centre, category.kind)
        before = _state(category)
        await NeedCategory.filter(id=category.id).update(**changes)
        await category.refresh_from_db()
        verb = "reactivate" if active else "deactivate"
        await _record(staff, centre, verb, origin, category, before, _state(category))


async def apply(
    staff: User, centre: Centre, code: str, op: str, form: dict[str, str], origin: Origin
) -> None:
    """One row's change: ``op`` is save, up, down, deactivate or reactivate."""
    if op == "save":
        await update(staff, centre, code, form, origin)
    elif op in ("up", "down"):
        await move(staff, centre, code, -1 if op == "up" else 1, origin)
    elif op == "deactivate":
        await deactivate(staff, centre, code, origin)
    elif op == "reactivate":
        await reactivate(staff, centre, code, origin)
    else:
        raise ValidationFailed(N_("Unknown action."))
