"""Journey 3 on a phone, in Chinese: "the stair light on building 3 is broken", with a photo.

A resident posts the need with a photo straight from her phone (GPS and all) and is told by when
the centre will reply. Staff of the centre accept it from the board (previewing the bulk action
first), hand it to the property office and resolve it with a photo of the new bulb. She reads
the reply in her messages, confirms the fix and rates it. A real worker runs beside the server:
it makes the thumbnails and delivers the in-app messages, as in production.
"""

from __future__ import annotations

import io
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from PIL import ExifTags, Image
from playwright.async_api import Browser, Locator, Page, expect

from server.i18n import format_when
from server.models.needs import (
    Need,
    NeedCategory,
    NeedEvent,
    NeedStatus,
    Photo,
    PhotoStage,
    Rating,
)
from server.models.notifications import Channel, Notification, NotificationStatus
from server.settings import Settings
from tests.cast import PASSWORD, Cast
from tests.conftest import running
from tests.domain.photo_fixtures import phone_jpeg, plain_jpeg
from tests.e2e.conftest import ARTIFACTS, PHONE

pytestmark = pytest.mark.e2e

TITLE = "3号楼楼道灯坏了"
DESCRIPTION = "3号楼2单元的楼道灯晚上不亮，老人上下楼看不见台阶。"
ADDRESS = "甲路1号3号楼2单元"
DEPARTMENT = "物业"
FIX_NOTE = "已更换灯泡"
COMMENT = "第二天就修好了，谢谢！"
CATEGORY = "公共设施"
RESPONSE_HOURS = 24
STEPS = ["submit", "accept", "assign", "resolve", "confirm", "rate"]  # its need_events rows
# Nothing personal may survive storing: these are all in phone_jpeg().
TRACES = (b"Exif", b"PhoneMaker", b"xmpmeta", b"secret place", b"not-a-real-profile")


@pytest.fixture
def worker(live_server: str, db: None) -> Iterator[None]:
    """``doorstep worker`` beside the live server, started once the database and Redis are
    emptied for the test (it sweeps what it finds when it starts)."""
    with running("worker"):
        yield


@pytest.fixture
async def staff_phone(browser: Browser, request: pytest.FixtureRequest) -> AsyncIterator[Page]:
    """A second phone, for the centre's staff; like ``phone``, it keeps a last screenshot."""
    context = await browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    page = await context.new_page()
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-staff.png"), full_page=True)
    await context.close()


async def log_in(page: Page, phone: str) -> None:
    await expect(page.get_by_role("heading", level=1)).to_have_text("登录")
    await page.get_by_label("手机号码", exact=True).fill(phone)
    await page.get_by_label("密码", exact=True).fill(PASSWORD)
    await page.get_by_role("button", name="登录").click()


def need_code_in(url: str) -> str:
    match = re.search(r"/needs/(\w+)\?done=new$", url)
    assert match, url
    return match.group(1)


def status_of(page: Page) -> Locator:
    """The need's status badge at the top of its page."""
    return page.locator("main span.status").first


async def shows_image(page: Page, name: str) -> None:
    """The named image is on the page and the browser could decode it."""
    image = page.get_by_role("img", name=name)
    await expect(image).to_be_visible()
    assert await image.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0


# Asks for ``path`` again each time the last answer came back without ``text``. (An async
# predicate would not do: wait_for_function takes the promise it returns for a truthy value.)
_SERVED = """([path, text]) => {
  const seen = (window.__served ??= {});
  const key = JSON.stringify([path, text]);
  if (seen[key] === undefined || seen[key] === "no") {
    seen[key] = "asking";
    fetch(path)
      .then(async r => r.ok && (await r.text()).includes(text))
      .then(ok => { seen[key] = ok ? "yes" : "no"; }, () => { seen[key] = "no"; });
  }
  return seen[key] === "yes";
}"""


async def wait_until_served(page: Page, path: str, text: str = "") -> None:
    """Wait, as the browser's user, until ``path`` answers 200 saying ``text``: background work
    such as a thumbnail being made or a message delivered."""
    await page.wait_for_function(_SERVED, arg=[path, text], polling=200, timeout=30_000)


def assert_without_metadata(raw: bytes) -> Image.Image:
    """A JPEG with no EXIF (GPS included), XMP, ICC profile or comment left in it."""
    image = Image.open(io.BytesIO(raw))
    image.load()
    assert image.format == "JPEG"
    assert len(image.getexif()) == 0
    assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert not {"exif", "xmp", "icc_profile", "comment"} & set(image.info)
    for trace in TRACES:
        assert trace not in raw
    return image


# 1. The resident posts the need ------------------------------------------------------------


async def post_the_need(page: Page, live_server: str, cast: Cast, photo: Path) -> str:
    """From the home page to the confirmation; returns the need's code."""
    await page.goto(live_server + "/")
    await page.get_by_role("link", name="登录").click()
    await log_in(page, cast.resident.phone)
    await expect(page).to_have_url(live_server + "/")
    await page.get_by_role("link", name=cast.street.name).click()
    await page.get_by_role("link", name=cast.centre_a.name).click()
    await page.get_by_role("link", name="提交需求").click()
    await expect(page).to_have_url(f"{live_server}/centres/{cast.centre_a.code}/needs/new")
    await expect(page.get_by_role("heading", level=1)).to_have_text("告诉服务中心您的需求")

    form = page.locator("#need-form")
    # The promised reply time is shown with each kind of need, before posting.
    await form.get_by_label("类别").select_option(label=f"{CATEGORY} · {RESPONSE_HOURS} 小时内答复")
    await form.get_by_label("简要说明").fill(TITLE)
    await form.get_by_label("详细情况（选填）").fill(DESCRIPTION)
    await form.get_by_label("地点").select_option(label=f"— {cast.grid_a.name}")
    await form.get_by_label("详细地址（选填）").fill(ADDRESS)
    await form.get_by_label("紧急", exact=True).check()
    await form.get_by_label("照片（选填，最多 6 张）").set_input_files(photo)
    await form.get_by_role("button", name="提交给服务中心").click()

    await page.wait_for_url(re.compile(r"/needs/\w+\?done=new$"))
    code = need_code_in(page.url)
    await expect(page.get_by_role("status")).to_have_text(
        "谢谢！您的需求已发送给服务中心，办理进展会在这里告诉您。"
    )
    await expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    await expect(status_of(page)).to_have_text("已提交")
    need = await Need.get(code=code)
    assert need.response_due_at is not None
    promised = format_when(need.response_due_at, cast.centre_a.time_zone, "short")
    await expect(page.get_by_text(f"服务中心承诺在 {promised} 前答复。")).to_be_visible()
    await expect(page.get_by_text(ADDRESS)).to_be_visible()  # her own address, shown to her
    await shows_image(page, "提交时的照片")
    return code


async def the_stored_photo_is_clean(
    page: Page, live_server: str, settings: Settings, code: str
) -> None:
    """The original as stored and as served, and the thumbnail once the worker made it, carry
    nothing but pixels; the sideways phone photo was turned upright before EXIF was dropped."""
    need = await Need.get(code=code)
    photo = await Photo.get(need_id=need.id, stage=PhotoStage.REQUEST)
    original = assert_without_metadata((settings.media_dir / photo.path).read_bytes())
    # Sent 40x20 with Orientation=6, red left: upright it is 20x40 with red on top.
    assert original.size == (20, 40) == (photo.width, photo.height)
    top, bottom = original.getpixel((10, 5)), original.getpixel((10, 35))
    assert top[0] > 200 > top[2] and bottom[2] > 200 > bottom[0]  # type: ignore[index]
    served = await page.request.get(f"{live_server}/needs/{code}/photos/{photo.public_id}")
    assert served.ok and served.headers["content-type"] == "image/jpeg"
    assert_without_metadata(await served.body())

    await wait_until_served(page, f"/needs/{code}/photos/{photo.public_id}/thumb")
    await photo.refresh_from_db()
    assert photo.thumb_path
    assert_without_metadata((settings.media_dir / photo.thumb_path).read_bytes())
    await page.reload()  # the page now shows the thumbnail rather than the original
    await expect(page.get_by_role("img", name="提交时的照片")).to_have_attribute(
        "src", f"/needs/{code}/photos/{photo.public_id}/thumb"
    )
    await shows_image(page, "提交时的照片")


# 2. The centre's staff take it up ------------------------------------------------------------


async def open_the_board(page: Page, live_server: str, cast: Cast) -> None:
    await page.goto(live_server + "/staff")
    await log_in(page, cast.staff_a.phone)
    # Staff of one centre land on its counter.
    await expect(page.get_by_role("heading", level=1)).to_have_text(cast.centre_a.name)
    await (
        page.get_by_role("navigation", name="服务中心事务")
        .get_by_role("link", name="群众需求")
        .click()
    )
    await expect(page).to_have_url(f"{live_server}/staff/{cast.centre_a.code}/needs")


async def accept_from_the_board(page: Page, code: str) -> None:
    """Tick the new need, preview "accept", check the preview, then confirm it."""
    board = page.locator("#board")
    tabs = board.get_by_role("navigation", name="哪些需求")
    await expect(tabs.get_by_role("link", name="新提交 1")).to_have_attribute(
        "aria-current", "page"
    )
    row = board.locator(f"#n-{code}")
    await expect(row).to_contain_text(TITLE)
    await expect(row).to_contain_text("紧急")
    await row.get_by_label(f"选择 {code}").check()
    bulk = board.locator("#bulk")
    await bulk.locator("select[name=action]").select_option(label="受理")
    await bulk.get_by_role("button", name="预览").click()

    preview = page.locator("#preview")
    await expect(preview.get_by_role("heading")).to_have_text("确认前请核对")
    await expect(preview).to_contain_text(re.compile(r"操作：\s*受理"))
    cells = preview.get_by_role("row").filter(has_text=code).get_by_role("cell")
    await expect(cells).to_have_text([code, TITLE, "已提交", "已受理"])
    # A preview changes nothing.
    need = await Need.get(code=code)
    assert need.status == NeedStatus.SUBMITTED and need.responded_at is None
    assert await NeedEvent.filter(need_id=need.id).count() == 1

    await preview.get_by_role("button", name="确认：更改 1 条需求").click()
    await expect(page.locator("#preview")).to_have_count(0)
    await expect(board.get_by_role("status")).to_have_text("1 条需求已更改。")
    await expect(tabs.get_by_role("link", name="新提交 0")).to_be_visible()
    await expect(board.locator(f"#n-{code}")).to_have_count(0)


async def assign_and_resolve(
    page: Page, live_server: str, cast: Cast, code: str, fix: Path
) -> None:
    """From the "in hand" tab to the need: give it to the property office, then resolve it."""
    board = page.locator("#board")
    await board.get_by_role("link", name=re.compile(r"^办理中 1")).click()
    await board.locator(f"#n-{code}").get_by_role("link", name=TITLE).click()
    await expect(page).to_have_url(f"{live_server}/staff/{cast.centre_a.code}/needs/{code}")
    await expect(status_of(page)).to_have_text("已受理")
    await expect(page.get_by_text(ADDRESS)).to_be_visible()  # staff of the centre see it
    await shows_image(page, "提交时的照片")

    assign = page.locator("#do-assign")
    await assign.get_by_label("或派给部门").fill(DEPARTMENT)
    await assign.get_by_role("button", name="派单").click()
    await expect(page.get_by_role("status")).to_have_text("已派单。")
    await expect(status_of(page)).to_have_text("已派单")
    await expect(page.locator("dl.facts")).to_contain_text(f"承办部门{DEPARTMENT}")

    resolve = page.locator("#do-resolve")
    await resolve.get_by_label("处理情况").fill(FIX_NOTE)
    await resolve.get_by_label("处理结果照片（选填，最多 6 张）").set_input_files(fix)
    await resolve.get_by_role("button", name="已解决：请居民确认").click()
    await expect(page.get_by_role("status")).to_have_text("已解决，已请居民确认。")
    await shows_image(page, "处理结果照片")
    await expect(page.locator("#do-resolve")).to_have_count(0)


# 3. The resident hears back, confirms and rates ------------------------------------------------


async def read_the_reply(page: Page, live_server: str, code: str) -> None:
    """Her messages say it was accepted and resolved (delivered by the worker)."""
    await wait_until_served(page, "/inbox", "已解决，待您确认")
    await page.get_by_role("link", name=re.compile(r"^消息")).click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("消息")
    subjects = page.get_by_role("listitem").get_by_role("heading", level=2)
    await expect(subjects).to_have_text(
        [f"您的需求 {code}：已解决，待您确认", f"您的需求 {code}：已受理"]
    )
    await expect(page.get_by_text(f"说明：{FIX_NOTE}")).to_be_visible()

    await page.get_by_role("link", name="我的需求").click()
    await expect(page).to_have_url(live_server + "/needs")
    row = page.get_by_role("listitem").filter(has=page.get_by_role("link", name=TITLE))
    await expect(row).to_contain_text("已解决，待您确认")
    await row.get_by_role("link", name="解决了吗？告诉我们").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    facts = page.locator("dl.facts")
    await expect(facts).to_contain_text(f"承办部门{DEPARTMENT}")
    await expect(facts).to_contain_text(f"服务中心说明{FIX_NOTE}")
    await shows_image(page, "处理结果照片")


async def confirm_and_rate(page: Page) -> None:
    confirm = page.locator("#confirm")
    await expect(confirm.get_by_role("heading")).to_have_text("是否已经解决？")
    await confirm.get_by_role("button", name="是的，已经解决").click()
    await expect(page.get_by_role("status")).to_have_text("感谢您的确认。现在可以评价办理情况。")
    await expect(page.locator("#confirm")).to_have_count(0)

    rate = page.locator("#rate")
    await rate.get_by_label("满意", exact=True).check()
    await rate.get_by_label("还有什么想说的？（选填）").fill(COMMENT)
    await rate.get_by_role("button", name="提交评价").click()
    await expect(page.get_by_role("status")).to_have_text("感谢您的评价。")
    await expect(page.locator("#rate")).to_have_count(0)
    await expect(page.locator("dl.facts")).to_contain_text(f"评价满意 — {COMMENT}")
    steps = ["已提交", "服务中心已受理", "已派单", rf"已解决\s*{FIX_NOTE}", "居民已确认"]
    steps.append(rf"已评价：满意\s*{COMMENT}")
    history = page.locator("ol.history > li")
    await expect(history).to_have_text([re.compile(rf"\d {step}\s*$") for step in steps])


# 4. What the database says ------------------------------------------------------------


async def the_record_is_complete(code: str, cast: Cast) -> None:
    need = await Need.get(code=code)
    assert need.status == NeedStatus.CONFIRMED and need.assigned_department == DEPARTMENT
    assert need.rating == Rating.SATISFIED and need.rating_comment == COMMENT
    events = await NeedEvent.filter(need_id=need.id).order_by("created_at", "id")
    assert [e.action for e in events] == STEPS
    assert events[3].note == FIX_NOTE and events[3].actor_id == cast.staff_a.id  # type: ignore[attr-defined]
    assert need.response_due_at is not None and need.responded_at is not None
    assert need.responded_at <= need.response_due_at  # replied within the promised time
    photos = await Photo.filter(need_id=need.id).order_by("id")
    assert [p.stage for p in photos] == [PhotoStage.REQUEST, PhotoStage.RESOLUTION]
    told = await Notification.filter(
        user_id=cast.resident.id, event="need.updated", channel=Channel.INBOX
    ).order_by("id")
    assert [n.payload["status"] for n in told] == ["accepted", "resolved"]
    assert all(n.status == NotificationStatus.SENT for n in told)


async def test_a_resident_posts_a_broken_light_with_a_photo_and_rates_the_fix(
    phone: Page,
    staff_phone: Page,
    live_server: str,
    cast: Cast,
    worker: None,
    settings: Settings,
    tmp_path: Path,
):
    await NeedCategory.create(
        centre=cast.centre_a, name=CATEGORY, response_hours=RESPONSE_HOURS, resolution_hours=72
    )
    photo = tmp_path / "IMG_0001.jpg"
    photo.write_bytes(phone_jpeg())
    fix = tmp_path / "new-bulb.jpg"
    fix.write_bytes(plain_jpeg())

    code = await post_the_need(phone, live_server, cast, photo)
    await the_stored_photo_is_clean(phone, live_server, settings, code)

    await open_the_board(staff_phone, live_server, cast)
    await accept_from_the_board(staff_phone, code)
    await assign_and_resolve(staff_phone, live_server, cast, code, fix)

    await read_the_reply(phone, live_server, code)
    await confirm_and_rate(phone)
    await the_record_is_complete(code, cast)
