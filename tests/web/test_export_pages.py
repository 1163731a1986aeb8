"""Export pages: one click downloads a spreadsheet; a large one shows its progress (an htmx
fragment that polls, or a page to refresh) and then its download, for its owner only."""

from __future__ import annotations

import re

from server.domain import exports
from server.domain.audit import CLI
from server.domain.roles import grant
from server.models.accounts import Role
from server.models.jobs import JobRun
from tests.cast import PASSWORD, Cast, user
from tests.conftest import csrf_token, login
from tests.domain.test_exports import seed, sheet

HTMX = {"HX-Request": "true"}


async def _post(client, path: str, data: dict[str, str]):  # type: ignore[no-untyped-def]
    token = await csrf_token(client, "/account")
    return await client.post(path, data={"csrf_token": token, **data})


async def test_the_export_pages_open_only_within_the_scope(client, cast: Cast):
    assert (await client.get("/admin/TS/exports")).status_code in (302, 303)
    await login(client, cast.street_admin.phone, PASSWORD)
    page = await client.get("/admin/TS/exports")
    assert page.status_code == 200
    assert 'action="/admin/TS/exports"' in page.text and 'value="hours"' in page.text
    assert (await client.get("/admin/TD/exports")).status_code == 403
    assert (await client.get("/staff/CENTREA/exports")).status_code == 200  # an admin above
    await client.post("/logout", data={"csrf_token": await csrf_token(client, "/account")})
    await login(client, cast.staff_b.phone, PASSWORD)
    assert (await client.get("/staff/CENTREA/exports")).status_code == 403
    assert (await client.get("/admin/TS/exports")).status_code == 403
    refused = await _post(
        client, "/staff/CENTREA/exports", {"kind": "bookings", "period": "2026-11"}
    )
    assert refused.status_code == 403


async def test_one_click_downloads_a_small_export(client, cast: Cast):
    data = await seed(cast)
    await login(client, cast.staff_a.phone, PASSWORD)
    response = await _post(
        client, "/staff/CENTREA/exports", {"kind": "bookings", "period": "2026-11"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == exports.XLSX
    assert response.headers["content-disposition"] == (
        'attachment; filename="bookings-CENTREA-2026-11.xlsx"'
    )
    assert response.headers["cache-control"] == "no-store"
    _, rows = sheet(response.content)
    assert {r[0] for r in rows[1:]} == data.bookings_in_a and "办事人手机" in rows[0]


async def test_a_bad_period_is_shown_on_the_form(client, cast: Cast):
    await login(client, cast.street_admin.phone, PASSWORD)
    response = await _post(client, "/admin/TS/exports", {"kind": "users", "period": "11/2026"})
    assert response.status_code == 422 and 'id="e-period"' in response.text
    assert response.text.count('class="field-error"') == 2  # what and when, both at once
    assert 'value="11/2026"' in response.text


async def test_a_large_export_shows_progress_then_its_download(
    client, cast: Cast, settings, monkeypatch
):
    data = await seed(cast)
    monkeypatch.setattr(exports, "STREAM_LIMIT", 1)
    await login(client, cast.street_admin.phone, PASSWORD)
    response = await _post(client, "/admin/TS/exports", {"kind": "bookings", "period": "2026-11"})
    assert response.status_code == 303
    job = await JobRun.get(kind="export.bookings")
    url = f"/admin/TS/exports/{job.public_id}"
    assert response.headers["location"] == url
    fragment = await client.get(url, headers=HTMX)
    assert fragment.status_code == 200
    assert 'id="export-progress"' in fragment.text and 'hx-trigger="every 1s"' in fragment.text
    assert f'hx-get="{url}"' in fragment.text and "<html" not in fragment.text
    assert 'value="0"' in fragment.text and 'max="3"' in fragment.text
    page = await client.get(url)  # without JavaScript: the page, with a link to refresh
    assert "<html" in page.text and f'href="{url}"' in page.text
    assert (await client.get(f"{url}/download")).status_code == 404  # not built yet

    assert await exports.build(job.id, settings) == "done"

    done = await client.get(url, headers=HTMX)
    assert "hx-trigger" not in done.text and f'href="{url}/download"' in done.text
    download = await client.get(f"{url}/download")
    assert download.status_code == 200
    assert 'filename="bookings-T-TD-TS-2026-11.xlsx"' in download.headers["content-disposition"]
    _, rows = sheet(download.content)
    assert {r[0] for r in rows[1:]} == data.bookings_in_street
    listed = await client.get("/admin/TS/exports")
    assert re.search(rf'href="{url}/download"', listed.text)


async def test_another_admin_cannot_fetch_someone_elses_export(
    client, cast: Cast, settings, monkeypatch
):
    await seed(cast)
    monkeypatch.setattr(exports, "STREAM_LIMIT", 0)
    await login(client, cast.street_admin.phone, PASSWORD)
    await _post(client, "/admin/TS/exports", {"kind": "hours", "period": "2026-11"})
    job = await JobRun.get(kind="export.hours")
    await exports.build(job.id, settings)
    url = f"/admin/TS/exports/{job.public_id}"
    assert (await client.get(f"{url}/download")).status_code == 200
    await client.post("/logout", data={"csrf_token": await csrf_token(client, "/account")})
    colleague = await user("13700000007", "街道另一位管理员")
    await grant(colleague, Role.ADMIN, "TS", None, CLI)
    await login(client, colleague.phone, PASSWORD)
    assert (await client.get(f"{url}/download")).status_code == 404
    assert (await client.get(url)).status_code == 404
    await client.post("/logout", data={"csrf_token": await csrf_token(client, "/account")})
    await login(client, cast.staff_a.phone, PASSWORD)
    assert (await client.get(f"{url}/download")).status_code == 403
    staff_url = f"/staff/CENTREA/exports/{job.public_id}/download"
    assert (await client.get(staff_url)).status_code == 404
