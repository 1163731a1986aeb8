"""Export pages: one click downloads a small spreadsheet at once; a large one is built by the
worker while a fragment shows its progress (polled by htmx, or refreshed by hand), then offers
the download. The same pages serve an admin's subtree and one centre's staff.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from server.domain import exports
from server.domain.errors import NotFound, ValidationFailed
from server.domain.exports import Scope
from server.i18n import N_
from server.models.jobs import JobRun, JobStatus
from server.models.places import Centre, OrgNode
from server.settings import get as get_settings
from server.templating import render
from server.web.auth import origin_of, require_user
from server.web.forms import form_fields

KIND_LABELS = {
    "bookings": N_("Bookings"),
    "needs": N_("Needs and small wishes"),
    "hours": N_("Volunteer hours"),
}
STATUS_LABELS = {
    "queued": N_("Waiting for the worker"),
    "running": N_("Being built"),
    "done": N_("Ready"),
    "failed": N_("Failed"),
}
NO_STORE = {"Cache-Control": "no-store"}  # personal data: no copies in caches


async def _scope(request: Request) -> Scope:
    """The export scope named by the URL, checked against the user's grants on every call."""
    user = require_user(request)
    if "node" in request.path_params:
        return await exports.node_scope(user, request.path_params["node"], get_settings())
    return await exports.centre_scope(user, request.path_params["centre"])


def _base(scope: Scope) -> str:
    return f"/{'admin' if scope.level == 'node' else 'staff'}/{scope.code}"


def _periods(scope: Scope) -> list[tuple[str, str]]:
    """One-click periods: this month, last month, this year (in the scope's time zone)."""
    today = datetime.now(UTC).astimezone(ZoneInfo(scope.time_zone)).date()
    last = date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)
    return [
        (today.strftime("%Y-%m"), N_("This month")),
        (last.strftime("%Y-%m"), N_("Last month")),
        (str(today.year), N_("This year")),
    ]


async def _context(request: Request, scope: Scope, **extra: Any) -> dict[str, Any]:
    where: dict[str, Any]
    if scope.level == "node":
        where = {"node": await OrgNode.get(code=scope.code), "centre": None}
    else:
        where = {"centre": await Centre.get(code=scope.code), "node": None}
    return {
        **where,
        "scope": scope,
        "base": _base(scope),
        "kinds": KIND_LABELS,
        "statuses": STATUS_LABELS,
        "periods": _periods(scope),
        "recent": await exports.recent(require_user(request), scope),
        "job": None,
        "fields": {},
        "values": {},
        **extra,
    }


async def page(request: Request) -> Response:
    """One-click buttons per kind and period, a custom month, and the person's recent exports."""
    scope = await _scope(request)
    return render(request, "admin/exports.html", await _context(request, scope))


async def create(request: Request) -> Response:
    """A small export downloads at once; a large one goes to the worker and its progress page."""
    scope = await _scope(request)
    form = await form_fields(request)
    try:
        kind, period = exports.parse_request(form.get("kind", ""), form.get("period", ""))
    except ValidationFailed as refused:
        context = await _context(request, scope, fields=refused.fields, values=form)
        return render(request, "admin/exports.html", context, status=422)
    started = await exports.start(
        require_user(request), kind, scope, period, get_settings(), origin_of(request)
    )
    if started.job is not None:
        target = f"{_base(scope)}/exports/{started.job.public_id}"
        return RedirectResponse(target, status_code=303)
    assert started.content is not None
    headers = {"Content-Disposition": f'attachment; filename="{started.filename}"', **NO_STORE}
    return Response(started.content, media_type=exports.XLSX, headers=headers)


async def progress(request: Request) -> Response:
    """The job's progress: the fragment for htmx's polling, else the page around it."""
    scope = await _scope(request)
    job = await exports.job_for(require_user(request), scope, request.path_params["export"])
    context = await _context(request, scope, job=job)
    return render(request, "admin/exports.html", context, block="progress", headers=NO_STORE)


async def download(request: Request) -> Response:
    """The built file, for its owner while they still hold its scope; audited."""
    scope = await _scope(request)
    user = require_user(request)
    job: JobRun = await exports.job_for(user, scope, request.path_params["export"])
    path = exports.file_of(job, get_settings())
    if job.status != JobStatus.DONE or not job.result_path or not path.is_file():
        raise NotFound(N_("This export does not exist or has expired."))
    await exports.downloaded(user, job, scope, origin_of(request))
    name = str(job.params.get("filename", "export.xlsx"))
    return FileResponse(path, media_type=exports.XLSX, filename=name, headers=NO_STORE)


routes = [
    Route(f"/{area}/{{{key}}}/exports{suffix}", handler, methods=[method], name=f"{name}_{area}")
    for area, key in (("admin", "node"), ("staff", "centre"))
    for suffix, handler, method, name in (
        ("", page, "GET", "exports"),
        ("", create, "POST", "exports_create"),
        ("/{export}", progress, "GET", "export_progress"),
        ("/{export}/download", download, "GET", "export_download"),
    )
]
