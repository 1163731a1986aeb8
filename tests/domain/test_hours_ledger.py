"""The hours ledger: append-only, corrections are new entries pointing at the original, and a
member's total is always the sum of their entries, under any sequence of credits and
corrections (seeded random sequences, on SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import random
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from tortoise.transactions import in_transaction

from server.domain import hours
from server.domain.errors import PermissionDenied, ValidationFailed
from server.models.members import HoursEntry, HoursKind, Member
from tests.cast import Cast
from tests.domain.claim_fixtures import NOW, WEB, member_of, member_user

D = Decimal


async def _credit(member: Member, value: str, day: int = 1) -> HoursEntry:
    async with in_transaction():
        return await hours.credit(
            member,
            None,
            D(value),
            service_date=date(2026, 11, day),
            description="周六作业辅导",
            node_path="T/TD/TS/TA/TA1/",
            verified_by=None,
            verification="staff",
        )


async def _snapshot() -> dict[int, dict[str, Any]]:
    """Every row of the ledger as the database holds it."""
    return {row["id"]: row for row in await HoursEntry.all().values()}


async def _unchanged_since(before: dict[int, dict[str, Any]]) -> None:
    now = await _snapshot()
    assert {i: now[i] for i in before} == before  # nothing updated, nothing deleted


async def test_a_correction_is_a_new_entry_and_the_original_is_untouched(cast: Cast):
    member = await member_of(cast.member)
    credit = await _credit(member, "2")
    before = await _snapshot()
    fix = await hours.correct(cast.staff_a, credit, "1.5", "实际服务1.5小时", WEB, now=NOW)
    assert (fix.kind, fix.corrects_id, fix.hours) == (HoursKind.CORRECTION, credit.id, D("-0.5"))  # type: ignore[attr-defined]
    assert (fix.verified_by_id, fix.description) == (cast.staff_a.id, "实际服务1.5小时")  # type: ignore[attr-defined]
    assert fix.service_date == credit.service_date and fix.member_id == member.id  # type: ignore[attr-defined]
    await _unchanged_since(before)
    assert await hours.effective(credit) == D("1.5") == await hours.total(member)
    assert [e.id for e in await hours.entries(member)] == [credit.id, fix.id]


async def test_a_correction_of_a_correction_points_at_the_original(cast: Cast):
    member = await member_of(cast.member)
    credit = await _credit(member, "3")
    first = await hours.correct(cast.staff_a, credit, "2", "少记路程", WEB, now=NOW)
    second = await hours.correct(cast.staff_a, first, "4", "补记准备时间", WEB, now=NOW)
    assert second.corrects_id == credit.id and second.hours == D(2)  # type: ignore[attr-defined]
    assert await hours.effective(first) == await hours.effective(credit) == D(4)
    zero = await hours.correct(cast.staff_a, second, "0", "重复登记，作废", WEB, now=NOW)
    assert zero.hours == D(-4) and await hours.total(member) == D(0)


@pytest.mark.parametrize(
    ("value", "reason", "field"),
    [("2", "", "reason"), ("-1", "多了", "hours"), ("12.5", "多了", "hours"),
     ("1.234", "多了", "hours"), ("两小时", "多了", "hours"), ("2", "没变", "hours")],
)  # fmt: skip
async def test_a_correction_needs_a_reason_and_a_new_sane_value(cast: Cast, value, reason, field):
    credit = await _credit(await member_of(cast.member), "2")
    with pytest.raises(ValidationFailed) as refused:
        await hours.correct(cast.staff_a, credit, value, reason, WEB, now=NOW)
    assert field in refused.value.fields
    assert await HoursEntry.all().count() == 1


async def test_only_staff_where_the_service_was_given_or_admins_above_correct(cast: Cast):
    credit = await _credit(await member_of(cast.member), "2")
    for someone in (cast.staff_b, cast.member, cast.resident):
        with pytest.raises(PermissionDenied):
            await hours.correct(someone, credit, "1", "改一下", WEB, now=NOW)
    await hours.correct(cast.street_admin, credit, "1", "核对后更正", WEB, now=NOW)
    assert await hours.effective(credit) == D(1)


async def test_corrections_at_once_each_start_from_the_other(cast: Cast):
    credit = await _credit(await member_of(cast.member), "2")
    await asyncio.gather(
        *(hours.correct(cast.staff_a, credit, v, "核对", WEB, now=NOW) for v in ("3", "5"))
    )
    # Whichever went second set the value: nothing is counted twice.
    assert await hours.effective(credit) in (D(3), D(5))
    assert await hours.total(await member_of(cast.member)) == await hours.effective(credit)


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_the_total_is_always_the_sum_of_entries_under_credits_and_corrections(
    cast: Cast, seed: int
):
    rng = random.Random(seed)
    member = await member_of(cast.member)
    # a second member, whose entries must not leak into the first's total
    second = await member_of(await member_user(cast, "13600000009"))
    expected: dict[int, dict[int, Decimal]] = {member.id: {}, second.id: {}}
    snapshot = await _snapshot()
    for step in range(40):
        whose = rng.choice([member, second])
        originals = expected[whose.id]
        if not originals or rng.random() < 0.4:
            value = D(rng.randint(1, 24)) / 2
            entry = await _credit(whose, str(value), day=rng.randint(1, 28))
            originals[entry.id] = value
        else:
            target_id = rng.choice(list(originals))
            fixes = await HoursEntry.filter(corrects_id=target_id)
            target = rng.choice([await HoursEntry.get(id=target_id), *fixes])
            value = D(rng.randint(0, 1200)) / 100
            if value == originals[target_id]:
                continue
            await hours.correct(cast.staff_a, target, str(value), f"第{step}次核对", WEB, now=NOW)
            originals[target_id] = value
        await _unchanged_since(snapshot)
        snapshot = await _snapshot()
        for someone in (member, second):
            rows = await HoursEntry.filter(member_id=someone.id).values_list("hours", flat=True)
            total = await hours.total(someone)
            assert total == sum((D(str(h)) for h in rows), D(0))
            assert total == sum(expected[someone.id].values(), D(0))
        for original_id, value in expected[whose.id].items():
            assert await hours.effective(await HoursEntry.get(id=original_id)) == value
