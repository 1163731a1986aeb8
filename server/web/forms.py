"""Reading submitted forms as plain strings."""

from __future__ import annotations

from starlette.requests import Request


async def form_fields(request: Request) -> dict[str, str]:
    """The form's text fields (the last value of each name), stripped of outer spaces."""
    form = await request.form()
    return {key: value.strip() for key, value in form.items() if isinstance(value, str)}


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"
