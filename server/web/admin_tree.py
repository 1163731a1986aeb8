"""Admin pages for the tree: a node with its children and centres, and a centre's settings.

Plain forms answered with a 303 back to the page (or the page again with every problem
marked, status 422), so they work with and without JavaScript.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import i18n
from server.domain import tree_admin
from server.domain.errors import Conflict, ValidationFailed
from server.i18n import N_
from server.models.places import Centre, CentreKind, OrgNode
from server.templating import render
from server.web.auth import origin_of, require_user
from server.web.forms import form_fields

DONE = {
    "child": N_("Added. It appears in the list below."),
    "node": N_("Saved."),
    "centre": N_("Centre added. Check its details and tell its staff."),
    "saved": N_("Centre saved."),
    "deactivated": N_("Centre deactivated: it no longer appears to residents."),
    "activated": N_("Centre active again."),
}
LEVEL_LABELS = {
    "city": N_("City"),
    "district": N_("District"),
    "street": N_("Street"),
    "community": N_("Community"),
    "grid": N_("Grid"),
}
NODE_FIELDS = ("name", "name_en", "households", "lat", "lng", "sort_order")
CENTRE_FIELDS = (
    *("kind", "name", "name_en", "address", "phone", "description", "hours_note"),
    *("time_zone", "lat", "lng"),
)


def _done(request: Request) -> str:
    key = request.query_params.get("done", "")
    return i18n.gettext(DONE[key]) if key in DONE else ""


def _values(thing: OrgNode | Centre, names: tuple[str, ...]) -> dict[str, str]:
    found = {name: getattr(thing, name, None) for name in names}
    return {k: "" if v is None else str(getattr(v, "value", v)) for k, v in found.items()}


def _back(target: str, done: str) -> Response:
    return RedirectResponse(f"{target}?done={done}", status_code=303)


async def tree_page(
    request: Request,
    *,
    section: str = "",
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
) -> Response:
    """The node, its children with counts, the add-child and edit forms, and its centres."""
    view = await tree_admin.tree_view(require_user(request), request.path_params["node"])
    node_values = _values(view.node, NODE_FIELDS)
    context: dict[str, Any] = {
        "view": view,
        "node": view.node,
        "child_level": tree_admin.CHILD_LEVEL.get(view.node.level),
        "levels": LEVEL_LABELS,
        "kinds": list(CentreKind),
        "section": section,
        "fields": errors or {},
        "child_values": values if section == "child" and values else {},
        "node_values": values if section == "node" and values else node_values,
        "centre_values": values if section == "centre" and values else {"kind": ""},
        "message": _done(request),
    }
    return render(request, "admin/tree.html", context, status=422 if errors else 200)


async def add_child(request: Request) -> Response:
    form = await form_fields(request)
    code = request.path_params["node"]
    try:
        await tree_admin.create_child(require_user(request), code, form, origin_of(request))
    except ValidationFailed as refused:
        errors = refused.fields or {"code": refused.message}
        return await tree_page(request, section="child", errors=errors, values=form)
    return _back(f"/admin/{code}/tree", "child")


async def edit_node(request: Request) -> Response:
    form = await form_fields(request)
    code = request.path_params["node"]
    try:
        await tree_admin.edit_node(require_user(request), code, form, origin_of(request))
    except ValidationFailed as refused:
        return await tree_page(request, section="node", errors=refused.fields, values=form)
    return _back(f"/admin/{code}/tree", "node")


async def add_centre(request: Request) -> Response:
    form = await form_fields(request)
    code = request.path_params["node"]
    try:
        centre = await tree_admin.create_centre(
            require_user(request), code, form, origin_of(request)
        )
    except ValidationFailed as refused:
        return await tree_page(request, section="centre", errors=refused.fields, values=form)
    return _back(f"/admin/{code}/centres/{centre.code}", "centre")


async def centre_page(
    request: Request,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    error: str = "",
    status: int = 200,
) -> Response:
    """A centre's settings form, and its deactivate (or reactivate) button."""
    node, centre = await tree_admin.centre_in(
        require_user(request), request.path_params["node"], request.path_params["centre"]
    )
    context = {
        "node": node,
        "centre": centre,
        "kinds": sorted(tree_admin.KINDS_AT[centre.node.level], key=list(CentreKind).index),
        "levels": LEVEL_LABELS,
        "fields": errors or {},
        "values": values if values is not None else _values(centre, CENTRE_FIELDS),
        "error": error,
        "message": _done(request),
    }
    return render(request, "admin/centre.html", context, status=422 if errors else status)


async def edit_centre(request: Request) -> Response:
    form = await form_fields(request)
    node, code = request.path_params["node"], request.path_params["centre"]
    try:
        await tree_admin.edit_centre(require_user(request), node, code, form, origin_of(request))
    except ValidationFailed as refused:
        return await centre_page(request, errors=refused.fields, values=form)
    return _back(f"/admin/{node}/centres/{code}", "saved")


async def set_active(request: Request) -> Response:
    form = await form_fields(request)
    node, code = request.path_params["node"], request.path_params["centre"]
    active = form.get("active") == "1"
    try:
        await tree_admin.set_centre_active(
            require_user(request), node, code, active, origin_of(request)
        )
    except Conflict as refused:
        text = i18n.gettext(refused.message, **refused.params)
        return await centre_page(request, error=text, status=409)
    return _back(f"/admin/{node}/centres/{code}", "activated" if active else "deactivated")


routes = [
    Route("/admin/{node}/tree", tree_page, methods=["GET"], name="admin_tree"),
    Route("/admin/{node}/tree/children", add_child, methods=["POST"], name="admin_tree_child"),
    Route("/admin/{node}/tree/edit", edit_node, methods=["POST"], name="admin_tree_edit"),
    Route("/admin/{node}/centres", add_centre, methods=["POST"], name="admin_centre_add"),
    Route("/admin/{node}/centres/{centre}", centre_page, methods=["GET"], name="admin_centre"),
    Route(
        "/admin/{node}/centres/{centre}", edit_centre, methods=["POST"], name="admin_centre_edit"
    ),
    Route(
        "/admin/{node}/centres/{centre}/active",
        set_active,
        methods=["POST"],
        name="admin_centre_active",
    ),
]
