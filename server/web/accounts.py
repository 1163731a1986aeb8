"""Register, log in, log out, change password, and the account page."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import i18n
from server.domain import accounts, roles, scopes
from server.domain.errors import DomainError, ValidationFailed
from server.models.members import Member
from server.redis_client import get_redis
from server.settings import get as get_settings
from server.templating import minutes_to_clock, render
from server.web.auth import current_user, origin_of, require_user, safe_next
from server.web.context import SESSION_COOKIE, clear_cookie, client_ip, make_cookie, session_cookie
from server.web.forms import form_fields

FIELDS_SUMMARY = i18n.N_("Please correct the items marked below.")
LOGIN_FIRST = i18n.N_("Please log in to continue.")


def _redirect(request: Request, target: str, cookies: tuple[str, ...] | list[str] = ()) -> Response:
    """A 303 to ``target``; htmx gets HX-Redirect so the whole page changes."""
    if request.headers.get("HX-Request") == "true":
        response: Response = Response(status_code=200, headers={"HX-Redirect": target})
    else:
        response = RedirectResponse(target, status_code=303)
    for cookie in cookies:
        response.headers.append("set-cookie", cookie)
    return response


def _form_error(
    request: Request,
    template: str,
    error: DomainError,
    values: dict[str, str],
    extra: dict[str, object] | None = None,
) -> Response:
    """The form again, with the error and the fields marked; htmx gets just the form."""
    values = {k: v for k, v in values.items() if "password" not in k}
    summary = FIELDS_SUMMARY if error.fields else error.message
    context = {
        "error": i18n.gettext(summary, **error.params),
        "fields": error.fields,
        "values": values,
        **(extra or {}),
    }
    return render(request, template, context, status=error.status, block="form")


async def login_page(request: Request) -> Response:
    if current_user(request):
        return RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
    values = {"next": safe_next(request.query_params.get("next"))}
    # Sent here from a page that needs a login: say so, so the detour makes sense.
    why = i18n.gettext(LOGIN_FIRST) if request.query_params.get("why") == "login" else None
    return render(
        request, "accounts/login.html", {"values": values, "fields": {}, "error": None, "why": why}
    )


async def login_submit(request: Request) -> Response:
    settings = get_settings()
    form = await form_fields(request)
    try:
        user = await accounts.authenticate(
            get_redis(settings),
            settings,
            form.get("phone", ""),
            form.get("password", ""),
            client_ip(request.scope),
        )
        key = await accounts.start_session(user, settings, origin_of(request))
    except DomainError as error:
        return _form_error(request, "accounts/login.html", error, form)
    cookie = session_cookie(settings, key)
    return _redirect(request, safe_next(form.get("next")), [cookie])


async def register_page(request: Request) -> Response:
    return render(request, "accounts/register.html", {"values": {}, "fields": {}, "error": None})


async def register_submit(request: Request) -> Response:
    settings = get_settings()
    form = await form_fields(request)
    try:
        if form.get("password", "") != form.get("password2", ""):
            message = i18n.N_("The two passwords do not match.")
            raise ValidationFailed(message, fields={"password2": message})
        user = await accounts.register(
            form.get("phone", ""),
            form.get("password", ""),
            form.get("display_name", ""),
            i18n.get_language(),
            origin_of(request),
            settings,
        )
        key = await accounts.start_session(user, settings, origin_of(request))
    except DomainError as error:
        return _form_error(request, "accounts/register.html", error, form)
    cookie = session_cookie(settings, key)
    return _redirect(request, "/account?welcome=1", [cookie])


async def logout(request: Request) -> Response:
    user = current_user(request)
    key = request.scope.get("session_key")
    if user and key:
        await accounts.end_session(user, key, origin_of(request))
    return _redirect(request, "/", [clear_cookie(SESSION_COOKIE)])


async def account_page(request: Request) -> Response:
    user = require_user(request)
    grants = await roles.grants_of(user)
    member = await Member.get_or_none(user=user).select_related("community", "unit")
    return render(
        request,
        "accounts/account.html",
        {
            "grants": grants,
            "member": member,
            "welcome": request.query_params.get("welcome"),
            "city_admin": await scopes.is_city_admin(user),
        },
    )


async def password_page(request: Request) -> Response:
    require_user(request)
    return render(request, "accounts/password.html", {"fields": {}, "error": None, "done": False})


async def password_submit(request: Request) -> Response:
    user = require_user(request)
    form = await form_fields(request)
    try:
        await accounts.change_password(
            user,
            form.get("current_password", ""),
            form.get("new_password", ""),
            request.scope.get("session_key"),
            origin_of(request),
            get_settings(),
        )
    except DomainError as error:
        return _form_error(request, "accounts/password.html", error, {})
    return render(request, "accounts/password.html", {"fields": {}, "error": None, "done": True})


async def set_language(request: Request) -> Response:
    form = await form_fields(request)
    language = i18n.pick(form.get("language")) or i18n.DEFAULT_LANGUAGE
    user = current_user(request)
    if user:
        await accounts.set_preferences(user, origin_of(request), language=language)
    cookie = make_cookie("ds_lang", language, get_settings(), max_age=365 * 86400)
    return _redirect(request, safe_next(form.get("next")), [cookie])


async def set_elderly_mode(request: Request) -> Response:
    form = await form_fields(request)
    on = form.get("elderly") == "1"
    user = current_user(request)
    if user:
        await accounts.set_preferences(user, origin_of(request), elderly_mode=on)
    cookie = make_cookie("ds_elderly", "1" if on else "0", get_settings(), max_age=365 * 86400)
    return _redirect(request, safe_next(form.get("next")), [cookie])


def _clock(minutes: int | None) -> str:
    return "" if minutes is None else minutes_to_clock(minutes)


def _notification_context() -> dict[str, object]:
    return {"fields": {}, "error": None, "sms_enabled": bool(get_settings().sms_gateway_url)}


async def notifications_page(request: Request) -> Response:
    user = require_user(request)
    values = {
        "email": user.email or "",
        "quiet_start": _clock(user.quiet_start),
        "quiet_end": _clock(user.quiet_end),
    }
    context = {**_notification_context(), "values": values}
    return render(request, "accounts/notifications.html", context)


async def notifications_submit(request: Request) -> Response:
    user = require_user(request)
    form = await form_fields(request)
    try:
        await accounts.set_notification_preferences(
            user,
            origin_of(request),
            email=form.get("email", ""),
            by_email=form.get("by_email") == "1",
            by_sms=form.get("by_sms") == "1",
            quiet_start=form.get("quiet_start", ""),
            quiet_end=form.get("quiet_end", ""),
        )
    except DomainError as error:
        extra: dict[str, object] = {"sms_enabled": bool(get_settings().sms_gateway_url)}
        return _form_error(request, "accounts/notifications.html", error, form, extra)
    return _redirect(request, "/account/notifications?saved=1")


routes = [
    Route("/account/notifications", notifications_page, methods=["GET"], name="notification_prefs"),
    Route(
        "/account/notifications",
        notifications_submit,
        methods=["POST"],
        name="notification_prefs_submit",
    ),
    Route("/login", login_page, methods=["GET"], name="login"),
    Route("/login", login_submit, methods=["POST"], name="login_submit"),
    Route("/register", register_page, methods=["GET"], name="register"),
    Route("/register", register_submit, methods=["POST"], name="register_submit"),
    Route("/logout", logout, methods=["POST"], name="logout"),
    Route("/account", account_page, methods=["GET"], name="account"),
    Route("/account/password", password_page, methods=["GET"], name="password"),
    Route("/account/password", password_submit, methods=["POST"], name="password_submit"),
    Route("/prefs/language", set_language, methods=["POST"], name="set_language"),
    Route("/prefs/elderly", set_elderly_mode, methods=["POST"], name="set_elderly_mode"),
]
