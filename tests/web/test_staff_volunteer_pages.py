"""Centre staff and volunteers in the browser without JavaScript: report-ins reviewed, lists of
members, candidates with their reasons and invitations, claims verified with hours credited,
ledger corrections, projects and their sessions, and claim photos kept to the centre's staff."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import httpx

from server.domain import hours, photos
from server.domain.photos import Upload
from server.models.members import (
    Claim,
    ClaimStatus,
    HoursEntry,
    HoursKind,
    Invitation,
    Member,
    MemberStatus,
    Project,
    Task,
    TaskSkill,
    TaskSource,
)
from server.models.needs import Photo
from server.models.notifications import Notification
from tests.cast import PASSWORD, Cast
from tests.conftest import csrf_token, login
from tests.domain.claim_fixtures import claim_at, complete_at, make_task, member_of, member_user
from tests.domain.match_fixtures import job, make_world, person, pledge
from tests.domain.photo_fixtures import plain_jpeg

A = "/staff/CENTREA"


async def _as(client: httpx.AsyncClient, phone: str) -> None:
    client.cookies.clear()
    await login(client, phone, PASSWORD)


async def _post(client: httpx.AsyncClient, path: str, data: dict) -> httpx.Response:  # type: ignore[type-arg]
    """A form post with the CSRF token; a list value sends the field once per item."""
    token = await csrf_token(client, "/account")
    return await client.post(path, data={"csrf_token": token, **data})


def _future_day(days: int = 7) -> date:
    return (datetime.now(UTC) + timedelta(days=days)).date()


# Report-ins and the lists ---------------------------------------------------------------------


async def test_staff_approve_a_report_in_and_decline_one_only_with_a_reason(client, cast: Cast):
    first = await member_user(cast, "13900000001", status=MemberStatus.PENDING)
    second = await member_user(cast, "13900000002", status=MemberStatus.PENDING)
    await _as(client, cast.staff_a.phone)
    page = await client.get(f"{A}/volunteers")
    assert page.status_code == 200 and "党员0001" in page.text and "党员0002" in page.text
    refused = await _post(
        client, f"{A}/volunteers/{first.public_id}/review", {"decision": "decline"}
    )
    assert refused.status_code == 422 and "请说明不通过的原因" in refused.text
    assert (await member_of(first)).status == MemberStatus.PENDING
    declined = await _post(
        client,
        f"{A}/volunteers/{first.public_id}/review",
        {"decision": "decline", "reason": "查无组织关系"},
    )
    assert declined.status_code == 303
    assert declined.headers["location"] == f"{A}/volunteers?tab=pending&done=declined"
    row = await member_of(first)
    assert (row.status, row.status_reason) == (MemberStatus.DECLINED, "查无组织关系")
    approved = await _post(
        client, f"{A}/volunteers/{second.public_id}/review", {"decision": "approve"}
    )
    assert approved.status_code == 303
    row = await member_of(second)
    assert row.status == MemberStatus.VERIFIED and row.verified_by_id == cast.staff_a.id  # type: ignore[attr-defined]
    again = await _post(
        client, f"{A}/volunteers/{second.public_id}/review", {"decision": "approve"}
    )
    assert again.status_code == 409  # reviewed already


async def test_the_lists_show_verified_and_lapsed_members_and_tabs_swap_as_fragments(
    client, cast: Cast
):
    due = date(2026, 5, 20)
    await member_user(cast, "13900000003", status=MemberStatus.LAPSED, confirmed_until=due)
    await _as(client, cast.staff_a.phone)
    verified = await client.get(f"{A}/volunteers?tab=verified")
    assert (
        verified.status_code == 200
        and "党员" in verified.text
        and "甲社区第一网格" in verified.text
    )
    lapsed = await client.get(f"{A}/volunteers?tab=lapsed", headers={"HX-Request": "true"})
    assert lapsed.status_code == 200 and lapsed.text.lstrip().startswith('<div id="board">')
    assert "党员0003" in lapsed.text and "2026-05-20" in lapsed.text
    assert "<html" not in lapsed.text


async def test_staff_of_another_centre_are_kept_out(client, cast: Cast, settings):
    pending = await member_user(cast, "13900000004", status=MemberStatus.PENDING)
    task = await make_task(cast)
    claim = await claim_at(cast, settings, task)
    await _as(client, cast.staff_b.phone)
    for path in (
        f"{A}/volunteers",
        f"{A}/volunteers/{pending.public_id}",
        f"{A}/tasks",
        f"{A}/tasks/{task.code}",
        f"{A}/claims/{claim.code}",
        f"{A}/projects",
    ):
        assert (await client.get(path)).status_code == 403, path
    review = await _post(
        client, f"{A}/volunteers/{pending.public_id}/review", {"decision": "approve"}
    )
    assert review.status_code == 403
    assert (await member_of(pending)).status == MemberStatus.PENDING
    # Through their own centre they do not reach a member of another community either.
    elsewhere = await client.get(f"/staff/CENTREB/volunteers/{pending.public_id}")
    assert elsewhere.status_code == 404


async def test_a_post_without_the_csrf_token_is_refused(client, cast: Cast):
    pending = await member_user(cast, "13900000005", status=MemberStatus.PENDING)
    await _as(client, cast.staff_a.phone)
    response = await client.post(
        f"{A}/volunteers/{pending.public_id}/review", data={"decision": "approve"}
    )
    assert response.status_code == 403
    assert (await member_of(pending)).status == MemberStatus.PENDING


# Candidates and invitations -------------------------------------------------------------------


async def test_the_task_page_ranks_candidates_with_each_reason(client, cast: Cast):
    world = await make_world(cast)
    tutor = await person(cast.grid_a)
    await pledge(tutor, world.skills["tutoring"])
    task = await job(world, cast.grid_a, world.skills["tutoring"], title="周末作业辅导")
    await _as(client, cast.staff_a.phone)
    page = await client.get(f"{A}/tasks/{task.code}")
    assert page.status_code == 200 and tutor.real_name in page.text
    assert "所需技能已承诺：1/1 项" in page.text and "住在同一网格" in page.text
    user = await tutor.user
    ticked = re.search(rf'value="{user.public_id}" checked', page.text)
    assert ticked, "the best candidate for the one place is ticked"
    listed = await client.get(f"{A}/tasks")
    assert listed.status_code == 200 and "周末作业辅导" in listed.text and "0 / 1" in listed.text


async def test_inviting_ticked_candidates_creates_invitations_and_tells_them(client, cast: Cast):
    world = await make_world(cast)
    one, two = await person(cast.grid_a), await person(cast.community_a)
    task = await job(world, cast.grid_a, capacity=2)
    await _as(client, cast.staff_a.phone)
    ids = [(await one.user).public_id, (await two.user).public_id]
    sent = await _post(client, f"{A}/tasks/{task.code}/invite", {"member": ids})
    assert sent.status_code == 303
    assert sent.headers["location"] == f"{A}/tasks/{task.code}?done=invited&count=2"
    invited = await Invitation.filter(task_id=task.id).values_list("member_id", flat=True)
    assert sorted(invited) == sorted([one.id, two.id])
    assert await Notification.filter(event="task.invited").count() >= 2
    page = await client.get(sent.headers["location"])
    assert one.real_name in page.text and two.real_name in page.text  # in the invited list
    assert 'name="member"' in page.text  # others still suggested, none ticked: both places
    assert not re.search(r'name="member" value="[^"]+" checked', page.text)  # are asked for


async def test_an_invitation_round_with_someone_left_out_says_who_and_why(client, cast: Cast):
    world = await make_world(cast)
    fine = await person(cast.grid_a)
    lapsed = await person(cast.grid_a, status=MemberStatus.LAPSED)
    task = await job(world, cast.grid_a, capacity=2)
    await _as(client, cast.staff_a.phone)
    ids = [(await fine.user).public_id, (await lapsed.user).public_id]
    refused = await _post(
        client,
        f"{A}/tasks/{task.code}/invite",
        {"member": ids},
    )
    assert refused.status_code == 409 and lapsed.real_name in refused.text
    assert "<html" in refused.text  # without htmx, the whole page with the error
    assert await Invitation.filter(task_id=task.id).count() == 0  # all or none
    empty = await client.post(
        f"{A}/tasks/{task.code}/invite",
        data={"csrf_token": await csrf_token(client, "/account")},
        headers={"HX-Request": "true"},
    )
    assert empty.status_code == 422 and empty.text.lstrip().startswith('<section id="candidates"')


# Claims: verification and the ledger ----------------------------------------------------------


async def test_verifying_a_claim_credits_its_hours_to_the_members_ledger(
    client, cast: Cast, settings
):
    task = await make_task(cast)
    claim = await complete_at(cast, settings, await claim_at(cast, settings, task))  # 80 minutes
    await _as(client, cast.staff_a.phone)
    waiting = await client.get(f"{A}/tasks?tab=verify")
    assert waiting.status_code == 200 and claim.code in waiting.text
    page = await client.get(f"{A}/claims/{claim.code}")
    assert (
        page.status_code == 200 and 'value="1.5"' in page.text and "陪老人去配了眼镜" in page.text
    )
    path = f"{A}/claims/{claim.code}/verify"
    differs = await _post(client, path, {"hours": "2", "note": ""})
    assert differs.status_code == 422 and await HoursEntry.all().count() == 0
    done = await _post(client, path, {"hours": "1.5", "note": ""})
    assert done.status_code == 303 and done.headers["location"].endswith("?done=verified")
    assert (await Claim.get(id=claim.id)).status == ClaimStatus.VERIFIED
    member = await member_of(cast.member)
    assert await hours.total(member) == Decimal("1.5")
    record = await client.get(f"{A}/volunteers/{cast.member.public_id}")
    assert record.status_code == 200 and task.title in record.text and "1.5" in record.text
    twice = await _post(client, path, {"hours": "1.5"})
    assert twice.status_code == 409 and await HoursEntry.all().count() == 1


async def test_a_correction_is_a_new_entry_and_changes_the_total(client, cast: Cast):
    member = await member_of(cast.member)
    original = await hours.credit(
        member,
        None,
        Decimal("2"),
        service_date=date(2026, 11, 1),
        description="社区义诊",
        node_path=cast.grid_a.path,
        verified_by=cast.staff_a,
        verification="staff",
    )
    await _as(client, cast.staff_a.phone)
    path = f"{A}/volunteers/{cast.member.public_id}/hours"
    no_reason = await _post(client, path, {"entry": str(original.id), "hours": "1", "reason": ""})
    assert no_reason.status_code == 422 and await HoursEntry.all().count() == 1
    fixed = await _post(
        client, path, {"entry": str(original.id), "hours": "1", "reason": "实际1小时"}
    )
    assert fixed.status_code == 303
    rows = await HoursEntry.all().order_by("id")
    assert [(r.kind, r.hours, r.corrects_id) for r in rows] == [  # type: ignore[attr-defined]
        (HoursKind.CREDIT, Decimal("2.00"), None),
        (HoursKind.CORRECTION, Decimal("-1.00"), original.id),
    ]
    assert await hours.total(member) == Decimal("1")
    page = await client.get(f"{A}/volunteers/{cast.member.public_id}")
    assert "实际1小时" in page.text and "-1" in page.text
    other = await member_of(await member_user(cast, "13900000006"))
    foreign = await hours.credit(
        other, None, Decimal("1"), service_date=date(2026, 11, 2), description="x",
        node_path=cast.grid_a.path, verified_by=None, verification="staff",
    )  # fmt: skip
    wrong = await _post(client, path, {"entry": str(foreign.id), "hours": "0", "reason": "x"})
    assert wrong.status_code == 404 and await HoursEntry.filter(member_id=other.id).count() == 1


# Projects ------------------------------------------------------------------------------------


async def test_staff_publish_a_project_and_add_a_session_with_skills(client, cast: Cast):
    world = await make_world(cast)
    await _as(client, cast.staff_a.phone)
    empty = await _post(client, f"{A}/projects", {"title": "", "place": cast.grid_a.code})
    assert empty.status_code == 422 and await Project.all().count() == 0
    made = await _post(
        client,
        f"{A}/projects",
        {"title": "周六作业辅导", "description": "", "place": cast.grid_a.code},
    )
    assert made.status_code == 303
    project = await Project.get(title="周六作业辅导")
    assert made.headers["location"] == f"{A}/projects/{project.code}?done=published"
    day = _future_day()
    slot_path = f"{A}/projects/{project.code}/slots"
    backwards = {"date": day.isoformat(), "start": "11:00", "end": "09:00", "capacity": "3"}
    refused = await _post(client, slot_path, backwards)
    assert refused.status_code == 422 and await Task.all().count() == 0
    unreadable = await _post(client, slot_path, {**backwards, "start": "9am", "capacity": "²"})
    assert unreadable.status_code == 422 and "9am" in unreadable.text
    form = {
        **backwards,
        "start": "09:00",
        "end": "11:00",
        "skills": [world.skills["tutoring"].code],
    }
    added = await _post(client, slot_path, form)
    assert added.status_code == 303
    task = await Task.get(project_id=project.id)
    assert (task.source, task.capacity, task.estimated_hours) == (
        TaskSource.PROJECT,
        3,
        Decimal("2"),
    )
    assert task.starts_at == datetime(day.year, day.month, day.day, 1, 0, tzinfo=UTC)  # 09:00 CST
    assert await TaskSkill.filter(task_id=task.id, skill_id=world.skills["tutoring"].id).exists()
    page = await client.get(f"{A}/projects/{project.code}")
    assert page.status_code == 200 and task.code in page.text


# Claim photos -------------------------------------------------------------------------------


async def test_claim_photos_are_served_only_to_staff_of_the_centre(client, cast: Cast, settings):
    task = await make_task(cast)
    claim = await claim_at(cast, settings, task)
    photo_upload = Upload("done.jpg", plain_jpeg(), "image/jpeg")
    await complete_at(cast, settings, claim, uploads=[photo_upload])
    photo = await Photo.get(claim_id=claim.id)
    await photos.make_thumbnail(photo.id, settings)
    original = f"{A}/claims/{claim.code}/photos/{photo.public_id}"
    await _as(client, cast.staff_a.phone)
    page = await client.get(f"{A}/claims/{claim.code}")
    assert f"{original}/thumb" in page.text
    shown = await client.get(original)
    assert shown.status_code == 200 and shown.headers["content-type"] == "image/jpeg"
    assert shown.headers["cache-control"] == "private"
    assert (await client.get(f"{original}/thumb")).status_code == 200
    other_task = await make_task(cast)
    other = await Claim.create(
        task=other_task, member=await member_of(cast.member), due_at=datetime.now(UTC)
    )
    assert (
        await client.get(f"{A}/claims/{other.code}/photos/{photo.public_id}")
    ).status_code == 404
    await _as(client, cast.street_admin.phone)
    assert (await client.get(original)).status_code == 200  # admins above the centre
    for outsider in (cast.staff_b, cast.member, cast.resident):
        await _as(client, outsider.phone)
        assert (await client.get(original)).status_code == 403, outsider.phone


async def test_a_verified_members_row_links_to_their_record(client, cast: Cast):
    member = await Member.get(user_id=cast.member.id)
    await _as(client, cast.staff_a.phone)
    page = await client.get(f"{A}/volunteers?tab=verified")
    assert f"{A}/volunteers/{cast.member.public_id}" in page.text
    record = await client.get(f"{A}/volunteers/{cast.member.public_id}")
    assert record.status_code == 200 and member.real_name in record.text
