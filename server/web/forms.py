"""Reading submitted forms as plain strings."""

from __future__ import annotations

from starlette.datastructures import FormData
from starlette.requests import Request

from server.api.common import refuse_unstorable
from server.domain.errors import ValidationFailed


async def checked_form(request: Request) -> FormData:
    """The submitted form, refused with a 422 when a text field holds what no database stores
    (a NUL character: PostgreSQL refuses it, which would otherwise end as a 500)."""
    form = await request.form()
    try:
        refuse_unstorable({k: v for k, v in form.multi_items() if isinstance(v, str)})
    except ValidationFailed:
        await form.close()  # its uploaded files, spooled to disk, go now
        raise
    return form


async def form_fields(request: Request) -> dict[str, str]:
    """The form's text fields (the last value of each name), stripped of outer spaces."""
    form = await checked_form(request)
    return {key: value.strip() for key, value in form.items() if isinstance(value, str)}


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"
