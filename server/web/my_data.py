"""A resident's own data: download a copy, ask for the account to be deleted (with a
cooling-off period during which they may keep it after all)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import i18n
from server.domain import data_rights, personal_data
from server.domain.errors import DomainError
from server.settings import get as get_settings
from server.templating import render
from server.web.auth import origin_of, require_user
from server.web.forms import form_fields

FIELDS_SUMMARY = i18n.N_("Please correct the marked fields.")


async def _page(request: Request, status: int = 200, **extra: Any) -> Response:
    user = require_user(request)
    context = {
        "due": await data_rights.pending_deletion(user),
        "grace_days": data_rights.DELETION_GRACE.days,
        "done": request.query_params.get("done", ""),
        "values": {},
        "fields": {},
        "error": None,
        **extra,
    }
    return render(request, "accounts/data.html", context, status=status, block="deletion")


async def data_page(request: Request) -> Response:
    return await _page(request)


async def _download(request: Request, *, with_photos: bool) -> Response:
    user = require_user(request)
    settings = get_settings()
    body = await personal_data.copy_for(user, settings, origin_of(request), with_photos=with_photos)
    day = datetime.now(UTC).astimezone(settings.tz).strftime("%Y%m%d")
    suffix, media = ("zip", "application/zip") if with_photos else ("json", "application/json")
    headers = {
        "Content-Disposition": f'attachment; filename="doorstep-my-data-{day}.{suffix}"',
        "Cache-Control": "no-store",
    }
    return Response(body, media_type=media, headers=headers)


async def data_json(request: Request) -> Response:
    return await _download(request, with_photos=False)


async def data_zip(request: Request) -> Response:
    return await _download(request, with_photos=True)


async def delete_request(request: Request) -> Response:
    user = require_user(request)
    form = await form_fields(request)
    try:
        await data_rights.request_deletion(
            user,
            form.get("password", ""),
            form.get("reason", ""),
            origin_of(request),
            get_settings(),
        )
    except DomainError as error:
        summary = FIELDS_SUMMARY if error.fields else error.message
        values = {"reason": form.get("reason", "")}
        extra = {"error": i18n.gettext(summary), "fields": error.fields, "values": values}
        return await _page(request, status=error.status, **extra)
    return _after(request, "/account/data?done=requested")


async def delete_cancel(request: Request) -> Response:
    user = require_user(request)
    await data_rights.cancel_deletion(user, origin_of(request))
    return _after(request, "/account/data?done=kept")


def _after(request: Request, target: str) -> Response:
    """A 303 to ``target``; htmx gets HX-Redirect so the whole page changes."""
    if request.headers.get("HX-Request") == "true":
        return Response(status_code=200, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


routes = [
    Route("/account/data", data_page, methods=["GET"], name="my_data"),
    Route("/account/data.json", data_json, methods=["GET"], name="my_data_json"),
    Route("/account/data.zip", data_zip, methods=["GET"], name="my_data_zip"),
    Route("/account/delete", delete_request, methods=["POST"], name="account_delete"),
    Route("/account/delete/cancel", delete_cancel, methods=["POST"], name="account_delete_cancel"),
]
