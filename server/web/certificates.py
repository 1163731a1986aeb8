"""Volunteer service certificates in the browser: anyone checks one by number and code, the
member and staff download its PDF, staff of the member's community issue and revoke."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import i18n
from server.domain import certificates, counter, members
from server.domain.certificate_pdf import hours_text
from server.domain.errors import DomainError, NotFound
from server.i18n import N_
from server.models.members import Certificate, Member
from server.models.places import Centre
from server.settings import get as get_settings
from server.templating import render
from server.web.auth import origin_of, require_user
from server.web.forms import form_fields

NO_MEMBER = N_("No member here has reported in under this account.")
DONE = {
    "issued": N_("Certificate %(number)s issued."),
    "revoked": N_("Certificate %(number)s revoked."),
}


# The public check -----------------------------------------------------------------------------


async def verify_page(request: Request) -> Response:
    """The form, and with a number and code in the query, what the check found."""
    values = {k: request.query_params.get(k, "").strip() for k in ("number", "code")}
    context: dict[str, Any] = {"values": values, "found": None, "hours": "", "error": ""}
    status = 200
    if values["number"] or values["code"]:
        try:
            found = await certificates.verify(values["number"], values["code"])
        except NotFound as error:
            context["error"], status = i18n.gettext(error.message), error.status
        else:
            context.update(found=found, hours=hours_text(found.total_hours))
    return render(request, "certificates/verify.html", context, status=status, block="result")


# The PDF --------------------------------------------------------------------------------------


async def pdf(request: Request) -> Response:
    """The certificate's PDF, for its member and for staff who may issue it."""
    cert = await certificates.certificate_for(require_user(request), request.path_params["number"])
    body = await certificates.render_pdf(cert, get_settings())
    name = quote(f"志愿服务证明-{cert.number}.pdf")
    disposition = f"inline; filename=\"{cert.number}.pdf\"; filename*=UTF-8''{name}"
    return Response(
        body,
        media_type="application/pdf",
        headers={
            "Content-Disposition": disposition,
            "Cache-Control": "private, no-store",
        },
    )


# Staff ----------------------------------------------------------------------------------------


async def _centre(request: Request) -> Centre:
    return await counter.require_counter(require_user(request), request.path_params["centre"])


async def _member(request: Request, centre: Centre) -> Member:
    """The member of the address, if the user may review them and they live in the centre's area."""
    found = await members.member_for_review(require_user(request), request.path_params["member"])
    if not found.node_path.startswith(centre.node_path):
        raise NotFound(NO_MEMBER)
    return found


def _parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def _page_url(centre: Centre, member: Member, **query: str) -> str:
    base = f"/staff/{centre.code}/volunteers/{member.user.public_id}/certificates"
    return f"{base}?{urlencode(query)}" if query else base


def _done(request: Request) -> str:
    key, number = request.query_params.get("done", ""), request.query_params.get("number", "")
    return i18n.gettext(DONE[key], number=number) if key in DONE else ""


async def _staff_page(
    request: Request,
    centre: Centre,
    member: Member,
    *,
    fields: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    revoke_errors: dict[str, dict[str, str]] | None = None,
    status: int = 200,
) -> Response:
    today = datetime.now(UTC).astimezone(ZoneInfo(centre.time_zone)).date()
    rows = await certificates.certificates_of(member)
    context = {
        "centre": centre,
        "member": member,
        "rows": rows,
        "hours": {c.number: hours_text(c.total_hours) for c in rows},
        "reasons": await certificates.revocation_reasons(c for c in rows if c.revoked_at),
        "done": _done(request),
        "fields": fields or {},
        "values": values
        or {"period_from": date(today.year, 1, 1).isoformat(), "period_to": today.isoformat()},
        "revoke_errors": revoke_errors or {},
    }
    return render(request, "certificates/staff.html", context, status=status)


async def staff_page(request: Request) -> Response:
    centre = await _centre(request)
    return await _staff_page(request, centre, await _member(request, centre))


async def issue(request: Request) -> Response:
    """Issue a certificate for the period in the form; back to the list, which shows it."""
    user = require_user(request)
    centre = await _centre(request)
    member = await _member(request, centre)
    form = await form_fields(request)
    period = _parse_day(form.get("period_from", "")), _parse_day(form.get("period_to", ""))
    try:
        cert = await certificates.issue(user, member, *period, origin_of(request), centre=centre)
    except DomainError as error:
        fields = error.fields or {"period_to": error.message}
        return await _staff_page(
            request, centre, member, fields=fields, values=form, status=error.status
        )
    return RedirectResponse(_page_url(centre, member, done="issued", number=cert.number), 303)


async def revoke(request: Request) -> Response:
    user = require_user(request)
    centre = await _centre(request)
    cert = await certificates.by_number(request.path_params["number"])
    if cert is None or not cert.member.node_path.startswith(centre.node_path):
        raise NotFound(N_("No certificate has this number."))
    member = await _member_of(cert)
    form = await form_fields(request)
    try:
        await certificates.revoke(user, cert, form.get("reason", ""), origin_of(request))
    except DomainError as error:
        problem = {"reason": error.fields.get("reason", error.message)}
        errors = {cert.number: problem}
        return await _staff_page(request, centre, member, revoke_errors=errors, status=error.status)
    return RedirectResponse(_page_url(centre, member, done="revoked", number=cert.number), 303)


async def _member_of(cert: Certificate) -> Member:
    return await Member.get(id=cert.member.id).select_related("user", "unit", "community", "grid")


routes = [
    Route("/certificates/verify", verify_page, methods=["GET"], name="certificate_verify"),
    Route("/certificates/{number}.pdf", pdf, methods=["GET"], name="certificate_pdf"),
    Route(
        "/staff/{centre}/volunteers/{member}/certificates",
        staff_page,
        methods=["GET"],
        name="staff_certificates",
    ),
    Route(
        "/staff/{centre}/volunteers/{member}/certificates",
        issue,
        methods=["POST"],
        name="staff_certificate_issue",
    ),
    Route(
        "/staff/{centre}/certificates/{number}/revoke",
        revoke,
        methods=["POST"],
        name="staff_certificate_revoke",
    ),
]
