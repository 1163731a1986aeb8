"""Typed settings read from the environment; bad values stop the program at start-up."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class SettingsError(ValueError):
    """A configuration value is missing or malformed."""


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    redis_url: str | None  # None: Doorstep starts (or joins) its embedded Redis server
    secret_key: str
    time_zone: str
    media_dir: Path
    public_base_url: str
    smtp_host: str
    smtp_port: int
    smtp_user: str
    smtp_password: str
    smtp_starttls: bool
    mail_from: str
    debug: bool = False
    login_limit_per_phone: int = 5
    login_limit_per_ip: int = 30
    login_window_seconds: int = 900
    session_days: int = 14
    api_token_hours: int = 24
    max_body_bytes: int = 1024 * 1024  # ordinary forms and JSON
    max_upload_bytes: int = 64 * 1024 * 1024  # routes that take photos (6 x 10 MB and the form)
    sms_gateway_url: str = ""  # empty: the SMS channel is off
    sms_gateway_key: str = ""
    sms_templates: dict[str, str] = field(default_factory=dict)  # event -> approved template id
    quiet_hours: tuple[int, int] = (21 * 60, 8 * 60)  # minutes after local midnight: start, end
    outbox_max_attempts: int = 5
    outbox_retry_seconds: int = 30  # first back-off; doubles per attempt
    outbox_lease_seconds: int = 300  # a claimed message not finished by then is claimable again
    outbox_sweep_seconds: int = 60

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def _int(env: dict[str, str], name: str, default: int, minimum: int = 0) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None
    if value < minimum:
        raise SettingsError(f"{name} must be at least {minimum}, got {value}")
    return value


def _bool(env: dict[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if raw == "":
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise SettingsError(f"{name} must be true or false, got {raw!r}")


def _database_url(env: dict[str, str], data_dir: Path) -> str:
    url = env.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite://{data_dir / 'doorstep.sqlite3'}"
    scheme = urlparse(url).scheme
    if scheme == "postgresql":
        url = "postgres" + url[len("postgresql") :]
    elif scheme not in {"sqlite", "postgres"}:
        raise SettingsError(f"DATABASE_URL must be sqlite://PATH or postgres://..., got {url!r}")
    return url


def _redis_url(env: dict[str, str]) -> str | None:
    url = env.get("REDIS_URL", "").strip()
    if not url:
        return None
    if urlparse(url).scheme not in {"redis", "rediss", "unix"}:
        raise SettingsError(f"REDIS_URL must be redis://, rediss:// or unix://, got {url!r}")
    return url


def _secret_key(env: dict[str, str], data_dir: Path) -> str:
    given = env.get("SECRET_KEY", "").strip()
    if given:
        if len(given) < 32:
            raise SettingsError("SECRET_KEY must be at least 32 characters long")
        return given
    path = data_dir / "secret_key"
    if not path.exists():
        # Created once, readable only by us; every process of this install shares it.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def _time_zone(env: dict[str, str]) -> str:
    name = env.get("TIME_ZONE", "Asia/Shanghai").strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"TIME_ZONE is not a known IANA time zone: {name!r}") from None
    return name


def _base_url(env: dict[str, str]) -> str:
    url = env.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000").strip().rstrip("/")
    if urlparse(url).scheme not in {"http", "https"} or not urlparse(url).netloc:
        raise SettingsError(f"PUBLIC_BASE_URL must be an http(s) URL, got {url!r}")
    return url


def _clock(name: str, text: str) -> int:
    hours, _, minutes = text.strip().partition(":")
    try:
        value = int(hours) * 60 + int(minutes or 0)
    except ValueError:
        raise SettingsError(f"{name} must look like 21:00-08:00, got {text!r}") from None
    if not 0 <= value < 24 * 60:
        raise SettingsError(f"{name} must look like 21:00-08:00, got {text!r}")
    return value


def _quiet_hours(env: dict[str, str]) -> tuple[int, int]:
    start, sep, end = env.get("QUIET_HOURS", "21:00-08:00").partition("-")
    if not sep:
        raise SettingsError(f"QUIET_HOURS must look like 21:00-08:00, got {start!r}")
    return _clock("QUIET_HOURS", start), _clock("QUIET_HOURS", end)


def _sms(env: dict[str, str]) -> tuple[str, str, dict[str, str]]:
    url = env.get("SMS_GATEWAY_URL", "").strip()
    if url and urlparse(url).scheme not in {"http", "https"}:
        raise SettingsError(f"SMS_GATEWAY_URL must be an http(s) URL, got {url!r}")
    templates = {}
    for pair in filter(None, env.get("SMS_TEMPLATES", "").split(",")):
        event, sep, template_id = pair.partition("=")
        if not sep or not event.strip() or not template_id.strip():
            raise SettingsError(f"SMS_TEMPLATES must be event=TEMPLATE_ID,..., got {pair!r}")
        templates[event.strip()] = template_id.strip()
    return url, env.get("SMS_GATEWAY_KEY", ""), templates


def load(env: dict[str, str] | None = None) -> Settings:
    """Read settings from ``env`` (the process environment by default)."""
    env = dict(os.environ if env is None else env)
    data_dir = Path(env.get("DOORSTEP_DATA_DIR", "") or Path.cwd() / "var").resolve()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SettingsError(f"DOORSTEP_DATA_DIR {data_dir} cannot be created: {exc}") from None
    media_dir = Path(env.get("MEDIA_DIR", "") or data_dir / "media").resolve()
    media_dir.mkdir(parents=True, exist_ok=True)
    sms_url, sms_key, sms_templates = _sms(env)
    return Settings(
        data_dir=data_dir,
        database_url=_database_url(env, data_dir),
        redis_url=_redis_url(env),
        secret_key=_secret_key(env, data_dir),
        time_zone=_time_zone(env),
        media_dir=media_dir,
        public_base_url=_base_url(env),
        smtp_host=env.get("SMTP_HOST", "127.0.0.1"),
        smtp_port=_int(env, "SMTP_PORT", 25, minimum=1),
        smtp_user=env.get("SMTP_USER", ""),
        smtp_password=env.get("SMTP_PASSWORD", ""),
        smtp_starttls=_bool(env, "SMTP_STARTTLS", False),
        mail_from=env.get("MAIL_FROM", "Doorstep <noreply@doorstep.localhost>"),
        debug=_bool(env, "DOORSTEP_DEBUG", False),
        login_limit_per_phone=_int(env, "LOGIN_LIMIT_PER_PHONE", 5, minimum=1),
        login_limit_per_ip=_int(env, "LOGIN_LIMIT_PER_IP", 30, minimum=1),
        session_days=_int(env, "SESSION_DAYS", 14, minimum=1),
        api_token_hours=_int(env, "API_TOKEN_HOURS", 24, minimum=1),
        max_body_bytes=_int(env, "MAX_BODY_BYTES", 1024 * 1024, minimum=1024),
        max_upload_bytes=_int(env, "MAX_UPLOAD_BYTES", 64 * 1024 * 1024, minimum=1024),
        sms_gateway_url=sms_url,
        sms_gateway_key=sms_key,
        sms_templates=sms_templates,
        quiet_hours=_quiet_hours(env),
        outbox_max_attempts=_int(env, "OUTBOX_MAX_ATTEMPTS", 5, minimum=1),
        outbox_retry_seconds=_int(env, "OUTBOX_RETRY_SECONDS", 30, minimum=1),
        outbox_lease_seconds=_int(env, "OUTBOX_LEASE_SECONDS", 300, minimum=1),
        outbox_sweep_seconds=_int(env, "OUTBOX_SWEEP_SECONDS", 60, minimum=1),
    )


@lru_cache(maxsize=1)
def get() -> Settings:
    """The settings of this process, read once."""
    return load()
