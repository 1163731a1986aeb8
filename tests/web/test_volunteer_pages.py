"""The on-the-job member's pages without JavaScript: report in, pledge, tasks for me with the
reasons, claiming, the claim page (private details only to the claimer, audited), giving back,
recording the work with a photo, invitations, and the hours ledger."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import httpx

from server.domain import certificates, claims, hours, invitations
from server.models.audit import AuditEntry
from server.models.members import (
    Claim,
    ClaimStatus,
    HoursEntry,
    Invitation,
    InvitationStatus,
    Member,
    MemberStatus,
    Pledge,
    Task,
    TaskStatus,
)
from server.models.needs import Need, Photo, PhotoStage
from server.settings import Settings
from tests.cast import PASSWORD, Cast
from tests.conftest import csrf_token, login
from tests.domain.claim_fixtures import WEB, make_task, member_user, wish_task
from tests.domain.match_fixtures import job, make_world, pledge
from tests.domain.photo_fixtures import phone_jpeg

SHANGHAI = ZoneInfo("Asia/Shanghai")


async def _as(client: httpx.AsyncClient, phone: str, password: str = PASSWORD) -> None:
    client.cookies.clear()
    await login(client, phone, password)


async def _post(client: httpx.AsyncClient, path: str, page: str, data=None, **kw):  # type: ignore[no-untyped-def]
    token = await csrf_token(client, page)
    return await client.post(path, data={"csrf_token": token, **(data or {})}, **kw)


def _local(instant: datetime) -> str:
    return instant.astimezone(SHANGHAI).strftime("%Y-%m-%dT%H:%M")


def _soon(days: int = 3) -> datetime:
    return datetime.now(UTC).replace(microsecond=0) + timedelta(days=days)


# Report in ------------------------------------------------------------------------------------


async def test_a_resident_reports_in_and_sees_it_pending(client, cast: Cast):
    await _as(client, cast.resident.phone)
    page = await client.get("/me/member")
    assert page.status_code == 200 and f'value="{cast.grid_a.code}"' in page.text
    wrong = await _post(client, "/me/member", "/me/member", {"real_name": "", "place": "NOPE"})
    assert wrong.status_code == 422
    assert "请填写真实姓名" in wrong.text and "请选择您居住的社区" in wrong.text
    assert "请选择所在单位" in wrong.text and 'aria-invalid="true"' in wrong.text
    assert not await Member.exists(user_id=cast.resident.id)

    form = {"real_name": "王小红", "place": cast.grid_a.code, "unit_name": "测试区教育局"}
    sent = await _post(client, "/me/member", "/me/member", {**form, "unit_kind": "government"})
    assert sent.status_code == 303 and sent.headers["location"] == "/me/member?done=reported"
    member = await Member.get(user_id=cast.resident.id).select_related("unit")
    assert member.status == MemberStatus.PENDING and member.grid_id == cast.grid_a.id  # type: ignore[attr-defined]
    assert member.unit and member.unit.name == "测试区教育局"
    shown = await client.get(sent.headers["location"])
    assert "member-pending" in shown.text and "测试区教育局" in shown.text
    assert 'action="/me/member/reconfirm"' not in shown.text


async def test_a_lapsed_member_re_confirms(client, cast: Cast):
    await Member.filter(user_id=cast.member.id).update(status=MemberStatus.LAPSED)
    await _as(client, cast.member.phone)
    page = await client.get("/me/member")
    assert "member-lapsed" in page.text and 'action="/me/member/reconfirm"' in page.text
    sent = await _post(client, "/me/member/reconfirm", "/me/member")
    assert sent.status_code == 303
    assert (await Member.get(user_id=cast.member.id)).status == MemberStatus.VERIFIED


# Pledge ---------------------------------------------------------------------------------------


async def test_a_pledge_with_problems_says_each_at_once_and_keeps_nothing(client, cast: Cast):
    world = await make_world(cast)
    await _as(client, cast.member.phone)
    page = await client.get("/me/pledge")
    assert page.status_code == 200 and 'name="skills" value="tutoring"' in page.text
    bad = {
        "skills": ["nope"],
        "text": "周末可以辅导数学",
        "areas": [world.far_grid.code],
        "rows": "1",
        "w0_day": "5",
        "w0_start": "09:00",
        "monthly_tasks": "0",
        "valid_until": "2020-01-01",
    }
    response = await _post(client, "/me/pledge", "/me/pledge", bad)
    assert response.status_code == 422
    for message in (
        "请从列表中选择特长",
        "请选择本街道内的社区或网格",
        "每个时段须选择星期几",
        "每月任务数：1 至 31 的整数",
        "承诺有效期须从今天起",
    ):
        assert message in response.text
    assert "周末可以辅导数学" in response.text  # what was typed is kept
    assert not await Pledge.exists()

    good = {
        "skills": ["tutoring"],
        "areas": [cast.grid_a.code, cast.community_b.code],
        "rows": "2",
        "w0_day": "5",
        "w0_start": "09:00",
        "w0_end": "12:00",
        "w1_day": "6",
        "monthly_tasks": "2",
        "valid_until": (datetime.now(UTC) + timedelta(days=100)).date().isoformat(),
    }
    saved = await _post(client, "/me/pledge", "/me/pledge", good)
    assert saved.status_code == 303 and saved.headers["location"] == "/me/pledge?done=pledged"
    made = await Pledge.get().prefetch_related("skill_links__skill", "area_links__node")
    assert made.availability == [{"weekday": 5, "start": "09:00", "end": "12:00"}]
    assert [link.skill.code for link in made.skill_links] == ["tutoring"]
    assert {link.node.code for link in made.area_links} == {"TA1", "TB"}
    again = await client.get("/me/pledge")
    assert 'value="09:00"' in again.text and 'action="/me/pledge/withdraw"' in again.text


async def test_a_resident_who_has_not_reported_in_is_sent_to_report_in(client, cast: Cast):
    await _as(client, cast.resident.phone)
    page = await client.get("/me/pledge")
    assert page.status_code == 200 and 'id="pledge-form"' not in page.text
    assert 'href="/me/member"' in page.text
    refused = await _post(client, "/me/pledge", "/me/member", {"text": "修电脑"})
    assert refused.status_code == 403 and "只有经社区核实的党员才能作出承诺" in refused.text


# For you, the task page and claiming ----------------------------------------------------------


async def test_for_you_lists_a_task_with_the_reasons(client, cast: Cast):
    world = await make_world(cast)
    await pledge(await Member.get(user_id=cast.member.id), world.skills["tutoring"])
    task = await job(
        world, cast.grid_a, world.skills["tutoring"], title="周六数学辅导", starts_at=_soon()
    )
    await _as(client, cast.member.phone)
    page = await client.get("/me/tasks")
    assert page.status_code == 200
    assert f'href="/tasks/{task.code}"' in page.text and "周六数学辅导" in page.text
    assert "所需技能已承诺：1/1 项" in page.text and "住在同一网格" in page.text


async def test_a_cards_places_left_follow_claims_by_others(client, cast: Cast, settings):
    world = await make_world(cast)
    task = await job(world, cast.grid_a, title="周日清扫楼道", starts_at=_soon(), capacity=3)
    await _as(client, cast.member.phone)
    assert "剩 3 个名额" in (await client.get("/me/tasks")).text  # the card's head is now kept
    other = await member_user(cast, "13900000066")
    await claims.claim(other, task, settings, WEB)
    assert "剩 2 个名额" in (await client.get("/me/tasks")).text
    await _as(client, cast.member.phone)
    client.cookies.set("ds_lang", "en")
    assert "2 places left" in (await client.get("/me/tasks")).text


async def test_a_member_claims_from_the_task_page_and_a_full_task_says_so(client, cast: Cast):
    world = await make_world(cast)
    task = await job(world, cast.grid_a, world.skills["repair"], title="修理楼道扶手")
    await _as(client, cast.member.phone)
    page = await client.get(f"/tasks/{task.code}")
    assert page.status_code == 200 and "住在同一网格" in page.text
    assert f'action="/tasks/{task.code}/claim"' in page.text
    claimed = await _post(client, f"/tasks/{task.code}/claim", f"/tasks/{task.code}")
    claim = await Claim.get(task_id=task.id)
    assert claimed.status_code == 303
    assert claimed.headers["location"] == f"/me/claims/{claim.code}?done=claimed"
    assert (await Task.get(id=task.id)).status == TaskStatus.FULL
    shown = await client.get(f"/tasks/{task.code}")
    assert f'href="/me/claims/{claim.code}"' in shown.text

    other = await member_user(cast, "13900000077")
    other.password_hash = cast.member.password_hash
    await other.save(update_fields=["password_hash"])
    await _as(client, other.phone)
    full_page = await client.get(f"/tasks/{task.code}")
    assert "该任务的名额已满" in full_page.text
    assert f'action="/tasks/{task.code}/claim"' not in full_page.text
    full = await _post(client, f"/tasks/{task.code}/claim", f"/tasks/{task.code}")
    assert full.status_code == 409 and "该任务的名额已满" in full.text
    assert await Claim.filter(task_id=task.id).count() == 1


# The claim page -------------------------------------------------------------------------------


async def _wish_claim(cast: Cast, settings: Settings) -> Claim:
    task = await wish_task(cast)
    await Need.filter(id=task.need_id).update(  # type: ignore[attr-defined]
        address_private="甲路1号5号楼301", contact_name="李阿姨", contact_phone="13912345678"
    )
    return await claims.claim(cast.member, task, settings, WEB)


async def _other_member(cast: Cast) -> str:
    other = await member_user(cast, "13900000088")
    other.password_hash = cast.member.password_hash
    await other.save(update_fields=["password_hash"])
    return other.phone


async def test_the_claim_page_shows_the_address_only_to_the_claimer_and_audits(
    client, cast: Cast, settings
):
    claim = await _wish_claim(cast, settings)
    await _as(client, cast.member.phone)
    page = await client.get(f"/me/claims/{claim.code}")
    assert page.status_code == 200
    assert "甲路1号5号楼301" in page.text and "13912345678" in page.text
    seen = await AuditEntry.filter(action="need.view_private", actor_id=cast.member.id).count()
    assert seen == 1

    await _as(client, await _other_member(cast))
    task_page = await client.get(f"/tasks/{claim.task.code}")
    assert task_page.status_code == 200 and "甲路1号5号楼301" not in task_page.text
    assert await AuditEntry.filter(action="need.view_private").count() == 1


async def test_another_member_gets_404_on_someones_claim(client, cast: Cast, settings):
    claim = await _wish_claim(cast, settings)
    await _as(client, await _other_member(cast))
    response = await client.get(f"/me/claims/{claim.code}")
    assert response.status_code == 404 and "甲路1号5号楼301" not in response.text
    token = await csrf_token(client, "/me/claims")
    data = {"csrf_token": token, "reason": "不想做了"}
    back = await client.post(f"/me/claims/{claim.code}/give-back", data=data)
    assert back.status_code == 404
    assert (await Claim.get(id=claim.id)).status == ClaimStatus.CLAIMED


async def test_giving_back_needs_a_reason(client, cast: Cast, settings):
    task = await make_task(cast)
    claim = await claims.claim(cast.member, task, settings, WEB)
    await _as(client, cast.member.phone)
    page = f"/me/claims/{claim.code}"
    started = await _post(client, f"{page}/start", page)
    assert started.status_code == 303
    assert (await Claim.get(id=claim.id)).status == ClaimStatus.IN_PROGRESS
    empty = await _post(client, f"{page}/give-back", page, {"reason": "  "})
    assert empty.status_code == 422 and "请说明退回该任务的原因" in empty.text
    assert (await Claim.get(id=claim.id)).status == ClaimStatus.IN_PROGRESS
    back = await _post(client, f"{page}/give-back", page, {"reason": "临时出差"})
    assert back.status_code == 303 and back.headers["location"] == f"{page}?done=returned"
    given = await Claim.get(id=claim.id)
    assert given.status == ClaimStatus.RETURNED and given.ended_reason == "临时出差"
    assert (await Task.get(id=task.id)).taken == 0
    assert "临时出差" in (await client.get(page)).text


async def test_completing_with_a_photo_records_it_and_shows_the_photo(client, cast, settings):
    claim = await _wish_claim(cast, settings)
    await _as(client, cast.member.phone)
    page = f"/me/claims/{claim.code}"
    now = datetime.now(UTC)
    work = {"started_at": _local(now - timedelta(hours=1)), "ended_at": _local(now)}
    jpeg = [("photos", ("work.jpg", phone_jpeg(), "image/jpeg"))]
    missing = await _post(client, f"{page}/complete", page, {**work, "note": ""}, files=jpeg)
    assert missing.status_code == 422 and "请填写您做了什么" in missing.text
    assert work["started_at"] in missing.text  # what was typed is kept
    assert not await Photo.exists()

    data = {**work, "note": "送去了老花镜"}
    done = await _post(client, f"{page}/complete", page, data, files=jpeg)
    assert done.status_code == 303 and done.headers["location"] == f"{page}?done=completed"
    recorded = await Claim.get(id=claim.id)
    assert recorded.status == ClaimStatus.COMPLETED and recorded.completion_note == "送去了老花镜"
    assert recorded.work_ended_at and recorded.work_started_at
    assert recorded.work_ended_at - recorded.work_started_at == timedelta(hours=1)
    photo = await Photo.get(claim_id=claim.id)
    assert photo.stage == PhotoStage.EVIDENCE
    shown = await client.get(page)
    assert f"{page}/photos/{photo.public_id}" in shown.text and 'id="complete"' not in shown.text
    image = await client.get(f"{page}/photos/{photo.public_id}")
    assert image.status_code == 200 and image.headers["content-type"] == "image/jpeg"


# Invitations ----------------------------------------------------------------------------------


async def test_declining_an_invitation_needs_a_reason(client, cast: Cast, settings):
    task = await make_task(cast)
    member = await Member.get(user_id=cast.member.id)
    (invitation,) = await invitations.invite(cast.staff_a, task, [member], settings, WEB)
    await _as(client, cast.member.phone)
    page = f"/me/invitations/{invitation.code}"
    shown = await client.get(page)
    assert shown.status_code == 200 and "住在同一网格" in shown.text
    assert invitation.code in (await client.get("/me/tasks")).text
    empty = await _post(client, f"{page}/decline", page, {"reason": ""})
    assert empty.status_code == 422 and "请说明婉拒的原因" in empty.text
    assert (await Invitation.get(id=invitation.id)).status == InvitationStatus.PENDING
    declined = await _post(client, f"{page}/decline", page, {"reason": "那天要值班"})
    assert declined.status_code == 303
    after = await Invitation.get(id=invitation.id)
    assert after.status == InvitationStatus.DECLINED and after.reason == "那天要值班"


async def test_accepting_an_invitation_claims_the_task(client, cast: Cast, settings):
    task = await make_task(cast)
    member = await Member.get(user_id=cast.member.id)
    (invitation,) = await invitations.invite(cast.staff_a, task, [member], settings, WEB)
    await _as(client, await _other_member(cast))
    assert (await client.get(f"/me/invitations/{invitation.code}")).status_code == 404
    await _as(client, cast.member.phone)
    page = f"/me/invitations/{invitation.code}"
    accepted = await _post(client, f"{page}/accept", page)
    claim = await Claim.get(task_id=task.id)
    assert accepted.status_code == 303
    assert accepted.headers["location"] == f"/me/claims/{claim.code}?done=claimed"


# Hours ----------------------------------------------------------------------------------------


async def test_the_hours_page_total_equals_the_ledger_sum_and_lists_certificates(client, cast):
    member = await Member.get(user_id=cast.member.id)
    day = datetime.now(UTC).date()
    first = await hours.credit(
        member,
        None,
        Decimal("2.5"),
        service_date=day - timedelta(days=9),
        description="陪老人看病",
        node_path=cast.grid_a.path,
        verified_by=cast.staff_a,
        verification="resident+staff",
    )
    await hours.credit(
        member,
        None,
        Decimal("1"),
        service_date=day - timedelta(days=2),
        description="楼道清扫",
        node_path=cast.grid_a.path,
        verified_by=cast.staff_a,
        verification="staff",
    )
    await hours.correct(cast.staff_a, first, "2", "多记了半小时", WEB)
    cert = await certificates.issue(cast.staff_a, member, day - timedelta(days=30), day, WEB)
    await _as(client, cast.member.phone)
    page = await client.get("/me/hours")
    assert page.status_code == 200
    ledger = sum([e.hours for e in await HoursEntry.filter(member_id=member.id)], Decimal(0))
    assert ledger == Decimal("3") == await hours.total(member)
    assert re.search(r'id="total">3<', page.text)
    assert "-0.5" in page.text and "多记了半小时" in page.text
    correction = page.text[page.text.index("entry-correction") :]
    assert "陪老人看病" in correction.split("</tr>")[0]  # the correction names its original
    assert f'href="/certificates/{cert.number}.pdf"' in page.text


async def test_the_pages_ask_for_a_login(client, cast: Cast):
    for path in ("/me/member", "/me/pledge", "/me/tasks", "/me/claims", "/me/hours"):
        response = await client.get(path)
        assert response.status_code == 303 and response.headers["location"].startswith("/login")
