"""Staff keep their centre's need categories: add one, then save, move, withdraw or offer again
each row; categories set on a node above are shown read-only."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import i18n
from server.domain import counter, need_categories
from server.domain.errors import ValidationFailed
from server.i18n import N_
from server.models.needs import NeedCategory, NeedKind
from server.models.places import Centre
from server.templating import render
from server.web.auth import origin_of, require_user
from server.web.forms import form_fields

DONE = {
    "created": N_("Category added. Residents can choose it when they post."),
    "save": N_("Category saved."),
    "up": N_("Order saved."),
    "down": N_("Order saved."),
    "deactivate": N_("Category withdrawn: it is no longer offered; needs that have it keep it."),
    "reactivate": N_("Category offered again."),
}
NEW = "new"  # the add form's key among the rows (category codes are upper case)
NEW_VALUES = {"kind": NeedKind.NEED.value, "response_hours": "24", "resolution_hours": "120"}


async def _centre(request: Request) -> Centre:
    return await counter.require_counter(require_user(request), request.path_params["centre"])


def _values(category: NeedCategory) -> dict[str, str]:
    return {
        "name": category.name,
        "name_en": category.name_en,
        "kind": category.kind.value,
        "response_hours": str(category.response_hours),
        "resolution_hours": str(category.resolution_hours),
    }


def _back(centre: Centre, done: str) -> Response:
    return RedirectResponse(f"/staff/{centre.code}/needs/categories?done={done}", status_code=303)


async def page(
    request: Request,
    *,
    refused: ValidationFailed | None = None,
    editing: str = "",
    values: dict[str, str] | None = None,
) -> Response:
    """The list and the add form; after a refusal, the form in ``editing`` shows its errors."""
    centre = await _centre(request)
    found = await need_categories.listing(centre)
    rows = {c.code: _values(c) for c in [*found.own, *found.withdrawn]}
    rows[NEW] = dict(NEW_VALUES)
    if values is not None:
        rows[editing] = values  # what was typed is kept
    done = request.query_params.get("done", "")
    context: dict[str, Any] = {
        "centre": centre,
        "listing": found,
        "rows": rows,
        "editing": editing,
        "fields": refused.fields if refused else {},
        "error": i18n.gettext(refused.message, **refused.params) if refused else "",
        "message": i18n.gettext(DONE[done]) if done in DONE else "",
    }
    status = refused.status if refused else 200
    return render(request, "staff/need_categories.html", context, status=status)


async def create(request: Request) -> Response:
    centre = await _centre(request)
    form = await form_fields(request)
    try:
        await need_categories.create(require_user(request), centre, form, origin_of(request))
    except ValidationFailed as refused:
        return await page(request, refused=refused, editing=NEW, values=form)
    return _back(centre, "created")


async def edit(request: Request) -> Response:
    centre = await _centre(request)
    code = request.path_params["code"]
    # Another centre's category is not found, before anything the form says is looked at.
    await need_categories.category_at(centre, code)
    form = await form_fields(request)
    op = form.get("op", "")
    try:
        await need_categories.apply(
            require_user(request), centre, code, op, form, origin_of(request)
        )
    except ValidationFailed as refused:
        kept = form if op == "save" else None
        return await page(request, refused=refused, editing=code, values=kept)
    return _back(centre, op)


routes = [
    Route("/staff/{centre}/needs/categories", page, methods=["GET"], name="staff_need_categories"),
    Route("/staff/{centre}/needs/categories", create, methods=["POST"]),
    Route("/staff/{centre}/needs/categories/{code}", edit, methods=["POST"]),
]
