"""Volunteer service certificates: what they certify is the ledger with corrections applied, who
may issue and revoke them, the public check by number and code, and the PDF's Chinese text."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader
from tortoise.transactions import in_transaction

from server.domain import certificate_pdf, certificates, hours
from server.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from server.models.base import CODE_ALPHABET
from server.models.members import Certificate, HoursEntry, Member
from server.settings import Settings
from tests.cast import Cast
from tests.domain.claim_fixtures import NOW, WEB, member_of

D = Decimal
NOV = (date(2026, 11, 1), date(2026, 11, 30))


async def _member(cast: Cast) -> Member:
    member = await member_of(cast.member)
    member.real_name, member.member_no = "张小明", "DY20190815"
    await member.save(update_fields=["real_name", "member_no"])
    return member


async def _credit(member: Member, value: str, day: date, what: str = "周六作业辅导") -> HoursEntry:
    async with in_transaction():
        return await hours.credit(
            member,
            None,
            D(value),
            service_date=day,
            description=what,
            node_path="T/TD/TS/TA/TA1/",
            verified_by=None,
            verification="staff",
        )


async def _issued(cast: Cast, member: Member, **more) -> Certificate:  # type: ignore[no-untyped-def]
    await _credit(member, "2", date(2026, 11, 7))
    await _credit(member, "2.5", date(2026, 11, 21), "陪老人去医院")
    return await certificates.issue(cast.staff_a, member, *NOV, WEB, now=NOW, **more)


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


async def test_a_certificate_certifies_the_ledger_with_corrections_applied(cast: Cast):
    member = await _member(cast)
    kept = await _credit(member, "2", date(2026, 11, 1))
    corrected = await _credit(member, "3", date(2026, 11, 5), "社区环境整治")
    voided = await _credit(member, "1", date(2026, 11, 20), "重复登记")
    await _credit(member, "4", date(2026, 10, 31))  # the day before the period
    await _credit(member, "4", date(2026, 12, 1))  # the day after
    await hours.correct(cast.staff_a, corrected, "2.5", "少算半小时路程", WEB, now=NOW)
    await hours.correct(cast.staff_a, voided, "0", "重复登记，作废", WEB, now=NOW)
    cert = await certificates.issue(cast.staff_a, member, *NOV, WEB, now=NOW)
    assert [(i["date"], i["service"], i["hours"]) for i in cert.items] == [
        ("2026-11-01", "周六作业辅导", "2.00"),
        ("2026-11-05", "社区环境整治", "2.50"),
    ]
    in_period = await HoursEntry.filter(
        member_id=member.id, service_date__gte=NOV[0], service_date__lte=NOV[1]
    ).values_list("hours", flat=True)
    stored = await Certificate.get(id=cert.id)
    assert stored.total_hours == D("4.5") == sum(D(str(h)) for h in in_period)
    assert stored.items[0]["place"] == "甲社区第一网格" and kept.id
    assert re.fullmatch(r"DS-2026-\d{6}", stored.number)
    assert len(stored.verification_code) == 8 and set(stored.verification_code) <= set(
        CODE_ALPHABET
    )
    assert stored.issuing_node_id == cast.community_a.id  # type: ignore[attr-defined]


async def test_each_certificate_gets_its_own_number_and_code(cast: Cast):
    member = await _member(cast)
    first = await _issued(cast, member)
    second = await certificates.issue(cast.staff_a, member, *NOV, WEB, now=NOW)
    assert first.number != second.number and first.total_hours == second.total_hours
    assert [c.number for c in await certificates.certificates_of(member)] == [
        second.number,
        first.number,
    ]


async def test_staff_of_the_members_community_and_admins_above_issue(cast: Cast):
    member = await _member(cast)
    await _credit(member, "2", date(2026, 11, 7))
    by_admin = await certificates.issue(cast.street_admin, member, *NOV, WEB, now=NOW)
    at_a = await certificates.issue(cast.staff_a, member, *NOV, WEB, centre=cast.centre_a, now=NOW)
    assert by_admin.total_hours == at_a.total_hours == D(2)
    assert at_a.issuing_node_id == cast.centre_a.node_id  # type: ignore[attr-defined]
    for user in (cast.staff_b, cast.member, cast.resident):
        with pytest.raises(PermissionDenied):
            await certificates.issue(user, member, *NOV, WEB, now=NOW)
    with pytest.raises(PermissionDenied):  # staff of A naming a centre they do not work at
        await certificates.issue(cast.staff_a, member, *NOV, WEB, centre=cast.centre_b, now=NOW)
    assert await Certificate.all().count() == 2


@pytest.mark.parametrize(
    ("period", "field"),
    [((date(2026, 11, 1), date(2026, 12, 2)), "period_to"),
     ((date(2026, 11, 30), date(2026, 11, 1)), "period_to"),
     ((None, date(2026, 11, 30)), "period_from")],
)  # fmt: skip
async def test_a_period_must_be_whole_and_past(cast: Cast, period, field):
    member = await _member(cast)
    await _credit(member, "2", date(2026, 11, 7))
    with pytest.raises(ValidationFailed) as refused:
        await certificates.issue(cast.staff_a, member, *period, WEB, now=NOW)
    assert field in refused.value.fields


async def test_a_period_without_verified_hours_is_refused(cast: Cast):
    member = await _member(cast)
    voided = await _credit(member, "2", date(2026, 11, 7))
    await hours.correct(cast.staff_a, voided, "0", "误记", WEB, now=NOW)
    with pytest.raises(ValidationFailed):
        await certificates.issue(cast.staff_a, member, *NOV, WEB, now=NOW)
    assert await Certificate.all().count() == 0


async def test_anyone_verifies_with_the_number_and_code_and_sees_only_public_facts(cast: Cast):
    cert = await _issued(cast, await _member(cast))
    found = await certificates.verify(f" {cert.number.lower()} ", cert.verification_code.lower())
    assert (found.name, found.total_hours, found.issuer) == ("张*明", D("4.5"), "甲社区")
    assert (found.period_from, found.period_to, found.issued_on) == (*NOV, date(2026, 12, 1))
    assert found.valid and found.revoked_on is None
    assert "DY" not in repr(found) and "1370" not in repr(found)
    wrong = "2" * 8 if cert.verification_code != "2" * 8 else "3" * 8
    for number, code in [(cert.number, wrong), (cert.number, ""), ("DS-2026-999999", wrong)]:
        with pytest.raises(NotFound):
            await certificates.verify(number, code)


async def test_a_revoked_certificate_verifies_as_revoked(cast: Cast):
    cert = await _issued(cast, await _member(cast))
    with pytest.raises(ValidationFailed):
        await certificates.revoke(cast.staff_a, cert, "  ", WEB, now=NOW)
    with pytest.raises(PermissionDenied):
        await certificates.revoke(cast.staff_b, cert, "时长有误", WEB, now=NOW)
    await certificates.revoke(cast.staff_a, cert, "时长有误，重新出具", WEB, now=NOW)
    found = await certificates.verify(cert.number, cert.verification_code)
    assert not found.valid and found.revoked_on == date(2026, 12, 1)
    assert await certificates.revocation_reason(cert) == "时长有误，重新出具"
    with pytest.raises(Conflict):
        await certificates.revoke(cast.street_admin, cert, "再次撤销", WEB, now=NOW)


async def test_the_pdf_carries_every_field_in_chinese(cast: Cast, settings: Settings):
    cert = await _issued(cast, await _member(cast))
    pdf = await certificates.render_pdf(cert, settings)
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    text = _text(pdf)
    for shown in [
        "志愿服务证明",
        "张小明",
        "DY******15",  # the member number, masked
        "2026年11月1日至2026年11月30日",
        "4.5小时",
        "周六作业辅导",
        "陪老人去医院",
        "甲社区第一网格",
        "出具单位：甲社区",
        "出具日期：2026年12月1日",
        cert.number,
        f"验证码：{cert.verification_code}",
        "/certificates/verify?number=",
    ]:
        assert shown in text, shown
    assert "DY20190815" not in text and "已撤销" not in text


async def test_a_revoked_certificates_pdf_says_so_on_every_page(cast: Cast, settings):
    member = await _member(cast)
    for day in range(1, 31):
        await _credit(member, "1", date(2026, 11, day), "社区巡逻值守")
    cert = await certificates.issue(cast.staff_a, member, *NOV, WEB, now=NOW)
    await certificates.revoke(cast.staff_a, cert, "重新出具", WEB, now=NOW)
    reader = PdfReader(io.BytesIO(await certificates.render_pdf(cert, settings)))
    assert len(reader.pages) >= 2
    assert all("已撤销" in page.extract_text() for page in reader.pages)
    assert "30小时" in reader.pages[0].extract_text()


async def test_without_a_member_number_the_phone_is_shown_masked(cast: Cast):
    member = await member_of(cast.member)
    assert certificates.identity(member, cast.member) == ("手机号码", "13*******02")


def test_masks_keep_only_the_ends():
    assert certificates.mask_number("DY20190815") == "DY******15"
    assert [certificates.mask_number(t) for t in ("1234", "12", "")] == ["1***", "1*", ""]
    assert [certificates.mask_name(n) for n in ("张小明", "李四", "欧阳小明", "王")] == [
        "张*明",
        "李*",
        "欧**明",
        "王",
    ]


def test_a_missing_font_is_named_in_the_error(monkeypatch):
    monkeypatch.setattr(certificate_pdf, "FONT_PATHS", ("/nonexistent/font.ttc",))
    certificate_pdf.cjk_font.cache_clear()
    try:
        with pytest.raises(certificate_pdf.FontMissing, match="fonts-wqy-microhei"):
            certificate_pdf.cjk_font()
    finally:
        certificate_pdf.cjk_font.cache_clear()
