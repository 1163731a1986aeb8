"""Journeys 1 and 2 on a phone, in Chinese and in English: book a slot, and book for a parent.

1. A resident finds a service, sees what to bring, picks a day and a time, logs in when asked,
   books, gets the code, the QR image and the calendar file, finds it under her bookings and
   cancels it.
2. A daughter books for her elderly mother: the form refuses a booking without the mother's
   name, then books it, and the confirmation says whom it is for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from playwright.async_api import Page, expect

from tests.cast import PASSWORD, Cast
from tests.domain.booking_fixtures import make_service

pytestmark = pytest.mark.e2e

MOTHER = "王秀英"
MOTHER_PHONE = "13912345678"


@dataclass(frozen=True)
class Words:
    """What a person reads on the pages, in one language."""

    lang: str
    service: str
    id_card: str
    authorisation: str
    search_label: str
    search: str
    results_for: str
    days: str
    places_left: str
    log_in: str
    mobile: str
    password: str
    confirm: str
    book: str
    booked_notice: str
    show_at_counter: str
    booking_code: str
    qr_alt: str
    add_to_calendar: str
    what_to_bring: str
    all_my_bookings: str
    my_bookings: str
    booked: str
    cancel: str
    cancelled: str
    past_and_cancelled: str
    someone_else: str
    their_name: str
    their_mobile: str
    name_missing: str
    for_label: str
    for_row: str


ZH = Words(
    lang="zh-CN",
    service="居住证明开具",
    id_card="居民身份证 — 原件及复印件",
    authorisation="授权委托书",
    search_label="搜索服务事项或您所在的社区",
    search="搜索",
    results_for="“{}”的搜索结果",
    days="日期",
    places_left=r"剩 \d+ 个名额",
    log_in="登录",
    mobile="手机号码",
    password="密码",
    confirm="确认预约",
    book="确认预约",
    booked_notice="预约成功。我们已发送确认消息，并会在办事前提醒您。",
    show_at_counter="请到窗口出示此预约码",
    booking_code="预约码",
    qr_alt="预约 {} 的二维码",
    add_to_calendar="添加到日历",
    what_to_bring="所需材料",
    all_my_bookings="我的全部预约",
    my_bookings="我的预约",
    booked="已预约",
    cancel="取消预约",
    cancelled="已取消",
    past_and_cancelled="已办结和已取消",
    someone_else="他人（如父母）",
    their_name="办事人姓名",
    their_mobile="办事人手机号码",
    name_missing="请填写办事人的姓名。",
    for_label="办事人",
    for_row="为{}预约",
)

EN = Words(
    lang="en",
    service="Proof of residence",
    id_card="Resident ID card — original and copy",
    authorisation="Letter of authorisation",
    search_label="Search services or your community",
    search="Search",
    results_for="Results for “{}”",
    days="Days",
    places_left=r"\d+ places? left",
    log_in="Log in",
    mobile="Mobile number",
    password="Password",
    confirm="Confirm your booking",
    book="Book this time",
    booked_notice="Booked. We have sent you a confirmation and will remind you before the day.",
    show_at_counter="Show this code at the counter",
    booking_code="Booking code",
    qr_alt="QR code of booking {}",
    add_to_calendar="Add to calendar",
    what_to_bring="What to bring",
    all_my_bookings="All my bookings",
    my_bookings="My bookings",
    booked="Booked",
    cancel="Cancel this booking",
    cancelled="Cancelled",
    past_and_cancelled="Past and cancelled",
    someone_else="Someone else, e.g. a parent",
    their_name="Their name",
    their_mobile="Their mobile number",
    name_missing="Give the name of the person you are booking for.",
    for_label="For",
    for_row="for {}",
)

IN_EACH_LANGUAGE = pytest.mark.parametrize("words", [ZH, EN], ids=["zh", "en"])


async def open_home_in(page: Page, live_server: str, words: Words) -> None:
    """The home page; in English after pressing the header's "English" button."""
    await page.goto(live_server + "/")
    if words.lang == "en":
        await page.get_by_role("button", name="English").click()
    await expect(page.locator("html")).to_have_attribute("lang", words.lang)


async def log_in(page: Page, phone: str, words: Words) -> None:
    await expect(page.get_by_role("heading", level=1)).to_have_text(words.log_in)
    await page.get_by_label(words.mobile, exact=True).fill(phone)
    await page.get_by_label(words.password, exact=True).fill(PASSWORD)
    await page.get_by_role("button", name=words.log_in).click()


async def see_what_to_bring(page: Page, words: Words) -> None:
    await expect(page.get_by_role("heading", name=words.what_to_bring)).to_be_visible()
    await expect(page.get_by_role("listitem").filter(has_text=words.id_card)).to_be_visible()
    await expect(page.get_by_text(words.authorisation)).to_be_visible()


async def pick_first_free_time(page: Page, words: Words) -> str:
    """Clicks the first free slot of the day shown; returns its clock time, e.g. "09:00"."""
    slot = page.get_by_role("link", name=re.compile(words.places_left)).first
    time = (await slot.inner_text()).split()[0]
    await slot.click()
    return time


def booking_code_in(url: str) -> str:
    match = re.search(r"/bookings/([^/?]+)\?new=1$", url)
    assert match, url
    return match.group(1)


@IN_EACH_LANGUAGE
async def test_a_resident_books_a_slot_on_a_phone_and_cancels_it(
    phone: Page, live_server: str, cast: Cast, words: Words
):
    service = await make_service(cast)
    await open_home_in(phone, live_server, words)

    # Find the service by its Chinese name.
    await phone.get_by_label(words.search_label).fill("居住证明")
    await phone.get_by_role("button", name=words.search, exact=True).click()
    await expect(
        phone.get_by_role("heading", name=words.results_for.format("居住证明"))
    ).to_be_visible()
    await phone.get_by_role("link", name=words.service).click()
    await expect(phone).to_have_url(f"{live_server}/services/{service.code}")
    await expect(phone.get_by_role("heading", level=1)).to_have_text(words.service)
    await see_what_to_bring(phone, words)

    # Pick the second day offered (far enough ahead to cancel later), then its first free time.
    day = phone.get_by_role("navigation", name=words.days).get_by_role("link").nth(1)
    day_label = await day.inner_text()
    await day.click()
    await expect(day).to_have_attribute("aria-current", "date")
    await expect(phone.get_by_role("heading", level=3)).to_have_text(day_label)
    time = await pick_first_free_time(phone, words)

    # Not logged in yet: the site asks, then comes back to the booking form.
    await log_in(phone, cast.resident.phone, words)
    await expect(phone.get_by_role("heading", level=1)).to_have_text(words.confirm)
    await expect(phone.get_by_role("main")).to_contain_text(time)
    await see_what_to_bring(phone, words)
    await phone.get_by_role("button", name=words.book).click()

    # The confirmation: code, QR image, materials and a calendar file.
    await expect(phone).to_have_url(re.compile(r"/bookings/\w+\?new=1$"))
    code = booking_code_in(phone.url)
    await expect(phone.get_by_role("status")).to_have_text(words.booked_notice)
    await expect(phone.get_by_role("heading", level=1)).to_have_text(words.service)
    await expect(phone.get_by_text(words.booked, exact=True)).to_be_visible()
    await expect(phone.get_by_text(words.show_at_counter)).to_be_visible()
    await expect(phone.get_by_label(words.booking_code)).to_have_text(code)
    qr = phone.get_by_role("img", name=words.qr_alt.format(code))
    assert await qr.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0
    await expect(phone.get_by_role("main")).to_contain_text(time)
    await see_what_to_bring(phone, words)
    calendar_link = phone.get_by_role("link", name=words.add_to_calendar)
    ics = await phone.request.get(live_server + await calendar_link.get_attribute("href"))
    assert ics.ok and ics.headers["content-type"].startswith("text/calendar")
    calendar = (await ics.text()).replace("\r\n ", "")  # unfold long lines
    assert calendar.startswith("BEGIN:VCALENDAR") and code in calendar

    # It is listed under "my bookings".
    await phone.get_by_role("link", name=words.all_my_bookings).click()
    await expect(phone).to_have_url(live_server + "/bookings")
    await expect(phone.get_by_role("heading", level=1)).to_have_text(words.my_bookings)
    row = phone.get_by_role("listitem").filter(has=phone.get_by_role("link", name=words.service))
    await expect(row).to_contain_text(words.booked)
    await row.get_by_role("link").click()

    # Cancelling it from the booking page.
    await expect(phone).to_have_url(f"{live_server}/bookings/{code}")
    await phone.get_by_role("button", name=words.cancel).click()
    await expect(phone).to_have_url(f"{live_server}/bookings/{code}")
    await expect(phone.get_by_text(words.cancelled, exact=True)).to_be_visible()
    await expect(phone.get_by_role("button", name=words.cancel)).to_have_count(0)
    await phone.get_by_role("link", name=words.all_my_bookings).click()
    await expect(phone.get_by_role("heading", name=words.past_and_cancelled)).to_be_visible()
    await expect(row).to_contain_text(words.cancelled)


@IN_EACH_LANGUAGE
async def test_a_daughter_books_for_her_mother_and_must_give_her_name(
    phone: Page, live_server: str, cast: Cast, words: Words
):
    await make_service(cast)
    daughter = cast.member
    await open_home_in(phone, live_server, words)
    await phone.get_by_role("link", name=words.log_in).click()
    await log_in(phone, daughter.phone, words)
    await expect(phone).to_have_url(live_server + "/")

    # Browse: the home page links each street, the street lists its centres, the centre its
    # services.
    await phone.get_by_role("link", name=cast.street.name).click()
    await phone.get_by_role("link", name=cast.centre_a.name).click()
    await expect(phone.get_by_role("heading", level=1)).to_have_text(cast.centre_a.name)
    await phone.get_by_role("link", name=words.service).click()
    await see_what_to_bring(phone, words)
    await pick_first_free_time(phone, words)

    # "Someone else", the mother's number, but no name: refused, with the name field marked.
    await phone.get_by_label(words.someone_else).check()
    await phone.get_by_label(words.their_mobile, exact=True).fill(MOTHER_PHONE)
    async with phone.expect_response(lambda r: r.request.method == "POST") as refused:
        await phone.get_by_role("button", name=words.book).click()
    assert (await refused.value).status == 422
    await expect(phone.get_by_role("alert")).to_have_text(words.name_missing)
    name = phone.get_by_label(words.their_name, exact=True)
    await expect(name).to_have_attribute("aria-invalid", "true")
    await expect(name).to_have_accessible_description(words.name_missing)
    await expect(phone.get_by_label(words.someone_else)).to_be_checked()
    await expect(phone.get_by_label(words.their_mobile, exact=True)).to_have_value(MOTHER_PHONE)

    await name.fill(MOTHER)
    await phone.get_by_role("button", name=words.book).click()
    await expect(phone).to_have_url(re.compile(r"/bookings/\w+\?new=1$"))
    await expect(phone.get_by_role("status")).to_have_text(words.booked_notice)
    await expect(phone.get_by_text(words.for_label, exact=True)).to_be_visible()
    await expect(phone.get_by_text(f"{MOTHER} ({MOTHER_PHONE})", exact=True)).to_be_visible()
    await phone.get_by_role("link", name=words.all_my_bookings).click()
    await expect(phone.get_by_role("main")).to_contain_text(words.for_row.format(MOTHER))


async def test_someone_else_with_no_details_at_all_is_refused_not_booked_for_the_daughter(
    phone: Page, live_server: str, cast: Cast
):
    """A person who ticks "someone else" and presses the button straight away."""
    await make_service(cast)
    await open_home_in(phone, live_server, ZH)
    await phone.get_by_role("link", name=ZH.log_in).click()
    await log_in(phone, cast.member.phone, ZH)
    await phone.get_by_role("link", name=cast.street.name).click()
    await phone.get_by_role("link", name=cast.centre_a.name).click()
    await phone.get_by_role("link", name=ZH.service).click()
    await pick_first_free_time(phone, ZH)
    await phone.get_by_label(ZH.someone_else).check()
    async with phone.expect_response(lambda r: r.request.method == "POST") as answer:
        await phone.get_by_role("button", name=ZH.book).click()
    assert (await answer.value).status == 422
    await expect(phone.get_by_label(ZH.their_name, exact=True)).to_have_attribute(
        "aria-invalid", "true"
    )
