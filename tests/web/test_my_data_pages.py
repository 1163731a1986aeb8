"""A resident's data pages: the copy downloads as JSON or ZIP with only their data; deletion is
asked with the password and a reason, shows when it will happen, and can be called off."""

from __future__ import annotations

import io
import json
import zipfile

import httpx

from server.domain import data_rights
from server.domain.audit import CLI
from server.models.accounts import User
from server.models.audit import AuditEntry
from server.models.jobs import ScheduledJob, ScheduledStatus
from tests.cast import PASSWORD, Cast
from tests.conftest import csrf_token, login


async def _post(client: httpx.AsyncClient, path: str, data: dict[str, str], **kw) -> httpx.Response:  # type: ignore[no-untyped-def]
    token = await csrf_token(client, "/account/data")
    return await client.post(path, data={"csrf_token": token, **data}, **kw)


async def test_the_copy_downloads_as_json_with_only_the_residents_data(client, cast: Cast):
    await login(client, cast.resident.phone, PASSWORD)
    page = await client.get("/account/data")
    assert page.status_code == 200 and "/account/data.zip" in page.text
    answer = await client.get("/account/data.json")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.headers["content-disposition"].startswith("attachment; filename=")
    assert answer.headers["cache-control"] == "no-store"
    data = answer.json()
    assert data["account"]["phone"] == cast.resident.phone
    for other in (cast.member, cast.staff_a, cast.street_admin):
        assert other.phone not in answer.text
    assert await AuditEntry.filter(action="user.data_export", actor_id=cast.resident.id).exists()


async def test_the_zip_holds_the_data(client, cast: Cast):
    await login(client, cast.member.phone, PASSWORD)
    answer = await client.get("/account/data.zip")
    assert answer.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(answer.content))
    data = json.loads(archive.read("data.json"))
    assert data["member"]["real_name"] == "党员"


async def test_anonymous_visitors_are_sent_to_log_in(client, cast: Cast):
    for path in ("/account/data", "/account/data.json", "/account/data.zip"):
        answer = await client.get(path)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/login")


async def test_a_deletion_request_marks_every_problem_at_once(client, cast: Cast):
    await login(client, cast.resident.phone, PASSWORD)
    refused = await _post(client, "/account/delete", {"password": "wrong", "reason": ""})
    assert refused.status_code == 422
    assert refused.text.count('class="field-error"') == 2
    part = await _post(
        client,
        "/account/delete",
        {"password": "wrong", "reason": "搬走了"},
        headers={"HX-Request": "true"},
    )
    assert part.status_code == 422 and part.text.lstrip().startswith('<div id="deletion">')
    assert 'value="搬走了"' in part.text and "wrong" not in part.text
    assert await data_rights.pending_deletion(cast.resident) is None


async def test_deletion_is_asked_shown_and_called_off(client, cast: Cast):
    await login(client, cast.resident.phone, PASSWORD)
    asked = await _post(client, "/account/delete", {"password": PASSWORD, "reason": "搬走了"})
    assert asked.status_code == 303 and asked.headers["location"] == "/account/data?done=requested"
    page = await client.get(asked.headers["location"])
    assert "/account/delete/cancel" in page.text and 'id="delete-form"' not in page.text
    assert (await client.get("/account")).status_code == 200  # still usable meanwhile
    kept = await _post(client, "/account/delete/cancel", {})
    assert kept.status_code == 303
    job = await ScheduledJob.get(function=data_rights.JOB)
    assert job.status == ScheduledStatus.CANCELLED
    page = await client.get(kept.headers["location"])
    assert 'id="delete-form"' in page.text


async def test_a_staff_member_is_told_to_give_up_their_role_first(client, cast: Cast):
    await login(client, cast.staff_a.phone, PASSWORD)
    refused = await _post(client, "/account/delete", {"password": PASSWORD, "reason": "离职"})
    assert refused.status_code == 422 and 'role="alert"' in refused.text
    assert await data_rights.pending_deletion(cast.staff_a) is None


async def test_after_anonymisation_the_old_session_no_longer_works(client, cast: Cast, settings):
    await login(client, cast.resident.phone, PASSWORD)
    resident = await User.get(id=cast.resident.id)
    await data_rights.anonymise(resident, None, CLI, settings)
    answer = await client.get("/account/data")
    assert answer.status_code in (303, 401)
    assert cast.resident.phone not in answer.text
