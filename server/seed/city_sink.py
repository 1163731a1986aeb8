"""Where the city seed's rows go: COPY on PostgreSQL, the ORM's bulk_create on SQLite."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from typing import Any

import asyncpg
from tortoise import fields
from tortoise.models import Model

Row = tuple[Any, ...]


class Sink:
    """Writes rows of one table at a time and keeps, per table, the rows and seconds spent."""

    def __init__(self) -> None:
        self.rows: dict[str, int] = {}
        self.seconds: dict[str, float] = {}
        self.with_ids: set[str] = set()  # tables whose ids the seed assigned itself

    async def write(self, model: type[Model], columns: Sequence[str], rows: Iterable[Row]) -> None:
        records = list(rows)
        if not records:
            return
        table = model._meta.db_table
        if columns[0] == "id":
            self.with_ids.add(table)
        started = time.perf_counter()
        await self._write(model, list(columns), records)
        self.seconds[table] = self.seconds.get(table, 0.0) + time.perf_counter() - started
        self.rows[table] = self.rows.get(table, 0) + len(records)

    async def _write(self, model: type[Model], columns: list[str], records: list[Row]) -> None:
        raise NotImplementedError

    async def execute(self, sql: str) -> None:
        raise NotImplementedError

    async def start(self, tables: list[str]) -> None:
        """Get the tables ready for a load."""

    async def finish(self) -> None:
        """Make what the load bypassed right again (sequences of tables with given ids)."""


class CopySink(Sink):
    """COPY ... FROM STDIN (binary) through one asyncpg connection, inside its transaction.

    Filling indexes row by row and checking foreign keys with a trigger per row is most of the
    cost of a big COPY. So ``start`` keeps the catalogue's own definitions of the secondary
    indexes, unique constraints and foreign keys of the tables and drops them; ``finish``
    creates them again from those definitions (an index build sorts once; adding a foreign key
    checks all rows with one join), so the schema ends exactly as the migrations made it, and
    all in the one transaction: if the load fails, nothing of it or of the drops remains.
    """

    def __init__(self, conn: asyncpg.Connection) -> None:
        super().__init__()
        self.conn = conn
        self.restore: list[tuple[str, str]] = []  # (table, statement)

    async def start(self, tables: list[str]) -> None:
        await self.conn.execute("SET LOCAL maintenance_work_mem = '256MB'")
        foreign = await self.conn.fetch(_CONSTRAINTS, tables, ["f"])
        unique = await self.conn.fetch(_CONSTRAINTS, tables, ["u"])
        indexes = await self.conn.fetch(_INDEXES, tables)
        for row in [*foreign, *unique]:
            await self.conn.execute(f'ALTER TABLE "{row["tab"]}" DROP CONSTRAINT "{row["name"]}"')
        for row in indexes:
            await self.conn.execute(f'DROP INDEX "{row["name"]}"')
        # Indexes and unique constraints first: the foreign keys' checks may use them.
        self.restore = [(row["tab"], row["definition"]) for row in indexes]
        self.restore += [
            (
                row["tab"],
                f'ALTER TABLE "{row["tab"]}" ADD CONSTRAINT "{row["name"]}" {row["definition"]}',
            )
            for row in [*unique, *foreign]
        ]

    async def _write(self, model: type[Model], columns: list[str], records: list[Row]) -> None:
        # asyncpg's jsonb codec takes text; the ORM sink takes the Python values as they are.
        json_at = [i for i, c in enumerate(columns) if _is_json(model, c)]
        if json_at:
            records = [_dumped(row, json_at) for row in records]
        await self.conn.copy_records_to_table(
            model._meta.db_table, records=records, columns=columns
        )

    async def execute(self, sql: str) -> None:
        await self.conn.execute(sql)

    async def finish(self) -> None:
        for table in sorted(self.with_ids):
            await self.conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"
            )
        for table, statement in self.restore:
            started = time.perf_counter()
            await self.conn.execute(statement)
            key = f"{table}: indexes and keys"
            self.seconds[key] = self.seconds.get(key, 0.0) + time.perf_counter() - started


# Constraints of the given types on the given tables, with the text that recreates them.
_CONSTRAINTS = """
    SELECT c.conname AS name, t.relname AS tab, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    WHERE t.relnamespace = current_schema()::regnamespace
      AND t.relname = ANY($1::text[]) AND c.contype::text = ANY($2::text[])
    ORDER BY t.relname, c.conname
"""
# Indexes that no constraint owns (primary keys and unique constraints own theirs).
_INDEXES = """
    SELECT i.relname AS name, t.relname AS tab, pg_get_indexdef(x.indexrelid) AS definition
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY($1::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
    ORDER BY t.relname, i.relname
"""


class OrmSink(Sink):
    """Model instances and ``bulk_create``: slow, but the same on every database Tortoise knows."""

    async def _write(self, model: type[Model], columns: list[str], records: list[Row]) -> None:
        objects = [model(**dict(zip(columns, row, strict=True))) for row in records]
        await model.bulk_create(objects, batch_size=500)

    async def execute(self, sql: str) -> None:
        from tortoise import connections

        await connections.get("default").execute_script(sql)


def _is_json(model: type[Model], column: str) -> bool:
    return isinstance(model._meta.fields_map.get(column), fields.JSONField)


def _dumped(row: Row, json_at: list[int]) -> Row:
    values = list(row)
    for i in json_at:
        values[i] = json.dumps(values[i], ensure_ascii=False)
    return tuple(values)
