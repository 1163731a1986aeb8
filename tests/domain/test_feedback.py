"""Feedback on claims: who may rate or flag what, once per claim, and how each kind reaches the
member's reliability (the counters matching reads) — or deliberately does not."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from server.domain import claim_deadlines, claims, feedback
from server.domain.errors import Conflict, PermissionDenied, ValidationFailed
from server.domain.match_scores import Profile, reliability_part
from server.models.members import Claim, ClaimStatus, Feedback, FeedbackKind, Member, Task
from server.models.needs import Need, NeedStatus
from tests.cast import Cast
from tests.domain.claim_fixtures import (
    DAY,
    HOUR,
    NOW,
    WEB,
    claim_at,
    complete_at,
    make_task,
    member_of,
    member_user,
    wish_task,
)

C, K = ClaimStatus, FeedbackKind


async def _claimed(cast: Cast, settings, **need_args) -> Claim:  # type: ignore[no-untyped-def]
    return await claim_at(cast, settings, await wish_task(cast, **need_args))


async def _done(cast: Cast, settings, **need_args) -> Claim:  # type: ignore[no-untyped-def]
    return await complete_at(cast, settings, await _claimed(cast, settings, **need_args))


async def _counters(cast: Cast) -> tuple[int, int]:
    member = await member_of(cast.member)
    return member.completed_count, member.no_show_count


async def _ratings(cast: Cast) -> tuple[int, int]:
    member = await member_of(cast.member)
    return member.rating_count, member.rating_sum


# Residents rate -------------------------------------------------------------------------------


async def test_the_requester_rates_completed_help_once(cast: Cast, settings):
    claim = await _done(cast, settings)
    row = await feedback.rate_help(cast.resident, claim, "5", " 很热心 ", WEB, now=NOW + DAY)
    assert (row.kind, row.score, row.comment, row.author_id) == (  # type: ignore[attr-defined]
        K.RESIDENT_RATING,
        5,
        "很热心",
        cast.resident.id,
    )
    assert row.member_id == (await member_of(cast.member)).id  # type: ignore[attr-defined]
    with pytest.raises(Conflict):
        await feedback.rate_help(cast.resident, claim, 1, "改主意了", WEB, now=NOW + DAY)
    assert await Feedback.filter(kind=K.RESIDENT_RATING).count() == 1
    assert await _counters(cast) == (0, 0)  # a rating is not a fact of turning up
    assert await _ratings(cast) == (1, 5)  # the refused second rating added nothing


async def test_each_rating_adds_to_the_members_count_and_sum_once(cast: Cast, settings):
    for score in (4, 2):
        await feedback.rate_help(cast.resident, await _done(cast, settings), score, "", WEB)
    assert await _ratings(cast) == (2, 6)
    member = await member_of(cast.member)
    profile = Profile(member.id, member.node_path, rating_count=2, rating_sum=6)
    assert reliability_part(profile).params["average"] == "3.0"
    assert reliability_part(profile).points == -2.5  # 5 x ((6 + 8) / 4 - 4)


async def test_nobody_but_the_requester_rates(cast: Cast, settings):
    claim = await _done(cast, settings)
    for user in (cast.member, cast.staff_a, cast.street_admin):
        with pytest.raises(PermissionDenied):
            await feedback.rate_help(user, claim, 4, "", WEB)
    project = await claim_at(cast, settings, await make_task(cast))  # no resident asked for it
    with pytest.raises(PermissionDenied):
        await feedback.rate_help(cast.resident, project, 4, "", WEB)
    assert await Feedback.all().count() == 0


async def test_help_not_yet_recorded_is_not_rated_and_scores_run_from_1_to_5(cast: Cast, settings):
    claim = await _claimed(cast, settings)
    with pytest.raises(Conflict):
        await feedback.rate_help(cast.resident, claim, 5, "", WEB)
    await complete_at(cast, settings, claim)
    for score in ("0", "6", "4.5", "好", ""):
        with pytest.raises(ValidationFailed) as refused:
            await feedback.rate_help(cast.resident, claim, score, "", WEB)
        assert "score" in refused.value.fields


async def test_whoever_posted_for_a_resident_without_an_account_rates(cast: Cast, settings):
    claim = await _done(cast, settings, posted_by=cast.staff_a)
    with pytest.raises(PermissionDenied):
        await feedback.rate_help(cast.resident, claim, 3, "", WEB)
    await feedback.rate_help(cast.staff_a, claim, 3, "回访：老人说还行", WEB)
    assert (await Feedback.get(claim_id=claim.id)).author_id == cast.staff_a.id  # type: ignore[attr-defined]


async def test_two_ratings_at_once_leave_one(cast: Cast, settings):
    claim = await _done(cast, settings)
    results = await asyncio.gather(
        *(feedback.rate_help(cast.resident, claim, s, "", WEB) for s in (5, 4, 3)),
        return_exceptions=True,
    )
    assert sorted(type(r).__name__ for r in results) == ["Conflict", "Conflict", "Feedback"]
    row = await Feedback.get(claim_id=claim.id)
    assert await _ratings(cast) == (1, row.score)


async def test_ratings_are_averaged_per_member_within_a_window(cast: Cast, settings):
    member = await member_of(cast.member)
    for score, day in ((5, 1), (4, 2), (2, 40)):
        claim = await _done(cast, settings)
        await feedback.rate_help(cast.resident, claim, score, "", WEB, now=NOW + day * DAY)
    everything = await feedback.ratings([member.id])
    month = await feedback.ratings([member.id], NOW, NOW + 30 * DAY)
    assert everything[member.id] == feedback.Rating(3, 3.7)
    assert month[member.id] == feedback.Rating(2, 4.5)
    assert await feedback.ratings([member.id], NOW + 50 * DAY) == {}


# Members flag a resident they could not reach --------------------------------------------------


async def test_a_member_flags_a_resident_no_show_and_it_is_not_held_against_them(
    cast: Cast, settings
):
    claim = await _claimed(cast, settings)
    row = await feedback.flag_resident_no_show(
        cast.member, claim, "约好周六上午，敲门无人，电话未接", WEB, now=NOW + HOUR
    )
    assert (row.kind, row.score, row.author_id) == (K.NO_SHOW_RESIDENT, None, cast.member.id)  # type: ignore[attr-defined]
    again = await Claim.get(id=claim.id)
    assert (again.status, again.ended_reason, again.active_key) == (
        C.RETURNED,
        "约好周六上午，敲门无人，电话未接",
        None,
    )
    task = await Task.get(id=claim.task.id)
    assert task.taken == 0
    assert (await Need.get(id=task.need_id)).status == NeedStatus.OPEN_FOR_CLAIM  # type: ignore[attr-defined]
    # The sweep finds nothing to release: no no-show for the member, ever.
    assert await claim_deadlines.release_overdue(settings, NOW + 30 * DAY) == 0
    assert await _counters(cast) == (0, 0) and await _ratings(cast) == (0, 0)
    member = await member_of(cast.member)
    assert reliability_part(Profile(member.id, member.node_path)).points == 0
    assert await feedback.resident_no_shows(cast.resident) == 1
    assert await feedback.resident_no_shows(cast.member) == 0


async def test_only_the_claims_member_flags_and_says_what_happened(cast: Cast, settings):
    claim = await _claimed(cast, settings)
    other = await member_user(cast, "13900000009")
    for user in (other, cast.staff_a, cast.resident):
        with pytest.raises(PermissionDenied):
            await feedback.flag_resident_no_show(user, claim, "没人", WEB)
    with pytest.raises(ValidationFailed):
        await feedback.flag_resident_no_show(cast.member, claim, "  ", WEB)
    project = await claim_at(cast, settings, await make_task(cast))
    with pytest.raises(Conflict):  # no resident to miss
        await feedback.flag_resident_no_show(cast.member, project, "没人", WEB)
    await complete_at(cast, settings, claim)
    with pytest.raises(Conflict):  # the work is recorded: nothing to give back
        await feedback.flag_resident_no_show(cast.member, claim, "没人", WEB)
    assert await Feedback.all().count() == 0


# Staff record a member who did not come --------------------------------------------------------


async def test_staff_record_a_member_no_show_once_and_the_claim_is_released(cast: Cast, settings):
    claim = await _claimed(cast, settings)
    with pytest.raises(PermissionDenied):
        await feedback.record_member_no_show(cast.staff_b, claim, "未到场", WEB)
    with pytest.raises(ValidationFailed):
        await feedback.record_member_no_show(cast.staff_a, claim, "", WEB)
    await feedback.record_member_no_show(cast.staff_a, claim, "约定时间未到场，也未联系", WEB)
    again = await Claim.get(id=claim.id)
    assert (again.status, again.ended_reason) == (C.RELEASED, "约定时间未到场，也未联系")
    assert await _counters(cast) == (0, 1)
    with pytest.raises(Conflict):
        await feedback.record_member_no_show(cast.street_admin, claim, "再记一次", WEB)
    assert await claim_deadlines.release_overdue(settings, NOW + 30 * DAY) == 0
    assert await _counters(cast) == (0, 1)  # counted once, not again by the sweep
    member = await member_of(cast.member)
    profile = Profile(member.id, member.node_path, member.completed_count, member.no_show_count)
    assert reliability_part(profile).points < 0 and reliability_part(profile).params["missed"] == 1


async def test_a_claim_released_past_due_is_counted_already(cast: Cast, settings):
    claim = await _claimed(cast, settings)
    assert await claim_deadlines.release_overdue(settings, claim.due_at + HOUR) == 1
    with pytest.raises(Conflict):
        await feedback.record_member_no_show(cast.staff_a, claim, "未到场", WEB)
    assert await _counters(cast) == (0, 1)


async def test_a_task_given_back_too_late_counts_as_a_no_show_when_staff_say_so(
    cast: Cast, settings
):
    claim = await _claimed(cast, settings)
    await claims.give_back(cast.member, claim, "临时出差", settings, WEB, now=NOW + HOUR)
    assert await _counters(cast) == (0, 0)  # giving back with a reason is no no-show
    await feedback.record_member_no_show(cast.staff_a, claim, "当天才退回，老人白等", WEB)
    assert (await Claim.get(id=claim.id)).status == C.RETURNED
    assert await _counters(cast) == (0, 1)


async def test_recorded_work_is_disputed_not_recorded_as_a_no_show(cast: Cast, settings):
    claim = await _done(cast, settings)
    with pytest.raises(Conflict):
        await feedback.record_member_no_show(cast.staff_a, claim, "未到场", WEB)
    assert await Member.filter(no_show_count__gt=0).count() == 0
    assert timedelta(0) < claim.due_at - NOW
