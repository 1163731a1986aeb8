"""Staff pages that set a centre up: services, their rules and materials, hours, exceptions.

Changes that would cancel bookings answer with a review page listing them; the same form,
posted again with those booking codes and a reason, saves the change and cancels them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import i18n
from server.domain import centre_hours, centre_materials, centre_setup, counter
from server.domain.centre_setup import Change, Outcome
from server.domain.errors import NotFound, ValidationFailed
from server.domain.schedules import format_intervals
from server.i18n import N_
from server.models.places import Centre, MaterialItem, Service, WeeklyHours
from server.settings import get as get_settings
from server.templating import render
from server.web.auth import origin_of, require_user
from server.web.forms import form_fields

DONE = {
    "created": N_("Service added. Now check its rules, hours and materials."),
    "service": N_("Service saved."),
    "material": N_("Materials list saved."),
    "hours": N_("Opening hours saved."),
    "exception": N_("Exception saved."),
    "removed": N_("Exception removed: the weekly plan applies that day again."),
}


async def _centre(request: Request) -> Centre:
    return await counter.require_counter(require_user(request), request.path_params["centre"])


def _today(centre: Centre) -> date:
    return datetime.now(UTC).astimezone(ZoneInfo(centre.time_zone)).date()


def _done(request: Request) -> str:
    key = request.query_params.get("done", "")
    if key not in DONE:
        return ""
    text = i18n.gettext(DONE[key])
    cancelled = request.query_params.get("cancelled", "0")
    if cancelled.isdigit() and int(cancelled):
        count = int(cancelled)
        text += " " + i18n.ngettext(
            "%(num)d booking was cancelled; its holder has been told.",
            "%(num)d bookings were cancelled; their holders have been told.",
            count,
        ) % {"num": count}
    return text


def _back(target: str, done: str, outcome: Outcome | None = None) -> Response:
    cancelled = len(outcome.affected) if outcome else 0
    return RedirectResponse(f"{target}?done={done}&cancelled={cancelled}", status_code=303)


async def _change(
    request: Request,
    centre: Centre,
    form: dict[str, str],
    run: Callable[[Change], Awaitable[Outcome]],
    *,
    back: str,
    done: str,
) -> Response:
    """Run a change that may cancel bookings: saved, or a review of whom it would cancel."""
    change = Change(
        staff=require_user(request),
        centre=centre,
        settings=get_settings(),
        origin=origin_of(request),
        now=datetime.now(UTC),
        confirmed=frozenset(form.get("confirm", "").split()),
        reason=form.get("reason", "")[:200],
    )
    outcome = await run(change)
    if outcome.applied:
        return _back(back, done, outcome)
    hidden = {k: v for k, v in form.items() if k not in ("csrf_token", "confirm", "reason")}
    context = {
        "centre": centre,
        "affected": outcome.affected,
        "hidden": hidden,
        "codes": " ".join(b.code for b in outcome.affected),
        "action": request.url.path,
        "back": back,
        "reason": form.get("reason") or form.get("exception_reason", ""),
        "needs_reason": outcome.needs_reason,
    }
    return render(
        request, "staff/review.html", context, status=422 if outcome.needs_reason else 200
    )


# Services -----------------------------------------------------------------------------------


async def services_page(
    request: Request, *, errors: dict[str, str] | None = None, values: dict[str, str] | None = None
) -> Response:
    centre = await _centre(request)
    services = await Service.filter(centre_id=centre.id).order_by(
        "-is_active", "sort_order", "name"
    )
    context = {
        "centre": centre,
        "services": services,
        "fields": errors or {},
        "values": values or {"duration_minutes": "30", "capacity_per_slot": "1"},
        "message": _done(request),
    }
    return render(request, "staff/services.html", context, status=422 if errors else 200)


async def service_create(request: Request) -> Response:
    centre = await _centre(request)
    form = await form_fields(request)
    try:
        service = await centre_setup.create_service(
            require_user(request), centre, form, origin_of(request)
        )
    except ValidationFailed as refused:
        return await services_page(request, errors=refused.fields, values=form)
    return _back(f"/staff/{centre.code}/services/{service.code}", "created")


def _service_values(service: Service) -> dict[str, str]:
    values = {
        name: str(getattr(service, name)) for name in (*centre_setup.TEXTS, *centre_setup.RULES)
    }
    values["description"] = service.description
    values["category"] = service.category.value
    values["bookable"] = "on" if service.bookable else ""
    values["is_active"] = "on" if service.is_active else ""
    values["reminder_hours"] = ", ".join(
        f"{m / 60:g}" for m in sorted(service.reminder_offsets_minutes, reverse=True)
    )
    return values


async def service_page(
    request: Request,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    section: str = "",
    error: str = "",
) -> Response:
    centre = await _centre(request)
    service = await centre_setup.service_at(centre, request.path_params["service"])
    own_week = await centre_hours.week_of(centre, service)
    centre_week = await centre_hours.week_of(centre, None)
    materials = await MaterialItem.filter(service_id=service.id).order_by("sort_order", "id")
    context: dict[str, Any] = {
        "centre": centre,
        "service": service,
        "section": section,  # the form the errors belong to
        "fields": errors or {},
        "values": values if values is not None and section == "rules" else _service_values(service),
        "week_values": values
        if values is not None and section == "hours"
        else {f"day{d}": format_intervals(own_week[d]) for d in own_week},
        "centre_week": {d: format_intervals(centre_week[d]) for d in centre_week},
        "follows_centre": not any(own_week.values()),
        "materials": materials,
        "material_values": values if values is not None and section == "material" else {},
        "error": error,
        "message": _done(request),
        "overfull": await centre_setup.overfull_slots(service, datetime.now(UTC)),
    }
    status = 422 if errors or error else 200
    return render(request, "staff/service.html", context, status=status)


async def _service_change(
    request: Request,
    run: Callable[[Change, Service, dict[str, str]], Awaitable[Outcome]],
    *,
    section: str,
    done: str,
) -> Response:
    """A change to one service that may cancel bookings; errors go back to its form."""
    centre = await _centre(request)
    service = await centre_setup.service_at(centre, request.path_params["service"])
    form = await form_fields(request)
    try:
        return await _change(
            request,
            centre,
            form,
            lambda change: run(change, service, form),
            back=f"/staff/{centre.code}/services/{service.code}",
            done=done,
        )
    except ValidationFailed as refused:
        return await service_page(request, errors=refused.fields, values=form, section=section)


async def service_save(request: Request) -> Response:
    return await _service_change(
        request, centre_setup.update_service, section="rules", done="service"
    )


async def service_hours(request: Request) -> Response:
    async def run(change: Change, service: Service, form: dict[str, str]) -> Outcome:
        follow_centre = form.get("follow_centre") == "1"  # an empty week follows the centre's
        return await centre_hours.set_week(change, service, {} if follow_centre else form)

    return await _service_change(request, run, section="hours", done="hours")


async def material_add(request: Request) -> Response:
    centre = await _centre(request)
    service = await centre_setup.service_at(centre, request.path_params["service"])
    form = await form_fields(request)
    try:
        await centre_materials.add_material(
            require_user(request), centre, service, form, origin_of(request)
        )
    except ValidationFailed as refused:
        return await service_page(request, errors=refused.fields, values=form, section="material")
    return _back(f"/staff/{centre.code}/services/{service.code}", "material")


async def material_edit(request: Request) -> Response:
    centre = await _centre(request)
    service = await centre_setup.service_at(centre, request.path_params["service"])
    form = await form_fields(request)
    try:
        await centre_materials.edit_material(
            require_user(request),
            centre,
            service,
            form.get("item", ""),
            form.get("action", ""),
            form,
            origin_of(request),
        )
    except (ValidationFailed, NotFound) as refused:
        text = i18n.gettext(refused.message, **refused.params)
        if refused.fields:
            fields = ", ".join(i18n.gettext(m) for m in dict.fromkeys(refused.fields.values()))
            text = f"{text} {fields}"
        return await service_page(request, error=text)
    return _back(f"/staff/{centre.code}/services/{service.code}", "material")


# Hours and exceptions -------------------------------------------------------------------------


async def hours_page(
    request: Request,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    section: str = "",
) -> Response:
    centre = await _centre(request)
    week = await centre_hours.week_of(centre, None)
    today = _today(centre)
    services = await Service.filter(centre_id=centre.id, is_active=True).order_by(
        "sort_order", "name"
    )
    own_weeks = set(
        await WeeklyHours.filter(centre_id=centre.id, service_id__isnull=False)
        .distinct()
        .values_list("service_id", flat=True)
    )
    # Warn while the holiday calendar misses any day that can be booked now.
    horizon = today + timedelta(days=max((s.max_days_ahead for s in services), default=14))
    context: dict[str, Any] = {
        "centre": centre,
        "section": section,
        "fields": errors or {},
        "week_values": values
        if values is not None and section == "hours"
        else {f"day{d}": format_intervals(week[d]) for d in week},
        "exception_values": values
        if values is not None and section == "exception"
        else {"first": today.isoformat()},
        "exceptions": await centre_hours.exceptions_from(centre, today),
        "services": services,
        "own_weeks": [s for s in services if s.id in own_weeks],
        "today": today,
        "calendar_known": counter.calendar_known(today) and counter.calendar_known(horizon),
        "message": _done(request),
    }
    return render(request, "staff/hours.html", context, status=422 if errors else 200)


async def hours_save(request: Request) -> Response:
    centre = await _centre(request)
    form = await form_fields(request)
    try:
        return await _change(
            request,
            centre,
            form,
            lambda change: centre_hours.set_week(change, None, form),
            back=f"/staff/{centre.code}/hours",
            done="hours",
        )
    except ValidationFailed as refused:
        return await hours_page(request, errors=refused.fields, values=form, section="hours")


async def exception_add(request: Request) -> Response:
    centre = await _centre(request)
    form = await form_fields(request)
    today = _today(centre)
    try:
        return await _change(
            request,
            centre,
            form,
            lambda change: centre_hours.add_exception(change, form, today),
            back=f"/staff/{centre.code}/hours",
            done="exception",
        )
    except ValidationFailed as refused:
        return await hours_page(request, errors=refused.fields, values=form, section="exception")


async def exception_remove(request: Request) -> Response:
    centre = await _centre(request)
    form = await form_fields(request)
    return await _change(
        request,
        centre,
        form,
        lambda change: centre_hours.remove_exception(change, form),
        back=f"/staff/{centre.code}/hours",
        done="removed",
    )


routes = [
    Route("/staff/{centre}/services", services_page, methods=["GET"], name="staff_services"),
    Route("/staff/{centre}/services", service_create, methods=["POST"]),
    Route("/staff/{centre}/services/{service}", service_page, methods=["GET"]),
    Route("/staff/{centre}/services/{service}", service_save, methods=["POST"]),
    Route("/staff/{centre}/services/{service}/hours", service_hours, methods=["POST"]),
    Route("/staff/{centre}/services/{service}/materials", material_add, methods=["POST"]),
    Route("/staff/{centre}/services/{service}/materials/edit", material_edit, methods=["POST"]),
    Route("/staff/{centre}/hours", hours_page, methods=["GET"], name="staff_hours"),
    Route("/staff/{centre}/hours", hours_save, methods=["POST"]),
    Route("/staff/{centre}/exceptions", exception_add, methods=["POST"]),
    Route("/staff/{centre}/exceptions/remove", exception_remove, methods=["POST"]),
]
