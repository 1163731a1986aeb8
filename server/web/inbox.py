"""The in-app inbox: messages a user has received, with read marks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import i18n
from server.domain.errors import NotFound
from server.messages import Rendered, render
from server.models.notifications import Channel, Notification, NotificationStatus
from server.templating import render as render_page
from server.web.auth import require_user
from server.web.forms import is_htmx

PAGE_SIZE = 20


@dataclass
class Item:
    row: Notification
    message: Rendered
    link: str | None = None  # the page the message is about, on this site


def _link(row: Notification) -> str | None:
    """Where a message leads: the page its ``url`` names (a path of this site, whatever host the
    message was written for), or a booking's page; None for a message about nothing to open."""
    url = str(row.payload.get("url") or "")
    if url:
        path = "/" + url.split("://", 1)[-1].partition("/")[2] if "://" in url else url
        return path if path.startswith("/") and not path.startswith("//") else None
    if row.subject_type == "booking" and row.payload.get("code"):
        return f"/bookings/{row.payload['code']}"
    return None


def _mine(user_id: int):  # type: ignore[no-untyped-def]
    return Notification.filter(
        user_id=user_id, channel=Channel.INBOX, status=NotificationStatus.SENT
    )


async def unread_count(user_id: int) -> int:
    return await _mine(user_id).filter(read_at=None).count()


def _item(row: Notification) -> Item:
    # Shown in the reader's current language, whatever language it was written for.
    return Item(row, render(row.event, i18n.get_language(), row.payload), _link(row))


async def inbox_page(request: Request) -> Response:
    user = require_user(request)
    rows = _mine(user.id).order_by("-id")
    before = request.query_params.get("before", "")
    if before.isdigit():
        rows = rows.filter(id__lt=int(before))
    page = await rows.limit(PAGE_SIZE + 1)
    items = [_item(row) for row in page[:PAGE_SIZE]]
    more = page[PAGE_SIZE].id + 1 if len(page) > PAGE_SIZE else None
    return render_page(request, "inbox/index.html", {"items": items, "more": more})


async def mark_read(request: Request) -> Response:
    user = require_user(request)
    row = await _mine(user.id).get_or_none(public_id=request.path_params["public_id"])
    if row is None:
        raise NotFound(i18n.N_("This message does not exist."))
    if row.read_at is None:
        row.read_at = datetime.now(UTC)
        await row.save(update_fields=["read_at"])
    if is_htmx(request):
        request.scope["unread"] = await unread_count(user.id)
        return render_page(request, "inbox/_item.html", {"item": _item(row), "oob_badge": True})
    return RedirectResponse("/inbox", status_code=303)


async def mark_all_read(request: Request) -> Response:
    user = require_user(request)
    await _mine(user.id).filter(read_at=None).update(read_at=datetime.now(UTC))
    return RedirectResponse("/inbox", status_code=303)


routes = [
    Route("/inbox", inbox_page, methods=["GET"], name="inbox"),
    Route("/inbox/read-all", mark_all_read, methods=["POST"], name="inbox_read_all"),
    Route("/inbox/{public_id}/read", mark_read, methods=["POST"], name="inbox_read"),
]
