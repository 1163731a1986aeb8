"""Posting a need or small wish: the form, categories, on behalf of someone, a daily limit."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from redis.asyncio import Redis
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.domain import needs, photos
from server.domain.accounts import normalize_phone
from server.domain.audit import Origin, record
from server.domain.codes import fits
from server.domain.errors import PermissionDenied, Throttled, ValidationFailed
from server.i18n import N_
from server.models.accounts import Role, RoleGrant, User
from server.models.needs import Need, NeedCategory, NeedKind, PhotoStage, Urgency
from server.models.places import Centre, Level, OrgNode
from server.security import ratelimit
from server.settings import Settings

POSTS_PER_DAY = 10  # per account: beyond this, posting waits (abuse, runaway scripts)


async def categories_for(centre: Centre) -> list[NeedCategory]:
    """The centre's own categories and those of every node above it, in display order."""
    above = [centre.node_path[: i + 1] for i, c in enumerate(centre.node_path) if c == "/"]
    mine = Q(centre_id=centre.id) | Q(node__path__in=above)  # not every category of the city
    rows = await NeedCategory.filter(mine, is_active=True).select_related("node", "centre")
    found = [
        c
        for c in rows
        if c.centre_id == centre.id  # type: ignore[attr-defined]
        or (c.node is not None and centre.node_path.startswith(c.node.path))
    ]
    return sorted(found, key=lambda c: (c.sort_order, c.name))


async def may_post_for_others(user: User, centre: Centre) -> bool:
    """Whether to offer "on behalf of" at all: staff of the centre, or a grid worker of a node
    in or above the centre's area (the chosen place is checked again when posting)."""
    grants = await RoleGrant.filter(
        user=user, role__in=[Role.GRID_WORKER, Role.STAFF]
    ).select_related("node")
    return any(
        (g.role == Role.STAFF and g.centre_id == centre.id)  # type: ignore[attr-defined]
        or (
            g.role == Role.GRID_WORKER
            and g.node is not None
            and (
                g.node.path.startswith(centre.node_path) or centre.node_path.startswith(g.node.path)
            )
        )
        for g in grants
    )


async def _may_post_for_others(user: User, centre: Centre, node: OrgNode) -> bool:
    """Grid workers of the need's grid (or a node above it) and staff of the centre."""
    grants = await RoleGrant.filter(
        user=user, role__in=[Role.GRID_WORKER, Role.STAFF]
    ).select_related("node")
    return any(
        (g.role == Role.STAFF and g.centre_id == centre.id)  # type: ignore[attr-defined]
        or (g.role == Role.GRID_WORKER and g.node is not None and node.path.startswith(g.node.path))
        for g in grants
    )


async def post(
    user: User,
    centre: Centre,
    form: dict[str, str],
    settings: Settings,
    origin: Origin,
    redis: Redis,
    *,
    uploads: Sequence[photos.Upload] = (),
    now: datetime | None = None,
) -> Need:
    """Post a need or small wish to ``centre``; every problem with the form is reported at once.

    ``uploads``: up to six photos, stored with the need in one transaction (all or nothing).

    ``form``: kind, category (code), title, description, place (a community or grid code under
    the centre's node), address, urgency, preferred_time, wish_item, budget_cap; for someone
    else (grid workers, staff): on_behalf="1", contact_name, contact_phone.
    """
    now = now or datetime.now(UTC)
    if await ratelimit.is_limited(redis, f"needs:post:{user.id}", POSTS_PER_DAY):
        raise Throttled(N_("You have posted many needs today. Please wait until tomorrow."))
    errors: dict[str, str] = {}
    try:
        kind = NeedKind(form.get("kind") or NeedKind.NEED.value)
    except ValueError:
        errors["kind"] = N_("Choose a need or a small wish.")
        kind = NeedKind.NEED
    categories = {c.code: c for c in await categories_for(centre)}
    category = categories.get(form.get("category", ""))
    if category is None or category.kind != kind:
        errors["category"] = N_("Choose what kind of need this is.")
    title = form.get("title", "").strip()
    if not title:
        errors["title"] = N_("Say in a few words what is needed.")
    node = await _place(centre, form.get("place", ""), errors)
    try:
        urgency = Urgency(form.get("urgency") or Urgency.NORMAL.value)
    except ValueError:
        errors["urgency"] = N_("Choose how urgent it is.")
        urgency = Urgency.NORMAL
    wish_item = form.get("wish_item", "").strip()[:100]
    if kind == NeedKind.SMALL_WISH and not wish_item:
        errors["wish_item"] = N_("Name the item or help you wish for.")
    budget = _budget(form.get("budget_cap", ""), errors)
    on_behalf = form.get("on_behalf") == "1"
    contact_name, contact_phone = "", ""
    if on_behalf:
        if not await _may_post_for_others(user, centre, node):
            raise PermissionDenied(N_("Only grid workers and centre staff post for others."))
        contact_name = form.get("contact_name", "").strip()[:50]
        if not contact_name:
            errors["contact_name"] = N_("Give the name of the person who needs help.")
        try:
            contact_phone = normalize_phone(form.get("contact_phone", ""), field="contact_phone")
        except ValidationFailed as problem:
            errors.update(problem.fields)
    if errors:
        photo_error = await photo_problem(uploads)
        if photo_error:
            errors[photos.FIELD] = photo_error
        raise ValidationFailed(N_("Please correct the marked fields."), fields=errors)
    assert category is not None
    response_due = needs.deadline(now, category.response_hours, needs.DEFAULT_RESPONSE_HOURS)
    async with photos.batch(uploads, settings) as pending, in_transaction():
        need = await Need.create(
            created_at=now,
            kind=kind,
            centre=centre,
            node=node,
            node_path=node.path,
            category=category,
            title=title[:100],
            description=form.get("description", "").strip()[:2000],
            urgency=urgency,
            preferred_time=form.get("preferred_time", "").strip()[:100],
            wish_item=wish_item,
            budget_cap=budget,
            address_private=form.get("address", "").strip()[:200],
            contact_name=contact_name or user.display_name,
            contact_phone=contact_phone or user.phone,
            requester=None if on_behalf else user,
            posted_by=user,
            response_due_at=response_due,
        )
        if uploads:
            await pending.attach(need=need, stage=PhotoStage.REQUEST, uploaded_by=user)
        await needs.log_event(
            need,
            "submit",
            user,
            None,
            data={
                "response_due_at": response_due.isoformat(),
                "on_behalf": on_behalf,
                "photos": len(uploads),
            },
            at=now,
        )
        await record(
            user,
            "need.submit",
            origin,
            object_type="need",
            object_id=need.code,
            node_path=need.node_path,
            after={"kind": kind.value, "category": category.code, "on_behalf": on_behalf},
        )
    await ratelimit.hit(redis, f"needs:post:{user.id}", 24 * 3600)
    return need


async def photo_problem(uploads: Sequence[photos.Upload]) -> str:
    """The first refusal among ``uploads`` (checked without storing), to report it beside the
    form's other problems; "" if they would all be accepted."""
    if len(uploads) > photos.MAX_PHOTOS:
        return photos.TOO_MANY

    def check() -> str:
        for upload in uploads:
            try:
                photos.prepare(upload)
            except ValidationFailed as refused:
                return refused.message
        return ""

    return await asyncio.to_thread(check)


async def _place(centre: Centre, code: str, errors: dict[str, str]) -> OrgNode:
    """The community or grid chosen, under the centre's area; none chosen: the centre's own."""
    home = await OrgNode.get(id=centre.node_id)  # type: ignore[attr-defined]
    if not code.strip():
        return home
    node = await OrgNode.get_or_none(code=code.strip()) if fits(OrgNode, code.strip()) else None
    if (
        node is None
        or not node.path.startswith(centre.node_path)
        or node.level not in (Level.COMMUNITY, Level.GRID)
    ):
        errors["place"] = N_("Choose a place from the list.")
        return home
    return node


def _budget(raw: str, errors: dict[str, str]) -> Decimal | None:
    raw = raw.strip().replace("¥", "").replace("元", "")
    if not raw:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = Decimal(-1)
    if not Decimal(0) <= value <= Decimal(100000) or value != value.quantize(Decimal("0.01")):
        errors["budget_cap"] = N_("Give the budget in yuan, e.g. 50 or 49.90.")
        return None
    return value
