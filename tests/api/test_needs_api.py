"""The needs API: post with photos, read as each kind of user, confirm, reopen, rate, list."""

from __future__ import annotations

from typing import Any

from server.domain import needs
from server.domain.audit import Origin
from server.models.accounts import User
from server.models.audit import AuditEntry
from server.models.needs import Need, NeedCategory, NeedStatus, Photo
from tests.cast import PASSWORD, Cast
from tests.domain.photo_fixtures import files_under, phone_jpeg, plain_jpeg

STAFF = Origin(ip="10.0.0.3")


async def _token(client, user: User) -> dict[str, str]:  # type: ignore[no-untyped-def]
    response = await client.post(
        "/api/v1/auth/token", json={"phone": user.phone, "password": PASSWORD}
    )
    return {"Authorization": f"Bearer {response.json()['token']}"}


async def _category(cast: Cast) -> NeedCategory:
    return await NeedCategory.create(
        centre=cast.centre_a, name="公共设施", response_hours=24, resolution_hours=72
    )


def _fields(cast: Cast, category: NeedCategory, **extra: Any) -> dict[str, Any]:
    return {
        "centre": cast.centre_a.code,
        "category": category.code,
        "title": "3号楼楼道灯坏了",
        "description": "晚上看不见台阶",
        "place": cast.grid_a.code,
        "address": "甲路1号3号楼2单元",
        **extra,
    }


async def _post(client, cast: Cast, user: User | None = None, **extra: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    category = await NeedCategory.filter(centre=cast.centre_a).first() or await _category(cast)
    auth = await _token(client, user or cast.resident)
    response = await client.post(
        "/api/v1/needs", json=_fields(cast, category, **extra), headers=auth
    )
    assert response.status_code == 201, response.text
    return response.json()


async def _resolved(cast: Cast, settings, code: str) -> None:  # type: ignore[no-untyped-def]
    """Move a need on to "resolved" the way the centre does."""
    need = await needs.need_by_code(code)
    if need.status == NeedStatus.SUBMITTED:
        need = await needs.act(cast.staff_a, need, "accept", settings, STAFF)
    need = await needs.act(cast.staff_a, need, "assign", settings, STAFF, department="物业")
    await needs.act(cast.staff_a, need, "resolve", settings, STAFF, note="灯已换新")


# Posting ----------------------------------------------------------------------------------------


async def test_a_resident_posts_a_need_as_json_and_reads_it_back(client, cast: Cast):
    category = await _category(cast)
    auth = await _token(client, cast.resident)
    response = await client.post("/api/v1/needs", json=_fields(cast, category), headers=auth)
    assert response.status_code == 201
    body = response.json()
    assert response.headers["location"] == f"http://testserver/api/v1/needs/{body['code']}"
    assert (body["status"], body["category"], body["place"]) == (
        "submitted",
        category.code,
        cast.grid_a.code,
    )
    assert body["contact_phone"] == cast.resident.phone and body["address"] == "甲路1号3号楼2单元"
    assert body["deadlines"]["response_due"] == body["deadlines"]["due"]
    assert body["deadlines"]["response_due"].endswith("+08:00")
    assert [(e["action"], e["to"], e["actor"]) for e in body["events"]] == [
        ("submit", "submitted", "requester")
    ]
    assert body["photos"] == [] and body["rating"] is None
    again = await client.get(response.headers["location"], headers=auth)
    assert again.json() == body
    assert not await AuditEntry.filter(action="need.view_private").exists()  # one's own need


async def test_a_need_posted_as_multipart_keeps_its_photos(client, cast: Cast):
    category = await _category(cast)
    auth = await _token(client, cast.resident)
    files = [("photos", ("a.jpg", phone_jpeg(), "image/jpeg")), ("photos", ("b.jpg", plain_jpeg()))]
    response = await client.post(
        "/api/v1/needs", data=_fields(cast, category), files=files, headers=auth
    )
    assert response.status_code == 201, response.text
    body = response.json()
    stored = await Photo.filter(need__code=body["code"]).order_by("id")
    assert [p["id"] for p in body["photos"]] == [p.public_id for p in stored] and len(stored) == 2
    first = body["photos"][0]
    assert first["url"] == f"http://testserver/needs/{body['code']}/photos/{stored[0].public_id}"
    assert first["thumb_url"] is None  # until the job has made it
    assert (first["stage"], first["width"], first["height"]) == ("request", 20, 40)  # upright
    path = first["url"].removeprefix("http://testserver")
    photo = await client.get(path, headers=auth)  # the same address takes the bearer token
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/jpeg"
    other = await _token(client, cast.member)
    assert (await client.get(path, headers=other)).status_code == 404


async def test_a_bad_photo_is_refused_and_nothing_is_stored(client, cast: Cast, settings):
    category = await _category(cast)
    auth = await _token(client, cast.resident)
    before = files_under(settings.media_dir)
    files = [("photos", ("a.jpg", plain_jpeg())), ("photos", ("b.jpg", b"not a photo at all"))]
    response = await client.post(
        "/api/v1/needs", data=_fields(cast, category), files=files, headers=auth
    )
    assert response.status_code == 422
    assert response.json()["error"] == "invalid" and "photos" in response.json()["fields"]
    assert not await Need.exists() and not await Photo.exists()
    assert files_under(settings.media_dir) == before
    seven = [("photos", (f"{i}.jpg", plain_jpeg())) for i in range(7)]
    response = await client.post(
        "/api/v1/needs", data=_fields(cast, category), files=seven, headers=auth
    )
    assert response.status_code == 422 and "photos" in response.json()["fields"]
    assert not await Need.exists() and files_under(settings.media_dir) == before


async def test_bad_fields_are_all_listed_in_the_callers_language(client, cast: Cast):
    category = await _category(cast)
    auth = await _token(client, cast.resident)
    bad = {**_fields(cast, category, title=" ", urgency="panic"), "category": "NOPE"}
    response = await client.post(
        "/api/v1/needs", json=bad, headers={**auth, "Accept-Language": "en"}
    )
    assert response.status_code == 422
    body = response.json()
    assert {"title", "category", "urgency"} <= set(body["fields"])
    assert body["message"] == "Please correct the marked fields."
    chinese = await client.post("/api/v1/needs", json=bad, headers=auth)
    assert chinese.json()["message"] != body["message"]
    assert not await Need.exists()


async def test_photos_in_json_and_an_unknown_centre_are_refused(client, cast: Cast):
    category = await _category(cast)
    auth = await _token(client, cast.resident)
    with_photos = _fields(cast, category, photos=["aGVsbG8="])
    response = await client.post("/api/v1/needs", json=with_photos, headers=auth)
    assert response.status_code == 422 and "photos" in response.json()["fields"]
    nowhere = _fields(cast, category, centre="NOWHERE")
    assert (await client.post("/api/v1/needs", json=nowhere, headers=auth)).status_code == 404
    assert not await Need.exists()


async def test_staff_post_on_behalf_and_a_resident_may_not(client, cast: Cast):
    behalf = {"on_behalf": True, "contact_name": "王奶奶", "contact_phone": "13911112222"}
    body = await _post(client, cast, cast.staff_a, **behalf)
    assert (body["contact_name"], body["contact_phone"]) == ("王奶奶", "13911112222")
    assert body["events"][0]["actor"] == "poster"
    mine = (await client.get("/api/v1/needs", headers=await _token(client, cast.staff_a))).json()
    assert [n["code"] for n in mine["items"]] == [body["code"]]
    refused = await client.post(
        "/api/v1/needs",
        json=_fields(cast, await NeedCategory.get(centre=cast.centre_a), **behalf),
        headers=await _token(client, cast.resident),
    )
    assert refused.status_code == 403 and refused.json()["error"] == "forbidden"


async def test_needs_want_a_token(client, cast: Cast):
    body = await _post(client, cast)
    response = await client.post("/api/v1/needs", json={"title": "x"})
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert (await client.get("/api/v1/needs")).status_code == 401
    assert (await client.get(f"/api/v1/needs/{body['code']}")).status_code == 401
    assert (await client.post(f"/api/v1/needs/{body['code']}/confirm")).status_code == 401


# Reading ----------------------------------------------------------------------------------------


async def test_another_resident_gets_404_as_for_a_code_that_does_not_exist(client, cast: Cast):
    body = await _post(client, cast)
    other = await _token(client, cast.member)
    hidden = await client.get(f"/api/v1/needs/{body['code']}", headers=other)
    missing = await client.get("/api/v1/needs/NOSUCHCD", headers=other)
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()
    confirm = await client.post(f"/api/v1/needs/{body['code']}/confirm", headers=other)
    assert confirm.status_code == 404
    staff_b = await _token(client, cast.staff_b)
    assert (await client.get(f"/api/v1/needs/{body['code']}", headers=staff_b)).status_code == 404


async def test_staff_of_the_centre_see_the_contact_and_the_view_is_audited(client, cast: Cast):
    body = await _post(client, cast)
    response = await client.get(
        f"/api/v1/needs/{body['code']}", headers=await _token(client, cast.staff_a)
    )
    assert response.status_code == 200
    seen = response.json()
    assert (seen["contact_phone"], seen["address"]) == (cast.resident.phone, "甲路1号3号楼2单元")
    assert [e["actor"] for e in seen["events"]] == ["requester"]
    audit = await AuditEntry.get(action="need.view_private")
    assert audit.actor_id == cast.staff_a.id  # type: ignore[attr-defined]
    assert (audit.object_id, audit.ip) == (body["code"], "10.1.2.3")


async def test_others_see_a_public_need_without_contact_history_or_private_photos(
    client, cast: Cast, settings
):
    category = await _category(cast)
    files = [("photos", ("a.jpg", plain_jpeg()))]
    posted = await client.post(
        "/api/v1/needs",
        data=_fields(cast, category),
        files=files,
        headers=await _token(client, cast.resident),
    )
    code = posted.json()["code"]
    await needs.act(cast.staff_a, await needs.need_by_code(code), "accept", settings, STAFF)
    for user in (cast.member, cast.staff_b):
        seen = (
            await client.get(f"/api/v1/needs/{code}", headers=await _token(client, user))
        ).json()
        assert seen["status"] == "accepted" and seen["title"] == "3号楼楼道灯坏了"
        assert not {"contact_phone", "contact_name", "address"} & set(seen)
        assert seen["events"] == [] and seen["photos"] == []  # the photo is not approved
    admin = await _token(client, cast.street_admin)  # supervises, but no private fields
    seen = (await client.get(f"/api/v1/needs/{code}", headers=admin)).json()
    assert "contact_phone" not in seen and len(seen["photos"]) == 1
    assert [e["actor"] for e in seen["events"]] == ["requester", "staff"]
    assert not await AuditEntry.filter(action="need.view_private").exists()


# Confirm, reopen, rate --------------------------------------------------------------------------


async def test_the_requester_reopens_then_confirms_and_rates_once(client, cast: Cast, settings):
    code = (await _post(client, cast))["code"]
    auth = await _token(client, cast.resident)
    url = f"/api/v1/needs/{code}"
    early = await client.post(f"{url}/confirm", headers=auth)
    assert early.status_code == 409 and early.json()["error"] == "conflict"
    await _resolved(cast, settings, code)
    staff = await client.post(f"{url}/confirm", headers=await _token(client, cast.staff_a))
    assert staff.status_code == 403
    no_note = await client.post(f"{url}/reopen", json={"note": " "}, headers=auth)
    assert no_note.status_code == 422 and "note" in no_note.json()["fields"]
    reopened = await client.post(f"{url}/reopen", json={"note": "灯还是不亮"}, headers=auth)
    assert reopened.status_code == 200 and reopened.json()["status"] == "reopened"
    assert reopened.json()["events"][-1] == {
        **reopened.json()["events"][-1],
        "action": "reopen",
        "from": "resolved",
        "to": "reopened",
        "note": "灯还是不亮",
        "actor": "requester",
    }
    assert (await client.post(f"{url}/confirm", headers=auth)).status_code == 409
    await _resolved(cast, settings, code)
    confirmed = await client.post(f"{url}/confirm", headers=auth)
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "confirmed"
    unknown = await client.post(f"{url}/rate", json={"rating": "meh"}, headers=auth)
    assert unknown.status_code == 422 and "rating" in unknown.json()["fields"]
    rated = await client.post(
        f"{url}/rate", json={"rating": "satisfied", "comment": "谢谢"}, headers=auth
    )
    assert rated.status_code == 200
    assert (rated.json()["rating"]["value"], rated.json()["rating"]["comment"]) == (
        "satisfied",
        "谢谢",
    )
    twice = await client.post(f"{url}/rate", json={"rating": "dissatisfied"}, headers=auth)
    assert twice.status_code == 409
    assert (await Need.get(code=code)).rating == "satisfied"


async def test_a_need_is_rated_only_after_it_is_confirmed(client, cast: Cast, settings):
    code = (await _post(client, cast))["code"]
    await _resolved(cast, settings, code)
    auth = await _token(client, cast.resident)
    response = await client.post(
        f"/api/v1/needs/{code}/rate", json={"rating": "satisfied"}, headers=auth
    )
    assert response.status_code == 409
    assert (await Need.get(code=code)).rating is None


# Listing ----------------------------------------------------------------------------------------


async def test_the_list_shows_only_mine_newest_first_a_page_at_a_time(
    client, cast: Cast, monkeypatch
):
    monkeypatch.setattr("server.api.needs.PAGE", 2)
    codes = [(await _post(client, cast, title=f"第{i}件"))["code"] for i in range(3)]
    await _post(client, cast, cast.member)
    auth = await _token(client, cast.resident)
    first = (await client.get("/api/v1/needs", headers=auth)).json()
    assert [n["code"] for n in first["items"]] == codes[:0:-1] and first["next"] == codes[1]
    assert first["items"][0]["title"] == "第2件" and "contact_phone" not in first["items"][0]
    second = await client.get("/api/v1/needs", params={"cursor": first["next"]}, headers=auth)
    assert second.json() == {"items": [second.json()["items"][0]], "next": None}
    assert second.json()["items"][0]["code"] == codes[0]
    bad = await client.get("/api/v1/needs", params={"cursor": "NOSUCHCD"}, headers=auth)
    assert bad.status_code == 422 and "cursor" in bad.json()["fields"]


async def test_the_openapi_document_describes_posting_with_photos(client):
    document = (await client.get("/api/v1/openapi.json")).json()
    post = document["paths"]["/api/v1/needs"]["post"]
    photos = post["requestBody"]["content"]["multipart/form-data"]["schema"]["properties"]["photos"]
    assert photos["type"] == "array" and photos["items"]["format"] == "binary"
    assert {"201", "400", "401", "403", "404", "413", "422", "429"} <= set(post["responses"])
    assert "Location" in post["responses"]["201"]["headers"]
    assert "Need" in document["components"]["schemas"]


async def test_a_malformed_multipart_body_gets_a_json_400(client, cast: Cast):
    auth = await _token(client, cast.resident)
    response = await client.post(
        "/api/v1/needs",
        content=b"--xyz\r\nnot a part header\r\n\r\nhello\r\n--xyz--\r\n",
        headers={**auth, "Content-Type": "multipart/form-data; boundary=xyz"},
    )
    assert response.status_code == 400 and response.json()["error"] == "error"
    assert not await Need.exists()
