"""Needs and small wishes: posting, every transition (allowed and refused), deadlines and
escalation driven by a given clock, privacy for five kinds of user, rating."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server.domain import need_deadlines, need_posting, needs
from server.domain.accounts import register
from server.domain.audit import CLI, Origin
from server.domain.errors import Conflict, PermissionDenied, Throttled, ValidationFailed
from server.domain.roles import grant
from server.models.accounts import Role
from server.models.needs import Need, NeedCategory, NeedEvent, NeedKind, NeedStatus
from server.models.notifications import Notification
from server.redis_client import get_redis
from tests.cast import Cast

S = NeedStatus
WEB = Origin(ip="10.0.0.3")
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


async def _category(cast: Cast, kind: NeedKind = NeedKind.NEED) -> NeedCategory:
    return await NeedCategory.create(
        centre=cast.centre_a,
        kind=kind,
        name="公共设施" if kind == NeedKind.NEED else "微心愿",
        response_hours=24,
        resolution_hours=72,
    )


async def _post(cast: Cast, settings, user=None, **form: str) -> Need:  # type: ignore[no-untyped-def]
    category = await NeedCategory.filter(centre=cast.centre_a).first() or await _category(cast)
    fields = {
        "category": category.code,
        "title": "3号楼楼道灯坏了",
        "description": "晚上看不见台阶",
        "place": cast.grid_a.code,
        "address": "甲路1号3号楼2单元",
        **form,
    }
    return await need_posting.post(
        user or cast.resident, cast.centre_a, fields, settings, WEB, get_redis(settings), now=NOW
    )


async def _at(need: Need, status: NeedStatus) -> Need:
    await Need.filter(id=need.id).update(status=status)
    return await needs.need_by_code(need.code)


# Posting ----------------------------------------------------------------------------------------


async def test_a_resident_posts_a_need_with_its_response_deadline(cast: Cast, settings):
    need = await _post(cast, settings)
    assert need.status == S.SUBMITTED and need.requester_id == cast.resident.id  # type: ignore[attr-defined]
    assert need.node_path == cast.grid_a.path and need.response_due_at == NOW + timedelta(hours=24)
    assert need.contact_phone == cast.resident.phone
    event = await NeedEvent.get(need_id=need.id)
    assert (event.action, event.to_status, event.actor_id) == (
        "submit",
        "submitted",
        cast.resident.id,
    )  # type: ignore[attr-defined]


async def test_a_bad_post_reports_every_field_and_writes_nothing(cast: Cast, settings):
    await _category(cast)
    with pytest.raises(ValidationFailed) as refused:
        await _post(
            cast, settings, title=" ", category="NOPE", urgency="panic", budget_cap="-3",
            kind="wish", place=cast.community_b.code,
        )  # fmt: skip
    assert {"title", "category", "urgency", "budget_cap", "kind", "place"} <= set(
        refused.value.fields
    )
    assert not await Need.exists()


async def test_a_small_wish_names_its_item_and_may_cap_a_budget(cast: Cast, settings):
    wish = await _category(cast, NeedKind.SMALL_WISH)
    with pytest.raises(ValidationFailed) as refused:
        await _post(cast, settings, kind="small_wish", category=wish.code)
    assert "wish_item" in refused.value.fields
    need = await _post(
        cast,
        settings,
        kind="small_wish",
        category=wish.code,
        wish_item="一副老花镜",
        budget_cap="80",
    )
    assert need.kind == NeedKind.SMALL_WISH and need.budget_cap == 80


async def test_a_grid_worker_posts_on_behalf_but_a_resident_cannot(cast: Cast, settings):
    worker = await register("13700000009", "correct-horse-9", "网格员", "zh-CN", CLI, settings)
    await grant(worker, Role.GRID_WORKER, cast.grid_a.code, None, CLI)
    behalf = {"on_behalf": "1", "contact_name": "王奶奶", "contact_phone": "13911112222"}
    need = await _post(cast, settings, user=worker, **behalf)
    assert need.requester_id is None and need.posted_by_id == worker.id  # type: ignore[attr-defined]
    assert (need.contact_name, need.contact_phone) == ("王奶奶", "13911112222")
    with pytest.raises(PermissionDenied):
        await _post(cast, settings, user=cast.member, **behalf)


async def test_posting_is_limited_per_day(cast: Cast, settings):
    for _ in range(need_posting.POSTS_PER_DAY):
        await _post(cast, settings)
    with pytest.raises(Throttled):
        await _post(cast, settings)
    assert await Need.all().count() == need_posting.POSTS_PER_DAY


# Transitions ------------------------------------------------------------------------------------

ALLOWED = [
    # action, from, who (cast attribute or "requester"/"assignee"), to
    ("accept", S.SUBMITTED, "staff_a", S.ACCEPTED),
    ("reject", S.SUBMITTED, "staff_a", S.REJECTED),
    ("publish", S.ACCEPTED, "staff_a", S.OPEN_FOR_CLAIM),
    ("assign", S.ACCEPTED, "street_admin", S.ASSIGNED),
    ("start", S.ASSIGNED, "assignee", S.IN_PROGRESS),
    ("resolve", S.IN_PROGRESS, "assignee", S.RESOLVED),
    ("confirm", S.RESOLVED, "resident", S.CONFIRMED),
    ("reopen", S.RESOLVED, "resident", S.REOPENED),
    ("resolve", S.REOPENED, "staff_a", S.RESOLVED),
    ("close", S.CONFIRMED, "staff_a", S.CLOSED),
]


@pytest.mark.parametrize(("action", "source", "who", "target"), ALLOWED)
async def test_each_allowed_transition_moves_once_and_leaves_an_event(
    cast: Cast, settings, action, source, who, target
):
    need = await _at(await _post(cast, settings), source)
    await Need.filter(id=need.id).update(assigned_to_id=cast.member.id)
    need = await needs.need_by_code(need.code)
    actor = cast.member if who == "assignee" else getattr(cast, who)
    extra = {"assignee": cast.member} if action == "assign" else {}
    moved = await needs.act(actor, need, action, settings, WEB, note="说明", now=NOW, **extra)
    assert moved.status == target and (await Need.get(id=need.id)).status == target
    event = await NeedEvent.filter(need_id=need.id, action=action).get()
    assert (event.from_status, event.to_status, event.actor_id) == (
        source.value,
        target.value,
        actor.id,
    )  # type: ignore[attr-defined]


REFUSED_STATUS = [
    ("accept", S.ACCEPTED),
    ("confirm", S.IN_PROGRESS),
    ("resolve", S.SUBMITTED),
    ("close", S.IN_PROGRESS),
    ("reopen", S.CONFIRMED),
    ("start", S.OPEN_FOR_CLAIM),
]


@pytest.mark.parametrize(("action", "source"), REFUSED_STATUS)
async def test_a_transition_from_the_wrong_status_is_refused(cast: Cast, settings, action, source):
    need = await _at(await _post(cast, settings), source)
    who = cast.resident if action in ("confirm", "reopen") else cast.staff_a
    with pytest.raises(Conflict):
        await needs.act(who, need, action, settings, WEB, note="说明", now=NOW)
    assert (await Need.get(id=need.id)).status == source
    assert not await NeedEvent.filter(need_id=need.id, action=action).exists()


@pytest.mark.parametrize(
    ("action", "source", "who"),
    [
        ("accept", S.SUBMITTED, "resident"),  # the requester does not triage
        ("accept", S.SUBMITTED, "staff_b"),  # another centre's staff
        ("confirm", S.RESOLVED, "staff_a"),  # only the requester confirms
        ("resolve", S.IN_PROGRESS, "member"),  # not the assignee
    ],
)
async def test_a_transition_by_the_wrong_person_is_refused(
    cast: Cast, settings, action, source, who
):
    need = await _at(await _post(cast, settings), source)
    with pytest.raises(PermissionDenied):
        await needs.act(getattr(cast, who), need, action, settings, WEB, note="说明", now=NOW)
    assert (await Need.get(id=need.id)).status == source


async def test_a_reason_is_required_to_reject_and_two_staff_cannot_both_accept(
    cast: Cast, settings
):
    need = await _post(cast, settings)
    with pytest.raises(ValidationFailed):
        await needs.act(cast.staff_a, need, "reject", settings, WEB, note=" ", now=NOW)
    stale = await needs.need_by_code(need.code)
    await needs.act(cast.staff_a, need, "accept", settings, WEB, now=NOW)
    with pytest.raises(Conflict):
        await needs.act(cast.street_admin, stale, "accept", settings, WEB, now=NOW)
    assert await NeedEvent.filter(need_id=need.id, action="accept").count() == 1


async def test_accepting_answers_in_time_sets_the_resolution_deadline_and_tells_the_requester(
    cast: Cast, settings
):
    need = await _post(cast, settings)
    later = NOW + timedelta(hours=3)
    await needs.act(cast.staff_a, need, "accept", settings, WEB, now=later)
    saved = await Need.get(id=need.id)
    assert saved.responded_at == later and saved.resolution_due_at == later + timedelta(hours=72)
    message = await Notification.get(
        event="need.updated", user_id=cast.resident.id, channel="inbox"
    )
    assert message.payload["status"] == "accepted"


# Deadlines and escalation -----------------------------------------------------------------------


async def test_a_late_need_is_escalated_once_per_level(cast: Cast, settings):
    need = await _post(cast, settings)
    due = NOW + timedelta(hours=24)
    assert await need_deadlines.escalate_late(settings, now=due) == 0  # on time to the minute
    assert await need_deadlines.escalate_late(settings, now=due + timedelta(minutes=1)) == 1
    assert await need_deadlines.escalate_late(settings, now=due + timedelta(hours=2)) == 0  # once
    late = await Notification.filter(event="need.late", channel="inbox")
    assert [n.user_id for n in late] == [cast.staff_a.id]  # type: ignore[attr-defined]
    assert not await Notification.filter(event="need.supervision").exists()
    day_later = due + need_deadlines.SUPERVISION_AFTER + timedelta(minutes=1)
    assert await need_deadlines.escalate_late(settings, now=day_later) == 1
    assert await need_deadlines.escalate_late(settings, now=day_later + timedelta(days=3)) == 0
    supervision = await Notification.filter(event="need.supervision", channel="inbox")
    assert [n.user_id for n in supervision] == [cast.street_admin.id]  # type: ignore[attr-defined]
    assert (await Need.get(id=need.id)).escalation_level == 2
    assert await NeedEvent.filter(need_id=need.id, action="escalate").count() == 2


async def test_a_need_found_very_late_tells_the_centre_and_the_node_above_at_once(
    cast: Cast, settings
):
    await _post(cast, settings)
    assert await need_deadlines.escalate_late(settings, now=NOW + timedelta(days=5)) == 1
    assert await Notification.filter(event="need.late", channel="inbox").count() == 1
    assert await Notification.filter(event="need.supervision", channel="inbox").count() == 1


async def test_answered_and_unreasonable_needs_are_not_escalated_for_the_response(
    cast: Cast, settings
):
    answered = await _post(cast, settings)
    await needs.act(cast.staff_a, answered, "accept", settings, WEB, now=NOW)
    flagged = await _post(cast, settings)
    await needs.mark_unreasonable(cast.staff_a, flagged, "重复骚扰", WEB)
    assert await need_deadlines.escalate_late(settings, now=NOW + timedelta(hours=30)) == 0
    # the resolution deadline (72 h after acceptance) still applies to the accepted one
    assert await need_deadlines.escalate_late(settings, now=NOW + timedelta(hours=73)) == 1


# Privacy ----------------------------------------------------------------------------------------


async def test_private_details_are_for_the_requester_the_centre_and_the_assignee_only(
    cast: Cast, settings
):
    need = await _post(cast, settings)
    other = await register("13700000008", "correct-horse-9", "邻居", "zh-CN", CLI, settings)
    sees = {
        "requester": await needs.may_see_private(cast.resident, need),
        "other resident": await needs.may_see_private(other, need),
        "staff of the centre": await needs.may_see_private(cast.staff_a, need),
        "staff of another centre": await needs.may_see_private(cast.staff_b, need),
        "street admin": await needs.may_see_private(cast.street_admin, need),
        "member before assignment": await needs.may_see_private(cast.member, need),
    }
    assert sees == {
        "requester": True,
        "other resident": False,
        "staff of the centre": True,
        "staff of another centre": False,
        "street admin": False,
        "member before assignment": False,
    }
    await needs.act(cast.staff_a, need, "accept", settings, WEB, now=NOW)
    await needs.act(cast.staff_a, need, "assign", settings, WEB, assignee=cast.member, now=NOW)
    assert await needs.may_see_private(cast.member, need)
    await _at(need, S.CLOSED)
    closed = await needs.need_by_code(need.code)
    assert not await needs.may_see_private(cast.member, closed)
    assert not await needs.may_see_private(cast.staff_a, closed)
    assert await needs.may_see_private(cast.resident, closed)


# Rating -----------------------------------------------------------------------------------------


async def test_the_requester_rates_once_and_dissatisfied_reopens(cast: Cast, settings):
    need = await _at(await _post(cast, settings), S.RESOLVED)
    with pytest.raises(Conflict):
        await needs.rate(cast.resident, need, "satisfied", "", settings, WEB)  # not confirmed yet
    await needs.act(cast.resident, need, "confirm", settings, WEB, now=NOW)
    with pytest.raises(PermissionDenied):
        await needs.rate(cast.staff_a, need, "satisfied", "", settings, WEB)
    with pytest.raises(ValidationFailed):
        await needs.rate(cast.resident, need, "meh", "", settings, WEB)
    rated = await needs.rate(cast.resident, need, "dissatisfied", "灯又坏了", settings, WEB)
    assert rated.status == S.REOPENED and (await Need.get(id=need.id)).rating == "dissatisfied"
    with pytest.raises(Conflict):
        await needs.rate(
            cast.resident, await needs.need_by_code(need.code), "satisfied", "", settings, WEB
        )
    event = await NeedEvent.get(need_id=need.id, action="rate")
    assert event.data["rating"] == "dissatisfied" and event.to_status == "reopened"
    stored = await Need.get(id=need.id)
    assert stored.resolved_at is None and stored.escalation_level == 0
    assert event.data["resolution_due_at"] == stored.resolution_due_at.isoformat()  # type: ignore[union-attr]
    told = await Notification.filter(event="need.dissatisfied").values_list("user_id", flat=True)
    assert {cast.staff_a.id, cast.street_admin.id} <= set(told)  # the centre and the street


async def test_reopening_gives_a_fresh_resolution_time(cast: Cast, settings):
    need = await _post(cast, settings)
    for action in ("accept", "assign"):
        need = await needs.act(
            cast.staff_a, need, action, settings, WEB, department="物业", now=NOW
        )
    need = await needs.act(cast.staff_a, need, "resolve", settings, WEB, note="修好了", now=NOW)
    later = NOW + timedelta(days=5)  # past the first 72 hours
    await Need.filter(id=need.id).update(escalation_level=1)
    need = await needs.act(cast.resident, need, "reopen", settings, WEB, note="又坏了", now=later)
    stored = await Need.get(id=need.id)
    assert stored.resolution_due_at == later + timedelta(hours=72)
    assert stored.escalation_level == 0 and stored.resolved_at is None


async def test_who_posted_for_someone_confirms_and_rates_for_them(cast: Cast, settings):
    need = await _post(
        cast, settings, user=cast.staff_a, on_behalf="1", contact_name="王阿姨",
        contact_phone="13900000009",
    )  # fmt: skip
    need = await _at(need, S.RESOLVED)
    with pytest.raises(PermissionDenied):
        await needs.act(cast.resident, need, "confirm", settings, WEB, now=NOW)
    await needs.act(cast.staff_a, need, "confirm", settings, WEB, now=NOW)
    rated = await needs.rate(cast.staff_a, need, "satisfied", "回访满意", settings, WEB)
    assert rated.rating == "satisfied"


async def test_the_worker_cron_escalates_late_needs(cast: Cast, settings):
    from workers.needs import escalate_needs
    from workers.settings import WorkerSettings

    assert any(job.coroutine is escalate_needs for job in WorkerSettings.cron_jobs)
    await _post(cast, settings)
    await Need.all().update(response_due_at=datetime.now(UTC) - timedelta(minutes=5))
    assert await escalate_needs({}) == {"escalated": 1}
    assert await Notification.filter(event="need.late").exists()


async def test_opening_a_need_to_volunteers_creates_its_task_once(cast: Cast, settings):
    from server.models.members import Task

    wish = await _category(cast, NeedKind.SMALL_WISH)
    need = await _post(cast, settings, kind="small_wish", category=wish.code, wish_item="书包")
    need = await needs.act(cast.staff_a, need, "accept", settings, WEB, now=NOW)
    need = await needs.act(cast.staff_a, need, "publish", settings, WEB, now=NOW)
    task = await Task.get(need_id=need.id)
    assert (task.title, task.capacity, task.status.value, task.node_path) == (
        need.title, 1, "open", need.node_path,
    )  # fmt: skip
    event = await NeedEvent.get(need_id=need.id, action="publish")
    assert event.data["task"] == task.code


async def test_the_member_who_claims_a_need_sees_where_to_go_until_giving_it_back(cast, settings):
    from server.domain import claims
    from server.models.members import Task

    need = await _post(cast, settings)
    for action in ("accept", "publish"):
        need = await needs.act(cast.staff_a, need, action, settings, WEB)
    assert not await needs.may_see_private(cast.member, need)
    task = await Task.get(need_id=need.id)
    claim = await claims.claim(cast.member, task, settings, WEB)
    assert await needs.may_see_private(cast.member, need)
    assert await needs.may_see_original(cast.member, need)
    await claims.give_back(cast.member, await claims.fresh(claim), "临时出差", settings, WEB)
    assert not await needs.may_see_private(cast.member, await needs.need_by_code(need.code))
