"""Hand-written statements: for the few on every request of a busy page, where building one
with the query builder (and, for rows, their model objects) costs more Python than running it.
Written once with PostgreSQL's placeholders $1, $2 ...; SQLite takes the same values as ?1, ?2 ...
"""

from __future__ import annotations

import functools
import re
from typing import Any, TypeVar

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient
from tortoise.models import Model

M = TypeVar("M", bound=Model)

# On PostgreSQL, a pool of connections for the lookups by key (``plan_once=True``): a session,
# an API token, a stamp, a person's own rows. The others plan every statement with its values
# (``server/db.py``), which on these cost more than running them: "my bookings" spent 0.42 ms
# planning its statement and 0.13 running it, and the session 0.24 and 0.18 (pg_stat_statements).
# Here PostgreSQL plans as it does by default: it may keep one plan per statement and connection.
# Only lookups whose best plan is the same index read for any value belong here.
# ``server/db.py`` opens the pool (``keep_plans``) with the others and closes it with them.
_planned_once: BaseDBAsyncClient | None = None


def planned_once() -> BaseDBAsyncClient | None:
    return _planned_once


def keep_plans(client: BaseDBAsyncClient | None) -> None:
    """Use ``client`` (a pool of its own; None: none) for the lookups by key."""
    global _planned_once
    _planned_once = client


@functools.cache
def _for_sqlite(sql: str) -> str:
    return re.sub(r"\$(\d+)", r"?\1", sql)


def _statement(sql: str, plan_once: bool = False) -> tuple[BaseDBAsyncClient, str]:
    conn = connections.get("default")
    if conn.capabilities.dialect == "sqlite":
        return conn, _for_sqlite(sql)
    if plan_once and _planned_once and not isinstance(conn, TransactionalDBClient):
        return _planned_once, sql  # (in a transaction: the transaction's own connection)
    return conn, sql


async def fetch(sql: str, values: list[Any], *, plan_once: bool = False) -> list[dict[str, Any]]:
    """The rows of a hand-written SELECT as dicts of the driver's values (SQLite's are text
    where PostgreSQL's are timestamps or decimals: convert with the model field's
    ``to_python_value``). ``plan_once``: a lookup by key (see ``keep_plans``)."""
    conn, sql = _statement(sql, plan_once)
    return await conn.execute_query_dict(sql, values)


async def fetch_models(
    model: type[M],
    sql: str,
    values: list[Any],
    extra: list[str] | None = None,
    *,
    plan_once: bool = False,
) -> list[M]:
    """Model objects from a hand-written SELECT of the model's table (``"table".*``), with
    ``extra`` columns set as attributes of the same names. ``plan_once``: as ``fetch``."""
    conn, sql = _statement(sql, plan_once)
    executor = conn.executor_class(model=model, db=conn)
    return await executor.execute_select(sql, values, custom_fields=extra or [])


def marks(count: int, first: int = 1) -> str:
    """``count`` placeholders from ``$first`` on, for a list in a hand-written statement."""
    return ", ".join(f"${i}" for i in range(first, first + count))


INSERT_ROWS = 500  # rows per INSERT: PostgreSQL takes at most 32,767 values in one statement


async def insert(row: M) -> M:
    """Insert one new model object as ``Model.save`` would (defaults, ``auto_now_add``), by a
    statement made once per model, and set its id; a unique or foreign-key violation raises
    Tortoise's ``IntegrityError`` as ``save`` does. For the rows of a busy write (a booking
    and its audit entry): building the statement and the insert cost more than running it."""
    model = type(row)
    conn = connections.get("default")
    columns = tuple(conn.executor_class(model=model, db=conn).regular_columns)
    fields = model._meta.fields_map
    values = [fields[c].to_db_value(getattr(row, c), row) for c in columns]
    found = await fetch(_insert_sql(model, columns, 1, None), values)
    row.pk = found[0][model._meta.db_pk_column]
    row._saved_in_db = True
    return row


async def insert_new(rows: list[M], unique: str) -> list[int]:
    """Insert model objects of one model as ``Model.bulk_create`` would, each unless a row with
    the same value in the ``unique`` column is there already; the ids of the rows inserted.
    One statement per ``INSERT_ROWS`` rows, its text made once per row count: the query
    builder made it afresh on every call, which cost more than writing the rows."""
    if not rows:
        return []
    model = type(rows[0])
    conn = connections.get("default")
    columns = conn.executor_class(model=model, db=conn).regular_columns
    fields = model._meta.fields_map
    ids: list[int] = []
    for start in range(0, len(rows), INSERT_ROWS):
        chunk = rows[start : start + INSERT_ROWS]
        values = [fields[c].to_db_value(getattr(row, c), row) for row in chunk for c in columns]
        sql = _insert_sql(model, tuple(columns), len(chunk), unique)
        ids += [r["id"] for r in await fetch(sql, values)]
    return ids


@functools.cache
def _insert_sql(
    model: type[Model], columns: tuple[str, ...], count: int, unique: str | None
) -> str:
    names = ", ".join(f'"{model._meta.fields_db_projection[c]}"' for c in columns)
    width = len(columns)
    rows = ", ".join(f"({marks(width, 1 + i * width)})" for i in range(count))
    skip = f' ON CONFLICT ("{unique}") DO NOTHING' if unique else ""
    return (
        f'INSERT INTO "{model._meta.db_table}" ({names}) VALUES {rows}'
        f'{skip} RETURNING "{model._meta.db_pk_column}"'
    )
