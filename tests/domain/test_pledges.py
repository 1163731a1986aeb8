"""Pledges: who may pledge, every field checked at once, one current pledge, changing and
withdrawing; pledge projects and their slots (tasks members claim)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from server.domain import members, pledges, projects
from server.domain.audit import Origin
from server.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from server.domain.pledges import PledgeForm
from server.models.audit import AuditEntry
from server.models.members import (
    Member,
    MemberStatus,
    Pledge,
    PledgeArea,
    PledgeSkill,
    PledgeStatus,
    Project,
    Skill,
    Task,
    TaskSkill,
    TaskSource,
    TaskStatus,
)
from server.models.places import Level
from server.seed.demo_data import SKILLS
from tests.cast import Cast, node

WEB = Origin(ip="10.0.0.8")
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
TODAY = date(2026, 12, 1)
SATURDAY = datetime(2026, 12, 5, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai

FORM = PledgeForm(
    skills=["tutoring"],
    text="周末可辅导小学数学、语文作业",
    availability=[
        {"weekday": 6, "start": "14:00", "end": "17:00"},
        {"weekday": 5, "start": "9:00", "end": "12:00"},
    ],
    monthly_tasks="2",
    monthly_hours="6",
    valid_until="2027-06-30",
)


@pytest.fixture
async def skills(cast: Cast) -> None:
    await Skill.bulk_create(Skill(code=c, name=n, name_en=e) for c, n, e in SKILLS)


async def _pledge(cast: Cast, settings, form: PledgeForm = FORM, now: datetime = NOW) -> Pledge:  # type: ignore[no-untyped-def]
    return await pledges.create_pledge(cast.member, form, settings, WEB, now=now)


async def _member(cast: Cast) -> Member:
    return await Member.get(user=cast.member)


# Pledging ---------------------------------------------------------------------------------------


async def test_a_verified_member_pledges_in_the_seeds_shape(cast: Cast, settings, skills):
    pledge = await _pledge(cast, settings, replace(FORM, skills=["tutoring", "digital_help"]))
    again = await Pledge.get(id=pledge.id)
    assert again.availability == [
        {"weekday": 5, "start": "09:00", "end": "12:00"},
        {"weekday": 6, "start": "14:00", "end": "17:00"},
    ]
    assert (again.monthly_tasks, again.monthly_hours) == (2, Decimal("6.0"))
    assert again.valid_until == date(2027, 6, 30) and again.status == PledgeStatus.ACTIVE
    codes = await PledgeSkill.filter(pledge_id=pledge.id).values_list("skill__code", flat=True)
    assert sorted(codes) == ["digital_help", "tutoring"]
    # No areas chosen: the home community and grid, as the demo seed writes them.
    areas = await PledgeArea.filter(pledge_id=pledge.id).values_list("node__code", flat=True)
    assert sorted(areas) == [cast.community_a.code, cast.grid_a.code]
    assert await AuditEntry.filter(action="pledge.create", actor_id=cast.member.id).exists()
    current = await pledges.active_pledge(await _member(cast), TODAY)
    assert current is not None and current.id == pledge.id
    assert {link.skill.code for link in current.skill_links} == {"tutoring", "digital_help"}


async def test_areas_may_be_any_community_or_grid_of_the_members_street(
    cast: Cast, settings, skills
):
    pledge = await _pledge(cast, settings, replace(FORM, areas=[cast.community_b.code]))
    areas = await PledgeArea.filter(pledge_id=pledge.id).values_list("node__code", flat=True)
    assert list(areas) == [cast.community_b.code]


async def test_a_bad_pledge_lists_every_field_and_writes_nothing(cast: Cast, settings, skills):
    elsewhere = await node(
        "TX", "外街社区", Level.COMMUNITY, await node("TS9", "外街", Level.STREET, cast.district)
    )
    bad = PledgeForm(
        skills=["tutoring", "juggling"],
        text="很" * 501,
        areas=[elsewhere.code],
        availability=[{"weekday": 7, "start": "09:00", "end": "12:00"}],
        date_from="2027-03-01",
        date_to="2027-02-01",
        monthly_tasks="0",
        monthly_hours="lots",
        valid_until="2026-11-30",
    )
    with pytest.raises(ValidationFailed) as refused:
        await _pledge(cast, settings, bad)
    assert set(refused.value.fields) == {
        "skills", "text", "areas", "availability", "date_to", "monthly_tasks", "monthly_hours",
        "valid_until",
    }  # fmt: skip
    assert not await Pledge.exists() and not await PledgeSkill.exists()


@pytest.mark.parametrize(
    "window",
    [
        {"weekday": 5, "start": "12:00", "end": "09:00"},
        {"weekday": 5, "start": "09:60", "end": "12:00"},
        {"weekday": "sat", "start": "09:00", "end": "12:00"},
        {"day": 5, "from": "09:00", "to": "12:00"},
        {"weekday": 5, "start": "09:00", "end": "24:30"},
    ],
)
async def test_a_time_window_needs_a_weekday_and_a_start_before_its_end(
    cast: Cast, settings, skills, window
):
    with pytest.raises(ValidationFailed) as refused:
        await _pledge(cast, settings, replace(FORM, availability=[window]))
    assert set(refused.value.fields) == {"availability"}


async def test_no_time_windows_means_by_arrangement(cast: Cast, settings, skills):
    pledge = await _pledge(cast, settings, replace(FORM, availability=[]))
    assert pledge.availability == []


async def test_a_pledge_holds_up_to_a_year_and_says_until_when(cast: Cast, settings, skills):
    for valid_until in ("", "2027-12-02", "someday"):
        with pytest.raises(ValidationFailed) as refused:
            await _pledge(cast, settings, replace(FORM, valid_until=valid_until))
        assert set(refused.value.fields) == {"valid_until"}
    pledge = await _pledge(cast, settings, replace(FORM, valid_until=date(2027, 12, 1)))
    assert pledge.valid_until == date(2027, 12, 1)


async def test_a_pledge_says_how_much_and_what(cast: Cast, settings, skills):
    with pytest.raises(ValidationFailed) as refused:
        await _pledge(
            cast, settings, replace(FORM, monthly_tasks="", monthly_hours="", skills=[], text="")
        )
    assert set(refused.value.fields) == {"monthly_tasks", "skills"}
    only_hours = await _pledge(
        cast, settings, replace(FORM, monthly_tasks="", monthly_hours="4.25", skills=[])
    )
    assert only_hours.monthly_tasks is None and only_hours.monthly_hours == Decimal("4.3")


async def test_the_dates_stay_within_the_pledge(cast: Cast, settings, skills):
    with pytest.raises(ValidationFailed) as refused:
        await _pledge(cast, settings, replace(FORM, date_from="2027-01-01", date_to="2027-07-01"))
    assert set(refused.value.fields) == {"date_to"}


async def test_only_verified_members_pledge(cast: Cast, settings, skills):
    with pytest.raises(PermissionDenied):
        await pledges.create_pledge(cast.resident, FORM, settings, WEB, now=NOW)
    for status in (MemberStatus.PENDING, MemberStatus.LAPSED, MemberStatus.DECLINED):
        await Member.filter(user=cast.member).update(status=status)
        with pytest.raises(PermissionDenied):
            await _pledge(cast, settings)
    assert not await Pledge.exists()


async def test_one_current_pledge_per_member(cast: Cast, settings, skills):
    await _pledge(cast, settings)
    with pytest.raises(Conflict):
        await _pledge(cast, settings)
    await pledges.withdraw_pledge(cast.member, settings, WEB, now=NOW)
    await _pledge(cast, settings)
    assert await Pledge.filter(status=PledgeStatus.ACTIVE).count() == 1


async def test_an_ended_pledge_leaves_room_for_a_new_one(cast: Cast, settings, skills):
    await _pledge(cast, settings, replace(FORM, valid_until="2026-12-31"))
    later = NOW + timedelta(days=31)
    assert await pledges.active_pledge(await _member(cast), later.date()) is None
    await _pledge(cast, settings, replace(FORM, valid_until="2027-06-30"), now=later)
    current = await pledges.active_pledge(await _member(cast), later.date())
    assert current is not None and current.valid_until == date(2027, 6, 30)


async def test_two_pledges_at_once_leave_one(cast: Cast, settings, skills):
    outcomes = await asyncio.gather(
        _pledge(cast, settings), _pledge(cast, settings), return_exceptions=True
    )
    assert sorted(type(o).__name__ for o in outcomes) == ["Conflict", "Pledge"]
    assert await Pledge.filter(status=PledgeStatus.ACTIVE).count() == 1


async def test_a_member_changes_their_pledge(cast: Cast, settings, skills):
    pledge = await _pledge(cast, settings)
    changed = replace(FORM, skills=["repair"], areas=[cast.grid_a.code], monthly_tasks="4")
    await pledges.update_pledge(cast.member, changed, settings, WEB, now=NOW)
    again = await Pledge.get(id=pledge.id)
    assert again.monthly_tasks == 4
    codes = await PledgeSkill.filter(pledge_id=pledge.id).values_list("skill__code", flat=True)
    areas = await PledgeArea.filter(pledge_id=pledge.id).values_list("node__code", flat=True)
    assert list(codes) == ["repair"] and list(areas) == [cast.grid_a.code]
    assert await AuditEntry.filter(action="pledge.update").count() == 1
    with pytest.raises(ValidationFailed):
        await pledges.update_pledge(
            cast.member, replace(FORM, valid_until=""), settings, WEB, now=NOW
        )
    assert (await Pledge.get(id=pledge.id)).valid_until == date(2027, 6, 30)


async def test_a_lapsed_member_may_withdraw_but_not_change(cast: Cast, settings, skills):
    pledge = await _pledge(cast, settings)
    await Member.filter(user=cast.member).update(status=MemberStatus.LAPSED)
    with pytest.raises(PermissionDenied):
        await pledges.update_pledge(cast.member, FORM, settings, WEB, now=NOW)
    await pledges.withdraw_pledge(cast.member, settings, WEB, now=NOW)
    assert (await Pledge.get(id=pledge.id)).status == PledgeStatus.WITHDRAWN
    assert await pledges.active_pledge(await _member(cast), TODAY) is None
    with pytest.raises(NotFound):
        await pledges.withdraw_pledge(cast.member, settings, WEB, now=NOW)
    with pytest.raises(NotFound):
        await pledges.withdraw_pledge(cast.resident, settings, WEB, now=NOW)


async def test_a_newly_verified_member_pledges(cast: Cast, settings, skills):
    fields = {"place": cast.community_b.code, "real_name": "张丽华", "unit_name": "江城大学"}
    member = await members.report_in(cast.resident, fields, WEB, now=NOW)
    await members.review(cast.staff_b, member, True, "", settings, WEB, now=NOW)
    pledge = await pledges.create_pledge(cast.resident, FORM, settings, WEB, now=NOW)
    areas = await PledgeArea.filter(pledge_id=pledge.id).values_list("node__code", flat=True)
    assert list(areas) == [cast.community_b.code]


# Projects and slots -----------------------------------------------------------------------------


async def _project(cast: Cast, **form: str) -> Project:
    fields = {"title": "周六作业辅导", "description": "每周六上午，社区活动室", **form}
    return await projects.publish_project(cast.staff_a, cast.centre_a, fields, WEB)


async def test_staff_publish_a_project_for_their_community(cast: Cast):
    project = await _project(cast)
    again = await Project.get(id=project.id)
    assert (again.node_id, again.centre_id, again.is_active) == (
        cast.community_a.id,
        cast.centre_a.id,
        True,
    )  # type: ignore[attr-defined]
    assert await AuditEntry.filter(action="project.publish", object_id=project.code).exists()
    in_grid = await _project(cast, place=cast.grid_a.code)
    assert in_grid.node_id == cast.grid_a.id  # type: ignore[attr-defined]


async def test_who_may_publish_a_project_and_where(cast: Cast):
    with pytest.raises(PermissionDenied):
        await projects.publish_project(cast.staff_b, cast.centre_a, {"title": "x"}, WEB)
    with pytest.raises(PermissionDenied):
        await projects.publish_project(cast.member, cast.centre_a, {"title": "x"}, WEB)
    above = await projects.publish_project(cast.street_admin, cast.centre_a, {"title": "义诊"}, WEB)
    assert above.centre_id == cast.centre_a.id  # type: ignore[attr-defined]
    with pytest.raises(ValidationFailed) as refused:
        await _project(cast, title=" ", place=cast.community_b.code, description="长" * 2001)
    assert set(refused.value.fields) == {"title", "place", "description"}
    assert await Project.all().count() == 1


async def test_a_slot_is_a_project_task_members_can_claim(cast: Cast, skills):
    project = await _project(cast)
    ends = SATURDAY + timedelta(hours=2, minutes=50)
    task = await projects.add_slot(
        cast.staff_a, project, SATURDAY, ends, 6, WEB, skills=["tutoring"], now=NOW
    )
    again = await Task.get(id=task.id)
    assert (again.source, again.project_id, again.centre_id) == (
        TaskSource.PROJECT,
        project.id,
        cast.centre_a.id,
    )  # type: ignore[attr-defined]
    assert (again.starts_at, again.ends_at, again.capacity, again.taken) == (SATURDAY, ends, 6, 0)
    assert again.status == TaskStatus.OPEN and again.estimated_hours == Decimal("3.0")
    assert again.node_path == cast.community_a.path and again.title == "周六作业辅导"
    codes = await TaskSkill.filter(task_id=task.id).values_list("skill__code", flat=True)
    assert list(codes) == ["tutoring"]
    assert await AuditEntry.filter(action="project.add_slot", object_id=task.code).exists()


async def test_a_bad_slot_lists_every_field(cast: Cast, skills):
    project = await _project(cast)
    with pytest.raises(ValidationFailed) as refused:
        await projects.add_slot(
            cast.staff_a, project, NOW - timedelta(hours=1), NOW - timedelta(hours=2), 0, WEB,
            skills=["juggling"], now=NOW,
        )  # fmt: skip
    assert set(refused.value.fields) == {"starts_at", "ends_at", "capacity", "skills"}
    assert not await Task.exists()


async def test_only_the_projects_centre_adds_slots_while_it_runs(cast: Cast):
    project = await _project(cast)
    ends = SATURDAY + timedelta(hours=3)
    with pytest.raises(PermissionDenied):
        await projects.add_slot(cast.staff_b, project, SATURDAY, ends, 6, WEB, now=NOW)
    await Project.filter(id=project.id).update(is_active=False)
    project = await Project.get(id=project.id)
    with pytest.raises(Conflict):
        await projects.add_slot(cast.staff_a, project, SATURDAY, ends, 6, WEB, now=NOW)
    assert not await Task.exists()
