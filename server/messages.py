"""Rendering one message (subject, text, HTML, SMS) in its recipient's language."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from server import i18n
from server.templating import env


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str
    sms: str


SEPARATOR = "\x1e"  # between the parts, written by templates/messages/_layout.html


def render(event: str, language: str, payload: dict[str, Any]) -> Rendered:
    template = env.get_template(f"messages/{event}.html")
    token = i18n.set_language(language)
    try:
        rendered = template.render({**payload, "p": payload})  # p: the whole payload, for macros
    finally:
        i18n._current.reset(token)
    subject, text, body, sms = (part.strip() for part in rendered.split(SEPARATOR))
    # The environment escapes for HTML; plain parts must read as typed: "A&B", not "A&amp;B".
    return Rendered(html.unescape(subject), html.unescape(text), body, html.unescape(sms))
