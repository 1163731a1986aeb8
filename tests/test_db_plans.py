"""How PostgreSQL connections are handed out and planned (server/db.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from server import db as database
from server import sql


async def _plan_mode() -> str:
    rows = await connections.get("default").execute_query_dict("SHOW plan_cache_mode")
    return str(rows[0]["plan_cache_mode"])


async def test_every_statement_is_planned_with_its_values(settings, db):
    if database.dialect(settings.database_url) != "postgres":
        pytest.skip("SQLite plans every statement with its values")
    for _ in range(6):  # the pool's connections in turn
        assert await _plan_mode() == "force_custom_plan"


async def test_a_connection_goes_back_to_the_pool_as_it_came(settings, db):
    if database.dialect(settings.database_url) != "postgres":
        pytest.skip("SQLite has no pool")
    async with in_transaction() as conn:
        await conn.execute_script("SET LOCAL work_mem = '8MB'")
    # The pool no longer sends asyncpg's RESET ALL when it takes a connection back: a setting
    # made with SET LOCAL ended with its transaction, and the opening settings stay.
    for _ in range(6):
        rows = await connections.get("default").execute_query_dict("SHOW work_mem")
        assert rows[0]["work_mem"] != "8MB"
        assert await _plan_mode() == "force_custom_plan"


async def test_a_failed_transaction_rolls_back_and_leaves_the_pool_usable(settings, db):
    with pytest.raises(RuntimeError):
        async with in_transaction() as conn:
            await conn.execute_query("SELECT 1")
            raise RuntimeError("a page failed")
    rows = await connections.get("default").execute_query_dict("SELECT 1 AS one")
    assert rows == [{"one": 1}]


def test_a_web_process_holds_more_connections_than_a_worker(settings):
    def pool(url: str, *size: int) -> int:
        config = database.tortoise_config(replace(settings, database_url=url), *size)
        return int(config["connections"]["default"]["credentials"]["maxsize"])

    url = "postgres://doorstep@db.example:5432/doorstep"
    assert pool(url) == database.WORKER_POOL
    assert pool(url, database.WEB_POOL) == database.WEB_POOL > database.WORKER_POOL
    # ?maxsize= on the URL wins: the operator sizes pools against max_connections
    assert pool(url + "?maxsize=7", database.WEB_POOL) == 7


async def test_lookups_by_key_keep_plans_on_connections_of_their_own(settings, db):
    if database.dialect(settings.database_url) != "postgres":
        pytest.skip("SQLite has one connection and plans every statement")
    show = "SHOW plan_cache_mode"
    for _ in range(3):
        assert (await sql.fetch(show, [], plan_once=True))[0]["plan_cache_mode"] == "auto"
        assert (await sql.fetch(show, []))[0]["plan_cache_mode"] == "force_custom_plan"
    async with in_transaction():  # a transaction's statements stay on its connection
        rows = await sql.fetch(show, [], plan_once=True)
        assert rows[0]["plan_cache_mode"] == "force_custom_plan"
    planned = sql.planned_once()
    assert planned is not None  # the tests' process opens the database as a worker does
    assert planned.pool_maxsize == max(2, database.WORKER_POOL // 2)  # type: ignore[attr-defined]
