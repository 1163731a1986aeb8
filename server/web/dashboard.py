"""Oversight pages: the nodes an admin runs, the dashboard of a node or a centre for a period
with drill-down to the children, and the ranking report (调度通报) with its xlsx download."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import i18n
from server.domain import counter, dashboard, ranking, scopes
from server.domain.dashboard_period import Period, recent_periods
from server.domain.errors import PermissionDenied
from server.i18n import N_
from server.models.places import Centre, OrgNode
from server.settings import get as get_settings
from server.templating import local_name, render
from server.web import labels
from server.web.auth import require_user
from server.web.forms import is_htmx

FIGURES = {
    "bookings": N_("Bookings"),
    "attended": N_("Attended"),
    "no_show_rate": N_("No-show rate"),
    "lead_time": N_("Booked ahead (median)"),
    "cancelled": N_("Cancelled"),
    "received": N_("Needs received"),
    "response_rate": N_("Response rate"),
    "resolution_rate": N_("Resolution rate"),
    "satisfaction_rate": N_("Satisfaction rate"),
    "response_time": N_("Average time to respond"),
    "resolution_time": N_("Average time to resolve"),
    "late": N_("Late needs"),
    "coverage": N_("Report-in coverage"),
    "verified_members": N_("Verified members"),
    "active_members": N_("Active members"),
    "activity": N_("Activity rate"),
    "hours": N_("Verified hours"),
}
METRICS = {
    "response": N_("Response rate"),
    "resolution": N_("Resolution rate"),
    "satisfaction": N_("Satisfaction rate"),
    "activity": N_("Activity rate"),
}
COUNTS = {
    "response": N_("On time / due"),
    "resolution": N_("Resolved / due"),
    "satisfaction": N_("Score / ratings"),
    "activity": N_("Active / verified members"),
}
TOP_UNITS = 10
LEVEL = {
    "city": N_("City"),
    "district": N_("District"),
    "street": N_("Street"),
    "community": N_("Community"),
    "grid": N_("Grid"),
}


def _now() -> datetime:
    return datetime.now(UTC)


def _period(request: Request, tz: ZoneInfo) -> Period:
    """The period asked for, or this month; an unreadable one is this month too."""
    asked = Period.parse(request.query_params.get("period", ""))
    return asked or Period.month_of(_now().astimezone(tz).date())


def _periods(period: Period, tz: ZoneInfo) -> list[Period]:
    offered = recent_periods(_now().astimezone(tz).date())
    return offered if period in offered else [period, *offered]


async def _admin(request: Request, code: str) -> OrgNode:
    return await scopes.require_node_admin(require_user(request), code)


async def admin_index(request: Request) -> Response:
    """The nodes the user administers; straight to the dashboard when there is one."""
    nodes = await scopes.admin_nodes(require_user(request))
    if not nodes:
        raise PermissionDenied(N_("Dashboards are for the admins of a street, district or city."))
    if len(nodes) == 1:
        return RedirectResponse(f"/admin/{nodes[0].code}", status_code=303)
    return render(request, "admin/index.html", {"nodes": nodes, "levels": LEVEL})


async def _node_choices(request: Request, node: OrgNode) -> list[OrgNode]:
    """The node, the ones above it that the user also administers, and its children."""
    own = await scopes.admin_nodes(require_user(request))
    above = [node.path[: i + 1] for i, c in enumerate(node.path) if c == "/"]
    allowed = [p for p in above if any(p.startswith(o.path) for o in own)]
    line = await OrgNode.filter(path__in=allowed).order_by("depth")
    return [*line, *await OrgNode.filter(parent_id=node.id).order_by("sort_order", "name")]


async def node_dashboard(request: Request) -> Response:
    """A node's dashboard; the filter may name another node the user administers."""
    node = await _admin(request, request.path_params["node"])
    tz = get_settings().tz
    period = _period(request, tz)
    wanted = request.query_params.get("node", node.code)
    if wanted != node.code:
        node = await _admin(request, wanted)
    url = f"/admin/{quote(node.code)}?{urlencode({'period': period.key})}"
    if node.code != request.path_params["node"] and not is_htmx(request):
        return RedirectResponse(url, status_code=303)
    headers = (
        {"HX-Push-Url": url} if is_htmx(request) else None
    )  # the address, without the form's node
    board = await dashboard.build(dashboard.Scope(node.path), period, tz, _now())
    choices = await _node_choices(request, node)
    context = {
        "node": node,
        "centre": None,
        "here": f"/admin/{node.code}",
        "nodes": choices,
        "centres": await Centre.filter(node_path=node.path, is_active=True).order_by("name"),
        "up": next((n for n in choices if n.id == node.parent_id), None),  # type: ignore[attr-defined]
        **_context(board, period, tz, local_name(node)),
    }
    return render(request, "admin/dashboard.html", context, block="dashboard", headers=headers)


async def centre_dashboard(request: Request) -> Response:
    """One centre's dashboard, for its staff and the admins above it."""
    centre = await counter.require_counter(require_user(request), request.path_params["centre"])
    tz = ZoneInfo(centre.time_zone)
    period = _period(request, tz)
    scope = dashboard.Scope(centre.node_path, centre.id)
    board = await dashboard.build(scope, period, tz, _now(), drill=False)
    context = {
        "node": None,
        "centre": centre,
        "here": f"/staff/{centre.code}/dashboard",
        "nodes": [],
        "centres": [],
        "up": None,
        **_context(board, period, tz, local_name(centre)),
    }
    return render(request, "admin/dashboard.html", context, block="dashboard")


def _context(board: dashboard.Dashboard, period: Period, tz: ZoneInfo, name: str) -> dict[str, Any]:
    days = max(len(series) for series in board.per_day())
    return {
        "day_labels": [str(i + 1) for i in range(days)],
        "child_hours": [
            (_child_name(c, name), c.volunteers.hours, c.volunteers_before.hours)
            for c in board.children
            if c.node is not None or c.volunteers.hours or c.volunteers_before.hours
        ],
        "in_progress": period.first <= _now().astimezone(tz).date() < period.after,
        "board": board,
        "period": period,
        "before": period.previous(),
        "periods": _periods(period, tz),
        "tz": str(tz),
        "figure_names": FIGURES,
        "levels": LEVEL,
        "services": _service_rows(board),
        "units": _top_units(board.hours_by_unit()),
    }


def _top_units(rows: list[tuple[str, Decimal, Decimal]]) -> list[tuple[str, Decimal, Decimal]]:
    """The units with the most hours; the rest summed on one line so the chart stays short."""
    named = [(unit or i18n.gettext("No unit recorded"), now, before) for unit, now, before in rows]
    if len(named) <= TOP_UNITS:
        return named
    rest = named[TOP_UNITS - 1 :]
    other = (i18n.gettext("Other units"), sum(r[1] for r in rest), sum(r[2] for r in rest))
    return [*named[: TOP_UNITS - 1], (other[0], Decimal(other[1]), Decimal(other[2]))]


def _child_name(child: dashboard.Child, parent: str) -> str:
    if child.node is None:
        return i18n.gettext("At %(name)s itself", name=parent)
    return local_name(child.node)


def _service_rows(board: dashboard.Dashboard) -> list[tuple[str, int, int]]:
    """Bookings per service at a centre; per kind of service across a node's centres."""
    if board.scope.centre_id is not None:
        return [(local_name(board.services[s]), n, b) for s, n, b in board.per_service()]
    names = labels.SERVICE_CATEGORY
    return [(i18n.gettext(names.get(c, c)), n, b) for c, n, b in board.per_category()]


# The ranking report ---------------------------------------------------------------------------


async def _ranking(request: Request) -> tuple[ranking.Ranking, ZoneInfo]:
    node = await _admin(request, request.path_params["node"])
    tz = get_settings().tz
    return await ranking.ranking(node, _period(request, tz), tz, _now()), tz


async def ranking_page(request: Request) -> Response:
    report, tz = await _ranking(request)
    by = request.query_params.get("by", "")
    by = by if by in ranking.METRICS else ranking.METRICS[0]
    context = {
        "node": report.node,
        "report": report,
        "by": by,
        "rows": report.tables[by],
        "chart_rows": [
            (local_name(r.node), r.rate.value, r.before.value) for r in report.tables[by]
        ],
        "metrics": METRICS,
        "counts_heading": COUNTS[by],
        "levels": LEVEL,
        "period": report.period,
        "before": report.period.previous(),
        "periods": _periods(report.period, tz),
        "tz": str(tz),
        "children_level": _children_level(report),
    }
    return render(request, "admin/ranking.html", context, block="ranking")


def _children_level(report: ranking.Ranking) -> str:
    rows = next(iter(report.tables.values()), [])
    return rows[0].node.level.value if rows else ""


async def ranking_xlsx(request: Request) -> Response:
    report, tz = await _ranking(request)
    name = f"调度通报-{report.node.name}-{report.period.key}.xlsx"
    ascii_name = f"ranking-{report.node.code}-{report.period.key}.xlsx"
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return Response(
        ranking.build_xlsx(report, tz),
        media_type=ranking.XLSX,
        headers={"Content-Disposition": disposition, "Cache-Control": "no-store"},
    )


routes = [
    Route("/admin", admin_index, methods=["GET"], name="admin_index"),
    Route("/admin/{node}", node_dashboard, methods=["GET"], name="admin_dashboard"),
    Route("/admin/{node}/ranking", ranking_page, methods=["GET"], name="admin_ranking"),
    Route("/admin/{node}/ranking.xlsx", ranking_xlsx, methods=["GET"], name="admin_ranking_xlsx"),
    Route("/staff/{centre}/dashboard", centre_dashboard, methods=["GET"], name="centre_dashboard"),
]
