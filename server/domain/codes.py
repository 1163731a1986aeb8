"""Public codes as people send them: one that no column could hold names nothing."""

from __future__ import annotations

from tortoise.models import Model


def fits(model: type[Model], value: str, field: str = "code") -> bool:
    """Whether ``value`` could be ``model``'s ``field``; look a row up only if so: Tortoise
    refuses to compare a value too long for the column, PostgreSQL one with a NUL (a 500)."""
    length = getattr(model._meta.fields_map[field], "max_length", None)
    return "\x00" not in value and (length is None or len(value) <= length)
