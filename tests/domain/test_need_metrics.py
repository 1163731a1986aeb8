"""The three rates of needs, from event rows: deadlines driven by a given clock, exclusions,
scopes and groups, "as of" an instant, and the period's edges (the brute-force recount of a
random history is in test_need_metrics_recount.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from server.domain.need_metrics import (
    EMPTY,
    Rates,
    month_window,
    previous_month,
    rates,
    rates_by_centre,
    rates_by_child_node,
)
from server.models.needs import Need, NeedEvent
from server.settings import Settings
from tests.cast import Cast
from tests.domain.metrics_fixtures import LATER, MARCH, NOW, H, S, r
from tests.domain.metrics_fixtures import post as _post
from tests.domain.metrics_fixtures import walk as _walk


def _done(
    at: datetime, confirm_at: datetime, *after: tuple[str, datetime]
) -> list[tuple[str, datetime]]:
    """Accepted at ``at``, fixed an hour later, confirmed at ``confirm_at``."""
    return [
        ("accept", at),
        ("assign", at),
        ("resolve", at + H),
        ("confirm", confirm_at),
        *after,
    ]


async def _march(at: datetime, **scope: Any) -> Rates:
    return await rates(start=MARCH[0], end=MARCH[1], at=at, **scope)


# Response ---------------------------------------------------------------------------------------


async def test_an_answer_by_the_deadline_counts_and_a_late_one_does_not(cast: Cast, settings):
    on_time, late, at_the_minute = [await _post(cast, settings) for _ in range(3)]
    await _walk(cast, settings, on_time, ("accept", NOW + 3 * H))
    await _walk(cast, settings, late, ("reject", NOW + 30 * H))
    await _walk(cast, settings, at_the_minute, ("accept", NOW + 24 * H))
    figures = await _march(NOW + 40 * H)
    assert figures.response == r(2, 3) and figures.response.value == Decimal("0.6667")
    assert figures.received == 3


async def test_a_need_inside_its_response_time_is_not_counted_either_way(cast: Cast, settings):
    await _post(cast, settings)
    assert (await _march(NOW + 23 * H)).response == r(0, 0)
    assert (await _march(NOW + 24 * H)).response.value is None  # at the deadline: still in time
    late = await _march(NOW + 24 * H + timedelta(seconds=1))
    assert late.response == r(0, 1) and late.response.value == Decimal(0)


async def test_an_answer_before_the_deadline_counts_at_once(cast: Cast, settings):
    answered = await _post(cast, settings)
    await _post(cast, settings)  # not answered, not yet due
    await _walk(cast, settings, answered, ("accept", NOW + 2 * H))
    figures = await _march(NOW + 5 * H)  # neither deadline has passed
    assert figures.response == r(1, 1) and figures.received == 2


async def test_only_the_first_answer_counts(cast: Cast, settings):
    need = await _post(cast, settings)
    await _walk(cast, settings, need, ("accept", NOW + 30 * H))
    # rows written out of order (a slow writer): the earliest stamp is the first answer
    await NeedEvent.create(need=need, action="reject", created_at=NOW + H, data={})
    await NeedEvent.create(need=need, action="reject", created_at=NOW + 50 * H, data={})
    assert (await _march(LATER)).response == r(1, 1)


# Resolution -------------------------------------------------------------------------------------


async def test_a_need_confirmed_before_its_deadline_counts_early(cast: Cast, settings):
    early, pending = await _post(cast, settings), await _post(cast, settings)
    await _walk(cast, settings, early, *_done(NOW + H, NOW + 10 * H))
    await _walk(cast, settings, pending, ("accept", NOW + H))  # due NOW + 73 h
    figures = await _march(NOW + 20 * H)
    assert figures.resolution == r(1, 1) and figures.resolved_on_time == 1
    assert (await _march(NOW + 73 * H)).resolution == r(1, 1)  # at the deadline: still in time
    after_due = await _march(NOW + 73 * H + timedelta(seconds=1))
    assert after_due.resolution == r(1, 2) and after_due.resolution.value == Decimal("0.5")


async def test_a_confirmation_at_the_deadline_itself_is_on_time(cast: Cast, settings):
    need = await _post(cast, settings)
    await _walk(cast, settings, need, *_done(NOW + H, NOW + 73 * H))
    figures = await _march(LATER)
    assert figures.resolution == r(1, 1) and figures.resolved_on_time == 1


async def test_the_latest_acceptance_sets_the_resolution_deadline(cast: Cast, settings):
    need = await _post(cast, settings)
    await _walk(cast, settings, need, ("accept", NOW + H))  # due NOW + 73 h
    extended = (NOW + 200 * H).isoformat()  # e.g. accepted again with a longer promise
    data = {"resolution_due_at": extended}
    await NeedEvent.create(need=need, action="accept", created_at=NOW + 2 * H, data=data)
    assert (await _march(NOW + 100 * H)).resolution == r(0, 0)
    assert (await _march(NOW + 201 * H)).resolution == r(0, 1)


async def test_a_late_confirmation_is_resolved_but_not_on_time(cast: Cast, settings):
    need = await _post(cast, settings)
    await _walk(cast, settings, need, *_done(NOW + H, NOW + 100 * H))
    before = await _march(NOW + 90 * H)
    assert before.resolution == r(0, 1)
    after = await _march(NOW + 101 * H)
    assert after.resolution == r(1, 1) and after.resolved_on_time == 0


async def test_rejected_and_unanswered_needs_are_not_in_the_resolution_rate(cast: Cast, settings):
    await _walk(cast, settings, await _post(cast, settings), ("reject", NOW + H))
    await _post(cast, settings)
    figures = await _march(LATER)
    assert figures.resolution == r(0, 0) and figures.response == r(1, 2)


async def test_a_confirmation_undone_by_reopening_is_not_resolved(cast: Cast, settings):
    need = await _post(cast, settings)
    t = NOW + H
    need = await _walk(cast, settings, need, *_done(t, t + 2 * H))
    assert (await _march(t + 3 * H)).resolution == r(1, 1)
    need = await _walk(cast, settings, need, ("rate:dissatisfied", t + 4 * H))
    assert need.status == S.REOPENED
    assert (await _march(t + 5 * H)).resolution == r(0, 0)  # undone, and back inside its time
    assert (await _march(t + 73 * H)).resolution == r(0, 1)  # undone, and due
    need = await _walk(cast, settings, need, ("resolve", t + 80 * H), ("reopen", t + 81 * H))
    assert (await _march(t + 82 * H)).resolution == r(0, 1)
    await _walk(cast, settings, need, ("resolve", t + 90 * H), ("confirm", t + 91 * H))
    again = await _march(t + 92 * H)
    assert again.resolution == r(1, 1) and again.resolved_on_time == 0
    assert (await _march(t + 73 * H)).resolution == r(0, 1)  # the past stays as it was


async def test_a_reopened_need_that_was_never_confirmed_is_unresolved(cast: Cast, settings):
    need = await _post(cast, settings)
    steps = [("accept", NOW), ("assign", NOW), ("resolve", NOW + H), ("reopen", NOW + 2 * H)]
    await _walk(cast, settings, need, *steps)
    assert (await _march(LATER)).resolution == r(0, 1)


# Satisfaction -----------------------------------------------------------------------------------


async def test_basically_satisfied_weighs_half_and_dissatisfied_nothing(cast: Cast, settings):
    for rating in ("satisfied", "basically_satisfied", "dissatisfied", "basically_satisfied"):
        need = await _post(cast, settings)
        await _walk(cast, settings, need, *_done(NOW, NOW + 2 * H, (f"rate:{rating}", NOW + 3 * H)))
    figures = await _march(NOW + 4 * H)
    assert figures.satisfaction == r(2, 4) and figures.satisfaction.value == Decimal("0.5")
    assert figures.resolution == r(3, 3)  # the dissatisfied one is open again, not yet due
    assert (await _march(LATER)).resolution == r(3, 4)


async def test_a_rating_counts_in_the_period_it_was_given(cast: Cast, settings):
    february = month_window(*previous_month(2026, 3))
    need = await _post(cast, settings, at=february[0] + 24 * H)
    late = MARCH[0] + 2 * H  # rated in March, posted in February
    await _walk(cast, settings, need, *_done(february[0] + 25 * H, late, ("rate:satisfied", late)))
    march = await _march(LATER)
    assert march.satisfaction == r(1, 1) and march.received == 0 and march.response == r(0, 0)
    earlier = await rates(start=february[0], end=february[1], at=LATER)
    assert earlier.satisfaction == r(0, 0) and earlier.response == r(1, 1)
    assert earlier.resolution == r(1, 1) and earlier.resolved_on_time == 0


async def test_each_rating_row_counts_in_its_own_period(cast: Cast, settings):
    need = await _post(cast, settings)
    await _walk(cast, settings, need, *_done(NOW, NOW + H, ("rate:satisfied", NOW + 2 * H)))
    april = MARCH[1] + H  # a second rating row (should rating again ever be allowed)
    await NeedEvent.create(
        need=need, action="rate", created_at=april, data={"rating": "dissatisfied"}
    )
    assert (await _march(LATER)).satisfaction == r(1, 1)
    after = await rates(start=MARCH[1], end=LATER, at=LATER)
    assert after.satisfaction == r(0, 1)


async def test_nothing_to_count_gives_no_rate_rather_than_zero(cast: Cast, settings):
    figures = await rates(start=MARCH[0], end=MARCH[1])  # as of now
    assert figures == EMPTY
    assert {x.value for x in (figures.response, figures.resolution, figures.satisfaction)} == {None}
    assert r(0, 5).value == Decimal(0) and r(5, 5).value == Decimal(1)


# Exclusions, "as of", the period ------------------------------------------------------------------


async def test_an_unreasonable_need_leaves_every_rate_from_when_it_is_marked(cast: Cast, settings):
    kept, flagged = await _post(cast, settings), await _post(cast, settings)
    await _walk(cast, settings, kept, ("reject", NOW + 30 * H))
    done = _done(NOW + H, NOW + 2 * H, ("rate:satisfied", NOW + 3 * H))
    await _walk(cast, settings, flagged, *done, ("unreasonable", NOW + 40 * H))
    before = await _march(NOW + 39 * H)
    assert (before.response, before.resolution, before.satisfaction) == (r(1, 2), r(1, 1), r(1, 1))
    after = await _march(NOW + 41 * H)
    assert (after.response, after.resolution, after.satisfaction) == (r(0, 1), r(0, 0), r(0, 0))
    assert (after.received, after.excluded) == (1, 1)


async def test_as_of_an_earlier_instant_gives_the_earlier_figures(cast: Cast, settings):
    need = await _post(cast, settings)
    await _walk(cast, settings, need, ("accept", NOW + 2 * H))
    then = NOW + 80 * H
    first = await _march(then)
    assert (first.response, first.resolution) == (r(1, 1), r(0, 1))
    await _walk(
        cast, settings, need, ("assign", then + H), ("resolve", then + H), ("confirm", then + 2 * H)
    )
    await _walk(cast, settings, await _post(cast, settings, at=then + H), ("reject", then + 30 * H))
    await Need.filter(id=need.id).update(status=S.CLOSED, unreasonable=True)  # columns ignored
    assert await _march(then) == first
    now_figures = await _march(then + 31 * H)
    assert (now_figures.response, now_figures.resolution) == (r(1, 2), r(1, 1))
    assert (now_figures.received, now_figures.resolved_on_time) == (2, 0)


async def test_the_period_includes_its_start_and_not_its_end(cast: Cast, settings):
    april = month_window(2026, 4)
    first = await _post(cast, settings, at=MARCH[0])
    last = await _post(cast, settings, at=MARCH[1] - timedelta(microseconds=1))
    next_one = await _post(cast, settings, at=MARCH[1])
    for need in (first, last, next_one):
        await _walk(cast, settings, need, ("accept", need.created_at + H))
    await _walk(cast, settings, first, ("assign", MARCH[1]), ("resolve", MARCH[1]))
    await _walk(cast, settings, first, ("confirm", MARCH[1]), ("rate:satisfied", MARCH[1]))
    march, after = await _march(LATER), await rates(start=april[0], end=april[1], at=LATER)
    assert (march.received, march.response, march.satisfaction) == (2, r(2, 2), r(0, 0))
    assert (after.received, after.response, after.satisfaction) == (1, r(1, 1), r(1, 1))
    assert april[0] == MARCH[1]
    local = [moment.astimezone(ZoneInfo("Asia/Shanghai")) for moment in (*MARCH, LATER)]
    assert await rates(start=local[0], end=local[1], at=local[2]) == march  # same instants
    with pytest.raises(ValueError):
        await rates(start=datetime(2026, 3, 1), end=datetime(2026, 4, 1))


def test_a_month_is_the_local_calendar_month_in_utc():
    assert month_window(2026, 3) == (
        datetime(2026, 2, 28, 16, tzinfo=UTC),
        datetime(2026, 3, 31, 16, tzinfo=UTC),
    )
    assert month_window(2026, 12)[1] == datetime(2026, 12, 31, 16, tzinfo=UTC)
    assert month_window(2026, 3, tz="UTC")[0] == datetime(2026, 3, 1, tzinfo=UTC)
    assert previous_month(2026, 1) == (2025, 12) and previous_month(2026, 3) == (2026, 2)


# Scopes and groups ------------------------------------------------------------------------------


async def _three_places(cast: Cast, settings: Settings) -> None:
    in_grid = await _post(cast, settings, place=cast.grid_a.code)
    await _walk(
        cast, settings, in_grid, *_done(NOW + H, NOW + 2 * H, ("rate:satisfied", NOW + 3 * H))
    )
    await _post(cast, settings)  # at community A itself, never answered
    in_b = await _post(cast, settings, centre=cast.centre_b)
    await _walk(cast, settings, in_b, ("accept", NOW + 30 * H))


async def test_centre_node_and_grouped_figures_agree(cast: Cast, settings):
    await _three_places(cast, settings)
    at, a, b = LATER, cast.centre_a, cast.centre_b
    by_centre = await rates_by_centre(start=MARCH[0], end=MARCH[1], at=at)
    assert by_centre == {
        a.id: await _march(at, centre_id=a.id),
        b.id: await _march(at, centre_id=b.id),
    }
    assert by_centre[a.id].response == r(1, 2) and by_centre[b.id].response == r(0, 1)
    street = await rates_by_child_node(cast.street.path, start=MARCH[0], end=MARCH[1], at=at)
    assert street == {
        cast.community_a.path: await _march(at, node_path=cast.community_a.path),
        cast.community_b.path: await _march(at, node_path=cast.community_b.path),
    }
    assert street[cast.community_a.path] == by_centre[a.id]
    community = await rates_by_child_node(
        cast.community_a.path, start=MARCH[0], end=MARCH[1], at=at
    )
    assert set(community) == {cast.grid_a.path, cast.community_a.path}  # the node itself too
    assert community[cast.grid_a.path] == await _march(at, node_path=cast.grid_a.path)
    assert community[cast.grid_a.path].satisfaction == r(1, 1)
    assert community[cast.community_a.path].response == r(0, 1)
    whole = await _march(at, node_path=cast.city.path)
    assert whole == await _march(at) and whole.response == r(1, 3)
    both = await _march(at, centre_id=b.id, node_path=cast.community_a.path)
    assert both == EMPTY


async def test_groups_without_needs_are_listed_empty(cast: Cast, settings):
    await _post(cast, settings, centre=cast.centre_b)
    by_centre = await rates_by_centre(start=MARCH[0], end=MARCH[1], at=LATER)
    assert by_centre[cast.centre_a.id] == EMPTY and by_centre[cast.centre_b.id].received == 1
    below_a = await rates_by_centre(
        start=MARCH[0], end=MARCH[1], at=LATER, node_path=cast.community_a.path
    )
    assert below_a == {cast.centre_a.id: EMPTY}
    grids = await rates_by_child_node(cast.community_a.path, start=MARCH[0], end=MARCH[1], at=LATER)
    assert grids == {cast.grid_a.path: EMPTY}


# The worked example of docs/metrics.md ----------------------------------------------------------


def _local(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=ZoneInfo("Asia/Shanghai"))


async def test_the_worked_example_of_the_docs(cast: Cast, settings):
    t = _local
    story = [  # N1 .. N7 of the example: posted at, then the steps
        (t(3, 2, 10), _done(t(3, 2, 13), t(3, 4, 9), ("rate:satisfied", t(3, 4, 10)))),
        (t(3, 10, 9), [("reject", t(3, 11, 15))]),
        (t(3, 20, 8), _done(t(3, 20, 10), t(3, 25, 18), ("rate:basically_satisfied", t(3, 26, 9)))),
        (
            t(3, 28, 20),
            [
                ("accept", t(3, 29, 9)),
                ("assign", t(3, 29, 9)),
                ("resolve", t(3, 30, 10)),
                ("reopen", t(3, 31, 8)),
            ],
        ),
        (t(3, 31, 22), []),
        (t(3, 15, 10), [("unreasonable", t(3, 16, 10))]),
        (t(2, 20, 10), _done(t(2, 20, 11), t(3, 3, 9), ("rate:dissatisfied", t(3, 3, 10)))),
    ]
    for posted, steps in story:
        await _walk(cast, settings, await _post(cast, settings, at=posted), *steps)
    april = await _march(t(4, 5, 0))
    assert (april.response, april.resolution, april.satisfaction) == (r(3, 5), r(2, 3), r("1.5", 3))
    assert (april.resolved_on_time, april.received, april.excluded) == (1, 5, 1)
    assert [x.value for x in (april.response, april.resolution, april.satisfaction)] == [
        Decimal("0.6"),
        Decimal("0.6667"),
        Decimal("0.5"),
    ]
    march = await _march(t(3, 31, 23, 59))
    assert (march.response, march.resolution, march.satisfaction) == (r(3, 4), r(2, 2), r("1.5", 3))
