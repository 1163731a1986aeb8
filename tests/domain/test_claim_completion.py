"""Completion with evidence, the resident's answer (confirm, dispute, or auto-confirm after
days), and staff verification crediting hours once; the clock is driven, never slept."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from server.domain import claim_completion, claim_deadlines, claims, hours
from server.domain.errors import Conflict, PermissionDenied, ValidationFailed
from server.domain.photos import Upload
from server.models.audit import AuditEntry
from server.models.members import Claim, ClaimStatus, HoursEntry, Task, TaskStatus
from server.models.needs import Need, NeedEvent, NeedStatus, Photo, PhotoStage
from server.settings import Settings
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
    recipients,
    wish_task,
)
from tests.domain.photo_fixtures import plain_jpeg, with_media

C = ClaimStatus


# Completion ------------------------------------------------------------------------------------


async def test_completing_records_the_work_with_photos_and_asks_the_resident(
    cast: Cast, settings, tmp_path
):
    media = with_media(settings, tmp_path)
    task = await wish_task(cast)
    claim = await claim_at(cast, settings, task)
    photo = Upload("glasses.jpg", plain_jpeg(), "image/jpeg")
    done = await complete_at(cast, media, claim, uploads=[photo])
    assert (done.status, done.completed_at) == (C.COMPLETED, NOW + 2 * HOUR)
    assert done.completion_note == "陪老人去配了眼镜"
    assert done.work_ended_at - done.work_started_at == timedelta(minutes=80)  # type: ignore[operator]
    assert await Photo.filter(claim_id=claim.id, stage=PhotoStage.EVIDENCE).count() == 1
    need = await Need.get(id=task.need_id)  # type: ignore[attr-defined]
    assert (need.status, need.resolved_at) == (NeedStatus.RESOLVED, NOW + 2 * HOUR)
    assert (await need_history(need.id))[-1] == ("resolve", "in_progress", "resolved")
    assert await recipients("claim.completed") == [cast.resident.id]


@pytest.mark.parametrize(
    ("note", "start", "end", "field"),
    [
        ("", -2, -1, "note"),
        ("做完了", -1, -2, "ended_at"),  # ends before it starts
        ("做完了", -1, 1, "ended_at"),  # ends in the future
        ("做完了", -14, -1, "ended_at"),  # 13 hours
        ("做完了", -80, -79, "started_at"),  # long before the claim
    ],
)
async def test_a_bad_record_is_refused_by_field(cast: Cast, settings, note, start, end, field):
    claim = await claim_at(cast, settings, await make_task(cast), at=NOW - 2 * DAY)
    with pytest.raises(ValidationFailed) as refused:
        began, ended = NOW + start * HOUR, NOW + end * HOUR
        await claim_completion.complete(
            cast.member, claim, note, began, ended, [], settings, WEB, now=NOW
        )
    assert field in refused.value.fields
    assert (await Claim.get(id=claim.id)).status == C.CLAIMED


async def test_a_refused_completion_keeps_neither_photo_rows_nor_files(
    cast: Cast, settings, tmp_path
):
    media = with_media(settings, tmp_path)
    claim = await claim_at(cast, settings, await make_task(cast))
    await complete_at(cast, media, claim)
    photo = Upload("again.jpg", plain_jpeg(), "image/jpeg")
    with pytest.raises(Conflict):
        await complete_at(cast, media, claim, at=NOW + 3 * HOUR, uploads=[photo])
    assert not await Photo.exists()
    assert not [p for p in (tmp_path / "media").rglob("*") if p.is_file()]


# The resident's answer and auto-confirm ---------------------------------------------------------


async def test_the_requester_confirms_and_the_need_is_confirmed(cast: Cast, settings):
    task = await wish_task(cast)
    claim = await complete_at(cast, settings, await claim_at(cast, settings, task))
    for someone in (cast.member, cast.staff_b, cast.staff_a):
        with pytest.raises(PermissionDenied):
            await claim_completion.confirm(someone, claim, settings, WEB, now=NOW + DAY)
    done = await claim_completion.confirm(cast.resident, claim, settings, WEB, now=NOW + DAY)
    assert (done.status, done.confirmed_at, done.auto_confirmed) == (C.CONFIRMED, NOW + DAY, False)
    need = await Need.get(id=task.need_id)  # type: ignore[attr-defined]
    assert (need.status, need.confirmed_at) == (NeedStatus.CONFIRMED, NOW + DAY)
    assert (await need_history(need.id))[-1] == ("confirm", "resolved", "confirmed")
    with pytest.raises(Conflict):
        await claim_completion.confirm(cast.resident, claim, settings, WEB, now=NOW + DAY)


async def test_whoever_posted_for_a_resident_confirms_for_them(cast: Cast, settings):
    task = await wish_task(cast, requester=None, posted_by=cast.staff_a)
    claim = await complete_at(cast, settings, await claim_at(cast, settings, task))
    await claim_completion.confirm(cast.staff_a, claim, settings, WEB, now=NOW + DAY)
    assert await recipients("claim.completed") == [cast.staff_a.id]


async def test_a_dispute_reopens_the_need_and_gives_the_member_time_again(cast: Cast, settings):
    task = await wish_task(cast)
    claim = await complete_at(cast, settings, await claim_at(cast, settings, task))
    with pytest.raises(ValidationFailed):
        await claim_completion.dispute(cast.resident, claim, " ", settings, WEB, now=NOW + DAY)
    with pytest.raises(PermissionDenied):
        await claim_completion.dispute(cast.member, claim, "没收到", settings, WEB, now=NOW + DAY)
    disputed = await claim_completion.dispute(
        cast.resident, claim, "眼镜度数不对", settings, WEB, now=NOW + DAY
    )
    assert (disputed.status, disputed.dispute_reason) == (C.DISPUTED, "眼镜度数不对")
    assert disputed.due_at == NOW + DAY + 7 * DAY
    need = await Need.get(id=task.need_id)  # type: ignore[attr-defined]
    assert need.status == NeedStatus.REOPENED and need.resolved_at is None
    await complete_at(cast, settings, claim, at=NOW + 3 * DAY)
    assert (await Need.get(id=need.id)).status == NeedStatus.RESOLVED
    assert [e[0] for e in await need_history(need.id)] == ["claim", "resolve", "reopen", "resolve"]
    assert await recipients("claim.completed") == [cast.resident.id, cast.resident.id]


async def test_a_disputed_claim_not_fixed_in_time_is_released(cast: Cast, settings):
    task = await wish_task(cast)
    claim = await complete_at(cast, settings, await claim_at(cast, settings, task))
    claim = await claim_completion.dispute(
        cast.resident, claim, "没做完", settings, WEB, now=NOW + DAY
    )
    assert await claim_deadlines.release_overdue(settings, claim.due_at + HOUR) == 1
    assert (await Need.get(id=task.need_id)).status == NeedStatus.OPEN_FOR_CLAIM  # type: ignore[attr-defined]


async def test_a_project_task_has_no_resident_to_confirm(cast: Cast, settings):
    claim = await complete_at(cast, settings, await claim_at(cast, settings, await make_task(cast)))
    for someone in (cast.resident, cast.member):
        with pytest.raises(PermissionDenied):
            await claim_completion.confirm(someone, claim, settings, WEB, now=NOW + DAY)


async def test_unanswered_completions_confirm_themselves_after_days_noted_as_such(
    cast: Cast, settings
):
    task = await wish_task(cast)
    claim = await complete_at(cast, settings, await claim_at(cast, settings, task))
    done_at = NOW + 2 * HOUR
    assert await claim_completion.auto_confirm(settings, done_at + 6 * DAY) == 0
    assert await claim_completion.auto_confirm(settings, done_at + 7 * DAY) == 1
    assert await claim_completion.auto_confirm(settings, done_at + 8 * DAY) == 0
    claim = await Claim.get(id=claim.id)
    assert (claim.status, claim.auto_confirmed) == (C.CONFIRMED, True)
    event = await NeedEvent.filter(need_id=task.need_id, action="confirm").get()  # type: ignore[attr-defined]
    assert event.actor_id is None and event.data["auto_confirmed"] is True  # type: ignore[attr-defined]
    assert (await Need.get(id=task.need_id)).status == NeedStatus.CONFIRMED  # type: ignore[attr-defined]
    assert await AuditEntry.filter(action="claim.auto_confirm", object_id=claim.code).exists()


# Staff verify ----------------------------------------------------------------------------------


async def _confirmed(cast: Cast, settings: Settings) -> Claim:
    claim = await complete_at(cast, settings, await claim_at(cast, settings, await wish_task(cast)))
    return await claim_completion.confirm(cast.resident, claim, settings, WEB, now=NOW + DAY)


async def test_staff_verify_confirmed_work_and_hours_are_credited_once(cast: Cast, settings):
    claim = await _confirmed(cast, settings)
    done = await claim_completion.verify(
        cast.staff_a, claim, None, settings, WEB, now=NOW + 2 * DAY
    )
    assert (done.status, done.verified_at, done.active_key) == (C.VERIFIED, NOW + 2 * DAY, None)
    entry = await HoursEntry.get(claim_id=claim.id)
    assert entry.hours == Decimal("1.5")  # 80 minutes, to the nearest half hour
    assert (entry.verification, entry.verified_by_id) == ("resident+staff", cast.staff_a.id)  # type: ignore[attr-defined]
    assert entry.service_date == (NOW + 2 * HOUR).astimezone(settings.tz).date()
    assert (await member_of(cast.member)).completed_count == 1
    task = await Task.get(id=claim.task.id)
    assert task.status == TaskStatus.DONE
    need = await Need.get(id=task.need_id)  # type: ignore[attr-defined]
    assert need.status == NeedStatus.CLOSED
    assert await recipients("hours.credited") == [cast.member.id]
    with pytest.raises(Conflict):
        await claim_completion.verify(cast.staff_a, claim, None, settings, WEB, now=NOW + 3 * DAY)
    assert await HoursEntry.filter(claim_id=claim.id).count() == 1
    assert await hours.total(await member_of(cast.member)) == Decimal("1.5")


async def test_staff_of_another_centre_cannot_verify_but_the_street_admin_can(cast: Cast, settings):
    claim = await _confirmed(cast, settings)
    for someone in (cast.staff_b, cast.member, cast.resident):
        with pytest.raises(PermissionDenied):
            await claim_completion.verify(someone, claim, None, settings, WEB, now=NOW + 2 * DAY)
    await claim_completion.verify(cast.street_admin, claim, None, settings, WEB, now=NOW + 2 * DAY)
    assert (await Claim.get(id=claim.id)).status == C.VERIFIED


async def test_work_on_a_need_is_verified_only_after_the_resident_or_time_confirms(
    cast: Cast, settings
):
    claim = await complete_at(cast, settings, await claim_at(cast, settings, await wish_task(cast)))
    with pytest.raises(Conflict):
        await claim_completion.verify(cast.staff_a, claim, None, settings, WEB, now=NOW + DAY)
    await claim_completion.auto_confirm(settings, NOW + 8 * DAY)
    await claim_completion.verify(cast.staff_a, claim, None, settings, WEB, now=NOW + 9 * DAY)
    entry = await HoursEntry.get(claim_id=claim.id)
    assert entry.verification == "auto_confirmed+staff"


async def test_a_project_tasks_work_goes_straight_to_staff(cast: Cast, settings):
    task = await make_task(cast, capacity=3, ends_at=NOW + 30 * DAY)
    claim = await complete_at(cast, settings, await claim_at(cast, settings, task))
    await claim_completion.verify(cast.staff_a, claim, None, settings, WEB, now=NOW + DAY)
    assert (await HoursEntry.get(claim_id=claim.id)).verification == "staff"
    task = await Task.get(id=task.id)
    assert (task.status, task.taken) == (TaskStatus.OPEN, 1)  # places left, time not over
    await claims.claim(await member_user(cast, "13600000001"), task, settings, WEB, now=NOW + DAY)


@pytest.mark.parametrize(
    ("given", "note", "field"),
    [
        ("2", "", "note"),
        ("13", "多算了", "hours"),
        ("0.3", "少算了", "hours"),
        ("abc", "x", "hours"),
    ],
)
async def test_staff_adjust_hours_only_with_a_note_and_within_bounds(
    cast: Cast, settings, given, note, field
):
    claim = await _confirmed(cast, settings)
    with pytest.raises(ValidationFailed) as refused:
        await claim_completion.verify(
            cast.staff_a, claim, given, settings, WEB, note=note, now=NOW + 2 * DAY
        )
    assert field in refused.value.fields
    assert (await Claim.get(id=claim.id)).status == C.CONFIRMED and not await HoursEntry.exists()


async def test_staff_credit_adjusted_hours_with_a_note(cast: Cast, settings):
    claim = await _confirmed(cast, settings)
    await claim_completion.verify(
        cast.staff_a, claim, "2.5", settings, WEB, note="含路上时间", now=NOW + 2 * DAY
    )
    assert (await HoursEntry.get(claim_id=claim.id)).hours == Decimal("2.5")
    audit = await AuditEntry.get(action="claim.verify")
    assert audit.after is not None and audit.after["note"] == "含路上时间"


async def test_a_member_who_did_a_task_cannot_claim_it_again(cast: Cast, settings):
    task = await make_task(cast, capacity=3, ends_at=NOW + 30 * DAY)
    claim = await complete_at(cast, settings, await claim_at(cast, settings, task))
    await claim_completion.verify(cast.staff_a, claim, None, settings, WEB, now=NOW + DAY)
    with pytest.raises(Conflict):
        await claim_at(cast, settings, task, at=NOW + DAY)


async def test_a_need_with_two_helpers_is_resolved_when_the_last_one_finishes(cast: Cast, settings):
    task = await wish_task(cast, capacity=2)
    first = await claim_at(cast, settings, task)
    other = await member_user(cast, "13600000001")
    second = await claim_at(cast, settings, task, other)
    await complete_at(cast, settings, first)
    need = await Need.get(id=task.need_id)  # type: ignore[attr-defined]
    assert need.status == NeedStatus.IN_PROGRESS and not await recipients("claim.completed")
    await claims.give_back(other, second, "临时加班", settings, WEB, now=NOW + 3 * HOUR)
    assert (await Need.get(id=need.id)).status == NeedStatus.RESOLVED
    assert [e[0] for e in await need_history(need.id)] == ["claim", "claim", "give_back", "resolve"]
