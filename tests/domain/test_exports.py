"""Exports: the spreadsheet holds exactly the scope's rows of the period, with Chinese headings,
real dates in the centre's time zone, private columns only for the centre's own staff; large
ones go through a job whose file only its owner may fetch, and old ones are swept away."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from io import BytesIO
from typing import Any

import pytest
from openpyxl import load_workbook

from server.domain import exports
from server.domain.audit import Origin
from server.domain.errors import NotFound, PermissionDenied, ValidationFailed
from server.models.accounts import RoleGrant
from server.models.audit import AuditEntry
from server.models.bookings import Booking
from server.models.jobs import JobRun, JobStatus
from server.models.members import Claim, HoursEntry, HoursKind, Member, Task, TaskSource
from server.models.needs import Need, NeedStatus
from server.models.places import Centre, CentreKind, Level, Service, ServiceCategory
from server.settings import Settings
from tests.cast import Cast, node
from tests.domain.photo_fixtures import with_media

WEB = Origin(ip="10.0.0.7")
NOV = exports.parse_period("2026-11")


def utc(y: int, m: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=UTC)


@dataclass
class Data:
    """Rows in and out of the November exports of street TS and centre A."""

    centre_c: Centre  # on another street
    bookings_in_street: set[str]
    bookings_in_a: set[str]
    needs_in_street: set[str]
    needs_in_a: set[str]
    closed_need: str


async def _service(centre: Centre) -> Service:
    return await Service.create(centre=centre, category=ServiceCategory.OTHER, name="法律咨询")


async def _booking(service: Service, at: datetime, **extra: Any) -> str:
    row = await Booking.create(
        service=service,
        centre_id=service.centre_id,
        starts_at=at,
        ends_at=at + timedelta(minutes=30),
        **extra,
    )
    return row.code


async def _need(cast: Cast, centre: Centre, at: datetime, **extra: Any) -> str:
    where = cast.grid_a if centre.id == cast.centre_a.id else await centre.node
    row = await Need.create(
        centre=centre,
        node=where,
        node_path=where.path,
        title="楼道灯坏了",
        description="3号楼2单元",
        contact_name="李阿姨",
        contact_phone="13912345678",
        address_private="3号楼2单元401",
        created_at=at,
        **extra,
    )
    return row.code


async def seed(cast: Cast) -> Data:
    street2 = await node("TS2", "别的街道", Level.STREET, cast.district)
    community_c = await node("TC", "丙社区", Level.COMMUNITY, street2)
    centre_c = await Centre.create(
        code="CENTREC",
        node=community_c,
        node_path=community_c.path,
        kind=CentreKind.COMMUNITY,
        name="丙社区党群服务站",
        address="丙路3号",
    )
    a, b, c = [await _service(x) for x in (cast.centre_a, cast.centre_b, centre_c)]
    who = {"user": cast.resident, "for_name": "王奶奶", "for_phone": "13911112222"}
    first = await _booking(a, utc(2026, 10, 31, 16, 30), **who)  # 1 Nov 00:30 in Shanghai
    last = await _booking(a, utc(2026, 11, 30, 15, 30), note="带轮椅")  # 30 Nov 23:30
    await _booking(a, utc(2026, 11, 30, 16, 10))  # 1 Dec 00:10 in Shanghai: December
    at_b = await _booking(b, utc(2026, 11, 15, 2))
    await _booking(c, utc(2026, 11, 15, 2))  # another street
    open_need = await _need(cast, cast.centre_a, utc(2026, 11, 10, 1))
    closed = await _need(cast, cast.centre_a, utc(2026, 11, 12, 1), status=NeedStatus.CLOSED)
    need_b = await _need(cast, cast.centre_b, utc(2026, 11, 20, 1))
    await _need(cast, centre_c, utc(2026, 11, 20, 1))
    await _need(cast, cast.centre_a, utc(2026, 10, 31, 15))  # 31 Oct 23:00 in Shanghai
    await _hours(cast, centre_c)
    return Data(
        centre_c,
        {first, last, at_b},
        {first, last},
        {open_need, closed, need_b},
        {open_need, closed},
        closed,
    )


async def _hours(cast: Cast, centre_c: Centre) -> None:
    member = await Member.get(user_id=cast.member.id)
    task = await Task.create(
        source=TaskSource.OTHER,
        centre=cast.centre_a,
        node=cast.grid_a,
        node_path=cast.grid_a.path,
        title="陪老人就医",
    )
    claim = await Claim.create(task=task, member=member, due_at=utc(2026, 11, 9))
    base = {"member": member, "verification": "staff", "verified_by": cast.staff_a}
    rows = [
        (claim, date(2026, 11, 5), "2.5", cast.grid_a.path, "陪老人就医"),
        (None, date(2026, 11, 6), "1", cast.community_b.path, "清扫楼道"),
        (claim, date(2026, 12, 1), "3", cast.grid_a.path, "十二月的服务"),
        (None, date(2026, 11, 7), "4", centre_c.node_path, "别的街道的服务"),
    ]
    for claim_or_none, day, hours, path, text in rows:
        await HoursEntry.create(
            claim=claim_or_none,
            service_date=day,
            hours=Decimal(hours),
            node_path=path,
            description=text,
            kind=HoursKind.CREDIT,
            **base,
        )


def sheet(content: bytes) -> tuple[Any, list[tuple[Any, ...]]]:
    book = load_workbook(BytesIO(content))
    ws = book.active
    return ws, list(ws.iter_rows(values_only=True))


async def _export(user, kind: str, scope: exports.Scope, settings: Settings, **kw: Any):  # type: ignore[no-untyped-def]
    return await exports.start(user, kind, scope, NOV, settings, WEB, **kw)


async def test_a_street_admin_exports_the_months_bookings_of_the_street_without_private_data(
    cast: Cast, settings: Settings
):
    data = await seed(cast)
    scope = await exports.node_scope(cast.street_admin, "TS", settings)
    started = await _export(cast.street_admin, "bookings", scope, settings)
    assert started.filename == "bookings-T-TD-TS-2026-11.xlsx" and started.job is None
    assert started.content is not None
    ws, rows = sheet(started.content)
    assert rows[0][:4] == ("预约码", "服务中心", "服务事项", "预约时间")
    assert "预约人手机" not in rows[0] and "办事人" not in rows[0]
    assert {r[0] for r in rows[1:]} == data.bookings_in_street
    first = next(r for r in rows[1:] if r[0] in data.bookings_in_a and r[3].day == 1)
    assert first[3] == datetime(2026, 11, 1, 0, 30) and first[5] == "已预约"
    assert all("13911112222" not in str(cell) for row in rows for cell in row)
    assert ws.freeze_panes == "A2" and ws.column_dimensions["B"].width == 28
    assert ws["D2"].is_date and ws["D2"].number_format == "yyyy-mm-dd hh:mm"
    entry = await AuditEntry.get(action="export.create")
    assert entry.node_path == "T/TD/TS/" and entry.after is not None
    assert entry.after["rows"] == 3 and entry.after["private"] is False


async def test_staff_of_the_centre_get_names_and_phones_of_their_own_bookings(
    cast: Cast, settings: Settings
):
    data = await seed(cast)
    scope = await exports.centre_scope(cast.staff_a, "CENTREA")
    started = await _export(cast.staff_a, "bookings", scope, settings)
    assert started.filename == "bookings-CENTREA-2026-11.xlsx" and started.content
    _, rows = sheet(started.content)
    assert rows[0][-5:] == ("预约人", "预约人手机", "办事人", "办事人手机", "工作人员备注")
    assert {r[0] for r in rows[1:]} == data.bookings_in_a
    first = next(r for r in rows[1:] if r[3] == datetime(2026, 11, 1, 0, 30))
    assert first[-5:] == ("居民", cast.resident.phone, "王奶奶", "13911112222", None)
    assert (await AuditEntry.get(action="export.create")).after["private"] is True  # type: ignore[index]


async def test_an_admin_above_a_centre_gets_its_export_without_private_columns(
    cast: Cast, settings: Settings
):
    await seed(cast)
    scope = await exports.centre_scope(cast.street_admin, "CENTREA")
    assert not scope.private
    started = await _export(cast.street_admin, "bookings", scope, settings)
    _, rows = sheet(started.content or b"")
    assert "预约人" not in rows[0] and len(rows) == 3
    with pytest.raises(PermissionDenied):
        await exports.centre_scope(cast.staff_b, "CENTREA")
    with pytest.raises(PermissionDenied):
        await exports.node_scope(cast.staff_a, "TS", settings)


async def test_needs_carry_contact_only_for_the_centres_staff_and_only_until_closed(
    cast: Cast, settings: Settings
):
    data = await seed(cast)
    street = await exports.node_scope(cast.street_admin, "TS", settings)
    _, rows = sheet((await _export(cast.street_admin, "needs", street, settings)).content or b"")
    assert rows[0][:3] == ("编号", "类型", "标题") and "联系电话" not in rows[0]
    assert {r[0] for r in rows[1:]} == data.needs_in_street
    assert isinstance(rows[1][8], datetime) and rows[1][8] == datetime(2026, 11, 10, 9, 0)
    own = await exports.centre_scope(cast.staff_a, "CENTREA")
    _, rows = sheet((await _export(cast.staff_a, "needs", own, settings)).content or b"")
    phone = rows[0].index("联系电话")
    by_code = {r[0]: r for r in rows[1:]}
    assert set(by_code) == data.needs_in_street - {
        r for r in data.needs_in_street if r not in by_code
    }
    assert len(by_code) == 2
    assert by_code[data.closed_need][phone] is None  # closed: private details are gone
    open_code = next(code for code in by_code if code != data.closed_need)
    assert by_code[open_code][phone] == "13912345678"
    assert by_code[open_code][rows[0].index("状态")] == "待受理"


async def test_hours_go_by_service_date_and_the_centres_tasks(cast: Cast, settings: Settings):
    await seed(cast)
    street = await exports.node_scope(cast.street_admin, "TS", settings)
    ws, rows = sheet((await _export(cast.street_admin, "hours", street, settings)).content or b"")
    assert rows[0][:2] == ("服务日期", "志愿者姓名")
    assert sorted((r[0].date(), r[4], r[5]) for r in rows[1:]) == [
        (date(2026, 11, 5), "陪老人就医", 2.5),
        (date(2026, 11, 6), "清扫楼道", 1.0),
    ]
    assert ws["A2"].is_date and ws["F2"].number_format == "0.00"
    assert {r[3] for r in rows[1:]} == {"甲社区第一网格", "乙社区"}
    centre = await exports.centre_scope(cast.staff_a, "CENTREA")
    _, rows = sheet((await _export(cast.staff_a, "hours", centre, settings)).content or b"")
    assert [r[4] for r in rows[1:]] == ["陪老人就医"]


def test_periods_and_kinds_are_checked():
    assert exports.parse_period("2026-12") == exports.Period(
        "2026-12", date(2026, 12, 1), date(2026, 12, 31)
    )
    assert exports.parse_period("2026").last == date(2026, 12, 31)
    for bad in ("2026-13", "26-11", "", "abcd"):
        with pytest.raises(ValidationFailed):
            exports.parse_period(bad)
    with pytest.raises(ValidationFailed):
        exports.parse_kind("users")


# Large exports: the job ---------------------------------------------------------------------


async def test_a_large_export_is_a_job_whose_file_only_its_owner_fetches(
    cast: Cast, settings: Settings, tmp_path
):
    config = with_media(settings, tmp_path)
    data = await seed(cast)
    scope = await exports.centre_scope(cast.staff_a, "CENTREA")
    started = await _export(cast.staff_a, "bookings", scope, config, limit=1)
    job = started.job
    assert job is not None and started.content is None
    row = await JobRun.get(id=job.id)
    assert (row.kind, row.status, row.total, row.done) == ("export.bookings", "queued", 2, 0)
    assert await exports.build(job.id, config) == "done"
    assert await exports.build(job.id, config) == "skipped"  # jobs may run twice
    row = await JobRun.get(id=job.id)
    assert (row.status, row.done, row.result_path) == (
        JobStatus.DONE,
        2,
        f"exports/{row.public_id}.xlsx",
    )
    _, rows = sheet(exports.file_of(row, config).read_bytes())
    assert {r[0] for r in rows[1:]} == data.bookings_in_a and "预约人手机" in rows[0]
    assert (await exports.job_for(cast.staff_a, scope, row.public_id)).id == row.id
    admin_scope = await exports.centre_scope(cast.street_admin, "CENTREA")
    with pytest.raises(NotFound):  # another person, same centre
        await exports.job_for(cast.street_admin, admin_scope, row.public_id)
    await RoleGrant.filter(user=cast.staff_a).delete()
    with pytest.raises(PermissionDenied):  # no longer staff: the scope itself is refused
        await exports.centre_scope(cast.staff_a, "CENTREA")


async def test_a_private_file_is_refused_once_its_owner_no_longer_sees_private_data(
    cast: Cast, settings: Settings, tmp_path
):
    config = with_media(settings, tmp_path)
    await seed(cast)
    scope = await exports.centre_scope(cast.staff_a, "CENTREA")
    job = (await _export(cast.staff_a, "needs", scope, config, limit=0)).job
    assert job is not None
    public = exports.Scope(**{**scope.__dict__, "private": False})  # e.g. now an admin above
    with pytest.raises(NotFound):
        await exports.job_for(cast.staff_a, public, job.public_id)
    other = await exports.node_scope(cast.street_admin, "TS", config)
    with pytest.raises(NotFound):
        await exports.job_for(cast.staff_a, other, job.public_id)


async def test_the_sweep_deletes_old_files_wakes_lost_jobs_and_fails_dead_ones(
    cast: Cast, settings: Settings, tmp_path
):
    config = with_media(settings, tmp_path)
    await seed(cast)
    scope = await exports.node_scope(cast.street_admin, "TS", config)
    old, lost, dead, fresh = [
        (await _export(cast.street_admin, "bookings", scope, config, limit=0)).job for _ in range(4)
    ]
    assert old and lost and dead and fresh
    await exports.build(old.id, config)
    await exports.build(fresh.id, config)
    old_file = exports.file_of(await JobRun.get(id=old.id), config)
    fresh_file = exports.file_of(await JobRun.get(id=fresh.id), config)
    now = datetime.now(UTC)
    await JobRun.filter(id=old.id).update(created_at=now - timedelta(hours=25))
    await JobRun.filter(id=lost.id).update(created_at=now - timedelta(minutes=5))
    await JobRun.filter(id=dead.id).update(
        status=JobStatus.RUNNING, created_at=now - timedelta(hours=2)
    )
    result = await exports.sweep(config, now)
    assert result == {"deleted": 1, "failed": 1, "requeued": 1}
    assert not old_file.exists() and fresh_file.exists()
    assert not await JobRun.exists(id=old.id)
    assert (await JobRun.get(id=dead.id)).status == JobStatus.FAILED
    assert (await JobRun.get(id=lost.id)).status == JobStatus.QUEUED
