"""Report-in: the form, review by community staff (allowed and refused), re-submission after a
decline, the half-yearly re-confirmation with its reminder and lapse, driven by a given clock."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

import pytest

from server.domain import members
from server.domain.audit import Origin
from server.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from server.models.accounts import User
from server.models.audit import AuditEntry
from server.models.members import Member, MemberStatus, Unit, UnitKind
from server.models.notifications import Notification, NotificationStatus
from server.models.places import Level
from tests.cast import Cast, node, user

M = MemberStatus
WEB = Origin(ip="10.0.0.7")
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
TODAY = date(2026, 12, 1)
UNTIL = TODAY + timedelta(days=members.RECONFIRM_DAYS)  # 2027-06-01


def at(day: date) -> datetime:
    """10:00 in Shanghai on ``day``."""
    return datetime(day.year, day.month, day.day, 2, 0, tzinfo=UTC)


async def _report(who: User, place: str, **form: str) -> Member:
    fields = {"place": place, "real_name": "张丽华", "unit_name": "江城市第一中学", **form}
    return await members.report_in(who, fields, WEB, now=NOW)


async def _verified(cast: Cast, settings) -> Member:  # type: ignore[no-untyped-def]
    """The resident, reported in to grid A and approved by staff A at NOW (and the cast's
    member, enrolled from the real today, moved out of the way of the sweeps)."""
    await Member.filter(user=cast.member).update(confirmed_until=date(2030, 1, 1))
    member = await _report(cast.resident, cast.grid_a.code)
    return await members.review(cast.staff_a, member, True, "", settings, WEB, now=NOW)


async def _told(event: str, who: User) -> list[Notification]:
    return await Notification.filter(event=event, user_id=who.id, channel="inbox").order_by("id")


# Reporting in -----------------------------------------------------------------------------------


async def test_a_resident_reports_in_and_waits_for_review(cast: Cast):
    member = await _report(cast.resident, cast.grid_a.code, member_no="JC12345678")
    again = await Member.get(user=cast.resident).select_related("unit")
    assert (
        again.status == M.PENDING and again.reported_at == NOW and again.member_no == "JC12345678"
    )
    assert (again.community_id, again.grid_id) == (cast.community_a.id, cast.grid_a.id)  # type: ignore[attr-defined]
    assert again.node_path == cast.grid_a.path and again.confirmed_until is None
    assert again.unit.name == "江城市第一中学" and again.unit.kind == UnitKind.OTHER
    actions = await AuditEntry.filter(actor_id=cast.resident.id).values_list("action", flat=True)
    assert sorted(actions) == ["member.report_in", "unit.create"] and member.id == again.id


async def test_reporting_in_to_a_community_leaves_the_grid_empty(cast: Cast):
    member = await _report(cast.resident, cast.community_b.code)
    assert member.grid_id is None and member.community_id == cast.community_b.id  # type: ignore[attr-defined]


async def test_a_named_unit_that_is_listed_is_reused_and_a_code_picks_one(cast: Cast):
    listed = await Unit.create(name="江城市财政局", kind=UnitKind.GOVERNMENT)
    first = await _report(cast.resident, cast.grid_a.code, unit_name="  江城市　财政局 ")
    assert first.unit_id != listed.id  # type: ignore[attr-defined]  # inner spaces are kept as one
    second = await _report(cast.staff_b, cast.grid_a.code, unit_name="江城市财政局")
    third = await _report(cast.street_admin, cast.grid_a.code, unit_name="", unit=listed.code)
    assert second.unit_id == third.unit_id == listed.id  # type: ignore[attr-defined]
    assert await Unit.filter(name="江城市财政局").count() == 1


async def test_two_people_naming_the_same_new_unit_at_once_get_one_unit(cast: Cast):
    await asyncio.gather(
        _report(cast.resident, cast.grid_a.code, unit_name="长江数智科技有限公司"),
        _report(cast.staff_b, cast.grid_a.code, unit_name="长江数智科技有限公司"),
    )
    assert await Unit.filter(name="长江数智科技有限公司").count() == 1
    assert len(set(await Member.exclude(unit_id=None).values_list("unit_id", flat=True))) == 1


async def test_a_bad_report_lists_every_field_and_writes_nothing(cast: Cast):
    with pytest.raises(ValidationFailed) as refused:
        await _report(
            cast.resident, cast.street.code, real_name=" ", member_no="X" * 40, unit="NOPE",
            unit_kind="pirates",
        )  # fmt: skip
    assert set(refused.value.fields) == {"place", "real_name", "member_no", "unit", "unit_kind"}
    assert not await Member.filter(user=cast.resident).exists() and not await Unit.exists()
    with pytest.raises(ValidationFailed) as nameless:
        await _report(cast.resident, "NOWHERE", unit_name="")
    assert set(nameless.value.fields) == {"place", "unit"}


async def test_a_verified_member_cannot_report_in_again(cast: Cast):
    with pytest.raises(Conflict):
        await _report(cast.member, cast.community_b.code)
    assert (await Member.get(user=cast.member)).node_path == cast.grid_a.path


async def test_a_pending_report_in_can_be_corrected(cast: Cast):
    first = await _report(cast.resident, cast.grid_a.code)
    second = await _report(cast.resident, cast.community_b.code, real_name="张丽")
    assert second.id == first.id and second.status == M.PENDING and second.real_name == "张丽"
    assert await Member.filter(user=cast.resident).count() == 1


async def test_reporting_in_twice_at_once_keeps_one_record(cast: Cast):
    outcomes = await asyncio.gather(
        _report(cast.resident, cast.grid_a.code),
        _report(cast.resident, cast.grid_a.code),
        return_exceptions=True,
    )
    assert all(isinstance(o, Member | Conflict) for o in outcomes)
    assert await Member.filter(user=cast.resident).count() == 1


# Review -----------------------------------------------------------------------------------------


async def test_staff_of_the_community_approve_and_the_member_is_told(cast: Cast, settings):
    member = await _verified(cast, settings)
    again = await Member.get(id=member.id)
    assert (
        again.status == M.VERIFIED and again.verified_at == NOW and again.confirmed_until == UNTIL
    )
    assert again.verified_by_id == cast.staff_a.id  # type: ignore[attr-defined]
    [told] = await _told("member.reviewed", cast.resident)
    assert told.payload["decision"] == "approved" and told.payload["until"] == "2027-06-01"
    assert told.payload["community"] == "甲社区"
    assert await AuditEntry.filter(actor_id=cast.staff_a.id, action="member.approve").exists()


async def test_staff_of_another_community_may_not_review(cast: Cast, settings):
    member = await _report(cast.resident, cast.grid_a.code)
    with pytest.raises(PermissionDenied):
        await members.review(cast.staff_b, member, True, "", settings, WEB, now=NOW)
    with pytest.raises(PermissionDenied):
        await members.review(cast.member, member, True, "", settings, WEB, now=NOW)
    assert (await Member.get(id=member.id)).status == M.PENDING


async def test_an_admin_of_the_street_may_review(cast: Cast, settings):
    member = await _report(cast.resident, cast.community_b.code)
    await members.review(cast.street_admin, member, True, "", settings, WEB, now=NOW)
    assert (await Member.get(id=member.id)).status == M.VERIFIED


async def test_nobody_reviews_their_own_report_in(cast: Cast, settings):
    own = await _report(cast.staff_a, cast.grid_a.code)
    with pytest.raises(PermissionDenied):
        await members.review(cast.staff_a, own, True, "", settings, WEB, now=NOW)
    assert await members.pending_for(cast.staff_a) == []


async def test_declining_needs_a_reason(cast: Cast, settings):
    member = await _report(cast.resident, cast.grid_a.code)
    with pytest.raises(ValidationFailed) as refused:
        await members.review(cast.staff_a, member, False, "  ", settings, WEB, now=NOW)
    assert set(refused.value.fields) == {"reason"}
    assert (await Member.get(id=member.id)).status == M.PENDING


async def test_a_declined_member_corrects_and_reports_in_again(cast: Cast, settings):
    member = await _report(cast.resident, cast.grid_a.code)
    reason = "未查到该党员的组织关系"
    await members.review(cast.staff_a, member, False, reason, settings, WEB, now=NOW)
    declined = await Member.get(id=member.id)
    assert declined.status == M.DECLINED and declined.status_reason == reason
    assert declined.verified_at is None and declined.confirmed_until is None
    [told] = await _told("member.reviewed", cast.resident)
    assert told.payload["decision"] == "declined" and told.payload["reason"] == reason
    later = NOW + timedelta(days=2)
    fields = {"place": cast.grid_a.code, "real_name": "张丽华", "unit_name": "江城大学"}
    again = await members.report_in(cast.resident, fields, WEB, now=later)
    assert (again.id, again.status, again.status_reason, again.reported_at) == (
        member.id,
        M.PENDING,
        "",
        later,
    )
    await members.review(cast.staff_a, again, True, "", settings, WEB, now=later)
    assert [n.payload["decision"] for n in await _told("member.reviewed", cast.resident)] == [
        "declined",
        "approved",
    ]


async def test_a_report_in_is_decided_once(cast: Cast, settings):
    member = await _report(cast.resident, cast.grid_a.code)
    stale = await Member.get(id=member.id)
    await members.review(cast.staff_a, member, True, "", settings, WEB, now=NOW)
    with pytest.raises(Conflict):
        await members.review(cast.street_admin, stale, False, "重复", settings, WEB, now=NOW)
    assert (await Member.get(id=member.id)).status == M.VERIFIED
    assert len(await _told("member.reviewed", cast.resident)) == 1


# Staff lists ------------------------------------------------------------------------------------


async def test_each_reviewer_sees_the_report_ins_they_may_review(cast: Cast):
    in_a = await _report(cast.resident, cast.grid_a.code)
    neighbour = await user("13700000099", "邻居")
    in_b = await _report(neighbour, cast.community_b.code)
    assert [m.id for m in await members.pending_for(cast.staff_a)] == [in_a.id]
    assert [m.id for m in await members.pending_for(cast.staff_b)] == [in_b.id]
    assert {m.id for m in await members.pending_for(cast.street_admin)} == {in_a.id, in_b.id}
    assert await members.pending_for(cast.member) == []


async def test_staff_open_a_member_they_may_review_by_public_id(cast: Cast):
    await _report(cast.resident, cast.grid_a.code, unit_name="江城大学", unit_kind="school")
    found = await members.member_for_review(cast.staff_a, cast.resident.public_id)
    assert found.user_id == cast.resident.id and found.unit.kind == UnitKind.SCHOOL  # type: ignore[attr-defined]
    for outsider in (cast.staff_b, cast.resident):
        with pytest.raises(NotFound):
            await members.member_for_review(outsider, cast.resident.public_id)


async def test_members_of_a_centre_by_status(cast: Cast):
    pending = await _report(cast.resident, cast.community_a.code)
    everyone = await members.members_of(cast.centre_a)
    assert {m.status for m in everyone} == {M.VERIFIED, M.PENDING} and len(everyone) == 2
    assert [m.id for m in await members.members_of(cast.centre_a, M.PENDING)] == [pending.id]
    assert await members.members_of(cast.centre_b) == []
    assert len(await members.members_of(cast.street)) == 2


# Re-confirmation, reminder and lapse ------------------------------------------------------------


async def test_a_member_is_reminded_once_then_lapses_and_is_told_once(cast: Cast, settings):
    member = await _verified(cast, settings)
    early = await members.lapse_sweep(settings, at(UNTIL - timedelta(days=15)))
    assert early == members.Sweep(0, 0) and not await _told("member.reconfirm", cast.resident)
    for days_before in (14, 13, 0):
        await members.lapse_sweep(settings, at(UNTIL - timedelta(days=days_before)))
    [reminder] = await _told("member.reconfirm", cast.resident)
    assert reminder.payload["lapsed"] is False and reminder.payload["until"] == "2027-06-01"
    assert (await Member.get(id=member.id)).status == M.VERIFIED  # still on its last day
    swept = await members.lapse_sweep(settings, at(UNTIL + timedelta(days=1)))
    assert swept.lapsed == 1
    assert (await Member.get(id=member.id)).status == M.LAPSED
    again = await members.lapse_sweep(settings, at(UNTIL + timedelta(days=2)))
    assert again.lapsed == 0
    told = await _told("member.reconfirm", cast.resident)
    assert [n.payload["lapsed"] for n in told] == [False, True]
    assert [m.id for m in await members.members_of(cast.centre_a, M.LAPSED)] == [member.id]
    assert (
        await AuditEntry.filter(action="member.lapse", object_id=cast.resident.public_id).count()
        == 1
    )


async def test_the_sweep_leaves_pending_and_declined_members_alone(cast: Cast, settings):
    await _report(cast.resident, cast.grid_a.code)
    assert await members.lapse_sweep(settings, at(UNTIL + timedelta(days=400))) == members.Sweep(
        1, 0
    )  # only cast.member, enrolled verified from the real today, lapses
    assert (await Member.get(user=cast.resident)).status == M.PENDING


async def test_a_lapsed_member_reconfirms_and_is_verified_again(cast: Cast, settings):
    member = await _verified(cast, settings)
    await members.lapse_sweep(settings, at(UNTIL + timedelta(days=3)))
    back = await members.reconfirm(cast.resident, settings, WEB, now=at(UNTIL + timedelta(days=5)))
    expected = UNTIL + timedelta(days=5 + members.RECONFIRM_DAYS)
    assert back.status == M.VERIFIED and back.confirmed_until == expected
    assert (await Member.get(id=member.id)).confirmed_until == expected
    assert await AuditEntry.filter(action="member.reconfirm", actor_id=cast.resident.id).exists()


async def test_reconfirming_cancels_the_reminder_not_yet_sent_and_starts_a_new_period(
    cast: Cast, settings
):
    await _verified(cast, settings)
    await members.lapse_sweep(settings, at(UNTIL - timedelta(days=10)))
    await members.reconfirm(cast.resident, settings, WEB, now=at(UNTIL - timedelta(days=9)))
    [old] = await _told("member.reconfirm", cast.resident)
    assert old.status == NotificationStatus.CANCELLED
    new_until = UNTIL - timedelta(days=9) + timedelta(days=members.RECONFIRM_DAYS)
    await members.lapse_sweep(settings, at(new_until - timedelta(days=3)))
    told = await _told("member.reconfirm", cast.resident)
    assert [n.payload["until"] for n in told] == [UNTIL.isoformat(), new_until.isoformat()]


async def test_only_verified_or_lapsed_members_reconfirm(cast: Cast, settings):
    with pytest.raises(NotFound):
        await members.reconfirm(cast.resident, settings, WEB, now=NOW)
    await _report(cast.resident, cast.grid_a.code)
    with pytest.raises(Conflict):
        await members.reconfirm(cast.resident, settings, WEB, now=NOW)
    assert (await Member.get(user=cast.resident)).status == M.PENDING


async def test_enrolling_from_the_command_line_still_verifies_at_once(cast: Cast):
    street2 = await node("TS2", "第二街道", Level.STREET, cast.district)
    community = await node("TC", "丙社区", Level.COMMUNITY, street2)
    member = await members.enrol_verified(cast.resident, community.code, "张丽华", WEB)
    assert member.status == M.VERIFIED and member.confirmed_until is not None
