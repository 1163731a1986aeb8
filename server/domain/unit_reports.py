"""Unit reports (双向考核): what an employer learns of its members' service in their community.

Each quarter every unit with a contact email gets one spreadsheet: per member the report-in
status, pledges, tasks done and hours verified in the quarter, residents' ratings, and the
community's evaluation. It goes out from the eighth day of the next quarter (SEND_AFTER_DAYS),
so staff have a week to verify the quarter's last work and write evaluations.

Sent once: each (unit, quarter) is a ScheduledJob row with a unique key, taken by
``scheduler.claim`` before sending. A failed send stays on that row and is retried by the
scheduled-jobs sweep through ``workers.reports``, which registers ``JOB``.

An evaluation counts for the quarter whose report goes out next: one written between the
eighth day of a quarter and the eighth day of the next belongs to that quarter's report; the
latest one counts. The spreadsheet and email are in Chinese, like the certificate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from email.message import EmailMessage
from email.utils import formatdate
from io import BytesIO
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import aiosmtplib
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from tortoise.transactions import in_transaction

from server.domain import hours, members, scheduler
from server.domain.audit import Origin, record
from server.domain.certificate_pdf import hours_text
from server.domain.errors import PermissionDenied
from server.domain.feedback import Rating, parse_score, ratings
from server.i18n import N_
from server.models.accounts import User
from server.models.members import Feedback, FeedbackKind, HoursEntry, Member, Pledge, Unit
from server.models.members import PledgeStatus as P
from server.settings import Settings
from server.settings import get as get_settings

SEND_AFTER_DAYS = 7
JOB = "unit_report.send"
XLSX = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STATUS = {"pending": "待审核", "verified": "已报到", "declined": "未通过", "lapsed": "已过期"}
GRADE = {5: "优秀", 4: "良好", 3: "合格", 2: "基本合格", 1: "不合格"}
COLUMNS = [  # heading, width
    ("序号", 6),
    ("姓名", 10),
    ("报到社区", 16),
    ("网格", 16),
    ("报到状态", 10),
    ("报到日期", 12),
    ("有效期至", 12),
    ("服务承诺", 30),
    ("完成任务（项）", 10),
    ("服务内容", 36),
    ("核实时长（小时）", 12),
    ("居民评分（均分）", 12),
    ("居民评价（次）", 10),
    ("社区评价", 10),
    ("社区评价意见", 30),
]


class SendFailed(RuntimeError):
    """The SMTP server did not take the report; the scheduled job retries it."""


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int  # 1..4

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def first(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def last(self) -> date:
        return self.next().first - timedelta(days=1)

    def next(self) -> Quarter:
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def previous(self) -> Quarter:
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    @property
    def label(self) -> str:
        return f"{self.year}年第{self.number}季度"


def _instant(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(), tzinfo=tz).astimezone(UTC)


def quarter_window(q: Quarter, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The quarter as UTC instants [start, end), from local midnight to local midnight."""
    return _instant(q.first, tz), _instant(q.next().first, tz)


def evaluation_window(q: Quarter, tz: ZoneInfo) -> tuple[datetime, datetime]:
    lag = timedelta(days=SEND_AFTER_DAYS)
    return _instant(q.first + lag, tz), _instant(q.next().first + lag, tz)


def due_quarter(today: date) -> Quarter | None:
    """The quarter whose report is due on ``today``: the last one, from the eighth day on."""
    current = Quarter.of(today)
    return current.previous() if today >= current.first + timedelta(SEND_AFTER_DAYS) else None


# The community's evaluation -------------------------------------------------------------------


async def evaluate(
    staff: User,
    member: Member,
    score: object,
    comment: str,
    origin: Origin,
    *,
    now: datetime | None = None,
) -> Feedback:
    """The community's evaluation of a member (1..5) for their unit's next quarterly report."""
    now = now or datetime.now(UTC)
    if not await members.may_review(staff, member):
        raise PermissionDenied(N_("Only staff of the member's community may evaluate them."))
    value = parse_score(score)
    quarter = evaluation_quarter(now, get_settings().tz)
    user = await User.get(id=member.user_id)  # type: ignore[attr-defined]
    async with in_transaction():
        row = await Feedback.create(
            member=member,
            kind=FeedbackKind.UNIT_EVALUATION,
            score=value,
            comment=comment.strip()[:500],
            author=staff,
            created_at=now,
        )
        await record(
            staff,
            "member.evaluate",
            origin,
            object_type="member",
            object_id=user.public_id,
            node_path=member.node_path,
            after={"score": value, "quarter": f"{quarter.year}Q{quarter.number}"},
        )
    return row


def evaluation_quarter(now: datetime, tz: ZoneInfo) -> Quarter:
    """The quarter whose report an evaluation written at ``now`` goes into."""
    return Quarter.of(now.astimezone(tz).date() - timedelta(days=SEND_AFTER_DAYS))


# The rows -------------------------------------------------------------------------------------


@dataclass
class Row:
    member: Member
    pledges: list[str] = field(default_factory=list)
    tasks_done: int = 0
    services: list[str] = field(default_factory=list)
    hours: Decimal = Decimal(0)
    rating: Rating | None = None
    evaluation: Feedback | None = None


async def report_rows(unit: Unit, q: Quarter, tz: ZoneInfo) -> list[Row]:
    """One row per member of the unit, by name."""
    people = (
        await Member.filter(unit_id=unit.id)
        .select_related("community", "grid")
        .order_by("real_name", "id")
    )
    rows = {m.id: Row(m) for m in people}
    if rows:
        await _add_hours(rows, q)
        await _add_pledges(rows, q, tz)
        start, end = quarter_window(q, tz)
        for member_id, rating in (await ratings(list(rows), start, end)).items():
            rows[member_id].rating = rating
        lo, hi = evaluation_window(q, tz)
        evaluations = Feedback.filter(
            member_id__in=list(rows),
            kind=FeedbackKind.UNIT_EVALUATION,
            created_at__gte=lo,
            created_at__lt=hi,
        )
        for row in await evaluations.order_by("created_at", "id"):
            rows[row.member_id].evaluation = row  # type: ignore[attr-defined]  # the latest wins
    return list(rows.values())


async def _add_hours(rows: dict[int, Row], q: Quarter) -> None:
    """Hours verified for service in the quarter (corrections applied), and the tasks behind."""
    entries = await HoursEntry.filter(
        member_id__in=list(rows), service_date__gte=q.first, service_date__lte=q.last
    ).order_by("service_date", "id")
    counts: dict[int, Decimal] = {}
    for entry in entries:
        key = hours.original_id(entry)
        counts[key] = counts.get(key, Decimal(0)) + Decimal(str(entry.hours))
    for entry in entries:
        row = rows[entry.member_id]  # type: ignore[attr-defined]
        row.hours += Decimal(str(entry.hours))
        if entry.corrects_id is None and counts[entry.id] > 0:  # type: ignore[attr-defined]
            row.tasks_done += 1
            if entry.description not in row.services:
                row.services.append(entry.description)


async def _add_pledges(rows: dict[int, Row], q: Quarter, tz: ZoneInfo) -> None:
    """Pledges current at some time in the quarter: its skills, words and monthly offer."""
    _, end = quarter_window(q, tz)
    pledges = (
        await Pledge.filter(
            member_id__in=list(rows), status=P.ACTIVE, valid_until__gte=q.first, created_at__lt=end
        )
        .prefetch_related("skill_links__skill")
        .order_by("created_at", "id")
    )
    for pledge in pledges:
        parts = ["、".join(link.skill.name for link in pledge.skill_links)]  # type: ignore[attr-defined]
        parts.append(pledge.text)
        if pledge.monthly_tasks:
            parts.append(f"每月{pledge.monthly_tasks}项")
        if pledge.monthly_hours:
            parts.append(f"每月{hours_text(pledge.monthly_hours)}小时")
        rows[pledge.member_id].pledges.append("；".join(p for p in parts if p))  # type: ignore[attr-defined]


# The spreadsheet ------------------------------------------------------------------------------


async def build_xlsx(unit: Unit, year: int, quarter: int, *, tz: ZoneInfo | None = None) -> bytes:
    """The unit's quarterly report as an xlsx workbook with one sheet."""
    tz = tz or get_settings().tz
    q = Quarter(year, quarter)
    rows = await report_rows(unit, q, tz)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = q.label
    width = len(COLUMNS)
    sheet.append([f"{unit.name}在职党员到社区报到服务情况（{q.label}）"])
    sheet.append([f"统计期间：{q.first.isoformat()}至{q.last.isoformat()}"])
    for line in (1, 2):
        sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=width)
    sheet["A1"].font = Font(size=14, bold=True)
    sheet.append([heading for heading, _ in COLUMNS])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8E8E8")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for index, row in enumerate(rows, 1):
        sheet.append(_cells(index, row, tz))
    total = sum((row.hours for row in rows), Decimal(0))
    sheet.append(["", "合计", "", "", "", "", "", "", sum(r.tasks_done for r in rows), "", total])
    _format(sheet, len(rows))
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _cells(index: int, row: Row, tz: ZoneInfo) -> list[object]:
    m, ev = row.member, row.evaluation
    return [
        index,
        m.real_name,
        m.community.name,
        m.grid.name if m.grid else "",
        STATUS.get(m.status.value, m.status.value),
        m.reported_at.astimezone(tz).date(),
        m.confirmed_until,
        "\n".join(row.pledges),
        row.tasks_done,
        "、".join(row.services),
        row.hours,
        row.rating.average if row.rating else None,
        row.rating.count if row.rating else 0,
        GRADE.get(ev.score or 0, "") if ev else "",
        ev.comment if ev else "",
    ]


def _format(sheet: object, count: int) -> None:
    for column, (_, width) in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width  # type: ignore[attr-defined]
    for line in sheet.iter_rows(min_row=4, max_row=4 + count):  # type: ignore[attr-defined]
        for cell in line:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        line[5].number_format = line[6].number_format = "yyyy-mm-dd"
        line[10].number_format = "0.0#"
    sheet.freeze_panes = "C4"  # type: ignore[attr-defined]


# Sending --------------------------------------------------------------------------------------


def _message(settings: Settings, unit: Unit, q: Quarter, data: bytes) -> EmailMessage:
    email = EmailMessage()
    email["From"] = settings.mail_from
    email["To"] = unit.contact_email
    email["Subject"] = f"{unit.name}在职党员到社区报到服务情况（{q.label}）"
    email["Date"] = formatdate(localtime=False)
    # One Message-ID per unit and quarter: a receiving system drops a repeat delivery.
    domain = urlparse(settings.public_base_url).hostname or "doorstep.localhost"
    email["Message-ID"] = f"<unit-report-{unit.code}-{q.year}q{q.number}@{domain}>"
    greeting = f"{unit.contact_name}：" if unit.contact_name else "您好："
    email.set_content(
        f"{greeting}\n\n附件是贵单位在职党员{q.label}到社区报到服务的情况：报到状态、服务承诺、"
        "完成的任务、核实的志愿服务时长、居民评价和社区评价。\n\n"
        "本邮件由家门口党群服务平台自动发送，请勿直接回复。\n"
    )
    email.add_attachment(
        data, maintype="application", subtype=XLSX, filename=f"{unit.name}-{q.label}.xlsx"
    )
    return email


async def mail(settings: Settings, message: EmailMessage) -> None:
    """Send one message with attachments through the install's SMTP server.

    ``server.channels.email`` sends the outbox's text-and-HTML messages to users; this sends
    to an address of our choosing with a file, with the same settings and client."""
    try:
        await aiosmtplib.send(
            message,
            hostname=settings.smtp_host,
            port=settings.smtp_port,
            start_tls=settings.smtp_starttls,
            username=settings.smtp_user or None,
            password=settings.smtp_password or None,
            timeout=30,
        )
    except (aiosmtplib.SMTPException, OSError) as error:
        raise SendFailed(f"SMTP {settings.smtp_host}:{settings.smtp_port}: {error}") from error


async def send_report(settings: Settings, unit_id: int, year: int, quarter: int) -> None:
    """Build one unit's report and email it to the unit's contact (the scheduled job's body)."""
    unit = await Unit.get(id=unit_id)
    data = await build_xlsx(unit, year, quarter, tz=settings.tz)
    await mail(settings, _message(settings, unit, Quarter(year, quarter), data))


async def send_quarterly(settings: Settings, now: datetime | None = None) -> int:
    """Email the last quarter's report to each unit with a contact, once; returns how many."""
    now = now or datetime.now(UTC)
    q = due_quarter(now.astimezone(settings.tz).date())
    if q is None:
        return 0
    with_members = Member.filter(unit_id__isnull=False).distinct().values_list("unit_id", flat=True)
    units = Unit.filter(id__in=list(await with_members)).exclude(contact_email="")
    sent = 0
    for unit in await units.order_by("id").only("id"):
        unit_id = unit.id
        job = await scheduler.schedule(
            JOB,
            [unit_id, q.year, q.number],
            now,
            key=f"unit_report:{unit_id}:{q.year}Q{q.number}",
            subject=("unit", unit_id),
        )
        sent += await _run(job, settings, now)
    return sent


async def _run(job_id: int, settings: Settings, now: datetime) -> int:
    """Send one scheduled report if nobody has; a failure waits on its row for a retry."""
    row = await scheduler.claim(job_id, now, settings)
    if row is None:
        return 0  # sent, being sent, or waiting to retry
    try:
        await send_report(settings, *row.args)
    except SendFailed as error:
        await scheduler.fail(row, str(error), now, settings)
        return 0
    await scheduler.finish(row, now)
    return 1
