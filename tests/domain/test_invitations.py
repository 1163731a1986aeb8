"""Dispatch: only the task's centre invites, with the reasons kept and the member told; the
member accepts (claiming the task) or declines with a reason."""

from __future__ import annotations

from datetime import timedelta

import pytest

from server.domain import for_you, invitations, matching
from server.domain.audit import Origin
from server.domain.claims import TaskFull
from server.domain.errors import Conflict, PermissionDenied, ValidationFailed
from server.messages import render
from server.models.accounts import User
from server.models.audit import AuditEntry
from server.models.members import Claim, Invitation, InvitationStatus, Member, Task
from server.models.notifications import Notification
from tests.cast import Cast
from tests.domain.match_fixtures import NOW, World, claimed, job, make_world, person, pledge

WEB = Origin(ip="10.0.0.9")


@pytest.fixture
async def world(cast: Cast) -> World:
    return await make_world(cast)


async def _invite(world: World, settings, *members: Member, staff: User | None = None):  # type: ignore[no-untyped-def]
    task = await job(world, world.cast.grid_a, world.skills["tutoring"], title="辅导作业")
    staff = staff or world.cast.staff_a
    made = await invitations.invite(staff, task, list(members), settings, WEB, now=NOW)
    return task, made


async def _user(member: Member) -> User:
    return await User.get(id=member.user_id)  # type: ignore[attr-defined]


async def test_staff_invite_top_candidates_who_are_told_why(world, settings):
    first, second = await person(world.cast.grid_a), await person(world.cast.grid_a)
    await pledge(first, world.skills["tutoring"])
    task, made = await _invite(world, settings, first, second)
    assert [i.member_id for i in made] == [first.id, second.id]  # type: ignore[attr-defined]
    stored = await Invitation.get(id=made[0].id)
    assert (
        stored.status == InvitationStatus.PENDING and stored.invited_by_id == world.cast.staff_a.id
    )  # type: ignore[attr-defined]
    now_invited = await matching.explain(task, second, now=NOW)
    assert isinstance(now_invited, matching.Excluded)
    assert stored.score["total"] == 85.0
    assert [p["name"] for p in stored.score["parts"]] == ["skill", "place", "fair"]
    inbox = await Notification.filter(user_id=first.user_id, event="task.invited").first()  # type: ignore[attr-defined]
    assert inbox is not None and inbox.subject_type == "task" and inbox.subject_id == task.id
    assert inbox.payload["code"] == task.code and inbox.payload["task"] == "辅导作业"
    text = render("task.invited", "zh-CN", inbox.payload).text
    assert "辅导作业" in text and inbox.payload["url"] in text
    assert await Notification.filter(user_id=second.user_id, event="task.invited").exists()  # type: ignore[attr-defined]
    audit = await AuditEntry.filter(action="invitation.create").order_by("id")
    assert [a.object_id for a in audit] == [i.code for i in made]


async def test_an_admin_above_the_centre_may_invite_too(world, settings):
    member = await person(world.cast.grid_a)
    _, made = await _invite(world, settings, member, staff=world.cast.street_admin)
    assert len(made) == 1


@pytest.mark.parametrize("who", ["staff_b", "resident", "member"])
async def test_only_staff_of_the_tasks_centre_may_invite(world, settings, who):
    member = await person(world.cast.grid_a)
    with pytest.raises(PermissionDenied):
        await _invite(world, settings, member, staff=getattr(world.cast, who))
    assert not await Invitation.exists()
    assert not await Notification.filter(event="task.invited").exists()


async def test_a_round_with_someone_matching_leaves_out_invites_nobody(world, settings):
    fine, busy = await person(world.cast.grid_a), await person(world.cast.grid_a)
    await pledge(busy, monthly_tasks=1)
    await claimed(world, busy, NOW - timedelta(hours=1))
    with pytest.raises(Conflict) as refused:
        await _invite(world, settings, fine, busy)
    assert refused.value.message == "Reached the pledge of %(count)d tasks a month"
    assert refused.value.params["member"] == busy.real_name
    assert not await Invitation.exists()


async def test_nobody_is_invited_twice_to_one_task(world, settings):
    member = await person(world.cast.grid_a)
    task, _ = await _invite(world, settings, member)
    with pytest.raises(Conflict):
        await invitations.invite(world.cast.staff_a, task, [member], settings, WEB, now=NOW)
    assert await Invitation.filter(task_id=task.id).count() == 1


async def test_a_full_task_takes_no_invitations(world, settings):
    member = await person(world.cast.grid_a)
    task = await job(world, world.cast.grid_a)
    await Task.filter(id=task.id).update(taken=1)
    task = await Task.get(id=task.id)
    with pytest.raises(Conflict):
        await invitations.invite(world.cast.staff_a, task, [member], settings, WEB, now=NOW)


async def test_declining_needs_a_reason_and_keeps_it(world, settings):
    member = await person(world.cast.grid_a)
    task, [made] = await _invite(world, settings, member)
    user = await _user(member)
    with pytest.raises(ValidationFailed) as refused:
        await invitations.answer(user, made, False, "  ", settings, WEB, now=NOW)
    assert "reason" in refused.value.fields
    answered = await invitations.answer(user, made, False, "这周出差", settings, WEB, now=NOW)
    stored = await Invitation.get(id=made.id)
    assert (stored.status, stored.reason, stored.answered_at) == (
        InvitationStatus.DECLINED, "这周出差", NOW,
    )  # fmt: skip
    assert answered.status == InvitationStatus.DECLINED
    assert not await Claim.filter(task_id=task.id).exists()
    assert await AuditEntry.filter(action="invitation.decline", object_id=made.code).exists()
    assert await for_you.for_member(member, now=NOW) == []  # the task is not offered again
    found = await matching.explain(task, member, now=NOW)
    assert isinstance(found, matching.Excluded) and found.params == {"reason": "这周出差"}


async def test_accepting_claims_the_task(world, settings):
    member = await person(world.cast.grid_a)
    task, [made] = await _invite(world, settings, member)
    await invitations.answer(await _user(member), made, True, "", settings, WEB, now=NOW)
    stored = await Invitation.get(id=made.id)
    assert (stored.status, stored.answered_at) == (InvitationStatus.ACCEPTED, NOW)
    claim = await Claim.get(task_id=task.id)
    assert claim.member_id == member.id  # type: ignore[attr-defined]
    assert (await Task.get(id=task.id)).taken == 1
    assert await AuditEntry.filter(action="invitation.accept", object_id=made.code).exists()


async def test_accepting_a_task_filled_meanwhile_leaves_the_invitation_open(world, settings):
    member = await person(world.cast.grid_a)
    task, [made] = await _invite(world, settings, member)
    await Task.filter(id=task.id).update(taken=1)  # someone claimed the last place
    with pytest.raises(TaskFull):
        await invitations.answer(await _user(member), made, True, "", settings, WEB, now=NOW)
    assert (await Invitation.get(id=made.id)).status == InvitationStatus.PENDING
    assert not await Claim.filter(task_id=task.id).exists()


async def test_only_the_invited_member_answers_and_only_once(world, settings):
    member = await person(world.cast.grid_a)
    _, [made] = await _invite(world, settings, member)
    with pytest.raises(PermissionDenied):
        await invitations.answer(world.cast.member, made, True, "", settings, WEB, now=NOW)
    user = await _user(member)
    await invitations.answer(user, made, False, "生病了", settings, WEB, now=NOW)
    with pytest.raises(Conflict):
        await invitations.answer(user, made, True, "", settings, WEB, now=NOW)
    assert (await Invitation.get(id=made.id)).status == InvitationStatus.DECLINED


async def test_members_see_the_invitations_they_have_still_to_answer(world, settings):
    member = await person(world.cast.grid_a)
    task, [made] = await _invite(world, settings, member)
    user = await _user(member)
    [mine] = await invitations.waiting(user)
    assert mine.code == made.code and mine.task.code == task.code
    assert (await invitations.by_code(made.code.lower())).id == made.id
    assert await invitations.waiting(world.cast.resident) == []
    await invitations.answer(user, made, False, "生病了", settings, WEB, now=NOW)
    assert await invitations.waiting(user) == []
