"""The spreadsheets of exports: columns with Chinese headings, rows fetched in chunks, and the
workbook written with real Excel dates in each centre's time zone, widths and a frozen header.

Private columns (a resident's name, phone, address, a booking's counter note, a need's
description) are filled only when the export is private (see ``server.domain.exports``), and
for needs only while the need is not finished, as on the need page (issue 5).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import IO, Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from server.domain.needs import FINISHED
from server.models.bookings import Booking
from server.models.members import HoursEntry
from server.models.needs import Need
from server.models.places import OrgNode

CHUNK = 500
DATETIME = "yyyy-mm-dd hh:mm"
DATE = "yyyy-mm-dd"
HOURS = "0.00"
BOOKING_STATUS = {
    "booked": "已预约",
    "checked_in": "已签到",
    "done": "已办结",
    "cancelled": "已取消",
    "no_show": "未到",
}
BOOKING_SOURCE = {
    "web": "网上预约",
    "api": "移动端",
    "walk_in": "现场办理",
    "staff": "工作人员代约",
}
NEED_KIND = {"need": "群众需求", "small_wish": "微心愿"}
NEED_STATUS = {
    "submitted": "待受理",
    "accepted": "已受理",
    "rejected": "不予受理",
    "duplicate": "重复诉求",
    "assigned": "已派单",
    "open_for_claim": "待认领",
    "in_progress": "办理中",
    "resolved": "已办结待确认",
    "reopened": "已重新打开",
    "confirmed": "群众已确认",
    "closed": "已关闭",
}
URGENCY = {"low": "一般", "normal": "普通", "high": "较急", "urgent": "紧急"}
RATING = {"satisfied": "满意", "basically_satisfied": "基本满意", "dissatisfied": "不满意"}
HOURS_KIND = {"credit": "记入", "correction": "更正"}
SHEET_TITLE = {"bookings": "预约记录", "needs": "群众需求", "hours": "志愿服务时长"}

Value = str | int | float | datetime | date | None


@dataclass(frozen=True)
class Column:
    heading: str
    width: int
    private: bool = False
    number_format: str = ""


def _c(heading: str, width: int, fmt: str = "", private: bool = False) -> Column:
    return Column(heading, width, private, fmt)


COLUMNS: dict[str, list[Column]] = {
    "bookings": [
        _c("预约码", 12),
        _c("服务中心", 28),
        _c("服务事项", 22),
        _c("预约时间", 17, DATETIME),
        _c("结束时间", 17, DATETIME),
        _c("状态", 9),
        _c("来源", 11),
        _c("提交时间", 17, DATETIME),
        _c("签到时间", 17, DATETIME),
        _c("取消时间", 17, DATETIME),
        _c("取消原因", 24),
        _c("评分", 6),
        _c("预约人", 10, private=True),
        _c("预约人手机", 13, private=True),
        _c("办事人", 10, private=True),
        _c("办事人手机", 13, private=True),
        _c("工作人员备注", 30, private=True),
    ],
    "needs": [
        _c("编号", 12),
        _c("类型", 9),
        _c("标题", 30),
        _c("类别", 14),
        _c("服务中心", 28),
        _c("社区或网格", 16),
        _c("紧急程度", 9),
        _c("状态", 12),
        _c("提交时间", 17, DATETIME),
        _c("响应时限", 17, DATETIME),
        _c("响应时间", 17, DATETIME),
        _c("办结时限", 17, DATETIME),
        _c("办结时间", 17, DATETIME),
        _c("群众确认时间", 17, DATETIME),
        _c("关闭时间", 17, DATETIME),
        _c("承办部门", 16),
        _c("群众评价", 10),
        _c("不合理诉求", 10),
        _c("联系人", 10, private=True),
        _c("联系电话", 13, private=True),
        _c("详细地址", 30, private=True),
        _c("需求描述", 40, private=True),
    ],
    "hours": [
        _c("服务日期", 12, DATE),
        _c("志愿者姓名", 12),
        _c("在职单位", 24),
        _c("服务地点", 18),
        _c("服务内容", 36),
        _c("时长（小时）", 12, HOURS),
        _c("记录类型", 9),
        _c("核实人", 10),
        _c("核实方式", 18),
        _c("记录时间", 17, DATETIME),
    ],
}


def columns(kind: str, private: bool) -> list[Column]:
    return [c for c in COLUMNS[kind] if private or not c.private]


def _local(instant: datetime | None, tz: str) -> datetime | None:
    """A naive local datetime, as Excel stores dates; minutes are enough for people."""
    if instant is None:
        return None
    return instant.astimezone(ZoneInfo(tz)).replace(tzinfo=None, second=0, microsecond=0)


def _name(user: Any) -> str:
    return str(user.display_name or "") if user is not None else ""


def _booking(row: Booking, private: bool) -> list[Value]:
    tz = row.centre.time_zone
    cells: list[Value] = [
        row.code,
        row.centre.name,
        row.service.name,
        _local(row.starts_at, tz),
        _local(row.ends_at, tz),
        BOOKING_STATUS.get(row.status.value, row.status.value),
        BOOKING_SOURCE.get(row.source.value, row.source.value),
        _local(row.created_at, tz),
        _local(row.checked_in_at, tz),
        _local(row.cancelled_at, tz),
        row.cancel_reason,
        row.rating,
    ]
    if private:
        who = row.user
        cells += [_name(who), who.phone if who else "", row.for_name, row.for_phone, row.note]
    return cells


def _need(row: Need, private: bool) -> list[Value]:
    tz = row.centre.time_zone
    cells: list[Value] = [
        row.code,
        NEED_KIND.get(row.kind.value, row.kind.value),
        row.title,
        row.category.name if row.category else "",
        row.centre.name,
        row.node.name,
        URGENCY.get(row.urgency.value, row.urgency.value),
        NEED_STATUS.get(row.status.value, row.status.value),
        *(
            _local(getattr(row, name), tz)
            for name in (
                *("created_at", "response_due_at", "responded_at", "resolution_due_at"),
                *("resolved_at", "confirmed_at", "closed_at"),
            )
        ),
        row.assigned_department,
        RATING.get(row.rating.value, "") if row.rating else "",
        "是" if row.unreasonable else "否",
    ]
    if private:
        shown = row.status not in FINISHED  # issue 5: private details end with the need
        details = (row.contact_name, row.contact_phone, row.address_private, row.description)
        cells += list(details) if shown else ["", "", "", ""]
    return cells


def _hours(row: HoursEntry, places: dict[str, str], tz: str) -> list[Value]:
    member = row.member
    return [
        row.service_date,
        member.real_name,
        member.unit.name if member.unit else "",
        places.get(row.node_path, ""),
        row.description,
        float(Decimal(str(row.hours))),
        HOURS_KIND.get(row.kind.value, row.kind.value),
        _name(row.verified_by),
        row.verification,
        _local(row.created_at, tz),
    ]


async def fetch(kind: str, ids: Sequence[int], private: bool, tz: str) -> list[list[Value]]:
    """The rows with ``ids`` (one chunk), in the order of ``ids``."""
    order = {row_id: n for n, row_id in enumerate(ids)}
    if kind == "bookings":
        bookings = await Booking.filter(id__in=ids).select_related("centre", "service", "user")
        return [_booking(r, private) for r in sorted(bookings, key=lambda r: order[r.id])]
    if kind == "needs":
        needs = await Need.filter(id__in=ids).select_related("centre", "node", "category")
        return [_need(r, private) for r in sorted(needs, key=lambda r: order[r.id])]
    entries = await HoursEntry.filter(id__in=ids).select_related(
        "member", "member__unit", "verified_by"
    )
    paths = {e.node_path for e in entries}
    places = dict(await OrgNode.filter(path__in=paths).values_list("path", "name"))
    return [_hours(r, places, tz) for r in sorted(entries, key=lambda r: order[r.id])]


def _header(sheet: WriteOnlyWorksheet, cols: list[Column]) -> list[WriteOnlyCell]:
    fill = PatternFill("solid", fgColor="F2DCDB")
    cells = []
    for col in cols:
        cell = WriteOnlyCell(sheet, value=col.heading)
        cell.font, cell.fill = Font(bold=True), fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        cells.append(cell)
    return cells


def _cells(sheet: WriteOnlyWorksheet, cols: list[Column], values: list[Value]) -> list[Any]:
    out: list[Any] = []
    for col, value in zip(cols, values, strict=True):
        if col.number_format and value is not None:
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = col.number_format
            out.append(cell)
        else:
            out.append(value)
    return out


async def write(
    kind: str,
    ids: Sequence[int],
    private: bool,
    tz: str,
    target: IO[bytes],
    progress: Callable[[int], Awaitable[None]] | None = None,
) -> int:
    """Write the workbook of ``ids`` to ``target``; ``progress`` hears the rows done per chunk."""
    cols = columns(kind, private)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET_TITLE[kind])
    sheet.freeze_panes = "A2"
    for n, col in enumerate(cols, 1):
        sheet.column_dimensions[get_column_letter(n)].width = col.width
    sheet.append(_header(sheet, cols))
    done = 0
    for start in range(0, len(ids), CHUNK):
        for values in await fetch(kind, ids[start : start + CHUNK], private, tz):
            sheet.append(_cells(sheet, cols, values))
            done += 1
        if progress is not None:
            await progress(done)
    await asyncio.to_thread(book.save, target)  # zipping a large sheet takes a while
    return done
