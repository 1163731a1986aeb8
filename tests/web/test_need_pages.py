"""Needs in the browser without JavaScript: posting with photos, the need page for each kind of
visitor, photos served only to those allowed, confirm/reopen/rate, the staff board, bulk actions
shown before they run, and one need's next steps."""

from __future__ import annotations

import re

import httpx

from server.domain import needs, photos
from server.domain.audit import CLI
from server.models.audit import AuditEntry
from server.models.needs import Need, NeedCategory, NeedEvent, NeedKind, NeedStatus, Photo
from server.settings import Settings
from tests.cast import PASSWORD, Cast
from tests.conftest import csrf_token, login
from tests.domain.photo_fixtures import files_under, phone_jpeg

S = NeedStatus


async def _category(cast: Cast, kind: NeedKind = NeedKind.NEED) -> NeedCategory:
    return await NeedCategory.create(
        centre=cast.centre_a,
        kind=kind,
        name="公共设施" if kind == NeedKind.NEED else "微心愿",
        response_hours=24,
        resolution_hours=72,
    )


async def _as(client: httpx.AsyncClient, phone: str) -> None:
    client.cookies.clear()
    await login(client, phone, PASSWORD)


async def _post_need(
    client: httpx.AsyncClient, cast: Cast, *, files: list[tuple[str, bytes]] | None = None, **form
):  # type: ignore[no-untyped-def]
    category = await NeedCategory.filter(centre=cast.centre_a).first() or await _category(cast)
    token = await csrf_token(client, f"/centres/{cast.centre_a.code}/needs/new")
    data = {
        "csrf_token": token,
        "kind": "need",
        "category": category.code,
        "title": "3号楼楼道灯坏了",
        "description": "晚上看不见台阶",
        "place": cast.grid_a.code,
        "address": "甲路1号3号楼2单元",
        "urgency": "normal",
        **form,
    }
    upload = [("photos", (name, body, "image/jpeg")) for name, body in (files or [])]
    return await client.post(
        f"/centres/{cast.centre_a.code}/needs/new", data=data, files=upload or None
    )


def _media(settings: Settings) -> list[str]:
    root = settings.media_dir / "photos"
    return files_under(root) if root.exists() else []


async def _move(need: Need, cast: Cast, settings: Settings, *actions: str) -> Need:
    for action in actions:
        extra: dict = {"department": "物业"} if action == "assign" else {}
        note = "已更换灯泡" if action == "resolve" else ""
        need = await needs.act(cast.staff_a, need, action, settings, CLI, note=note, **extra)
    return await needs.need_by_code(need.code)


# Posting --------------------------------------------------------------------------------------


async def test_a_resident_posts_a_need_with_a_photo_and_follows_it(client, cast: Cast, settings):
    await _as(client, cast.resident.phone)
    form = await client.get(f"/centres/{cast.centre_a.code}/needs/new")
    assert form.status_code == 200 and 'enctype="multipart/form-data"' in form.text
    response = await _post_need(client, cast, files=[("light.jpg", phone_jpeg())])
    assert response.status_code == 303
    need = await Need.get(title="3号楼楼道灯坏了")
    assert response.headers["location"] == f"/needs/{need.code}?done=new"
    assert await Photo.filter(need_id=need.id).count() == 1
    page = await client.get(response.headers["location"])
    assert page.status_code == 200 and "已发送给服务中心" in page.text
    assert "甲路1号3号楼2单元" in page.text  # the requester sees their own address
    assert "服务中心承诺在" in page.text  # the promised reply time
    mine = await client.get("/needs")
    assert need.code in mine.text and "3号楼楼道灯坏了" in mine.text


async def test_a_form_with_problems_says_each_one_and_keeps_nothing(client, cast: Cast, settings):
    await _category(cast)
    await _as(client, cast.resident.phone)
    before = _media(settings)
    response = await _post_need(
        client, cast, title="", category="NOPE", files=[("x.jpg", b"this is not a photo")]
    )
    assert response.status_code == 422
    assert "请用几句话说明需要什么" in response.text and "请选择需求类别" in response.text
    assert 'aria-invalid="true"' in response.text and "请重新选择照片" in response.text
    assert "晚上看不见台阶" in response.text  # what was typed is kept
    assert not await Need.exists() and _media(settings) == before


async def test_a_photo_that_is_not_one_is_refused_and_leaves_nothing(client, cast, settings):
    await _as(client, cast.resident.phone)
    before = _media(settings)
    response = await _post_need(client, cast, files=[("renamed.jpg", b"MZ\x90\x00" * 100)])
    assert response.status_code == 422 and "JPEG" in response.text
    assert not await Need.exists() and not await Photo.exists() and _media(settings) == before


async def test_the_photo_route_takes_larger_bodies_than_other_forms(client, cast, settings):
    await _as(client, cast.resident.phone)
    big = b"\xff\xd8" + b"0" * (2 * 1024 * 1024)  # 2 MiB: over the form limit, within photos'
    response = await _post_need(client, cast, files=[("big.jpg", big)])
    assert response.status_code == 422  # read and refused as a photo, not as a body
    token = await csrf_token(client, "/account")
    other = await client.post("/account", data={"csrf_token": token, "name": "x" * (2 << 20)})
    assert other.status_code == 413


# Who sees what ---------------------------------------------------------------------------------


async def test_each_visitor_sees_only_what_they_may(client, cast: Cast, settings):
    await _as(client, cast.resident.phone)
    await _post_need(client, cast, files=[("light.jpg", phone_jpeg())])
    need = await Need.get()
    photo = await Photo.get(need_id=need.id)
    await photos.make_thumbnail(photo.id, settings)
    page = f"/needs/{need.code}"
    original = f"/needs/{need.code}/photos/{photo.public_id}"
    assert (await client.get(original)).status_code == 200  # the requester's own photo

    client.cookies.clear()  # anonymous: a submitted need is not public
    assert (await client.get(page)).status_code == 404
    await _as(client, cast.member.phone)  # another resident
    assert (await client.get(page)).status_code == 404
    assert (await client.get(original)).status_code == 404

    need = await _move(need, cast, settings, "accept")  # public now, but without personal data
    shown = await client.get(page)
    assert shown.status_code == 200 and "3号楼楼道灯坏了" in shown.text
    assert "甲路1号3号楼2单元" not in shown.text and cast.resident.phone not in shown.text
    assert (await client.get(f"{original}/thumb")).status_code == 404  # not approved yet
    listing = await client.get(f"/centres/{cast.centre_a.code}/needs")
    assert "3号楼楼道灯坏了" in listing.text and cast.resident.phone not in listing.text
    assert photo.public_id not in listing.text

    await _as(client, cast.staff_b.phone)  # staff of another centre: neither the board nor data
    assert (await client.get(f"/staff/{cast.centre_a.code}/needs")).status_code == 403
    assert (await client.get(f"/staff/{cast.centre_a.code}/needs/{need.code}")).status_code == 403
    assert cast.resident.phone not in (await client.get(page)).text

    await _as(client, cast.staff_a.phone)  # staff of the centre: everything, and it is recorded
    staff_page = await client.get(f"/staff/{cast.centre_a.code}/needs/{need.code}")
    assert staff_page.status_code == 200 and cast.resident.phone in staff_page.text
    assert "甲路1号3号楼2单元" in staff_page.text
    views = await AuditEntry.filter(action="need.view_private", object_id=need.code)
    assert [v.actor_id for v in views] == [cast.staff_a.id]  # type: ignore[attr-defined]
    token = await csrf_token(client, f"/staff/{cast.centre_a.code}/needs/{need.code}")
    shown_publicly = await client.post(
        f"/staff/{cast.centre_a.code}/needs/{need.code}/photos/{photo.public_id}",
        data={"csrf_token": token, "approved": "1"},
    )
    assert shown_publicly.status_code == 303

    await _as(client, cast.street_admin.phone)  # supervises, but sees no private contact
    admin_page = await client.get(f"/staff/{cast.centre_a.code}/needs/{need.code}")
    assert admin_page.status_code == 200 and cast.resident.phone not in admin_page.text

    client.cookies.clear()  # the approved photo's thumbnail is public; the original never
    thumb = await client.get(f"{original}/thumb")
    assert thumb.status_code == 200 and thumb.headers["content-type"] == "image/jpeg"
    assert (await client.get(original)).status_code == 404
    assert photo.public_id in (await client.get(f"/centres/{cast.centre_a.code}/needs")).text


# The resident's part -------------------------------------------------------------------------


async def test_the_resident_reopens_then_confirms_and_rates(client, cast: Cast, settings):
    await _as(client, cast.resident.phone)
    await _post_need(client, cast)
    need = await _move(await Need.get(), cast, settings, "accept", "assign", "resolve")
    page = await client.get(f"/needs/{need.code}")
    assert "是否已经解决" in page.text and "已更换灯泡" in page.text
    token = await csrf_token(client, f"/needs/{need.code}")
    empty = await client.post(f"/needs/{need.code}/reopen", data={"csrf_token": token})
    assert empty.status_code == 422 and 'aria-invalid="true"' in empty.text
    reopened = await client.post(
        f"/needs/{need.code}/reopen", data={"csrf_token": token, "note": "还是不亮"}
    )
    assert reopened.status_code == 303
    assert (await Need.get(id=need.id)).status == S.REOPENED
    await _move(need, cast, settings, "resolve")
    confirmed = await client.post(f"/needs/{need.code}/confirm", data={"csrf_token": token})
    assert confirmed.status_code == 303
    rated = await client.post(
        f"/needs/{need.code}/rate",
        data={"csrf_token": token, "rating": "basically_satisfied", "comment": "慢了点"},
    )
    assert rated.status_code == 303
    again = await client.post(
        f"/needs/{need.code}/rate", data={"csrf_token": token, "rating": "satisfied"}
    )
    assert again.status_code == 409
    stored = await Need.get(id=need.id)
    assert (
        stored.status == S.CONFIRMED
        and stored.rating
        and stored.rating.value == ("basically_satisfied")
    )
    assert stored.status_reason == "已更换灯泡"  # confirming keeps the centre's note
    actions = (
        await NeedEvent.filter(need_id=need.id).order_by("id").values_list("action", flat=True)
    )
    assert actions == [
        "submit", "accept", "assign", "resolve", "reopen", "resolve", "confirm", "rate"
    ]  # fmt: skip
    history = await client.get(f"/needs/{need.code}")
    assert "还是不亮" in history.text and "基本满意" in history.text


async def test_only_the_requester_confirms(client, cast: Cast, settings):
    await _as(client, cast.resident.phone)
    await _post_need(client, cast)
    need = await _move(await Need.get(), cast, settings, "accept", "assign", "resolve")
    await _as(client, cast.staff_a.phone)
    token = await csrf_token(client, "/account")
    refused = await client.post(f"/needs/{need.code}/confirm", data={"csrf_token": token})
    assert refused.status_code == 403
    assert (await Need.get(id=need.id)).status == S.RESOLVED


# The staff board ------------------------------------------------------------------------------


async def _three_needs(client: httpx.AsyncClient, cast: Cast) -> list[Need]:
    await _as(client, cast.resident.phone)
    for title in ("路灯不亮", "井盖松动", "楼道堆物"):
        assert (await _post_need(client, cast, title=title)).status_code == 303
    return list(await Need.all().order_by("id"))


async def test_the_board_filters_and_answers_htmx_with_the_board_only(client, cast: Cast):
    await _three_needs(client, cast)
    await _as(client, cast.staff_a.phone)
    board = await client.get(f"/staff/{cast.centre_a.code}/needs")
    assert board.status_code == 200 and all(t in board.text for t in ("路灯不亮", "井盖松动"))
    assert "<html" in board.text
    found = await client.get(
        f"/staff/{cast.centre_a.code}/needs?tab=new&q=井盖", headers={"HX-Request": "true"}
    )
    assert found.status_code == 200 and "<html" not in found.text and 'id="board"' in found.text
    assert "井盖松动" in found.text and "路灯不亮" not in found.text


async def test_a_bulk_action_is_shown_before_it_changes_anything(client, cast: Cast, settings):
    first, second, third = await _three_needs(client, cast)
    await needs.act(cast.staff_a, third, "accept", settings, CLI)
    await _as(client, cast.staff_a.phone)
    base = f"/staff/{cast.centre_a.code}/needs"
    token = await csrf_token(client, base)
    chosen = [first.code, second.code, third.code]
    preview = await client.post(
        f"{base}/bulk",
        data={"csrf_token": token, "action": "accept", "need": chosen},
        headers={"HX-Request": "true"},
    )
    assert preview.status_code == 200 and "确认前请核对" in preview.text
    assert await Need.filter(status=S.SUBMITTED).count() == 2  # nothing changed yet
    confirm = re.search(
        r'<input type="hidden" name="confirm" value="1">(.*?)</form>', preview.text, re.S
    )
    assert confirm is not None
    posted = re.findall(r'name="need" value="([^"]+)"', confirm.group(1))
    assert sorted(posted) == sorted([first.code, second.code])  # the third is already accepted
    # Meanwhile a colleague rejects the second: confirming skips it and says so.
    await needs.act(cast.staff_a, second, "reject", settings, CLI, note="不属于本社区")
    done = await client.post(
        f"{base}/bulk",
        data={"csrf_token": token, "action": "accept", "need": posted, "confirm": "1"},
    )
    assert done.status_code == 200 and "1 条需求已更改" in done.text and second.code in done.text
    assert (await Need.get(id=first.id)).status == S.ACCEPTED
    assert (await Need.get(id=second.id)).status == S.REJECTED


async def test_staff_resolve_with_a_photo_and_the_resident_is_told(client, cast, settings):
    await _as(client, cast.resident.phone)
    await _post_need(client, cast)
    need = await _move(await Need.get(), cast, settings, "accept", "assign")
    await _as(client, cast.staff_a.phone)
    path = f"/staff/{cast.centre_a.code}/needs/{need.code}"
    page = await client.get(path)
    assert 'id="do-resolve"' in page.text and 'id="do-accept"' not in page.text
    token = await csrf_token(client, path)
    missing = await client.post(
        f"{path}/act", data={"csrf_token": token, "action": "resolve", "note": ""}
    )
    assert missing.status_code == 422 and 'id="e-resolve-note"' in missing.text
    resolved = await client.post(
        f"{path}/act",
        data={"csrf_token": token, "action": "resolve", "note": "已更换灯泡"},
        files=[("photos", ("fixed.jpg", phone_jpeg(), "image/jpeg"))],
    )
    assert resolved.status_code == 303
    stored = await Need.get(id=need.id)
    assert stored.status == S.RESOLVED
    assert await Photo.filter(need_id=need.id, stage="resolution").count() == 1


async def test_staff_mark_a_need_unreasonable_with_a_reason(client, cast, settings):
    await _as(client, cast.resident.phone)
    await _post_need(client, cast)
    need = await Need.get()
    await _as(client, cast.staff_a.phone)
    path = f"/staff/{cast.centre_a.code}/needs/{need.code}"
    token = await csrf_token(client, path)
    response = await client.post(
        f"{path}/act", data={"csrf_token": token, "action": "unreasonable", "note": "重复骚扰"}
    )
    assert response.status_code == 303
    stored = await Need.get(id=need.id)
    assert stored.unreasonable and stored.unreasonable_reason == "重复骚扰"


async def test_the_board_shows_this_months_rates_beside_last_months(client, cast, settings):
    first, second, _ = await _three_needs(client, cast)
    await needs.act(cast.staff_a, first, "accept", settings, CLI)  # answered in time
    await needs.act(cast.staff_a, second, "reject", settings, CLI, note="不属于本社区")
    await _as(client, cast.staff_a.phone)
    page = await client.get(f"/staff/{cast.centre_a.code}/needs")
    panel = page.text.split('id="rates-title"', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", panel, re.S)
    assert len(rows) == 2
    assert "100.0%" in rows[0] and "2/2" in rows[0]  # the third is still within its time
    assert "100.0%" not in rows[1] and "—" in rows[1]  # nothing last month: no rate, not 0 %
    fragment = await client.get(
        f"/staff/{cast.centre_a.code}/needs?tab=all", headers={"HX-Request": "true"}
    )
    assert "rates-title" not in fragment.text  # htmx updates only the board


async def test_confirming_work_a_volunteer_recorded_confirms_their_claim(client, cast, settings):
    from datetime import UTC, datetime, timedelta

    from server.domain import claim_completion, claims
    from server.models.members import Claim, ClaimStatus, Task

    await _as(client, cast.resident.phone)
    await _post_need(client, cast)
    need = await _move(await Need.get(), cast, settings, "accept", "publish")
    claim = await claims.claim(cast.member, await Task.get(need_id=need.id), settings, CLI)
    end = datetime.now(UTC) - timedelta(minutes=5)
    await claim_completion.complete(
        cast.member, claim, "换了灯泡", end - timedelta(hours=1), end, [], settings, CLI
    )
    assert (await Need.get(id=need.id)).status == S.RESOLVED
    token = await csrf_token(client, f"/needs/{need.code}")
    empty = await client.post(f"/needs/{need.code}/reopen", data={"csrf_token": token})
    assert empty.status_code == 422 and 'id="e-note"' in empty.text  # the dispute's reason
    done = await client.post(f"/needs/{need.code}/confirm", data={"csrf_token": token})
    assert done.status_code == 303
    assert (await Claim.get(id=claim.id)).status == ClaimStatus.CONFIRMED
    assert (await Need.get(id=need.id)).status == S.CONFIRMED


async def test_staff_open_a_wish_to_volunteers_with_skills_and_a_time(client, cast, settings):
    from server.models.members import Skill, Task, TaskSkill

    tutoring = await Skill.create(code="tutoring", name="辅导功课")
    await _as(client, cast.resident.phone)
    await _post_need(client, cast)
    need = await _move(await Need.get(), cast, settings, "accept")
    await _as(client, cast.staff_a.phone)
    path = f"/staff/{cast.centre_a.code}/needs/{need.code}"
    page = await client.get(path)
    assert 'name="skills" value="tutoring"' in page.text
    token = await csrf_token(client, path)
    form = {"csrf_token": token, "action": "publish", "skills": "tutoring"}
    wrong = await client.post(
        f"{path}/act",
        data={**form, "task_date": "2020-01-04", "task_start": "09:00", "task_end": "11:00"},
    )
    assert wrong.status_code == 422 and not await Task.exists()  # in the past: nothing opened
    done = await client.post(
        f"{path}/act",
        data={**form, "task_date": "2099-01-03", "task_start": "09:00", "task_end": "11:00"},
    )
    assert done.status_code == 303
    task = await Task.get(need_id=need.id)
    assert task.starts_at is not None and task.starts_at.isoformat() == "2099-01-03T01:00:00+00:00"
    assert str(task.estimated_hours) == "2.0"
    assert await TaskSkill.filter(task_id=task.id, skill_id=tutoring.id).exists()
