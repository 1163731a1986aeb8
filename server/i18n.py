"""Languages: zh-CN first, English complete. Message ids are English; zh_CN is a Babel catalog.

The current language lives in a context variable set per request (or per job), so templates,
handlers and domain messages all translate the same way.
"""

from __future__ import annotations

import contextvars
from datetime import date, datetime
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LANGUAGES = ("zh-CN", "en")
DEFAULT_LANGUAGE = "zh-CN"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# Parsed once: Babel parses a locale given as a string on every call (about 0.2 ms, twenty
# times the formatting itself), and a list page formats a date on every row.
_BABEL_LOCALE = {"zh-CN": Locale.parse("zh_Hans_CN"), "en": Locale.parse("en")}
_CATALOG = {"zh-CN": "zh_CN"}

_current: contextvars.ContextVar[str] = contextvars.ContextVar("language", default=DEFAULT_LANGUAGE)


def pick(value: str | None) -> str | None:
    """The supported language named by ``value`` (a cookie, a setting, a header part)."""
    if not value:
        return None
    value = value.strip().lower().replace("_", "-")
    if value.startswith("zh"):
        return "zh-CN"
    if value.startswith("en"):
        return "en"
    return None


def from_accept_language(header: str) -> str | None:
    """The first supported language in an Accept-Language header, in its order of preference."""
    ranked = []
    for index, part in enumerate(header.split(",")):
        name, _, q = part.strip().partition(";q=")
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            weight = 0.0
        ranked.append((-weight, index, name))
    for _, _, name in sorted(ranked):
        if found := pick(name):
            return found
    return None


@cache
def translations(language: str) -> NullTranslations:
    """The compiled catalog for ``language``; compiled in memory from the .po, no build step."""
    catalog_name = _CATALOG.get(language)
    if catalog_name is None:
        return NullTranslations()
    with open(LOCALE_DIR / catalog_name / "LC_MESSAGES" / "messages.po", "rb") as fh:
        catalog = read_po(fh, locale=catalog_name)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer)


def set_language(language: str) -> contextvars.Token[str]:
    return _current.set(language if language in LANGUAGES else DEFAULT_LANGUAGE)


def get_language() -> str:
    return _current.get()


def gettext(message: str, **variables: object) -> str:
    text = translations(_current.get()).gettext(message)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``; the caller fills in ``%(num)d``."""
    return translations(_current.get()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a message for extraction; it is translated later, where it is shown."""
    return message


def babel_locale() -> Locale:
    return _BABEL_LOCALE[_current.get()]


def format_when(value: datetime, tz: str, style: str = "medium") -> str:
    """A UTC datetime shown in ``tz`` and the current language."""
    return format_datetime(value.astimezone(_zone(tz)), style, locale=babel_locale())


def format_day(value: datetime, tz: str, style: str = "full") -> str:
    return day_text(value.astimezone(_zone(tz)).date(), style, _current.get())


@lru_cache(maxsize=4096)  # few days are shown, on many pages; Babel takes ~50 µs for one
def day_text(day: date, style: str, language: str) -> str:
    """``day`` in words in ``language``: a Babel style or pattern."""
    return format_date(day, style, locale=_BABEL_LOCALE[language])


def format_clock(value: datetime, tz: str) -> str:
    return format_time(value.astimezone(_zone(tz)), "HH:mm", locale=babel_locale())


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)
