"""People of a part of the tree: the roles held there, appointing and removing them, finding an
account to deactivate or reactivate it, and the report-ins waiting for verification."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from tortoise.functions import Count

from server import i18n
from server.domain import audit_log, people, scopes
from server.domain.errors import DomainError, NotFound
from server.models.accounts import RoleGrant, User
from server.models.members import Member, MemberStatus
from server.models.places import Centre, OrgNode
from server.templating import render
from server.web.auth import origin_of, require_user
from server.web.forms import form_fields

DONE = {
    "appointed": i18n.N_("The role has been given."),
    "removed": i18n.N_("The role has been taken away."),
    "deactivated": i18n.N_("The account is deactivated; it has been logged out everywhere."),
    "reactivated": i18n.N_("The account is active again."),
}


async def _admin(request: Request) -> tuple[User, OrgNode]:
    user = require_user(request)
    return user, await scopes.require_node_admin(user, request.path_params["node"])


async def _rows(actor: User, node: OrgNode) -> list[dict[str, Any]]:
    """The grants at ``node`` or below, each with what ``actor`` may do about it."""
    grants = await people.grants_within(node)
    nodes = await scopes.admin_nodes(actor)
    everything: dict[int, list[RoleGrant]] = {}
    holders = {g.user.id for g in grants}
    for g in await RoleGrant.filter(user_id__in=holders).select_related("centre", "node"):
        everything.setdefault(g.user_id, []).append(g)  # type: ignore[attr-defined]
    return [
        {
            "grant": g,
            "place": g.centre or g.node,
            "may_remove": g.user.id != actor.id
            and people.may_give(nodes, g.role, people.grant_path(g)),
            "may_manage": people.outranks(nodes, actor, g.user, everything.get(g.user.id, [])),
        }
        for g in grants
    ]


async def _waiting(node: OrgNode) -> list[tuple[Centre, int]]:
    """Centres in the subtree with report-ins waiting, and how many (verified on the staff page)."""
    counts = dict(
        await Member.filter(status=MemberStatus.PENDING, node_path__startswith=node.path)
        .annotate(n=Count("id"))
        .group_by("community_id")
        .values_list("community_id", "n")
    )
    centres = await Centre.filter(node_id__in=list(counts), is_active=True).order_by("node_path")
    return [(c, counts[c.node_id]) for c in centres]  # type: ignore[attr-defined]


async def _found(actor: User, node: OrgNode, who: str) -> dict[str, Any]:
    if not who:
        return {}
    try:
        target, grants = await people.account_within(actor, node, who)
    except NotFound as missing:
        return {"find_error": i18n.gettext(missing.message)}
    account = {
        "user": target,
        "grants": grants,
        "may_manage": await people.may_manage(actor, target, grants),
        "anonymised": people.is_anonymised(target),
    }
    return {"account": account}


async def _page(
    request: Request, actor: User, node: OrgNode, *, status: int = 200, **extra: Any
) -> Response:
    places, centres = await people.places_within(node)
    find = request.query_params.get("find", "").strip()
    done = DONE.get(request.query_params.get("done", ""))
    context = {
        "node": node,
        "tab": "people",
        "rows": await _rows(actor, node),
        "places": places,
        "centres": centres,
        "waiting": await _waiting(node),
        "find": find,
        "done": i18n.gettext(done) if done else None,
        "mask": audit_log.mask_phone,
        "values": {},
        "fields": {},
        "error": None,
        **await _found(actor, node, extra.pop("find", find)),
        **extra,
    }
    return render(request, "admin/people.html", context, status=status)


async def people_page(request: Request) -> Response:
    actor, node = await _admin(request)
    return await _page(request, actor, node)


def _back(node: OrgNode, done: str, find: str = "") -> Response:
    target = f"/admin/{node.code}/people?done={done}" + (f"&find={find}" if find else "")
    return RedirectResponse(target, status_code=303)


def _failed(error: DomainError) -> dict[str, Any]:
    summary = error.message if not error.fields else people.FIELDS_SUMMARY
    return {"error": i18n.gettext(summary, **error.params), "fields": error.fields}


async def appoint(request: Request) -> Response:
    actor, node = await _admin(request)
    form = await form_fields(request)
    try:
        await people.appoint(actor, node, form, origin_of(request))
    except DomainError as error:
        return await _page(request, actor, node, status=error.status, values=form, **_failed(error))
    return _back(node, "appointed")


async def remove(request: Request) -> Response:
    actor, node = await _admin(request)
    raw = request.path_params["grant_id"]
    if not raw.isdigit():
        raise NotFound(i18n.N_("This role does not exist in your area."))
    await people.remove(actor, node, int(raw), origin_of(request))
    return _back(node, "removed")


async def deactivate(request: Request) -> Response:
    actor, node = await _admin(request)
    public_id = request.path_params["user_public_id"]
    form = await form_fields(request)
    try:
        await people.deactivate(actor, node, public_id, form.get("reason", ""), origin_of(request))
    except DomainError as error:
        if error.status in (403, 404):
            raise
        extra = {"find": public_id, "values": form, **_failed(error)}
        return await _page(request, actor, node, status=error.status, **extra)
    return _back(node, "deactivated", public_id)


async def reactivate(request: Request) -> Response:
    actor, node = await _admin(request)
    public_id = request.path_params["user_public_id"]
    try:
        await people.reactivate(actor, node, public_id, origin_of(request))
    except DomainError as error:
        if error.status in (403, 404):
            raise
        return await _page(
            request, actor, node, status=error.status, find=public_id, **_failed(error)
        )
    return _back(node, "reactivated", public_id)


routes = [
    Route("/admin/{node}/people", people_page, methods=["GET"], name="admin_people"),
    Route("/admin/{node}/people/appoint", appoint, methods=["POST"], name="admin_people_appoint"),
    Route(
        "/admin/{node}/people/{grant_id}/remove",
        remove,
        methods=["POST"],
        name="admin_people_remove",
    ),
    Route(
        "/admin/{node}/people/{user_public_id}/deactivate",
        deactivate,
        methods=["POST"],
        name="admin_people_deactivate",
    ),
    Route(
        "/admin/{node}/people/{user_public_id}/reactivate",
        reactivate,
        methods=["POST"],
        name="admin_people_reactivate",
    ),
]
