"""Exports (xlsx) of bookings, needs and volunteer hours for a scope and a period.

Scope: an admin exports their node's subtree; centre staff (and admins above the centre) one
centre. Period: a month ("2026-11") or a year ("2026"), from local midnight in the scope's
time zone (the centre's, or the configured one for a subtree); hours go by their service date.

Small exports (up to ``STREAM_LIMIT`` rows) are built at once and downloaded. Larger ones are
a ``JobRun`` row (kind "export.<what>", owner, params, done/total for the progress fragment)
built by the worker into ``<media>/exports/<public id>.xlsx``. A finished file is fetched only
by the person who asked for it, and only while they still hold the same scope (checked again
on every fetch); ``sweep`` deletes files and rows after ``KEEP``.

Privacy: names, phones, addresses and free text about residents appear only in a centre's
export asked for by staff of that centre (a staff grant on it), never in a subtree's export
and never for admins above the centre, as on the need pages (issue 5). Volunteers' names,
units and hours are part of the service ledger and are in every hours export; their phones
are in none. Every export, and each download of a built file, is written to the audit log.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from server import queue
from server.domain import counter, export_sheets, scopes
from server.domain.audit import Origin, record
from server.domain.errors import NotFound, ValidationFailed
from server.domain.slots import at_local
from server.i18n import N_
from server.models.accounts import Role, RoleGrant, User
from server.models.bookings import Booking
from server.models.jobs import JobRun, JobStatus
from server.models.members import HoursEntry
from server.models.needs import Need
from server.settings import Settings

log = logging.getLogger(__name__)
STREAM_LIMIT = 5000  # rows; more go through the worker
KEEP = timedelta(hours=24)
STALE_QUEUED = timedelta(minutes=2)  # Redis lost the wake-up: enqueue again
STALE_RUNNING = timedelta(hours=1)  # the worker died mid-way: tell the person to start again
KINDS = ("bookings", "needs", "hours")
JOB = "build_export"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Scope:
    """What an export covers: a node's subtree or one centre, and who sees private columns."""

    level: str  # "node" or "centre"
    code: str
    path: str  # the node's path, or the centre's node_path
    label: str  # in file names: the node's path as "SH-HP", or the centre's code
    time_zone: str
    private: bool = False
    centre_id: int | None = None


@dataclass(frozen=True)
class Period:
    text: str  # "2026-11" or "2026"
    first: date
    last: date  # inclusive


@dataclass
class Started:
    """A small export's file at once, or the job building a large one."""

    filename: str
    rows: int
    content: bytes | None = None
    job: JobRun | None = None


def parse_period(raw: str) -> Period:
    text = raw.strip()
    try:
        if len(text) == 7:
            first = date(int(text[:4]), int(text[5:7]), 1)
            after = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        elif len(text) == 4:
            first, after = date(int(text), 1, 1), date(int(text) + 1, 1, 1)
        else:
            raise ValueError(text)
    except ValueError:
        message = N_("Choose a month such as 2026-11, or a year.")
        raise ValidationFailed(message, fields={"period": message}) from None
    return Period(text, first, after - timedelta(days=1))


def parse_kind(raw: str) -> str:
    if raw not in KINDS:
        message = N_("Choose what to export.")
        raise ValidationFailed(message, fields={"kind": message})
    return raw


def parse_request(kind: str, period: str) -> tuple[str, Period]:
    """What and when, with every problem reported at once."""
    errors: dict[str, str] = {}
    checks: tuple[tuple[Callable[[str], object], str], ...] = (
        (parse_kind, kind),
        (parse_period, period),
    )
    for parse, raw in checks:
        try:
            parse(raw)
        except ValidationFailed as refused:
            errors.update(refused.fields)
    if errors:
        raise ValidationFailed(N_("Please correct the marked fields."), fields=errors)
    return kind, parse_period(period)


async def node_scope(user: User, node_code: str, settings: Settings) -> Scope:
    node = await scopes.require_node_admin(user, node_code)
    label = node.path.rstrip("/").replace("/", "-")
    return Scope("node", node.code, node.path, label, settings.time_zone)


async def centre_scope(user: User, centre_code: str) -> Scope:
    centre = await counter.require_counter(user, centre_code)
    staff = await RoleGrant.filter(user=user, role=Role.STAFF, centre_id=centre.id).exists()
    return Scope(
        "centre", centre.code, centre.node_path, centre.code, centre.time_zone, staff, centre.id
    )


def _window(scope: Scope, period: Period) -> tuple[datetime, datetime]:
    start = at_local(period.first, 0, scope.time_zone)
    return start, at_local(period.last + timedelta(days=1), 0, scope.time_zone)


async def row_ids(kind: str, scope: Scope, period: Period) -> list[int]:
    """The ids of the rows an export holds, in the order of the sheet."""
    start, end = _window(scope, period)
    own = Q(centre_id=scope.centre_id) if scope.centre_id else None
    query: QuerySet[Any]
    if kind == "bookings":
        where = own or Q(centre__node_path__startswith=scope.path)
        query = Booking.filter(where, starts_at__gte=start, starts_at__lt=end)
        order = ("starts_at", "id")
    elif kind == "needs":
        where = own or Q(node_path__startswith=scope.path)
        query = Need.filter(where, created_at__gte=start, created_at__lt=end)
        order = ("created_at", "id")
    else:
        where = Q(node_path__startswith=scope.path)
        if scope.centre_id:  # service given for this centre's tasks; corrections without a claim
            where = Q(claim__task__centre_id=scope.centre_id) | Q(claim_id=None) & where
        dates = {"service_date__gte": period.first, "service_date__lte": period.last}
        query = HoursEntry.filter(where, **dates)
        order = ("service_date", "id")
    ids = await query.order_by(*order).values_list("id", flat=True)
    return [int(i) for i in ids]  # type: ignore[call-overload]


def filename(kind: str, scope: Scope, period: Period) -> str:
    return f"{kind}-{scope.label}-{period.text}.xlsx"


async def start(
    user: User,
    kind: str,
    scope: Scope,
    period: Period,
    settings: Settings,
    origin: Origin,
    *,
    limit: int | None = None,
) -> Started:
    """Build a small export now, or queue a job for a large one; either way audited."""
    ids = await row_ids(kind, scope, period)
    name = filename(kind, scope, period)
    await _audit(user, "export.create", origin, scope, kind, period, len(ids))
    if len(ids) <= (STREAM_LIMIT if limit is None else limit):
        buffer = BytesIO()
        await export_sheets.write(kind, ids, scope.private, scope.time_zone, buffer)
        return Started(name, len(ids), content=buffer.getvalue())
    params = {
        "what": kind,
        "scope": dataclasses.asdict(scope),
        "period": period.text,
        "filename": name,
    }
    job = await JobRun.create(kind=f"export.{kind}", owner=user, params=params, total=len(ids))
    await queue.enqueue(settings, JOB, job.id, job_id=f"export:{job.public_id}")
    return Started(name, len(ids), job=job)


async def _audit(
    user: User, action: str, origin: Origin, scope: Scope, kind: str, period: Period, rows: int
) -> None:
    what = {"kind": kind, "period": period.text, "rows": rows, "private": scope.private}
    await record(
        user,
        action,
        origin,
        object_type=scope.level,
        object_id=scope.code,
        node_path=scope.path,
        after={**what, "scope": scope.level},
    )


def file_of(job: JobRun, settings: Settings) -> Path:
    return settings.media_dir / job.result_path


async def build(job_id: int, settings: Settings) -> str:
    """The worker's part: claim the queued job once, write its file with progress, finish."""
    claimed = await JobRun.filter(id=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, done=0
    )
    if claimed != 1:
        return "skipped"  # already built, building elsewhere, or gone
    job = await JobRun.get(id=job_id)
    relative = f"exports/{job.public_id}.xlsx"
    target = settings.media_dir / relative
    try:
        await _write_file(job, target)
    except Exception as error:
        log.exception("export %s failed", job.public_id)
        target.with_suffix(".part").unlink(missing_ok=True)
        await JobRun.filter(id=job_id).update(
            status=JobStatus.FAILED, error=str(error)[:500], finished_at=datetime.now(UTC)
        )
        return "failed"
    await JobRun.filter(id=job_id).update(
        status=JobStatus.DONE, result_path=relative, finished_at=datetime.now(UTC)
    )
    return "done"


async def _write_file(job: JobRun, target: Path) -> None:
    params: dict[str, Any] = job.params
    scope = Scope(**params["scope"])
    period = parse_period(params["period"])
    ids = await row_ids(params["what"], scope, period)
    await JobRun.filter(id=job.id).update(total=len(ids))

    async def progress(done: int) -> None:
        await JobRun.filter(id=job.id).update(done=done)

    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_suffix(".part")  # never serve a half-written file
    with part.open("wb") as out:
        await export_sheets.write(
            params["what"], ids, scope.private, scope.time_zone, out, progress
        )
    part.replace(target)


async def job_for(user: User, scope: Scope, public_id: str) -> JobRun:
    """The user's own export of this same scope; NotFound for anything else, including a
    private file once its owner is no longer staff of the centre."""
    job = await JobRun.get_or_none(
        public_id=public_id, kind__startswith="export.", owner_id=user.id
    )
    if job is None:
        raise NotFound(N_("This export does not exist or has expired."))
    saved = job.params.get("scope", {})
    same = (saved.get("level"), saved.get("code")) == (scope.level, scope.code)
    if not same or (saved.get("private") and not scope.private):
        raise NotFound(N_("This export does not exist or has expired."))
    return job


async def downloaded(user: User, job: JobRun, scope: Scope, origin: Origin) -> None:
    params = job.params
    period = parse_period(params["period"])
    await _audit(user, "export.download", origin, scope, params["what"], period, job.total)


async def recent(user: User, scope: Scope) -> list[JobRun]:
    """The user's exports of this scope still kept, newest first."""
    rows = await JobRun.filter(owner_id=user.id, kind__startswith="export.").order_by("-id")
    return [
        r
        for r in rows[:50]
        if (r.params.get("scope", {}).get("level"), r.params.get("scope", {}).get("code"))
        == (scope.level, scope.code)
    ][:10]


async def sweep(settings: Settings, now: datetime | None = None) -> dict[str, int]:
    """Delete exports older than KEEP, enqueue again those Redis lost, fail those a dead
    worker left running. Safe to run twice."""
    now = now or datetime.now(UTC)
    old = await JobRun.filter(kind__startswith="export.", created_at__lt=now - KEEP)
    for job in old:
        if job.result_path:
            file_of(job, settings).unlink(missing_ok=True)
        (settings.media_dir / "exports" / f"{job.public_id}.part").unlink(missing_ok=True)
    deleted = await JobRun.filter(id__in=[j.id for j in old]).delete()
    stuck = await JobRun.filter(
        kind__startswith="export.", status=JobStatus.RUNNING, created_at__lt=now - STALE_RUNNING
    ).update(status=JobStatus.FAILED, error="worker stopped", finished_at=now)
    waiting = await JobRun.filter(
        kind__startswith="export.", status=JobStatus.QUEUED, created_at__lt=now - STALE_QUEUED
    )
    for job in waiting:
        await queue.enqueue(settings, JOB, job.id, job_id=f"export:{job.public_id}")
    return {"deleted": deleted, "failed": stuck, "requeued": len(waiting)}
