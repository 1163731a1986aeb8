"""Centre staff and volunteers' records: review of report-ins to the centre's area, the lists of
verified and lapsed members, one member's record with its hours ledger (staff correct an entry
by appending a correction, never by editing it) and the community's evaluation for the unit
report. A claim's recorded work and its verification are in ``staff_claims``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from tortoise.functions import Count

from server import i18n
from server.domain import (
    claims,
    counter,
    feedback,
    hours,
    members,
    pledges,
    unit_reports,
)
from server.domain.errors import DomainError, NotFound
from server.i18n import N_
from server.models.accounts import User
from server.models.members import Claim, ClaimStatus, Feedback, HoursEntry, Member, MemberStatus
from server.models.places import Centre
from server.settings import get as get_settings
from server.templating import render
from server.web.auth import origin_of, require_user
from server.web.forms import form_fields

TABS = ("pending", "verified", "lapsed")
MEMBER_STATUS = {
    "pending": N_("Waiting for review"),
    "verified": N_("Verified"),
    "declined": N_("Not approved"),
    "lapsed": N_("Lapsed"),
}
CLAIM_STATUS = {
    "claimed": N_("Claimed"),
    "in_progress": N_("In progress"),
    "completed": N_("Recorded by the member"),
    "confirmed": N_("Confirmed, waiting for staff"),
    "disputed": N_("Disputed"),
    "verified": N_("Verified, hours credited"),
    "released": N_("Released, past due"),
    "returned": N_("Given back"),
}
VERIFICATION = {
    "staff": N_("verified by staff"),
    "resident+staff": N_("confirmed by the resident, verified by staff"),
    "auto_confirmed+staff": N_("confirmed automatically, verified by staff"),
    "correction": N_("correction by staff"),
}
DONE = {
    "approved": N_("Report-in approved: the member has been told."),
    "declined": N_("Report-in declined: the member has been told why."),
    "corrected": N_("Correction added to the ledger."),
    "verified": N_("Verified: the hours are credited and the member has been told."),
    "no_show": N_("Recorded: one no-show on the member's record."),
    "evaluated": N_("Evaluation saved for the unit's next quarterly report."),
}
SCORES = {  # the grades of the unit report (unit_reports.GRADE)
    5: N_("5 — excellent"),
    4: N_("4 — good"),
    3: N_("3 — satisfactory"),
    2: N_("2 — basically satisfactory"),
    1: N_("1 — unsatisfactory"),
}
NO_ENTRY = N_("This member's record has no such entry.")
# Claims staff may record as a no-show: still being worked on, or given back (too late, perhaps).
NO_SHOW_STATUSES = claims.WORKING | {ClaimStatus.RETURNED}


async def centre_of(request: Request) -> Centre:
    return await counter.require_counter(require_user(request), request.path_params["centre"])


def _today(centre: Centre) -> date:
    return datetime.now(UTC).astimezone(ZoneInfo(centre.time_zone)).date()


def done_text(request: Request) -> str:
    key = request.query_params.get("done", "")
    return i18n.gettext(DONE[key]) if key in DONE else ""


async def _member(request: Request, centre: Centre) -> Member:
    """The member of the address, if the user may review them and they live in the centre's area."""
    found = await members.member_for_review(require_user(request), request.path_params["member"])
    if not found.node_path.startswith(centre.node_path):
        raise NotFound(N_("No member here has reported in under this account."))
    return found


# The lists ------------------------------------------------------------------------------------


async def _rows(user: User, centre: Centre, tab: str) -> list[Member]:
    if tab == "pending":  # those this user may review, in this centre's area
        mine = await members.pending_for(user)
        return [m for m in mine if m.node_path.startswith(centre.node_path)]
    return await members.members_of(centre, MemberStatus(tab))


async def _counts(user: User, centre: Centre, pending: int | None) -> dict[str, int]:
    """How many members each tab holds (the pending count is of those the user may review)."""
    area = Member.filter(node_path__startswith=centre.node_path, status__in=TABS[1:])
    grouped = area.annotate(n=Count("id")).group_by("status").values_list("status", "n")
    counts = {**dict.fromkeys(TABS[1:], 0), **{str(s): n for s, n in await grouped}}
    counts["pending"] = (
        pending if pending is not None else len(await _rows(user, centre, "pending"))
    )
    return counts


async def _list_context(request: Request, centre: Centre, tab: str) -> dict[str, Any]:
    user = require_user(request)
    tab = tab if tab in TABS else "pending"
    rows = await _rows(user, centre, tab)
    return {
        "centre": centre,
        "tab": tab,
        "rows": rows,
        "counts": await _counts(user, centre, len(rows) if tab == "pending" else None),
        "today": _today(centre),
        "statuses": MEMBER_STATUS,
        "done": done_text(request),
        "errors": {},
        "values": {},
    }


async def list_page(request: Request) -> Response:
    centre = await centre_of(request)
    context = await _list_context(request, centre, request.query_params.get("tab", "pending"))
    return render(request, "staff/volunteers.html", context, block="board")


async def review(request: Request) -> Response:
    """Approve or decline one report-in; back to the list (or the member's page) after."""
    user = require_user(request)
    centre = await centre_of(request)
    member = await _member(request, centre)
    form = await form_fields(request)
    approve = form.get("decision") == "approve"
    back = f"/staff/{centre.code}/volunteers"
    if form.get("from") == "member":
        back += f"/{member.user.public_id}"
    try:
        await members.review(
            user, member, approve, form.get("reason", ""), get_settings(), origin_of(request)
        )
    except DomainError as error:
        text = i18n.gettext(error.message, **error.params)
        public_id = member.user.public_id
        if form.get("from") == "member":
            return await _member_page(
                request, centre, member, review_error=text, status=error.status
            )
        context = await _list_context(request, centre, "pending")
        context.update(errors={public_id: text}, values={public_id: form.get("reason", "")})
        return render(request, "staff/volunteers.html", context, block="board", status=error.status)
    done = "approved" if approve else "declined"
    return RedirectResponse(f"{back}?tab=pending&done={done}", status_code=303)


# One member -----------------------------------------------------------------------------------


@dataclass
class Line:
    """A credit in the ledger with the corrections that point at it, and what it counts now."""

    entry: HoursEntry
    corrections: list[HoursEntry] = field(default_factory=list)
    correctable: bool = False

    @property
    def counts(self) -> Decimal:
        return Decimal(str(self.entry.hours)) + sum(
            (Decimal(str(c.hours)) for c in self.corrections), Decimal(0)
        )


async def ledger(user: User, member: Member) -> list[Line]:
    """The member's entries as originals, each with its corrections (in the order made)."""
    rows = await hours.entries(member)
    lines = {r.id: Line(r) for r in rows if r.corrects_id is None}  # type: ignore[attr-defined]
    for row in rows:
        if row.corrects_id is not None:  # type: ignore[attr-defined]
            lines[row.corrects_id].corrections.append(row)  # type: ignore[attr-defined]
    allowed = await hours.correctable(user, [line.entry for line in lines.values()])
    for line in lines.values():
        line.correctable = line.entry.id in allowed
    return list(lines.values())


async def _people(lines: list[Line]) -> dict[int, User]:
    """The staff who verified or corrected entries, by id (for their names)."""
    ids = {e.verified_by_id for line in lines for e in (line.entry, *line.corrections)}  # type: ignore[attr-defined]
    return {u.id: u for u in await User.filter(id__in=[i for i in ids if i])}


async def _member_page(
    request: Request,
    centre: Centre,
    member: Member,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    entry_id: int | None = None,
    review_error: str = "",
    evaluation: dict[str, Any] | None = None,
    status: int = 200,
) -> Response:
    user = require_user(request)
    lines = await ledger(user, member)
    latest = await feedback.latest_evaluation(member)
    claims = (
        await Claim.filter(member_id=member.id)
        .select_related("task", "task__centre")
        .order_by("-claimed_at", "-id")
        .limit(50)
    )
    context = {
        "centre": centre,
        "member": member,
        "pledge": await pledges.active_pledge(member, _today(centre)),
        "claims": claims,
        "claim_statuses": CLAIM_STATUS,
        "verification": VERIFICATION,
        "statuses": MEMBER_STATUS,
        "lines": lines,
        "people": await _people(lines),
        "total": sum((line.counts for line in lines), Decimal(0)),
        "today": _today(centre),
        "done": done_text(request),
        "fields": errors or {},
        "values": values or {},
        "entry_id": entry_id,
        "review_error": review_error,
        "evaluation": latest,
        "evaluated_for": _quarter(latest, centre),
        "scores": SCORES,
        "evaluation_form": evaluation or {"errors": {}, "given": {}},
    }
    return render(request, "staff/volunteers_member.html", context, status=status)


def _quarter(evaluation: Feedback | None, centre: Centre) -> dict[str, int]:
    """The quarter whose unit report an evaluation goes into, as {"year": .., "quarter": ..}."""
    if evaluation is None:
        return {}
    q = unit_reports.evaluation_quarter(evaluation.created_at, ZoneInfo(centre.time_zone))
    return {"year": q.year, "quarter": q.number}


async def member_page(request: Request) -> Response:
    centre = await centre_of(request)
    return await _member_page(request, centre, await _member(request, centre))


async def correct(request: Request) -> Response:
    """Set an entry's hours to a new value with a reason: a correction entry is appended."""
    user = require_user(request)
    centre = await centre_of(request)
    member = await _member(request, centre)
    form = await form_fields(request)
    raw = form.get("entry", "")
    known = raw.isascii() and raw.isdigit() and len(raw) < 10  # an id, not a number to fail on
    entry = await HoursEntry.get_or_none(id=int(raw), member_id=member.id) if known else None
    if entry is None:
        raise NotFound(NO_ENTRY)
    try:
        await hours.correct(
            user, entry, form.get("hours", ""), form.get("reason", ""), origin_of(request)
        )
    except DomainError as error:
        fields = error.fields or {"hours": error.message}
        return await _member_page(
            request,
            centre,
            member,
            errors={k: i18n.gettext(v, **error.params) for k, v in fields.items()},
            values=form,
            entry_id=entry.id,
            status=error.status,
        )
    target = f"/staff/{centre.code}/volunteers/{member.user.public_id}"
    return RedirectResponse(f"{target}?done=corrected#ledger", status_code=303)


async def evaluate(request: Request) -> Response:
    """The community's evaluation of the member (a score and a comment) for the unit report."""
    user = require_user(request)
    centre = await centre_of(request)
    member = await _member(request, centre)
    form = await form_fields(request)
    try:
        await unit_reports.evaluate(
            user, member, form.get("score", ""), form.get("comment", ""), origin_of(request)
        )
    except DomainError as error:
        errors = {k: i18n.gettext(v) for k, v in error.fields.items()} or {
            "form": i18n.gettext(error.message, **error.params)
        }
        given = {"score": form.get("score", ""), "comment": form.get("comment", "")}
        evaluation = {"errors": errors, "given": given}
        return await _member_page(
            request, centre, member, evaluation=evaluation, status=error.status
        )
    target = f"/staff/{centre.code}/volunteers/{member.user.public_id}"
    return RedirectResponse(f"{target}?done=evaluated#evaluation", status_code=303)


routes = [
    Route("/staff/{centre}/volunteers", list_page, methods=["GET"], name="staff_volunteers"),
    Route(
        "/staff/{centre}/volunteers/{member}",
        member_page,
        methods=["GET"],
        name="staff_volunteer",
    ),
    Route(
        "/staff/{centre}/volunteers/{member}/review",
        review,
        methods=["POST"],
        name="staff_volunteer_review",
    ),
    Route(
        "/staff/{centre}/volunteers/{member}/hours",
        correct,
        methods=["POST"],
        name="staff_volunteer_correct",
    ),
    Route(
        "/staff/{centre}/volunteers/{member}/evaluation",
        evaluate,
        methods=["POST"],
        name="staff_volunteer_evaluate",
    ),
]
