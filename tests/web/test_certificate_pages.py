"""Certificates in the browser: the public check, the PDF for the member and their community's
staff only, and staff issuing and revoking from the member's certificate page."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

import httpx
from pypdf import PdfReader
from tortoise.transactions import in_transaction

from server.domain import certificates, hours
from server.models.members import Certificate, Member
from tests.cast import PASSWORD, Cast
from tests.conftest import csrf_token, login
from tests.domain.claim_fixtures import WEB, member_of

# Pages run on the real clock: a period in the recent past (two days back, whatever the zone).
FIRST, LAST = date.today() - timedelta(days=40), date.today() - timedelta(days=2)
PERIOD = {"period_from": FIRST.isoformat(), "period_to": LAST.isoformat()}


async def _as(client: httpx.AsyncClient, phone: str) -> None:
    client.cookies.clear()
    await login(client, phone, PASSWORD)


async def _member(cast: Cast) -> Member:
    member = await member_of(cast.member)
    member.real_name = "张小明"
    await member.save(update_fields=["real_name"])
    for value, day in (("2", 30), ("2.5", 10)):
        async with in_transaction():
            await hours.credit(
                member,
                None,
                Decimal(value),
                service_date=date.today() - timedelta(days=day),
                description="周六作业辅导",
                node_path=cast.grid_a.path,
                verified_by=None,
                verification="staff",
            )
    return member


async def _issued(cast: Cast) -> Certificate:
    member = await _member(cast)
    return await certificates.issue(cast.staff_a, member, FIRST, LAST, WEB)


def _page(cast: Cast) -> str:
    return f"/staff/{cast.centre_a.code}/volunteers/{cast.member.public_id}/certificates"


# The public check -----------------------------------------------------------------------------


async def test_anyone_checks_a_certificate_and_sees_only_public_facts(client, cast: Cast):
    cert = await _issued(cast)
    form = await client.get("/certificates/verify")
    assert form.status_code == 200 and 'name="code"' in form.text
    query = {"number": cert.number, "code": cert.verification_code}
    found = await client.get("/certificates/verify", params=query)
    assert found.status_code == 200
    assert "张*明" in found.text and "张小明" not in found.text
    assert "4.5" in found.text and "甲社区" in found.text and cert.number in found.text
    assert FIRST.isoformat() in found.text and 'class="alert ok"' in found.text
    fragment = await client.get(
        "/certificates/verify", params=query, headers={"HX-Request": "true"}
    )
    assert fragment.text.strip().startswith('<div id="result"') and "<form" not in fragment.text


async def test_a_wrong_code_finds_nothing_and_a_revoked_one_says_so(client, cast: Cast):
    cert = await _issued(cast)
    wrong = "2" * 8 if cert.verification_code != "2" * 8 else "3" * 8
    missed = await client.get("/certificates/verify", params={"number": cert.number, "code": wrong})
    assert missed.status_code == 404 and "张*明" not in missed.text
    assert 'class="alert error"' in missed.text
    await certificates.revoke(cast.staff_a, cert, "重新出具", WEB)
    query = {"number": cert.number, "code": cert.verification_code}
    revoked = await client.get("/certificates/verify", params=query)
    assert revoked.status_code == 200 and 'class="alert ok"' not in revoked.text
    assert 'class="alert error"' in revoked.text and "张*明" in revoked.text


# The PDF --------------------------------------------------------------------------------------


async def test_the_member_and_their_communitys_staff_download_the_pdf(client, cast: Cast):
    cert = await _issued(cast)
    url = f"/certificates/{cert.number}.pdf"
    anonymous = await client.get(url)
    assert anonymous.status_code == 303 and anonymous.headers["location"].startswith("/login")
    for phone in ("13700000002", "13700000003", "13700000005"):  # member, staff A, street admin
        await _as(client, phone)
        response = await client.get(url)
        assert response.status_code == 200, phone
        assert response.headers["content-type"] == "application/pdf"
        text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
        assert "张小明" in text and cert.number in text and "4.5小时" in text
    for phone in ("13700000001", "13700000004"):  # a resident, staff of B
        await _as(client, phone)
        assert (await client.get(url)).status_code == 404, phone


# Staff issue and revoke -----------------------------------------------------------------------


async def test_staff_issue_a_certificate_from_the_members_page(client, cast: Cast):
    await _member(cast)
    await _as(client, "13700000003")
    page = await client.get(_page(cast))
    assert page.status_code == 200 and 'name="period_from"' in page.text
    token = await csrf_token(client, _page(cast))
    data = {"csrf_token": token, **PERIOD}
    issued = await client.post(_page(cast), data=data)
    assert issued.status_code == 303
    cert = await Certificate.get()
    assert issued.headers["location"] == f"{_page(cast)}?done=issued&number={cert.number}"
    assert cert.total_hours == Decimal("4.5")
    assert cert.issuing_node_id == cast.centre_a.node_id  # type: ignore[attr-defined]
    shown = await client.get(issued.headers["location"])
    assert cert.number in shown.text and cert.verification_code in shown.text


async def test_a_bad_period_is_shown_on_the_form(client, cast: Cast):
    await _member(cast)
    await _as(client, "13700000003")
    token = await csrf_token(client, _page(cast))
    backwards = {"period_from": LAST.isoformat(), "period_to": FIRST.isoformat()}
    refused = await client.post(_page(cast), data={"csrf_token": token, **backwards})
    assert refused.status_code == 422 and 'aria-invalid="true"' in refused.text
    assert f'value="{LAST.isoformat()}"' in refused.text and await Certificate.all().count() == 0


async def test_staff_of_another_centre_neither_issue_nor_revoke(client, cast: Cast):
    cert = await _issued(cast)
    await _as(client, "13700000004")
    token = await csrf_token(client, "/certificates/verify")
    data = {"csrf_token": token, **PERIOD}
    assert (await client.post(_page(cast), data=data)).status_code == 403
    at_b = f"/staff/{cast.centre_b.code}/volunteers/{cast.member.public_id}/certificates"
    assert (await client.post(at_b, data=data)).status_code == 404
    revoke = f"/staff/{cast.centre_b.code}/certificates/{cert.number}/revoke"
    assert (await client.post(revoke, data={"csrf_token": token, "reason": "x"})).status_code == 404
    assert await Certificate.all().count() == 1
    assert (await Certificate.get()).revoked_at is None


async def test_staff_revoke_a_certificate_giving_a_reason(client, cast: Cast):
    cert = await _issued(cast)
    await _as(client, "13700000003")
    token = await csrf_token(client, _page(cast))
    url = f"/staff/{cast.centre_a.code}/certificates/{cert.number}/revoke"
    refused = await client.post(url, data={"csrf_token": token, "reason": ""})
    assert refused.status_code == 422 and 'aria-invalid="true"' in refused.text
    done = await client.post(url, data={"csrf_token": token, "reason": "时长登记有误"})
    assert done.status_code == 303
    assert done.headers["location"] == f"{_page(cast)}?done=revoked&number={cert.number}"
    assert (await Certificate.get(id=cert.id)).revoked_at is not None
    shown = await client.get(done.headers["location"])
    assert "时长登记有误" in shown.text and f"/certificates/{cert.number}/revoke" not in shown.text
