"""The worker's cron table runs the member and claim sweeps, and each sweep does its work."""

from __future__ import annotations

from datetime import date, timedelta

from server.models.members import Member, MemberStatus
from tests.cast import Cast
from workers.members import sweep_claims, sweep_members
from workers.settings import WorkerSettings


def test_the_sweeps_are_in_the_cron_table():
    scheduled = {job.coroutine for job in WorkerSettings.cron_jobs}
    assert {sweep_claims, sweep_members} <= scheduled


async def test_the_member_sweep_marks_a_lapsed_member(cast: Cast):
    await Member.filter(user_id=cast.member.id).update(
        confirmed_until=date.today() - timedelta(days=3)
    )
    assert (await sweep_members({}))["lapsed"] == 1
    assert (await Member.get(user_id=cast.member.id)).status == MemberStatus.LAPSED
    assert (await sweep_members({}))["lapsed"] == 0  # once


async def test_the_claim_sweep_runs_with_nothing_to_do(cast: Cast):
    assert await sweep_claims({}) == {"reminded": 0, "released": 0, "auto_confirmed": 0}
