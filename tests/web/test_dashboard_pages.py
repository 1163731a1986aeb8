"""Dashboards and the ranking report in the browser without JavaScript (and with htmx): who may
see which node or centre, the figures on the page equal a recount of the raw rows, the drill-down
links, the filter swapping only the dashboard, and the spreadsheet matching the page."""

from __future__ import annotations

import re
from io import BytesIO

import httpx
import pytest
from openpyxl import load_workbook

from server.domain.audit import CLI
from server.domain.roles import grant
from server.models.accounts import Role
from tests.cast import PASSWORD, Cast
from tests.conftest import login
from tests.domain.test_dashboard import MARCH, TS, World, make_world, recount_bookings

HX = {"HX-Request": "true"}
RESIDENT, STAFF_A, STREET, DISTRICT, CITY = (
    "13700000001",
    "13700000003",
    "13700000005",
    "13700000006",
    "13700000007",
)


@pytest.fixture
async def world(cast: Cast, settings) -> World:  # type: ignore[no-untyped-def]
    return await make_world(cast, settings)


async def _as(client: httpx.AsyncClient, phone: str) -> None:
    client.cookies.clear()
    await login(client, phone, PASSWORD)


def _figure(page: str, key: str) -> str:
    found = re.search(rf'data-figure="{key}">.*?class="f-value">([^<]*)<', page, re.S)
    assert found, key
    return found.group(1)


def _drill_row(page: str, code: str) -> list[str]:
    row = re.search(rf'<tr data-node="{code}"[^>]*>(.*?)</tr>', page, re.S)
    assert row, code
    return re.findall(r'<td class="num">([^<]*)</td>', row.group(1))


async def test_a_one_node_admin_goes_straight_to_their_dashboard(client, world: World):
    await _as(client, STREET)
    response = await client.get("/admin")
    assert response.status_code == 303 and response.headers["location"] == "/admin/TS"


async def test_an_admin_of_several_nodes_chooses_one(client, world: World):
    await grant(world.cast.street_admin, Role.ADMIN, "TS2", None, CLI)
    await _as(client, STREET)
    page = (await client.get("/admin")).text
    assert 'href="/admin/TS"' in page and 'href="/admin/TS2"' in page


async def test_people_who_administer_nothing_are_refused(client, world: World):
    for phone in (RESIDENT, STAFF_A):
        await _as(client, phone)
        assert (await client.get("/admin")).status_code == 403
        assert (await client.get("/admin/TS")).status_code == 403
        assert (await client.get("/admin/TS/ranking.xlsx")).status_code == 403
    client.cookies.clear()
    response = await client.get("/admin/TS")
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


async def test_a_street_admin_sees_their_street_and_below_only(client, world: World):
    await _as(client, STREET)
    for path in (
        "/admin/TS",
        "/admin/TA",
        "/admin/TA1",
        "/admin/TS/ranking",
        "/staff/CENTREA/dashboard",
    ):
        assert (await client.get(path)).status_code == 200, path
    for path in (
        "/admin/TS2",
        "/admin/TD",
        "/admin/T",
        "/admin/TD/ranking",
        "/admin/TS2/ranking.xlsx",
    ):
        response = await client.get(path)
        assert response.status_code == 403 and "戊社区" not in response.text, path
    assert (await client.get("/admin/NOPE")).status_code == 404
    assert (await client.get("/staff/CENTREE/dashboard")).status_code == 403


async def test_staff_of_a_see_only_the_dashboard_of_a(client, world: World):
    await _as(client, STAFF_A)
    page = await client.get("/staff/CENTREA/dashboard?period=2026-03")
    assert page.status_code == 200 and _figure(page.text, "bookings") == "5"
    assert 'id="s-children"' not in page.text
    assert (await client.get("/staff/CENTREB/dashboard")).status_code == 403
    assert (await client.get("/admin/TA")).status_code == 403


async def test_the_page_shows_the_figures_recounted_from_the_rows(client, world: World):
    await _as(client, DISTRICT)
    page = (await client.get("/admin/TS?period=2026-03")).text
    whole = await recount_bookings(TS, MARCH)
    assert _figure(page, "bookings") == str(whole["booked"]) == "8"
    assert _figure(page, "no_show_rate") == "28.6%"
    assert _figure(page, "hours") == "5.5"
    for code in ("TA", "TB", "TC"):
        row = _drill_row(page, code)
        assert row[0] == str((await recount_bookings(f"{TS}{code}/", MARCH))["booked"])
        assert f'href="/admin/{code}?period=2026-03"' in page
    assert _drill_row(page, "all")[0] == "8" and _drill_row(page, "")[0] == "1"
    assert 'href="/staff/CENTRES/dashboard?period=2026-03"' in page  # the street's own centre
    assert _drill_row(page, "TA")[-1] == "5.5" and _drill_row(page, "TC")[-1] == "0.0"


async def test_every_chart_is_an_svg_with_a_title_a_description_and_a_table(client, world: World):
    await _as(client, DISTRICT)
    page = (await client.get("/admin/TS?period=2026-03")).text
    charts = re.findall(r'<figure class="chart" id="([^"]+)">(.*?)</figure>', page, re.S)
    assert [c for c, _ in charts] == [
        "c-per-day",
        "c-services",
        "c-rates",
        "c-units",
        "c-hours-children",
    ]
    for chart_id, body in charts:
        assert f'role="img" aria-labelledby="{chart_id}-t {chart_id}-d"' in body
        assert f'<title id="{chart_id}-t">' in body and f'<desc id="{chart_id}-d">' in body
        assert "<table>" in body and 'class="c-axis"' in body
    per_day = dict(charts)["c-per-day"]
    assert per_day.count('class="c-point"') == 31  # every day of March
    assert '<tfoot><tr><th scope="row">' in per_day and '<td class="num">8</td>' in per_day


async def test_the_filter_swaps_only_the_dashboard_and_can_change_the_node(client, world: World):
    await _as(client, STREET)
    fragment = await client.get("/admin/TS?period=2026-03", headers=HX)
    assert fragment.text.lstrip().startswith('<div id="dashboard"') and "<html" not in fragment.text
    moved = await client.get("/admin/TS?node=TA&period=2026-03", headers=HX)
    assert moved.headers["HX-Push-Url"] == "/admin/TA?period=2026-03"
    assert "甲社区" in moved.text and "<html" not in moved.text
    plain = await client.get("/admin/TS?node=TA&period=2026-03")
    assert plain.status_code == 303 and plain.headers["location"] == "/admin/TA?period=2026-03"
    assert (await client.get("/admin/TS?node=TS2", headers=HX)).status_code == 403
    full = await client.get("/admin/TS?period=nonsense")
    assert full.status_code == 200 and "<html" in full.text and "selected>" in full.text


async def test_the_ranking_page_and_its_spreadsheet_agree(client, world: World):
    await _as(client, STREET)
    download = await client.get("/admin/TS/ranking.xlsx?period=2026-03")
    assert download.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "ranking-TS-2026-03.xlsx" in download.headers["content-disposition"]
    book = load_workbook(BytesIO(download.content))
    for metric, sheet in zip(
        ("response", "resolution", "satisfaction", "activity"), book.worksheets, strict=True
    ):
        page = (await client.get(f"/admin/TS/ranking?period=2026-03&by={metric}")).text
        shown = re.findall(
            r'<tr data-node="(\w+)">\s*<td class="num rank">([^<]*)</td>.*?'
            r'<td class="num value">([^<]*)</td>',
            page,
            re.S,
        )
        names = {"TA": "甲社区", "TB": "乙社区", "TC": "丙社区"}
        cells = [
            (line[2].value, line[0].value, line[3].value) for line in sheet.iter_rows(min_row=4)
        ]
        assert [(names[code], rank, value) for code, rank, value in shown] == [
            (name, "—" if rank is None else str(rank), "—" if value is None else f"{value:.1%}")
            for name, rank, value in cells
        ]
    fragment = await client.get("/admin/TS/ranking?period=2026-03&by=activity", headers=HX)
    assert fragment.text.lstrip().startswith('<div id="ranking"')
