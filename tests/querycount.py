"""Counts the SQL statements Tortoise sends while a block runs, on SQLite and PostgreSQL.

Every ``execute_*`` method of every Tortoise client class is wrapped (the classes, not one
instance: a transaction runs on its own wrapper object). A statement is counted once, at the
outermost ``execute_*`` call, so a method that delegates to another is not counted twice.
``BEGIN``/``COMMIT``/savepoints are not statements the app writes and are not counted.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

import tortoise.backends.asyncpg.client  # noqa: F401  (loads the PostgreSQL client classes)
import tortoise.backends.sqlite.client  # noqa: F401
from tortoise.backends.base.client import BaseDBAsyncClient

import server.sqlite_backend  # noqa: F401  (Doorstep's own SQLite client)

METHODS = (
    "execute_insert",
    "execute_query",
    "execute_query_dict",
    "execute_query_dict_with_affected",
    "execute_many",
    "execute_script",
)
T = TypeVar("T")
_inside = contextvars.ContextVar("querycount_inside", default=False)


@dataclass
class Queries:
    """The statements seen so far, in order."""

    statements: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.statements)

    def __str__(self) -> str:
        return "\n".join(f"{i:3} {s}" for i, s in enumerate(self.statements, 1))


def _client_classes() -> list[type]:
    seen: list[type] = []
    todo: list[type] = [BaseDBAsyncClient]
    while todo:
        cls = todo.pop()
        if cls not in seen:
            seen.append(cls)
            todo.extend(cls.__subclasses__())
    return seen


def _counting(method: Callable[..., Awaitable[Any]], queries: Queries) -> Callable[..., Any]:
    @functools.wraps(method)
    async def wrapper(self: Any, query: str, *args: Any, **kwargs: Any) -> Any:
        if _inside.get():
            return await method(self, query, *args, **kwargs)
        queries.statements.append(" ".join(str(query).split()))
        token = _inside.set(True)
        try:
            return await method(self, query, *args, **kwargs)
        finally:
            _inside.reset(token)

    return wrapper


@contextlib.contextmanager
def counting() -> Iterator[Queries]:
    """Count the statements sent inside the ``with`` block."""
    queries = Queries()
    patched: list[tuple[type, str, Any]] = []
    try:
        for cls in _client_classes():
            for name in METHODS:
                original = cls.__dict__.get(name)
                if original is not None:
                    patched.append((cls, name, original))
                    setattr(cls, name, _counting(original, queries))
        yield queries
    finally:
        for cls, name, original in reversed(patched):
            setattr(cls, name, original)


async def count_queries(action: Callable[[], Awaitable[T]]) -> tuple[int, T]:
    """Run ``action()`` and return how many statements it sent, and its result."""
    with counting() as queries:
        result = await action()
    return queries.count, result
