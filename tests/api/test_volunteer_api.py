"""The volunteer API: tasks for me with their reasons, claim, record the work, my hours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from server.domain import claim_completion, claims, hours
from server.domain.audit import Origin
from server.models.accounts import User
from server.models.members import Claim, ClaimStatus, HoursEntry, Member, MemberStatus, Task
from server.models.needs import Photo, PhotoStage
from tests.api.test_needs_api import _token
from tests.cast import Cast
from tests.domain.match_fixtures import World, job, make_world, person, pledge
from tests.domain.photo_fixtures import phone_jpeg

STAFF = Origin(ip="10.0.0.3")
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
async def world(cast: Cast) -> World:
    return await make_world(cast)


def _at(delta: timedelta, now: datetime | None = None) -> str:
    """A time this far from now, in ISO 8601 with the Shanghai offset."""
    return ((now or datetime.now(UTC)) + delta).astimezone(SHANGHAI).isoformat()


async def _user(member: Member) -> User:
    return await User.get(id=member.user_id)  # type: ignore[attr-defined]


async def _claimed(client, world: World, user: User | None = None, **task: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    made = await job(world, world.cast.grid_a, **task)
    auth = await _token(client, user or world.cast.member)
    response = await client.post(f"/api/v1/tasks/{made.code}/claim", headers=auth)
    assert response.status_code == 201, response.text
    return response.json()


def _work(**changes: str) -> dict[str, str]:
    """Ninety minutes of work that ended half an hour ago."""
    now = datetime.now(UTC)
    return {
        "note": "陪老人去配了眼镜",
        "started_at": _at(-timedelta(hours=2), now),
        "ended_at": _at(-timedelta(minutes=30), now),
        **changes,
    }


# Tasks for me -----------------------------------------------------------------------------------


async def test_tasks_for_me_give_their_reasons_in_chinese_and_in_english_on_request(
    client, world: World
):
    tutoring = world.skills["tutoring"]
    await pledge(await Member.get(user_id=world.cast.member.id), tutoring)
    starts = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    ends = starts + timedelta(hours=2)
    task = await job(
        world,
        world.cast.grid_a,
        tutoring,
        title="周六作业辅导",
        capacity=2,
        starts_at=starts,
        ends_at=ends,
    )
    auth = await _token(client, world.cast.member)
    response = await client.get("/api/v1/tasks/for-me", headers=auth)
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["task"] == {
        **item["task"],
        "code": task.code,
        "title": "周六作业辅导",
        "place": world.cast.grid_a.code,
        "place_name": "甲社区第一网格",
        "centre": world.cast.centre_a.code,
        "starts_at": starts.astimezone(SHANGHAI).isoformat(),
        "places_left": 2,
        "skills": [{"code": "tutoring", "name": "tutoring", "name_en": ""}],
    }
    assert item["task"]["starts_at"].endswith("+08:00")
    parts = {p["name"]: p for p in item["score"]["parts"]}
    assert parts["skill"]["params"] == {"matched": 1, "asked": 1, "skills": ["tutoring"]}
    assert (parts["skill"]["points"], parts["place"]["points"]) == (40, 30)
    assert parts["place"]["reason"] == "住在同一网格"
    assert parts["skill"]["reason"] == "所需技能已承诺：1/1 项"
    assert item["score"]["total"] == sum(p["points"] for p in item["score"]["parts"])
    english = await client.get("/api/v1/tasks/for-me", headers={**auth, "Accept-Language": "en"})
    reasons = {p["name"]: p["reason"] for p in english.json()["items"][0]["score"]["parts"]}
    assert reasons["place"] == "Lives in the same grid"
    assert reasons["skill"] == "Pledged skills asked: 1 of 1"


async def test_tasks_for_me_take_a_limit_and_refuse_a_bad_one(client, world: World):
    for title in ("帮忙搬东西", "陪老人散步"):
        await job(world, world.cast.grid_a, title=title)
    auth = await _token(client, world.cast.member)
    both = await client.get("/api/v1/tasks/for-me", headers=auth)
    one = await client.get("/api/v1/tasks/for-me", params={"limit": "1"}, headers=auth)
    assert len(both.json()["items"]) == 2 and len(one.json()["items"]) == 1
    for bad in ("0", "51", "ten"):
        refused = await client.get("/api/v1/tasks/for-me", params={"limit": bad}, headers=auth)
        assert refused.status_code == 422 and set(refused.json()["fields"]) == {"limit"}


# Claiming -------------------------------------------------------------------------------------


async def test_a_member_claims_a_task_and_the_next_one_finds_it_full(client, world: World):
    task = await job(world, world.cast.grid_a, capacity=1)
    auth = await _token(client, world.cast.member)
    response = await client.post(f"/api/v1/tasks/{task.code}/claim", headers=auth)
    assert response.status_code == 201
    body = response.json()
    stored = await Claim.get(code=body["code"])
    assert (body["status"], body["task"], body["photos"]) == ("claimed", task.code, [])
    assert body["due_at"] == stored.due_at.astimezone(SHANGHAI).isoformat()
    assert body["due_at"].endswith("+08:00")
    other = await _token(client, await _user(await person(world.cast.grid_a)))
    full = await client.post(f"/api/v1/tasks/{task.code}/claim", headers=other)
    assert full.status_code == 409 and full.json()["error"] == "task_full"
    again = await client.post(f"/api/v1/tasks/{task.code}/claim", headers=auth)
    assert again.status_code == 409
    assert (await Task.get(id=task.id)).taken == 1 and await Claim.all().count() == 1
    missing = await client.post("/api/v1/tasks/NOSUCHCD/claim", headers=auth)
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"


async def test_a_member_cannot_claim_the_same_task_twice(client, world: World):
    task = await job(world, world.cast.grid_a, capacity=3)
    auth = await _token(client, world.cast.member)
    assert (await client.post(f"/api/v1/tasks/{task.code}/claim", headers=auth)).status_code == 201
    twice = await client.post(f"/api/v1/tasks/{task.code}/claim", headers=auth)
    assert twice.status_code == 409 and twice.json()["error"] == "conflict"
    assert (await Task.get(id=task.id)).taken == 1


async def test_only_current_members_get_tasks_claim_or_have_hours(client, world: World):
    task = await job(world, world.cast.grid_a)
    resident = await _token(client, world.cast.resident)
    for response in (
        await client.get("/api/v1/tasks/for-me", headers=resident),
        await client.post(f"/api/v1/tasks/{task.code}/claim", headers=resident),
        await client.get("/api/v1/me/hours", headers=resident),
    ):
        assert response.status_code == 403 and response.json()["error"] == "forbidden"
    await Member.filter(user_id=world.cast.member.id).update(status=MemberStatus.LAPSED)
    lapsed = await _token(client, world.cast.member)
    refused = await client.get("/api/v1/tasks/for-me", headers={**lapsed, "Accept-Language": "en"})
    assert refused.status_code == 403 and "re-confirm" in refused.json()["message"]
    claimed = await client.post(f"/api/v1/tasks/{task.code}/claim", headers=lapsed)
    assert claimed.status_code == 403
    mine = await client.get("/api/v1/me/hours", headers=lapsed)  # the record stays theirs
    assert mine.json() == {"total": "0.00", "entries": []}
    assert not await Claim.exists()


# Recording the work -----------------------------------------------------------------------------


async def test_the_member_records_the_work_with_a_phone_photo(client, world: World):
    code = (await _claimed(client, world))["code"]
    auth = await _token(client, world.cast.member)
    files = [("photos", ("done.jpg", phone_jpeg(), "image/jpeg"))]
    response = await client.post(
        f"/api/v1/claims/{code}/complete", data=_work(), files=files, headers=auth
    )
    assert response.status_code == 200, response.text
    body = response.json()
    stored = await Claim.get(code=code)
    assert (body["status"], stored.status) == ("completed", ClaimStatus.COMPLETED)
    assert body["completion_note"] == stored.completion_note == "陪老人去配了眼镜"
    assert body["work_ended_at"].endswith("+08:00")
    assert stored.work_ended_at - stored.work_started_at == timedelta(minutes=90)  # type: ignore[operator]
    [photo] = await Photo.filter(claim_id=stored.id)
    assert photo.stage == PhotoStage.EVIDENCE
    assert body["photos"] == [{"id": photo.public_id, "width": 20, "height": 40}]  # upright


async def test_bad_times_are_refused_by_field_and_the_claim_is_untouched(client, world: World):
    code = (await _claimed(client, world))["code"]
    auth = await _token(client, world.cast.member)
    url = f"/api/v1/claims/{code}/complete"
    cases = [
        (_work(started_at="yesterday", ended_at="2026-11-21T10:00:00"), {"started_at", "ended_at"}),
        (_work(ended_at=_at(-timedelta(hours=3))), {"ended_at"}),  # before the start
        (_work(ended_at=_at(timedelta(hours=1))), {"ended_at"}),  # in the future
        (_work(note=" ", started_at=""), {"note", "started_at"}),
    ]
    for sent, fields in cases:
        response = await client.post(url, json=sent, headers=auth)
        assert response.status_code == 422, sent
        assert set(response.json()["fields"]) == fields
    as_form = await client.post(url, data=_work(started_at="9点"), headers=auth)
    assert as_form.status_code == 422 and set(as_form.json()["fields"]) == {"started_at"}
    in_json = await client.post(url, json={**_work(), "photos": ["aGVsbG8="]}, headers=auth)
    assert in_json.status_code == 422 and set(in_json.json()["fields"]) == {"photos"}
    assert (await Claim.get(code=code)).status == ClaimStatus.CLAIMED


async def test_someone_elses_claim_is_not_found_like_a_code_that_does_not_exist(
    client, world: World
):
    other = await _user(await person(world.cast.grid_a))
    code = (await _claimed(client, world, other))["code"]
    auth = await _token(client, world.cast.member)
    hidden = await client.post(f"/api/v1/claims/{code}/complete", json=_work(), headers=auth)
    missing = await client.post("/api/v1/claims/NOSUCHCD/complete", json=_work(), headers=auth)
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()
    assert (await Claim.get(code=code)).status == ClaimStatus.CLAIMED


async def test_a_recorded_claim_cannot_be_recorded_again(client, world: World):
    code = (await _claimed(client, world))["code"]
    auth = await _token(client, world.cast.member)
    url = f"/api/v1/claims/{code}/complete"
    assert (await client.post(url, json=_work(), headers=auth)).status_code == 200
    again = await client.post(url, json=_work(note="又做了一次"), headers=auth)
    assert again.status_code == 409
    assert (await Claim.get(code=code)).completion_note == "陪老人去配了眼镜"


# My hours ---------------------------------------------------------------------------------------


async def test_my_hours_add_up_after_a_verify_and_a_correction(client, world: World, settings):
    code = (await _claimed(client, world, title="周六作业辅导"))["code"]
    auth = await _token(client, world.cast.member)
    done = await client.post(f"/api/v1/claims/{code}/complete", json=_work(), headers=auth)
    assert done.status_code == 200
    claim = await claims.claim_by_code(code)
    await claim_completion.verify(world.cast.staff_a, claim, None, settings, STAFF)
    credit = await HoursEntry.get(claim_id=claim.id)
    fix = await hours.correct(world.cast.staff_a, credit, "1", "实际服务一小时", STAFF)
    response = await client.get("/api/v1/me/hours", headers=auth)
    assert response.status_code == 200
    body = response.json()
    assert [(e["id"], e["kind"], e["hours"], e["corrects"]) for e in body["entries"]] == [
        (credit.id, "credit", "1.50", None),
        (fix.id, "correction", "-0.50", credit.id),
    ]
    assert {e["effective"] for e in body["entries"]} == {"1.00"}
    assert body["entries"][0] == {
        **body["entries"][0],
        "date": credit.service_date.isoformat(),
        "description": "周六作业辅导",
        "claim": code,
        "verification": "staff",
        "verified_by": "staff",
    }
    assert body["entries"][1]["description"] == "实际服务一小时"
    member = await Member.get(user_id=world.cast.member.id)
    listed = sum(Decimal(e["hours"]) for e in body["entries"])
    assert Decimal(body["total"]) == listed == await hours.total(member) == Decimal(1)
    others = await _token(client, await _user(await person(world.cast.grid_a)))
    assert (await client.get("/api/v1/me/hours", headers=others)).json()["entries"] == []


# Tokens and the document ------------------------------------------------------------------------


async def test_the_volunteer_api_wants_a_token(client, world: World):
    for method, path in [
        ("GET", "/api/v1/tasks/for-me"),
        ("POST", "/api/v1/tasks/NOSUCHCD/claim"),
        ("POST", "/api/v1/claims/NOSUCHCD/complete"),
        ("GET", "/api/v1/me/hours"),
    ]:
        response = await client.request(method, path)
        assert response.status_code == 401, path
        assert response.headers["www-authenticate"] == "Bearer"


async def test_the_openapi_document_describes_every_volunteer_path(app, client):
    document = (await client.get("/api/v1/openapi.json")).json()
    api_paths = {r.path for r in app.routes if getattr(r, "path", "").startswith("/api/")}
    assert api_paths - {"/api/v1/openapi.json"} == set(document["paths"])
    complete = document["paths"]["/api/v1/claims/{code}/complete"]["post"]
    form = complete["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert form["properties"]["photos"]["maxItems"] == 6
    assert form["properties"]["photos"]["items"]["format"] == "binary"
    assert "application/json" in complete["requestBody"]["content"]
    assert {"200", "400", "401", "404", "409", "413", "422"} <= set(complete["responses"])
    claim = document["paths"]["/api/v1/tasks/{code}/claim"]["post"]
    assert {"201", "401", "403", "404", "409"} <= set(claim["responses"])
    schemas = document["components"]["schemas"]
    assert {"Task", "TaskForMe", "ScorePart", "Claim", "HoursEntry", "HoursRecord"} <= set(schemas)
