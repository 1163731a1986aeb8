"""A resident's data rights: the copy holds their data and nothing of others; deletion waits
for the cooling-off period, then the worker anonymises; anonymisation leaves no phone, name or
address anywhere in the database, deletes their photos, and changes no figure."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tortoise import Tortoise

from server.domain import (
    accounts,
    bookings,
    claim_completion,
    data_rights,
    hours,
    need_metrics,
    need_posting,
    needs,
    personal_data,
)
from server.domain.audit import JOB, Origin
from server.domain.errors import AuthenticationFailed, Conflict, ValidationFailed
from server.domain.photos import Upload
from server.models.accounts import RoleGrant, User
from server.models.audit import AuditEntry
from server.models.bookings import Booking, BookingStatus, SlotUsage
from server.models.jobs import ScheduledJob, ScheduledStatus
from server.models.members import HoursEntry, Member, Pledge, PledgeStatus
from server.models.needs import Need, NeedCategory, Photo
from server.models.notifications import Notification
from server.redis_client import get_redis
from server.settings import Settings
from tests.cast import PASSWORD, Cast
from tests.domain import booking_fixtures as bf
from tests.domain.claim_fixtures import claim_at, complete_at, make_task
from tests.domain.photo_fixtures import plain_jpeg, with_media
from workers import data_rights as data_rights_jobs  # registers the scheduled job
from workers.scheduled import run_scheduled

WEB = Origin(ip="10.0.0.7", user_agent="pytest")
NAME, REAL_NAME, MEMBER_NO = "闵小明", "闵晓明", "DY20190815"
EMAIL, FOR_NAME, FOR_PHONE = "xiaoming@example.com", "闵老太", "13900009999"
ADDRESS = "幸福路8号3单元"
NEED_AT = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
H = timedelta(hours=1)
AFTER_ALL = datetime(2026, 12, 10, tzinfo=UTC)  # later than every booking of the history


def _photo() -> Upload:
    return Upload("photo.jpg", plain_jpeg(), "image/jpeg")


async def _person(cast: Cast) -> User:
    """The cast's member, with a name, number and email of their own to look for afterwards."""
    await User.filter(id=cast.member.id).update(display_name=NAME, email=EMAIL)
    await Member.filter(user_id=cast.member.id).update(real_name=REAL_NAME, member_no=MEMBER_NO)
    return await User.get(id=cast.member.id)


async def _history(cast: Cast, config: Settings) -> dict[str, Any]:
    """A year of using Doorstep: bookings (one for a parent), a need with a photo seen by staff,
    fixed, confirmed and rated, a pledge, and a claim done with a photo and hours credited."""
    person = await _person(cast)
    service = await bf.make_service(cast)
    own = await bookings.book(person, service, bf.WED_0900, config, WEB, now=bf.NOW)
    parent = await bookings.book(
        person,
        service,
        bf.WED_0930,
        config,
        WEB,
        for_name=FOR_NAME,
        for_phone=FOR_PHONE,
        on_behalf=True,
        now=bf.NOW,
    )
    other = await bookings.book(cast.resident, service, bf.WED_0900, config, WEB, now=bf.NOW)
    await Booking.filter(id=own.id).update(status=BookingStatus.DONE)
    await Booking.filter(id=parent.id).update(status=BookingStatus.NO_SHOW)
    need = await _need(cast, person, config)
    await Pledge.create(
        member=await Member.get(user_id=person.id),
        text=f"周末辅导，找{NAME}",
        valid_until=(AFTER_ALL + timedelta(days=300)).date(),
    )
    task = await make_task(cast)
    claim = await claim_at(cast, config, task)
    claim = await complete_at(cast, config, claim, uploads=[_photo()])
    await claim_completion.verify(cast.staff_a, claim, None, config, WEB, now=bf.NOW + 4 * H)
    return {"person": person, "need": need, "claim": claim, "other_booking": other}


async def _need(cast: Cast, person: User, config: Settings) -> Need:
    category = await NeedCategory.create(centre=cast.centre_a, name="公共设施")
    form = {
        "category": category.code,
        "title": "楼道灯坏了",
        "description": f"请找{NAME}，电话{person.phone}",
        "address": ADDRESS,
        "place": cast.grid_a.code,
    }
    redis = get_redis(config)
    need = await need_posting.post(
        person, cast.centre_a, form, config, WEB, redis, uploads=[_photo()], now=NEED_AT
    )
    assert await needs.show_private(cast.staff_a, need, WEB)
    for step, at in (("accept", NEED_AT + H), ("assign", NEED_AT + 2 * H)):
        need = await needs.act(cast.staff_a, need, step, config, WEB, department="物业", now=at)
    note = f"已修好，{NAME}在家"  # staff's note names the person: cleaned too
    need = await needs.act(
        cast.staff_a, need, "resolve", config, WEB, note=note, now=NEED_AT + 3 * H
    )
    need = await needs.act(person, need, "confirm", config, WEB, now=NEED_AT + 4 * H)
    return await needs.rate(person, need, "satisfied", "谢谢", config, WEB, now=NEED_AT + 5 * H)


async def _figures(cast: Cast, person: User) -> dict[str, Any]:
    """Booking counts, the three rates and volunteer hours, as the dashboards count them."""
    statuses = await Booking.filter(centre_id=cast.centre_a.id).values_list("status", flat=True)
    march = need_metrics.month_window(2026, 3)
    rates = await need_metrics.rates(
        start=march[0], end=march[1], at=AFTER_ALL, node_path=cast.street.path
    )
    street_hours = await HoursEntry.filter(node_path__startswith=cast.street.path).values_list(
        "hours", flat=True
    )
    return {
        "bookings": sorted(str(s) for s in statuses),
        "rates": rates,
        "member_hours": await hours.total(await Member.get(user_id=person.id)),
        "street_hours": sum((Decimal(str(h)) for h in street_hours), Decimal(0)),
    }


async def _every_text() -> list[tuple[str, str]]:
    """(table, row) for every row of every table, all columns as text."""
    found = []
    for model in Tortoise.apps["models"].values():
        for row in await model.all().values():
            found.append((model._meta.db_table, json.dumps(row, ensure_ascii=False, default=str)))
    return found


@pytest.fixture
def media(settings: Settings, tmp_path: Path) -> Settings:
    return with_media(settings, tmp_path)


# The copy -------------------------------------------------------------------------------------


async def test_the_copy_holds_the_persons_data_and_nothing_of_others(cast: Cast, media):
    story = await _history(cast, media)
    person = story["person"]
    data = await personal_data.export(person)
    text = personal_data.export_json(data).decode()
    assert data["account"]["phone"] == person.phone and data["account"]["display_name"] == NAME
    assert "password_hash" not in text and "key_hash" not in text
    assert sorted(b["for_name"] for b in data["bookings"]) == ["", FOR_NAME]
    assert story["other_booking"].code not in text
    [need] = data["needs"]
    assert (need["address_private"], need["contact_phone"]) == (ADDRESS, person.phone)
    assert {"submit", "accept", "confirm", "rate"} <= {e["action"] for e in data["need_history"]}
    assert data["member"]["real_name"] == REAL_NAME
    assert [c["code"] for c in data["claims"]] == [story["claim"].code]
    assert Decimal(data["hours"][0]["hours"]) > 0
    assert data["pledges"][0]["text"].startswith("周末辅导")
    assert len(data["photos"]) == 2 and data["notifications"]
    actions = {e["action"] for e in data["audit"]}
    assert {"booking.create", "need.submit", "member.enrol"} <= actions
    assert "need.view_private" not in actions  # staff's view: staff's entry, not the person's
    for other in (cast.resident, cast.staff_a, cast.street_admin, cast.staff_b):
        assert other.phone not in text
    assert "10.0.0.7" in text  # where the person acted from is theirs to see


async def test_the_zip_carries_the_photos_beside_the_data(cast: Cast, media):
    story = await _history(cast, media)
    body = await personal_data.copy_for(story["person"], media, WEB, with_photos=True)
    archive = zipfile.ZipFile(io.BytesIO(body))
    photos = await Photo.filter(uploaded_by_id=story["person"].id).values_list(
        "public_id", flat=True
    )
    assert sorted(archive.namelist()) == sorted(["data.json", *(f"photos/{p}.jpg" for p in photos)])
    assert json.loads(archive.read("data.json"))["account"]["display_name"] == NAME
    assert await AuditEntry.filter(action="user.data_export", actor_id=story["person"].id).exists()


# The request ----------------------------------------------------------------------------------


async def test_a_deletion_request_reports_every_problem_at_once(cast: Cast, settings):
    with pytest.raises(ValidationFailed) as problem:
        await data_rights.request_deletion(cast.staff_a, "wrong", " ", WEB, settings)
    assert set(problem.value.fields) == {"password", "reason", "roles"}
    assert await data_rights.pending_deletion(cast.staff_a) is None


async def test_deletion_waits_for_the_cooling_off_period_and_can_be_called_off(
    cast: Cast, settings
):
    now = datetime.now(UTC)
    due = await data_rights.request_deletion(
        cast.resident, PASSWORD, "搬家了", WEB, settings, now=now
    )
    assert due == now + data_rights.DELETION_GRACE
    assert await data_rights.pending_deletion(cast.resident) == due
    with pytest.raises(Conflict):
        await data_rights.request_deletion(cast.resident, PASSWORD, "再来", WEB, settings)
    assert (await User.get(id=cast.resident.id)).is_active  # usable until then
    await data_rights.cancel_deletion(cast.resident, WEB)
    assert await data_rights.pending_deletion(cast.resident) is None
    job = await ScheduledJob.get(function=data_rights.JOB)
    assert job.status == ScheduledStatus.CANCELLED
    logged = await AuditEntry.filter(object_id=cast.resident.public_id).values_list(
        "action", flat=True
    )
    assert {"user.deletion_request", "user.deletion_cancel"} <= set(logged)
    with pytest.raises(Conflict):
        await data_rights.cancel_deletion(cast.resident, WEB)


async def test_the_worker_anonymises_once_the_period_is_over(cast: Cast, settings):
    assert data_rights_jobs.anonymise_account
    past = datetime.now(UTC) - data_rights.DELETION_GRACE - H
    await data_rights.request_deletion(cast.resident, PASSWORD, "不用了", WEB, settings, now=past)
    job = await ScheduledJob.get(function=data_rights.JOB)
    assert await run_scheduled({"settings": settings}, job.id) == "done"
    gone = await User.get(id=cast.resident.id)
    assert gone.display_name == data_rights.ANONYMOUS_NAME and not gone.is_active
    entry = await AuditEntry.get(action="user.anonymise")
    assert entry.actor_id is None and entry.actor_label == "job"  # type: ignore[attr-defined]
    assert await data_rights.run_due(cast.resident.id, settings) == "gone"  # again: nothing


# Anonymisation --------------------------------------------------------------------------------


async def test_anonymisation_changes_no_figure(cast: Cast, media):
    story = await _history(cast, media)
    person = story["person"]
    before = await _figures(cast, person)
    assert before["rates"].received == 1 and before["member_hours"] > 0
    await data_rights.anonymise(person, cast.street_admin, WEB, media, now=AFTER_ALL)
    assert await _figures(cast, person) == before


async def test_anonymisation_leaves_no_personal_detail_in_any_table(cast: Cast, media):
    story = await _history(cast, media)
    person = story["person"]
    secrets = [person.phone, NAME, REAL_NAME, MEMBER_NO, EMAIL, FOR_NAME, FOR_PHONE, ADDRESS]
    rows = await _every_text()
    assert all(any(s in text for _, text in rows) for s in secrets)  # each was there before
    await data_rights.anonymise(person, None, JOB, media, now=AFTER_ALL)
    left = [(table, s) for table, text in await _every_text() for s in secrets if s in text]
    assert left == []
    other = await Booking.get(id=story["other_booking"].id)
    assert (await other.user).phone == cast.resident.phone  # nobody else's data is touched
    assert await Notification.filter(user_id=cast.resident.id).exists()


async def test_anonymisation_deletes_the_persons_photos_from_disk(cast: Cast, media):
    story = await _history(cast, media)
    person = story["person"]
    paths = await Photo.filter(uploaded_by_id=person.id).values_list("path", flat=True)
    assert len(paths) == 2 and all((media.media_dir / p).is_file() for p in paths)
    await data_rights.anonymise(person, None, JOB, media, now=AFTER_ALL)
    assert not any((media.media_dir / p).exists() for p in paths)
    assert not await Photo.filter(uploaded_by_id=person.id).exists()
    assert await Need.filter(id=story["need"].id).exists()  # the need itself stays counted


async def test_an_anonymised_account_can_never_log_in(cast: Cast, settings):
    phone = cast.resident.phone
    key = await accounts.start_session(cast.resident, settings, WEB)
    await data_rights.anonymise(cast.resident, None, JOB, settings)
    gone = await User.get(id=cast.resident.id)
    assert gone.phone == f"D{gone.id:010d}" and gone.password_hash == "" and not gone.is_active
    assert not await gone.sessions.all().exists() and key
    redis = get_redis(settings)
    for number in (phone, gone.phone):
        with pytest.raises((AuthenticationFailed, ValidationFailed)):
            await accounts.authenticate(redis, settings, number, PASSWORD, "10.0.0.7")


async def test_upcoming_bookings_are_cancelled_and_their_places_freed(cast: Cast, settings):
    service = await bf.make_service(cast)
    booking = await bookings.book(cast.resident, service, bf.WED_0900, settings, WEB, now=bf.NOW)
    await data_rights.anonymise(cast.resident, None, JOB, settings, now=bf.NOW)
    after = await Booking.get(id=booking.id)
    assert after.status == BookingStatus.CANCELLED and after.holder_key is None
    usage = await SlotUsage.get(service_id=service.id, starts_at=bf.WED_0900)
    assert usage.taken == 0
    assert not await Notification.filter(user_id=cast.resident.id).exists()


async def test_pledges_are_withdrawn_and_the_member_record_emptied(cast: Cast, media):
    story = await _history(cast, media)
    await data_rights.anonymise(story["person"], None, JOB, media, now=AFTER_ALL)
    member = await Member.get(user_id=story["person"].id)
    assert (member.real_name, member.member_no) == ("", "")
    pledge = await Pledge.get(member_id=member.id)
    assert (pledge.text, pledge.status) == ("", PledgeStatus.WITHDRAWN)


async def test_an_anonymised_account_holds_no_role(cast: Cast, settings):
    await data_rights.anonymise(cast.staff_a, cast.street_admin, WEB, settings)
    assert not await RoleGrant.filter(user_id=cast.staff_a.id).exists()
    entry = await AuditEntry.get(action="user.anonymise")
    assert entry.actor_id == cast.street_admin.id  # type: ignore[attr-defined]
