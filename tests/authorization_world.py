"""The world of the authorisation matrix: the cast's two centres and people, two more admins, and
one object of every kind a route takes in its path, made through the domain functions.

Every object belongs to the resident or the member (an export: to whoever asked for it) and
lives at centre A, so staff of centre B, the other person and strangers are the ones a route must
refuse. Each object carries private text (a marker) that a response may show only to the roles
privy to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from tortoise.transactions import in_transaction

from server.domain import (
    availability,
    bookings,
    certificates,
    claim_completion,
    claims,
    exports,
    hours,
    invitations,
    need_categories,
    need_posting,
    needs,
    photos,
    pledges,
    projects,
)
from server.domain.audit import CLI
from server.domain.roles import grant
from server.models.accounts import Role, RoleGrant, User
from server.models.members import Member, Task
from server.models.needs import Need, Photo
from server.models.notifications import Channel, Notification, NotificationStatus
from server.redis_client import get_redis
from server.settings import Settings
from tests.cast import Cast, make_cast, user
from tests.domain.booking_fixtures import make_service
from tests.domain.photo_fixtures import plain_jpeg

ROLES = (
    "anonymous",
    "resident",
    "member",
    "staff_a",
    "staff_b",
    "street_admin",
    "district_admin",
    "city_admin",
)
ADMINS = frozenset({"street_admin", "district_admin", "city_admin"})
CENTRE_A_STAFF = ADMINS | {"staff_a"}  # staff of centre A and every admin above it

PARAM = re.compile(r"{(\w+)(?::\w+)?}")


@dataclass(frozen=True)
class Marker:
    """Private text of the world, and the roles that may see it somewhere."""

    name: str
    text: str
    privy: frozenset[str]
    in_sheets: frozenset[str] | None = None  # who may find it in a spreadsheet, if fewer

    def privy_in(self, spreadsheet: bool) -> frozenset[str]:
        """Those who may see it in a page (or a spreadsheet: an export or the ranking)."""
        return self.in_sheets if spreadsheet and self.in_sheets is not None else self.privy


@dataclass(frozen=True)
class Thing:
    """A value for a path parameter, and the role it belongs to (if anyone's)."""

    value: str
    owner: str | None = None
    per_role: dict[str, str] = field(default_factory=dict)  # asked as these, another value


@dataclass
class World:
    cast: Cast
    users: dict[str, User]
    things: dict[str, Thing] = field(default_factory=dict)  # path values (and a few inputs)
    markers: list[Marker] = field(default_factory=list)

    def path_for(
        self,
        template: str,
        *,
        published: bool = False,
        centre: str = "A",
        node: str = "",
        role: str = "",
    ) -> tuple[str, str | None]:
        """The template filled from the world, and the owner of its first owned object.

        ``{code}`` and the like take the object the segment before them names (``/bookings/
        {code}``: the resident's booking); ``published`` swaps the submitted need for the
        published small wish; ``centre`` picks which centre ``{centre}`` names, ``node`` which
        node ``{node}`` does (the street; "above": the district; "aside": community B); an
        object used up by the first one allowed to act on it has one of its own per ``role``."""
        segments = template.strip("/").split("/")
        owner: str | None = None
        filled = []
        for i, segment in enumerate(segments):
            name = PARAM.fullmatch(segment)
            found = PARAM.search(segment)
            if not found:
                filled.append(segment)
                continue
            key = self._key(found.group(1), segments[:i], template, published, centre, node)
            thing = self.things.get(key)
            if thing is None:
                raise LookupError(f"no world object for {found.group(0)} in {template}")
            owner = owner or thing.owner
            value = thing.per_role.get(role, thing.value)
            filled.append(value if name else PARAM.sub(value, segment))
        return "/" + "/".join(filled), owner

    @staticmethod
    def _key(
        param: str, before: list[str], template: str, published: bool, centre: str, node: str
    ) -> str:
        noun = before[-1] if before else ""
        if param == "centre":
            return f"centre_{centre.lower()}"
        if param == "node":
            return f"node_{node}" if node else "node"
        if param == "export":  # a subtree's export, or a centre's
            return f"{before[0]}_export"
        if param == "photo":
            owner_noun = before[-3]  # .../needs/{code}/photos/{photo}
            if owner_noun == "needs":
                return "wish_photo" if published else "need_photo"
            return "claim_photo"
        if template.startswith("/needs/{code}/claims/"):  # rating help on the wish's claim
            return {"needs": "wish", "claims": "claims"}[noun]
        if noun == "needs" and published:
            return "wish"
        by_name = {"to": "to", "grant_id": "grant", "user_public_id": "person"}
        return by_name.get(param, noun)


ON_BEHALF_NAME = "王秘代"
ON_BEHALF_PHONE = "13900000077"
NEED_TITLE = "秘密漏水求助"
NEED_ADDRESS = "秘巷9号3单元"
WISH_ADDRESS = "愿巷5号2单元"
MEMBER_NAME = "闵秘真"
CLAIM_NOTE = "陪老人配眼镜秘记"


async def _admin(phone: str, name: str, code: str) -> User:
    person = await user(phone, name)
    await grant(person, Role.ADMIN, code, None, CLI)
    return person


async def make_world(settings: Settings) -> World:
    cast = await make_cast()
    city_admin = await _admin("13700000007", "市管理员", cast.city.code)
    district_admin = await _admin("13700000006", "区管理员", cast.district.code)
    users = {
        "resident": cast.resident,
        "member": cast.member,
        "staff_a": cast.staff_a,
        "staff_b": cast.staff_b,
        "street_admin": cast.street_admin,
        "district_admin": district_admin,
        "city_admin": city_admin,
    }
    world = World(cast, users)
    await _bystander(world)
    await Member.filter(user_id=cast.member.id).update(real_name=MEMBER_NAME)
    world.things |= {
        "centre_a": Thing(cast.centre_a.code),
        "centre_b": Thing(cast.centre_b.code),
        "places": Thing(cast.community_a.code),
        "centres": Thing(cast.centre_a.code),
        "node": Thing(cast.street.code),
        "node_above": Thing(cast.district.code),
        "node_aside": Thing(cast.community_b.code),
        "to": Thing("done"),
        "volunteers": Thing(cast.member.public_id, "member"),
    }
    await _bookings(world, settings)
    await _needs(world, settings)
    await _volunteering(world, settings)
    await _failed_message(world)
    await _exports(world, settings)
    world.markers = _markers()
    return world


async def _bystander(world: World) -> None:
    """Another member of staff at A, none of the roles: for admins to deactivate, and with a
    role in community A for each admin to remove (a removed role is gone for the next one)."""
    cast = world.cast
    person = await user("13700000008", "甲站志愿者")
    staff = await grant(person, Role.STAFF, cast.centre_a.code, None, CLI)
    others: dict[str, RoleGrant] = {
        "street_admin": await grant(person, Role.ADMIN, cast.community_a.code, None, CLI),
        "district_admin": await grant(person, Role.GRID_WORKER, cast.grid_a.code, None, CLI),
    }
    ids = {role: str(row.id) for role, row in others.items()}
    world.things |= {
        "grant": Thing(str(staff.id), per_role=ids),
        "person": Thing(person.public_id),
    }


def _markers() -> list[Marker]:
    at_a = frozenset({"resident"}) | CENTRE_A_STAFF  # the resident and those who run centre A
    own = frozenset({"staff_a"})  # the centre's own staff
    return [
        # Phones go to the centre's own staff, never to the admins above it (issue 5); the
        # member going to help with the resident's wish is given theirs (the wish's contact),
        # and the city admin sees whom a failed message was for (the outbox). A spreadsheet
        # has residents' contact details only when the centre's own staff ask for it.
        Marker(
            "the resident's phone",
            "13700000001",
            own | {"resident", "member", "city_admin"},
            in_sheets=own,
        ),
        # Whom a booking is for: on the counter, which the admins above may open too.
        Marker("the on-behalf name", ON_BEHALF_NAME, at_a, in_sheets=own),
        Marker("the on-behalf phone", ON_BEHALF_PHONE, own | {"resident"}),
        # A submitted need: its requester and whoever supervises the centre; the exact address
        # only to the requester and the centre's own staff (admins above see no contact details).
        Marker("the private need's title", NEED_TITLE, at_a),
        Marker("a need's exact address", NEED_ADDRESS, own | {"resident"}),
        # The small wish's address: also to the member whose claim on it is under way.
        Marker("the wish's address", WISH_ADDRESS, own | {"resident", "member"}),
        Marker("the member's real name", MEMBER_NAME, frozenset({"member"}) | CENTRE_A_STAFF),
        # What the member recorded of the work: to the resident who confirms it, and staff.
        Marker("the member's work note", CLAIM_NOTE, at_a | {"member"}),
    ]


async def _bookings(world: World, settings: Settings) -> None:
    cast, now = world.cast, datetime.now(UTC)
    service = await make_service(cast)
    days = await availability.upcoming_days(service, now)
    start = next(s.starts_at for _, day in days for s in day if s.remaining)
    booking = await bookings.book(
        cast.resident, service, start, settings, CLI,
        for_name=ON_BEHALF_NAME, for_phone=ON_BEHALF_PHONE, on_behalf=True,
    )  # fmt: skip
    # The confirmation only: a booking close enough to now has its reminder written too.
    inbox = await Notification.get(
        user_id=cast.resident.id, channel=Channel.INBOX, event="booking.confirmed"
    )
    await Notification.filter(id=inbox.id).update(status=NotificationStatus.SENT, sent_at=now)
    world.things |= {
        "services": Thing(service.code),
        "bookings": Thing(booking.code, "resident"),
        "start": Thing(start.isoformat()),
        "inbox": Thing(inbox.public_id, "resident"),
    }


async def _failed_message(world: World) -> None:
    """A message that could not be delivered, for the city admin's retry."""
    inbox = world.things["inbox"].value
    row = await Notification.exclude(public_id=inbox).order_by("id").first()
    assert row is not None, "the world wrote no other message to borrow"
    await Notification.filter(id=row.id).update(
        status=NotificationStatus.FAILED, last_error="gateway down"
    )
    world.things["outbox"] = Thing(row.public_id)


async def _post(world: World, settings: Settings, kind: str, **form: str) -> Need:
    cast = world.cast
    values = {"kind": kind, "place": cast.grid_a.code, "urgency": "normal", **form}
    upload = photos.Upload("photo.jpg", plain_jpeg(), "image/jpeg")
    posted = await need_posting.post(
        cast.resident, cast.centre_a, values, settings, CLI, get_redis(settings), uploads=[upload]
    )
    for photo in await Photo.filter(need_id=posted.id):
        await photos.make_thumbnail(photo.id, settings)
    return await needs.need_by_code(posted.code)


async def _needs(world: World, settings: Settings) -> None:
    cast, staff = world.cast, world.cast.staff_a
    category = await need_categories.create(
        staff, cast.centre_a,
        {"name": "公共设施", "kind": "need", "response_hours": "24", "resolution_hours": "72"},
        CLI,
    )  # fmt: skip
    wishes = await need_categories.create(
        staff, cast.centre_a,
        {"name": "微心愿", "kind": "small_wish", "response_hours": "24", "resolution_hours": "72"},
        CLI,
    )  # fmt: skip
    private = await _post(
        world, settings, "need", category=category.code, title=NEED_TITLE, address=NEED_ADDRESS
    )
    wish = await _post(
        world, settings, "small_wish",
        category=wishes.code, title="想要一副老花镜", wish_item="老花镜", address=WISH_ADDRESS,
    )  # fmt: skip
    wish = await needs.act(staff, wish, "accept", settings, CLI)
    wish = await needs.act(staff, wish, "publish", settings, CLI)
    wish_photo = await Photo.get(need_id=wish.id)
    await needs.set_photo_approved(staff, wish, wish_photo.public_id, True, CLI)
    world.things |= {
        "categories": Thing(category.code),
        "needs": Thing(private.code, "resident"),
        "need_photo": Thing((await Photo.get(need_id=private.id)).public_id),
        "wish": Thing(wish.code, "resident"),
        "wish_photo": Thing(wish_photo.public_id),
    }


async def _volunteering(world: World, settings: Settings) -> None:
    cast, staff, now = world.cast, world.cast.staff_a, datetime.now(UTC)
    member = await Member.get(user_id=cast.member.id)
    given = pledges.PledgeForm(
        text="周末辅导",
        areas=[cast.community_a.code],
        monthly_tasks=4,
        valid_until=date.today() + timedelta(days=90),
    )
    await pledges.create_pledge(cast.member, given, settings, CLI)
    wish_task = await Task.get(need__code=world.things["wish"].value).select_related("centre")
    claim = await claims.claim(cast.member, wish_task, settings, CLI)
    upload = photos.Upload("done.jpg", plain_jpeg(), "image/jpeg")
    ended = now - timedelta(minutes=10)
    claim = await claim_completion.complete(
        cast.member, claim, CLAIM_NOTE, ended - timedelta(hours=1), ended, [upload], settings, CLI
    )
    evidence = await Photo.get(claim_id=claim.id)
    await photos.make_thumbnail(evidence.id, settings)
    project = await projects.publish_project(staff, cast.centre_a, {"title": "周六作业辅导"}, CLI)
    starts = (now + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    slot = await projects.add_slot(staff, project, starts, starts + timedelta(hours=2), 5, CLI)
    invited = await invitations.invite(staff, slot, [member], settings, CLI)
    entry, number = await _certificate(world, member)
    world.things |= {
        "claims": Thing(claim.code, "member"),
        "claim_photo": Thing(evidence.public_id),
        "projects": Thing(project.code),
        "tasks": Thing(slot.code),
        "invitations": Thing(invited[0].code, "member"),
        "certificates": Thing(number, "member"),
        "entry": Thing(str(entry)),
    }


async def _certificate(world: World, member: Member) -> tuple[int, str]:
    """Hours credited in the past month and a certificate for them: the entry id and number."""
    first, last = date.today() - timedelta(days=40), date.today() - timedelta(days=2)
    async with in_transaction():
        entry = await hours.credit(
            member, None, Decimal("2"),
            service_date=date.today() - timedelta(days=10), description="周六作业辅导",
            node_path=world.cast.grid_a.path, verified_by=None, verification="staff",
        )  # fmt: skip
    cert = await certificates.issue(world.cast.staff_a, member, first, last, CLI)
    return entry.id, cert.number


async def _exports(world: World, settings: Settings) -> None:
    """A built spreadsheet each: the street admin's of the street's needs this month, and
    staff A's of the centre's bookings in the month of the resident's booking."""
    cast, tz = world.cast, ZoneInfo(world.cast.centre_a.time_zone)
    start = datetime.fromisoformat(world.things["start"].value)
    months = {
        "needs": datetime.now(UTC).astimezone(settings.tz).strftime("%Y-%m"),
        "bookings": start.astimezone(tz).strftime("%Y-%m"),
    }
    subtree = await exports.node_scope(cast.street_admin, cast.street.code, settings)
    centre = await exports.centre_scope(cast.staff_a, cast.centre_a.code)
    asked = [("admin", "street_admin", "needs", subtree), ("staff", "staff_a", "bookings", centre)]
    for area, role, kind, scope in asked:
        period = exports.parse_period(months[kind])
        started = await exports.start(
            world.users[role], kind, scope, period, settings, CLI, limit=0
        )
        assert started.job is not None and await exports.build(started.job.id, settings) == "done"
        world.things[f"{area}_export"] = Thing(started.job.public_id, role)
    world.things |= {f"{kind}_month": Thing(month) for kind, month in months.items()}
