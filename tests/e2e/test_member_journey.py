"""Journey 4 on a phone, in Chinese: a working Party member volunteers where she lives.

Lin Xiao, a maths teacher, reports in to her home community with her school as employer, and
the community's staff approve her. She pledges "tutoring, weekends", finds a resident's small
wish "给孙子辅导数学" first among the tasks suggested to her, with why, claims it and is shown
the address. On Saturday she tutors and records it with a photo from her phone; the resident
confirms it, staff verify it and her hours are credited. Her school's contact gets the
quarter's report by email with her row. A real worker runs beside the server (messages,
thumbnails), as in production.
"""

from __future__ import annotations

import io
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller
from openpyxl import load_workbook
from playwright.async_api import Browser, Locator, Page, expect

from server.domain import need_posting, needs, unit_reports
from server.domain.audit import CLI
from server.domain.unit_reports import Quarter
from server.models.members import (
    Claim,
    ClaimStatus,
    HoursEntry,
    HoursKind,
    Member,
    MemberStatus,
    Pledge,
    PledgeStatus,
    Skill,
    Task,
    TaskSkill,
    TaskSource,
    TaskStatus,
    Unit,
    UnitKind,
)
from server.models.needs import (
    Need,
    NeedCategory,
    NeedEvent,
    NeedKind,
    NeedStatus,
    Photo,
    PhotoStage,
)
from server.redis_client import get_redis
from server.settings import Settings
from tests.cast import Cast, user
from tests.conftest import free_port, running
from tests.domain.photo_fixtures import phone_jpeg
from tests.e2e.conftest import ARTIFACTS, PHONE
from tests.e2e.test_need_journey import (
    assert_without_metadata,
    log_in,
    shows_image,
    wait_until_served,
)
from tests.workers.conftest import SmtpSink

pytestmark = pytest.mark.e2e

MEMBER_PHONE = "13700000009"
MEMBER_NAME = "林晓"
MEMBER_NO = "33010012345"
UNIT = "测试市实验中学"
UNIT_CONTACT = "周老师"
UNIT_EMAIL = "renshi@shiyan.example"
SKILLS = [("elderly_care", "陪伴老人"), ("tutoring", "辅导功课"), ("repairs", "家电维修")]
TUTORING = "辅导功课"
PLEDGE_TEXT = "小学数学、语文都可以，周末有空"
WISH = "给孙子辅导数学"
ADDRESS = "甲路1号5号楼302室"
OTHER_TASK = "社区活动室整理"
WORK_NOTE = "辅导了两个小时的分数应用题，孩子都听懂了。"
SATURDAY, WEDNESDAY, WEEK = 5, 2, timedelta(days=7)
SESSION = (time(9), time(11))  # the wish's Saturday morning, local time: two hours
HOURS = "2"
STEPS = ["submit", "accept", "publish", "claim", "resolve", "confirm", "close"]  # need_events


# The outside edges: a worker beside the server, two more phones, the units' mail server ------


@pytest.fixture
def worker(live_server: str, db: None) -> Iterator[None]:
    """``doorstep worker`` beside the live server, started once the database and Redis are
    emptied for the test (it sweeps what it finds when it starts)."""
    with running("worker"):
        yield


async def _another_phone(browser: Browser, name: str) -> AsyncIterator[Page]:
    """One more phone-sized browser; it keeps a screenshot of its last page."""
    context = await browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    page = await context.new_page()
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    await context.close()


@pytest.fixture
async def staff_phone(browser: Browser, request: pytest.FixtureRequest) -> AsyncIterator[Page]:
    async for page in _another_phone(browser, f"{request.node.name}-staff"):
        yield page


@pytest.fixture
async def resident_phone(browser: Browser, request: pytest.FixtureRequest) -> AsyncIterator[Page]:
    async for page in _another_phone(browser, f"{request.node.name}-resident"):
        yield page


@pytest.fixture
def mailbox() -> Iterator[tuple[SmtpSink, int]]:
    """A real SMTP server on localhost that keeps what it is sent."""
    sink, port = SmtpSink(), free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()


# The scene: a community, its staff, a resident's small wish open to volunteers, an employer --


def at(day: date, clock: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=tz).astimezone(UTC)


@dataclass
class Scene:
    cast: Cast
    unit: Unit
    need_code: str
    coming: date  # the Saturday of the tutoring, when she claims it
    past: date  # the Saturday she does it on (see ``saturday_comes``)

    @property
    def shift(self) -> timedelta:
        return self.coming - self.past


def saturdays(now: datetime, tz: ZoneInfo) -> tuple[date, date]:
    """The first Saturday whose session has not begun, and the last one whose session is over."""
    today = now.astimezone(tz).date()
    coming = today + timedelta(days=(SATURDAY - today.weekday()) % 7)
    if at(coming, SESSION[0], tz) <= now:
        coming += WEEK
    past = coming - WEEK
    if at(past, SESSION[1], tz) > now:  # now is during a Saturday session
        past -= WEEK
    return coming, past


async def set_the_scene(cast: Cast, settings: Settings) -> Scene:
    """What exists before she reports in: skills, a second unit, a task that suits her less,
    and the resident's small wish, accepted and opened to volunteers by the centre's staff,
    which asks for tutoring on the coming Saturday morning."""
    tz = settings.tz
    coming, past = saturdays(datetime.now(UTC), tz)
    skills = {
        code: await Skill.create(code=code, name=name, sort_order=order)
        for order, (code, name) in enumerate(SKILLS)
    }
    unit = await Unit.create(
        name=UNIT, kind=UnitKind.SCHOOL, contact_name=UNIT_CONTACT, contact_email=UNIT_EMAIL
    )
    await Unit.create(name="测试市税务局", kind=UnitKind.GOVERNMENT, contact_email="hr@tax.example")
    await user(MEMBER_PHONE, MEMBER_NAME)  # her account: registered, no report-in yet
    category = await NeedCategory.create(
        centre=cast.centre_a, kind=NeedKind.SMALL_WISH, name="学习辅导", resolution_hours=240
    )
    form = {
        "kind": NeedKind.SMALL_WISH.value,
        "category": category.code,
        "title": WISH,
        "description": "孙子上四年级，分数应用题总是做不对，想请人周末帮忙辅导一次。",
        "wish_item": "数学辅导一次",
        "preferred_time": "周六上午",
        "place": cast.grid_a.code,
        "address": ADDRESS,
    }
    redis = get_redis(settings)
    need = await need_posting.post(cast.resident, cast.centre_a, form, settings, CLI, redis)
    for action in ("accept", "publish"):  # "publish" opens the need's task
        need = await needs.act(cast.staff_a, need, action, settings, CLI)
    task = await Task.get(need_id=need.id)
    await Task.filter(id=task.id).update(
        starts_at=at(coming, SESSION[0], tz), ends_at=at(coming, SESSION[1], tz), estimated_hours=2
    )
    await TaskSkill.create(task=task, skill=skills["tutoring"])
    wednesday = coming + timedelta(days=WEDNESDAY - SATURDAY) + WEEK
    other = await Task.create(
        source=TaskSource.OTHER,
        centre=cast.centre_a,
        node=cast.community_a,
        node_path=cast.community_a.path,
        title=OTHER_TASK,
        starts_at=at(wednesday, time(19), tz),
        ends_at=at(wednesday, time(21), tz),
        created_by=cast.staff_a,
    )
    await TaskSkill.create(task=other, skill=skills["repairs"])
    return Scene(cast, unit, need.code, coming, past)


def volunteering(page: Page, tab: str) -> Locator:
    """A tab of the member's pages (为您推荐, 我的任务, 服务时长, 我的承诺, 报到)."""
    return page.get_by_role("navigation", name="志愿服务").get_by_role("link", name=tab)


# 1. She reports in; staff of her community approve it --------------------------------------


async def report_in(page: Page, live_server: str, scene: Scene) -> None:
    """From the home page, through 志愿服务, to her report-in, sent and pending."""
    await page.goto(live_server + "/")
    await page.get_by_role("link", name="登录").click()
    await log_in(page, MEMBER_PHONE)
    await expect(page).to_have_url(live_server + "/")
    await page.locator("header").get_by_role("link", name="志愿服务").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("为您推荐的任务")
    await expect(page.get_by_text("请先到居住地社区报到")).to_be_visible()
    await page.get_by_role("link", name="去报到").click()
    await expect(page).to_have_url(live_server + "/me/member")
    await expect(page.get_by_role("heading", level=1)).to_have_text("到社区报到")

    form = page.locator("#report-form")
    await form.get_by_label("居住地").select_option(label=f"\u3000— {scene.cast.grid_a.name}")
    await form.get_by_label("所在单位").select_option(label=UNIT)
    await expect(form.get_by_label("真实姓名")).to_have_value(MEMBER_NAME)  # her account's name
    await form.get_by_label("党员编号（选填）").fill(MEMBER_NO)
    await form.get_by_role("button", name="提交给社区").click()

    await expect(page).to_have_url(live_server + "/me/member?done=reported")
    await expect(page.get_by_role("status")).to_have_text(
        "谢谢！社区将核实您的报到，结果会通知您。"
    )
    status = page.locator("#status")
    await expect(status.locator(".status")).to_have_text("等待社区核实")
    await expect(status.locator("dl.facts")).to_contain_text(f"工作单位{UNIT}")
    await expect(status.locator("dl.facts")).to_contain_text(
        f"居住地{scene.cast.community_a.name} · {scene.cast.grid_a.name}"
    )


async def approve(page: Page, live_server: str, scene: Scene) -> None:
    """Staff of her community open the report-ins waiting for them and approve hers."""
    centre = scene.cast.centre_a.code
    await page.goto(f"{live_server}/staff/{centre}/volunteers")
    await log_in(page, scene.cast.staff_a.phone)
    await expect(page).to_have_url(f"{live_server}/staff/{centre}/volunteers")
    board = page.locator("#board")
    tabs = board.get_by_role("navigation", name="党员分类")
    await expect(tabs.get_by_role("link", name="待审核 1")).to_have_attribute(
        "aria-current", "page"
    )
    card = board.locator("article.card").filter(has_text=MEMBER_NAME)
    await expect(card).to_contain_text(MEMBER_NO)
    await expect(card).to_contain_text(
        f"{UNIT} · {scene.cast.community_a.name} {scene.cast.grid_a.name}"
    )
    await card.get_by_role("button", name="通过", exact=True).click()
    await expect(board.get_by_role("status")).to_have_text("报到已审核通过，已通知该党员。")
    await expect(tabs.get_by_role("link", name="待审核 0")).to_be_visible()
    await tabs.get_by_role("link", name=re.compile(r"^已核实 \d+$")).click()
    row = page.locator("#board").get_by_role("row").filter(has_text=MEMBER_NAME)
    await expect(row).to_contain_text(UNIT)


# 2. She pledges, finds the wish among the tasks for her, claims it -------------------------


async def pledge(page: Page, live_server: str, settings: Settings) -> date:
    """Told by a message that she is verified, she pledges; returns the pledge's last day."""
    await wait_until_served(page, "/inbox", "报到已核实")
    await volunteering(page, "报到").click()
    await expect(page.locator("#status .status")).to_have_text("已核实")
    await page.get_by_role("link", name="作出或修改承诺").click()
    await expect(page).to_have_url(live_server + "/me/pledge")
    await expect(page.get_by_role("heading", level=1)).to_have_text("我的承诺")

    form = page.locator("#pledge-form")
    await form.get_by_label(TUTORING, exact=True).check()
    await form.get_by_label("补充说明（选填）").fill(PLEDGE_TEXT)
    await free_on(form, "星期六", "09:00", "12:00")
    await free_on(form, "星期日", "14:00", "17:00")
    await form.get_by_label("每月任务数").fill("2")
    until = datetime.now(UTC).astimezone(settings.tz).date() + timedelta(days=120)
    await form.get_by_label("承诺有效期至").fill(until.isoformat())
    await form.get_by_role("button", name="保存我的承诺").click()

    await expect(page).to_have_url(live_server + "/me/pledge?done=pledged")
    await expect(page.get_by_role("status")).to_have_text(
        "您的承诺已保存。符合承诺的任务列在“为您推荐”中。"
    )
    await expect(page.locator("#current")).to_contain_text(f"您的承诺有效期至 {until.isoformat()}")
    return until


async def free_on(form: Locator, day: str, start: str, end: str) -> None:
    """One weekly time: the row of ``day`` (its label names the day), from and until."""
    row = form.locator(".search-row").filter(has=form.page.locator(f"label:text-is('{day}')"))
    await row.get_by_label("从", exact=True).fill(start)
    await row.get_by_label("结束", exact=True).fill(end)


async def claim_the_wish(page: Page, live_server: str, scene: Scene) -> str:
    """The wish comes first among the tasks for her, saying why; she claims it and sees where
    to go. Returns the claim's code."""
    await volunteering(page, "为您推荐").click()
    await expect(page).to_have_url(live_server + "/me/tasks")
    cards = page.locator("ul.needs-list > li.card")
    await expect(cards.get_by_role("link")).to_have_text([WISH, OTHER_TASK])
    first = cards.first
    await expect(first).to_contain_text(f"{scene.cast.grid_a.name} · 剩 1 个名额")
    await expect(first.locator("ul.reasons > li")).to_contain_text(
        ["所需技能已承诺：1/1 项", "住在同一网格", "在承诺的服务时间内"]
    )

    await first.get_by_role("link", name=WISH).click()
    await expect(page.get_by_role("heading", level=1)).to_have_text(WISH)
    facts = page.locator("dl.facts")
    await expect(facts).to_contain_text(f"所需技能{TUTORING}")
    await expect(facts).to_contain_text("预计用时2 小时")
    await expect(page.locator("#why")).to_contain_text("住在同一网格")
    await expect(facts).not_to_contain_text(ADDRESS)  # not before she claims it
    await page.get_by_role("button", name="认领该任务").click()

    await page.wait_for_url(re.compile(r"/me/claims/\w+\?done=claimed$"))
    match = re.search(r"/me/claims/(\w+)\?", page.url)
    assert match, page.url
    await expect(page.get_by_role("status")).to_have_text(
        "认领成功，谢谢您！下面是接下来要做的事。"
    )
    await expect(page.locator("main span.status").first).to_have_text("已认领")
    facts = page.locator("dl.facts")
    await expect(facts).to_contain_text(f"详细地址{ADDRESS}")  # the claimer may see it
    await expect(facts).to_contain_text(f"联系人{scene.cast.resident.display_name}")
    await expect(page.get_by_text("联系方式和地址仅供本次服务使用，请勿外传。")).to_be_visible()
    return match.group(1)


# 3. Saturday comes: she records the work with a photo -----------------------------------------


async def saturday_comes(code: str, shift: timedelta) -> None:
    """The server's clock cannot be moved, so the claim and its task move back by ``shift``
    instead: she claimed the wish a week earlier, and its Saturday session is now over (work is
    recorded only once it has ended, and cannot have begun long before the claim). The due date
    stays ahead, so the worker's sweep of claims past due leaves hers alone."""
    claim = await Claim.get(code=code).select_related("task")
    task = claim.task
    assert task.starts_at is not None and task.ends_at is not None
    await Task.filter(id=task.id).update(
        starts_at=task.starts_at - shift, ends_at=task.ends_at - shift
    )
    await Claim.filter(id=claim.id).update(claimed_at=claim.claimed_at - shift)


async def record_the_work(page: Page, scene: Scene, photo: Path) -> None:
    """The form starts from the session's times; she says what she did and adds a photo."""
    await page.reload()
    form = page.locator("#complete")
    await expect(form.get_by_role("heading")).to_have_text("记录服务")
    day = scene.past.isoformat()
    await expect(form.get_by_label("开始时间")).to_have_value(f"{day}T09:00")
    await expect(form.get_by_label("结束时间")).to_have_value(f"{day}T11:00")
    await form.get_by_label("完成情况").fill(WORK_NOTE)
    await form.get_by_label("照片（选填，最多 6 张）").set_input_files(photo)
    await form.get_by_role("button", name="记录为已完成").click()

    await expect(page.get_by_role("status")).to_have_text("已记录，谢谢您！接下来的进展见下方。")
    await expect(page.locator("main span.status").first).to_have_text("已记录")
    await expect(page.locator("#next")).to_contain_text("等待群众确认")
    await expect(page.locator("dl.facts")).to_contain_text(f"完成情况{WORK_NOTE}")
    await shows_image(page, "服务照片")
    await expect(page.locator("#complete")).to_have_count(0)


# 4. The resident confirms; staff verify and credit the hours ----------------------------------


async def resident_confirms(page: Page, live_server: str, scene: Scene) -> None:
    """She hears the work is done (a message, from the worker) and confirms it."""
    await page.goto(live_server + "/")
    await page.get_by_role("link", name="登录").click()
    await log_in(page, scene.cast.resident.phone)
    await wait_until_served(page, "/inbox", f"请确认：{WISH}")
    await page.get_by_role("link", name=re.compile(r"^消息")).click()
    message = page.locator("li.message").filter(has_text=f"请确认：{WISH}")
    await expect(message).to_contain_text(
        f"志愿者表示您的需求或心愿“{WISH}”（{scene.need_code}）已完成。"
    )
    await expect(message).to_contain_text(WORK_NOTE)

    await page.get_by_role("link", name="我的需求").click()
    row = page.get_by_role("listitem").filter(has=page.get_by_role("link", name=WISH))
    await expect(row).to_contain_text("已解决，待您确认")
    await row.get_by_role("link", name="解决了吗？告诉我们").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text(WISH)
    confirm = page.locator("#confirm")
    await expect(confirm.get_by_role("heading")).to_have_text("是否已经解决？")
    await confirm.get_by_role("button", name="是的，已经解决").click()
    await expect(page.get_by_role("status")).to_have_text("感谢您的确认。现在可以评价办理情况。")
    await expect(page.locator("main span.status").first).to_have_text("已确认解决")


async def staff_verify(page: Page, live_server: str, scene: Scene, code: str) -> None:
    """From the centre's volunteer tasks, "to verify", to the claim: the photo (as the worker's
    thumbnail), the recorded time, and "verify" with the hours it suggests."""
    centre = scene.cast.centre_a.code
    await page.get_by_role("link", name="志愿服务任务").click()
    await expect(page).to_have_url(f"{live_server}/staff/{centre}/tasks")
    board = page.locator("#board")
    await board.get_by_role("link", name="待核实 1").click()
    row = board.get_by_role("row").filter(has_text=WISH)
    await expect(row).to_contain_text(MEMBER_NAME)
    await expect(row).to_contain_text(f"{HOURS} 小时")
    await row.get_by_role("link", name=WISH).click()
    await expect(page).to_have_url(f"{live_server}/staff/{centre}/claims/{code}")

    facts = page.locator("dl.facts")
    await expect(facts).to_contain_text(re.compile(r"状态\s*已确认，待工作人员核实"))
    await expect(facts).to_contain_text(re.compile(rf"党员\s*{MEMBER_NAME}\s*· {MEMBER_PHONE}"))
    await expect(page.get_by_text(WORK_NOTE)).to_be_visible()
    claim = await Claim.get(code=code)
    photo = await Photo.get(claim_id=claim.id)
    thumb = f"/staff/{centre}/claims/{code}/photos/{photo.public_id}/thumb"
    await wait_until_served(page, thumb)
    await page.reload()
    await expect(page.get_by_role("img", name="照片 1")).to_have_attribute("src", thumb)
    await shows_image(page, "照片 1")

    verify = page.locator("#verify")
    await expect(verify.get_by_label("记入时长（小时）")).to_have_value(HOURS)
    await expect(verify).to_contain_text(f"按记录的服务时间（取整到半小时）：{HOURS}。")
    await verify.get_by_role("button", name="核实并记入").click()
    await expect(page.get_by_role("status")).to_have_text("已核实：时长已记入，并已通知该党员。")
    await expect(page.locator("#verify")).to_have_count(0)
    await expect(page.get_by_role("listitem").filter(has_text=scene.past.isoformat())).to_have_text(
        f"{scene.past.isoformat()}: {HOURS} 小时"
    )


async def member_sees_her_hours(page: Page, live_server: str, scene: Scene) -> None:
    await wait_until_served(page, "/inbox", f"已记入志愿服务时长 {HOURS} 小时")
    await page.reload()  # her claim, as she left it
    await expect(page.locator("main span.status").first).to_have_text("已核实，时长已记入")
    await page.locator("#next").get_by_role("link", name="查看我的服务时长").click()
    await expect(page).to_have_url(live_server + "/me/hours")
    await expect(page.get_by_role("heading", level=1)).to_have_text("我的志愿服务时长")
    record = page.locator("#record dl.facts")
    await expect(record).to_contain_text(f"工作单位{UNIT}")
    await expect(record).to_contain_text("服务事项1")
    await expect(page.locator("#total")).to_have_text(HOURS)
    cells = page.locator("table.ledger tbody tr").first.get_by_role("cell")
    await expect(cells).to_have_text(
        [scene.past.isoformat(), re.compile(rf"^{WISH}\s*群众确认，工作人员核实$"), HOURS]
    )
    await expect(page.locator("table.ledger tfoot")).to_contain_text(f"合计{HOURS}")


# 5. Her employer's report, and what the database says -----------------------------------------


async def the_unit_gets_its_report(
    scene: Scene, settings: Settings, mailbox: tuple[SmtpSink, int]
) -> None:
    """The product reports to units each quarter (the journey says "monthly"): the report of
    the quarter of her Saturday goes out from the eighth day of the next one, by email with the
    spreadsheet attached."""
    sink, port = mailbox
    config = replace(settings, smtp_host="127.0.0.1", smtp_port=port)
    quarter = Quarter.of(scene.past)
    sent_at = at(
        quarter.next().first + timedelta(days=unit_reports.SEND_AFTER_DAYS), time(10), settings.tz
    )
    assert await unit_reports.send_quarterly(config, sent_at) == 1  # only her unit has members
    [message] = [m for m in sink.messages if m["To"] == UNIT_EMAIL]
    assert isinstance(message, EmailMessage)  # as parsed with the default policy
    assert message["Subject"] == f"{UNIT}在职党员到社区报到服务情况（{quarter.label}）"
    body = message.get_body(("plain",))
    assert body is not None and f"{UNIT_CONTACT}：" in body.get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == f"{UNIT}-{quarter.label}.xlsx"
    sheet = load_workbook(io.BytesIO(attachment.get_content())).active
    assert sheet is not None
    headings = [c.value for c in sheet[3]]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert [row[1] for row in rows] == [MEMBER_NAME, "合计"]
    hers = dict(zip(headings, rows[0], strict=True))
    assert hers["报到社区"] == scene.cast.community_a.name
    assert hers["网格"] == scene.cast.grid_a.name and hers["报到状态"] == "已报到"
    assert (hers["完成任务（项）"], hers["服务内容"]) == (1, WISH)
    assert hers["核实时长（小时）"] == Decimal(HOURS) == rows[1][10]
    # She pledged today, and a report lists the pledges current in its quarter: when her
    # Saturday fell in the quarter before this one, its report has none.
    if quarter == Quarter.of(datetime.now(UTC).astimezone(settings.tz).date()):
        assert hers["服务承诺"] == f"{TUTORING}；{PLEDGE_TEXT}；每月2项"


async def the_record_is_complete(
    scene: Scene, code: str, settings: Settings, pledged_until: date
) -> None:
    cast, tz = scene.cast, settings.tz
    member = await Member.get(user__phone=MEMBER_PHONE)
    assert member.status == MemberStatus.VERIFIED and member.verified_by_id == cast.staff_a.id  # type: ignore[attr-defined]
    assert (member.real_name, member.member_no) == (MEMBER_NAME, MEMBER_NO)
    assert (member.unit_id, member.grid_id) == (scene.unit.id, cast.grid_a.id)  # type: ignore[attr-defined]
    assert member.completed_count == 1

    [pledge] = await Pledge.filter(member_id=member.id).prefetch_related("skill_links__skill")
    assert pledge.status == PledgeStatus.ACTIVE and pledge.monthly_tasks == 2
    assert (pledge.text, pledge.valid_until) == (PLEDGE_TEXT, pledged_until)
    assert [link.skill.code for link in pledge.skill_links] == ["tutoring"]  # type: ignore[attr-defined]
    assert pledge.availability == [
        {"weekday": 5, "start": "09:00", "end": "12:00"},
        {"weekday": 6, "start": "14:00", "end": "17:00"},
    ]

    claim = await Claim.get(code=code).select_related("task")
    assert claim.status == ClaimStatus.VERIFIED and claim.verified_by_id == cast.staff_a.id  # type: ignore[attr-defined]
    assert claim.confirmed_at is not None and not claim.auto_confirmed
    assert claim.work_started_at == at(scene.past, SESSION[0], tz)
    assert claim.work_ended_at == at(scene.past, SESSION[1], tz)
    assert claim.completion_note == WORK_NOTE and claim.task.status == TaskStatus.DONE

    [entry] = await HoursEntry.filter(member_id=member.id)
    assert (entry.kind, entry.hours, entry.claim_id) == (HoursKind.CREDIT, Decimal(HOURS), claim.id)  # type: ignore[attr-defined]
    assert (entry.service_date, entry.description) == (scene.past, WISH)
    assert entry.verification == "resident+staff" and entry.verified_by_id == cast.staff_a.id  # type: ignore[attr-defined]

    need = await Need.get(code=scene.need_code)
    assert need.status == NeedStatus.CLOSED  # confirmed by her, closed when its task was done
    assert need.confirmed_at is not None and need.closed_at is not None
    events = await NeedEvent.filter(need_id=need.id).order_by("created_at", "id")
    assert [e.action for e in events] == STEPS

    [photo] = await Photo.filter(claim_id=claim.id)
    assert photo.stage == PhotoStage.EVIDENCE and photo.need_id is None  # type: ignore[attr-defined]
    original = assert_without_metadata((settings.media_dir / photo.path).read_bytes())
    assert original.size == (20, 40) == (photo.width, photo.height)  # turned upright
    assert photo.thumb_path
    assert_without_metadata((settings.media_dir / photo.thumb_path).read_bytes())


async def test_a_member_reports_in_pledges_claims_a_wish_and_her_employer_sees_the_hours(
    phone: Page,
    staff_phone: Page,
    resident_phone: Page,
    live_server: str,
    cast: Cast,
    worker: None,
    settings: Settings,
    mailbox: tuple[SmtpSink, int],
    tmp_path: Path,
):
    scene = await set_the_scene(cast, settings)
    photo = tmp_path / "IMG_2087.jpg"
    photo.write_bytes(phone_jpeg())

    await report_in(phone, live_server, scene)
    await approve(staff_phone, live_server, scene)
    until = await pledge(phone, live_server, settings)
    code = await claim_the_wish(phone, live_server, scene)

    await saturday_comes(code, scene.shift)
    await record_the_work(phone, scene, photo)
    await resident_confirms(resident_phone, live_server, scene)
    await staff_verify(staff_phone, live_server, scene, code)
    await member_sees_her_hours(phone, live_server, scene)

    await the_unit_gets_its_report(scene, settings, mailbox)
    await the_record_is_complete(scene, code, settings, until)
