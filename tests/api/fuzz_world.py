"""The world the API fuzzing run works in: real values for its paths and bodies, and tokens.

The cast's two centres and people, a bookable service and the resident's booking, the
resident's needs at each stage a resident acts on (submitted, resolved, confirmed), a project
session with places left, the member's claim on it and hours, and a second member with no claim
(so claiming is not refused as "one at a time"). Everything is made through the domain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from tortoise.transactions import in_transaction

from server.domain import (
    accounts,
    availability,
    bookings,
    claims,
    hours,
    need_categories,
    need_posting,
    needs,
    photos,
    projects,
)
from server.domain.audit import CLI
from server.domain.members import enrol_verified
from server.models.accounts import User
from server.models.members import Member
from server.models.needs import Need, Photo
from server.redis_client import get_redis
from server.settings import Settings
from tests.cast import PASSWORD, Cast, make_cast, user
from tests.domain.booking_fixtures import make_service
from tests.domain.photo_fixtures import plain_jpeg


@dataclass
class FuzzWorld:
    cast: Cast
    tokens: dict[str, str]  # role -> bearer token: resident, member, helper, staff
    values: dict[str, str]  # real values for paths, queries and bodies: codes, times, a login


async def make_fuzz_world(settings: Settings) -> FuzzWorld:
    cast = await make_cast()
    helper = await user("13700000009", "第二党员")
    await enrol_verified(helper, cast.grid_a.code, "第二党员", CLI)
    values = {"centre": cast.centre_a.code, "place": cast.grid_a.code}
    values |= {"phone": cast.resident.phone, "password": PASSWORD}
    values |= await _bookings(cast, settings)
    values |= await _needs(cast, settings)
    values |= await _volunteering(cast, settings)
    people = {"resident": cast.resident, "member": cast.member, "helper": helper}
    people["staff"] = cast.staff_a
    return FuzzWorld(cast, {role: await _token(u, settings) for role, u in people.items()}, values)


async def _token(person: User, settings: Settings) -> str:
    token, _ = await accounts.issue_token(person, settings, CLI)
    return token


async def _bookings(cast: Cast, settings: Settings) -> dict[str, str]:
    """The resident's booking and a later slot to move it to (or book), both on the last day
    shown: past the change cut-off whatever the hour; room for two more bookings of theirs."""
    service = await make_service(cast, max_active_per_beneficiary=3)
    days = await availability.upcoming_days(service, datetime.now(UTC))
    last_day = days[-1][1]
    booking = await bookings.book(cast.resident, service, last_day[0].starts_at, settings, CLI)
    later = last_day[-1].starts_at.astimezone(ZoneInfo(cast.centre_a.time_zone))
    return {
        "service": service.code,
        "booking": booking.code,
        "start": later.isoformat(),
        "date": later.date().isoformat(),
    }


async def _posted(cast: Cast, settings: Settings, category: str, title: str) -> Need:
    """A need of the resident's with a photo (and its thumbnail)."""
    form = {"category": category, "title": title, "place": cast.grid_a.code, "address": "甲路1号"}
    upload = photos.Upload("photo.jpg", plain_jpeg(), "image/jpeg")
    posted = await need_posting.post(
        cast.resident, cast.centre_a, form, settings, CLI, get_redis(settings), uploads=[upload]
    )
    for photo in await Photo.filter(need_id=posted.id):
        await photos.make_thumbnail(photo.id, settings)
    return await needs.need_by_code(posted.code)


async def _resolved(cast: Cast, need: Need, settings: Settings) -> Need:
    staff = cast.staff_a
    need = await needs.act(staff, need, "accept", settings, CLI)
    need = await needs.act(staff, need, "assign", settings, CLI, department="物业")
    return await needs.act(staff, need, "resolve", settings, CLI, note="灯已换新")


async def _needs(cast: Cast, settings: Settings) -> dict[str, str]:
    """A submitted need, a resolved one (to confirm or reopen) and a confirmed one (to rate)."""
    form = {"name": "公共设施", "kind": "need", "response_hours": "24", "resolution_hours": "72"}
    category = await need_categories.create(cast.staff_a, cast.centre_a, form, CLI)
    submitted, resolved, confirmed = [
        await _posted(cast, settings, category.code, title)
        for title in ("楼道灯坏了", "水管漏水", "路灯不亮")
    ]
    resolved = await _resolved(cast, resolved, settings)
    confirmed = await _resolved(cast, confirmed, settings)
    await needs.act(cast.resident, confirmed, "confirm", settings, CLI)
    return {
        "category": category.code,
        "need": submitted.code,
        "resolved_need": resolved.code,
        "confirmed_need": confirmed.code,
    }


async def _volunteering(cast: Cast, settings: Settings) -> dict[str, str]:
    """A project session with places left, the member's claim on it, and the member's hours."""
    staff = cast.staff_a
    project = await projects.publish_project(staff, cast.centre_a, {"title": "作业辅导"}, CLI)
    starts = (datetime.now(UTC) + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    task = await projects.add_slot(staff, project, starts, starts + timedelta(hours=2), 5, CLI)
    claim = await claims.claim(cast.member, task, settings, CLI)
    member = await Member.get(user_id=cast.member.id)
    async with in_transaction():
        entry = await hours.credit(
            member, None, Decimal("2"),
            service_date=date.today() - timedelta(days=10), description="周六作业辅导",
            node_path=cast.grid_a.path, verified_by=staff, verification="staff",
        )  # fmt: skip
    await hours.correct(staff, entry, "1.5", "少记半小时", CLI)
    zone, now = ZoneInfo(cast.centre_a.time_zone), datetime.now(UTC)
    return {
        "task": task.code,
        "claim": claim.code,
        "started_at": (now - timedelta(minutes=30)).astimezone(zone).isoformat(),
        "ended_at": (now - timedelta(minutes=1)).astimezone(zone).isoformat(),
    }
