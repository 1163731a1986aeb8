"""Matching: each part of the score moves the ranking its way, every suggestion says why, the
left-out are left out, and equally good members take turns at the top."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from server import cache, i18n
from server.domain import for_you, matching
from server.domain.match_scores import covered
from server.models.members import (
    ClaimStatus,
    Invitation,
    InvitationStatus,
    Member,
    MemberStatus,
    Pledge,
    Task,
    TaskStatus,
)
from tests.cast import Cast
from tests.domain.match_fixtures import (
    NOW,
    SAT,
    SATURDAY_9,
    SUN,
    World,
    claimed,
    job,
    make_world,
    person,
    pledge,
)


@pytest.fixture
async def world(cast: Cast) -> World:
    return await make_world(cast)


async def ranked(task: Task, among: list[Member]) -> list[Member]:
    """The candidates for ``task`` that are among ``among``, in their order."""
    wanted = {m.id for m in among}
    found = await matching.candidates_for(task, now=NOW, limit=100)
    return [s.member for s in found if s.member and s.member.id in wanted]


async def rated(member: Member, count: int, total: int) -> Member:
    """``member`` as residents rated them ``count`` times, ``total`` points in all."""
    await Member.filter(id=member.id).update(rating_count=count, rating_sum=total)
    return await Member.get(id=member.id)


async def parts_of(task: Task, member: Member) -> dict[str, float]:
    found = await matching.explain(task, member, now=NOW)
    assert isinstance(found, matching.Suggestion), found
    return {part.name: part.points for part in found.parts}


# Each part moves the ranking ------------------------------------------------------------------


async def test_a_member_who_pledged_the_asked_skill_ranks_first(world):
    fitting, other = await person(world.cast.grid_a), await person(world.cast.grid_a)
    await pledge(other, world.skills["repair"])
    await pledge(fitting, world.skills["tutoring"])
    task = await job(world, world.cast.grid_a, world.skills["tutoring"], title="辅导作业")
    assert await ranked(task, [other, fitting]) == [fitting, other]
    found = await matching.explain(task, fitting, now=NOW)
    assert isinstance(found, matching.Suggestion)
    skill = next(part for part in found.parts if part.name == "skill")
    assert skill.points == 40
    assert skill.params == {"matched": 1, "asked": 1, "skills": ["tutoring"]}
    assert "skill" not in await parts_of(task, other)


async def test_the_pledges_own_words_are_a_weaker_signal_than_a_pledged_skill(world):
    skilled, wordy, silent = [await person(world.cast.grid_a) for _ in range(3)]
    await pledge(silent, text="可以陪老人聊天")
    await pledge(wordy, text="周末可以辅导小学数学作业")
    await pledge(skilled, world.skills["tutoring"])
    task = await job(world, world.cast.grid_a, world.skills["tutoring"], title="辅导小学数学作业")
    assert await ranked(task, [silent, wordy, skilled]) == [skilled, wordy, silent]
    assert (await parts_of(task, wordy))["skill"] == 10


async def test_nearer_members_rank_first_same_grid_then_community_then_street(world):
    cast = world.cast
    street, community, grid = (
        await person(cast.community_b),
        await person(cast.community_a),
        await person(cast.grid_a),
    )
    far = await person(world.far_grid)
    task = await job(world, cast.grid_a)
    assert await ranked(task, [street, community, grid, far]) == [grid, community, street]
    assert [(await parts_of(task, m))["place"] for m in (grid, community, street)] == [30, 20, 10]


async def test_a_pledged_area_counts_like_home(world):
    cast = world.cast
    helper, neighbour = await person(cast.community_b), await person(cast.community_b)
    await pledge(helper, areas=[cast.grid_a])
    outsider = await person(world.far_grid)  # lives in another street, pledged this grid
    await pledge(outsider, areas=[cast.grid_a])
    task = await job(world, cast.grid_a)
    order = await ranked(task, [neighbour, helper, outsider])
    assert set(order[:2]) == {helper, outsider} and order[2] == neighbour
    found = await matching.explain(task, helper, now=NOW)
    assert isinstance(found, matching.Suggestion)
    assert [(p.points, p.reason) for p in found.parts if p.name == "place"] == [
        (30, "Pledged to serve this grid")
    ]


async def test_members_free_at_the_tasks_time_rank_first(world):
    grid = world.cast.grid_a
    free, partly, any_time, busy, gone = [await person(grid) for _ in range(5)]
    await pledge(busy, windows=[(SUN, "09:00", "12:00")])
    await pledge(gone, windows=[(SAT, "09:00", "12:00")], date_to=date(2026, 12, 4))
    await pledge(partly, windows=[(SAT, "10:30", "12:00")])
    await pledge(any_time)
    await pledge(free, windows=[(SAT, "09:00", "12:00"), (SUN, "14:00", "17:00")])
    start = SATURDAY_9 + timedelta(minutes=30)  # 09:30-11:30 on Saturday
    task = await job(world, grid, starts_at=start, ends_at=start + timedelta(hours=2))
    order = await ranked(task, [busy, gone, partly, any_time, free])
    assert order == [free, partly, any_time, busy, gone]
    points = [(await parts_of(task, m)).get("time") for m in order]
    assert points == [20, 10, None, -10, -20]
    untimed = await job(world, grid)
    assert ["time" in await parts_of(untimed, m) for m in order] == [False] * 5


async def test_members_with_fewer_recent_tasks_rank_first(world):
    busy, rested, new = [await person(world.cast.grid_a) for _ in range(3)]
    for days in (3, 10):
        await claimed(world, busy, NOW - timedelta(days=days))
    await claimed(world, rested, NOW - timedelta(days=40))  # before the 30 days
    task = await job(world, world.cast.grid_a)
    order = await ranked(task, [busy, rested, new])
    assert order[-1] == busy
    assert (await parts_of(task, busy))["fair"] == 5
    assert (await parts_of(task, rested))["fair"] == (await parts_of(task, new))["fair"] == 15


async def test_reliability_has_a_prior_so_newcomers_are_not_punished(world):
    grid = world.cast.grid_a
    steady = await person(grid, done=10)
    newcomer = await person(grid)
    flaky = await person(grid, done=2, missed=3)
    task = await job(world, grid)
    assert await ranked(task, [flaky, newcomer, steady]) == [steady, newcomer, flaky]
    assert "reliability" not in await parts_of(task, newcomer)  # 0 points: not shown
    assert (
        (await parts_of(task, steady))["reliability"]
        > 0
        > (await parts_of(task, flaky))["reliability"]
    )


async def test_a_well_rated_member_ranks_above_an_equal_badly_rated_one(world):
    grid = world.cast.grid_a
    liked, unrated, disliked = [await person(grid, done=5) for _ in range(3)]
    liked = await rated(liked, 5, 25)
    disliked = await rated(disliked, 5, 7)
    task = await job(world, grid)
    assert await ranked(task, [disliked, unrated, liked]) == [liked, unrated, disliked]
    base = (await parts_of(task, unrated))["reliability"]  # 50 x (9/10 - 0.8) = 5
    assert base == 5
    assert (await parts_of(task, liked))["reliability"] == 8.6  # + 5 x (33/7 - 4)
    assert (await parts_of(task, disliked))["reliability"] == -4.3  # + 5 x (15/7 - 4)


async def test_ratings_alone_move_a_newcomer_only_a_little_each(world):
    grid = world.cast.grid_a
    once_poor, often_poor = await person(grid), await person(grid)
    once_poor = await rated(once_poor, 1, 1)
    often_poor = await rated(often_poor, 40, 40)
    task = await job(world, grid)
    assert (await parts_of(task, once_poor))["reliability"] == -5.0  # 5 x (9/3 - 4)
    assert -15 < (await parts_of(task, often_poor))["reliability"] == -14.3  # towards -15


async def test_the_reliability_reason_shows_the_residents_average_rating(world):
    member = await person(world.cast.grid_a, done=3, missed=1)
    member = await rated(member, 3, 14)
    task = await job(world, world.cast.grid_a)
    found = await matching.explain(task, member, now=NOW)
    assert isinstance(found, matching.Suggestion)
    [part] = [p for p in found.parts if p.name == "reliability"]
    assert part.params == {"done": 3, "missed": 1, "average": "4.7"}
    token = i18n.set_language("en")
    try:
        text = i18n.gettext(part.reason, **part.params)
    finally:
        i18n._current.reset(token)
    assert text == "Done: 3, no-shows: 1, rated 4.7 by residents"
    unrated = await person(world.cast.grid_a, done=3, missed=1)
    [plain] = [p for p in (await matching.explain(task, unrated, now=NOW)).parts  # type: ignore[union-attr]
               if p.name == "reliability"]  # fmt: skip
    assert plain.params == {"done": 3, "missed": 1} and "rated" not in plain.reason


# Explanations -----------------------------------------------------------------------------------


async def test_every_suggestion_lists_its_non_zero_parts_and_they_add_up(world):
    member = await person(world.cast.grid_a, done=10)
    await pledge(member, world.skills["tutoring"], windows=[(SAT, "08:00", "12:00")])
    task = await job(
        world, world.cast.grid_a, world.skills["tutoring"], world.skills["repair"],
        starts_at=SATURDAY_9, ends_at=SATURDAY_9 + timedelta(hours=2),
    )  # fmt: skip
    [found] = [s for s in await matching.candidates_for(task, now=NOW) if s.member.id == member.id]
    names = [part.name for part in found.parts]
    assert names == ["skill", "place", "time", "fair", "reliability"]
    assert all(part.points for part in found.parts)
    assert (
        found.total == round(sum(part.points for part in found.parts), 1) == 91.7
    )  # 20 + 30 + 20 + 15 + 6.7
    for language in ("en", "zh-CN"):
        token = i18n.set_language(language)
        try:
            texts = [i18n.gettext(part.reason, **part.params) for part in found.parts]
        finally:
            i18n._current.reset(token)
        assert all(texts)
    assert found.as_json()["parts"][0] == {
        "name": "skill",
        "points": 20.0,
        "reason": "Pledged skills asked: %(matched)d of %(asked)d",
        "params": {"matched": 1, "asked": 2, "skills": ["tutoring"]},
    }


# Who is left out --------------------------------------------------------------------------------


async def test_candidates_leave_out_whom_they_must_and_explain_why(world):
    grid = world.cast.grid_a
    task = await job(world, grid, hours="3.0")
    pending = await person(grid, status=MemberStatus.PENDING)
    lapsed = await person(grid, confirmed_until=date(2026, 11, 30))
    at_cap = await person(grid)
    await pledge(at_cap, monthly_tasks=1)
    await claimed(world, at_cap, NOW - timedelta(hours=1))  # this month
    hours_cap = await person(grid)
    await pledge(hours_cap, monthly_hours="2")
    has_claimed = await person(grid)
    await claimed(world, has_claimed, NOW - timedelta(hours=2), task, ClaimStatus.CLAIMED)
    declined, invited = await person(grid), await person(grid)
    await Invitation.create(
        task=task, member=declined, status=InvitationStatus.DECLINED, reason="出差"
    )
    await Invitation.create(task=task, member=invited)
    fine = await person(grid)
    left_out = [pending, lapsed, at_cap, hours_cap, has_claimed, declined, invited]
    assert await ranked(task, [*left_out, fine]) == [fine]
    reasons = [await matching.explain(task, m, now=NOW) for m in left_out]
    assert all(isinstance(r, matching.Excluded) for r in reasons)
    assert [r.reason for r in reasons] == [
        "Not a verified member",
        "The report-in has lapsed: it is due to be re-confirmed",
        "Reached the pledge of %(count)d tasks a month",
        "This task would go past the pledge of %(hours)s hours a month",
        "Already claimed this task",
        "Declined this task: %(reason)s",
        "Already invited to this task",
    ]
    assert reasons[2].params == {"count": 1} and reasons[5].params == {"reason": "出差"}


async def test_claims_given_back_and_last_months_claims_do_not_count_towards_the_cap(world):
    member = await person(world.cast.grid_a)
    await pledge(member, monthly_tasks=1)
    await claimed(world, member, NOW - timedelta(days=3))  # November: another month
    await claimed(world, member, NOW - timedelta(hours=1), status=ClaimStatus.RETURNED)
    task = await job(world, world.cast.grid_a)
    assert await ranked(task, [member]) == [member]


# Fairness ---------------------------------------------------------------------------------------


async def test_the_same_member_is_not_always_first_over_dispatch_rounds(world):
    grid, tutoring = world.cast.grid_a, world.skills["tutoring"]
    equals = [await person(grid) for _ in range(4)]
    for member in equals:
        await pledge(member, tutoring)
    firsts = []
    for round_ in range(5):
        task = await job(world, grid, tutoring, title=f"第{round_}次辅导")
        first = (await ranked(task, equals))[0]
        firsts.append(first.id)
        await claimed(world, first, NOW - timedelta(hours=5 - round_), task, ClaimStatus.CLAIMED)
    assert len(set(firsts[:4])) == 4  # each took a turn
    assert firsts[4] == firsts[0]  # then the one whose last task is oldest


async def test_equal_members_share_first_place_across_tasks_even_before_any_claim(world):
    grid = world.cast.grid_a
    equals = [await person(grid) for _ in range(5)]
    tasks = [await job(world, grid, title=f"任务{i}") for i in range(12)]
    firsts = {(await ranked(task, equals))[0].id for task in tasks}
    assert len(firsts) > 1


# "For you" --------------------------------------------------------------------------------------


async def test_for_member_ranks_near_and_fitting_tasks_first(world):
    cast, tutoring = world.cast, world.skills["tutoring"]
    member = await person(cast.grid_a)
    await pledge(member, tutoring)
    near_fit = await job(world, cast.grid_a, tutoring)
    near = await job(world, cast.grid_a)
    street_fit = await job(world, cast.community_b, tutoring, centre=cast.centre_b)
    street = await job(world, cast.community_b, centre=cast.centre_b)
    await job(world, world.far_grid, tutoring)  # another street: not suggested
    found = await for_you.for_member(member, now=NOW)
    assert [s.task.id for s in found] == [near_fit.id, street_fit.id, near.id, street.id]
    assert [s.total for s in found] == [70, 50, 30, 10]
    assert [p.name for p in found[0].parts] == ["skill", "place"]  # no fair or reliability


async def test_for_member_offers_only_tasks_they_can_still_take(world):
    grid = world.cast.grid_a
    member = await person(grid)
    full = await job(world, grid, capacity=1)
    await Task.filter(id=full.id).update(taken=1)
    done = await job(world, grid)
    await Task.filter(id=done.id).update(status=TaskStatus.DONE)
    await job(world, grid, starts_at=NOW - timedelta(hours=1))
    mine = await job(world, grid)
    await claimed(world, member, NOW - timedelta(days=1), mine, ClaimStatus.CLAIMED)
    declined = await job(world, grid)
    await Invitation.create(task=declined, member=member, status=InvitationStatus.DECLINED)
    invited = await job(world, grid)
    await Invitation.create(task=invited, member=member)
    later = await job(world, grid, starts_at=SATURDAY_9)
    found = await for_you.for_member(member, now=NOW)
    assert sorted(s.task.id for s in found) == sorted([invited.id, later.id])


async def test_for_member_respects_the_monthly_pledge(world):
    grid = world.cast.grid_a
    member = await person(grid)
    pledged = await pledge(member, monthly_hours="4")
    await claimed(world, member, NOW - timedelta(hours=1), hours="3.0")
    short = await job(world, grid, hours="1.0")
    await job(world, grid, hours="2.0")  # 3 + 2 hours would pass the pledged 4
    assert [s.task.id for s in await for_you.for_member(member, now=NOW)] == [short.id]
    await Pledge.filter(id=pledged.id).update(monthly_tasks=1)
    await cache.bump(cache.member(member.id))  # as pledges.update_pledge does
    assert await for_you.for_member(member, now=NOW) == []


async def test_for_member_is_empty_for_members_not_verified_or_lapsed(world):
    grid = world.cast.grid_a
    await job(world, grid)
    pending = await person(grid, status=MemberStatus.PENDING)
    lapsed = await person(grid, status=MemberStatus.LAPSED)
    late = await person(grid, confirmed_until=date(2026, 11, 1))
    for member in (pending, lapsed, late):
        assert await for_you.for_member(member, now=NOW) == []
    assert len(await for_you.for_member(await person(grid), now=NOW)) == 1


# The pure parts ---------------------------------------------------------------------------------


def test_overlapping_windows_count_once_and_nights_cross_midnight():
    saturday = datetime(2026, 12, 5, 9, 0)
    windows = ((SAT, 540, 660), (SAT, 600, 720))  # 09:00-11:00 and 10:00-12:00
    assert covered(windows, saturday, saturday + timedelta(hours=3)) == 1.0
    night = datetime(2026, 12, 5, 22, 0)
    assert covered(((SAT, 1320, 1440), (SUN, 0, 60)), night, night + timedelta(hours=4)) == 0.75


async def test_malformed_availability_is_ignored(world):
    member = await person(world.cast.grid_a)
    made = await pledge(member)
    await Pledge.filter(id=made.id).update(availability=[{"weekday": 5}, "x", {"start": "9"}])
    task = await job(world, world.cast.grid_a, starts_at=SATURDAY_9)
    assert "time" not in await parts_of(task, member)
