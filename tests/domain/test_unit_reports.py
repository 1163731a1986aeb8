"""Unit reports: the quarter's rows per member, the community's evaluation, the xlsx a unit
opens, and the email to the unit's contact — sent once per quarter, time driven, through a real
local SMTP server."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from aiosmtpd.controller import Controller
from openpyxl import load_workbook
from tortoise.transactions import in_transaction

from server.domain import hours, unit_reports
from server.domain.errors import PermissionDenied, ValidationFailed
from server.domain.unit_reports import Quarter
from server.models.jobs import ScheduledJob, ScheduledStatus
from server.models.members import (
    Feedback,
    FeedbackKind,
    HoursEntry,
    Member,
    MemberStatus,
    Pledge,
    PledgeSkill,
    Skill,
    Unit,
)
from server.settings import Settings
from tests.cast import Cast
from tests.conftest import free_port
from tests.domain.claim_fixtures import WEB, member_of, member_user
from tests.workers.conftest import SmtpSink
from workers.reports import send_unit_reports
from workers.scheduled import REGISTRY

D = Decimal
Q4 = Quarter(2026, 4)
TZ_OFFSET = timedelta(hours=8)  # Asia/Shanghai


def local(year: int, month: int, day: int, hour: int = 10) -> datetime:
    """A Shanghai wall-clock time as a UTC instant."""
    return datetime(year, month, day, hour, tzinfo=UTC) - TZ_OFFSET


@pytest.fixture
def mailbox() -> Iterator[tuple[SmtpSink, int]]:
    sink, port = SmtpSink(), free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()


async def _credit(member: Member, value: str, day: date, what: str) -> HoursEntry:
    async with in_transaction():
        return await hours.credit(
            member,
            None,
            D(value),
            service_date=day,
            description=what,
            node_path="T/TD/TS/TA/TA1/",
            verified_by=None,
            verification="staff",
        )


async def _unit(cast: Cast, email: str = "hr@example.com") -> tuple[Unit, Member]:
    """A unit with the cast's member (and their quarter's service) and a pending colleague."""
    unit = await Unit.create(
        name="测试市税务局", contact_name="王主任", contact_email=email, contact_phone="021"
    )
    member = await member_of(cast.member)
    member.real_name, member.unit = "张小明", unit
    await member.save(update_fields=["real_name", "unit_id"])
    colleague = await member_of(await member_user(cast, "13900000008"))
    await Member.filter(id=colleague.id).update(
        unit_id=unit.id, real_name="李四", status=MemberStatus.PENDING
    )
    return unit, member


async def _quarter_of_service(cast: Cast, member: Member) -> None:
    await _credit(member, "2", date(2026, 10, 1), "周六作业辅导")
    fixed = await _credit(member, "3", date(2026, 11, 5), "社区环境整治")
    await _credit(member, "1", date(2026, 12, 31), "周六作业辅导")
    await _credit(member, "4", date(2026, 9, 30), "上季度服务")
    await _credit(member, "5", date(2027, 1, 1), "下季度服务")
    await hours.correct(cast.staff_a, fixed, "2.5", "少算半小时", WEB, now=local(2026, 11, 6))
    skill = await Skill.create(code="tutoring", name="课业辅导")
    pledge = await Pledge.create(
        member=member,
        text="周末下午",
        monthly_tasks=2,
        valid_until=date(2027, 6, 30),
        created_at=local(2026, 9, 1),
    )
    await PledgeSkill.create(pledge=pledge, skill=skill)
    for score, when in (
        (5, local(2026, 10, 2)),
        (4, local(2026, 12, 31, 23)),
        (1, local(2027, 1, 1)),
    ):
        await Feedback.create(
            member=member, kind=FeedbackKind.RESIDENT_RATING, score=score, created_at=when
        )


def _sheet(data: bytes):  # type: ignore[no-untyped-def]
    return load_workbook(io.BytesIO(data)).active


# Quarters -------------------------------------------------------------------------------------


def test_quarters_and_when_their_report_is_due():
    assert (Q4.first, Q4.last, Q4.label) == (date(2026, 10, 1), date(2026, 12, 31), "2026年第4季度")
    assert Quarter.of(date(2027, 2, 14)) == Quarter(2027, 1) == Q4.next()
    assert Quarter(2027, 1).previous() == Q4 and Quarter(2026, 2).last == date(2026, 6, 30)
    assert unit_reports.due_quarter(date(2027, 1, 7)) is None
    assert unit_reports.due_quarter(date(2027, 1, 8)) == Q4
    assert unit_reports.due_quarter(date(2027, 3, 31)) == Q4
    assert unit_reports.due_quarter(date(2027, 4, 8)) == Quarter(2027, 1)


# The community's evaluation -------------------------------------------------------------------


async def test_staff_of_the_members_community_evaluate_them(cast: Cast):
    _, member = await _unit(cast)
    for user in (cast.staff_b, cast.member, cast.resident):
        with pytest.raises(PermissionDenied):
            await unit_reports.evaluate(user, member, 4, "", WEB)
    for score in (0, 6, "优"):
        with pytest.raises(ValidationFailed):
            await unit_reports.evaluate(cast.staff_a, member, score, "", WEB)
    row = await unit_reports.evaluate(cast.street_admin, member, "4", " 表现良好 ", WEB)
    assert (row.kind, row.score, row.comment, row.claim_id) == (  # type: ignore[attr-defined]
        FeedbackKind.UNIT_EVALUATION,
        4,
        "表现良好",
        None,
    )


async def test_an_evaluation_goes_into_the_report_that_goes_out_next(cast: Cast, settings):
    tz = settings.tz
    assert unit_reports.evaluation_quarter(local(2027, 1, 7, 23), tz) == Q4
    assert unit_reports.evaluation_quarter(local(2027, 1, 8, 0), tz) == Quarter(2027, 1)
    assert unit_reports.evaluation_quarter(local(2026, 10, 7), tz) == Quarter(2026, 3)
    unit, member = await _unit(cast)
    for score, when in ((3, local(2026, 10, 20)), (5, local(2027, 1, 5)), (1, local(2027, 1, 9))):
        await unit_reports.evaluate(cast.staff_a, member, score, f"{score}分", WEB, now=when)
    rows = {r.member.real_name: r for r in await unit_reports.report_rows(unit, Q4, tz)}
    assert rows["张小明"].evaluation is not None and rows["张小明"].evaluation.score == 5
    assert rows["李四"].evaluation is None


# The spreadsheet ------------------------------------------------------------------------------


async def test_the_xlsx_has_a_row_per_member_with_the_quarters_facts(cast: Cast, settings):
    unit, member = await _unit(cast)
    await _quarter_of_service(cast, member)
    await unit_reports.evaluate(cast.staff_a, member, 5, "积极参与", WEB, now=local(2027, 1, 5))
    other = await Unit.create(name="别的单位", contact_email="x@example.com")
    await Member.filter(real_name="李四").update(unit_id=other.id)  # no longer ours
    colleague = await member_of(await member_user(cast, "13900000007"))
    await Member.filter(id=colleague.id).update(unit_id=unit.id, real_name="赵六")
    sheet = _sheet(await unit_reports.build_xlsx(unit, 2026, 4, tz=settings.tz))
    assert sheet.title == "2026年第4季度"
    assert sheet["A1"].value == "测试市税务局在职党员到社区报到服务情况（2026年第4季度）"
    headings = [c.value for c in sheet[3]]
    assert headings[:6] == ["序号", "姓名", "报到社区", "网格", "报到状态", "报到日期"]
    assert "核实时长（小时）" in headings and "社区评价" in headings
    body = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert [row[1] for row in body] == ["张小明", "赵六", "合计"]
    zhang = dict(zip(headings, body[0], strict=True))
    assert zhang["报到社区"] == "甲社区" and zhang["网格"] == "甲社区第一网格"
    assert zhang["报到状态"] == "已报到"
    assert isinstance(zhang["报到日期"], datetime) and sheet["F4"].is_date
    assert sheet["F4"].number_format == "yyyy-mm-dd"
    assert zhang["有效期至"].date() == member.confirmed_until
    assert zhang["服务承诺"] == "课业辅导；周末下午；每月2项"
    assert (zhang["完成任务（项）"], zhang["核实时长（小时）"]) == (3, 5.5)
    assert zhang["服务内容"] == "周六作业辅导、社区环境整治"
    assert (zhang["居民评分（均分）"], zhang["居民评价（次）"]) == (4.5, 2)
    assert (zhang["社区评价"], zhang["社区评价意见"]) == ("优秀", "积极参与")
    zhao = dict(zip(headings, body[1], strict=True))
    assert (zhao["核实时长（小时）"], zhao["完成任务（项）"], zhao["社区评价"]) == (0, 0, None)
    assert body[2][10] == 5.5  # the total of the hours column
    assert sheet.column_dimensions["J"].width == 36 and sheet.freeze_panes == "C4"


async def test_a_unit_without_members_gets_an_empty_sheet(cast: Cast, settings):
    unit = await Unit.create(name="空单位", contact_email="a@example.com")
    sheet = _sheet(await unit_reports.build_xlsx(unit, 2026, 4, tz=settings.tz))
    assert [c.value for c in sheet[4]][:2] == [None, "合计"] and sheet.max_row == 4


# Sending --------------------------------------------------------------------------------------


def _config(settings: Settings, port: int) -> Settings:
    return dataclasses.replace(settings, smtp_host="127.0.0.1", smtp_port=port)


async def test_each_units_contact_gets_the_report_once_per_quarter(cast: Cast, settings, mailbox):
    sink, port = mailbox
    config = _config(settings, port)
    unit, member = await _unit(cast)
    await _quarter_of_service(cast, member)
    await Unit.create(name="无人单位", contact_email="nobody@example.com")  # no members
    silent = await Unit.create(name="无邮箱单位")
    await Member.filter(real_name="李四").update(unit_id=silent.id)
    assert await unit_reports.send_quarterly(config, local(2027, 1, 7, 23)) == 0
    assert sink.messages == []
    assert await unit_reports.send_quarterly(config, local(2027, 1, 8, 9)) == 1
    assert await unit_reports.send_quarterly(config, local(2027, 1, 8, 10)) == 0
    assert await unit_reports.send_quarterly(config, local(2027, 3, 31)) == 0
    [message] = sink.messages
    assert message["To"] == "hr@example.com"
    assert message["Subject"] == "测试市税务局在职党员到社区报到服务情况（2026年第4季度）"
    assert "王主任" in message.get_body(("plain",)).get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "测试市税务局-2026年第4季度.xlsx"
    sheet = _sheet(attachment.get_content())
    assert sheet["B4"].value == "张小明" and sheet["K4"].value == 5.5
    assert await unit_reports.send_quarterly(config, local(2027, 4, 8)) == 1
    assert len(sink.messages) == 2
    assert "2027年第1季度" in sink.messages[1]["Subject"]
    done = await ScheduledJob.filter(status=ScheduledStatus.DONE).count()
    assert done == 2 == await ScheduledJob.all().count()


async def test_a_failed_send_waits_on_its_row_and_goes_out_once_later(
    cast: Cast, settings, mailbox
):
    sink, port = mailbox
    await _unit(cast)
    down = _config(settings, free_port())  # nothing listens there
    at = local(2027, 1, 8)
    assert await unit_reports.send_quarterly(down, at) == 0
    row = await ScheduledJob.get(function=unit_reports.JOB)
    assert (row.status, row.attempts, row.args) == (
        ScheduledStatus.PENDING,
        1,
        [(await Unit.get(name="测试市税务局")).id, 2026, 4],
    )
    assert "SMTP" in row.last_error and row.run_at > at
    assert await unit_reports.send_quarterly(_config(settings, port), at) == 0  # backing off
    assert await unit_reports.send_quarterly(_config(settings, port), at + timedelta(hours=1)) == 1
    assert len(sink.messages) == 1
    assert unit_reports.JOB in REGISTRY  # the sweep's retries run through workers.reports


async def test_the_worker_job_runs_with_nothing_due(db):
    assert await send_unit_reports({}) == {"sent": 0}
