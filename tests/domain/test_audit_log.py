"""Reading the audit log: each admin sees their subtree only, every filter narrows, private-data
views can be listed alone, pages follow each other without gaps, and phones are masked."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from server.domain import audit_log, needs
from server.domain.audit import CLI, Origin, record
from server.domain.audit_log import Filters, query
from server.domain.errors import NotFound, ValidationFailed
from server.models.audit import AuditEntry
from server.models.needs import Need
from server.models.places import Centre, CentreKind, Level, OrgNode
from tests.cast import Cast, node

TZ = "Asia/Shanghai"
WEB = Origin(ip="10.0.0.9", user_agent="Firefox")


async def _other_street(cast: Cast) -> tuple[OrgNode, Centre]:
    street = await node("TS2", "第二街道", Level.STREET, cast.district)
    community = await node("TC", "丙社区", Level.COMMUNITY, street)
    centre = await Centre.create(
        code="CENTREC",
        node=community,
        node_path=community.path,
        kind=CentreKind.COMMUNITY,
        name="丙社区党群服务站",
        address="丙路3号",
    )
    return community, centre


async def _actions(scope: OrgNode, filters: Filters | None = None) -> list[str]:
    page = await query(scope, filters or Filters(), TZ, limit=500)
    return [row.entry.action for row in page.rows]


async def _entry(who, action: str, path: str, **more) -> AuditEntry:  # type: ignore[no-untyped-def]
    return await record(who, action, WEB, node_path=path, **more)


async def test_a_street_admin_sees_their_subtree_and_the_city_sees_everything(cast: Cast):
    elsewhere, _ = await _other_street(cast)
    await AuditEntry.all().delete()  # the cast's own set-up entries
    await _entry(cast.staff_a, "booking.check_in", cast.community_a.path)
    await _entry(cast.staff_a, "booking.note", cast.centre_a.node_path)
    await _entry(None, "booking.walk_in", elsewhere.path)
    await _entry(cast.resident, "user.login", "")
    assert await _actions(cast.street) == ["booking.note", "booking.check_in"]
    assert await _actions(cast.community_b) == []
    everything = await _actions(cast.city)
    assert everything == ["user.login", "booking.walk_in", "booking.note", "booking.check_in"]


async def test_a_place_narrows_the_subtree_and_one_outside_it_is_not_found(cast: Cast):
    elsewhere, _ = await _other_street(cast)
    await AuditEntry.all().delete()
    await _entry(cast.staff_a, "booking.check_in", cast.community_a.path)
    await _entry(cast.staff_b, "booking.check_in", cast.community_b.path)
    assert await _actions(cast.street, Filters(place=cast.community_b.code)) == ["booking.check_in"]
    with pytest.raises(NotFound):
        await query(cast.street, Filters(place=elsewhere.code), TZ)
    with pytest.raises(NotFound):
        await query(cast.street, Filters(place="NOSUCH"), TZ)


async def test_actor_action_prefix_and_object_filters_narrow_the_list(cast: Cast):
    await AuditEntry.all().delete()
    path = cast.community_a.path
    await _entry(cast.staff_a, "booking.check_in", path, object_type="booking", object_id="B1")
    await _entry(cast.staff_a, "need.accept", path, object_type="need", object_id="N1")
    await _entry(cast.staff_b, "booking.cancel", path, object_type="booking", object_id="B2")
    by_phone = Filters(actor=cast.staff_a.phone)
    assert await _actions(cast.street, by_phone) == ["need.accept", "booking.check_in"]
    by_id = Filters(actor=cast.staff_b.public_id)
    assert await _actions(cast.street, by_id) == ["booking.cancel"]
    assert await _actions(cast.street, Filters(actor="13999999999")) == []
    assert await _actions(cast.street, Filters(action="booking")) == [
        "booking.cancel",
        "booking.check_in",
    ]
    both = Filters(action="booking.", actor=cast.staff_a.phone)
    assert await _actions(cast.street, both) == ["booking.check_in"]
    one = Filters(object_type="booking", object_id="B2")
    assert await _actions(cast.street, one) == ["booking.cancel"]


async def test_the_date_range_is_in_local_days_both_ends_included(cast: Cast):
    await AuditEntry.all().delete()
    late = await _entry(cast.staff_a, "a.late", cast.community_a.path)
    early = await _entry(cast.staff_a, "a.early", cast.community_a.path)
    # 16:30 UTC on 1 March is 00:30 on 2 March in Shanghai; 15:59 UTC is still 1 March there.
    await AuditEntry.filter(id=late.id).update(created_at=datetime(2026, 3, 1, 16, 30, tzinfo=UTC))
    await AuditEntry.filter(id=early.id).update(created_at=datetime(2026, 3, 1, 15, 59, tzinfo=UTC))
    march_2 = Filters(since=date(2026, 3, 2), until=date(2026, 3, 2))
    assert await _actions(cast.street, march_2) == ["a.late"]
    march_1 = Filters(since=date(2026, 3, 1), until=date(2026, 3, 1))
    assert await _actions(cast.street, march_1) == ["a.early"]
    assert await _actions(cast.street, Filters(until=date(2026, 2, 28))) == []


async def test_views_of_private_contact_details_can_be_listed_alone(cast: Cast):
    need = await Need.create(
        centre=cast.centre_a,
        node=cast.grid_a,
        node_path=cast.grid_a.path,
        title="楼道灯坏了",
        requester=cast.resident,
        contact_phone=cast.resident.phone,
    )
    assert await needs.show_private(cast.staff_a, need, WEB)
    assert await needs.show_private(cast.resident, need, WEB)  # one's own: not a view to log
    await _entry(cast.staff_a, "need.accept", need.node_path, object_type="need")
    page = await query(cast.street, Filters(private_only=True), TZ)
    assert [(r.entry.action, r.entry.object_id, r.entry.actor_id) for r in page.rows] == [
        ("need.view_private", need.code, cast.staff_a.id)
    ]
    assert page.rows[0].entry.ip == "10.0.0.9"


async def test_pages_follow_each_other_without_gaps_or_repeats(cast: Cast):
    await AuditEntry.all().delete()
    made = [(await _entry(None, f"test.{i}", cast.community_a.path)).id for i in range(23)]
    seen: list[int] = []
    before = None
    for _ in range(5):
        page = await query(cast.street, Filters(), TZ, before=before, limit=10)
        seen += [row.entry.id for row in page.rows]
        before = page.before
        if before is None:
            break
    assert seen == sorted(made, reverse=True)
    assert before is None


async def test_filters_report_every_problem_at_once():
    with pytest.raises(ValidationFailed) as problem:
        audit_log.filters_from({"since": "yesterday", "until": "2026-13-01"})
    assert set(problem.value.fields) == {"since", "until"}
    with pytest.raises(ValidationFailed) as backwards:
        audit_log.filters_from({"since": "2026-03-02", "until": "2026-03-01"})
    assert set(backwards.value.fields) == {"until"}
    parsed = audit_log.filters_from({"actor": " 13700000003 ", "private": "1"})
    assert parsed == Filters(actor="13700000003", private_only=True)
    assert parsed.query_string() == "actor=13700000003&private=1"


async def test_a_row_shows_what_changed_with_phones_masked(cast: Cast):
    await AuditEntry.all().delete()
    before = {"status": "booked", "for_phone": "13912345678", "same": 1}
    after = {"status": "cancelled", "for_phone": "13912345678", "same": 1, "reason": "病了"}
    await _entry(cast.staff_a, "booking.cancel", cast.community_a.path, before=before, after=after)
    await record(None, "need.late", CLI, node_path=cast.community_a.path)
    job, row = (await query(cast.street, Filters(), TZ)).rows
    assert row.who == "甲站工作人员 · 137****0003"
    assert [(c.field, c.before, c.after) for c in row.changes] == [
        ("status", "booked", "cancelled"),
        ("reason", None, "病了"),
    ]
    assert job.who == "cli" and job.changes == []
    assert audit_log.mask_phone("call 13912345678 or 021-12345678") == (
        "call 139****5678 or 021-12345678"
    )


async def test_reading_the_log_writes_nothing(cast: Cast):
    count = await AuditEntry.all().count()
    await query(cast.city, Filters(private_only=True, actor=cast.staff_a.phone), TZ)
    await query(cast.street, Filters(), TZ)
    assert await AuditEntry.all().count() == count


async def test_each_entry_says_how_the_change_came_in(cast):
    from server.domain.audit import Origin, record

    entry = await record(cast.staff_a, "need.accept", Origin(ip="10.0.0.9", via="api"))
    assert (entry.via, entry.ip) == ("api", "10.0.0.9")
