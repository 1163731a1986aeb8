""" "For you" reads each street's open tasks once per process, until a change to them moves that
street's stamp: a place taken or given back and a new task show on the next look. What it keeps
of a member (pledges, claims, invitations) and their ranking wait for the member's stamp."""

from __future__ import annotations

from server.domain import claims, for_you, invitations, need_tasks, pledges
from server.models.members import Member
from tests.cast import Cast
from tests.domain.claim_fixtures import (
    HOUR,
    NOW,
    WEB,
    claim_at,
    make_task,
    member_of,
    member_user,
    small_wish,
)
from tests.querycount import counting


async def suggested(member: Member) -> list[int]:
    return [s.task.id for s in await for_you.for_member(member, now=NOW) if s.task]


def reads_tasks(statements: list[str]) -> bool:
    return any('FROM "tasks"' in s for s in statements)


async def test_the_last_place_taken_or_given_back_shows_on_the_next_look(cast: Cast, settings):
    looker = await member_of(await member_user(cast, "13600000011"))
    other = await member_user(cast, "13600000012")
    task = await make_task(cast, capacity=1)
    assert await suggested(looker) == [task.id]  # the street's tasks are now held
    taken = await claim_at(cast, settings, task, other)
    assert await suggested(looker) == []
    await claims.give_back(other, taken, "临时有事", settings, WEB, now=NOW + HOUR)
    assert await suggested(looker) == [task.id]


async def test_a_task_opened_for_a_need_shows_on_the_next_look(cast: Cast, settings):
    looker = await member_of(await member_user(cast, "13600000021"))
    assert await suggested(looker) == []
    opened = await need_tasks.open_task(await small_wish(cast), cast.staff_a, NOW)
    assert await suggested(looker) == [opened.id]


async def test_a_street_is_read_again_only_when_its_own_stamp_moves(cast: Cast):
    looker = await member_of(await member_user(cast, "13600000031"))
    task = await make_task(cast)
    assert await suggested(looker) == [task.id]
    with counting() as again:
        assert await suggested(looker) == [task.id]
    assert not reads_tasks(again.statements)
    await for_you.bump_street(f"{cast.district.path}ELSEWHERE/")  # another street's change
    with counting() as after_other:
        await suggested(looker)
    assert not reads_tasks(after_other.statements)
    await for_you.bump_street(cast.grid_a.path)  # this street's
    with counting() as after_own:
        await suggested(looker)
    assert reads_tasks(after_own.statements)


async def test_a_pledge_made_or_withdrawn_shows_on_the_next_look(cast: Cast, settings):
    user = await member_user(cast, "13600000041")
    looker = await member_of(user)
    task = await make_task(cast)  # "周六作业辅导"

    async def words_part() -> list[str]:
        found = await for_you.for_member(looker, now=NOW)
        assert [s.task.id for s in found if s.task] == [task.id]
        return [p.reason for p in found[0].parts if p.name == "skill"]

    assert await words_part() == []  # the member's (lack of) pledges is now held
    form = pledges.PledgeForm(
        text="周六作业辅导都可以", monthly_tasks="4", valid_until="2027-01-31"
    )
    await pledges.create_pledge(user, form, settings, WEB, now=NOW)
    assert await words_part() != []  # the pledge's own words match the task's title
    await pledges.withdraw_pledge(user, settings, WEB, now=NOW)
    assert await words_part() == []


async def test_an_invitation_sent_or_declined_shows_on_the_next_look(cast: Cast, settings):
    user = await member_user(cast, "13600000051")
    looker = await member_of(user)
    task = await make_task(cast)
    found, pool = await for_you.for_member_with_pool(looker, now=NOW)
    assert [s.task.id for s in found if s.task] == [task.id] and pool.invited == []
    [sent] = await invitations.invite(cast.staff_a, task, [looker], settings, WEB, now=NOW)
    found, pool = await for_you.for_member_with_pool(looker, now=NOW)
    assert pool.invited == [sent.id]
    await invitations.answer(user, sent, False, "这周出差", settings, WEB, now=NOW)
    found, pool = await for_you.for_member_with_pool(looker, now=NOW)
    assert found == [] and pool.invited == []  # a declined task is not offered again


async def test_a_look_with_nothing_moved_reads_only_stamps_and_drops_what_started(cast: Cast):
    looker = await member_of(await member_user(cast, "13600000061"))
    soon = await make_task(cast, starts_at=NOW + HOUR, ends_at=NOW + 2 * HOUR)
    later = await make_task(cast, starts_at=NOW + 3 * HOUR, ends_at=NOW + 4 * HOUR)
    assert await suggested(looker) == [soon.id, later.id]
    with counting() as again:
        found = await for_you.for_member(looker, now=NOW + 2 * HOUR)
    assert [s.task.id for s in found if s.task] == [later.id]  # the first has started
    assert len(again.statements) == 1 and 'FROM "stamps"' in again.statements[0]
