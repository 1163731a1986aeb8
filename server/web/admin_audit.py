"""The audit log of a part of the tree: filters as a GET form, the list updated in place by htmx
(a full page without JavaScript), older entries page by page. Nothing here writes."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server import i18n
from server.domain import audit_log, scopes
from server.domain.errors import ValidationFailed
from server.models.places import OrgNode
from server.settings import get as get_settings
from server.templating import render
from server.web.auth import require_user


def _cursor(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() else None


async def audit_page(request: Request) -> Response:
    node = await scopes.require_node_admin(require_user(request), request.path_params["node"])
    params = {key: value for key, value in request.query_params.items()}
    error, fields = None, {}
    try:
        filters = audit_log.filters_from(params)
    except ValidationFailed as problem:
        filters = audit_log.Filters()
        error, fields = i18n.gettext(problem.message), problem.fields
    before = _cursor(params.get("before"))
    page = await audit_log.query(node, filters, get_settings().time_zone, before=before)
    context = {
        "node": node,
        "tab": "audit",
        "filters": filters,
        "values": params,
        "fields": fields,
        "error": error,
        "page": page,
        "newest": before is not None,
        "query": filters.query_string(),
        "places": await OrgNode.filter(parent_id=node.id).order_by("sort_order", "code"),
        "private_actions": audit_log.PRIVATE_VIEWS,
    }
    return render(request, "admin/audit.html", context, block="entries")


routes = [
    Route("/admin/{node}/audit", audit_page, methods=["GET"], name="admin_audit"),
]
