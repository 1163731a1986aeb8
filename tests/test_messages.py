"""Every event has message texts that render in both languages; plain parts are not escaped."""

from __future__ import annotations

import pytest

from server.domain.events import EVENTS
from server.messages import render

BOOKING = {
    "code": "ABCD2345",
    "service": "居住证明开具",
    "service_en": "Proof of residence",
    "centre": "望江社区党群服务中心",
    "centre_en": "Wangjiang Community Centre",
    "address": "滨江路1号",
    "phone": "027-86001234",
    "start": "2026-12-02T01:00:00+00:00",
    "tz": "Asia/Shanghai",
    "time": "12-02 09:00",
    "for_name": "王奶奶",
    "before_minutes": 120,
    "materials": [
        {
            "name": "居民身份证",
            "name_en": "Resident ID card",
            "form": "original_and_copy",
            "count": 1,
            "note": "",
            "condition": "",
        },
        {
            "name": "授权委托书",
            "name_en": "",
            "form": "original",
            "count": 2,
            "note": "",
            "condition": "代办时提供",
        },
    ],
}
CLAIM = {
    "task": "周六作业辅导",
    "code": "C2345678",
    "due": "12-08 10:00",
    "due_at": "2026-12-08T02:00:00+00:00",
    "tz": "Asia/Shanghai",
    "url": "http://testserver/me/claims/C2345678",
}
SAMPLES = {
    "account.welcome": {"name": "A&B"},
    "account.password_changed": {"phone": "13800000001", "time": "2026-11-21 10:00"},
    **{name: BOOKING for name in EVENTS if name.startswith("booking.")},
    "need.updated": {
        "code": "N2345678",
        "title": "3号楼楼道灯坏了",
        "status": "resolved",
        "note": "已更换灯泡",
        "url": "http://testserver/needs/N2345678",
    },
    **{
        name: {
            "code": "N2345678",
            "title": "3号楼楼道灯坏了",
            "centre": "望江社区党群服务中心",
            "centre_en": "Wangjiang Community Centre",
            "due": "2026-12-02T01:00:00+00:00",
            "tz": "Asia/Shanghai",
            "url": "http://testserver/staff/CENTREA/needs/N2345678",
        }
        for name in ("need.late", "need.supervision")
    },
    "need.dissatisfied": {
        "code": "N2345678",
        "title": "3号楼楼道灯坏了",
        "centre": "望江社区党群服务中心",
        "centre_en": "Wangjiang Community Centre",
        "comment": "灯还是不亮",
        "url": "http://testserver/staff/CENTREA/needs/N2345678",
    },
    "member.reviewed": {
        "name": "李晓雯",
        "community": "望江社区",
        "community_en": "Wangjiang Community",
        "decision": "declined",
        "reason": "未查到该党员的组织关系 A&B",
        "until": "",
        "url": "http://testserver/account",
    },
    "member.reconfirm": {
        "name": "李晓雯",
        "community": "望江社区",
        "community_en": "Wangjiang Community",
        "until": "2027-06-01",
        "lapsed": False,
        "url": "http://testserver/account",
    },
    "claim.reminder": CLAIM,
    "claim.released": {**CLAIM, "reason": "Past due without progress."},
    "claim.released_staff": {
        **CLAIM,
        "reason": "Past due without progress.",
        "member": "李红",
        "centre": "望江社区党群服务中心",
        "centre_en": "Wangjiang Community Centre",
        "url": "http://testserver/staff/CENTREA/claims/C2345678",
    },
    "claim.completed": {
        "task": "想要一副老花镜",
        "code": "N2345678",
        "title": "想要一副老花镜",
        "note": "陪老人去配了眼镜",
        "url": "http://testserver/needs/N2345678",
    },
    "hours.credited": {
        "hours": "1.5",
        "task": "周六作业辅导",
        "total": "12.5",
        "url": "http://testserver/me/hours",
    },
    "task.invited": {
        "code": "T2345678",
        "task": "周六上午辅导小学数学",
        "centre": "望江社区党群服务中心",
        "centre_en": "Wangjiang Community Centre",
        "start": "2026-12-05T01:00:00+00:00",
        "tz": "Asia/Shanghai",
        "reasons": [
            {
                "reason": "Pledged skills asked: %(matched)d of %(asked)d",
                "params": {"matched": 1, "asked": 1, "skills": ["tutoring"]},
            },
            {"reason": "Lives in the same grid", "params": {}},
        ],
        "url": "http://testserver/me/invitations/I2345678",
    },
    "booking.cancelled_by_centre": {
        **BOOKING,
        "reason": "设备检修",
        "rebook_url": "http://testserver/services/S2345678",
    },
}


def test_every_event_has_a_sample_here():
    assert set(SAMPLES) == set(EVENTS)


@pytest.mark.parametrize("event", sorted(EVENTS))
@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_every_event_renders_all_four_parts(event, language):
    message = render(event, language, SAMPLES[event])
    assert message.subject and message.text and message.html and message.sms
    assert "\n" not in message.subject and "&amp;" not in message.text


def test_booking_messages_list_the_materials_in_the_readers_language():
    zh = render("booking.reminder", "zh-CN", BOOKING)
    assert "请携带：" in zh.text
    assert "居民身份证 (原件及复印件)" in zh.text and "授权委托书 (原件 ×2) — 代办时提供" in zh.text
    assert "2026/12/2 09:00" in zh.text  # 01:00 UTC is 09:00 in Shanghai
    en = render("booking.reminder", "en", BOOKING)
    assert "Resident ID card (original and copy)" in en.text and "9:00" in en.text
    assert "<li>" in en.html
