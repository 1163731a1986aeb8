"""Claims: who may claim, capacity under racing processes, the monthly cap, giving back,
starting, one reminder before due and release past due; the clock is driven, never slept."""

from __future__ import annotations

import asyncio
import sys
import time

import pytest

from server.domain import claim_completion, claim_deadlines, claims
from server.domain.errors import Conflict, PermissionDenied, ValidationFailed
from server.models.audit import AuditEntry
from server.models.members import Claim, ClaimStatus, MemberStatus, Task, TaskStatus
from server.models.needs import Need, NeedEvent, NeedStatus
from server.models.notifications import Notification
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
    need_history,
    pledge,
    recipients,
    wish_task,
)

C = ClaimStatus


# Claiming ---------------------------------------------------------------------------------------


async def test_a_verified_member_claims_a_place_due_after_the_tasks_claim_days(
    cast: Cast, settings
):
    task = await make_task(cast, claim_days=5)
    claim = await claim_at(cast, settings, task)
    assert (claim.status, claim.due_at, claim.claimed_at) == (C.CLAIMED, NOW + 5 * DAY, NOW)
    assert claim.active_key == (await member_of(cast.member)).id
    task = await Task.get(id=task.id)
    assert (task.taken, task.status) == (1, TaskStatus.FULL)
    assert await AuditEntry.filter(action="claim.create", object_id=claim.code).exists()


async def test_a_fixed_time_task_is_due_a_day_after_it_ends_however_far_ahead(cast: Cast, settings):
    task = await make_task(cast, starts_at=NOW + DAY, ends_at=NOW + DAY + 2 * HOUR)
    claim = await claim_at(cast, settings, task)
    assert claim.due_at == NOW + 2 * DAY + 2 * HOUR
    later = await make_task(cast, starts_at=NOW + 20 * DAY, ends_at=NOW + 20 * DAY + 2 * HOUR)
    far = await claim_at(cast, settings, later)
    assert far.due_at == NOW + 21 * DAY + 2 * HOUR  # not 5 days from now, before the work
    over = await make_task(cast, ends_at=NOW - 2 * DAY)
    with pytest.raises(Conflict):
        await claim_at(cast, settings, over)


@pytest.mark.parametrize(
    "status", [MemberStatus.PENDING, MemberStatus.DECLINED, MemberStatus.LAPSED]
)
async def test_only_verified_members_whose_report_in_is_current_may_claim(
    cast: Cast, settings, status
):
    task = await make_task(cast)
    with pytest.raises(PermissionDenied):
        await claim_at(cast, settings, task, cast.resident)
    with pytest.raises(PermissionDenied):
        await claim_at(cast, settings, task, await member_user(cast, "13600000001", status=status))
    overdue = await member_user(cast, "13600000002", confirmed_until=(NOW - DAY).date())
    with pytest.raises(PermissionDenied):
        await claim_at(cast, settings, task, overdue)
    assert (await Task.get(id=task.id)).taken == 0 and not await Claim.exists()


async def test_a_full_task_refuses_more_claimers_and_a_closed_one_refuses_all(cast: Cast, settings):
    task = await make_task(cast, capacity=2)
    await claim_at(cast, settings, task)
    await claim_at(cast, settings, task, await member_user(cast, "13600000001"))
    with pytest.raises(claims.TaskFull):
        await claim_at(cast, settings, task, await member_user(cast, "13600000002"))
    assert (await Task.get(id=task.id)).taken == 2
    done = await make_task(cast)
    await Task.filter(id=done.id).update(status=TaskStatus.CANCELLED)
    with pytest.raises(Conflict) as refused:
        await claim_at(cast, settings, done)
    assert not isinstance(refused.value, claims.TaskFull)


async def test_a_member_holds_one_active_claim_per_task_and_may_claim_again_after_giving_back(
    cast: Cast, settings
):
    task = await make_task(cast, capacity=3)
    first = await claim_at(cast, settings, task)
    with pytest.raises(Conflict):
        await claim_at(cast, settings, task)
    assert (await Task.get(id=task.id)).taken == 1
    await claims.give_back(cast.member, first, "临时出差", settings, WEB, now=NOW + HOUR)
    again = await claim_at(cast, settings, task, at=NOW + 2 * HOUR)
    assert again.status == C.CLAIMED and (await Task.get(id=task.id)).taken == 1


async def test_the_monthly_cap_of_the_members_pledges_is_kept(cast: Cast, settings):
    await pledge(cast.member, 1)
    await pledge(cast.member, 1)
    await pledge(cast.member, 5, valid_days=-1)  # expired: does not count
    tasks = [await make_task(cast) for _ in range(4)]
    first = await claim_at(cast, settings, tasks[0])
    await claim_at(cast, settings, tasks[1])
    with pytest.raises(Conflict):
        await claim_at(cast, settings, tasks[2])
    await claims.give_back(cast.member, first, "时间冲突", settings, WEB, now=NOW)
    await claim_at(cast, settings, tasks[2])  # a claim given back does not count
    next_month = NOW + 31 * DAY
    assert (await claim_at(cast, settings, tasks[3], at=next_month)).status == C.CLAIMED


async def test_claiming_a_small_wish_puts_the_need_in_progress_in_its_history(cast: Cast, settings):
    task = await wish_task(cast, capacity=2)
    claim = await claim_at(cast, settings, task)
    need = await Need.get(id=task.need_id)  # type: ignore[attr-defined]
    assert need.status == NeedStatus.IN_PROGRESS
    await claim_at(cast, settings, task, await member_user(cast, "13600000001"))
    assert await need_history(need.id) == [
        ("claim", "open_for_claim", "in_progress"),
        ("claim", "in_progress", "in_progress"),
    ]
    event = await NeedEvent.filter(need_id=need.id).first()
    assert event is not None and event.data["claim"] == claim.code
    assert event.actor_id == cast.member.id  # type: ignore[attr-defined]


async def test_a_need_no_longer_open_refuses_the_claim_and_keeps_its_place(cast: Cast, settings):
    task = await wish_task(cast)
    await Need.filter(id=task.need_id).update(status=NeedStatus.CLOSED)  # type: ignore[attr-defined]
    with pytest.raises(Conflict):
        await claim_at(cast, settings, task)
    assert (await Task.get(id=task.id)).taken == 0 and not await Claim.exists()


# Racing processes -------------------------------------------------------------------------------

PROCESSES, MEMBERS_EACH = 4, 6


async def _race(task: Task, groups: list[list[int]]) -> list[str]:
    """One process per group of user ids, all claiming ``task`` at the same instant."""
    go_at = str(time.time() + 3)  # time for every process to start and connect first
    racers = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.domain.claim_fixtures",
            task.code,
            go_at,
            NOW.isoformat(),
            *map(str, group),
            stdout=asyncio.subprocess.PIPE,
        )
        for group in groups
    ]
    outcomes: list[str] = []
    for racer, group in zip(racers, groups, strict=True):
        out, _ = await asyncio.wait_for(racer.communicate(), timeout=120)
        assert racer.returncode == 0
        outcomes += out.decode().split("\n")[: len(group)]
    return outcomes


async def test_racing_processes_never_overfill_a_task(cast: Cast, settings):
    task = await make_task(cast, capacity=3)
    ids = [(await member_user(cast, f"1366600{i:04d}")).id for i in range(PROCESSES * MEMBERS_EACH)]
    groups = [ids[p * MEMBERS_EACH : (p + 1) * MEMBERS_EACH] for p in range(PROCESSES)]
    outcomes = await _race(task, groups)
    assert sum(o.startswith("ok") for o in outcomes) == 3
    assert sum(o == "full" for o in outcomes) == PROCESSES * MEMBERS_EACH - 3
    task = await Task.get(id=task.id)
    assert (task.taken, task.status) == (3, TaskStatus.FULL)
    assert await Claim.filter(task_id=task.id).count() == 3


async def test_one_member_racing_themself_gets_one_place(cast: Cast, settings):
    task = await make_task(cast, capacity=5)
    me = cast.member.id
    outcomes = await _race(task, [[me, me], [me, me], [me, me]])
    assert sum(o.startswith("ok") for o in outcomes) == 1
    assert (await Task.get(id=task.id)).taken == 1
    assert await Claim.filter(task_id=task.id).count() == 1


# Giving back, starting --------------------------------------------------------------------------


async def test_giving_back_needs_a_reason_and_opens_the_task_and_the_need_again(
    cast: Cast, settings
):
    task = await wish_task(cast)
    claim = await claim_at(cast, settings, task)
    with pytest.raises(ValidationFailed) as refused:
        await claims.give_back(cast.member, claim, "  ", settings, WEB, now=NOW)
    assert "reason" in refused.value.fields
    back = await claims.give_back(cast.member, claim, "家里有事", settings, WEB, now=NOW + HOUR)
    assert (back.status, back.ended_reason, back.active_key) == (C.RETURNED, "家里有事", None)
    task = await Task.get(id=task.id)
    assert (task.taken, task.status) == (0, TaskStatus.OPEN)
    assert (await Need.get(id=task.need_id)).status == NeedStatus.OPEN_FOR_CLAIM  # type: ignore[attr-defined]
    assert (await need_history(task.need_id))[-1] == ("give_back", "in_progress", "open_for_claim")  # type: ignore[attr-defined]
    with pytest.raises(Conflict):
        await claims.give_back(cast.member, claim, "再退一次", settings, WEB, now=NOW + HOUR)


async def test_only_the_claimer_gives_back_starts_or_completes(cast: Cast, settings):
    claim = await claim_at(cast, settings, await make_task(cast))
    for someone in (cast.resident, cast.staff_a):
        with pytest.raises(PermissionDenied):
            await claims.give_back(someone, claim, "不想做了", settings, WEB, now=NOW)
        with pytest.raises(PermissionDenied):
            await claims.start(someone, claim, settings, WEB, now=NOW)
        with pytest.raises(PermissionDenied):
            await claim_completion.complete(
                someone, claim, "做完了", NOW - HOUR, NOW, [], settings, WEB, now=NOW
            )
    assert (await Claim.get(id=claim.id)).status == C.CLAIMED


async def test_starting_moves_a_claim_in_progress_once(cast: Cast, settings):
    claim = await claim_at(cast, settings, await make_task(cast))
    started = await claims.start(cast.member, claim, settings, WEB, now=NOW + HOUR)
    assert (started.status, started.work_started_at) == (C.IN_PROGRESS, NOW + HOUR)
    with pytest.raises(Conflict):
        await claims.start(cast.member, claim, settings, WEB, now=NOW + 2 * HOUR)


# Reminders and release --------------------------------------------------------------------------


async def test_one_reminder_goes_a_day_before_due(cast: Cast, settings):
    claim = await claim_at(cast, settings, await make_task(cast, claim_days=3))
    assert await claim_deadlines.due_reminders(settings, claim.due_at - 25 * HOUR) == 0
    assert await claim_deadlines.due_reminders(settings, claim.due_at - 23 * HOUR) == 1
    await claim_deadlines.due_reminders(
        settings, claim.due_at - 2 * HOUR
    )  # a later sweep: no second one
    assert await recipients("claim.reminder") == [cast.member.id]
    row = await Notification.get(event="claim.reminder")
    assert row.payload["code"] == claim.code and row.payload["due_at"] == claim.due_at.isoformat()


async def test_no_reminder_for_a_claim_just_made_or_already_done(cast: Cast, settings):
    fresh = await claim_at(cast, settings, await make_task(cast, claim_days=1))
    other = await member_user(cast, "13600000001")
    done = await claims.claim(other, await make_task(cast, claim_days=2), settings, WEB, now=NOW)
    await claims.give_back(other, done, "不去了", settings, WEB, now=NOW + HOUR)
    assert await claim_deadlines.due_reminders(settings, fresh.due_at - 20 * HOUR) == 0
    assert await claim_deadlines.due_reminders(settings, done.due_at - 20 * HOUR) == 0
    assert not await Notification.filter(event="claim.reminder").exists()


async def test_a_claim_past_due_is_released_once_and_the_member_and_staff_are_told(
    cast: Cast, settings
):
    task = await wish_task(cast)
    claim = await claim_at(cast, settings, task)
    assert await claim_deadlines.release_overdue(settings, claim.due_at - HOUR) == 0
    assert await claim_deadlines.release_overdue(settings, claim.due_at + HOUR) == 1
    assert await claim_deadlines.release_overdue(settings, claim.due_at + 2 * HOUR) == 0
    claim = await Claim.get(id=claim.id)
    assert (claim.status, claim.active_key, claim.ended_at) == (
        C.RELEASED,
        None,
        claim.due_at + HOUR,
    )
    assert claim.ended_reason == claims.RELEASE_REASON
    task = await Task.get(id=task.id)
    assert (task.taken, task.status) == (0, TaskStatus.OPEN)
    assert (await Need.get(id=task.need_id)).status == NeedStatus.OPEN_FOR_CLAIM  # type: ignore[attr-defined]
    assert (await member_of(cast.member)).no_show_count == 1
    assert await recipients("claim.released") == [cast.member.id]
    assert await recipients("claim.released_staff") == [cast.staff_a.id]
    assert await AuditEntry.filter(action="claim.release", actor_id=None).count() == 1


async def test_two_sweeps_at_once_release_a_claim_once(cast: Cast, settings):
    claim = await claim_at(cast, settings, await make_task(cast, capacity=2))
    late = claim.due_at + HOUR
    counts = await asyncio.gather(
        *(claim_deadlines.release_overdue(settings, late) for _ in range(3))
    )
    assert sum(counts) == 1
    assert (await Task.get(id=claim.task.id)).taken == 0
    assert (await member_of(cast.member)).no_show_count == 1


async def test_work_recorded_before_the_sweep_is_not_released(cast: Cast, settings):
    claim = await claim_at(cast, settings, await make_task(cast, claim_days=1))
    await complete_at(cast, settings, claim, at=NOW + 20 * HOUR)
    assert await claim_deadlines.release_overdue(settings, NOW + 3 * DAY) == 0
    assert (await Claim.get(id=claim.id)).status == C.COMPLETED
