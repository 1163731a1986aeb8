"""Staff keep a service's materials list, the one-time notice (一次性告知清单) of what to bring:
add, edit, move and remove lines, each audited."""

from __future__ import annotations

from typing import Any

from tortoise.transactions import in_transaction

from server import cache
from server.domain.audit import Origin, record
from server.domain.centre_setup import read_number
from server.domain.errors import NotFound, ValidationFailed
from server.i18n import N_
from server.models.accounts import User
from server.models.places import Centre, MaterialForm, MaterialItem, Service

MATERIAL_TEXTS = {
    "name": 100,
    "name_en": 150,
    "note": 200,
    "note_en": 250,
    "condition": 200,
    "condition_en": 250,
}


def read_material_form(form: dict[str, str]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {
        name: form.get(name, "").strip()[:size] for name, size in MATERIAL_TEXTS.items()
    }
    if not values["name"]:
        errors["name"] = N_("Name the item to bring.")
    try:
        values["form"] = MaterialForm(form.get("form", ""))
    except ValueError:
        errors["form"] = N_("Choose original, copy or both.")
    values["count"] = read_number(form, "count", 1, 20, errors)
    if errors:
        raise ValidationFailed(N_("Please correct the marked fields."), fields=errors)
    return values


def _material_state(item: MaterialItem) -> dict[str, Any]:
    state = {name: getattr(item, name) for name in MATERIAL_TEXTS}
    return {**state, "form": item.form.value, "count": item.count}


async def add_material(
    staff: User, centre: Centre, service: Service, form: dict[str, str], origin: Origin
) -> MaterialItem:
    values = read_material_form(form)
    last = await MaterialItem.filter(service_id=service.id).order_by("-sort_order").first()
    async with in_transaction():
        item = await MaterialItem.create(
            service_id=service.id, sort_order=(last.sort_order + 1) if last else 0, **values
        )
        await cache.bump(cache.PLACES)
        await _record_material(staff, centre, service, "material.add", origin, None, item)
    return item


async def _material(service: Service, item_id: str) -> MaterialItem:
    item = (
        await MaterialItem.get_or_none(id=int(item_id), service_id=service.id)
        if item_id.isdigit()
        else None
    )
    if item is None:
        raise NotFound(N_("This item is no longer on the list."))
    return item


async def edit_material(
    staff: User,
    centre: Centre,
    service: Service,
    item_id: str,
    action: str,
    form: dict[str, str],
    origin: Origin,
) -> None:
    """Save, remove or move one line of a service's materials list."""
    item = await _material(service, item_id)
    before = _material_state(item)
    async with in_transaction():
        await cache.bump(cache.PLACES)  # service pages cache their materials
        if action == "save":
            await MaterialItem.filter(id=item.id).update(**read_material_form(form))
            await item.refresh_from_db()
            await _record_material(staff, centre, service, "material.update", origin, before, item)
        elif action == "remove":
            await item.delete()
            await _record_material(staff, centre, service, "material.remove", origin, before, None)
        elif action in ("up", "down"):
            await _move(service, item, -1 if action == "up" else 1)
        else:
            raise ValidationFailed(N_("Unknown action."))


async def _move(service: Service, item: MaterialItem, step: int) -> None:
    """Swap an item with its neighbour; positions are renumbered 0..n-1 on the way."""
    items = await MaterialItem.filter(service_id=service.id).order_by("sort_order", "id")
    at = next(i for i, row in enumerate(items) if row.id == item.id)
    other = at + step
    if not 0 <= other < len(items):
        return
    items[at], items[other] = items[other], items[at]
    for position, row in enumerate(items):
        if row.sort_order != position:
            await MaterialItem.filter(id=row.id).update(sort_order=position)


async def _record_material(
    staff: User,
    centre: Centre,
    service: Service,
    action: str,
    origin: Origin,
    before: dict[str, Any] | None,
    item: MaterialItem | None,
) -> None:
    await record(
        staff,
        action,
        origin,
        object_type="service",
        object_id=service.code,
        node_path=centre.node_path,
        before=before,
        after=_material_state(item) if item else None,
    )
