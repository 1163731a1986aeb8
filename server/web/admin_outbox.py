"""Admins see messages that could not be delivered, with the reason, and send them again."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from tortoise.functions import Count

from server.domain import outbox, scopes
from server.domain.errors import NotFound, PermissionDenied
from server.i18n import N_
from server.models.accounts import User
from server.models.notifications import Notification, NotificationStatus
from server.settings import get as get_settings
from server.templating import render
from server.web.auth import origin_of, require_user

STATUSES = [NotificationStatus.FAILED, NotificationStatus.PENDING, NotificationStatus.SENDING]


async def _require_city_admin(request: Request) -> User:
    user = require_user(request)
    if not await scopes.is_city_admin(user):
        raise PermissionDenied(N_("You are not allowed to do that."))
    return user


async def failed_page(request: Request) -> Response:
    await _require_city_admin(request)
    wanted = request.query_params.get("status", NotificationStatus.FAILED.value)
    status = next((s for s in STATUSES if s.value == wanted), NotificationStatus.FAILED)
    rows = (
        await Notification.filter(status=status).order_by("-id").limit(200).select_related("user")
    )
    grouped = Notification.filter(status__in=STATUSES).annotate(n=Count("id")).group_by("status")
    per_status = dict(await grouped.values_list("status", "n"))
    counts = {s.value: per_status.get(s, 0) for s in STATUSES}
    return render(
        request, "admin/outbox.html", {"rows": rows, "status": status.value, "counts": counts}
    )


async def retry(request: Request) -> Response:
    user = await _require_city_admin(request)
    row = await Notification.get_or_none(public_id=request.path_params["public_id"])
    if row is None:
        raise NotFound(N_("This message is not waiting for a retry."))
    await outbox.retry_failed(row.id, user, origin_of(request), get_settings())
    return RedirectResponse("/admin/outbox?status=failed", status_code=303)


routes = [
    Route("/admin/outbox", failed_page, methods=["GET"], name="admin_outbox"),
    Route("/admin/outbox/{public_id}/retry", retry, methods=["POST"], name="admin_outbox_retry"),
]
