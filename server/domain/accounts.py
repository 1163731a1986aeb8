"""Accounts: registration, login with rate limits, sessions, password change, API tokens."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from redis.asyncio import Redis
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server import sql
from server.domain import outbox
from server.domain.audit import Origin, record
from server.domain.errors import AuthenticationFailed, Throttled, ValidationFailed
from server.i18n import N_, format_when
from server.models.accounts import ApiToken, Language, Session, User
from server.security import ratelimit
from server.security.passwords import hash_password, needs_rehash, verify_password
from server.security.tokens import digest, new_secret
from server.settings import Settings

MOBILE = re.compile(r"^1[3-9]\d{9}$")
PASSWORD_MIN, PASSWORD_MAX = 8, 128
BAD_LOGIN = N_("The phone number or password is not correct.")


def normalize_phone(raw: str, field: str = "phone") -> str:
    """An 11-digit mainland mobile number from what a person typed (spaces, dashes, +86)."""
    phone = re.sub(r"[\s\-()]", "", raw or "")
    if phone.startswith("+86"):
        phone = phone[3:]
    elif phone.startswith("0086"):
        phone = phone[4:]
    if not MOBILE.match(phone):
        message = N_("Enter an 11-digit mainland mobile number, e.g. 13812345678.")
        raise ValidationFailed(message, fields={field: message})
    return phone


def check_password(password: str, field: str = "password") -> None:
    if len(password) < PASSWORD_MIN:
        message = N_("The password must have at least 8 characters.")
        raise ValidationFailed(message, fields={field: message})
    if len(password) > PASSWORD_MAX:
        message = N_("The password may have at most 128 characters.")
        raise ValidationFailed(message, fields={field: message})


async def register(
    phone: str, password: str, display_name: str, language: str, origin: Origin, settings: Settings
) -> User:
    phone = normalize_phone(phone)
    check_password(password)
    name = display_name.strip()[:50]
    try:
        async with in_transaction():
            user = await User.create(
                phone=phone,
                password_hash=hash_password(password),
                display_name=name,
                language=Language(language)
                if language in Language._value2member_map_
                else Language.ZH_CN,
            )
            await record(
                user, "user.register", origin, object_type="user", object_id=user.public_id
            )
            payload = {"name": name or phone}
            sent = await outbox.notify(
                user, "account.welcome", payload, settings, subject=("user", user.id)
            )
    except IntegrityError:
        message = N_("This phone number is already registered. Log in instead.")
        raise ValidationFailed(message, fields={"phone": message}) from None
    await outbox.dispatch(sent, settings)
    return user


async def authenticate(
    redis: Redis, settings: Settings, phone: str, password: str, ip: str
) -> User:
    """The active user with this phone and password; failures are counted per phone and IP."""
    phone = normalize_phone(phone)
    window = settings.login_window_seconds
    if await ratelimit.is_limited(
        redis, f"login:phone:{phone}", settings.login_limit_per_phone
    ) or (await ratelimit.is_limited(redis, f"login:ip:{ip}", settings.login_limit_per_ip)):
        raise Throttled(N_("Too many failed attempts. Wait 15 minutes and try again."))
    user = await User.filter(phone=phone, is_active=True).first()
    if not verify_password(user.password_hash if user else None, password) or user is None:
        await ratelimit.hit(redis, f"login:phone:{phone}", window)
        await ratelimit.hit(redis, f"login:ip:{ip}", window)
        raise AuthenticationFailed(BAD_LOGIN)
    await ratelimit.reset(redis, f"login:phone:{phone}")
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        await user.save(update_fields=["password_hash"])
    return user


async def start_session(user: User, settings: Settings, origin: Origin) -> str:
    """Log ``user`` in; returns the session key for the cookie (only its hash is stored)."""
    key = new_secret()
    now = datetime.now(UTC)
    async with in_transaction():
        await Session.create(
            key_hash=digest(key),
            user=user,
            expires_at=now + timedelta(days=settings.session_days),
            last_seen_at=now,
            ip=origin.ip[:45],
            user_agent=origin.user_agent[:255],
        )
        await User.filter(id=user.id).update(last_login_at=now)
        await record(user, "user.login", origin, object_type="user", object_id=user.public_id)
    return key


async def end_session(user: User, key: str, origin: Origin) -> None:
    async with in_transaction():
        await Session.filter(key_hash=digest(key)).delete()
        await record(user, "user.logout", origin, object_type="user", object_id=user.public_id)


async def change_password(
    user: User,
    current: str,
    new: str,
    keep_session_key: str | None,
    origin: Origin,
    settings: Settings,
) -> None:
    """Set a new password; every other session and every API token of the user ends."""
    if not verify_password(user.password_hash, current):
        message = N_("The current password is not correct.")
        raise ValidationFailed(message, fields={"current_password": message})
    check_password(new, field="new_password")
    now = datetime.now(UTC)
    async with in_transaction():
        user.password_hash = hash_password(new)
        user.password_changed_at = now
        await user.save(update_fields=["password_hash", "password_changed_at"])
        others = Session.filter(user=user)
        if keep_session_key:
            others = others.exclude(key_hash=digest(keep_session_key))
        await others.delete()
        await ApiToken.filter(user=user, revoked_at=None).update(revoked_at=now)
        await record(
            user, "user.password_change", origin, object_type="user", object_id=user.public_id
        )
        payload = {"phone": user.phone, "time": format_when(now, settings.time_zone, "short")}
        sent = await outbox.notify(
            user,
            "account.password_changed",
            payload,
            settings,
            subject=("user", user.id),
            key=now.isoformat(),
        )
    await outbox.dispatch(sent, settings)


async def issue_token(user: User, settings: Settings, origin: Origin) -> tuple[str, datetime]:
    """A new bearer token for the JSON API and when it expires."""
    token = new_secret()
    expires_at = datetime.now(UTC) + timedelta(hours=settings.api_token_hours)
    async with in_transaction():
        await ApiToken.create(token_hash=digest(token), user=user, expires_at=expires_at)
        await record(user, "token.issue", origin, object_type="user", object_id=user.public_id)
    return token, expires_at


_TOKEN_EXPIRES = ApiToken._meta.fields_map["expires_at"]
_TOKEN_SQL = (
    'SELECT "users".*, CASE WHEN "api_tokens"."revoked_at" IS NOT NULL THEN \'revoked\''
    ' WHEN "api_tokens"."expires_at" <= $1 THEN \'expired\' ELSE \'\' END AS "token_state"'
    ' FROM "api_tokens" JOIN "users" ON "users"."id" = "api_tokens"."user_id"'
    ' WHERE "api_tokens"."token_hash" = $2 LIMIT 1'
)


async def user_for_token(token: str) -> User:
    """The user a bearer token belongs to, or AuthenticationFailed saying why not: one
    statement on every API request, written by hand as the session's is (server/web/context.py)
    because building it cost more than running it."""
    values = [_TOKEN_EXPIRES.to_db_value(datetime.now(UTC), ApiToken), digest(token)]
    found = await sql.fetch_models(User, _TOKEN_SQL, values, extra=["token_state"], plan_once=True)
    user = found[0] if found else None
    if user is None or user.token_state == "revoked":  # type: ignore[attr-defined]
        raise AuthenticationFailed(N_("The API token is not valid. Request a new one."))
    if user.token_state == "expired":  # type: ignore[attr-defined]
        raise AuthenticationFailed(N_("The API token has expired. Request a new one."))
    if not user.is_active:
        raise AuthenticationFailed(N_("This account is deactivated."))
    return user


async def set_preferences(
    user: User, origin: Origin, *, language: str | None = None, elderly_mode: bool | None = None
) -> None:
    before = {"language": user.language.value, "elderly_mode": user.elderly_mode}
    if language is not None:
        user.language = Language(language)
    if elderly_mode is not None:
        user.elderly_mode = elderly_mode
    after = {"language": user.language.value, "elderly_mode": user.elderly_mode}
    if before == after:
        return
    async with in_transaction():
        await user.save(update_fields=["language", "elderly_mode"])
        await record(
            user,
            "user.preferences",
            origin,
            object_type="user",
            object_id=user.public_id,
            before=before,
            after=after,
        )


EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _minutes(text: str, field: str) -> int | None:
    if not text:
        return None
    match = CLOCK.match(text)
    if not match:
        message = N_("Enter a time like 21:30.")
        raise ValidationFailed(message, fields={field: message})
    return int(match.group(1)) * 60 + int(match.group(2))


async def set_notification_preferences(
    user: User,
    origin: Origin,
    *,
    email: str,
    by_email: bool,
    by_sms: bool,
    quiet_start: str,
    quiet_end: str,
) -> None:
    """Where and when a user wants messages; the in-app inbox always gets them."""
    email = email.strip()
    if email and (len(email) > 254 or not EMAIL.match(email)):
        message = N_("Enter an email address like name@example.com.")
        raise ValidationFailed(message, fields={"email": message})
    start, end = _minutes(quiet_start, "quiet_start"), _minutes(quiet_end, "quiet_end")
    if (start is None) != (end is None):
        message = N_("Give both ends of your quiet hours, or neither for the default.")
        raise ValidationFailed(message, fields={"quiet_end": message})
    fields = ["email", "notify_email", "notify_sms", "quiet_start", "quiet_end"]
    before = {f: getattr(user, f) for f in fields}
    user.email, user.notify_email, user.notify_sms = email or None, by_email, by_sms
    user.quiet_start, user.quiet_end = start, end
    after = {f: getattr(user, f) for f in fields}
    async with in_transaction():
        await user.save(update_fields=fields)
        await record(
            user,
            "user.notification_preferences",
            origin,
            object_type="user",
            object_id=user.public_id,
            before=before,
            after=after,
        )
