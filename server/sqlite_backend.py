"""Tortoise's SQLite backend, with write transactions that start with BEGIN IMMEDIATE.

Tortoise begins transactions with a deferred BEGIN. When several Doorstep processes share one
SQLite file, a deferred transaction that reads and then writes fails at once with "database is
locked" if another process wrote in between (SQLite cannot upgrade its stale read snapshot),
and the busy timeout does not help. BEGIN IMMEDIATE takes the write lock first, waiting up to
the busy timeout, so transactions queue instead of failing.
"""

from __future__ import annotations

import sqlite3

from tortoise.backends.base.client import TransactionContext
from tortoise.backends.sqlite.client import (
    SqliteClient,
    SqliteTransactionContext,
    SqliteTransactionWrapper,
)
from tortoise.exceptions import TransactionManagementError


class ImmediateTransactionWrapper(SqliteTransactionWrapper):
    async def begin(self) -> None:
        try:
            await self._connection.commit()
            await self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise TransactionManagementError(exc) from exc


class DoorstepSqliteClient(SqliteClient):
    def _in_transaction(self) -> TransactionContext:
        return SqliteTransactionContext(ImmediateTransactionWrapper(self), self._lock)


client_class = DoorstepSqliteClient
