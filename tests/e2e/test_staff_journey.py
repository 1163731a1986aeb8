"""Journey 5 at the counter's desk computer, in Chinese: a centre's working day, to its rates.

Staff of a community centre open the day's bookings and check one resident in by typing her
code (htmx updates the list in place); the other did not come. On the needs board they accept
a new need in bulk (previewing first), take up a resident's small wish, open it to volunteers
with a skill and a time, and from its task page invite the member ranked first, who fits it
best, for the reasons shown. The dashboard sets this month against last month, as a chart
with a table beside it; the three rates there are the ones recomputed here from the needs'
history. This month's bookings are downloaded as a spreadsheet and opened. The street's admin
sees the community in the drill-down and in the ranking report, and downloads the ranking.
A real worker runs beside the server (messages), as in production.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from playwright.async_api import Browser, Download, Locator, Page, expect

from server.domain import bookings, counter, need_metrics, need_posting, needs, pledges
from server.domain.audit import CLI
from server.domain.members import enrol_verified
from server.domain.need_metrics import Rate, Rates
from server.i18n import format_when
from server.models.accounts import User
from server.models.bookings import Booking, BookingStatus
from server.models.members import Invitation, InvitationStatus, Member, Skill, Task, TaskSkill
from server.models.needs import Need, NeedCategory, NeedKind, NeedStatus
from server.models.notifications import Channel, Notification
from server.models.places import ScheduleException, Service
from server.redis_client import get_redis
from server.settings import Settings
from tests.cast import Cast, user
from tests.conftest import running
from tests.domain.booking_fixtures import make_service
from tests.e2e.conftest import ARTIFACTS, PHONE
from tests.e2e.test_need_journey import log_in

pytestmark = pytest.mark.e2e

DESK = {"width": 1280, "height": 900}  # the counter's desk computer
SERVICE = "居住证明开具"
CAME, MISSED = ("13700000011", "李桂兰"), ("13700000012", "赵德明")  # today's two residents
EARLIER = ("13700000013", "钱淑芬")  # booked last month too
VOLUNTEER = ("13700000014", "王建国")  # a member whose pledge fits the wish
SKILLS = [("tutoring", "辅导功课"), ("elderly_care", "陪伴老人"), ("repairs", "家电维修")]
ELDERLY_CARE = "陪伴老人"
NEW_NEED = "小区东门路灯不亮"
WISH = "陪独居老人去医院复查"
DEPARTMENT = "物业"
RATES = ("response", "resolution", "satisfaction")
RATE_NAMES = {"response": "响应率", "resolution": "解决率", "satisfaction": "满意率"}
CHART_TITLE = "响应率、解决率、满意率"


# The outside edges: a worker beside the server, two desk computers -----------------------------


@pytest.fixture
def worker(live_server: str, db: None) -> Iterator[None]:
    """``doorstep worker`` beside the live server, started once the database and Redis are
    emptied for the test (it sweeps what it finds when it starts)."""
    with running("worker"):
        yield


async def _desk(browser: Browser, name: str) -> AsyncIterator[Page]:
    """A desktop browser; it keeps a screenshot of its last page."""
    context = await browser.new_context(viewport=DESK)  # type: ignore[arg-type]
    page = await context.new_page()
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    await context.close()


@pytest.fixture
async def desk(browser: Browser, request: pytest.FixtureRequest) -> AsyncIterator[Page]:
    async for page in _desk(browser, f"{request.node.name}-staff"):
        yield page


@pytest.fixture
async def admin_desk(browser: Browser, request: pytest.FixtureRequest) -> AsyncIterator[Page]:
    async for page in _desk(browser, f"{request.node.name}-admin"):
        yield page


# The scene: bookings, needs handled last month and this month, a member who fits the wish -----


def at(day: date, clock: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=tz).astimezone(UTC)


@dataclass
class Scene:
    cast: Cast
    tz: ZoneInfo
    today: date
    came: str  # today's booking codes
    missed: str
    need: str  # the new need's code
    wish: str  # the small wish's code
    volunteer: Member

    @property
    def centre(self) -> str:
        return self.cast.centre_a.code

    @property
    def month(self) -> str:
        return self.today.strftime("%Y-%m")


class History:
    """Writes the past through the domain, with the clock each step happened at."""

    def __init__(self, cast: Cast, settings: Settings) -> None:
        self.cast, self.settings, self.redis = cast, settings, get_redis(settings)

    async def book(
        self, person: User, service: Service, starts: datetime, made: datetime
    ) -> Booking:
        booking = await bookings.book(person, service, starts, self.settings, CLI, now=made)
        # ``book`` stamps everything with ``now`` but created_at, which the database fills in.
        await Booking.filter(id=booking.id).update(created_at=made)
        return booking

    async def attend(self, booking: Booking, came: datetime | None) -> None:
        """At the counter that day: checked in and done, or marked as not come."""
        staff, centre = self.cast.staff_a, self.cast.centre_a
        if came is None:
            await counter.set_status(staff, centre, booking.code, BookingStatus.NO_SHOW, CLI)
            return
        await counter.check_in(staff, centre, booking.code, came, CLI)
        await counter.set_status(staff, centre, booking.code, BookingStatus.DONE, CLI)

    async def post(self, category: NeedCategory, title: str, when: datetime, **form: str) -> Need:
        fields = {"kind": category.kind.value, "category": category.code, "title": title}
        fields |= {"place": self.cast.grid_a.code, **form}
        return await need_posting.post(
            self.cast.resident, self.cast.centre_a, fields, self.settings, CLI, self.redis, now=when
        )

    async def act(self, need: Need, action: str, when: datetime, **extra: str) -> Need:
        actor = self.cast.resident if action == "confirm" else self.cast.staff_a
        return await needs.act(actor, need, action, self.settings, CLI, now=when, **extra)  # type: ignore[arg-type]

    async def handled(
        self, category: NeedCategory, title: str, start: datetime, step: timedelta, rating: str
    ) -> None:
        """Posted, accepted, given to the property office, resolved, confirmed and rated, one
        ``step`` apart."""
        when = [start + step * n for n in range(6)]
        need = await self.post(category, title, when[0])
        need = await self.act(need, "accept", when[1])
        need = await self.act(need, "assign", when[2], department=DEPARTMENT)
        need = await self.act(need, "resolve", when[3], note="已处理")
        need = await self.act(need, "confirm", when[4])
        await needs.rate(self.cast.resident, need, rating, "", self.settings, CLI, now=when[5])


async def open_on(cast: Cast, day: date) -> None:
    """The centre opens 09:00-11:00 that day, whatever the holiday calendar says."""
    await ScheduleException.create(centre=cast.centre_a, date=day, opens=540, closes=660)


async def set_the_scene(cast: Cast, settings: Settings) -> Scene:
    tz = ZoneInfo(cast.centre_a.time_zone)
    now = datetime.now(UTC)
    today = now.astimezone(tz).date()
    month_start = at(today.replace(day=1), time(), tz)
    last = (today.replace(day=1) - timedelta(days=1)).replace(day=1)  # last month's first day
    past = History(cast, settings)
    service = await make_service(cast)
    came, missed, earlier = [await user(phone, name) for phone, name in (CAME, MISSED, EARLIER)]

    # Last month, on the 10th: three bookings, two done and one missed.
    day = last.replace(day=10)
    await open_on(cast, day)
    made = at(day - timedelta(days=1), time(10), tz)
    for person, clock, attended in ((came, 9, True), (earlier, 9, True), (missed, 10, False)):
        booking = await past.book(person, service, at(day, time(clock), tz), made)
        await past.attend(booking, at(day, time(clock, 5), tz) if attended else None)
    # Today: two bookings, made yesterday.
    await open_on(cast, today)
    made = at(today - timedelta(days=1), time(10), tz)
    came_today = await past.book(came, service, at(today, time(9), tz), made)
    missed_today = await past.book(missed, service, at(today, time(9, 30), tz), made)

    facilities = await NeedCategory.create(
        centre=cast.centre_a, name="公共设施", response_hours=24, resolution_hours=72
    )
    elderly = await NeedCategory.create(
        centre=cast.centre_a, kind=NeedKind.SMALL_WISH, name="助老服务", resolution_hours=240
    )
    # Last month: two handled and rated satisfied, one answered late, one never resolved.
    await past.handled(facilities, "5号楼电梯异响", at(last.replace(day=5), time(10), tz),
                       timedelta(hours=2), "satisfied")  # fmt: skip
    await past.handled(facilities, "垃圾分类点满溢", at(last.replace(day=8), time(10), tz),
                       timedelta(hours=5), "satisfied")  # fmt: skip
    late = await past.post(facilities, "楼顶违章搭建", at(last.replace(day=12), time(10), tz))
    await past.act(late, "reject", at(last.replace(day=13), time(16), tz), note="请联系城管")
    stuck = await past.post(facilities, "地下车库渗水", at(last.replace(day=15), time(10), tz))
    await past.act(stuck, "accept", at(last.replace(day=15), time(11), tz))
    # This month so far: two handled, one rated satisfied and one basically satisfied.
    elapsed = now - month_start
    step = min(elapsed / 20, timedelta(hours=1))
    await past.handled(facilities, "2号楼楼道堆物", month_start + elapsed / 10, step, "satisfied")
    await past.handled(
        facilities, "健身器材松动", month_start + elapsed * 4 / 10, step, "basically_satisfied"
    )
    # Today, waiting for the centre: a new need, and a small wish.
    need = await past.post(facilities, NEW_NEED, now, description="东门口两盏路灯晚上都不亮。")
    wish = await past.post(
        elderly,
        WISH,
        now,
        description="老人腿脚不便，明天上午要去区医院复查，子女不在身边。",
        wish_item="陪同复查一次",
        preferred_time="明天上午",
        address="甲路1号7号楼101室",
    )

    # The members nearby: one pledged to care for the elderly, every day; one without a pledge.
    for order, (code, name) in enumerate(SKILLS):
        await Skill.create(code=code, name=name, sort_order=order)
    account = await user(*VOLUNTEER)
    volunteer = await enrol_verified(account, cast.grid_a.code, VOLUNTEER[1], CLI)
    form = pledges.PledgeForm(
        skills=["elderly_care"],
        text="陪老人看病、聊天都可以",
        availability=[{"weekday": d, "start": "08:00", "end": "20:00"} for d in range(7)],
        monthly_tasks=4,
        valid_until=today + timedelta(days=90),
    )
    await pledges.create_pledge(account, form, settings, CLI)
    return Scene(
        cast, tz, today, came_today.code, missed_today.code, need.code, wish.code, volunteer
    )


def centre_tabs(page: Page) -> Locator:
    return page.get_by_role("navigation", name="服务中心事务")


# 1. The counter: one resident checked in by her code, the other did not come ------------------


async def open_the_counter(page: Page, live_server: str, scene: Scene) -> None:
    await page.goto(live_server + "/staff")
    await log_in(page, scene.cast.staff_a.phone)
    # Staff of one centre land on its counter, at today's bookings.
    await expect(page).to_have_url(f"{live_server}/staff/{scene.centre}")
    await expect(page.get_by_role("heading", level=1)).to_have_text(scene.cast.centre_a.name)
    board = page.locator("#counter")
    await expect(board.locator("section.service-day h2")).to_contain_text(SERVICE)
    for code, clock, name in ((scene.came, "09:00", CAME[1]), (scene.missed, "09:30", MISSED[1])):
        cells = board.locator(f"#b-{code} td")
        await expect(cells.nth(0)).to_have_text(clock)
        await expect(cells.nth(1)).to_have_text(code)
        await expect(cells.nth(2)).to_contain_text(name)
        await expect(cells.nth(3)).to_have_text("已预约")


async def check_people_in(page: Page, scene: Scene) -> None:
    """She types the code she is shown (in lower case, as people do); the list updates in
    place, without a new page."""
    await page.evaluate("window.__samePage = true")
    board = page.locator("#counter")
    form = board.locator("form.checkin")
    await form.get_by_label("预约码（手动输入或扫描二维码）").fill(scene.came.lower())
    await form.get_by_role("button", name="签到").click()
    board = page.locator("#counter")
    await expect(board.get_by_role("status")).to_have_text(f"{scene.came} 已签到。")
    await expect(board.locator(f"#b-{scene.came} td").nth(3)).to_have_text("已签到")
    await expect(board.locator(f"#b-{scene.came}").get_by_role("button")).to_have_text("已办结")

    await board.locator(f"#b-{scene.missed}").get_by_role("button", name="未到场").click()
    await expect(board.get_by_role("status")).to_have_text(f"{scene.missed} 已标记为未到场。")
    await expect(board.locator(f"#b-{scene.missed} td").nth(3)).to_have_text("未到场")
    await expect(board.locator(f"#b-{scene.missed}").get_by_role("button")).to_have_count(0)
    assert await page.evaluate("window.__samePage") is True  # htmx swapped the list


# 2. The needs board: the new need accepted in bulk; the small wish taken up and opened ---------


async def accept_the_new_need(page: Page, live_server: str, scene: Scene) -> None:
    await centre_tabs(page).get_by_role("link", name="群众需求").click()
    await expect(page).to_have_url(f"{live_server}/staff/{scene.centre}/needs")
    board = page.locator("#board")
    tabs = board.get_by_role("navigation", name="哪些需求")
    await expect(tabs.get_by_role("link", name="新提交 2")).to_have_attribute(
        "aria-current", "page"
    )
    await expect(board.locator(f"#n-{scene.need}")).to_contain_text(NEW_NEED)
    await expect(board.locator(f"#n-{scene.wish}")).to_contain_text(WISH)
    await expect(board.locator(f"#n-{scene.wish}")).to_contain_text("微心愿")

    await board.get_by_label(f"选择 {scene.need}").check()
    bulk = board.locator("#bulk")
    await bulk.get_by_label("操作").select_option(label="受理")
    await bulk.get_by_role("button", name="预览").click()
    preview = page.locator("#preview")
    await expect(preview.get_by_role("heading")).to_have_text("确认前请核对")
    await expect(preview.locator("tbody tr")).to_have_count(1)  # only what was ticked
    await expect(preview.locator("tbody tr td")).to_have_text(
        [scene.need, NEW_NEED, "已提交", "已受理"]
    )
    assert (await Need.get(code=scene.need)).status == NeedStatus.SUBMITTED  # not yet
    await preview.get_by_role("button", name="确认：更改 1 条需求").click()
    await expect(board.get_by_role("status")).to_have_text("1 条需求已更改。")
    await expect(tabs.get_by_role("link", name="新提交 1")).to_be_visible()
    await expect(board.locator(f"#n-{scene.need}")).to_have_count(0)


async def open_the_wish_to_volunteers(page: Page, live_server: str, scene: Scene) -> date:
    """Accept the wish on its page, then open it to volunteers who care for the elderly,
    tomorrow 09:00-11:00. Returns the day."""
    await page.locator(f"#n-{scene.wish}").get_by_role("link", name=WISH).click()
    await expect(page).to_have_url(f"{live_server}/staff/{scene.centre}/needs/{scene.wish}")
    await expect(page.get_by_role("heading", level=1)).to_have_text(WISH)
    status = page.locator("main span.status").first
    await expect(status).to_have_text("已提交")
    await page.locator("#do-accept").get_by_role("button", name="受理").click()
    await expect(page.get_by_role("status")).to_have_text("已受理，已通知居民。")

    publish = page.locator("#do-publish")
    await publish.get_by_label(ELDERLY_CARE, exact=True).check()
    tomorrow = scene.today + timedelta(days=1)
    await publish.get_by_label("日期", exact=True).fill(tomorrow.isoformat())
    await publish.get_by_label("从", exact=True).fill("09:00")
    await publish.get_by_label("结束", exact=True).fill("11:00")
    await publish.get_by_role("button", name="向志愿者开放认领").click()
    await expect(page.get_by_role("status")).to_have_text("已向志愿者开放认领。")
    await expect(status).to_have_text("等待志愿者认领")
    return tomorrow


# 3. Dispatch: the member ranked first, with why, is invited --------------------------------------


async def find_the_task(page: Page, live_server: str, scene: Scene) -> str:
    """From the wish, through the centre's volunteer tasks, to its task; returns its code.
    (The need's page does not link to its task.)"""
    await page.locator("p.crumbs").get_by_role("link", name="群众需求").click()
    await centre_tabs(page).get_by_role("link", name="志愿服务").click()
    await page.get_by_role("link", name="志愿服务任务").click()
    await expect(page).to_have_url(f"{live_server}/staff/{scene.centre}/tasks")
    await page.locator("#board").get_by_role("link", name=WISH).click()
    task = await Task.get(need__code=scene.wish)
    await expect(page).to_have_url(f"{live_server}/staff/{scene.centre}/tasks/{task.code}")
    return task.code


async def invite_the_best(page: Page, scene: Scene, day: date) -> None:
    facts = page.locator("dl.facts")
    await expect(facts).to_contain_text(f"技能{ELDERLY_CARE}")
    starts = format_when(at(day, time(9), scene.tz), str(scene.tz), "short")
    await expect(facts).to_contain_text(f"时间{starts} – 11:00")
    await expect(facts).to_contain_text(f"需求{WISH}")

    candidates = page.locator("#candidates")
    cards = candidates.locator("ol.candidates > li")
    await expect(cards.locator("strong")).to_have_text([VOLUNTEER[1], "党员"])
    first = cards.first
    await expect(first.locator("ul.reasons > li")).to_contain_text(
        ["所需技能已承诺：1/1 项", "住在同一网格", "在承诺的服务时间内"]
    )
    await expect(cards.nth(1).locator("ul.reasons")).not_to_contain_text("所需技能")
    # The best for the one place is ticked; the other is not.
    await expect(first.get_by_role("checkbox")).to_be_checked()
    await expect(cards.nth(1).get_by_role("checkbox")).not_to_be_checked()
    await candidates.get_by_role("button", name="邀请勾选的党员").click()

    candidates = page.locator("#candidates")
    await expect(candidates.get_by_role("status")).to_have_text(
        "已邀请 1 名党员，每人都收到了任务及推荐理由。"
    )
    invited = candidates.locator("table tbody tr")
    await expect(invited).to_have_count(1)
    await expect(invited.locator("td").nth(0)).to_have_text(VOLUNTEER[1])
    await expect(invited.locator("td").nth(2)).to_have_text("尚未答复")
    await expect(cards.locator("strong")).to_have_text(["党员"])  # invited: no longer suggested


# 4. The dashboard: this month against last month ------------------------------------------------


async def expected_rates(scene: Scene) -> tuple[Rates, Rates]:
    """This month's and last month's rates of the centre, recomputed from the events now."""
    now = datetime.now(UTC)
    this = (scene.today.year, scene.today.month)
    found = []
    for year, month in (this, need_metrics.previous_month(*this)):
        start, end = need_metrics.month_window(year, month, str(scene.tz))
        found.append(
            await need_metrics.rates(start=start, end=end, at=now, centre_id=scene.cast.centre_a.id)
        )
    return found[0], found[1]


def pct(rate: Rate) -> str:
    """As the pages show it ("%.1f" of a float)."""
    return "—" if rate.value is None else f"{float(rate.value * 100):.1f}%"


def counts(rate: Rate) -> str:
    return f"{rate.numerator.normalize():f}/{rate.denominator}" if rate.denominator else ""


def change(now: Rate, before: Rate) -> str:
    if now.value is None or before.value is None:
        return "—"
    return f"{float((now.value - before.value) * 100):+.1f} 个百分点"


def month_name(day: date) -> str:
    return f"{day.year}年{day.month}月"


async def read_the_dashboard(page: Page, live_server: str, scene: Scene) -> None:
    await centre_tabs(page).get_by_role("link", name="数据看板").click()
    await expect(page).to_have_url(f"{live_server}/staff/{scene.centre}/dashboard")
    await expect(page.get_by_role("heading", level=1)).to_have_text(scene.cast.centre_a.name)
    now, before = await expected_rates(scene)
    # What this scene was built to give (docs/metrics.md), before comparing with the page.
    assert [(counts(getattr(now, r)), pct(getattr(now, r))) for r in RATES] == [
        ("4/4", "100.0%"), ("2/2", "100.0%"), ("1.5/2", "75.0%"),
    ]  # fmt: skip
    assert [(counts(getattr(before, r)), pct(getattr(before, r))) for r in RATES] == [
        ("3/4", "75.0%"), ("2/3", "66.7%"), ("2/2", "100.0%"),
    ]  # fmt: skip
    last_month = (scene.today.replace(day=1) - timedelta(days=1)).replace(day=1)

    for key in RATES:
        card = page.locator(f'li.figure[data-figure="{key}_rate"]')
        await expect(card.locator(".f-name")).to_have_text(RATE_NAMES[key])
        await expect(card.locator(".f-value")).to_have_text(pct(getattr(now, key)))
        await expect(card.locator(".f-counts")).to_have_text(counts(getattr(now, key)))
        await expect(card.locator(".f-before")).to_have_text(
            f"{month_name(last_month)}：{pct(getattr(before, key))}"
        )
    received = page.locator('li.figure[data-figure="received"] .f-value')
    await expect(received).to_have_text(str(now.received))

    chart = page.locator("#c-rates")
    await a_chart_is_drawn(chart, [getattr(now, r).value for r in RATES])
    rows = chart.locator(".chart-table tbody tr")
    await expect(rows).to_have_count(3)
    for n, key in enumerate(RATES):
        now_rate, before_rate = getattr(now, key), getattr(before, key)
        await expect(rows.nth(n).locator("th, td")).to_have_text(
            [RATE_NAMES[key], pct(now_rate), pct(before_rate), change(now_rate, before_rate)]
        )
    head = chart.locator(".chart-table thead th")
    await expect(head).to_have_text(
        ["指标", month_name(scene.today), month_name(last_month), "变化"]
    )

    # Bookings: two today (one missed), three on the 10th of last month (one missed).
    for key, value, counted, earlier in (
        ("bookings", "2", "", "3"),
        ("attended", "1", "", "2"),
        ("no_show_rate", "50.0%", "1/2", "33.3%"),
    ):
        card = page.locator(f'li.figure[data-figure="{key}"]')
        await expect(card.locator(".f-value")).to_have_text(value)
        if counted:
            await expect(card.locator(".f-counts")).to_have_text(counted)
        await expect(card.locator(".f-before")).to_have_text(f"{month_name(last_month)}：{earlier}")
    per_day = page.locator("#c-per-day")
    days = monthrange(scene.today.year, scene.today.month)[1]
    await expect(per_day.locator('svg[role="img"] circle.c-point')).to_have_count(days)
    await expect(per_day.locator(".chart-table tfoot tr > *")).to_have_text(["合计", "2", "3"])


async def a_chart_is_drawn(chart: Locator, values: list[Decimal | None]) -> None:
    """An SVG image with a title, drawn on screen, whose bars are as long as ``values`` say."""
    svg = chart.locator('svg[role="img"]')
    await expect(svg).to_be_visible()
    await expect(svg.locator("title").first).to_have_text(CHART_TITLE)
    await expect(chart.locator("figcaption")).to_have_text(CHART_TITLE)
    frame = await svg.bounding_box()
    assert frame is not None and frame["width"] > 0 and frame["height"] > 0
    bars = svg.locator("rect.c-bar.now")
    await expect(bars).to_have_count(len(values))
    for n, value in enumerate(values):
        box = await bars.nth(n).bounding_box()
        assert box is not None and box["height"] > 0
        assert value is not None and abs(box["width"] - frame["width"] * float(value)) < 1.5
        assert (
            frame["x"] - 0.5 <= box["x"]
            and box["x"] + box["width"] <= frame["x"] + frame["width"] + 0.5
        )


async def on_a_phone_too(page: Page, scene: Scene, now: Rates) -> None:
    """At 390 px the chart still fits the screen, with its bars and table, and the page does
    not scroll sideways (screenshots of both widths are kept for people to look at)."""
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / "journey5-dashboard-1280.png"), full_page=True)
    await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    chart = page.locator("#c-rates")
    await a_chart_is_drawn(chart, [getattr(now, r).value for r in RATES])
    frame = await chart.locator('svg[role="img"]').bounding_box()
    assert frame is not None and frame["x"] >= 0 and frame["x"] + frame["width"] <= PHONE["width"]
    await expect(chart.locator(".chart-table")).to_be_visible()
    wide = await page.evaluate("document.documentElement.scrollWidth")
    await page.screenshot(path=str(ARTIFACTS / "journey5-dashboard-390.png"), full_page=True)
    assert wide <= PHONE["width"], f"the dashboard is {wide}px wide on a 390px screen"
    await page.set_viewport_size(DESK)  # type: ignore[arg-type]


# 5. The export: this month's bookings, downloaded and opened ------------------------------------


async def saved(download: Download, folder: Path) -> Path:
    """The downloaded file, saved under the name the server gave it, as a browser would."""
    path = folder / download.suggested_filename
    await download.save_as(path)
    return path


async def export_the_bookings(page: Page, live_server: str, scene: Scene, folder: Path) -> None:
    # The dashboard has no tabs of the centre; back to the counter for them.
    await page.locator("p.crumbs").get_by_role("link", name="窗口服务").click()
    await centre_tabs(page).get_by_role("link", name="数据导出").click()
    await expect(page).to_have_url(f"{live_server}/staff/{scene.centre}/exports")
    async with page.expect_download() as info:
        await page.get_by_role("button", name=f"预约 {scene.month}", exact=True).click()
    download = await info.value
    assert download.suggested_filename == f"bookings-{scene.centre}-{scene.month}.xlsx"
    book = load_workbook(await saved(download, folder))
    sheet = book.active
    assert sheet is not None and sheet.title == "预约记录"
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    heading = rows[0]
    assert heading[:6] == ["预约码", "服务中心", "服务事项", "预约时间", "结束时间", "状态"]
    assert {"签到时间", "预约人", "预约人手机", "工作人员备注"} <= set(heading)
    found = [dict(zip(heading, row, strict=True)) for row in rows[1:]]
    assert [(r["预约码"], r["状态"], r["预约人"]) for r in found] == [
        (scene.came, "已签到", CAME[1]),
        (scene.missed, "未到", MISSED[1]),
    ]
    came, missed = found
    assert came["预约时间"] == datetime.combine(scene.today, time(9))  # a real date, local time
    assert came["服务事项"] == SERVICE and came["服务中心"] == scene.cast.centre_a.name
    assert isinstance(came["签到时间"], datetime) and missed["签到时间"] is None
    assert missed["预约人手机"] == MISSED[0]
    assert sheet["D2"].number_format == "yyyy-mm-dd hh:mm"


# 6. The street's admin: the community in the drill-down and the ranking ------------------------


async def the_street_sees_the_community(
    page: Page, live_server: str, scene: Scene, folder: Path
) -> None:
    cast = scene.cast
    await page.goto(live_server + "/admin")
    await log_in(page, cast.street_admin.phone)
    await expect(page).to_have_url(f"{live_server}/admin/{cast.street.code}")
    await expect(page.get_by_role("heading", level=1)).to_contain_text(cast.street.name)
    start, end = need_metrics.month_window(scene.today.year, scene.today.month, str(scene.tz))
    rates = await need_metrics.rates(
        start=start, end=end, at=datetime.now(UTC), node_path=cast.community_a.path
    )
    drill = page.locator("section[aria-labelledby=s-children] table")
    await expect(drill.locator("thead th").first).to_have_text("社区")
    row = drill.locator(f'tr[data-node="{cast.community_a.code}"]')
    await expect(row.locator("th")).to_have_text(cast.community_a.name)
    shown = (await row.locator("th, td").all_inner_texts())[:7]  # then late needs and members
    assert [text.strip() for text in shown] == [
        cast.community_a.name, "2", "50.0%", str(rates.received),
        *(pct(getattr(rates, r)) for r in RATES),
    ]  # fmt: skip
    await expect(drill.locator(f'tr[data-node="{cast.community_b.code}"] th')).to_have_text(
        cast.community_b.name
    )
    await a_chart_is_drawn(page.locator("#c-rates"), [getattr(rates, r).value for r in RATES])

    await page.locator("nav.admin-tabs").get_by_role("link", name="调度通报").click()
    await expect(page).to_have_url(f"{live_server}/admin/{cast.street.code}/ranking")
    table = page.locator("#ranking-table")
    first = table.locator("tbody tr").first
    await expect(first).to_have_attribute("data-node", cast.community_a.code)
    await expect(first.locator("td.rank")).to_have_text("1")
    await expect(first.locator("th")).to_have_text(cast.community_a.name)
    await expect(first.locator("td.value")).to_have_text(pct(rates.response))
    await expect(table.locator(f'tr[data-node="{cast.community_b.code}"] td.rank')).to_have_text(
        "—"
    )

    async with page.expect_download() as info:
        await page.get_by_role("link", name="下载电子表格（xlsx）").click()
    download = await info.value
    name = f"调度通报-{cast.street.name}-{scene.month}.xlsx"
    assert download.suggested_filename == name  # the Chinese name, not the ASCII fallback
    sheet = load_workbook(await saved(download, folder))["响应率排名"]
    lines = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
    assert lines[0] == ["名次", "较上期", "名称", "本期", "按时响应（件）", "应响应（件）",
                        "上期", "上期名次", "变化（百分点）"]  # fmt: skip
    assert [line[:3] for line in lines[1:]] == [
        [1, 0, cast.community_a.name], [None, None, cast.community_b.name],
    ]  # fmt: skip
    ours = lines[1]
    assert rates.response.value is not None and Decimal(str(ours[3])) == rates.response.value
    assert (ours[4], ours[5]) == (float(rates.response.numerator), rates.response.denominator)


# 7. What the database says ----------------------------------------------------------------------


async def the_record_is_complete(scene: Scene, task_code: str) -> None:
    cast = scene.cast
    came = await Booking.get(code=scene.came)
    missed = await Booking.get(code=scene.missed)
    assert came.status == BookingStatus.CHECKED_IN and came.checked_in_by_id == cast.staff_a.id  # type: ignore[attr-defined]
    assert missed.status == BookingStatus.NO_SHOW and missed.checked_in_at is None

    need = await Need.get(code=scene.need)
    wish = await Need.get(code=scene.wish)
    assert need.status == NeedStatus.ACCEPTED and need.responded_at is not None
    assert wish.status == NeedStatus.OPEN_FOR_CLAIM
    task = await Task.get(code=task_code)
    assert task.need_id == wish.id  # type: ignore[attr-defined]
    assert task.starts_at == at(scene.today + timedelta(days=1), time(9), scene.tz)
    assert task.ends_at == at(scene.today + timedelta(days=1), time(11), scene.tz)
    links = await TaskSkill.filter(task_id=task.id).values_list("skill__code", flat=True)
    assert list(links) == ["elderly_care"]

    [invitation] = await Invitation.filter(task_id=task.id)
    assert invitation.member_id == scene.volunteer.id  # type: ignore[attr-defined]
    assert invitation.status == InvitationStatus.PENDING
    assert invitation.invited_by_id == cast.staff_a.id  # type: ignore[attr-defined]
    assert invitation.score["total"] > 0
    told = await Notification.filter(
        user_id=scene.volunteer.user_id,  # type: ignore[attr-defined]
        event="task.invited",
        channel=Channel.INBOX,
    )
    assert [n.payload["code"] for n in told] == [task.code]


async def test_staff_run_the_day_from_bookings_to_this_months_rates(
    desk: Page,
    admin_desk: Page,
    live_server: str,
    cast: Cast,
    worker: None,
    settings: Settings,
    tmp_path: Path,
):
    scene = await set_the_scene(cast, settings)

    await open_the_counter(desk, live_server, scene)
    await check_people_in(desk, scene)

    await accept_the_new_need(desk, live_server, scene)
    day = await open_the_wish_to_volunteers(desk, live_server, scene)
    task = await find_the_task(desk, live_server, scene)
    await invite_the_best(desk, scene, day)

    await read_the_dashboard(desk, live_server, scene)
    await on_a_phone_too(desk, scene, (await expected_rates(scene))[0])
    await export_the_bookings(desk, live_server, scene, tmp_path)

    await the_street_sees_the_community(admin_desk, live_server, scene, tmp_path)
    await the_record_is_complete(scene, task)
