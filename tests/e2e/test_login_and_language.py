"""Journey: a resident on a phone logs in, switches to English and back, and it sticks."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from tests.cast import PASSWORD, Cast

pytestmark = pytest.mark.e2e


async def test_a_resident_logs_in_on_a_phone_and_switches_language(
    phone: Page, live_server: str, cast: Cast
):
    await phone.goto(live_server + "/")
    await expect(phone.locator("html")).to_have_attribute("lang", "zh-CN")
    await expect(phone.get_by_role("heading", level=1)).to_have_text("您身边的党群服务中心")

    await phone.get_by_role("link", name="登录").click()
    await phone.get_by_label("手机号码").fill(cast.resident.phone)
    await phone.get_by_label("密码").fill("wrong-password")
    await phone.get_by_role("button", name="登录").click()
    await expect(phone.get_by_role("alert")).to_have_text("手机号或密码不正确。")

    await phone.get_by_label("密码").fill(PASSWORD)
    await phone.get_by_role("button", name="登录").click()
    await expect(phone).to_have_url(live_server + "/")
    await phone.get_by_role("link", name="我的账号").click()
    await expect(phone.get_by_text(cast.resident.phone)).to_be_visible()

    await phone.get_by_role("button", name="English").click()
    await expect(phone.locator("html")).to_have_attribute("lang", "en")
    await expect(phone.get_by_role("heading", level=1)).to_have_text("My account")
    await phone.reload()
    await expect(phone.get_by_role("heading", level=1)).to_have_text("My account")
    await phone.goto(live_server + "/login")  # a logged-in user is sent on
    await expect(phone.get_by_role("heading", level=1)).to_have_text(
        "Party-mass service centres near you"
    )

    await phone.get_by_role("button", name="中文").click()
    await expect(phone.locator("html")).to_have_attribute("lang", "zh-CN")


async def test_elderly_mode_enlarges_the_page_and_sticks(phone: Page, live_server: str, db: None):
    await phone.goto(live_server + "/")
    size = await phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    await phone.get_by_role("button", name="大字高对比（长者模式）").click()
    await expect(phone.locator("body")).to_have_class("elderly")
    bigger = await phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert bigger >= size * 1.25
    await phone.reload()
    await expect(phone.locator("body")).to_have_class("elderly")
