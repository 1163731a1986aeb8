"""The people page in the browser: roles in the area with masked phones, appointing with every
problem marked, removing, and deactivating an account, which logs its owner out at once; other
streets, staff and residents are refused and shown nothing."""

from __future__ import annotations

import httpx

from server.domain.audit import CLI
from server.domain.roles import grant
from server.models.accounts import Role, RoleGrant, User
from server.models.members import Member, MemberStatus
from server.models.places import Level
from tests.cast import PASSWORD, Cast, node, user
from tests.conftest import csrf_token, login

PAGE = "/admin/TS/people"


async def _as(client: httpx.AsyncClient, phone: str) -> None:
    client.cookies.clear()
    await login(client, phone, PASSWORD)


async def _post(client: httpx.AsyncClient, path: str, data: dict[str, str]) -> httpx.Response:
    token = await csrf_token(client, "/account")
    return await client.post(path, data={"csrf_token": token, **data})


async def test_the_page_lists_the_roles_of_the_area_with_masked_phones(client, cast: Cast):
    await Member.filter(user_id=cast.member.id).update(status=MemberStatus.PENDING)
    await _as(client, cast.street_admin.phone)
    page = await client.get(PAGE)
    assert page.status_code == 200
    assert "甲站工作人员" in page.text and "137****0003" in page.text
    assert "乙站工作人员" in page.text and "街道管理员" in page.text
    assert "13700000003" not in page.text
    own = await RoleGrant.get(user=cast.street_admin)
    staff = await RoleGrant.get(user=cast.staff_a)
    assert f"/people/{staff.id}/remove" in page.text
    assert f"/people/{own.id}/remove" not in page.text  # not one's own
    assert "/staff/CENTREA/volunteers" in page.text  # a report-in waiting there


async def test_an_admin_appoints_by_phone_and_sees_the_role(client, cast: Cast):
    await _as(client, cast.street_admin.phone)
    form = {"phone": cast.resident.phone, "role": "staff", "scope": cast.centre_b.code}
    done = await _post(client, f"{PAGE}/appoint", form)
    assert done.status_code == 303 and done.headers["location"].endswith("done=appointed")
    assert await RoleGrant.filter(user=cast.resident, centre=cast.centre_b).exists()
    page = await client.get(done.headers["location"])
    assert "居民" in page.text and 'role="status"' in page.text


async def test_every_problem_of_an_appointment_is_marked_at_once(client, cast: Cast):
    await _as(client, cast.street_admin.phone)
    form = {"phone": "12", "role": "admin", "scope": cast.street.code}
    refused = await _post(client, f"{PAGE}/appoint", form)
    assert refused.status_code == 422
    assert refused.text.count('class="field-error"') == 2  # the phone and the place
    assert 'value="12"' in refused.text
    assert (
        not await RoleGrant.filter(role=Role.ADMIN, node=cast.street)
        .exclude(user=cast.street_admin)
        .exists()
    )


async def test_removing_a_role_below_works_and_one_elsewhere_is_not_found(client, cast: Cast):
    other_street = await node("TS2", "第二街道", Level.STREET, cast.district)
    other_admin = await user("13700000006", "二街管理员")
    await grant(other_admin, Role.ADMIN, other_street.code, None, CLI)
    await _as(client, cast.street_admin.phone)
    staff = await RoleGrant.get(user=cast.staff_a)
    done = await _post(client, f"{PAGE}/{staff.id}/remove", {})
    assert done.status_code == 303
    assert not await RoleGrant.filter(id=staff.id).exists()
    elsewhere = await RoleGrant.get(user=other_admin)
    for path in (f"{PAGE}/{elsewhere.id}/remove", f"{PAGE}/abc/remove"):
        refused = await _post(client, path, {})
        assert refused.status_code == 404 and "二街管理员" not in refused.text
    own = await RoleGrant.get(user=cast.street_admin)
    assert (await _post(client, f"{PAGE}/{own.id}/remove", {})).status_code == 403
    assert await RoleGrant.filter(id__in=[own.id, elsewhere.id]).count() == 2


async def test_deactivation_logs_the_person_out_at_once(app, client, cast: Cast):
    transport = httpx.ASGITransport(app=app, client=("10.1.2.4", 5000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as theirs:
        await login(theirs, cast.staff_a.phone, PASSWORD)
        assert (await theirs.get("/account")).status_code == 200
        await _as(client, cast.street_admin.phone)
        path = f"{PAGE}/{cast.staff_a.public_id}/deactivate"
        refused = await _post(client, path, {"reason": ""})
        assert refused.status_code == 422 and 'class="field-error"' in refused.text
        assert (await theirs.get("/account")).status_code == 200
        done = await _post(client, path, {"reason": "离职"})
        assert done.status_code == 303
        assert f"find={cast.staff_a.public_id}" in done.headers["location"]
        after = await theirs.get("/account")
        assert after.status_code == 401 and 'action="/login"' in after.text  # "log in again"
        again = await login(theirs, cast.staff_a.phone, PASSWORD)
        assert again.status_code == 401
    page = await client.get(done.headers["location"])
    assert "/reactivate" in page.text
    back = await _post(client, f"{PAGE}/{cast.staff_a.public_id}/reactivate", {})
    assert back.status_code == 303
    assert (await User.get(id=cast.staff_a.id)).is_active


async def test_an_admin_finds_a_resident_of_the_area_but_not_a_stranger(client, cast: Cast):
    await Member.filter(user_id=cast.member.id).update(status=MemberStatus.VERIFIED)
    stranger = await user("13811112222", "路人甲")
    await _as(client, cast.street_admin.phone)
    found = await client.get(PAGE, params={"find": cast.member.phone})
    assert "党员" in found.text and "/deactivate" in found.text
    missing = await client.get(PAGE, params={"find": stranger.phone})
    assert "路人甲" not in missing.text and "/deactivate" not in missing.text
    refused = await _post(client, f"{PAGE}/{stranger.public_id}/deactivate", {"reason": "x"})
    assert refused.status_code == 404 and "路人甲" not in refused.text
    assert (await User.get(id=stranger.id)).is_active


async def test_nobody_deactivates_themselves_and_others_cannot_reach_the_page(client, cast: Cast):
    await _as(client, cast.street_admin.phone)
    own = f"{PAGE}/{cast.street_admin.public_id}/deactivate"
    assert (await _post(client, own, {"reason": "x"})).status_code == 403
    for phone in (cast.staff_a.phone, cast.resident.phone):
        await _as(client, phone)
        page = await client.get(PAGE)
        assert page.status_code == 403 and "13700000003" not in page.text
        form = {"phone": phone, "role": "admin", "scope": cast.street.code}
        assert (await _post(client, f"{PAGE}/appoint", form)).status_code == 403
    assert await User.filter(is_active=False).count() == 0
    assert await RoleGrant.filter(role=Role.ADMIN).count() == 1
