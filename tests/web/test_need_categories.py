"""Staff keep their centre's need categories: add, edit, move, withdraw and offer again; every
problem shown at once; other centres and residents kept out; categories set above read-only."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta

import httpx

from server.domain import need_categories as domain
from server.domain.audit import CLI
from server.domain.errors import ValidationFailed
from server.models.audit import AuditEntry
from server.models.needs import Need, NeedCategory, NeedKind
from tests.cast import PASSWORD, Cast
from tests.conftest import csrf_token, login


def _base(cast: Cast) -> str:
    return f"/staff/{cast.centre_a.code}/needs/categories"


def _form(**extra: str) -> dict[str, str]:
    fields = {"name": "公共设施", "kind": "need", "response_hours": "24", "resolution_hours": "72"}
    return {**fields, **extra}


async def _as(client: httpx.AsyncClient, phone: str) -> None:
    client.cookies.clear()
    await login(client, phone, PASSWORD)


async def _post(client: httpx.AsyncClient, path: str, data: dict[str, str]) -> httpx.Response:
    token = await csrf_token(client, "/account")
    return await client.post(path, data={"csrf_token": token, **data})


async def _own(cast: Cast) -> list[NeedCategory]:
    return list(await NeedCategory.filter(centre_id=cast.centre_a.id).order_by(*domain.ORDER))


async def test_staff_add_edit_move_withdraw_and_offer_again(client, cast: Cast):
    await _as(client, cast.staff_a.phone)
    page = await client.get(_base(cast))
    assert page.status_code == 200 and f'href="/staff/{cast.centre_a.code}/needs"' in page.text
    added = await _post(client, _base(cast), _form(name_en="Public facilities"))
    assert added.status_code == 303 and added.headers["location"] == f"{_base(cast)}?done=created"
    await _post(client, _base(cast), _form(name="邻里纠纷", response_hours="2"))
    first, second = await _own(cast)
    assert (first.name, first.name_en, first.resolution_hours) == (
        "公共设施",
        "Public facilities",
        72,
    )
    assert (second.name, second.response_hours, second.sort_order) == ("邻里纠纷", 2, 1)

    saved = await _post(
        client,
        f"{_base(cast)}/{first.code}",
        _form(op="save", name="公共设施报修", name_en="Repairs", resolution_hours="48"),
    )
    assert saved.status_code == 303 and saved.headers["location"].endswith("?done=save")
    await first.refresh_from_db()
    assert (first.name, first.name_en, first.resolution_hours) == ("公共设施报修", "Repairs", 48)

    moved = await _post(client, f"{_base(cast)}/{second.code}", {"op": "up"})
    assert moved.status_code == 303
    assert [c.name for c in await _own(cast)] == ["邻里纠纷", "公共设施报修"]
    page = await client.get(moved.headers["location"])
    assert page.text.index("邻里纠纷") < page.text.index("公共设施报修")

    withdrawn = await _post(client, f"{_base(cast)}/{first.code}", {"op": "deactivate"})
    assert withdrawn.status_code == 303
    assert not (await NeedCategory.get(id=first.id)).is_active
    page = await client.get(withdrawn.headers["location"])
    assert f'action="{_base(cast)}/{first.code}"' in page.text and 'value="reactivate"' in page.text
    again = await _post(client, f"{_base(cast)}/{first.code}", {"op": "reactivate"})
    assert again.status_code == 303 and (await NeedCategory.get(id=first.id)).is_active

    actions = await AuditEntry.filter(object_type="need_category").order_by("id")
    assert [a.action for a in actions] == [
        "need_category.create",
        "need_category.create",
        "need_category.update",
        "need_category.move",
        "need_category.deactivate",
        "need_category.reactivate",
    ]
    update = actions[2]
    assert update.object_id == first.code and update.node_path == cast.centre_a.node_path
    assert update.actor_id == cast.staff_a.id  # type: ignore[attr-defined]
    assert update.before["resolution_hours"] == 72 and update.after["resolution_hours"] == 48


async def test_every_problem_is_shown_at_once_and_nothing_is_written(client, cast: Cast):
    await _as(client, cast.staff_a.phone)
    client.cookies.set("ds_lang", "en")
    bad = {"name": "", "name_en": "x" * 101, "kind": "wish", "response_hours": "0"}
    response = await _post(client, _base(cast), {**bad, "resolution_hours": "1.5"})
    assert response.status_code == 422
    for name in ("name", "name_en", "kind", "response_hours", "resolution_hours"):
        assert f'aria-describedby="new-e-{name}"' in response.text
    assert "x" * 101 in response.text  # what was typed is kept
    assert not await NeedCategory.exists() and not await AuditEntry.exists(
        object_type="need_category"
    )

    shorter = await _post(client, _base(cast), _form(name="n" * 51, resolution_hours="12"))
    assert shorter.status_code == 422
    assert 'id="new-e-name"' in shorter.text and 'id="new-e-resolution_hours"' in shorter.text
    assert "cannot be shorter" in shorter.text and "50 characters" in shorter.text
    too_long = await _post(
        client, _base(cast), _form(response_hours="8761", resolution_hours="9000")
    )
    assert too_long.status_code == 422 and 'id="new-e-response_hours"' in too_long.text
    assert not await NeedCategory.exists()


async def test_names_are_unique_among_the_centres_offered_categories_of_a_kind(client, cast):
    await _as(client, cast.staff_a.phone)
    await _post(client, _base(cast), _form())
    await _post(client, _base(cast), _form(name="其他"))
    again = await _post(client, _base(cast), _form())
    assert again.status_code == 422 and 'id="new-e-name"' in again.text
    as_wish = await _post(client, _base(cast), _form(kind="small_wish"))
    assert as_wish.status_code == 303  # a small wish of the same name is another thing
    first, other = await NeedCategory.filter(kind=NeedKind.NEED).order_by("id")
    rename = await _post(client, f"{_base(cast)}/{other.code}", _form(op="save"))
    assert rename.status_code == 422
    assert f'aria-describedby="c{other.code}-e-name"' in rename.text
    assert (await NeedCategory.get(id=other.id)).name == "其他"
    # Withdrawn, the name is free again; offering the old one again then clashes.
    await _post(client, f"{_base(cast)}/{first.code}", {"op": "deactivate"})
    assert (await _post(client, _base(cast), _form())).status_code == 303
    back = await _post(client, f"{_base(cast)}/{first.code}", {"op": "reactivate"})
    assert back.status_code == 422 and not (await NeedCategory.get(id=first.id)).is_active


async def test_two_staff_adding_the_same_name_at_once_add_it_once(cast: Cast):
    async def add() -> object:
        try:
            return await domain.create(cast.staff_a, cast.centre_a, _form(), CLI)
        except ValidationFailed as refused:
            return refused

    results = await asyncio.gather(add(), add(), add())
    assert sum(isinstance(r, ValidationFailed) for r in results) == 2
    assert await NeedCategory.filter(centre_id=cast.centre_a.id).count() == 1


async def test_staff_of_another_centre_and_residents_are_kept_out(client, cast: Cast):
    category = await NeedCategory.create(centre=cast.centre_a, name="公共设施")
    for phone in (cast.staff_b.phone, cast.resident.phone):
        await _as(client, phone)
        assert (await client.get(_base(cast))).status_code == 403
        assert (await _post(client, _base(cast), _form(name="外站"))).status_code == 403
        edit = await _post(client, f"{_base(cast)}/{category.code}", {"op": "deactivate"})
        assert edit.status_code == 403
    assert await NeedCategory.filter(centre_id=cast.centre_a.id).count() == 1
    assert (await NeedCategory.get(id=category.id)).is_active
    client.cookies.clear()
    assert (await client.get(_base(cast))).status_code in (302, 303)  # log in first


async def test_a_street_admin_above_the_centre_may_edit(client, cast: Cast):
    category = await NeedCategory.create(centre=cast.centre_a, name="公共设施")
    await _as(client, cast.street_admin.phone)
    assert (await client.get(_base(cast))).status_code == 200
    saved = await _post(client, f"{_base(cast)}/{category.code}", _form(op="save", name="设施"))
    assert saved.status_code == 303 and (await NeedCategory.get(id=category.id)).name == "设施"
    entry = await AuditEntry.get(action="need_category.update")
    assert entry.actor_id == cast.street_admin.id  # type: ignore[attr-defined]


async def test_a_change_without_the_csrf_token_is_refused(client, cast: Cast):
    category = await NeedCategory.create(centre=cast.centre_a, name="公共设施")
    await _as(client, cast.staff_a.phone)
    create = await client.post(_base(cast), data=_form(name="新类别"))
    edit = await client.post(f"{_base(cast)}/{category.code}", data={"op": "deactivate"})
    assert create.status_code == 403 and edit.status_code == 403
    assert await NeedCategory.all().count() == 1 and (await NeedCategory.get()).is_active


async def _post_need(client: httpx.AsyncClient, cast: Cast, category: NeedCategory) -> Need:
    path = f"/centres/{cast.centre_a.code}/needs/new"
    token = await csrf_token(client, path)
    data = {"kind": "need", "category": category.code, "title": "楼道灯坏了"}
    response = await client.post(
        path, data={"csrf_token": token, **data, "place": cast.grid_a.code, "urgency": "normal"}
    )
    assert response.status_code == 303
    code = re.search(r"/needs/([^/?]+)", response.headers["location"])
    assert code
    return await Need.get(code=code.group(1))


async def test_a_withdrawn_category_is_not_offered_but_a_need_keeps_it(client, cast: Cast):
    category = await NeedCategory.create(centre=cast.centre_a, name="公共设施")
    await _as(client, cast.resident.phone)
    need = await _post_need(client, cast, category)
    await _as(client, cast.staff_a.phone)
    await _post(client, f"{_base(cast)}/{category.code}", {"op": "deactivate"})
    await _as(client, cast.resident.phone)
    form = await client.get(f"/centres/{cast.centre_a.code}/needs/new")
    assert form.status_code == 200 and category.code not in form.text
    assert (await Need.get(id=need.id)).category_id == category.id  # type: ignore[attr-defined]
    page = await client.get(f"/needs/{need.code}")
    assert page.status_code == 200 and "公共设施" in page.text


async def test_new_hours_apply_to_needs_posted_after_the_change(client, cast: Cast):
    category = await NeedCategory.create(centre=cast.centre_a, name="公共设施", response_hours=24)
    await _as(client, cast.resident.phone)
    before = await _post_need(client, cast, category)
    await _as(client, cast.staff_a.phone)
    form = _form(op="save", response_hours="4", resolution_hours="120")
    assert (await _post(client, f"{_base(cast)}/{category.code}", form)).status_code == 303
    await _as(client, cast.resident.phone)
    after = await _post_need(client, cast, category)
    await before.refresh_from_db()
    assert before.response_due_at and after.response_due_at
    assert before.response_due_at - before.created_at > timedelta(hours=23)
    assert after.response_due_at - after.created_at < timedelta(hours=5)


async def test_categories_set_above_are_shown_read_only_and_not_editable_here(client, cast):
    street = await NeedCategory.create(node=cast.street, name="街道统一类别", name_en="Street-wide")
    await NeedCategory.create(node=cast.community_b, name="乙社区类别")  # not above centre A
    await _as(client, cast.staff_a.phone)
    client.cookies.set("ds_lang", "en")
    page = await client.get(_base(cast))
    assert page.status_code == 200
    assert "Street-wide" in page.text and "set by 测试街道" in page.text
    assert f"{_base(cast)}/{street.code}" not in page.text and "乙社区类别" not in page.text
    for data in (_form(op="save", name="改名"), {"op": "deactivate"}, {"op": "up"}):
        response = await _post(client, f"{_base(cast)}/{street.code}", data)
        assert response.status_code == 404
    assert (await NeedCategory.get(id=street.id)).name == "街道统一类别"
    assert (await NeedCategory.get(id=street.id)).is_active and not await AuditEntry.exists(
        object_type="need_category"
    )
