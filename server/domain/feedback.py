"""Feedback on claims: residents rate the help they got, members say when they could not reach
the resident, staff record a member who did not come. Each kind once per claim.

How each feeds reliability (``Member.completed_count`` / ``no_show_count``, which matching's
reliability part reads):
- a member no-show recorded by staff counts one no-show, like a release past due; a claim still
  being worked on is released at once, so the sweep cannot count the same no-show again, and a
  claim the sweep has released already is refused (it was counted then);
- a resident no-show flagged by the member ends the claim as given back with the member's words:
  it is not held against the member (the sweep would otherwise release it as their no-show),
  and ``resident_no_shows`` counts it for the resident, for staff to see before they dispatch;
- a resident's rating (1..5) is kept per claim and added to ``Member.rating_count`` /
  ``rating_sum`` in the same transaction (matching's reliability part reads the average);
  ``ratings`` sums them per member within a window, for the unit report. The turning-up
  counters stay facts of turning up: a poor rating is not a no-show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F
from tortoise.functions import Count, Sum
from tortoise.transactions import in_transaction

from server.domain import claims, counter, needs, outbox
from server.domain.audit import Origin, record
from server.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from server.i18n import N_
from server.models.accounts import User
from server.models.members import Claim, ClaimStatus, Feedback, FeedbackKind, Member
from server.models.needs import Need

C, K = ClaimStatus, FeedbackKind
RATEABLE = frozenset({C.COMPLETED, C.CONFIRMED, C.VERIFIED})  # the help was given
RECORDED = frozenset({C.COMPLETED, C.CONFIRMED, C.VERIFIED})  # the member recorded the work


def parse_score(raw: object) -> int:
    """A whole score from 1 to 5, else ValidationFailed."""
    text = str(raw).strip()
    if not text.isdigit() or not 1 <= int(text) <= 5:
        message = N_("Choose a score from 1 to 5.")
        raise ValidationFailed(message, fields={"score": message})
    return int(text)


def _comment(text: str, *, required: bool) -> str:
    text = text.strip()[:500]
    if required and not text:
        message = N_("Please say what happened.")
        raise ValidationFailed(message, fields={"comment": message})
    return text


async def _once(conn: BaseDBAsyncClient, claim: Claim, kind: FeedbackKind) -> None:
    """Inside a transaction: refuse a second feedback of ``kind`` on the claim. PostgreSQL
    writers take turns per claim first (SQLite writers are serial already)."""
    if conn.capabilities.dialect == "postgres":
        await conn.execute_query(
            "SELECT pg_advisory_xact_lock(hashtext('doorstep.feedback'), $1)", [claim.id]
        )
    if await Feedback.filter(claim_id=claim.id, kind=kind).exists():
        raise Conflict(N_("This has been recorded for this claim already."))


async def _audit(user: User, claim: Claim, action: str, origin: Origin, **after: object) -> None:
    await record(
        user,
        action,
        origin,
        object_type="claim",
        object_id=claim.code,
        node_path=claim.task.node_path,
        after=dict(after),
    )


async def _need_of(claim: Claim) -> Need | None:
    return await Need.get_or_none(id=claim.task.need_id)  # type: ignore[attr-defined]


# The resident ---------------------------------------------------------------------------------


async def rate_help(
    user: User,
    claim: Claim,
    score: object,
    comment: str,
    origin: Origin,
    *,
    now: datetime | None = None,
) -> Feedback:
    """The person who asked for the help rates the member's work on it, once."""
    now = now or datetime.now(UTC)
    claim = await claims.fresh(claim)
    need = await _need_of(claim)
    if need is None or not needs.speaks_for_requester(user, need):
        raise PermissionDenied(N_("Only the person who asked for this help may rate it."))
    if claim.status not in RATEABLE:
        raise Conflict(N_("Help can be rated once the member has recorded it."))
    value = parse_score(score)
    text = _comment(comment, required=False)
    async with in_transaction() as conn:
        await _once(conn, claim, K.RESIDENT_RATING)
        row = await Feedback.create(
            claim=claim,
            member_id=claim.member.id,
            kind=K.RESIDENT_RATING,
            score=value,
            comment=text,
            author=user,
            created_at=now,
        )
        await Member.filter(id=claim.member.id).update(
            rating_count=F("rating_count") + 1, rating_sum=F("rating_sum") + value
        )
        await _audit(user, claim, "feedback.rate", origin, score=value)
    return row


async def help_to_rate(user: User | None, need: Need) -> list[tuple[Claim, Feedback | None]]:
    """For whoever speaks for the requester: each claim on ``need`` whose work is confirmed,
    with the rating given on it (None while not rated)."""
    if user is None or not needs.speaks_for_requester(user, need):
        return []
    done = await Claim.filter(task__need_id=need.id, status__in=[C.CONFIRMED, C.VERIFIED])
    given = await Feedback.filter(claim_id__in=[c.id for c in done], kind=K.RESIDENT_RATING)
    by_claim = {row.claim_id: row for row in given}  # type: ignore[attr-defined]
    return [(claim, by_claim.get(claim.id)) for claim in sorted(done, key=lambda c: c.id)]


async def claim_on(need: Need, code: str) -> Claim:
    """The claim ``code`` on the need's task, else NotFound: other needs' codes reveal nothing."""
    claim = await claims.claim_by_code(code)
    if claim.task.need_id != need.id:  # type: ignore[attr-defined]
        raise NotFound(N_("No claim has this code."))
    return claim


async def on_claim(claim: Claim) -> dict[str, Feedback]:
    """The feedback given on a claim by kind (each kind once at most), for staff to see."""
    return {row.kind.value: row for row in await Feedback.filter(claim_id=claim.id)}


async def latest_evaluation(member: Member) -> Feedback | None:
    """The community's latest evaluation of the member (the one a unit report takes)."""
    rows = Feedback.filter(member_id=member.id, kind=K.UNIT_EVALUATION)
    return await rows.order_by("-created_at", "-id").first()


@dataclass(frozen=True)
class Rating:
    count: int
    average: float


async def ratings(
    member_ids: list[int], since: datetime | None = None, until: datetime | None = None
) -> dict[int, Rating]:
    """Residents' ratings per member (given in [since, until) when told), for reports."""
    rows = Feedback.filter(member_id__in=member_ids, kind=K.RESIDENT_RATING)
    if since is not None:
        rows = rows.filter(created_at__gte=since)
    if until is not None:
        rows = rows.filter(created_at__lt=until)
    grouped = (
        await rows.annotate(n=Count("id"), total=Sum("score"))
        .group_by("member_id")
        .values("member_id", "n", "total")
    )
    return {r["member_id"]: Rating(r["n"], round(r["total"] / r["n"], 1)) for r in grouped}


# The member -----------------------------------------------------------------------------------


async def _end_claim(
    claim: Claim, status: ClaimStatus, reason: str, actor: User, now: datetime
) -> None:
    """End a claim still being worked on, whatever its due date; the place and need reopen."""
    changes = {"status": status, "active_key": None, "ended_reason": reason, "ended_at": now}
    rows = Claim.filter(id=claim.id, status__in=list(claims.WORKING))
    if await rows.update(**changes) != 1:
        raise Conflict(N_("This claim has moved on meanwhile; reload to see where it stands."))
    for key, value in changes.items():
        setattr(claim, key, value)
    await claims.free_place(claim.task, claim.member_id)  # type: ignore[attr-defined]
    await outbox.cancel("claim", claim.id, ["claim.reminder"])
    action = "release" if status == C.RELEASED else "give_back"
    await claims.settle_need(claim.task, action, actor, now, note=reason, data=claims.about(claim))


async def flag_resident_no_show(
    user: User, claim: Claim, comment: str, origin: Origin, *, now: datetime | None = None
) -> Feedback:
    """The claim's member could not reach the resident: the task goes back, not held against
    them, and the resident's record shows it."""
    now = now or datetime.now(UTC)
    claim = await claims.fresh(claim)
    claims.own(user, claim)
    if await _need_of(claim) is None:
        raise Conflict(N_("Only help asked for by a resident has a resident to miss."))
    if claim.status not in claims.WORKING:
        raise Conflict(N_("This claim has moved on meanwhile; reload to see where it stands."))
    text = _comment(comment, required=True)
    async with in_transaction() as conn:
        await _once(conn, claim, K.NO_SHOW_RESIDENT)
        await _end_claim(claim, C.RETURNED, text, user, now)
        row = await Feedback.create(
            claim=claim,
            member_id=claim.member.id,
            kind=K.NO_SHOW_RESIDENT,
            comment=text,
            author=user,
            created_at=now,
        )
        await _audit(user, claim, "feedback.resident_no_show", origin, comment=text)
    return row


async def resident_no_shows(user: User) -> int:
    """How often members could not reach this resident on help they asked for."""
    return await Feedback.filter(
        kind=K.NO_SHOW_RESIDENT, claim__task__need__requester_id=user.id
    ).count()


# Staff ----------------------------------------------------------------------------------------


async def record_member_no_show(
    staff: User, claim: Claim, comment: str, origin: Origin, *, now: datetime | None = None
) -> Feedback:
    """The member did not come: one no-show on their record, and a claim still open is released."""
    now = now or datetime.now(UTC)
    claim = await claims.fresh(claim)
    if claim.task.centre_id not in {c.id for c in await counter.centres_of(staff)}:  # type: ignore[attr-defined]
        raise PermissionDenied(N_("Only staff of the task's centre may record a no-show."))
    if await Feedback.exists(claim_id=claim.id, kind=K.MEMBER_NO_SHOW):  # a second press
        raise Conflict(N_("This has been recorded for this claim already."))
    if claim.status == C.RELEASED:
        raise Conflict(N_("This claim was released past due: the no-show is counted already."))
    if claim.status in RECORDED:
        raise Conflict(N_("The member recorded this work; the resident may dispute it instead."))
    text = _comment(comment, required=True)
    async with in_transaction() as conn:
        await _once(conn, claim, K.MEMBER_NO_SHOW)
        if claim.status in claims.WORKING:
            await _end_claim(claim, C.RELEASED, text, staff, now)
        await Member.filter(id=claim.member.id).update(no_show_count=F("no_show_count") + 1)
        row = await Feedback.create(
            claim=claim,
            member_id=claim.member.id,
            kind=K.MEMBER_NO_SHOW,
            comment=text,
            author=staff,
            created_at=now,
        )
        await _audit(staff, claim, "feedback.member_no_show", origin, comment=text)
    return row
