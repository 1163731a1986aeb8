"""Feedback in the pages without JavaScript: the resident rates a volunteer's confirmed help,
the member says the resident was not there, staff record a member who did not come and write
the community's evaluation; each only by whom it belongs to, once where it counts once."""

from __future__ import annotations

import httpx

from server.domain import claim_completion
from server.models.audit import AuditEntry
from server.models.members import Claim, ClaimStatus, Feedback, FeedbackKind, Member, Task
from server.models.needs import Need, NeedStatus
from server.settings import Settings
from tests.cast import PASSWORD, Cast
from tests.conftest import csrf_token, login
from tests.domain.claim_fixtures import (
    HOUR,
    NOW,
    WEB,
    claim_at,
    complete_at,
    make_task,
    member_user,
    wish_task,
)

K = FeedbackKind
A = "/staff/CENTREA"
B = "/staff/CENTREB"


async def _as(client: httpx.AsyncClient, phone: str) -> None:
    client.cookies.clear()
    await login(client, phone, PASSWORD)


async def _post(client: httpx.AsyncClient, path: str, data: dict[str, str]) -> httpx.Response:
    token = await csrf_token(client, "/account")
    return await client.post(path, data={"csrf_token": token, **data})


async def _claimed(cast: Cast, settings: Settings) -> Claim:
    return await claim_at(cast, settings, await wish_task(cast))


async def _confirmed(cast: Cast, settings: Settings) -> Claim:
    claim = await complete_at(cast, settings, await _claimed(cast, settings))
    return await claim_completion.confirm(cast.resident, claim, settings, WEB, now=NOW + 3 * HOUR)


async def _need_of(claim: Claim) -> Need:
    task = await Task.get(id=claim.task.id)
    return await Need.get(id=task.need_id)  # type: ignore[attr-defined]


async def _record(user_phone: str) -> Member:
    return await Member.get(user__phone=user_phone)


# The resident rates the help ------------------------------------------------------------------


async def test_the_resident_rates_confirmed_help_once_and_sees_the_rating(client, cast, settings):
    claim = await _confirmed(cast, settings)
    need = await _need_of(claim)
    await _as(client, cast.resident.phone)
    page = await client.get(f"/needs/{need.code}")
    action = f"/needs/{need.code}/claims/{claim.code}/rate"
    assert page.status_code == 200 and f'action="{action}"' in page.text
    assert page.text.count('type="radio" name="score"') == 5  # five labelled stars

    blank = await _post(client, action, {"comment": "很好"})
    assert blank.status_code == 422 and "请选择 1 到 5 分。" in blank.text
    assert 'id="e-score-' in blank.text and ">很好</textarea>" in blank.text
    assert await Feedback.all().count() == 0

    sent = await _post(client, action, {"score": "4", "comment": "来得很准时"})
    assert sent.status_code == 303
    assert sent.headers["location"] == f"/needs/{need.code}?done=help_rated#help-{claim.code}"
    row = await Feedback.get(claim_id=claim.id)
    assert (row.kind, row.score, row.comment) == (K.RESIDENT_RATING, 4, "来得很准时")
    member = await _record(cast.member.phone)
    assert (member.rating_count, member.rating_sum) == (1, 4)
    shown = await client.get(sent.headers["location"])
    assert f'action="{action}"' not in shown.text  # rated: the form gives way to the rating
    assert "★★★★☆" in shown.text and "来得很准时" in shown.text

    twice = await _post(client, action, {"score": "1"})
    assert twice.status_code == 409 and "该认领已登记过此项内容。" in twice.text
    member = await _record(cast.member.phone)
    assert (member.rating_count, member.rating_sum) == (1, 4)


async def test_help_not_yet_confirmed_has_no_rating_form(client, cast, settings):
    claim = await complete_at(cast, settings, await _claimed(cast, settings))
    need = await _need_of(claim)
    await _as(client, cast.resident.phone)
    page = await client.get(f"/needs/{need.code}")
    assert page.status_code == 200 and f"/claims/{claim.code}/rate" not in page.text


async def test_only_the_requester_rates_and_other_needs_claims_are_not_found(
    client, cast, settings
):
    claim = await _confirmed(cast, settings)
    need = await _need_of(claim)
    action = f"/needs/{need.code}/claims/{claim.code}/rate"
    await _as(client, cast.staff_a.phone)
    page = await client.get(f"/needs/{need.code}")
    assert page.status_code == 200 and f'action="{action}"' not in page.text
    refused = await _post(client, action, {"score": "5"})
    assert refused.status_code == 403 and "只有提出该需求的居民才能评价。" in refused.text
    await _as(client, cast.resident.phone)
    other = await _claimed(cast, settings)
    elsewhere = await _post(client, f"/needs/{need.code}/claims/{other.code}/rate", {"score": "5"})
    assert elsewhere.status_code == 404
    assert await Feedback.all().count() == 0
    assert (await _record(cast.member.phone)).rating_count == 0


# The member: the resident was not there --------------------------------------------------------


async def test_the_member_flags_a_resident_no_show_which_ends_the_claim(client, cast, settings):
    claim = await _claimed(cast, settings)
    page_path = f"/me/claims/{claim.code}"
    await _as(client, cast.member.phone)
    page = await client.get(page_path)
    assert page.status_code == 200 and f'action="{page_path}/no-show"' in page.text

    empty = await _post(client, f"{page_path}/no-show", {"comment": "  "})
    assert empty.status_code == 422 and "请说明具体情况。" in empty.text
    assert (
        'id="e-comment"' in empty.text and '<details class="card" id="no-show" open' in empty.text
    )
    assert (await Claim.get(id=claim.id)).status == ClaimStatus.CLAIMED

    sent = await _post(client, f"{page_path}/no-show", {"comment": "敲门无人，电话未接"})
    assert sent.status_code == 303 and sent.headers["location"] == f"{page_path}?done=no_show"
    ended = await Claim.get(id=claim.id)
    assert (ended.status, ended.ended_reason) == (ClaimStatus.RETURNED, "敲门无人，电话未接")
    assert await Feedback.filter(claim_id=claim.id, kind=K.NO_SHOW_RESIDENT).count() == 1
    member = await _record(cast.member.phone)
    assert (member.no_show_count, member.rating_count) == (0, 0)  # not held against them
    shown = await client.get(sent.headers["location"])
    assert f"{page_path}/no-show" not in shown.text

    twice = await _post(client, f"{page_path}/no-show", {"comment": "又来了一次"})
    assert twice.status_code == 409
    assert await Feedback.filter(claim_id=claim.id).count() == 1


async def test_someone_elses_claim_is_not_found_and_a_project_has_no_resident(
    client, cast, settings
):
    claim = await _claimed(cast, settings)
    other = await member_user(cast, "13900000077")
    other.password_hash = cast.member.password_hash
    await other.save(update_fields=["password_hash"])
    await _as(client, other.phone)
    stranger = await _post(client, f"/me/claims/{claim.code}/no-show", {"comment": "没人"})
    assert stranger.status_code == 404
    await _as(client, cast.member.phone)
    project = await claim_at(cast, settings, await make_task(cast))
    page = await client.get(f"/me/claims/{project.code}")
    assert page.status_code == 200 and "/no-show" not in page.text
    refused = await _post(client, f"/me/claims/{project.code}/no-show", {"comment": "没人"})
    assert refused.status_code == 409
    assert await Feedback.all().count() == 0
    assert (await Claim.get(id=claim.id)).status == ClaimStatus.CLAIMED


# Staff: the volunteer did not come -------------------------------------------------------------


async def test_staff_record_a_member_no_show_once(client, cast, settings):
    claim = await _claimed(cast, settings)
    path = f"{A}/claims/{claim.code}"
    await _as(client, cast.staff_a.phone)
    page = await client.get(path)
    assert page.status_code == 200 and f'action="{path}/no-show"' in page.text

    empty = await _post(client, f"{path}/no-show", {"comment": ""})
    assert empty.status_code == 422 and "请说明具体情况。" in empty.text
    assert (await _record(cast.member.phone)).no_show_count == 0

    sent = await _post(client, f"{path}/no-show", {"comment": "约定时间未到场，也未联系"})
    assert sent.status_code == 303 and sent.headers["location"] == f"{path}?done=no_show"
    assert (await _record(cast.member.phone)).no_show_count == 1
    released = await Claim.get(id=claim.id)
    assert released.status == ClaimStatus.RELEASED
    need = await _need_of(claim)
    assert need.status == NeedStatus.OPEN_FOR_CLAIM  # back for someone else
    shown = await client.get(sent.headers["location"])
    assert f'action="{path}/no-show"' not in shown.text and "约定时间未到场" in shown.text

    twice = await _post(client, f"{path}/no-show", {"comment": "再记一次"})
    assert twice.status_code == 409 and "该认领已登记过此项内容。" in twice.text
    assert (await _record(cast.member.phone)).no_show_count == 1


async def test_staff_of_another_centre_cannot_record_a_no_show(client, cast, settings):
    claim = await _claimed(cast, settings)
    await _as(client, cast.staff_b.phone)
    through_a = await _post(client, f"{A}/claims/{claim.code}/no-show", {"comment": "未到场"})
    assert through_a.status_code == 403
    through_b = await _post(client, f"{B}/claims/{claim.code}/no-show", {"comment": "未到场"})
    assert through_b.status_code == 404
    await _as(client, cast.resident.phone)
    resident = await _post(client, f"{A}/claims/{claim.code}/no-show", {"comment": "未到场"})
    assert resident.status_code == 403
    assert (await _record(cast.member.phone)).no_show_count == 0
    assert await Feedback.all().count() == 0


async def test_recorded_work_has_no_no_show_form_and_refuses_one(client, cast, settings):
    claim = await complete_at(cast, settings, await _claimed(cast, settings))
    path = f"{A}/claims/{claim.code}"
    await _as(client, cast.staff_a.phone)
    assert f"{path}/no-show" not in (await client.get(path)).text
    refused = await _post(client, f"{path}/no-show", {"comment": "未到场"})
    assert refused.status_code == 409 and 'role="alert"' in refused.text
    assert (await _record(cast.member.phone)).no_show_count == 0


# Staff: the community's evaluation ------------------------------------------------------------


async def test_staff_evaluate_a_member_and_see_the_latest_evaluation(client, cast, settings):
    path = f"{A}/volunteers/{cast.member.public_id}"
    await _as(client, cast.staff_a.phone)
    page = await client.get(path)
    assert page.status_code == 200 and f'action="{path}/evaluation"' in page.text

    wrong = await _post(client, f"{path}/evaluation", {"score": "7", "comment": "很积极"})
    assert wrong.status_code == 422 and "请选择 1 到 5 分。" in wrong.text
    assert ">很积极</textarea>" in wrong.text and await Feedback.all().count() == 0

    for score, comment in (("3", "一般"), ("5", "积极参与社区服务")):
        sent = await _post(client, f"{path}/evaluation", {"score": score, "comment": comment})
        assert sent.status_code == 303
        assert sent.headers["location"] == f"{path}?done=evaluated#evaluation"
    rows = await Feedback.filter(kind=K.UNIT_EVALUATION).order_by("id")
    assert [(r.score, r.comment, r.author_id) for r in rows] == [  # type: ignore[attr-defined]
        (3, "一般", cast.staff_a.id),
        (5, "积极参与社区服务", cast.staff_a.id),
    ]
    shown = await client.get(path)
    assert "积极参与社区服务" in shown.text and "一般" not in shown.text  # the latest only
    assert await AuditEntry.filter(action="member.evaluate").count() == 2


async def test_only_staff_of_the_members_community_evaluate(client, cast, settings):
    path = f"/volunteers/{cast.member.public_id}/evaluation"
    await _as(client, cast.staff_b.phone)
    assert (await _post(client, f"{A}{path}", {"score": "5"})).status_code == 403
    assert (await _post(client, f"{B}{path}", {"score": "5"})).status_code == 404
    await _as(client, cast.member.phone)
    assert (await _post(client, f"{A}{path}", {"score": "5"})).status_code == 403
    assert await Feedback.all().count() == 0


async def test_the_record_page_shows_the_residents_average_rating(client, cast):
    path = f"{A}/volunteers/{cast.member.public_id}"
    await _as(client, cast.staff_a.phone)
    assert "4.7" not in (await client.get(path)).text
    await Member.filter(user_id=cast.member.id).update(rating_count=3, rating_sum=14)
    record = await client.get(path)
    assert record.status_code == 200 and "4.7" in record.text
