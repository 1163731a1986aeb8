"""The three rates recounted by brute force from the raw event rows of a random history."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from server.domain.need_metrics import (
    EMPTY,
    Rates,
    month_window,
    rates,
    rates_by_centre,
    rates_by_child_node,
)
from server.models.needs import Need, NeedEvent
from server.settings import Settings
from tests.cast import Cast
from tests.domain.metrics_fixtures import LATER, MARCH, S
from tests.domain.metrics_fixtures import act as _act
from tests.domain.metrics_fixtures import post as _post
from tests.domain.metrics_fixtures import walk as _walk

# A brute-force recount of a random history ------------------------------------------------------

NEXT = {
    S.SUBMITTED: ["accept", "accept", "accept", "reject", "duplicate"],
    S.ACCEPTED: ["assign"],
    S.ASSIGNED: ["start", "resolve"],
    S.IN_PROGRESS: ["resolve"],
    S.RESOLVED: ["confirm", "confirm", "reopen", "close"],
    S.REOPENED: ["resolve", "assign"],
    S.CONFIRMED: ["rate:satisfied", "rate:basically_satisfied", "rate:dissatisfied", "close"],
    S.CLOSED: ["rate:satisfied", "rate:basically_satisfied"],
    S.REJECTED: ["close"],
    S.DUPLICATE: [],
}


async def _random_history(cast: Cast, settings: Settings, rng: random.Random) -> None:
    places = [(cast.centre_a, cast.grid_a.code), (cast.centre_a, ""), (cast.centre_b, "")]
    posted: list[Need] = []
    for _ in range(40):
        centre, place = rng.choice(places)
        t = MARCH[0] - timedelta(days=6) + timedelta(minutes=rng.randrange(45 * 24 * 60))
        need = await _post(cast, settings, at=t, centre=centre, place=place)
        while rng.random() > 0.08:
            t += timedelta(minutes=rng.randrange(1, 50 * 60))
            if rng.random() < 0.03 and not need.unreasonable:
                need = await _walk(cast, settings, need, ("unreasonable", t))
                continue
            choices = NEXT[need.status]
            action = rng.choice(choices) if choices else ""
            if not action or (
                action.startswith("rate") and (need.rating or need.confirmed_at is None)
            ):
                break
            extra = {"duplicate_of": rng.choice(posted)} if action == "duplicate" and posted else {}
            if action == "duplicate" and not extra:
                action = "accept"
            if action.startswith("rate") or action == "unreasonable":
                need = await _walk(cast, settings, need, (action, t))
            else:
                need = await _act(cast, settings, need, action, t, **extra)
        posted.append(need)


def _brute(
    events: list[NeedEvent],
    placed: dict[int, Need],
    start: datetime,
    end: datetime,
    at: datetime,
    inside: Callable[[Need], bool],
) -> tuple[Any, ...]:
    """The rates recounted directly from the definitions, need by need."""
    counts = dict.fromkeys(
        ["ok", "answerable", "resolved", "punctual", "resolvable", "received", "excluded"], 0
    )
    score, rated = Decimal(0), 0
    for need_id, need in placed.items():
        if not inside(need):
            continue
        mine = sorted(
            (e for e in events if e.need_id == need_id and e.created_at <= at),
            key=lambda e: (e.created_at, e.id),
        )
        unreasonable = any(e.action == "unreasonable" for e in mine)
        for e in mine:
            if e.action == "rate" and start <= e.created_at < end and not unreasonable:
                score += {"satisfied": Decimal(1), "basically_satisfied": Decimal("0.5")}.get(
                    e.data["rating"], Decimal(0)
                )
                rated += 1
        submits = [e for e in mine if e.action == "submit"]
        if not submits or not start <= submits[0].created_at < end:
            continue
        if unreasonable:
            counts["excluded"] += 1
            continue
        counts["received"] += 1
        due = datetime.fromisoformat(submits[0].data["response_due_at"])
        answers = [e for e in mine if e.action in ("accept", "reject", "duplicate")]
        counts["answerable"] += bool(answers) or due < at
        counts["ok"] += bool(answers) and answers[0].created_at <= due
        accepts = [e for e in mine if e.action == "accept"]
        if not accepts:
            continue
        resolution_due = datetime.fromisoformat(accepts[-1].data["resolution_due_at"])
        confirms = [i for i, e in enumerate(mine) if e.action == "confirm"]
        undone = confirms and any(
            e.action == "reopen" or (e.action == "rate" and e.data["rating"] == "dissatisfied")
            for e in mine[confirms[-1] + 1 :]
        )
        standing = bool(confirms) and not undone
        counts["resolvable"] += standing or resolution_due < at
        counts["resolved"] += standing
        counts["punctual"] += standing and mine[confirms[-1]].created_at <= resolution_due
    return (
        counts["ok"],
        counts["answerable"],
        counts["resolved"],
        counts["resolvable"],
        counts["punctual"],
        score,
        rated,
        counts["received"],
        counts["excluded"],
    )


def _flat(figures: Rates) -> tuple[Any, ...]:
    return (
        figures.response.numerator,
        figures.response.denominator,
        figures.resolution.numerator,
        figures.resolution.denominator,
        figures.resolved_on_time,
        figures.satisfaction.numerator,
        figures.satisfaction.denominator,
        figures.received,
        figures.excluded,
    )


async def test_a_random_history_recounted_by_brute_force_gives_the_same_rates(cast: Cast, settings):
    await _random_history(cast, settings, random.Random(20260301))
    events = await NeedEvent.all()
    placed = {n.id: n for n in await Need.all()}
    a, b = cast.centre_a.id, cast.centre_b.id
    periods = [
        (*MARCH, MARCH[0] + timedelta(days=12)),
        (*MARCH, MARCH[1]),
        (*MARCH, MARCH[1] + timedelta(days=9)),
        (*MARCH, LATER),
        (*month_window(2026, 2), LATER),
        (
            MARCH[0] + timedelta(days=3),
            MARCH[0] + timedelta(days=10),
            MARCH[0] + timedelta(days=11),
        ),
    ]
    scopes: list[tuple[dict[str, Any], Any]] = [
        ({}, lambda n: True),
        ({"centre_id": a}, lambda n: n.centre_id == a),
        ({"centre_id": b}, lambda n: n.centre_id == b),
        ({"node_path": cast.grid_a.path}, lambda n: n.node_path == cast.grid_a.path),
        ({"node_path": cast.street.path}, lambda n: True),
    ]
    for start, end, at in periods:
        for scope, inside in scopes:
            figures = await rates(start=start, end=end, at=at, **scope)
            assert _flat(figures) == _brute(events, placed, start, end, at, inside), (scope, at)
        by_centre = await rates_by_centre(start=start, end=end, at=at)
        for centre_id, figures in by_centre.items():
            wanted = _brute(events, placed, start, end, at, lambda n: n.centre_id == centre_id)  # noqa: B023
            assert _flat(figures) == wanted
        grids = await rates_by_child_node(cast.community_a.path, start=start, end=end, at=at)
        at_community = _brute(
            events, placed, start, end, at, lambda n: n.node_path == cast.community_a.path
        )
        assert _flat(grids.get(cast.community_a.path, EMPTY)) == at_community
        in_grid = _brute(events, placed, start, end, at, lambda n: n.node_path == cast.grid_a.path)
        assert _flat(grids[cast.grid_a.path]) == in_grid
    whole = _brute(events, placed, *MARCH, LATER, lambda n: True)
    ok, answerable, resolved, resolvable, punctual, score, rated, received, excluded = whole
    assert 0 < ok < answerable and 0 < resolved < resolvable and 0 < punctual < resolved
    assert 0 < score < rated and received > 10 and excluded > 0  # the history is varied
