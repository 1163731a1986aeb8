"""How PostgreSQL connections are handed out and planned (server/db.py)."""

from __future__ import annotations

import pytest
from tortoise import connections

from server import db as database
from server.web import admin_audit, admin_people, dashboard, need_staff, staff_volunteers


async def _plan_mode() -> str:
    rows = await connections.get("default").execute_query_dict("SHOW plan_cache_mode")
    return rows[0]["plan_cache_mode"]


async def test_subtree_reads_are_planned_with_their_values_and_nothing_else_is(settings, db):
    if database.dialect(settings.database_url) != "postgres":
        pytest.skip("SQLite plans every statement with its values")
    assert await _plan_mode() == "auto"
    async with database.values_planned():
        assert await _plan_mode() == "force_custom_plan"
    # SET LOCAL ended with the transaction: the connection went back to the pool as it was,
    # though the pool no longer sends asyncpg's RESET ALL when it takes a connection back.
    for _ in range(6):  # the pool's connections in turn
        assert await _plan_mode() == "auto"


async def test_a_failed_block_rolls_back_and_leaves_the_pool_usable(settings, db):
    with pytest.raises(RuntimeError):
        async with database.values_planned():
            raise RuntimeError("a page failed")
    rows = await connections.get("default").execute_query_dict("SELECT 1 AS one")
    assert rows == [{"one": 1}]


def test_pages_that_read_a_subtree_of_a_big_table_ask_for_plans_with_values():
    pages = [
        dashboard.node_dashboard,
        dashboard.centre_dashboard,
        dashboard.ranking_page,
        dashboard.ranking_xlsx,
        admin_audit.audit_page,
        need_staff.board_page,
        admin_people.people_page,
        staff_volunteers.list_page,
    ]
    for page in pages:
        assert getattr(page, "__wrapped__", None) is not None, page.__name__
